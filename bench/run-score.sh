#!/usr/bin/env bash
# The score benchmark: spfkit score and pandas (Debian's python3-pandas) on
# the same NDJSON files of heat-check responses, on the same machine in one
# run, at 100,000 and 1,000,000 responses. Prints responses per second,
# peak memory (max RSS) and the speed ratio, and checks that pandas computes
# the same statistics as spfkit's report. Not part of CI (it takes about a
# minute); CI runs the statistics check on a smaller file.
#   bash bench/run-score.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
py=/usr/bin/python3
$py -c 'import pandas' 2>/dev/null || { echo "install Debian's python3-pandas first (apt-get install -y python3-pandas)"; exit 2; }
go build -o "$out/spfkit" ./cmd/spfkit
printf 'machine: %s cores, %s; pandas %s\n' "$(nproc)" "$(go version | cut -d' ' -f3)" "$($py -c 'import pandas; print(pandas.__version__)')"

measure() { # n, name, command...
  local n=$1 name=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$out/time" "$@"
  read -r secs kb < "$out/time"
  printf '%-9s %-26s %7.2f s %10.0f responses/s %6.0f MB peak RSS\n' "$n" "$name" "$secs" "$(echo "$n / $secs" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
  echo "$secs" > "$out/$name-$n.secs"
}

for n in 100000 1000000; do
  f="$out/responses-$n.ndjson"
  go run ./bench/genresponses -n "$n" > "$f"
  measure "$n" "spfkit score (2 workers)" sh -c "$out/spfkit score --survey heatcheck-2022-members --format json $f > $out/report-$n.json"
  measure "$n" "spfkit score --by org_type" sh -c "$out/spfkit score --survey heatcheck-2022-members --by org_type --format json $f > /dev/null"
  measure "$n" "pandas" $py bench/score_pandas.py "$f" --check "$out/report-$n.json"
  printf '%-9s ratio spfkit / pandas speed: %.1f\n' "$n" "$(echo "$(cat "$out/pandas-$n.secs") / $(cat "$out/spfkit score (2 workers)-$n.secs")" | bc -l)"
done
