#!/usr/bin/env bash
# Runs `next build` when there is no production build yet or something it is built from has
# changed since, so `npm start` and the browser tests never serve a stale build and never
# rebuild for nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=.next/BUILD_ID
if [ -f "$stamp" ]; then
  sources=()
  for p in app lib engine levels public next.config.js tsconfig.json package-lock.json; do
    [ -e "$p" ] && sources+=("$p")
  done
  # lib/db/generated is rewritten by every `prisma generate` and is not part of the pages.
  if [ -z "$(find "${sources[@]}" -path lib/db/generated -prune -o -newer "$stamp" -print -quit)" ]; then
    exit 0
  fi
fi
export NEXT_TELEMETRY_DISABLED=1
echo "heapquest: building the pages (next build)…" >&2
exec npx next build
