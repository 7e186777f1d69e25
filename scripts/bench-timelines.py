#!/usr/bin/env python3
"""Benchmark: another account's favourites and the home timeline at a fixed request rate.

Needs a dataset written by `java -jar annals.jar dataset` into <data-dir>/data/postgres (see
docs/measurements.md). Starts the server on it, waits until the read models have caught up,
then, for each endpoint, runs wrk (a second process) at the target rate with a Lua script that
rotates over 50 accounts, and pgbench at the same rate on the SQL the endpoint runs, as the
database's ceiling. Standard library only; needs wrk, psql and pgbench on the PATH.
Usage: scripts/bench-timelines.py <data-dir> [rate] [seconds]
"""
import sys

from benchlib import Server, pgbench, tokens_for, call, wrk

USERS = 50
WARMUP_SECONDS = 60

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


def main():
    data_dir = sys.argv[1]
    rate = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    seconds = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    with Server(data_dir) as server:
        print(f"read models caught up {server.wait_caught_up():.0f} s after start", flush=True)
        tokens = tokens_for([f"user{i}" for i in range(USERS)])
        ids = [call("PATCH", "/api/v1/accounts/update_credentials", {"hide_favorites": "false"}, token)["id"]
               for token in tokens]
        favourites = [("GET", f"/api/v1/pleroma/accounts/{ids[(i + 1) % USERS]}/favourites?limit=20", tokens[i], None)
                      for i in range(USERS)]
        home = [("GET", "/api/v1/timelines/home?limit=20", tokens[i], None) for i in range(USERS)]
        # The server has just started: both endpoints are warmed up (JIT, caches) before either is measured.
        wrk("warmup", favourites + home, rate, WARMUP_SECONDS)
        for name, requests in (("favourites", favourites), ("home", home)):
            wrk(name + "-warmup", requests, rate, 10)
            wrk(name, requests, rate, seconds)
        pgbench(server.pg_port, "favourites", FAVOURITES_SQL, ids, rate, seconds)
        pgbench(server.pg_port, "home", HOME_SQL, ids, rate, seconds)


if __name__ == "__main__":
    main()
