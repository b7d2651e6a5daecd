#!/usr/bin/env bash
# Back-to-back comparison of one whole `tunelab train` process with the Python peer
# (xgb_python.py: NumPy loadtxt + xgboost 1.7.4), same files, same rounds, 2 threads.
#
# Usage: benchmarks/scripts/compare-load.sh DATA_DIR RUNS [ROUNDS] [TREE_METHOD] > results.tsv
# Each run prints one TSV line per tool:
#   tool  run  wall_s  maxrss_kb  startup_s  load_s  train_s
# TuneLab: startup_s = process start to its first output line; load_s = from there to
# "InProgress - Starting the training job" (both channels parsed); train_s = from there to
# "Completed" (DMatrix, rounds, model saved). Python: load_s = the two np.loadtxt calls,
# train_s = DMatrix + xgb.train + save_model, startup_s = wall - those (interpreter, imports).
# Wall and peak RSS come from /usr/bin/time -v. Needs /usr/bin/python3 with python3-xgboost.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=$(cd "$1" && pwd)
runs=$2
rounds=${3:-100}
tm=${4:-hist}
spec=$(mktemp --suffix=.json)
"$here/train-spec.sh" "$data" "$tm" "$rounds" > "$spec"
"$root/tunelab" --version >/dev/null 2>&1 || true   # build and record the start-up archive first
printf 'tool\trun\twall_s\tmaxrss_kb\tstartup_s\tload_s\ttrain_s\n'
for run in $(seq 1 "$runs"); do
  home=$(mktemp -d)
  log=$(mktemp)
  tv=$(mktemp)
  t0=$EPOCHREALTIME
  /usr/bin/time -v -o "$tv" "$root/tunelab" train "$spec" --home "$home" 2>&1 \
    | while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done > "$log"
  first=$(head -1 "$log" | cut -d' ' -f1)
  started=$(grep -m1 'InProgress - Starting the training job' "$log" | cut -d' ' -f1)
  done_=$(grep -m1 ': Completed' "$log" | cut -d' ' -f1)
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$tv")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tv")
  printf 'tunelab\t%s\t%s\t%s\t%.2f\t%.2f\t%.2f\n' "$run" "$wall" "$rss" \
    "$(echo "$first - $t0" | bc)" "$(echo "$started - $first" | bc)" "$(echo "$done_ - $started" | bc)"
  rm -rf "$home" "$log"
  out=$(/usr/bin/time -v -o "$tv" /usr/bin/python3 "$here/xgb_python.py" "$data" "$(mktemp --suffix=.json)" \
    --rounds "$rounds" --tree-method "$tm")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$tv")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tv")
  load=$(sed -E 's/.*load_s=([0-9.]+).*/\1/' <<<"$out")
  total=$(sed -E 's/.*total_s=([0-9.]+).*/\1/' <<<"$out")
  printf 'python\t%s\t%s\t%s\t%.2f\t%.2f\t%.2f\n' "$run" "$wall" "$rss" \
    "$(echo "$wall - $total" | bc)" "$load" "$(echo "$total - $load" | bc)"
  rm -f "$tv"
done
rm -f "$spec"
