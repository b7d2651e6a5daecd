#!/usr/bin/env bash
# A "bring your own" training command that leaves traces of its processes, for the tests of job
# process lifetimes. Jobs take tickets 1, 2, 3... (mkdir in --tickets) and write into their
# ticket folder: "pid" (this shell), "env" (its environment). The first --free jobs print their
# loss and finish. Every later one starts a grandchild in a session of its own
# (setsid sleep 1000 &, pid in "grandchild") and holds until the file --gate exists and holds a
# number <= its ticket; then it prints its loss and finishes, leaving the grandchild behind.
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
env > "$tickets/$n/env.tmp" && mv "$tickets/$n/env.tmp" "$tickets/$n/env"
echo $$ > "$tickets/$n/pid.tmp" && mv "$tickets/$n/pid.tmp" "$tickets/$n/pid"
if [ "$n" -gt "$free" ]; then
  setsid sleep 1000 </dev/null >/dev/null 2>&1 &
  echo $! > "$tickets/$n/grandchild.tmp" && mv "$tickets/$n/grandchild.tmp" "$tickets/$n/grandchild"
  echo "waiting"
  while :; do
    if [ -n "$gate" ] && [ -s "$gate" ] && [ "$(cat "$gate")" -le "$n" ]; then
      break
    fi
    sleep 0.1
  done
fi
echo "loss=$x"
