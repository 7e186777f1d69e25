#!/usr/bin/env python3
"""Benchmark: deleting an account with 50 000 statuses while other users keep reading.

Writes its own dataset into <data-dir> (which must not exist): `annals.jar dataset` with one
account, user0, and all its statuses. Starts the server on it, registers 50 readers who follow
user0 and each other, and waits until every read model and policy is at the head of the log.
Then, for the same duration each:
  1. baseline: wrk at a fixed rate on the readers' home timelines and verify_credentials;
  2. the same load while user0 deletes its account: the time until the deletion process has
     recorded the deletion, and until every read model has processed it.
Usage: scripts/bench-account-deletion.py <data-dir> [statuses] [rate] [seconds]
"""
import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from benchlib import JAR, Server, call, caught_up, psql, tokens_for, wrk

READERS = 50
ADMIN_TOKEN = "bench-admin-token"


def register(nickname):
    call("POST", "/api/account/register", {"nickname": nickname, "email": f"{nickname}@bench.example",
                                           "fullname": nickname, "password": "password", "confirm": "password"})


def main():
    data_dir = sys.argv[1]
    statuses = int(sys.argv[2]) if len(sys.argv) > 2 else 50_000
    rate = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    seconds = int(sys.argv[4]) if len(sys.argv) > 4 else 60
    os.makedirs(data_dir)
    started = time.time()
    subprocess.run(["java", "-jar", JAR, "dataset", "--seed", "7", "--accounts", "1", "--statuses", str(statuses),
                    "--favourites", "0", "--follows", "0", "--subscriptions", "0"], cwd=data_dir, check=True)
    print(f"dataset: 1 account, {statuses} statuses in {time.time() - started:.0f} s", flush=True)
    os.environ["ADMIN_TOKEN"] = ADMIN_TOKEN
    with Server(data_dir) as server:
        took = server.wait_caught_up(with_policies=True)
        print(f"read models built from the dataset in {took:.0f} s", flush=True)
        readers = [f"reader{i}" for i in range(READERS)]
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(register, readers))
        tokens = tokens_for(readers + ["user0"])
        doomed_token = tokens.pop()
        doomed = call("GET", "/api/v1/accounts/verify_credentials", None, doomed_token)["id"]
        ids = [call("GET", "/api/v1/accounts/verify_credentials", None, token)["id"] for token in tokens]
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda t: call("POST", f"/api/v1/accounts/{doomed}/follow", {}, t), tokens))
            list(pool.map(lambda i: call("POST", f"/api/v1/accounts/{ids[(i + 1) % READERS]}/follow", {},
                                         tokens[i]), range(READERS)))
            list(pool.map(lambda i: call("POST", "/api/v1/statuses", {"status": f"reader post {i}"}, tokens[i]),
                          range(READERS)))
        server.wait_caught_up(with_policies=True)
        requests = []
        for token in tokens:
            requests.append(("GET", "/api/v1/timelines/home?limit=20", token, None))
            requests.append(("GET", "/api/v1/accounts/verify_credentials", token, None))

        wrk("baseline", requests, rate, seconds)

        head_before = int(psql(server.pg_port, "SELECT max(globalindex) FROM domainevententry"))
        progress = {}

        def delete_and_watch():
            begun = time.time()
            answer = call("POST", "/api/pleroma/delete_account", {"password": "password"}, doomed_token)
            progress["answered"] = time.time() - begun
            assert answer == {"status": "success"}, answer
            while True:
                state = call("GET", f"/api/pleroma/admin/users/{doomed}/deletion?admin_token={ADMIN_TOKEN}")
                if state["state"] == "completed":
                    progress["process"] = time.time() - begun
                    progress["state"] = state
                    break
                time.sleep(0.2)
            while not caught_up(server.pg_port, with_policies=True):
                time.sleep(0.2)
            progress["read models"] = time.time() - begun

        watcher = threading.Thread(target=delete_and_watch)
        watcher.start()
        wrk("during deletion", requests, rate, seconds)
        watcher.join()
        state = progress["state"]
        events = int(psql(server.pg_port, "SELECT max(globalindex) FROM domainevententry")) - head_before
        left = psql(server.pg_port, f"SELECT count(*) FROM status_view WHERE author_id = '{doomed}' AND NOT deleted")
        print(f"deletion: answered in {progress['answered'] * 1000:.0f} ms; process recorded the deletion of "
              f"{state['statuses_deleted']} statuses and {state['relationships_severed']} relationships after "
              f"{progress['process']:.1f} s; every read model caught up after {progress['read models']:.1f} s "
              f"({events} events); statuses of the account still listed: {left}", flush=True)


if __name__ == "__main__":
    main()
