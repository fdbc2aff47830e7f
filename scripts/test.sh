#!/usr/bin/env bash
# `npm test`: the whole suite on the embedded database, no services needed.
#   1. type check the whole tree (the build skips it; see next.config.js)
#   2. vitest: unit, differential (engine vs CPython) and database tests on PGlite
#   3. the browser tests: Playwright driving Debian's Chromium against a production build
#      (built first when stale, by the e2e project's global setup)
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
CHROMIUM_PATH="$(scripts/find-chromium.sh)"
export CHROMIUM_PATH
npm run --silent db:generate
echo "heapquest: type check (tsc --noEmit)" >&2
npx tsc --noEmit
npx vitest run --project unit
npx vitest run --project e2e
