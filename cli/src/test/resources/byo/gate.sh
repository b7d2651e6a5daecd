#!/usr/bin/env bash
# A "bring your own" training command whose jobs are held at a gate, so that a stop or a kill of
# the tuning process always meets running jobs instead of racing jobs of a few milliseconds.
# Jobs take tickets 1, 2, 3... in the order they start (atomically, with mkdir in the folder given
# by --tickets). The first --free jobs print their loss and finish; every later one waits until
# the file given by --gate exists (none given: it never does), then prints its loss. A job still
# waiting after 120 s gives up and fails (exit 3).
set -eu
tickets="" gate="" free=0 x=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tickets) tickets="$2"; shift 2 ;;
    --gate) gate="$2"; shift 2 ;;
    --free) free="$2"; shift 2 ;;
    --x) x="$2"; shift 2 ;;
    --*) shift 2 ;;
    *) shift ;;
  esac
done
n=1
until mkdir "$tickets/$n" 2>/dev/null; do n=$((n + 1)); done
if [ "$n" -gt "$free" ]; then
  echo "waiting"
  for _ in $(seq 1200); do
    [ -n "$gate" ] && [ -e "$gate" ] && break
    sleep 0.1
  done
  [ -n "$gate" ] && [ -e "$gate" ] || exit 3
fi
echo "loss=$x"
