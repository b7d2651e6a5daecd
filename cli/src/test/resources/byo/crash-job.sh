#!/usr/bin/env bash
# A "bring your own" training command for the crash test (CrashResumeTest). Its objective for
# hyperparameter x is the LAST loss it prints, (x - 0.3)^2 + 0.25. Before that it prints --burst
# lines "step=N loss=V" as fast as it can (V > 1), so the tuning process writes log lines and
# metric points to its store all the time, then works silently for --quiet-ms milliseconds.
#
# A job whose tuning process died while it works silently does not notice (its parent PID
# changed, but nothing tells it) and carries on silently for up to 30 s more, as a long training
# job would: so a job process that outlives its tuning process is still there to be found. It dies
# of SIGPIPE as soon as it prints to the dead tuner's pipe. --marker is not used: it is there so
# the test can find this job's processes by their command line.
set -eu
x="" burst=2000 quiet=400
while [ $# -gt 0 ]; do
  case "$1" in
    --x) x="$2"; shift 2 ;;
    --burst) burst="$2"; shift 2 ;;
    --quiet-ms) quiet="$2"; shift 2 ;;
    --*) shift 2 ;;
    *) shift ;;
  esac
done
parent=$PPID
awk -v x="$x" -v n="$burst" 'BEGIN {
  for (i = 1; i <= n; i++) printf "step=%d loss=%.6f\n", i, (x - 0.3)^2 + 1 + 1 / i
}'
steps=$((quiet / 50))
for i in $(seq 600); do
  if [ "$i" -gt "$steps" ]; then
    # the work is done, unless the tuning process died: then the job lingers, unnoticed
    [ "$(awk '{ print $4 }' /proc/$$/stat)" = "$parent" ] && break
  fi
  sleep 0.05
done
awk -v x="$x" 'BEGIN { printf "loss=%.6f\n", (x - 0.3)^2 + 0.25 }'
