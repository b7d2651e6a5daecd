#!/bin/sh
# The course's tuning job as a whole process, TuneLab against the Python way, back to back:
# `./tunelab tune examples/boston-xgboost-hpo.json` with a fresh home each run (JVM start,
# native libraries, store creation, 20 XGBoost jobs 3 at once, exit), and the Python user's
# script doing the same job (benchmarks/python/course_tune_optuna.py: Optuna's TPE, 20 trials,
# 3 threads, xgboost on the same split files, each model saved). Alternates the two RUNS times
# each, then prints each run's wall time and the medians; also `./tunelab --help` and
# `./tunelab describe-hyper-parameter-tuning-job` alone.
#
# Usage: benchmarks/scripts/whole-process.sh [RUNS] (default 7), from the project root, on a
# quiet machine. Needs /usr/bin/python3 with Debian's python3-optuna and python3-xgboost.
set -eu
runs=${1:-7}
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d "${TMPDIR:-/tmp}/whole-process.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
./tunelab datasets boston --out "$tmp/data" >/dev/null
# build once (and record the start-up archive) outside the timings
./tunelab tune examples/boston-xgboost-hpo.json --home "$tmp/warm" >/dev/null 2>&1
/usr/bin/python3 benchmarks/python/course_tune_optuna.py --data "$tmp/data" --out "$tmp/py-warm" >/dev/null 2>&1 || true
now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) printf "%.2f\n", a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
: >"$tmp/tunelab"; : >"$tmp/python"; : >"$tmp/help"; : >"$tmp/describe"
i=0
while [ "$i" -lt "$runs" ]; do
  i=$((i + 1))
  t0=$(now)
  ./tunelab tune examples/boston-xgboost-hpo.json --home "$tmp/home-$i" >"$tmp/out" 2>&1
  t1=$(now)
  py_ok=true
  /usr/bin/python3 benchmarks/python/course_tune_optuna.py --data "$tmp/data" --out "$tmp/py-$i" >"$tmp/pyout" 2>&1 \
    || { py_ok=false; echo "run $i: the Python script failed (left out of its median): $(tail -n 1 "$tmp/pyout")"; }
  t2=$(now)
  ./tunelab --help >/dev/null
  t3=$(now)
  ./tunelab describe-hyper-parameter-tuning-job boston-xgboost-hpo --home "$tmp/home-$i" >/dev/null
  t4=$(now)
  tl=$(echo "$t1 - $t0" | bc -l); py=$(echo "$t2 - $t1" | bc -l)
  he=$(echo "$t3 - $t2" | bc -l); de=$(echo "$t4 - $t3" | bc -l)
  echo "$tl" >>"$tmp/tunelab"; echo "$he" >>"$tmp/help"; echo "$de" >>"$tmp/describe"
  if $py_ok; then echo "$py" >>"$tmp/python"; fi
  printf 'run %s: tunelab tune %5.2f s (%s), python %5.2f s (%s)\n' "$i" "$tl" \
    "$(sed -n 's/^Tuning job .*: \(Completed in [0-9.]* s\)$/\1/p' "$tmp/out")" "$py" "$(tail -n 1 "$tmp/pyout" | cut -c1-40)"
done
printf '\nmedians of %s runs: tunelab tune %s s, Python (Optuna TPE + xgboost) %s s over its %s runs that did not crash; tunelab --help %s s, describe %s s\n' \
  "$runs" "$(median <"$tmp/tunelab")" "$(median <"$tmp/python")" "$(wc -l <"$tmp/python" | tr -d ' ')" \
  "$(median <"$tmp/help")" "$(median <"$tmp/describe")"
