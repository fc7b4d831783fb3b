#!/usr/bin/env bash
# Every benchmark once at a tiny scale, on SQLite then on the PostgreSQL database given (its URL):
# a smoke test of the scripts, not of the timings (those are in docs/benchmarks.md).
#   scripts/bench_smoke.sh postgres://postgres@127.0.0.1:5432/alliances_smoke
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
postgres=${1:?the URL of an empty PostgreSQL database}
diagnostic=(--scale 0.001 --duration 1 --warmup 0.2 --territories 1 --port 8111)
pages=(--scale 0.001 --duration 1 --warmup 0.2 --pages 2 --concurrency 4 --workers 2 --port 8112)
for database in "" "$postgres"; do
  echo "=== ${database:-SQLite}"
  export DATABASE_URL="$database"
  [ -n "$database" ] || unset DATABASE_URL
  "$BIN/python" -m benchmarks.bench_reference_load --repeat 1
  "$BIN/python" -m benchmarks.bench_import_rna --scale 0.001
  "$BIN/python" -m benchmarks.bench_export --scale 0.001 --repeat 1 --no-xlsx
  "$BIN/python" -m benchmarks.bench_diagnostic "${diagnostic[@]}"
  "$BIN/python" -m benchmarks.bench_network --scale 0.001
  "$BIN/python" -m benchmarks.bench_pages "${pages[@]}"
done
