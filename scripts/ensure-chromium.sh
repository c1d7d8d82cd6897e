#!/usr/bin/env bash
# The browser tests (standalone: org.duban.standalone.web.BrowserJourneyTest) drive Debian's
# headless Chromium through its chromedriver. This makes sure both are there, installing them
# when it can (root with apt-get, e.g. a fresh CI container), and fails with what to install
# when it cannot: the browser tests are never skipped. A CJK font is installed alongside, so the
# screenshots the tests save show Chinese text (the pages also serve their own font).
# DUBAN_CHROMIUM / DUBAN_CHROMEDRIVER point the tests at a browser and driver elsewhere.
set -euo pipefail

chromium=${DUBAN_CHROMIUM:-/usr/bin/chromium}
driver=${DUBAN_CHROMEDRIVER:-/usr/bin/chromedriver}

have_all() { [ -x "$chromium" ] && [ -x "$driver" ]; }

if have_all; then
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing chromium, chromium-driver and a CJK font with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-wqy-microhei >/dev/null
fi

if have_all; then
  exit 0
fi

cat >&2 <<MSG
ensure-chromium: the browser tests need Chromium and its driver:
  browser: $chromium $( [ -x "$chromium" ] && echo found || echo MISSING )
  driver:  $driver $( [ -x "$driver" ] && echo found || echo MISSING )
Install them, e.g. on Debian/Ubuntu as root: apt-get install -y chromium chromium-driver fonts-wqy-microhei
or set DUBAN_CHROMIUM and DUBAN_CHROMEDRIVER to where they are.
MSG
exit 1
