#!/usr/bin/env bash
# A "bring your own" training command for the kill -9 test: the first three jobs to start
# (tickets taken atomically with mkdir in the folder given by --tickets) print a loss and finish;
# every later job waits until the file given by --gate exists (or gives up after 120 s and
# fails), then prints its loss. A kill of the tuning process before the gate opens therefore
# always meets running jobs, and the jobs of a later resume finish once the test opens it.
set -eu
tickets="" gate="" x=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tickets) tickets="$2"; shift 2 ;;
    --gate) gate="$2"; shift 2 ;;
    --x) x="$2"; shift 2 ;;
    --*) shift 2 ;;
    *) shift ;;
  esac
done
n=1
until mkdir "$tickets/$n" 2>/dev/null; do n=$((n + 1)); done
if [ "$n" -gt 3 ]; then
  for _ in $(seq 1200); do
    [ -e "$gate" ] && break
    sleep 0.1
  done
  [ -e "$gate" ] || exit 3
fi
echo "loss=$x"
