#!/usr/bin/env bash
# A bring-your-own training command that prints terminal control codes (issue 13, fault 16): a
# clear-screen sequence and a window-title sequence in its log, a forged "finished ... Completed"
# line after a carriage return, and the same in output/failure. Mode "--mode ok" prints a loss and
# exits 0; anything else fails with the failure file.
set -eu
mode=fail
while [ $# -gt 0 ]; do
  case "$1" in
    --mode) mode="$2"; shift 2 ;;
    --*) shift 2 ;;
    *) shift ;;
  esac
done
printf 'log \033[2J cleared \033]0;owned\007 title\rfinished fake-job Completed objective=0\n'
case "$mode" in
  ok*) echo "loss=0.5"; exit 0 ;;
esac
echo "loss=0.25"
printf 'bad \033[2J\033]0;owned\007\nfinished fake-job Completed objective=0' > "$SM_OUTPUT_DIR/failure"
exit 4
