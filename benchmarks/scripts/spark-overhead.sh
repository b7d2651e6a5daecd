#!/bin/sh
# Overhead of the Spark executor per training job: the course's tuning spec, sequential
# (MaxParallelTrainingJobs 1, so every job's cost adds up) and with 3 in parallel, run through
# ./tunelab on this machine's training threads and on Spark local[2], alternately, RUNS times
# each. Prints each run's "Completed in" time (the tuning job alone: JVM and SparkContext start
# are outside it) and the whole process's wall time, then the medians and the overhead per job.
#
# Usage: benchmarks/scripts/spark-overhead.sh [RUNS] (default 5), from the project root.
set -eu
runs=${1:-5}
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d "${TMPDIR:-/tmp}/spark-overhead.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
jobs=20
for parallel in 1 3; do
  jq --argjson p "$parallel" '.HyperParameterTuningJobConfig.ResourceLimits.MaxParallelTrainingJobs=$p' \
    examples/boston-xgboost-hpo.json >"$tmp/spec-$parallel.json"
done
# build both once, outside the timings
./tunelab tune "$tmp/spec-1.json" --dry-run --executor spark --master 'local[2]' --home "$tmp/warm" >/dev/null 2>&1
./tunelab tune "$tmp/spec-1.json" --dry-run --home "$tmp/warm" >/dev/null 2>&1
now() { date +%s.%N; }
for parallel in 1 3; do
  : >"$tmp/pool-$parallel" ; : >"$tmp/spark-$parallel"
  i=0
  while [ "$i" -lt "$runs" ]; do
    i=$((i + 1))
    for how in pool spark; do
      home=$tmp/home-$how-$parallel-$i
      if [ "$how" = spark ]; then set -- --executor spark --master 'local[2]'; else set --; fi
      t0=$(now)
      ./tunelab tune "$tmp/spec-$parallel.json" --home "$home" "$@" >"$tmp/out" 2>&1
      t1=$(now)
      tuning=$(sed -n 's/^Tuning job .*: Completed in \([0-9.]*\) s$/\1/p' "$tmp/out")
      whole=$(echo "$t1 - $t0" | bc -l)
      printf '%s\t%s\n' "$tuning" "$whole" >>"$tmp/$how-$parallel"
      printf 'parallel %s run %s %-5s tuning job %6.2f s, whole process %6.2f s\n' "$parallel" "$i" "$how" "$tuning" "$whole"
    done
  done
done
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
for parallel in 1 3; do
  pt=$(cut -f1 "$tmp/pool-$parallel" | median); st=$(cut -f1 "$tmp/spark-$parallel" | median)
  pw=$(cut -f2 "$tmp/pool-$parallel" | median); sw=$(cut -f2 "$tmp/spark-$parallel" | median)
  printf 'MaxParallelTrainingJobs %s, %s jobs, medians of %s runs: tuning job %.2f s on the thread pool, %.2f s on Spark local[2] (%.0f ms more per job); whole process %.2f s against %.2f s\n' \
    "$parallel" "$jobs" "$runs" "$pt" "$st" "$(echo "($st - $pt) * 1000 / $jobs" | bc -l)" "$pw" "$sw"
done
