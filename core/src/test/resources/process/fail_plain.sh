#!/usr/bin/env bash
# Prints eight numbered lines, half of them on stderr, and exits 1 without a failure file.
for i in 1 2 3 4 5 6 7 8; do
  if (( i % 2 )); then echo "line $i"; else echo "line $i" >&2; fi
  sleep 0.01
done
exit 1
