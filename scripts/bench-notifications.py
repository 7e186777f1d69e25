#!/usr/bin/env python3
"""Benchmark: notification listing and reading at fixed rates, and the fan-out of one post.

Needs a dataset written by `java -jar annals.jar dataset` into <data-dir>/data/postgres (see
docs/measurements.md); its favourites, follows and subscriptions give about 2 M notifications.
Starts the server on it and waits until the notification policy and every read model have
reached the head of the log (reported: how long that took). Then:
  1. GET /api/v1/notifications?limit=20 with wrk at the target rate over 50 accounts, and
     pgbench on the same SQL at the same rate as the database's ceiling;
  2. POST /api/pleroma/notifications/read with the id of an unread notification, a different
     one each request, at the read rate (by the 50 accounts with the most unread ones);
  3. 5 000 accounts subscribe to one account, which then posts three times: the time from the
     post's answer until all 5 000 notifications are in the read model (and until the policy's
     deliveries were in the log).
Usage: scripts/bench-notifications.py <data-dir> [rate] [seconds] [read-rate]
"""
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from benchlib import Server, call, caught_up, pgbench, psql, tokens_for, wrk

USERS = 50
# The server has just started: its JIT compiles the listing's path while the load rises, as it
# would on a server that has been up. The full rate on a cold server queues everything for minutes.
WARMUP = ((0.4, 30), (0.7, 30), (1.0, 30))
FANOUT = 5000

LIST_SQL = """
SELECT n.notification_id, n.recipient_id, n.type, n.actor_id, n.status_id,
       (coalesce(n.notification_id <= (SELECT m.last_read_id FROM notification_marker m
                                        WHERE m.account_id = n.recipient_id), false)
        OR coalesce((SELECT true FROM notification_seen s WHERE s.recipient_id = n.recipient_id
                     AND s.notification_id = n.notification_id), false)), n.created_at, n.emoji
FROM notification_view n WHERE n.recipient_id = :viewer
  AND NOT EXISTS (SELECT 1 FROM relationship_view r WHERE r.account_id = n.recipient_id
                  AND r.target_id = n.actor_id AND (r.blocking OR r.muting_notifications))
  AND NOT EXISTS (SELECT 1 FROM account_view a WHERE a.account_id = n.actor_id AND a.deactivated)
ORDER BY n.notification_id DESC LIMIT 20;
"""

# Neither behind the recipient's read marker nor marked on its own.
UNREAD = ("n.notification_id > coalesce((SELECT m.last_read_id FROM notification_marker m "
          "WHERE m.account_id = n.recipient_id), 0) AND NOT EXISTS (SELECT 1 FROM notification_seen s "
          "WHERE s.recipient_id = n.recipient_id AND s.notification_id = n.notification_id)")


def fanout(server):
    """Subscribes accounts user1..user5000 to user0, then times three posts' deliveries."""
    tokens = {}
    with ThreadPoolExecutor(8) as pool:
        nicknames = [f"user{i}" for i in range(FANOUT + 1)]
        chunks = [nicknames[i:i + 250] for i in range(0, len(nicknames), 250)]
        for chunk, chunk_tokens in zip(chunks, pool.map(tokens_for, chunks)):
            tokens.update(zip(chunk, chunk_tokens))
        author = call("GET", "/api/v1/accounts/verify_credentials", None, tokens["user0"])["id"]
        list(pool.map(lambda n: call("POST", f"/api/v1/pleroma/accounts/{author}/subscribe", {}, tokens[n]),
                      nicknames[1:]))
    subscribers = int(psql(server.pg_port, f"SELECT count(*) FROM relationship_view WHERE target_id = '{author}' "
                                           "AND subscribing"))
    print(f"fan-out: user0 has {subscribers} subscribers", flush=True)
    # Each post is timed alone: not behind the 5,000 subscriptions still being processed.
    while not caught_up(server.pg_port, with_policies=True):
        time.sleep(0.5)
    for attempt in range(3):
        head = int(psql(server.pg_port, "SELECT max(globalindex) FROM domainevententry"))
        status = call("POST", "/api/v1/statuses", {"status": f"fan-out {attempt} {time.time()}"},
                      tokens["user0"])["id"]
        posted = time.time()
        expected = int(psql(server.pg_port, "SELECT count(*) FROM relationship_lookup r WHERE r.target_id = "
                                            f"'{author}' AND r.subscribing"))
        delivered, appended = 0, None
        while delivered < expected and time.time() - posted < 60:
            time.sleep(0.02)  # each look starts a psql: looking without a pause would take a core from the server
            delivered, now_head = (int(value) for value in psql(
                server.pg_port, f"SELECT (SELECT count(*) FROM notification_view WHERE status_id = '{status}'), "
                                "(SELECT max(globalindex) FROM domainevententry)").split("|"))
            if appended is None and now_head - head > expected:
                appended = time.time() - posted
        print(f"fan-out: {delivered}/{expected} notifications listed {time.time() - posted:.2f} s after the post "
              f"was answered (the deliveries were in the log after {appended or 0:.2f} s)", flush=True)
        time.sleep(2)


def main():
    data_dir = sys.argv[1]
    rate = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    seconds = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    read_rate = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    with Server(data_dir) as server:
        took = server.wait_caught_up(with_policies=True)
        print(f"policy and read models caught up {took:.0f} s after start", flush=True)
        print(psql(server.pg_port, "SELECT 'events ' || count(*) FROM domainevententry"), flush=True)
        print(psql(server.pg_port, "SELECT 'notifications ' || count(*) || ' over ' || count(DISTINCT recipient_id)"
                                   " || ' accounts' FROM notification_view"), flush=True)

        nicknames = [f"user{i}" for i in range(USERS)]
        tokens = tokens_for(nicknames)
        ids = [call("GET", "/api/v1/accounts/verify_credentials", None, token)["id"] for token in tokens]
        listing = [("GET", "/api/v1/notifications?limit=20", tokens[i], None) for i in range(USERS)]
        for share, seconds_at in WARMUP:
            wrk(f"warmup {share:.0%}", listing, int(rate * share), seconds_at)
        wrk("list-warmup", listing, rate, 10)
        wrk("list", listing, rate, seconds)
        pgbench(server.pg_port, "list", LIST_SQL, ids, rate, seconds)

        # Readers: the accounts with the most unread notifications, so that a run on a dataset that
        # earlier runs have read still marks a different unread notification with every request.
        readers = psql(server.pg_port, "SELECT a.account_id, a.nickname FROM account_view a JOIN "
                                       "(SELECT recipient_id, count(*) AS unread FROM notification_view n "
                                       f"WHERE {UNREAD} "
                                       f"GROUP BY recipient_id ORDER BY unread DESC LIMIT {USERS}) u "
                                       "ON u.recipient_id = a.account_id").splitlines()
        reader_ids = [line.split("|")[0] for line in readers]
        token_of = dict(zip(reader_ids, tokens_for([line.split("|")[1] for line in readers])))
        unread = psql(server.pg_port, "SELECT recipient_id, notification_id FROM notification_view n "
                                      f"WHERE {UNREAD} AND recipient_id IN ({','.join(repr(i) for i in reader_ids)}) "
                                      f"ORDER BY notification_id LIMIT {read_rate * (seconds + 10)}")
        reads = [("POST", "/api/pleroma/notifications/read", token_of[recipient], f"id={notification}")
                 for recipient, notification in (line.split("|") for line in unread.splitlines())]
        print(f"read: {len(reads)} distinct unread notifications to mark", flush=True)
        wrk("read-warmup", reads[:read_rate * 10], read_rate, 10)
        wrk("read", reads[read_rate * 10:], read_rate, seconds)

        fanout(server)


if __name__ == "__main__":
    main()
