#!/usr/bin/env bash
# Leaves a background child behind (holding stdout open) and exits 0 at once.
sleep 30 &
echo "pids shell=$$ background=$!"
echo "loss=0.25"
exit 0
