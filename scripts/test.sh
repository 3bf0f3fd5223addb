#!/usr/bin/env bash
# Run the whole test suite (unit + end-to-end) against local PostgreSQL and Redis.
# Extra arguments are passed to jest, e.g. `bash scripts/test.sh test/appeals.e2e-spec.ts`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { echo "[test] $*"; }

# Dependencies: install when node_modules is missing or older than package-lock.json.
# (npm rewrites node_modules/.package-lock.json on every install, so it marks the install time.)
marker=node_modules/.package-lock.json
[[ -f $marker ]] || marker=node_modules
if [[ ! -d node_modules || package-lock.json -nt $marker ]]; then
  # `npm install`, not `npm ci`: the lock file cannot list the other platforms' optional
  # msgpackr-extract binaries (this machine's registry lacks them), which makes `npm ci` refuse it.
  log "npm install"
  npm install --no-audit --no-fund
fi

# Tests create their own databases (appeals_test_*) through TEST_DATABASE_URL, whose role needs
# CREATEDB, and use per-suite key prefixes in TEST_REDIS_URL.
export TEST_DATABASE_URL=${TEST_DATABASE_URL:-postgres://appeals:appeals@127.0.0.1:5432/appeals}
export TEST_REDIS_URL=${TEST_REDIS_URL:-redis://127.0.0.1:6379/0}
export TZ=UTC

DATABASE_URL=$TEST_DATABASE_URL REDIS_URL=$TEST_REDIS_URL bash scripts/ensure-services.sh
# The browser suites (test/web) drive Debian's Chromium.
bash scripts/ensure-chromium.sh

# Each phase says how long it took (docs/test-speed.md has the figures).
phase_start=$SECONDS
took() { log "$1 took $((SECONDS - phase_start)) s"; phase_start=$SECONDS; }

# The build type-checks src/ and compiles it with the swagger plugin into dist/, which the migrations
# and the e2e suites' OpenAPI document come from (test/support/openapi-document.js); it also builds the
# web app (web/dist) the browser suites load.
log "npm run build"
npm run build
took "build"

# Jest runs on SWC, which only strips types; the tests and benches, which the build does not compile,
# are type-checked beside it (on the second core while the suites wait on Postgres).
log "tsc --noEmit (tests and benches) in the background"
typecheck_log=$(mktemp)
npx tsc --noEmit -p tsconfig.json >"$typecheck_log" 2>&1 &
typecheck_pid=$!

# The committed OpenAPI document against Spectral's OpenAPI rules (.spectral.yaml; bundled, no network).
# src/openapi/openapi-document.spec.ts checks it is what the code generates.
log "spectral lint docs/openapi.json"
npx --no-install spectral lint docs/openapi.json --fail-severity error --quiet

log "npx jest --ci --maxWorkers=2 $*"
jest_status=0
npx jest --ci --maxWorkers=2 "$@" || jest_status=$?
took "jest"

typecheck_status=0
wait "$typecheck_pid" || typecheck_status=$?
if ((typecheck_status != 0)); then
  cat "$typecheck_log"
  log "type errors (tsc --noEmit -p tsconfig.json)"
fi
rm -f "$typecheck_log"
((jest_status == 0)) || exit "$jest_status"
((typecheck_status == 0)) || exit "$typecheck_status"
