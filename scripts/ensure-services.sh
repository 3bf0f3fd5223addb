#!/usr/bin/env bash
# Make sure PostgreSQL and Redis run locally and the application's role and database exist.
#
# Idempotent: safe to run any number of times. On a fresh Debian 12 machine it installs PostgreSQL
# and Redis from apt (needs root); where they already run (CI) it only checks the role/database.
#
# Honours DATABASE_URL (user, password, database, host, port) and REDIS_URL (host, port);
# defaults: postgres://appeals:appeals@127.0.0.1:5432/appeals and redis://127.0.0.1:6379/0.
set -euo pipefail

log() { echo "[ensure-services] $*"; }
die() { echo "[ensure-services] ERROR: $*" >&2; exit 1; }

export DEBIAN_FRONTEND=noninteractive

# ---------------------------------------------------------------------------------------------
# URL parsing (scheme://[user[:password]@]host[:port][/path][?query]); percent-escapes decoded.
# ---------------------------------------------------------------------------------------------
url_decode() {
  local s=$1
  if [[ $s == *%* ]]; then
    s=${s//\\/\\\\}            # keep literal backslashes literal for printf %b
    printf '%b' "${s//%/\\x}"
  else
    printf '%s' "$s"
  fi
}

# Sets URL_USER URL_PASS URL_HOST URL_PORT URL_PATH from $1.
parse_url() {
  local rest=${1#*://} hostpart userinfo="" hostport
  rest=${rest%%\?*}
  rest=${rest%%#*}
  hostpart=${rest%%/*}
  URL_PATH=""
  [[ $rest == */* ]] && URL_PATH=${rest#*/}
  if [[ $hostpart == *@* ]]; then
    userinfo=${hostpart%@*}
    hostport=${hostpart##*@}
  else
    hostport=$hostpart
  fi
  URL_USER=$(url_decode "${userinfo%%:*}")
  URL_PASS=""
  [[ $userinfo == *:* ]] && URL_PASS=$(url_decode "${userinfo#*:}")
  URL_PORT=""
  if [[ $hostport == \[*\]* ]]; then                 # [ipv6]:port
    URL_HOST=${hostport%%]*}
    URL_HOST=${URL_HOST#[}
    local after=${hostport#*]}
    [[ $after == :* ]] && URL_PORT=${after#:}
  elif [[ $hostport == *:* ]]; then
    URL_HOST=${hostport%:*}
    URL_PORT=${hostport##*:}
  else
    URL_HOST=$hostport
  fi
  URL_PATH=$(url_decode "$URL_PATH")
}

is_local_host() {
  case "$1" in
    "" | 127.0.0.1 | localhost | ::1 | 0.0.0.0) return 0 ;;
    *) return 1 ;;
  esac
}

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
tcp_open() { # host port
  # shellcheck disable=SC2016  # $1/$2 are expanded by the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" >/dev/null 2>&1
}

APT_UPDATED=0
apt_install() { # packages...
  [[ $(id -u) -eq 0 ]] || die "need root to install $* (run as root, or install it yourself)"
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install $* yourself"
  if [[ $APT_UPDATED -eq 0 ]]; then
    log "apt-get update"
    apt-get update -qq || die "apt-get update failed"
    APT_UPDATED=1
  fi
  log "apt-get install -y $*"
  apt-get install -y -qq "$@" >/dev/null || die "apt-get install $* failed"
}

pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

# ---------------------------------------------------------------------------------------------
# Configuration
# ---------------------------------------------------------------------------------------------
DB_URL=${DATABASE_URL:-postgres://appeals:appeals@127.0.0.1:5432/appeals}
parse_url "$DB_URL"
DB_USER=${URL_USER:-appeals}
DB_PASS=${URL_PASS:-appeals}
DB_HOST=${URL_HOST:-127.0.0.1}
[[ $DB_HOST == localhost ]] && DB_HOST=127.0.0.1
DB_PORT=${URL_PORT:-5432}
DB_NAME=${URL_PATH:-appeals}

RD_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
parse_url "$RD_URL"
RD_HOST=${URL_HOST:-127.0.0.1}
[[ $RD_HOST == localhost ]] && RD_HOST=127.0.0.1
RD_PORT=${URL_PORT:-6379}

[[ $DB_PORT =~ ^[0-9]+$ ]] || die "cannot parse the port in DATABASE_URL"
[[ $RD_PORT =~ ^[0-9]+$ ]] || die "cannot parse the port in REDIS_URL"

# ---------------------------------------------------------------------------------------------
# PostgreSQL server
# ---------------------------------------------------------------------------------------------
pg_up() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$DB_HOST" -p "$DB_PORT" -t 2 >/dev/null 2>&1
  else
    tcp_open "$DB_HOST" "$DB_PORT"
  fi
}

wait_for() { # description seconds command...
  local what=$1 secs=$2 i
  shift 2
  for ((i = 0; i < secs * 2; i++)); do
    "$@" && return 0
    sleep 0.5
  done
  die "$what did not become ready within ${secs}s"
}

start_local_postgres() {
  if ! pkg_installed postgresql || ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt_install postgresql postgresql-contrib
    sleep 1
    if pg_up; then return 0; fi # the package's init script started the cluster
  fi
  local ver
  # shellcheck disable=SC2012  # version directory names are plain
  ver=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z $ver || ! -d /etc/postgresql/$ver/main ]]; then
    # Packages present but no cluster (e.g. dropped): create one for the newest server installed.
    # shellcheck disable=SC2012
    ver=${ver:-$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1 || true)}
    [[ -n $ver ]] || die "no PostgreSQL server version found under /usr/lib/postgresql"
    log "creating PostgreSQL $ver cluster 'main'"
    pg_createcluster "$ver" main >/dev/null
  fi
  # The socket directory lives on tmpfs on many systems and may be gone after a reboot.
  install -d -o postgres -g postgres -m 2775 /var/run/postgresql
  log "starting PostgreSQL $ver cluster 'main'"
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start ||
    log "pg_ctlcluster start returned non-zero (already running?); waiting for it anyway"
}

if pg_up; then
  log "PostgreSQL is reachable on $DB_HOST:$DB_PORT"
else
  is_local_host "$DB_HOST" ||
    die "PostgreSQL at $DB_HOST:$DB_PORT (from DATABASE_URL) is not reachable and is not local"
  log "PostgreSQL is not reachable on $DB_HOST:$DB_PORT; installing/starting it"
  start_local_postgres
  wait_for "PostgreSQL" 60 pg_up
  log "PostgreSQL is up on $DB_HOST:$DB_PORT"
fi

if ! command -v psql >/dev/null 2>&1; then
  apt_install postgresql-client
fi

# ---------------------------------------------------------------------------------------------
# Superuser access: trust over TCP as 'postgres' (CI), else peer auth over the local socket.
# Usage: echo "SQL" | pg_super DBNAME
# ---------------------------------------------------------------------------------------------
PSQL_OPTS=(-X -q -A -t -v ON_ERROR_STOP=1)
SUPER_MODE=""

pg_super() {
  local db=$1
  case $SUPER_MODE in
    tcp)
      PGCONNECT_TIMEOUT=5 PGDATABASE=$db psql -w "${PSQL_OPTS[@]}" -h "$DB_HOST" -p "$DB_PORT" -U postgres
      ;;
    runuser)
      (cd / && env -u PGHOST -u PGUSER -u PGPASSWORD PGPORT="$DB_PORT" PGDATABASE="$db" \
        runuser -u postgres -- psql -w "${PSQL_OPTS[@]}")
      ;;
    su)
      (cd / && env -u PGHOST -u PGUSER -u PGPASSWORD PGPORT="$DB_PORT" PGDATABASE="$db" \
        su postgres -s /bin/sh -c 'exec psql -w -X -q -A -t -v ON_ERROR_STOP=1')
      ;;
    sudo)
      (cd / && sudo -n -u postgres env -u PGHOST PGPORT="$DB_PORT" PGDATABASE="$db" \
        psql -w "${PSQL_OPTS[@]}")
      ;;
    *) return 1 ;;
  esac
}

is_super() { [[ $(echo "SELECT rolsuper FROM pg_roles WHERE rolname = current_user;" | pg_super postgres 2>/dev/null) == t ]]; }

for mode in tcp runuser su sudo; do
  case $mode in
    runuser | su) if [[ $(id -u) -ne 0 ]] || ! command -v "$mode" >/dev/null 2>&1; then continue; fi ;;
    sudo) command -v sudo >/dev/null 2>&1 || continue ;;
  esac
  SUPER_MODE=$mode
  if is_super; then break; fi
  SUPER_MODE=""
done
[[ -n $SUPER_MODE ]] ||
  die "cannot connect to PostgreSQL as superuser 'postgres' (tried trust over TCP, runuser, su, sudo)"
log "connected as PostgreSQL superuser via $SUPER_MODE"

# ---------------------------------------------------------------------------------------------
# Role, database, extension
# ---------------------------------------------------------------------------------------------
sql_lit() { local s=${1//\'/\'\'}; printf "'%s'" "$s"; }
sql_ident() { local s=${1//\"/\"\"}; printf '"%s"' "$s"; }

U_LIT=$(sql_lit "$DB_USER")
U_ID=$(sql_ident "$DB_USER")
D_LIT=$(sql_lit "$DB_NAME")
D_ID=$(sql_ident "$DB_NAME")
P_LIT=$(sql_lit "$DB_PASS")

role_state=$(echo "SELECT CASE WHEN rolsuper THEN 'super' ELSE 'plain' END FROM pg_roles WHERE rolname = $U_LIT;" | pg_super postgres)
case $role_state in
  "")
    echo "CREATE ROLE $U_ID LOGIN CREATEDB PASSWORD $P_LIT;" | pg_super postgres
    log "created role $DB_USER (LOGIN CREATEDB)"
    ;;
  super)
    log "role $DB_USER exists (superuser; left unchanged)"
    ;;
  *)
    # Keep LOGIN/CREATEDB and the password in line with DATABASE_URL (tests create databases).
    echo "ALTER ROLE $U_ID LOGIN CREATEDB PASSWORD $P_LIT;" | pg_super postgres
    log "role $DB_USER exists (LOGIN CREATEDB, password as in DATABASE_URL)"
    ;;
esac

db_owner=$(echo "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = $D_LIT;" | pg_super postgres)
if [[ -z $db_owner ]]; then
  echo "CREATE DATABASE $D_ID OWNER $U_ID;" | pg_super postgres
  log "created database $DB_NAME owned by $DB_USER"
elif [[ $db_owner != "$DB_USER" ]]; then
  echo "ALTER DATABASE $D_ID OWNER TO $U_ID;" | pg_super postgres
  log "database $DB_NAME exists; owner changed from $db_owner to $DB_USER"
else
  log "database $DB_NAME exists (owner $DB_USER)"
fi

for db in template1 "$DB_NAME"; do
  if echo "CREATE EXTENSION IF NOT EXISTS ltree;" | pg_super "$db" >/dev/null 2>&1; then
    log "extension ltree present in $db"
  else
    log "WARNING: could not create extension ltree in $db (is postgresql-contrib installed?)"
  fi
done

# ---------------------------------------------------------------------------------------------
# Redis
# ---------------------------------------------------------------------------------------------
redis_up() { tcp_open "$RD_HOST" "$RD_PORT"; }

if redis_up; then
  log "Redis is reachable on $RD_HOST:$RD_PORT"
else
  is_local_host "$RD_HOST" ||
    die "Redis at $RD_HOST:$RD_PORT (from REDIS_URL) is not reachable and is not local"
  log "Redis is not reachable on $RD_HOST:$RD_PORT; installing/starting it"
  if ! command -v redis-server >/dev/null 2>&1; then
    apt_install redis-server
    sleep 1 # the package's init script may already have started it
  fi
  if ! redis_up; then
    log "starting redis-server on 127.0.0.1:$RD_PORT"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$RD_PORT" --save "" --appendonly no >/dev/null
  fi
  wait_for "Redis" 30 redis_up
  log "Redis is up on $RD_HOST:$RD_PORT"
fi

log "all services ready"
