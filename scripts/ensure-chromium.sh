#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser tests (test/web/*.e2e-spec.ts), which drive
# it through playwright-core rather than downloading a browser. Idempotent; installing needs root.
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
if [[ -x $CHROMIUM ]]; then exit 0; fi
log() { echo "[ensure-chromium] $*"; }
[[ $(id -u) -eq 0 ]] || { echo "[ensure-chromium] ERROR: $CHROMIUM missing; install the chromium package (needs root)" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive
log "apt-get update"
apt-get update -qq
log "apt-get install -y chromium"
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
[[ -x $CHROMIUM ]] || { echo "[ensure-chromium] ERROR: chromium installed but $CHROMIUM not found" >&2; exit 1; }
