#!/usr/bin/env python3
"""Benchmark: a 5,000-line follow import, from POST to a completed job.

Starts the packaged server (api-gateway/target/annals.jar) on a fresh embedded database,
registers the accounts to follow, posts the list and polls the job until it completes.
Standard library only. Usage: scripts/bench-follow-import.py [entries] [runs]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "api-gateway", "target", "annals.jar")
PORT = int(os.environ.get("BENCH_PORT", "4410"))
BASE = f"http://localhost:{PORT}"


def call(method, path, form=None, token=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    request = urllib.request.Request(BASE + path, data=data, method=method)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, dict(response.headers), response.read().decode()


def wait_for_server(process):
    for _ in range(600):
        if process.poll() is not None:
            raise SystemExit("server exited")
        try:
            call("GET", "/api/v1/instance")
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("server did not start")


def register(nickname):
    call("POST", "/api/account/register", {"nickname": nickname, "email": nickname + "@bench.example",
                                           "fullname": nickname, "password": "pw", "confirm": "pw"})


def run(entries, run_number):
    work = tempfile.mkdtemp(prefix="annals-bench-")
    env = dict(os.environ, PORT=str(PORT), BCRYPT_STRENGTH="4")  # cheap hashing: setup time, not measured
    with open(os.path.join(work, "server.log"), "w") as log:
        process = subprocess.Popen(["java", "-jar", JAR], cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for_server(process)
        targets = [f"t{run_number}x{i}" for i in range(entries)]
        started = time.time()
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(register, targets))
        setup = time.time() - started
        _, _, app = call("POST", "/api/v1/apps", {"client_name": "bench", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob",
                                                  "scopes": "read write follow"})
        app = json.loads(app)
        register("importer")
        _, _, grant = call("POST", "/oauth/token", {"grant_type": "password", "client_id": app["client_id"],
                                                    "client_secret": app["client_secret"], "username": "importer",
                                                    "password": "pw"})
        token = json.loads(grant)["access_token"]
        body = "Account address,Show boosts\n" + "".join(f"{t}@localhost:{PORT},true\n" for t in targets)

        t0 = time.time()
        _, headers, _ = call("POST", "/api/pleroma/follow_import", {"list": body}, token)
        location = urllib.parse.urlparse(headers["Location"]).path
        while True:
            _, _, job = call("GET", location, token=token)
            job = json.loads(job)
            if job["state"] == "completed":
                break
            time.sleep(0.05)
        elapsed = time.time() - t0
        # The follower counts are a separate, asynchronous read model: time until it shows every follow too.
        while True:
            _, _, me = call("GET", "/api/v1/accounts/verify_credentials", token=token)
            following = json.loads(me)["following_count"]
            if following >= job["results"]["followed"] or time.time() - t0 > 120:
                break
            time.sleep(0.05)
        counted = time.time() - t0
        return setup, elapsed, counted, job["results"], following
    except Exception:
        print(f"failed; the server log is kept in {work}/server.log", file=sys.stderr)
        work = None
        raise
    finally:
        process.terminate()
        process.wait(timeout=30)
        if work:
            shutil.rmtree(work, ignore_errors=True)


def main():
    entries = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    if not os.path.exists(JAR):
        subprocess.run(["mvn", "-q", "-B", "package", "-DskipTests"], cwd=ROOT, check=True)
    print(f"{'run':<4} {'entries':<8} {'setup_s':<8} {'import_s':<9} {'entries_per_s':<14} {'counts_s':<9} "
          f"following  results")
    for run_number in range(1, runs + 1):
        setup, elapsed, counted, results, following = run(entries, run_number)
        print(f"{run_number:<4} {entries:<8} {setup:<8.1f} {elapsed:<9.2f} {entries / elapsed:<14.0f} "
              f"{counted:<9.2f} {following:<10} {json.dumps(results)}", flush=True)


if __name__ == "__main__":
    main()
