#!/usr/bin/env bash
# A "bring your own" training command whose jobs report --rounds values of their loss and are
# then held running until the file given by --gate exists, so that a test meets a job InProgress
# with metrics already in the store (a quiet job's buffered rounds are written within 250 ms).
# A job still waiting after 120 s gives up and fails (exit 3).
set -eu
gate="" rounds=10 x=0.5
while [ $# -gt 0 ]; do
  case "$1" in
    --gate) gate="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --x) x="$2"; shift 2 ;;
    --*) shift 2 ;;
    *) shift ;;
  esac
done
for i in $(seq 0 $((rounds - 1))); do
  echo "round $i loss=$x"
done
echo "waiting at the gate"
for _ in $(seq 1200); do
  [ -e "$gate" ] && break
  sleep 0.1
done
[ -e "$gate" ] || exit 3
echo "done loss=$x"
