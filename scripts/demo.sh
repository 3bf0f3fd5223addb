#!/usr/bin/env bash
# Run the whole system with demo data: services, build, migrations, demo seed, then the API and the
# queue worker in the foreground. Ctrl-C (or SIGTERM) stops both; if either exits, the other is
# stopped and the script exits non-zero.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { echo "[demo] $*"; }

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

# Configuration: .env from the example on first run. Variables already set in the environment win.
if [[ ! -f .env ]]; then
  cp .env.example .env
  log "created .env from .env.example"
fi
load_env() {
  local line key val
  while IFS= read -r line || [[ -n $line ]]; do
    line=${line%$'\r'}
    [[ $line =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
    key=${BASH_REMATCH[2]}
    val=${BASH_REMATCH[3]}
    [[ -n ${!key+set} ]] && continue
    if [[ $val =~ ^\"(.*)\"[[:space:]]*$ || $val =~ ^\'(.*)\'[[:space:]]*$ ]]; then
      val=${BASH_REMATCH[1]}
    fi
    export "$key=$val"
  done <"$1"
}
load_env .env
# Loaded before ensure-services so that it honours DATABASE_URL / REDIS_URL from .env.

bash scripts/ensure-services.sh

log "npm run build"
npm run build
log "npm run migration:run"
npm run migration:run
log "npm run seed:demo"
npm run seed:demo

PORT=${PORT:-3000}
cat <<EOF

[demo] ------------------------------------------------------------------
[demo]  Web app:               http://localhost:${PORT}/  (staff: http://localhost:${PORT}/staff/sign-in)
[demo]  Demo staff:            operator, reception, controller, analyst, officer / ${DEMO_PASSWORD:-Almaty-Demo-2026}
[demo]  API docs (Swagger UI): http://localhost:${PORT}/docs
[demo]  Health:                http://localhost:${PORT}/api/v1/health
[demo]  Admin login:           ${BOOTSTRAP_ADMIN_LOGIN:-admin} / ${BOOTSTRAP_ADMIN_PASSWORD:-Astana-Bootstrap-2026}
[demo]  Press Ctrl-C to stop the API and the worker.
[demo] ------------------------------------------------------------------

EOF

# Each child gets its own process group (job control on), so stopping it also stops the node
# process under npm, and a terminal Ctrl-C reaches only this script, which then stops both.
set -m
pids=()

stop_children() {
  local pid i alive
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  for ((i = 0; i < 100; i++)); do # up to 10 s for a graceful shutdown
    alive=0
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null && alive=1
    done
    ((alive)) || break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}

# shellcheck disable=SC2317  # invoked from the traps below
on_signal() {
  trap - INT TERM
  log "received SIG$1; stopping the API and the worker"
  stop_children
  [[ $1 == INT ]] && exit 130
  exit 143
}
trap 'on_signal INT' INT
trap 'on_signal TERM' TERM

npm run start:prod &
api_pid=$!
pids+=("$api_pid")
npm run start:worker:prod &
worker_pid=$!
pids+=("$worker_pid")
log "API pid $api_pid, worker pid $worker_pid"

# Wait until either child exits (a trapped signal interrupts the wait and runs on_signal).
status=0
wait -n "$api_pid" "$worker_pid" || status=$?
if kill -0 "$api_pid" 2>/dev/null; then who="worker"; else who="API"; fi
trap - INT TERM
log "the $who exited (status $status); stopping the other process"
stop_children
exit $((status == 0 ? 1 : status))
