#!/usr/bin/env bash
# Prints the path of the Chromium the browser tests drive. Playwright never downloads one:
# we use Debian's package, installing it when we are root on Debian, else we say what to do.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ -x "$CHROMIUM_PATH" ]; then echo "$CHROMIUM_PATH"; exit 0; fi
  echo "heapquest: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file — point it at a Chromium or Chrome binary, or unset it" >&2
  exit 1
fi
if [ -x /usr/bin/chromium ]; then echo /usr/bin/chromium; exit 0; fi
if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then
  echo "heapquest: installing Debian's chromium for the browser tests (apt-get install -y chromium)…" >&2
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >&2; then
    apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >&2
  fi
  if [ -x /usr/bin/chromium ]; then echo /usr/bin/chromium; exit 0; fi
fi
echo "heapquest: the browser tests need Chromium — install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary" >&2
exit 1
