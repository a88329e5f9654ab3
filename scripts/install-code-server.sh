#!/usr/bin/env bash
# Installs what zhdoc's tests and `npm start` need to run a real VS Code on a machine that reaches only
# the npm registry and Debian: code-server (VS Code 1.100.3 + its Node extension host), Debian chromium
# (to drive the web workbench) and a CJK font (else Chinese renders as boxes in screenshots).
# Idempotent: a second run checks and returns in well under a second.
set -euo pipefail
CS_VERSION="${CS_VERSION:-4.100.3}"   # VS Code 1.100.3; needs Node 20, the Node this project targets
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="${CS_DIR:-$ROOT/.vscode-test/code-server-$CS_VERSION}"
CHROME="${CHROME_PATH:-/usr/bin/chromium}"

missing_apt=()
[ -x "$CHROME" ] || missing_apt+=(chromium)
fc-list 2>/dev/null | grep -qi "wqy\|noto.*cjk" || missing_apt+=(fonts-wqy-microhei)
if [ ! -f "$DEST/.installed" ]; then
  command -v rg >/dev/null || missing_apt+=(ripgrep)
  [ -f /usr/include/krb5.h ] || [ -f /usr/include/krb5/krb5.h ] || missing_apt+=(libkrb5-dev)
  command -v g++ >/dev/null || missing_apt+=(build-essential)
  command -v python3 >/dev/null || missing_apt+=(python3)
fi
if [ ${#missing_apt[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    echo "zhdoc test set-up: missing ${missing_apt[*]} and there is no apt-get here; install them with your package manager (or set CHROME_PATH)." >&2; exit 1
  fi
  if [ "$(id -u)" != 0 ]; then
    echo "zhdoc test set-up: missing ${missing_apt[*]}; run as root or: sudo apt-get install -y ${missing_apt[*]}" >&2; exit 1
  fi
  echo "zhdoc test set-up: apt-get install ${missing_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing_apt[@]}" >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing_apt[@]}" >/dev/null; }
fi

if [ -f "$DEST/.installed" ]; then exit 0; fi
echo "zhdoc test set-up: installing code-server $CS_VERSION from npm into $DEST (about 2 minutes, once)"
# @vscode/ripgrep's postinstall downloads rg from GitHub, which is out of reach: seed its cache with Debian's rg.
RG_PKG_VERSION="${RG_PKG_VERSION:-1.15.11}" RG_TAG="${RG_TAG:-v13.0.0-10}"   # the versions code-server 4.100.3 pins
cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RG_PKG_VERSION"
mkdir -p "$cache"; t=$(mktemp -d); cp "$(command -v rg)" "$t/rg"
tar czf "$cache/ripgrep-$RG_TAG-x86_64-unknown-linux-musl.tar.gz" -C "$t" rg; rm -rf "$t"
mkdir -p "$DEST"; cd "$DEST"
echo '{ "private": true }' > package.json
# npm 11 runs no dependency install scripts unless allowed. code-server's postinstall runs nested `npm install`s
# (lib/vscode, its extensions) whose native modules must build, so allow them for this pinned, reviewed version;
# the variable reaches the nested npm processes. Older npm ignores it; they need unsafe-perm as root.
export npm_config_dangerously_allow_all_scripts=true
export npm_config_unsafe_perm=true
export npm_config_nodedir="${npm_config_nodedir:-$(dirname "$(dirname "$(command -v node)")")}"  # node-gyp: local headers, no download
export npm_config_yes=true        # node-pty's postinstall runs `npx node-gyp@…`
npm install --no-audit --no-fund --no-save "code-server@$CS_VERSION"
[ -f "$DEST/node_modules/code-server/lib/vscode/node_modules/node-pty/package.json" ] || { echo "zhdoc test set-up: code-server did not install" >&2; exit 1; }
touch "$DEST/.installed"
