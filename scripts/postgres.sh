#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the database samples and their tests: a fresh data directory in
# a temp folder, listening on a free loopback port only, thrown away by `stop`. Installs nothing: the
# server comes from .ci/packages.txt (scripts/install-test-deps.sh).
#
#   scripts/postgres.sh check          exit 0 if the server binaries are here, 3 (with a message) if not
#   scripts/postgres.sh start          prints PGPORT=<port> and PGCLUSTER=<dir>  (eval-able)
#   scripts/postgres.sh stop <dir>     stops the cluster and deletes <dir> (default: $PGCLUSTER)
#
# The cluster has a database `jasyncio` and one role per way of logging in over TCP:
#   jasyncio        / jasyncio-secret  scram-sha-256 (what modern servers use for passwords)
#   jasyncio_md5    / md5-secret       md5
#   jasyncio_clear  / clear-secret     password (cleartext)
#   jasyncio_trust  (no password)      trust
set -euo pipefail

# Debian puts the server outside PATH, one folder per major version; take the newest.
bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) "$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)")"; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/psql" ]; then echo "$d"; return 0; fi
  done
  return 1
}

# initdb and the server refuse to run as root: as root, run them as the postgres OS user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A loopback port nobody listens on now (the server's own bind is the final word: start retries).
free_port() {
  local port
  for _ in $(seq 50); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "postgres.sh: no free loopback port found" >&2
  return 1
}

cmd_check() {
  if ! bindir >/dev/null; then
    echo "postgres.sh: PostgreSQL server binaries not found (no initdb, pg_ctl and psql in /usr/lib/postgresql/*/bin or beside pg_ctl on PATH);" \
         "install the packages in .ci/packages.txt with scripts/install-test-deps.sh" >&2
    exit 3
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "postgres.sh: running as root but there is no 'postgres' OS user to run the server as" >&2
    exit 3
  fi
}

cmd_start() {
  cmd_check
  bin=$(bindir)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/jasyncio-pg.XXXXXX")
  data="$dir/data"
  log="$dir/server.log"
  chmod 755 "$dir"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$dir"
  # if anything below fails, leave nothing behind (an EXIT trap: set -e may exit inside a function)
  ok=""   # global, like dir and data: the trap runs after this function has returned
  trap '[ -n "$ok" ] || { as_owner "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$dir"; }' EXIT
  as_owner "$bin/initdb" -D "$data" -U postgres --no-sync --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; false; }
  # one pg_hba line per login method, by role; first match wins
  as_owner tee "$data/pg_hba.conf" >/dev/null <<'EOF'
local all            all                          trust
host  all            jasyncio_trust  127.0.0.1/32 trust
host  all            jasyncio_clear  127.0.0.1/32 password
host  all            jasyncio_md5    127.0.0.1/32 md5
host  all            all             127.0.0.1/32 scram-sha-256
EOF
  local started=""
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    # the unix socket goes in the cluster's own folder: no /var/run/postgresql needed; a test
    # server needs no durability, so fsync is off
    if as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
         -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
         start >/dev/null 2>&1; then
      started=1; break
    fi
  done
  if [ -z "$started" ]; then
    echo "postgres.sh: the server did not start; its log:" >&2
    cat "$log" >&2 || true
    false
  fi
  as_owner "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q >/dev/null <<'EOF'
CREATE ROLE jasyncio LOGIN PASSWORD 'jasyncio-secret';
SET password_encryption = 'md5';
CREATE ROLE jasyncio_md5 LOGIN PASSWORD 'md5-secret';
RESET password_encryption;
CREATE ROLE jasyncio_clear LOGIN PASSWORD 'clear-secret';
CREATE ROLE jasyncio_trust LOGIN;
CREATE DATABASE jasyncio OWNER jasyncio;
GRANT ALL ON DATABASE jasyncio TO jasyncio_md5, jasyncio_clear, jasyncio_trust;
-- the tests end other sessions (pg_terminate_backend) to play a server going away
GRANT pg_signal_backend TO jasyncio;
EOF
  ok=1
  echo "PGPORT=$port"
  echo "PGCLUSTER=$dir"
}

cmd_stop() {
  local dir=${1:-${PGCLUSTER:-}}
  if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
    echo "postgres.sh stop: give the folder 'start' printed as PGCLUSTER (got '${dir}')" >&2
    exit 2
  fi
  local bin
  bin=$(bindir)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
    || as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  check) cmd_check ;;
  start) cmd_start ;;
  stop) shift; cmd_stop "$@" ;;
  *) echo "usage: $0 check | start | stop <dir>" >&2; exit 2 ;;
esac
