#!/usr/bin/env bash
# Measures the all-in-one server: time to first answer, Spring's startup time, and resident
# memory (RSS) of the JVM and of the embedded PostgreSQL, idle and after a short workload.
# Usage: scripts/measure-startup.sh [runs]   (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=api-gateway/target/annals.jar
[ -f "$jar" ] || mvn -q -B package -DskipTests
port=${PORT:-4400}

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
pg_rss_kb() { # the embedded postgres: the postmaster of the data directory and its children
  local total=0 pid
  for pid in $(pgrep -f "postgres -D $1" || true); do
    for p in $pid $(pgrep -P "$pid" || true); do total=$((total + $(rss_kb "$p" 2>/dev/null || echo 0))); done
  done
  echo $total
}

printf '%-4s %-14s %-14s %-12s %-12s %-14s %-12s\n' run first_answer_s spring_start_s jvm_idle_MB pg_idle_MB jvm_loaded_MB pg_loaded_MB
for run in $(seq 1 "$runs"); do
  work=$(mktemp -d)
  start=$(date +%s.%N)
  (cd "$work" && PORT=$port exec java -jar "$OLDPWD/$jar" >"$work/server.log" 2>&1) &
  pid=$!
  until curl -fs "http://localhost:$port/api/pleroma/healthcheck" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 0.1
  done
  ready=$(date +%s.%N)
  sleep 2
  spring=$(grep -o 'Started AnnalsApplication in [0-9.]* seconds' "$work/server.log" | awk '{print $4}')
  datadir="$work/data/postgres"
  jvm_idle=$(( $(rss_kb $pid) / 1024 )); pg_idle=$(( $(pg_rss_kb "$datadir") / 1024 ))

  # A short workload: 50 registrations, token grants and verify_credentials.
  app=$(curl -fs -X POST "http://localhost:$port/api/v1/apps" -d client_name=bench -d redirect_uris=urn:ietf:wg:oauth:2.0:oob -d 'scopes=read write')
  cid=$(echo "$app" | sed 's/.*"client_id":"\([^"]*\)".*/\1/'); secret=$(echo "$app" | sed 's/.*"client_secret":"\([^"]*\)".*/\1/')
  for i in $(seq 1 50); do
    curl -fs -X POST "http://localhost:$port/api/account/register" -d nickname=bench$i -d email=bench$i@example.org \
      -d fullname=Bench -d password=pw -d confirm=pw >/dev/null
    token=$(curl -fs -X POST "http://localhost:$port/oauth/token" -d grant_type=password -d client_id="$cid" \
      -d client_secret="$secret" -d username=bench$i -d password=pw | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
    curl -fs "http://localhost:$port/api/v1/accounts/verify_credentials" -H "Authorization: Bearer $token" >/dev/null
  done
  jvm_loaded=$(( $(rss_kb $pid) / 1024 )); pg_loaded=$(( $(pg_rss_kb "$datadir") / 1024 ))
  printf '%-4s %-14.2f %-14s %-12s %-12s %-14s %-12s\n' "$run" "$(awk -v a="$start" -v b="$ready" 'BEGIN {print b - a}')" "$spring" \
    "$jvm_idle" "$pg_idle" "$jvm_loaded" "$pg_loaded"
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$work"
done
