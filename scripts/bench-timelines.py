#!/usr/bin/env python3
"""Benchmark: another account's favourites and the home timeline at a fixed request rate.

Needs a dataset written by `java -jar annals.jar dataset` into <data-dir>/data/postgres (see
docs/measurements.md). Starts the server on it, waits until the read models have caught up,
then, for each endpoint, runs wrk (a second process) at the target rate with a Lua script that
rotates over 50 accounts, and pgbench at the same rate on the SQL the endpoint runs, as the
database's ceiling. Standard library only; needs wrk, psql and pgbench on the PATH.
Usage: scripts/bench-timelines.py <data-dir> [rate] [seconds]
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "api-gateway", "target", "annals.jar")
PORT = int(os.environ.get("BENCH_PORT", "4500"))
BASE = f"http://localhost:{PORT}"
USERS = 50
CONNECTIONS = 16

FAVOURITES_SQL = """
SELECT s.status_id, s.author_id, s.content_html, s.favourites_count
FROM favourite_view fav JOIN status_view s ON s.status_id = fav.status_id
WHERE fav.account_id = :owner AND NOT s.deleted
  AND (s.visibility IN ('PUBLIC', 'UNLISTED') OR s.author_id = :viewer OR :viewer = ANY (s.mentioned_ids)
       OR (s.visibility = 'PRIVATE' AND EXISTS (SELECT 1 FROM relationship_view f WHERE f.account_id = :viewer
           AND f.target_id = s.author_id AND f.following)))
  AND NOT EXISTS (SELECT 1 FROM relationship_view b WHERE b.account_id = :viewer AND b.target_id = s.author_id
                  AND b.blocking)
ORDER BY fav.status_id DESC LIMIT 20;
"""

HOME_SQL = """
SELECT s.status_id, s.author_id, s.content_html, s.favourites_count
FROM home_timeline_entry h JOIN status_view s ON s.status_id = h.status_id
WHERE h.owner_id = :viewer AND NOT s.deleted
  AND (s.visibility IN ('PUBLIC', 'UNLISTED') OR s.author_id = :viewer OR :viewer = ANY (s.mentioned_ids)
       OR (s.visibility = 'PRIVATE' AND EXISTS (SELECT 1 FROM relationship_view f WHERE f.account_id = :viewer
           AND f.target_id = s.author_id AND f.following)))
  AND NOT EXISTS (SELECT 1 FROM relationship_view m WHERE m.account_id = :viewer AND m.target_id = s.author_id
                  AND (m.blocking OR m.muting))
ORDER BY h.status_id DESC LIMIT 20;
"""


def call(method, path, form=None, token=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    request = urllib.request.Request(BASE + path, data=data, method=method)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read().decode() or "null")


def psql(port, sql):
    return subprocess.run(["psql", "-h", "localhost", "-p", str(port), "-U", "postgres", "-d", "postgres", "-Atc",
                           sql], check=True, capture_output=True, text=True).stdout.strip()


def position(token):
    """The position a processor has reached; a replay token's is its current token's."""
    if token is None:
        return -1
    if "currentToken" in token:
        return position(token["currentToken"])
    return token.get("index", -1)


def caught_up(port):
    head = int(psql(port, "SELECT coalesce(max(globalindex), 0) FROM domainevententry"))
    for line in psql(port, "SELECT convert_from(token, 'UTF8') FROM tokenentry "
                           "WHERE processorname NOT LIKE 'policy-%'").splitlines():
        if position(json.loads(line)) < head:
            return False
    return True


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p / 100))]


def wrk(name, paths_and_tokens, rate, seconds):
    requests = ", ".join('{"%s", "%s"}' % (path, token) for path, token in paths_and_tokens)
    delay_ms = max(0, int(1000 * CONNECTIONS / rate) - 2)
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    script.write("local requests = {%s}\nlocal n = 0\n"
                 "request = function()\n  n = n + 1\n  local r = requests[(n %% #requests) + 1]\n"
                 "  return wrk.format('GET', r[1], {['Authorization'] = 'Bearer ' .. r[2]})\nend\n"
                 "delay = function() return %d end\n"
                 "response = function(status) if status ~= 200 then error('status ' .. status) end end\n"
                 % (requests, delay_ms))
    script.close()
    out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "-s", script.name, BASE],
                         capture_output=True, text=True).stdout
    latency = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)$", out, re.M))
    achieved = re.search(r"Requests/sec:\s+(\S+)", out).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    print(f"wrk      {name:<12} rate {achieved:>8}/s  p50 {latency.get('50')}  p90 {latency.get('90')}  "
          f"p99 {latency.get('99')}  non-2xx {errors.group(1) if errors else 0}", flush=True)


def pgbench(port, name, sql, ids, rate, seconds):
    with tempfile.TemporaryDirectory() as work:
        script = os.path.join(work, "query.sql")
        cases = " ".join(f"WHEN {i} THEN '{account}'" for i, account in enumerate(ids))
        body = sql.replace(":viewer", "(SELECT CASE :i " + cases + " END)").replace(
            ":owner", "(SELECT CASE :j " + cases.replace("WHEN", "WHEN") + " END)")
        with open(script, "w") as f:
            f.write(f"\\set i random(0, {len(ids) - 1})\n\\set j (:i + 1) % {len(ids)}\n"
                    + " ".join(body.split()) + "\n")
        subprocess.run(["pgbench", "-h", "localhost", "-p", str(port), "-U", "postgres", "-n", "-c", "4", "-j", "2",
                        "-R", str(rate), "-T", str(seconds), "-f", script, "-l", "--log-prefix",
                        os.path.join(work, "log"), "postgres"], check=True, capture_output=True, text=True)
        latencies = []
        for log in os.listdir(work):
            if log.startswith("log"):
                with open(os.path.join(work, log)) as f:
                    latencies += [int(line.split()[2]) / 1000 for line in f if line.strip()]
        print(f"pgbench  {name:<12} rate {len(latencies) / seconds:>8.1f}/s  p50 {percentile(latencies, 50):.2f}ms  "
              f"p90 {percentile(latencies, 90):.2f}ms  p99 {percentile(latencies, 99):.2f}ms", flush=True)


def main():
    data_dir = sys.argv[1]
    rate = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    seconds = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    env = dict(os.environ, PORT=str(PORT))
    log = open(os.path.join(data_dir, "bench-server.log"), "w")
    server = subprocess.Popen(["java", "-jar", JAR], cwd=data_dir, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(600):
            try:
                call("GET", "/api/v1/instance")
                break
            except OSError:
                time.sleep(0.5)
        with open(os.path.join(data_dir, "data", "postgres", "postmaster.pid")) as pid:
            pg_port = int(pid.read().splitlines()[3])
        started = time.time()
        while not caught_up(pg_port):
            time.sleep(5)
        print(f"read models caught up {time.time() - started:.0f} s after start", flush=True)
        print(psql(pg_port, "SELECT 'events ' || count(*) FROM domainevententry"), flush=True)

        app = call("POST", "/api/v1/apps", {"client_name": "bench", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob",
                                            "scopes": "read write follow"})
        tokens, ids = [], []
        for i in range(USERS):
            grant = call("POST", "/oauth/token", {"grant_type": "password", "client_id": app["client_id"],
                                                  "client_secret": app["client_secret"], "username": f"user{i}",
                                                  "password": "password"})
            me = call("PATCH", "/api/v1/accounts/update_credentials", {"hide_favorites": "false"},
                      grant["access_token"])
            tokens.append(grant["access_token"])
            ids.append(me["id"])
        favourites = [(f"/api/v1/pleroma/accounts/{ids[(i + 1) % USERS]}/favourites?limit=20", tokens[i])
                      for i in range(USERS)]
        home = [("/api/v1/timelines/home?limit=20", tokens[i]) for i in range(USERS)]
        for name, requests in (("favourites", favourites), ("home", home)):
            wrk(name + "-warmup", requests, rate, 10)
            wrk(name, requests, rate, seconds)
        pgbench(pg_port, "favourites", FAVOURITES_SQL, ids, rate, seconds)
        pgbench(pg_port, "home", HOME_SQL, ids, rate, seconds)
    finally:
        server.terminate()
        server.wait(timeout=60)


if __name__ == "__main__":
    main()
