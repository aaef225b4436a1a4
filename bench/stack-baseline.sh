#!/usr/bin/env bash
# Baseline of the local stack: time from `bin/factory up` to every service healthy (warm start: already built,
# database and Kafka data kept), then the resident memory of each process after it has been idle for a while.
# Usage: bench/stack-baseline.sh [runs]   Prints a Markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS=${1:-3}
IDLE_SECONDS=${IDLE_SECONDS:-30}
FACTORY_HOME=${FACTORY_HOME:-$PWD/.factory}

bin/factory down >/dev/null
bin/factory up >/dev/null   # first start: creates the database, schemas and Kafka storage
times=()
for run in $(seq 1 "$RUNS"); do
  bin/factory down >/dev/null
  start=$(date +%s%N)
  bin/factory up >/dev/null
  end=$(date +%s%N)
  times+=($(((end - start) / 1000000)))
done
sleep "$IDLE_SECONDS"

echo "| run | bin/factory up until all healthy (s) |"
echo "| --- | --- |"
for i in "${!times[@]}"; do printf '| %d | %d.%d |\n' $((i + 1)) $((times[i] / 1000)) $((times[i] % 1000 / 100)); done
echo
echo "| process | RSS at idle (MB) |"
echo "| --- | --- |"
total=0
for pidfile in "$FACTORY_HOME"/pids/*.pid; do
  name=$(basename "$pidfile" .pid)
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$(cat "$pidfile")/status")
  total=$((total + rss_kb))
  printf '| %s | %d |\n' "$name" $((rss_kb / 1024))
done
printf '| **whole stack** | **%d** |\n' $((total / 1024))
