#!/usr/bin/env bash
# Honest tuning on the course data: the course's Boston spec (examples/boston-xgboost-hpo.json,
# 20 jobs, 3 in parallel) tuned on the plain validation split and with _kfold 5, for RandomSeed
# 1..N. For each run: the best job's validation:rmse (the objective), its TEST RMSE on the course's
# 167 test rows (tunelab transform --best-of ... --labels), and the tuning job's wall time.
# Usage (from the project root): benchmarks/scripts/honest-tuning.sh [SEEDS] > results.tsv
set -euo pipefail
seeds=${1:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./tunelab datasets boston --out "$work/data" >/dev/null
printf 'variant\tseed\tobjective\ttest_rmse\twall_s\n'
for variant in plain kfold5; do
  for seed in $(seq 1 "$seeds"); do
    home="$work/home-$variant-$seed"
    spec="$work/spec-$variant-$seed.json"
    if [ "$variant" = kfold5 ]; then
      jq --argjson s "$seed" '.HyperParameterTuningJobConfig.RandomSeed=$s
        | .TrainingJobDefinition.StaticHyperParameters._kfold="5"' examples/boston-xgboost-hpo.json >"$spec"
    else
      jq --argjson s "$seed" '.HyperParameterTuningJobConfig.RandomSeed=$s' examples/boston-xgboost-hpo.json >"$spec"
    fi
    start=$(date +%s.%N)
    ./tunelab tune "$spec" --home "$home" >"$work/tune.out" 2>&1 || { echo "tune failed: $variant $seed" >&2; tail -5 "$work/tune.out" >&2; exit 1; }
    end=$(date +%s.%N)
    ./tunelab describe-hyper-parameter-tuning-job boston-xgboost-hpo --home "$home" >"$work/d.json"
    obj=$(jq -r .BestTrainingJob.FinalHyperParameterTuningJobObjectiveMetric.Value "$work/d.json")
    test=$(./tunelab transform --best-of boston-xgboost-hpo --home "$home" --input "$work/data/test.csv" \
      --labels "$work/data/test-labels.csv" --output "$work/p.csv" | awk -F': *' 'toupper($1) ~ /^ *RMSE$/ {print $2; exit}')
    printf '%s\t%s\t%s\t%s\t%.1f\n' "$variant" "$seed" "$obj" "$test" "$(echo "$end - $start" | bc)"
  done
done
