#!/usr/bin/env bash
# GPU check (issue 12): on a host with a CUDA GPU and its NVIDIA driver, in under five minutes,
#   1. builds TuneLab with the `gpu` profile (the CUDA-enabled XGBoost4J from Maven Central),
#   2. trains the course's base model (examples/boston-xgboost-train.json) and a synthetic
#      regression of 1,000,000 rows x 50 columns (GenRegression.java, seed 20260; 100 rounds of
#      hist) on the CPU and on the GPU (device=cuda),
#   3. runs a 10-job Bayesian tuning job on the large data on the GPU (MaxParallelTrainingJobs =
#      the GPUs found; TuneLab gives each running job its own device),
#   4. prints wall time, training time (TrainingStartTime to TrainingEndTime) and validation:rmse
#      side by side.
# Every GPU job must say in its log that it trained on cuda:N, and XGBoost must not have warned
# that it fell back to the CPU; otherwise the check fails.
#
# Without a GPU it fails at once: exit 1 and "no GPU was found". Exit 1 too when the build or a
# job fails. Usage: benchmarks/gpu/check.sh [WORK_DIR] (default: a temporary folder, removed
# at the end). Needs a JDK 17+, and mvn or the Maven Wrapper's first download of Maven.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
t_start=$(date +%s.%N)

die() { printf 'check.sh: %s\n' "$*" >&2; exit 1; }

# --- 0. a GPU, before anything else (TUNELAB_GPUS, which overrides TuneLab's count, is ignored here)
gpus=0
if command -v nvidia-smi >/dev/null 2>&1; then
  gpus=$(timeout 10 nvidia-smi -L 2>/dev/null | grep -c '^GPU ' || true)
fi
if [ "$gpus" -eq 0 ] && [ -d /proc/driver/nvidia/gpus ]; then
  gpus=$(find /proc/driver/nvidia/gpus -mindepth 1 -maxdepth 1 | wc -l)
fi
if [ "$gpus" -eq 0 ]; then
  die "no GPU was found (nvidia-smi -L lists none or is missing, and /proc/driver/nvidia/gpus is empty or absent): this check trains on a CUDA GPU and needs a host with one and its NVIDIA driver"
fi
unset TUNELAB_GPUS TUNELAB_GPU_FALLBACK
echo "GPUs found: $gpus"
command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L | sed 's/^/  /'

# --- 1. the gpu build
cd "$root"
mvn=mvn
command -v mvn >/dev/null 2>&1 || mvn=./mvnw
echo "building with -Pgpu ($mvn) ..."
t0=$(date +%s.%N)
"$mvn" -B -q -Pgpu -pl cli -am package -DskipTests || die "the -Pgpu build failed"
build_s=$(echo "$(date +%s.%N) - $t0" | bc)
unzip -p cli/target/tunelab-cli.jar META-INF/MANIFEST.MF | tr -d '\r\n ' | grep -q 'xgboost4j-spark-gpu_2.12' \
  || die "the built jar does not load the CUDA-enabled XGBoost4J (xgboost4j-spark-gpu_2.12)"
tl() { java -jar "$root/cli/target/tunelab-cli.jar" "$@"; }

# --- 2. data and specs
work=${1:-}
if [ -z "$work" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
home=$work/home
data=$work/data
if [ ! -s "$data/validation.csv" ]; then
  echo "writing 1,000,000 x 50 rows to $data ..."
  java "$here/GenRegression.java" "$data" 1000000 50
fi
course=$root/examples/boston-xgboost-train.json
jq '.TrainingJobName="base-cpu"' "$course" > "$work/base-cpu.json"
jq '.TrainingJobName="base-gpu" | .HyperParameters.device="cuda"' "$course" > "$work/base-gpu.json"
"$root/benchmarks/scripts/train-spec.sh" "$data" hist 100 \
  | jq '.TrainingJobName="large-cpu" | del(.HyperParameters.nthread)' > "$work/large-cpu.json"
jq '.TrainingJobName="large-gpu" | .HyperParameters.device="cuda"' "$work/large-cpu.json" > "$work/large-gpu.json"
"$root/benchmarks/scripts/tune-spec.sh" "$data" 10 "$gpus" \
  | jq '.HyperParameterTuningJobName="large-gpu-tuning" | .TrainingJobDefinition.StaticHyperParameters.device="cuda"' \
  > "$work/tuning.json"

epoch() { date -d "$1" +%s.%3N; }
fellback() { grep -q -E 'No visible GPU is found|Device is changed from GPU to CPU' "$1"; }
rows=()

# --- 3. the training jobs
train() { # NAME GPU(yes|no)
  local name=$1 gpu=$2 out=$work/$1.out t0 wall desc status
  t0=$(date +%s.%N)
  tl train "$work/$name.json" --home "$home" > "$out" 2>&1 || true
  wall=$(echo "$(date +%s.%N) - $t0" | bc)
  desc=$(tl describe-training-job "$name" --home "$home" 2>/dev/null) || { cat "$out" >&2; die "$name was not recorded"; }
  status=$(jq -r .TrainingJobStatus <<<"$desc")
  [ "$status" = Completed ] || { cat "$out" >&2; die "$name: $status: $(jq -r '.FailureReason // ""' <<<"$desc")"; }
  if [ "$gpu" = yes ]; then
    grep -q 'GPU: device=cuda trains on cuda:' "$home/jobs/$name/training.log" || die "$name: its log does not say it trained on a GPU"
    ! fellback "$out" || die "$name: XGBoost fell back to the CPU (see $out)"
  fi
  local train_s rmse
  train_s=$(echo "$(epoch "$(jq -r .TrainingEndTime <<<"$desc")") - $(epoch "$(jq -r .TrainingStartTime <<<"$desc")")" | bc)
  rmse=$(jq -r '.FinalMetricDataList[] | select(.MetricName=="validation:rmse") | .Value' <<<"$desc")
  rows+=("$(printf '%-34s %-5s %8.2f %8.2f %12s' "$name" "$( [ "$gpu" = yes ] && echo cuda || echo cpu)" "$wall" "$train_s" "$rmse")")
  printf "  %s: %.2f s, validation:rmse %s\n" "$name" "$wall" "$rmse"
}
echo "training ..."
train base-cpu no
train base-gpu yes
train large-cpu no
train large-gpu yes

# --- 4. the tuning job on the GPU
echo "tuning (10 jobs, $gpus at a time) ..."
t0=$(date +%s.%N)
tl tune "$work/tuning.json" --home "$home" > "$work/tuning.out" 2>&1 || true
tune_wall=$(echo "$(date +%s.%N) - $t0" | bc)
tdesc=$(tl describe-hyper-parameter-tuning-job large-gpu-tuning --home "$home" 2>/dev/null) \
  || { cat "$work/tuning.out" >&2; die "the tuning job was not recorded"; }
tstatus=$(jq -r .HyperParameterTuningJobStatus <<<"$tdesc")
[ "$tstatus" = Completed ] || { tail -20 "$work/tuning.out" >&2; die "tuning job: $tstatus: $(jq -r '.FailureReason // ""' <<<"$tdesc")"; }
completed=$(jq -r .TrainingJobStatusCounters.Completed <<<"$tdesc")
[ "$completed" -eq 10 ] || die "tuning job: $completed of 10 training jobs completed (see $work/tuning.out)"
for log in "$home"/jobs/large-gpu-tuning-*/training.log; do
  grep -q 'GPU: device=cuda trains on cuda:' "$log" || die "$(basename "$(dirname "$log")"): its log does not say it trained on a GPU"
done
! fellback "$work/tuning.out" || die "tuning job: XGBoost fell back to the CPU (see $work/tuning.out)"
best=$(jq -r .BestTrainingJob.FinalHyperParameterTuningJobObjectiveMetric.Value <<<"$tdesc")
tune_s=$(echo "$(epoch "$(jq -r .HyperParameterTuningEndTime <<<"$tdesc")") - $(epoch "$(jq -r .CreationTime <<<"$tdesc")")" | bc)
rows+=("$(printf '%-34s %-5s %8.2f %8.2f %12s' "large-gpu-tuning (10 jobs, best)" cuda "$tune_wall" "$tune_s" "$best")")

# --- 5. side by side
total=$(echo "$(date +%s.%N) - $t_start" | bc)
echo
printf '%-34s %-5s %8s %8s %12s\n' job device wall_s train_s val_rmse
for r in "${rows[@]}"; do echo "$r"; done
echo
printf 'build (-Pgpu) %.1f s; whole check %.1f s%s\n' "$build_s" "$total" \
  "$(awk -v t="$total" 'BEGIN { if (t > 300) print " (over the five minutes it should take)" }')"
echo "wall_s: the whole tunelab process (JVM start, loading the 341 MB CUDA native library, parsing the CSV);"
echo "train_s: TrainingStartTime to TrainingEndTime (tuning: CreationTime to HyperParameterTuningEndTime)."
echo "base-cpu trains as the course does (image xgboost:1: tree_method auto is exact); base-gpu with device=cuda is hist."
