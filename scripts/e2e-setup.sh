#!/usr/bin/env bash
# e2e-setup.sh — install (idempotently) everything the end-to-end tests need to
# drive a REAL VS Code (code-server) in headless Chromium:
#
#   * Debian packages: chromium, fonts-noto-cjk, libkrb5-dev, ripgrep (+ build tools)
#   * code-server 4.100.3 (VS Code 1.100.3, last release on Node 20) into
#     .cache/e2e/code-server-<version>/, with its native modules compiled from
#     source against the Node headers already on this machine.
#
# Works fully offline except for the npm registry and Debian's apt repos:
# nothing is downloaded from GitHub (all install scripts are disabled with
# --ignore-scripts and the needed native builds are run by hand).
#
# Usage: scripts/e2e-setup.sh            # install / verify
#        E2E_FORCE=1 scripts/e2e-setup.sh  # wipe the code-server cache and reinstall
#
# Prints, as its last line, the path of the code-server launcher:
#   CODE_SERVER_BIN=<repo>/.cache/e2e/code-server-4.100.3/node_modules/.bin/code-server
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
REQUIRED_NODE_MAJOR=20

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
CACHE_DIR="$REPO_ROOT/.cache/e2e"
PREFIX="$CACHE_DIR/code-server-$CODE_SERVER_VERSION"
CS_DIR="$PREFIX/node_modules/code-server"
VSCODE_DIR="$CS_DIR/lib/vscode"
MARKER="$PREFIX/.e2e-setup-complete"

T0=$(date +%s)
log()  { printf '[e2e-setup +%ss] %s\n' "$(( $(date +%s) - T0 ))" "$*" >&2; }
die()  { printf '[e2e-setup] ERROR: %s\n' "$*" >&2; exit 1; }
trap 'rc=$?; [ $rc -ne 0 ] && printf "[e2e-setup] FAILED (exit %s) at line %s: %s\n" "$rc" "$LINENO" "$BASH_COMMAND" >&2' ERR

# ---------------------------------------------------------------------------
# 0. Node / npm sanity
# ---------------------------------------------------------------------------
command -v node >/dev/null || die "node not found on PATH"
command -v npm  >/dev/null || die "npm not found on PATH"
NODE_VERSION="$(node -p 'process.versions.node')"
NODE_ABI="$(node -p 'process.versions.modules')"
[ "${NODE_VERSION%%.*}" = "$REQUIRED_NODE_MAJOR" ] \
  || die "code-server $CODE_SERVER_VERSION needs Node $REQUIRED_NODE_MAJOR.x, found $NODE_VERSION"

# Silence npm 11's "Unknown user config nodedir" noise and make sure npm never
# prompts (node-pty & co. may call npx).
export npm_config_yes=true
export npm_config_fund=false
export npm_config_audit=false
export npm_config_update_notifier=false
export npm_config_loglevel="${npm_config_loglevel:-error}"

# ---------------------------------------------------------------------------
# 1. Debian packages (only when something is missing)
# ---------------------------------------------------------------------------
# package -> probe (command or file) that proves it is installed
APT_NEEDED=()
need_pkg() { # need_pkg <package> <probe-type: cmd|file|dpkg> <probe>
  local pkg=$1 kind=$2 probe=$3
  case $kind in
    cmd)  command -v "$probe" >/dev/null 2>&1 && return 0 ;;
    file) [ -e "$probe" ] && return 0 ;;
  esac
  APT_NEEDED+=("$pkg")
}
need_pkg chromium       cmd  chromium
need_pkg fonts-noto-cjk file /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
need_pkg libkrb5-dev    file /usr/include/gssapi/gssapi.h
need_pkg ripgrep        cmd  rg
need_pkg python3        cmd  python3
need_pkg make           cmd  make
need_pkg g++            cmd  g++
need_pkg pkg-config     cmd  pkg-config
need_pkg ca-certificates file /etc/ssl/certs/ca-certificates.crt

if [ ${#APT_NEEDED[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing Debian packages (${APT_NEEDED[*]}) and not root; install them with: sudo apt-get install -y --no-install-recommends ${APT_NEEDED[*]}"
  log "apt: installing ${APT_NEEDED[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${APT_NEEDED[@]}" >/dev/null
  log "apt: done"
else
  log "apt: chromium, fonts-noto-cjk, libkrb5-dev, ripgrep, build tools already present — skipping"
fi
CHROMIUM_BIN="$(command -v chromium)"
RG_BIN="$(command -v rg)"

# ---------------------------------------------------------------------------
# 2. code-server — fast path when the marker matches
# ---------------------------------------------------------------------------
MARKER_CONTENT="code-server=$CODE_SERVER_VERSION node-abi=$NODE_ABI node=$NODE_VERSION"

if [ -n "${E2E_FORCE:-}" ]; then
  log "E2E_FORCE set: removing $PREFIX"
  rm -rf "$PREFIX"
fi

if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$MARKER_CONTENT" ] \
   && [ -x "$PREFIX/node_modules/.bin/code-server" ]; then
  log "code-server $CODE_SERVER_VERSION already installed ($MARKER_CONTENT) — skipping"
  log "chromium: $CHROMIUM_BIN"
  echo "CODE_SERVER_BIN=$PREFIX/node_modules/.bin/code-server"
  exit 0
fi

# Node headers for node-gyp (it cannot download them: no internet).
find_nodedir() {
  local c
  for c in "${npm_config_nodedir:-}" "$(npm config get nodedir 2>/dev/null || true)" \
           "$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")" /usr /usr/local; do
    [ -n "$c" ] && [ "$c" != "undefined" ] && [ "$c" != "null" ] || continue
    if [ -f "$c/include/node/node_version.h" ] && [ -f "$c/include/node/common.gypi" ]; then
      echo "$c"; return 0
    fi
  done
  return 1
}
NODEDIR="$(find_nodedir)" || die "Node headers not found (looked for <dir>/include/node/node_version.h in npm_config_nodedir, npm config nodedir, node's prefix, /usr, /usr/local). Install the headers matching $(node -v)."
HDR_VERSION="$(awk '/define NODE_(MAJOR|MINOR|PATCH)_VERSION/{v=v (v?".":"") $3} END{print v}' "$NODEDIR/include/node/node_version.h")"
[ "${HDR_VERSION%%.*}" = "${NODE_VERSION%%.*}" ] \
  || die "Node headers in $NODEDIR are v$HDR_VERSION but node is v$NODE_VERSION (major must match)"
export npm_config_nodedir="$NODEDIR"
log "node v$NODE_VERSION (ABI $NODE_ABI), headers v$HDR_VERSION in $NODEDIR"

# node-gyp: the one bundled with npm (no network needed when nodedir is set).
NODE_GYP_JS="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
[ -f "$NODE_GYP_JS" ] || NODE_GYP_JS="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
[ -f "$NODE_GYP_JS" ] || die "cannot find npm's bundled node-gyp"
export npm_config_node_gyp="$NODE_GYP_JS"   # used by @mapbox/node-pre-gyp (argon2)
log "node-gyp: $NODE_GYP_JS ($(node "$NODE_GYP_JS" --version))"

node_gyp_rebuild() { # node_gyp_rebuild <module dir>
  local dir=$1
  [ -f "$dir/binding.gyp" ] || die "no binding.gyp in $dir"
  log "build: node-gyp rebuild in ${dir#"$PREFIX"/}"
  ( cd "$dir" && node "$NODE_GYP_JS" rebuild --release --jobs max --nodedir="$NODEDIR" >"$dir/.e2e-build.log" 2>&1 ) \
    || { tail -40 "$dir/.e2e-build.log" >&2; die "native build failed in $dir (full log: $dir/.e2e-build.log)"; }
}

# 2a. code-server package itself (install scripts OFF: its postinstall would run
#     npm install with scripts ON, which downloads ripgrep/prebuilds from GitHub)
rm -f "$MARKER"
mkdir -p "$PREFIX"
if [ ! -f "$CS_DIR/package.json" ] \
   || [ "$(node -p "require('$CS_DIR/package.json').version")" != "$CODE_SERVER_VERSION" ]; then
  log "npm: installing code-server@$CODE_SERVER_VERSION into ${PREFIX#"$REPO_ROOT"/} (--ignore-scripts)"
  [ -f "$PREFIX/package.json" ] || echo '{"name":"e2e-code-server","private":true}' >"$PREFIX/package.json"
  ( cd "$PREFIX" && npm install --ignore-scripts --omit=dev "code-server@$CODE_SERVER_VERSION" >&2 ) \
    || die "npm install code-server@$CODE_SERVER_VERSION failed"
else
  log "npm: code-server@$CODE_SERVER_VERSION package already present"
fi

# 2b. What code-server's postinstall.sh does, reproduced offline:
#     npm install in lib/vscode and lib/vscode/extensions, symlinks.
log "npm: installing VS Code runtime deps in lib/vscode (--omit=dev --ignore-scripts)"
( cd "$VSCODE_DIR" && npm install --omit=dev --ignore-scripts >&2 ) || die "npm install in $VSCODE_DIR failed"
log "npm: installing built-in extension deps in lib/vscode/extensions (--omit=dev --ignore-scripts)"
( cd "$VSCODE_DIR/extensions" && npm install --omit=dev --ignore-scripts >&2 ) || die "npm install in $VSCODE_DIR/extensions failed"
# extensions' own postinstall just prunes typescript to lib/ + package.json (offline, harmless)
( cd "$VSCODE_DIR/extensions" && node ./postinstall.mjs >/dev/null ) || log "warning: extensions/postinstall.mjs failed (only prunes typescript; continuing)"

log "links: node_modules.asar, bin/remote-cli/code-server, bin/helpers/browser.sh"
ln -sfn node_modules "$VSCODE_DIR/node_modules.asar"
ln -sfn code-linux.sh "$VSCODE_DIR/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$VSCODE_DIR/bin/helpers/browser.sh"

# 2c. ripgrep: Debian's binary instead of @vscode/ripgrep's GitHub download
log "ripgrep: linking $RG_BIN -> lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
mkdir -p "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin"
ln -sfn "$RG_BIN" "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg"

# 2d. native modules (Linux ones only; windows-* are never loaded on Linux).
#     @parcel/watcher needs no build: its prebuilt @parcel/watcher-linux-x64-glibc
#     comes from the npm registry as an optionalDependency.
NM="$VSCODE_DIR/node_modules"
for m in node-pty @vscode/spdlog native-watchdog kerberos @vscode/deviceid; do
  node_gyp_rebuild "$NM/$m"
done
# argon2 (code-server's own dep, required at startup): node-pre-gyp layout
# (lib/binding/napi-v3/argon2.node). "rebuild" = compile only, never downloads.
log "build: node-pre-gyp rebuild in argon2"
( cd "$PREFIX/node_modules/argon2" && node ../@mapbox/node-pre-gyp/bin/node-pre-gyp rebuild --nodedir="$NODEDIR" >.e2e-build.log 2>&1 ) \
  || { tail -40 "$PREFIX/node_modules/argon2/.e2e-build.log" >&2; die "argon2 build failed"; }

# 2e. verify every native module actually loads in this Node
log "verify: loading native modules"
( cd "$VSCODE_DIR" && node --input-type=commonjs -e '
  const mods = ["node-pty", "@vscode/spdlog", "native-watchdog", "kerberos", "@vscode/deviceid", "@parcel/watcher"];
  for (const m of mods) { require(m); }
  require(process.argv[1] + "/node_modules/argon2");
  const rg = require("@vscode/ripgrep").rgPath;
  require("child_process").execFileSync(rg, ["--version"]);
  console.log("ok: " + mods.join(", ") + ", argon2, ripgrep");
' "$PREFIX" ) >&2 || die "a native module failed to load (see above)"

"$PREFIX/node_modules/.bin/code-server" --version >/dev/null 2>&1 \
  || die "code-server --version failed"
log "code-server: $("$PREFIX/node_modules/.bin/code-server" --version 2>/dev/null | head -1)"

echo "$MARKER_CONTENT" >"$MARKER"
log "done — chromium: $CHROMIUM_BIN"
echo "CODE_SERVER_BIN=$PREFIX/node_modules/.bin/code-server"
