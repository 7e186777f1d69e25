#!/usr/bin/env bash
# Signed Create(Note) activities to the shared inbox of a running Annals, at a fixed rate.
# Start the server first with FEDERATION_ALLOW_PRIVATE_ADDRESSES=true (the remote actors run on
# this machine) and RATE_LIMIT_EXEMPT=127.0.0.1 (the benchmark registers an account), e.g.
#   FEDERATION_ALLOW_PRIVATE_ADDRESSES=true RATE_LIMIT_EXEMPT=127.0.0.1 java -jar api-gateway/target/annals.jar
# Usage: scripts/federation-bench.sh [--url=http://localhost:4000] [--rate=300] [--seconds=60] [--actors=50]
#                                   [--connections=64] [--warmup=20]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl api-gateway test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
exec java -cp "api-gateway/target/test-classes:api-gateway/target/classes:$(cat api-gateway/target/bench.classpath)" \
    social.annals.gateway.federation.bench.InboxBenchmark "$@"
