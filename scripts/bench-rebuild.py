#!/usr/bin/env python3
"""Benchmark: rebuilding every read model from a large event log.

Needs a dataset written by `java -jar annals.jar dataset` into <data-dir>/data/postgres (see
docs/measurements.md for the sizes used). The dataset's notifications are not wanted here: the
notification policy's position is removed first, so the policy skips the dataset's history.
Starts the server with the given processor settings and measures
  1. the first build of every read model from the log (the server starts with empty tables);
  2. a rebuild of every read model requested over HTTP, followed until all are live again,
reporting events per second over the whole log.
Usage: scripts/bench-rebuild.py <data-dir> [batch-size] [segments]
"""
import os
import subprocess
import sys
import time

from benchlib import Server, call, caught_up, psql

ADMIN_TOKEN = "bench-admin-token"


def drop_policy_position(data_dir):
    """Starts the embedded database alone (ANNALS_ROLES=web would start HTTP too), via the server."""
    with Server(data_dir) as server:
        psql(server.pg_port, "DELETE FROM tokenentry WHERE processorname = 'policy-notifications'")
        psql(server.pg_port, "DELETE FROM tokenentry WHERE processorname NOT LIKE 'policy-%'")


def main():
    data_dir = sys.argv[1]
    batch_size = sys.argv[2] if len(sys.argv) > 2 else "100"
    segments = sys.argv[3] if len(sys.argv) > 3 else "1"
    os.environ.update(ADMIN_TOKEN=ADMIN_TOKEN, PROCESSOR_BATCH_SIZE=batch_size, PROCESSOR_SEGMENTS=segments,
                      PROCESSOR_THREADS=segments, ANNALS_ROLES="web")
    # First start without projectors: only to forget every position, so the next start builds from scratch.
    drop_policy_position(data_dir)
    os.environ["ANNALS_ROLES"] = "web,projector"
    with Server(data_dir) as server:
        events = int(psql(server.pg_port, "SELECT max(globalindex) FROM domainevententry"))
        print(f"log: {events:,} events; batch size {batch_size}, segments {segments}", flush=True)
        started = time.time()
        while not caught_up(server.pg_port):
            time.sleep(2)
        took = time.time() - started
        print(f"first build of every read model: {took:.0f} s, {events / took:,.0f} events/s", flush=True)

        started = time.time()
        answer = call("POST", f"/api/pleroma/admin/projections/rebuild?admin_token={ADMIN_TOKEN}", {})
        print(f"rebuild requested: {len(answer)} read models", flush=True)
        slowest = {}
        while True:
            states = call("GET", f"/api/pleroma/admin/projections?admin_token={ADMIN_TOKEN}")
            rebuilding = [state for state in states if state["state"] == "rebuilding"]
            for state in states:
                if state["state"] == "live" and state["name"] not in slowest:
                    slowest[state["name"]] = time.time() - started
            if not rebuilding and time.time() - started > 2:
                break
            time.sleep(2)
        took = time.time() - started
        print(f"rebuild of every read model over HTTP: {took:.0f} s, {events / took:,.0f} events/s", flush=True)
        for name, seconds in sorted(slowest.items(), key=lambda item: -item[1])[:5]:
            print(f"  {name}: live after {seconds:.0f} s", flush=True)


if __name__ == "__main__":
    main()
