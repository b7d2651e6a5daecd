#!/usr/bin/env bash
# The spread over tuning seeds that docs/tutorial.md (step 6) quotes: the course's spec tuned with
# RandomSeed 1..N on the plain validation split and with _kfold 5 (benchmarks/scripts/honest-tuning.sh
# does the runs), each best model scored on the 167 test rows, against the base model (the course's
# hyperparameters, untuned) and the base model with _kfold 5. Prints a Markdown table.
#
# Usage, from the repository root:
#   scripts/tuning-spread.sh [SEEDS]          run everything (10 seeds: a few minutes on 2 cores)
#   scripts/tuning-spread.sh --from RUNS.tsv  summarise the rows honest-tuning.sh printed before
# Writes nothing into the repository: jobs go to scratch homes under mktemp -d.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ "${1:-}" = "--from" ]; then
  cp "$2" "$work/runs.tsv"
else
  benchmarks/scripts/honest-tuning.sh "${1:-10}" >"$work/runs.tsv"
fi
./tunelab datasets boston --out "$work/data" >/dev/null
test_rmse() {  # HOME_DIR --model|--best-of NAME: the RMSE line of transform --labels
  ./tunelab transform "$2" "$3" --home "$1" --input "$work/data/test.csv" --labels "$work/data/test-labels.csv" \
    --output "$work/p.csv" | awk -F': *' '$1 == "RMSE" {print $2; exit}'
}
./tunelab train examples/boston-xgboost-train.json --home "$work/base" >/dev/null 2>&1
base=$(test_rmse "$work/base" --model boston-xgboost-base)
jq '.HyperParameters._kfold="5"' examples/boston-xgboost-train.json >"$work/base-kfold.json"
./tunelab train "$work/base-kfold.json" --home "$work/base-kfold" >/dev/null 2>&1
base_kfold=$(test_rmse "$work/base-kfold" --model boston-xgboost-base)

echo "Base model (course's hyperparameters, no tuning): test RMSE $base; with _kfold 5: $base_kfold"
echo
echo "| | runs | best job's objective (median) | **test RMSE** (median) | min-max | beats the base model ($base) | beats the base model with _kfold 5 ($base_kfold) |"
echo "|---|---|---|---|---|---|---|"
median() { sort -g | awk '{a[NR] = $1} END {printf "%.5f", NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
for variant in plain kfold5; do
  rows=$(awk -F'\t' -v v="$variant" '$1 == v' "$work/runs.tsv")
  n=$(printf '%s\n' "$rows" | wc -l)
  obj=$(printf '%s\n' "$rows" | cut -f3 | median)
  med=$(printf '%s\n' "$rows" | cut -f4 | median)
  min=$(printf '%s\n' "$rows" | cut -f4 | sort -g | head -1)
  max=$(printf '%s\n' "$rows" | cut -f4 | sort -g | tail -1)
  b=$(printf '%s\n' "$rows" | awk -F'\t' -v x="$base" '$4 < x' | wc -l)
  k=$(printf '%s\n' "$rows" | awk -F'\t' -v x="$base_kfold" '$4 < x' | wc -l)
  # shellcheck disable=SC2016  # the backquotes are Markdown, printed as they are
  label=$([ "$variant" = plain ] && echo "plain validation split" || echo '`_kfold 5`')
  echo "| $label | $n | $obj | **$med** | $min-$max | $b of $n | $k of $n |"
done
