#!/usr/bin/env bash
# Makes a local PostgreSQL ready for the test suite and prints its admin URL
# (the value for CREG_TEST_POSTGRES_URL) on stdout; progress goes to stderr.
#
#   export CREG_TEST_POSTGRES_URL=$(scripts/test-postgres.sh)
#
# Installs Debian's `postgresql` package when no server is installed (as root,
# without prompts), creates a cluster when there is none, starts it, and
# creates (or resets) a password-authenticated user allowed to create
# databases, with a database of its own: TCP connections use scram-sha-256,
# so the user needs a password. Test databases left by test processes that are
# gone are dropped. Safe to run again on a machine where all this is done.
set -euo pipefail

user=${CREG_TEST_PG_USER:-creg_test}
password=${CREG_TEST_PG_PASSWORD:-creg_test}
database=${CREG_TEST_PG_DATABASE:-creg_test}

log() { echo "test-postgres: $*" >&2; }

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  elif [ "$(id -un)" = postgres ]; then
    "$@"
  else
    sudo -n -u postgres -- "$@"
  fi
}

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL is not installed and cannot be installed here (needs root and apt-get)"
    exit 1
  fi
  log "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

# The first cluster listed; a new one of the newest installed version when there is none.
cluster=$(pg_lsclusters --no-header 2>/dev/null | awk 'NR == 1 { print $1, $2, $3 }')
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  log "creating cluster $version/main"
  pg_createcluster "$version" main >&2
  cluster=$(pg_lsclusters --no-header | awk 'NR == 1 { print $1, $2, $3 }')
fi
read -r version name port <<<"$cluster"

status=$(pg_lsclusters --no-header | awk -v v="$version" -v n="$name" '$1 == v && $2 == n { print $4 }')
if [ "$status" != online ]; then
  log "starting cluster $version/$name on port $port"
  pg_ctlcluster "$version" "$name" start >&2
fi
for _ in $(seq 1 60); do
  if pg_isready -q -h 127.0.0.1 -p "$port"; then break; fi
  sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$port" || { log "PostgreSQL on port $port did not become ready"; exit 1; }

as_postgres psql -q -v ON_ERROR_STOP=1 -p "$port" -d postgres \
  -v user="$user" -v password="$password" -v database="$database" >&2 <<'SQL'
SELECT format('CREATE ROLE %I', :'user') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'user')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
SQL

# Test databases are named creg_test_<pid>_<random>: drop those whose test process is gone.
as_postgres psql -Atq -p "$port" -d postgres -c "SELECT datname FROM pg_database WHERE datname ~ '^creg_test_[0-9]+_'" |
  while read -r stale; do
    pid=${stale#creg_test_}
    pid=${pid%%_*}
    if ! kill -0 "$pid" 2>/dev/null; then
      as_postgres psql -q -p "$port" -d postgres -c "DROP DATABASE IF EXISTS \"$stale\" WITH (FORCE)" >&2
    fi
  done

log "ready: $user@127.0.0.1:$port/$database"
echo "postgres://$user:$password@127.0.0.1:$port/$database"
