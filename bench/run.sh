#!/usr/bin/env bash
# The validate benchmark: spfkit and ajv on the same 1,000,000-record NDJSON
# file on the same machine in one run. Prints records per second, peak
# memory (max RSS) and the ratio, and checks both reached the same verdict
# on every record. Not part of CI (it takes a few minutes).
#   bash bench/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
out=bench/out
mkdir -p "$out"
go build -o "$out/spfkit" ./cmd/spfkit
go run ./bench/genmembers -n "$n" > "$out/members.ndjson"
(cd schema/crosscheck && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
printf 'file: %s records, %s bytes\n' "$n" "$(stat -c %s "$out/members.ndjson")"

measure() { # name, command...
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/$name.time" "$@"
  read -r secs kb < "$out/$name.time"
  printf '%-28s %8.2f s %10.0f records/s %6.0f MB peak RSS\n' "$name" "$secs" "$(echo "$n / $secs" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
}

for w in 1 2; do
  measure "spfkit validate, $w worker" sh -c "$out/spfkit validate --ndjson --kind membership --workers $w --format json --max-errors 0 $out/members.ndjson > $out/spfkit-$w.ndjson || true"
done
measure "ajv (node, one thread)" node schema/crosscheck/bench-ndjson.mjs membership "$out/members.ndjson" "$out/ajv-invalid.txt" > "$out/ajv.log"
cat "$out/ajv.log"

# Same verdicts: the set of invalid lines must match.
sed -n 's/.*"line":\([0-9]*\).*/\1/p' "$out/spfkit-2.ndjson" | sort -un > "$out/spfkit-invalid.txt"
sort -un "$out/ajv-invalid.txt" > "$out/ajv-invalid.sorted"
if cmp -s "$out/spfkit-invalid.txt" "$out/ajv-invalid.sorted"; then
  echo "verdicts: identical ($(wc -l < "$out/spfkit-invalid.txt") invalid records)"
else
  echo "verdicts: DIFFERENT"; diff "$out/spfkit-invalid.txt" "$out/ajv-invalid.sorted" | head; exit 1
fi
read -r s1 _ < "$out/spfkit validate, 2 worker.time"
read -r sa _ < "$out/ajv (node, one thread).time"
printf 'ratio spfkit (2 workers) / ajv speed: %.2f\n' "$(echo "$sa / $s1" | bc -l)"
