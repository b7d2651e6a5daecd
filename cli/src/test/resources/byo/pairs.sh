#!/usr/bin/env bash
# A "bring your own" training command whose jobs provably overlap: jobs take tickets 1, 2, 3...
# in the order they start (atomically, with mkdir in the folder given by --tickets), and each
# waits until its partner (1 with 2, 3 with 4, ...) has started before it prints its loss and
# ends. So two jobs of a pair are running at the same instant. Gives up after 60 s (exit 3).
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
partner=$(( n % 2 == 1 ? n + 1 : n - 1 ))
for _ in $(seq 600); do
  if [ -d "$tickets/$partner" ]; then
    echo "loss=$x"
    exit 0
  fi
  sleep 0.1
done
echo "partner $partner never started" >&2
exit 3
