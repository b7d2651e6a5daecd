#!/bin/sh
# tunelab-spark.jar under spark-submit (run by `mvn verify` in the spark-app module, on Unix-like
# systems): Spark's own launcher class, org.apache.spark.deploy.SparkSubmit, runs
#   spark-submit --master local[2] --class dev.tunelab.cli.Main tunelab-spark.jar \
#     tune SPEC.json --executor spark
# with Spark's jars on the class path (as a cluster's installation has them) and the app jar
# loaded the way spark-submit loads it; TuneLab takes the master from spark-submit. The course
# spec with 6 jobs, 2 at once, must complete all 6.
# Usage: spark-submit-test.sh APP.jar SPARK-LIB-FOLDER
set -eu
app=$1
lib=$2
here=$(cd -P "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
t=$(mktemp -d "${TMPDIR:-/tmp}/tunelab-spark-submit-test.XXXXXX")
trap 'rm -rf "$t"' EXIT
start=$(date +%s)

fail() {
  echo "spark-submit-test: FAILED: $*" >&2
  exit 1
}

[ -f "$app" ] || fail "no $app"
[ -d "$lib" ] || fail "no $lib (the spark module's libraries)"
sed -e 's/"MaxNumberOfTrainingJobs": 20/"MaxNumberOfTrainingJobs": 6/' \
  -e 's/"MaxParallelTrainingJobs": 3/"MaxParallelTrainingJobs": 2/' \
  -e 's/"HyperParameterTuningJobName": "boston-xgboost-hpo"/"HyperParameterTuningJobName": "spark-submit-test"/' \
  "$repo/examples/boston-xgboost-hpo.json" >"$t/spec.json"
grep -q '"MaxNumberOfTrainingJobs": 6' "$t/spec.json" || fail "could not edit the course spec"
java=java
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java=$JAVA_HOME/bin/java; fi
opens=
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
    java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
# shellcheck disable=SC2086
if ! (cd "$t" && "$java" $opens -cp "$lib/*" org.apache.spark.deploy.SparkSubmit --master 'local[2]' \
    --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --class dev.tunelab.cli.Main "$app" tune spec.json --executor spark --home "$t/home") >"$t/out" 2>&1; then
  tail -n 30 "$t/out" >&2
  fail "spark-submit exited non-zero"
fi
grep -q '^Training jobs: 6 launched, 6 Completed' "$t/out" || { tail -n 30 "$t/out" >&2; fail "not 6 Completed jobs"; }
grep -q '^Tuning job spark-submit-test: .*, on Spark local\[2\]' "$t/out" || fail "the master did not come from spark-submit"
echo "spark-submit-test: tunelab-spark.jar ran the course spec under SparkSubmit (6 of 6 Completed) in $(( $(date +%s) - start )) s"
