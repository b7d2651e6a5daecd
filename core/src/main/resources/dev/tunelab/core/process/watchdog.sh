# TuneLab's job watchdog (run by /bin/sh, one per TuneLab process that runs bring-your-own jobs).
# $1: the owner token, which every job process (and all its descendants, even those that start
# their own session) carries in its environment as TUNELAB_OWNER_TOKEN.
# Standard input is a pipe from the TuneLab process: "+PID" when a job whose session PID leads
# starts, "-PID" when it ended. The pipe closes when the TuneLab process ends, however it ends
# (kill -9 included); then every job process still alive gets SIGTERM and, 2 s later, SIGKILL.
tok=$1
trap '' INT TERM HUP
sessions=""
while IFS= read -r line; do
  case $line in
    +*) sessions="$sessions ${line#+}" ;;
    -*) keep=""
        for s in $sessions; do [ "$s" = "${line#-}" ] || keep="$keep $s"; done
        sessions=$keep ;;
  esac
done
marked() {
  grep -lzx -e "TUNELAB_OWNER_TOKEN=$tok" /proc/[0-9]*/environ 2>/dev/null | while IFS= read -r f; do
    p=${f#/proc/}
    echo "${p%/environ}"
  done
}
signal_all() {
  for s in $sessions; do kill -s "$1" -- "-$s" 2>/dev/null; done
  for p in $(marked); do kill -s "$1" "$p" 2>/dev/null; done
}
left=$(marked)
if [ -z "$sessions" ] && [ -z "$left" ]; then
  exit 0
fi
signal_all TERM
sleep 2
signal_all KILL
sleep 0.2
signal_all KILL
exit 0
