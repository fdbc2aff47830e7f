#!/usr/bin/env bash
# `npm test`: the whole suite on the embedded database, no services needed.
#   1. type check the whole tree (the build skips it; see next.config.js)
#   2. vitest: unit, differential (engine vs CPython) and database tests on PGlite
#   3. the browser tests: Playwright driving Debian's Chromium against a production build
#      (built first when stale, by the e2e project's global setup)
# Every step runs even when an earlier one fails, so one run reports everything; the exit
# status fails if any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
CHROMIUM_PATH="$(scripts/find-chromium.sh)" || exit 1
export CHROMIUM_PATH
npm run --silent db:generate || exit 1

failed=()
step() {
  local name=$1
  shift
  echo "heapquest test: $name" >&2
  "$@" || failed+=("$name")
}
step "type check (tsc --noEmit)" npx tsc --noEmit
step "unit, differential and database tests (vitest --project unit)" npx vitest run --project unit
step "browser tests (vitest --project e2e)" npx vitest run --project e2e

if [ ${#failed[@]} -gt 0 ]; then
  printf 'heapquest test: FAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "heapquest test: all passed" >&2
