#!/usr/bin/env bash
# Reports its own pid and a background child's pid, then sleeps in the foreground too.
sleep 30 &
echo "pids shell=$$ background=$!"
sleep 30
