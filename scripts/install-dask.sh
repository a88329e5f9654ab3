#!/usr/bin/env bash
# Installs Debian's Dask distributed (python3-distributed) for the distributed-scan recipe test, idempotently:
# nothing happens when /usr/bin/python3 already imports it. Exit 3 means "apt is not available here" (the test then
# skips with that message); any other failure is a real error.
set -euo pipefail
PY=/usr/bin/python3
if [ -x "$PY" ] && "$PY" -c 'import distributed, dask.bag' 2>/dev/null; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then echo "install-dask: apt-get is not available; cannot install python3-distributed" >&2; exit 3; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else echo "install-dask: not root and no password-less sudo; cannot run apt-get" >&2; exit 3; fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends python3-distributed >/dev/null
"$PY" -c 'import distributed, dask.bag'
