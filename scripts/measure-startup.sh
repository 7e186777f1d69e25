#!/usr/bin/env bash
# Measures the all-in-one server with its embedded PostgreSQL: time to the first HTTP answer on a
# fresh data directory (includes initdb) and on a restart, Spring's own startup time, and memory,
# idle and after a short workload. JVM memory is RSS; PostgreSQL's is PSS summed over its
# processes (RSS would count the shared buffers once per backend).
# Usage: scripts/measure-startup.sh [runs]   (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=$PWD/api-gateway/target/annals.jar
[ -f "$jar" ] || mvn -q -B package -DskipTests
port=${PORT:-4400}

rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
pg_pss_mb() {
  local kb=0 pid
  for pid in $(pgrep -f "postgres -D $1" || true); do
    for p in $pid $(pgrep -P "$pid" || true); do
      kb=$((kb + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
    done
  done
  echo $((kb / 1024))
}
start_server() { # $1 = working directory; sets pid and seconds
  local t0; t0=$(date +%s.%N)
  (cd "$1" && PORT=$port exec java -jar "$jar" >>"$1/server.log" 2>&1) &
  pid=$!
  until curl -fs "http://localhost:$port/api/pleroma/healthcheck" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { cat "$1/server.log"; exit 1; }
    sleep 0.05
  done
  seconds=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
}
stop_server() { kill "$pid"; wait "$pid" 2>/dev/null || true; }
workload() { # 50 x (register, password grant, verify_credentials)
  local app cid secret token i
  app=$(curl -fs -X POST "http://localhost:$port/api/v1/apps" -d client_name=bench \
    -d redirect_uris=urn:ietf:wg:oauth:2.0:oob -d 'scopes=read write')
  cid=$(echo "$app" | sed 's/.*"client_id":"\([^"]*\)".*/\1/')
  secret=$(echo "$app" | sed 's/.*"client_secret":"\([^"]*\)".*/\1/')
  for i in $(seq 1 50); do
    curl -fs -X POST "http://localhost:$port/api/account/register" -d nickname="bench$i" \
      -d email="bench$i@example.org" -d fullname=Bench -d password=pw -d confirm=pw >/dev/null
    token=$(curl -fs -X POST "http://localhost:$port/oauth/token" -d grant_type=password -d client_id="$cid" \
      -d client_secret="$secret" -d username="bench$i" -d password=pw | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
    curl -fs "http://localhost:$port/api/v1/accounts/verify_credentials" -H "Authorization: Bearer $token" >/dev/null
  done
}

printf '%-4s %-10s %-10s %-8s %-10s %-10s %-12s %-12s\n' run fresh_s restart_s spring_s jvm_idle pg_idle \
  jvm_loaded pg_loaded
for run in $(seq 1 "$runs"); do
  work=$(mktemp -d)
  start_server "$work"; fresh=$seconds; stop_server
  start_server "$work"; restart=$seconds
  spring=$(grep -o 'Started AnnalsApplication in [0-9.]* seconds' "$work/server.log" | tail -1 | awk '{print $4}')
  sleep 2
  jvm_idle=$(rss_mb $pid); pg_idle=$(pg_pss_mb "$work/data/postgres")
  workload
  jvm_loaded=$(rss_mb $pid); pg_loaded=$(pg_pss_mb "$work/data/postgres")
  stop_server
  printf '%-4s %-10s %-10s %-8s %-10s %-10s %-12s %-12s\n' "$run" "$fresh" "$restart" "$spring" \
    "${jvm_idle}MB" "${pg_idle}MB" "${jvm_loaded}MB" "${pg_loaded}MB"
  rm -rf "$work"
done
