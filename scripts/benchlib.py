"""Shared parts of the benchmark scripts: the server on a dataset, wrk at a fixed rate, pgbench.

Standard library only; needs wrk, psql and pgbench on the PATH.
"""
import json
import os
import re
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# ANNALS_JAR: a copy of the jar, so a long benchmark is not disturbed by a rebuild of the project.
JAR = os.environ.get("ANNALS_JAR", os.path.join(ROOT, "api-gateway", "target", "annals.jar"))
PORT = int(os.environ.get("BENCH_PORT", "4500"))
BASE = f"http://localhost:{PORT}"
CONNECTIONS = 16


def call(method, path, form=None, token=None):
    data = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
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


def caught_up(port, with_policies=False):
    """Whether every processor (read models, and policies if asked) has reached the head of the log."""
    head = int(psql(port, "SELECT coalesce(max(globalindex), 0) FROM domainevententry"))
    where = "" if with_policies else " WHERE processorname NOT LIKE 'policy-%'"
    for line in psql(port, "SELECT convert_from(token, 'UTF8') FROM tokenentry" + where).splitlines():
        if position(json.loads(line)) < head:
            return False
    return True


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p / 100))]


class Server:
    """The packaged server on <data-dir>/data/postgres, stopped on exit."""

    def __init__(self, data_dir):
        self.data_dir = data_dir
        self.process = None
        self.pg_port = None

    def __enter__(self):
        # The load generator signs in and registers far more often than the rate limits allow a person.
        env = dict(os.environ, PORT=str(PORT), RATE_LIMIT_EXEMPT="127.0.0.1,0:0:0:0:0:0:0:1")
        log = open(os.path.join(self.data_dir, "bench-server.log"), "w")
        self.process = subprocess.Popen(["java", "-jar", JAR], cwd=self.data_dir, env=env, stdout=log,
                                        stderr=subprocess.STDOUT)
        for _ in range(600):
            try:
                call("GET", "/api/v1/instance")
                break
            except OSError:
                time.sleep(0.5)
        with open(os.path.join(self.data_dir, "data", "postgres", "postmaster.pid")) as pid:
            self.pg_port = int(pid.read().splitlines()[3])
        return self

    def wait_caught_up(self, with_policies=False):
        started = time.time()
        while not caught_up(self.pg_port, with_policies):
            time.sleep(5)
        took = time.time() - started
        # After a bulk load, as an operator would: fresh statistics and visibility maps, so that
        # autovacuum does not run during the measurements.
        vacuum_started = time.time()
        psql(self.pg_port, "VACUUM (ANALYZE)")
        print(f"vacuum and analyze: {time.time() - vacuum_started:.0f} s", flush=True)
        return took

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=60)


def tokens_for(nicknames, scopes="read write follow"):
    """A password-grant token for each dataset account (password "password")."""
    app = call("POST", "/api/v1/apps", {"client_name": "bench", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob",
                                        "scopes": scopes})
    return [call("POST", "/oauth/token", {"grant_type": "password", "client_id": app["client_id"],
                                          "client_secret": app["client_secret"], "username": nickname,
                                          "password": "password"})["access_token"] for nickname in nicknames]


THREADS = 2
# A schedule for wrk's delay(): each thread sends its next request at its next slot, one every
# {interval} ms, however long the answers before took (LuaJIT's ffi reads a millisecond clock).
# Waiting a fixed time after each answer instead made the rate fall as the answers slowed.
SCHEDULE = """
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } annals_timespec;
int clock_gettime(int clock, annals_timespec *time);
]]
local clock = ffi.new("annals_timespec")
local function now()
  ffi.C.clock_gettime(1, clock)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end
local slot = nil
delay = function()
  local time = now()
  slot = (slot or time) + %f
  return math.max(0, math.floor(slot - time))
end
"""


def wrk(name, requests, rate, seconds):
    """Runs wrk at {rate}/s over {requests}: (method, path, token, form body or None) tuples, in turn."""
    def lua(text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    entries = ", ".join("{%s, %s, %s, %s}" % (lua(method), lua(path), lua(token), lua(body or ""))
                        for method, path, token, body in requests)
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    script.write("local requests = {%s}\nlocal n = 0\n"
                 "request = function()\n  n = n + 1\n  local r = requests[(n %% #requests) + 1]\n"
                 "  local headers = {['Authorization'] = 'Bearer ' .. r[3]}\n"
                 "  if r[4] ~= '' then headers['Content-Type'] = 'application/x-www-form-urlencoded' end\n"
                 "  return wrk.format(r[1], r[2], headers, r[4] ~= '' and r[4] or nil)\nend\n"
                 "response = function(status) if status ~= 200 then error('status ' .. status) end end\n"
                 % entries)
    script.write(SCHEDULE % (1000.0 * THREADS / rate))
    script.close()
    out = subprocess.run(["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "-s", script.name,
                          BASE],
                         capture_output=True, text=True).stdout
    os.unlink(script.name)
    latency = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)$", out, re.M))
    achieved = re.search(r"Requests/sec:\s+(\S+)", out).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    print(f"wrk      {name:<14} rate {achieved:>8}/s  p50 {latency.get('50')}  p90 {latency.get('90')}  "
          f"p99 {latency.get('99')}  non-2xx {errors.group(1) if errors else 0}", flush=True)


def pgbench(port, name, sql, ids, rate, seconds):
    """pgbench at {rate}/s on {sql}, where :viewer is one of {ids} and :owner the next one."""
    with tempfile.TemporaryDirectory() as work:
        script = os.path.join(work, "query.sql")
        cases = " ".join(f"WHEN {i} THEN '{account}'" for i, account in enumerate(ids))
        body = sql.replace(":viewer", "(SELECT CASE :i " + cases + " END)").replace(
            ":owner", "(SELECT CASE :j " + cases + " END)")
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
        print(f"pgbench  {name:<14} rate {len(latencies) / seconds:>8.1f}/s  p50 {percentile(latencies, 50):.2f}ms  "
              f"p90 {percentile(latencies, 90):.2f}ms  p99 {percentile(latencies, 99):.2f}ms", flush=True)
