#!/usr/bin/env python3
"""Benchmark: rebuilding every read model from a large event log.

Needs a dataset written by `java -jar annals.jar dataset` into <data-dir>/data/postgres (see
docs/measurements.md for the sizes used; its notification policy should have delivered the
dataset's notifications, as bench-notifications.py leaves it). Starts the server on it, requests
a rebuild of every read model over HTTP and follows GET /api/pleroma/admin/projections until all
are live again, reporting events per second over the whole log and the rate every ten seconds.
With --from-scratch the positions of the read models and of the notification policy are removed
first: the server then builds every read model with its processor from an empty table (measured
too), and the policy skips the dataset's history.
Usage: scripts/bench-rebuild.py <data-dir> [--from-scratch] [rebuild-batch-size] [rebuild-threads]
"""
import os
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
    args = [arg for arg in sys.argv[1:] if arg != "--from-scratch"]
    from_scratch = "--from-scratch" in sys.argv
    data_dir = args[0]
    batch_size = args[1] if len(args) > 1 else "2000"
    threads = args[2] if len(args) > 2 else "2"
    os.environ.update(ADMIN_TOKEN=ADMIN_TOKEN, REBUILD_BATCH_SIZE=batch_size, REBUILD_THREADS=threads)
    if from_scratch:
        # First start without projectors: only to forget every position, so the next start builds from scratch.
        os.environ["ANNALS_ROLES"] = "web"
        drop_policy_position(data_dir)
        os.environ["ANNALS_ROLES"] = "web,projector"
    with Server(data_dir) as server:
        events = int(psql(server.pg_port, "SELECT max(globalindex) FROM domainevententry"))
        print(f"log: {events:,} events; rebuild batch size {batch_size}, {threads} passes", flush=True)
        if from_scratch:
            started = time.time()
            while not caught_up(server.pg_port, with_policies=True):
                time.sleep(2)
            took = time.time() - started
            print(f"first build of every read model: {took:.0f} s, {events / took:,.0f} events/s", flush=True)
        # Otherwise the read models need not be caught up: the rebuild takes them over wherever they are.
        # A processor's claim outlives a stopped server by the claim timeout (10 s): let it lapse.
        time.sleep(12)

        started = time.time()
        answer = call("POST", f"/api/pleroma/admin/projections/rebuild?admin_token={ADMIN_TOKEN}", {})
        print(f"rebuild requested: {len(answer)} read models", flush=True)
        live_after = {}
        last_report = 0
        while True:
            states = call("GET", f"/api/pleroma/admin/projections?admin_token={ADMIN_TOKEN}")
            rebuilding = [state for state in states if state["state"] == "rebuilding"]
            for state in states:
                if state["state"] == "live" and state["name"] not in live_after:
                    live_after[state["name"]] = time.time() - started
            if rebuilding and time.time() - last_report >= 10:
                last_report = time.time()
                slowest = min(rebuilding, key=lambda state: state["position"])
                print(f"  {time.time() - started:4.0f} s: {len(rebuilding)} rebuilding, slowest {slowest['name']} "
                      f"at {slowest['position']:,} ({slowest.get('events_per_second') or 0:,.0f} events/s)",
                      flush=True)
            if not rebuilding and time.time() - started > 2:
                break
            time.sleep(1)
        took = time.time() - started
        print(f"rebuild of every read model over HTTP: {took:.0f} s, {events / took:,.0f} events/s", flush=True)
        for name, seconds in sorted(live_after.items(), key=lambda item: -item[1])[:5]:
            print(f"  {name}: live after {seconds:.0f} s", flush=True)


if __name__ == "__main__":
    main()
