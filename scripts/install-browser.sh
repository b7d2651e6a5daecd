#!/bin/sh
# Installs what the dashboard's browser tests drive: Debian's Chromium and its chromedriver
# (/usr/bin/chromium, /usr/bin/chromedriver). Does nothing when both are there; uses sudo only
# when not run as root. The tests skip without them, or fail when TUNELAB_REQUIRE_BROWSER=1.
set -eu
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "chromium and chromedriver already installed: $(/usr/bin/chromium --version 2>/dev/null || echo '?')"
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  SUDO=
elif command -v sudo >/dev/null 2>&1; then
  SUDO=sudo
else
  echo "install-browser.sh: not root and no sudo; install the Debian packages chromium and chromium-driver" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y chromium chromium-driver
/usr/bin/chromium --version
/usr/bin/chromedriver --version
