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

# The API build type-checks src/ and compiles it with the swagger plugin into dist/, which the
# migrations and the e2e suites' OpenAPI document come from (test/support/openapi-document.js); vite
# builds the web app (web/dist) the browser suites load. The two share nothing, so they run side by
# side on the two cores (`npm run build` is the same two steps one after the other).
log "nest build | vite build"
npx nest build &
api_pid=$!
npx vite build --config web/vite.config.ts --logLevel warn &
web_pid=$!
build_status=0
wait "$api_pid" || build_status=$?
wait "$web_pid" || build_status=$?
((build_status == 0)) || { log "build failed"; exit "$build_status"; }
took "build"

# Checks that produce nothing the suites need run one after another in the background, beside jest,
# at the lowest CPU priority so they take only what the suites leave idle while they wait on
# Postgres and Redis; they fail the run after jest:
# - jest runs on SWC, which only strips types: tsc checks the tests and benches, and the web app;
# - Spectral lints the committed OpenAPI document against its OpenAPI rules (.spectral.yaml, bundled,
#   no network); src/openapi/openapi-document.spec.ts checks it is what the code generates.
log "tsc --noEmit (tests, benches, web app) and spectral lint docs/openapi.json in the background"
checks_log=$(mktemp)
nice -n 19 bash -c '
  status=0
  npx tsc --noEmit -p tsconfig.json || status=1
  npx tsc -p web/tsconfig.json || status=1
  npx --no-install spectral lint docs/openapi.json --fail-severity error --quiet || status=1
  exit "$status"
' >"$checks_log" 2>&1 &
checks_pid=$!

log "npx jest --ci --maxWorkers=2 $*"
jest_status=0
npx jest --ci --maxWorkers=2 "$@" || jest_status=$?
took "jest"

checks_status=0
wait "$checks_pid" || checks_status=$?
took "checks after jest"
if ((checks_status != 0)); then
  cat "$checks_log"
  log "checks failed (type errors in tests, benches or the web app, or Spectral errors)"
fi
rm -f "$checks_log"
((jest_status == 0)) || exit "$jest_status"
((checks_status == 0)) || exit "$checks_status"
