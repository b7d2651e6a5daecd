#!/usr/bin/env bash
# A tiny "bring your own" training command for TuneLab's tests, following SageMaker's container
# contract. Its loss for hyperparameter x is (x - 0.3)^2 plus 1, 0 and 0.25 at epochs 1, 2, 3, so
# the LAST printed loss, (x - 0.3)^2 + 0.25, differs from the smallest one.
#
# x comes from the "--x VALUE" argument. Two switches come from $SM_HPS_FILE (hyperparameters.json,
# every value a string), to show the file is there:
#   "format": "tab"    prints "epoch=N<TAB>loss=V" (for a SageMaker "#011" regex), else "epoch=N loss=V"
#   "failures": "on"   x > 0.7: writes output/failure and exits 3 (after one loss line);
#                      0.5 < x <= 0.7: exits 3 with no failure file;
#                      x < 0.2: prints no loss at all and exits 0.
set -eu
x=""
while [ $# -gt 0 ]; do
  case "$1" in
    --x) x="$2"; shift 2 ;;
    --*) shift 2 ;;
    *) shift ;;
  esac
done
if [ -z "$x" ]; then
  echo "train-quadratic: no --x argument" >&2
  exit 2
fi
format=space
failures=off
if [ -n "${SM_HPS_FILE:-}" ] && [ -f "$SM_HPS_FILE" ]; then
  grep -Eq '"format" *: *"tab"' "$SM_HPS_FILE" && format=tab
  grep -Eq '"failures" *: *"on"' "$SM_HPS_FILE" && failures=on
fi
echo "training with x=$x"
if [ "$failures" = on ]; then
  if awk -v x="$x" 'BEGIN { exit !(x > 0.7) }'; then
    awk -v x="$x" 'BEGIN { printf "epoch=1 loss=%.6f\n", (x - 0.3)^2 + 1 }'
    echo "x=$x is too large for this model" > "$SM_OUTPUT_DIR/failure"
    exit 3
  fi
  if awk -v x="$x" 'BEGIN { exit !(x > 0.5) }'; then
    echo "diverged: loss is NaN" >&2
    exit 3
  fi
  if awk -v x="$x" 'BEGIN { exit !(x < 0.2) }'; then
    echo "nothing to report"
    exit 0
  fi
fi
awk -v x="$x" -v format="$format" 'BEGIN {
  split("1 0 0.25", extra, " ")
  for (e = 1; e <= 3; e++) {
    sep = format == "tab" ? "\t" : " "
    printf "epoch=%d%sloss=%.6f\n", e, sep, (x - 0.3)^2 + extra[e]
  }
}'
echo "$x" > "$SM_MODEL_DIR/model.txt"
