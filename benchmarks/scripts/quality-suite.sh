#!/usr/bin/env bash
# The quality suite (issue 11, part 1): TuneLab's Bayesian and Random strategies and Optuna's TPE
# and Random samplers on the 18 benchmark test functions, seeds 0..SEEDS-1, 50 trials each,
# sequential and 3 in parallel; best-so-far at budgets 20 and 50. First checks that the Python
# definitions of the functions agree with TuneLab's (50 random points per function, 1e-9
# relative). Writes the raw results under benchmarks/results/quality-suite-* and the tables to
# benchmarks/QUALITY-SUITE.md.
#
# Usage (from anywhere; a 2-core machine takes about 25 minutes for 20 seeds):
#   nice -n 19 benchmarks/scripts/quality-suite.sh [SEEDS]      # SEEDS defaults to 20
#   nice -n 19 benchmarks/scripts/quality-suite.sh --tunelab-only [SEEDS]
#     reruns TuneLab alone (after a change to its strategies) against the Optuna results already in
#     benchmarks/results/quality-suite-optuna.json, which must hold the same number of seeds
# Needs a JDK 17+, Maven (MVN, default "mvn"; e.g. MVN="mvn -o" offline) and /usr/bin/python3
# with python3-optuna, python3-numpy and python3-scipy (Debian packages).
set -euo pipefail
tunelab_only=false
if [ "${1:-}" = "--tunelab-only" ]; then
  tunelab_only=true
  shift
fi
seeds=${1:-20}
case $seeds in
  '' | *[!0-9]*) echo "SEEDS: got '$seeds'; expected an integer from 1 to 1000" >&2; exit 2 ;;
esac
if [ "$seeds" -lt 1 ] || [ "$seeds" -gt 1000 ]; then
  echo "SEEDS: got '$seeds'; expected an integer from 1 to 1000" >&2
  exit 2
fi
cd "$(dirname "$0")/../.."
py=/usr/bin/python3
res=benchmarks/results
read -r -a mvn <<<"${MVN:-mvn}"
start=$(date +%s)

"${mvn[@]}" -q -pl cli,benchmarks -am package -DskipTests
"$py" benchmarks/python/quality_suite.py check-java --points 50 | tee "$res/quality-suite-consistency.txt"

for p in 1 3; do
  echo "TuneLab, parallel $p, $seeds seeds" >&2
  nice -n 19 java -jar cli/target/tunelab-cli.jar benchmark --function all --strategy Bayesian,Random \
    --trials 50 --seeds "$seeds" --parallel "$p" --json >"$res/quality-suite-tunelab-p$p.json"
done
t_java=$(date +%s)
if $tunelab_only; then
  echo "Optuna: reusing $res/quality-suite-optuna.json" >&2
  command="nice -n 19 benchmarks/scripts/quality-suite.sh --tunelab-only $seeds (Optuna's results from an earlier run of the full command)"
else
  echo "Optuna, $seeds seeds" >&2
  nice -n 19 "$py" benchmarks/python/quality_suite.py run --seeds "$seeds" --budget 50 --budgets 20,50 \
    --parallel 1,3 --out "$res/quality-suite-optuna.json"
  command="nice -n 19 benchmarks/scripts/quality-suite.sh $seeds"
fi
end=$(date +%s)

"$py" benchmarks/python/quality_report.py \
  --tunelab "$res/quality-suite-tunelab-p1.json" "$res/quality-suite-tunelab-p3.json" \
  --optuna "$res/quality-suite-optuna.json" --consistency "$res/quality-suite-consistency.txt" \
  --command "$command" \
  --seconds "Wall time: $((end - start)) s in all, of which TuneLab $((t_java - start)) s (with the build and the check) and Optuna $( $tunelab_only && echo "reused" || echo "$((end - t_java)) s"), on $(nproc) cores." \
  --raw "$res/quality-suite-tunelab-p1.json" "$res/quality-suite-tunelab-p3.json" "$res/quality-suite-optuna.json" \
  --out benchmarks/QUALITY-SUITE.md
echo "wrote benchmarks/QUALITY-SUITE.md" >&2
