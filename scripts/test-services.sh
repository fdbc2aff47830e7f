#!/usr/bin/env bash
# `npm run test:services`: the tests that need real services — the database tests against
# PostgreSQL and two Socket.io nodes sharing Redis. Defaults are this machine's services
# (see vitest.config.ts); override with HEAPQUEST_TEST_DATABASE_URL / HEAPQUEST_TEST_REDIS_URL.
# A service that cannot be reached fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent db:generate
npx vitest run --project services
