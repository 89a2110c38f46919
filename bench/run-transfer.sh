#!/usr/bin/env bash
# The transfer benchmark: assess 1,500,000 cases (about the size of the
# NHS workforce) streamed from NDJSON to NDJSON, on all cores, and report
# the time and peak memory. The assessments go to /dev/null: at about
# 7 KB each they would fill 10 GB. Not part of CI.
#   bash bench/run-transfer.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1500000}
out=bench/out
mkdir -p "$out"
go build -o "$out/spfkit" ./cmd/spfkit
go run ./bench/gencases -n "$n" > "$out/cases.ndjson"
printf 'cases: %s, %s bytes; %s cores\n' "$n" "$(stat -c %s "$out/cases.ndjson")" "$(nproc)"
/usr/bin/time -f "%e %M" -o "$out/transfer.time" "$out/spfkit" transfer --ndjson "$out/cases.ndjson" > /dev/null
read -r secs kb < "$out/transfer.time"
printf 'spfkit transfer --ndjson: %.1f s, %.0f cases/s, %.0f MB peak RSS\n' "$secs" "$(echo "$n / $secs" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
