#!/usr/bin/env bash
# A "bring your own" training command for the stop test: the first two jobs to start (tickets
# taken atomically with mkdir in the folder given by --tickets) print a loss and finish; every
# later job prints "waiting" and runs until it is stopped (or gives up after 120 s and fails), so
# a stop always finds jobs running and never races them.
set -eu
tickets="" x=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tickets) tickets="$2"; shift 2 ;;
    --x) x="$2"; shift 2 ;;
    --*) shift 2 ;;
    *) shift ;;
  esac
done
n=1
until mkdir "$tickets/$n" 2>/dev/null; do n=$((n + 1)); done
if [ "$n" -le 2 ]; then
  echo "loss=$x"
  exit 0
fi
echo "waiting"
for _ in $(seq 1200); do sleep 0.1; done
exit 3
