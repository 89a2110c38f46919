#!/usr/bin/env bash
# Side by side: this tree's spfkit against an earlier commit's, on the same
# files on the same machine in one run, taking turns so that a busy moment
# hurts both alike. Validates 1,000,000 membership records (NDJSON, 2
# workers) and scores 1,000,000 heat-check responses, ROUNDS times each,
# and prints every time, the median of each, and the ratio of the medians.
# Not part of CI (it takes a few minutes).
#   bash bench/compare.sh REV [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?name the earlier commit, e.g. bash bench/compare.sh caf0ff4}
rounds=${2:-7}
out=bench/out/compare
rm -rf "$out" && mkdir -p "$out"
git worktree add --detach "$out/old" "$rev" >/dev/null 2>&1
trap 'git worktree remove --force "$out/old"' EXIT
(cd "$out/old" && go build -o ../spfkit-old ./cmd/spfkit)
go build -o "$out/spfkit-new" ./cmd/spfkit
go run ./bench/genmembers -n 1000000 > "$out/members.ndjson"
go run ./bench/genresponses -n 1000000 > "$out/responses.ndjson"
printf 'machine: %s cores, %s; old %s, new %s\n' "$(nproc)" "$(go version | cut -d' ' -f3)" "$(git rev-parse --short "$rev")" "$(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"

run() { # which, task: prints seconds
  local bin="$out/spfkit-$1"
  case $2 in
    validate) /usr/bin/time -f %e -o "$out/t" sh -c "$bin validate --ndjson --kind membership --workers 2 --format json --max-errors 0 $out/members.ndjson > $out/v-$1.ndjson || true" ;;
    score) /usr/bin/time -f %e -o "$out/t" sh -c "$bin score --survey heatcheck-2022-members --by org_type --format json $out/responses.ndjson > $out/s-$1.json" ;;
  esac
  cat "$out/t"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for task in validate score; do
  : > "$out/$task-old"; : > "$out/$task-new"
  for _ in $(seq "$rounds"); do
    run old "$task" >> "$out/$task-old"
    run new "$task" >> "$out/$task-new"
  done
  mo=$(median < "$out/$task-old"); mn=$(median < "$out/$task-new")
  printf '%-8s old: %s  median %.2f s\n' "$task" "$(tr '\n' ' ' < "$out/$task-old")" "$mo"
  printf '%-8s new: %s  median %.2f s\n' "$task" "$(tr '\n' ' ' < "$out/$task-new")" "$mn"
  printf '%-8s new/old: %.3f\n' "$task" "$(echo "$mn / $mo" | bc -l)"
done
# The same verdicts and the same report.
cmp -s "$out/v-old.ndjson" "$out/v-new.ndjson" && echo "validate: the same problems" || echo "validate: the problems differ (messages may have changed; compare the lines)"
cmp -s "$out/s-old.json" "$out/s-new.json" && echo "score: the same report" || { echo "score: the reports DIFFER"; exit 1; }
