#!/usr/bin/env bash
# ensure-packages.sh PACKAGE... — install the Debian packages a test needs, only those missing, idempotently.
# Tests call it (CI and a new machine start without them); needs root when something is missing, and says so.
# Serialised by a lock, so test files running in parallel never run apt at the same time.
set -euo pipefail
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
[ "$(id -u)" = 0 ] || { echo "ensure-packages: missing Debian packages (${missing[*]}); install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2; exit 1; }
exec 9>/tmp/fazhi-lint-apt.lock
flock 9
# another process may have installed them while we waited
still=()
for p in "${missing[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || still+=("$p"); done
[ ${#still[@]} -eq 0 ] && exit 0
echo "ensure-packages: installing ${still[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${still[@]}" >&2
