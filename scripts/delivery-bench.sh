#!/usr/bin/env bash
# Delivery at scale: a fleet of fake servers on this machine (200 by default, each verifying every
# signature it gets) whose 10,000 accounts follow one local account, which then posts; the second
# post is made with 10 hosts refusing connections and 10 never answering. Start the server first,
# with the fake servers' addresses allowed, the benchmark's registrations not rate-limited, and
# failed deliveries retried soon, e.g.
#   FEDERATION_ALLOW_PRIVATE_ADDRESSES=true RATE_LIMIT_EXEMPT=127.0.0.1 \
#     FEDERATION_DELIVERY_FIRST_RETRY_SECONDS=5 java -jar api-gateway/target/annals.jar
# Usage: scripts/delivery-bench.sh [--url=http://localhost:4000] [--hosts=200] [--followers=10000]
#                                  [--refusing=10] [--hanging=10]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl api-gateway test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
exec java -cp "api-gateway/target/test-classes:api-gateway/target/classes:$(cat api-gateway/target/bench.classpath)" \
    social.annals.gateway.federation.bench.DeliveryBenchmark "$@"
