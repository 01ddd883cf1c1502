#!/usr/bin/env bash
# The API reference page test opens /docs in Debian's Chromium (no browser download: the network only
# reaches package registries). Installs it when missing and we may; otherwise says what to do.
set -euo pipefail
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the reference page test…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is missing: install Debian's 'chromium' package (sudo apt-get install chromium)." >&2
exit 1
