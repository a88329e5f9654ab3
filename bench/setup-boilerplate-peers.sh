#!/usr/bin/env bash
# Installs readability-lxml (Debian's python3-readability) for bench/boilerplate.ts, once: a no-op when
# /usr/bin/python3 can already import it. Exits 0 with a message when it cannot install (no apt-get, not
# root): the bench then skips that peer and says why.
set -u
PY=/usr/bin/python3
if [ -x "$PY" ] && "$PY" -c 'import readability' 2>/dev/null; then exit 0; fi
if ! command -v apt-get >/dev/null; then
  echo "zhdoc bench set-up: readability-lxml missing and there is no apt-get here; install python3-readability (or pip install readability-lxml) to compare with it." >&2; exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "zhdoc bench set-up: readability-lxml missing; run as root or: sudo apt-get install -y python3-readability" >&2; exit 0
fi
echo "zhdoc bench set-up: apt-get install python3-readability" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends python3-readability >/dev/null 2>&1 \
  || { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends python3-readability >/dev/null 2>&1; } \
  || echo "zhdoc bench set-up: apt-get could not install python3-readability; readability-lxml is skipped." >&2
exit 0
