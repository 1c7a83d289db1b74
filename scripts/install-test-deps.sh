#!/usr/bin/env bash
# Installs the real peers the tests talk to (Debian packages listed in .ci/packages.txt).
# Idempotent; does nothing when everything is already there. Needs root (or sudo) and apt.
set -euo pipefail
cd "$(dirname "$0")/.."
list=.ci/packages.txt
[ -f "$list" ] || exit 0
missing=()
while read -r pkg; do
  pkg=${pkg%%#*}; pkg=$(echo "$pkg" | xargs)
  [ -n "$pkg" ] || continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < "$list"
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "install-test-deps: apt-get not found; install these yourself: ${missing[*]}" >&2
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-test-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
