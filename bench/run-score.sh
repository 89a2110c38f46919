#!/usr/bin/env bash
# The score benchmark: spfkit score against DuckDB, on the same NDJSON
# files of heat-check responses, on the same machine in one run, at
# 200,000 and 1,000,000 responses (or the sizes given). DuckDB (through
# its Node API, bench/duckdb) reads each file with read_json and explicit
# columns and computes the same statistics in one SQL query, on as many
# threads as spfkit has workers; its time is the query's own, timed
# inside the process, so Node's and DuckDB's start-up are not counted.
# spfkit's time is its whole process, start-up included. They take turns,
# ROUNDS times (default 5), and the medians are compared. Each size also
# checks that DuckDB computes the same statistics as spfkit's report, and
# prints the floor (bench/floor) and peak memory. With PANDAS=1, pandas
# (Debian's python3-pandas) is timed once per size too. Not part of CI.
#   bash bench/run-score.sh [N...]
#   ROUNDS=9 WORKERS=2 bash bench/run-score.sh 500000
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
rounds=${ROUNDS:-5}
workers=${WORKERS:-2}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200000 1000000)
go build -o "$out/spfkit" ./cmd/spfkit
(cd bench/duckdb && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
printf 'machine: %s cores, %s, node %s, DuckDB %s; %s workers and threads each, %s rounds\n' "$(nproc)" "$(go version | cut -d' ' -f3)" "$(node --version)" \
  "$(node -p "require('./bench/duckdb/node_modules/@duckdb/node-api/package.json').version")" "$workers" "$rounds"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for n in "${sizes[@]}"; do
  f="$out/responses-$n.ndjson"
  go run ./bench/genresponses -n "$n" > "$f"
  printf '\n%s responses, %s bytes\n' "$n" "$(stat -c %s "$f")"
  : > "$out/spfkit-$n.secs"; : > "$out/by-$n.secs"; : > "$out/duckdb-$n.secs"; : > "$out/duckdb-process-$n.secs"
  for _ in $(seq "$rounds"); do
    /usr/bin/time -f "%e %M" -o "$out/time" "$out/spfkit" score --workers "$workers" --survey heatcheck-2022-members --format json "$f" > "$out/report-$n.json"
    read -r secs kb < "$out/time"; echo "$secs" >> "$out/spfkit-$n.secs"; echo "$kb" > "$out/spfkit-$n.kb"
    /usr/bin/time -f "%e %M" -o "$out/time" node bench/duckdb/score.mjs "$f" --threads "$workers" > "$out/duckdb.log"
    read -r secs kb < "$out/time"; echo "$secs" >> "$out/duckdb-process-$n.secs"; echo "$kb" > "$out/duckdb-$n.kb"
    sed -n 's/^engine_seconds //p' "$out/duckdb.log" >> "$out/duckdb-$n.secs"
    /usr/bin/time -f "%e %M" -o "$out/time" "$out/spfkit" score --workers "$workers" --survey heatcheck-2022-members --by org_type --format json "$f" > /dev/null
    read -r secs kb < "$out/time"; echo "$secs" >> "$out/by-$n.secs"
  done
  s=$(median < "$out/spfkit-$n.secs"); b=$(median < "$out/by-$n.secs")
  d=$(median < "$out/duckdb-$n.secs"); dp=$(median < "$out/duckdb-process-$n.secs")
  printf '  %-34s %6.3f s  %6.0f MB peak RSS   (runs: %s)\n' "spfkit score (whole process)" "$s" "$(echo "$(cat "$out/spfkit-$n.kb") / 1024" | bc -l)" "$(tr '\n' ' ' < "$out/spfkit-$n.secs")"
  printf '  %-34s %6.3f s                    (runs: %s)\n' "spfkit score --by org_type" "$b" "$(tr '\n' ' ' < "$out/by-$n.secs")"
  printf '  %-34s %6.3f s  %6.0f MB peak RSS   (runs: %s)\n' "DuckDB engine (query alone)" "$d" "$(echo "$(cat "$out/duckdb-$n.kb") / 1024" | bc -l)" "$(tr '\n' ' ' < "$out/duckdb-$n.secs")"
  printf '  %-34s %6.3f s\n' "DuckDB whole process (node)" "$dp"
  printf '  spfkit time / DuckDB engine time: %.2f (goal: at most 0.5)\n' "$(echo "$s / $d" | bc -l)"
  node bench/duckdb/score.mjs "$f" --threads "$workers" --check "$out/report-$n.json" | sed -n 's/^check: /  statistics, DuckDB against spfkit: /p'
  go run ./bench/floor "$f" | sed 's/^/  /'
  if [ "${PANDAS:-}" = 1 ]; then
    /usr/bin/time -f "%e %M" -o "$out/time" /usr/bin/python3 bench/score_pandas.py "$f" --check "$out/report-$n.json" | sed 's/^/  pandas /'
    read -r secs kb < "$out/time"
    printf '  %-34s %6.3f s  %6.0f MB peak RSS\n' "pandas (whole process)" "$secs" "$(echo "$kb / 1024" | bc -l)"
  fi
done
