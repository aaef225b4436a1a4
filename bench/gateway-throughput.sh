#!/usr/bin/env bash
# Authenticated GET throughput and latency through api-gateway to ingest-service on loopback, with wrk.
# Starts the local stack with rate limits raised out of the way, creates a project, a key and one media item,
# then runs wrk against GET /v1/media/{id}: 30 s of warm-up, then three measured runs.
# The services run with the full JIT (C2) and a 256 MB heap unless FACTORY_JAVA_OPTS says otherwise; bin/factory's
# default (C1 only, 160 MB) favours start time and memory over throughput.
# With BENCH_PATH_ONLY=1 the services off the request's path (analysis, scheduler, publisher, metrics, coach,
# sandbox) are stopped once the media item is ingested, so that only gateway, ingest, Kafka and PostgreSQL share
# the cores with wrk.
# Usage: [BENCH_PATH_ONLY=1] bench/gateway-throughput.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DURATION=${1:-30}
CONNECTIONS=${2:-32}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }
export FACTORY_GATEWAY_RATE_LIMIT_KEY_PER_SECOND=1000000 FACTORY_GATEWAY_RATE_LIMIT_KEY_BURST=1000000
export FACTORY_GATEWAY_RATE_LIMIT_PROJECT_PER_SECOND=1000000 FACTORY_GATEWAY_RATE_LIMIT_PROJECT_BURST=1000000
export FACTORY_JAVA_OPTS=${FACTORY_JAVA_OPTS:-"-Xms64m -Xmx256m -XX:+UseSerialGC -Xss512k"}
bin/factory down >/dev/null
bin/factory up >/dev/null
slug="bench-$(date +%s)"
out=$(bin/factory project create "Bench $slug" --slug "$slug")
project=$(printf '%s\n' "$out" | head -1 | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
key=$(printf '%s\n' "$out" | tail -1 | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
inbox="${FACTORY_HOME:-.factory}/inbox/$slug"
for _ in $(seq 1 60); do [ -d "$inbox" ] && break; sleep 0.5; done
cp bin/demo-media/green-bowl.jpg "$inbox/"
media=""
for _ in $(seq 1 60); do
  media=$(psql -X -qtA -h 127.0.0.1 -U postgres -d content_factory -c "select id from ingest.media_assets where project_id = '$project'" 2>/dev/null || true)
  [ -n "$media" ] && break; sleep 0.5
done
url="http://localhost:8080/v1/media/$media"
curl -sf -H "Authorization: Bearer $key" "$url" >/dev/null || { echo "the benchmark request does not succeed" >&2; exit 1; }
if [ "${BENCH_PATH_ONLY:-0}" = 1 ]; then
  for svc in analysis-service scheduler-service publisher-service metrics-service coach-service platform-sandbox; do
    bin/factory stop "$svc" >/dev/null
  done
fi
wrk -t2 -c"$CONNECTIONS" -d30s -H "Authorization: Bearer $key" "$url" >/dev/null   # warm-up (JIT, pools, key cache)
for run in 1 2 3; do
  echo "--- run $run"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $key" "$url" | grep -E 'Requests/sec|  50%|  99%'
done
bin/factory down >/dev/null
