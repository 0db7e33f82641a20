#!/usr/bin/env bash
# tests/store/with_postgresql.sh CMD [ARGS…]: runs CMD with PLATEAU_TEST_POSTGRESQL set to the URI
# of a fresh, empty database on a throwaway PostgreSQL server, then stops the server, removes its
# files and exits with CMD's status.
#
#   tests/store/with_postgresql.sh build/src/store/store_test
#   tests/store/with_postgresql.sh ctest --test-dir build -R "store|durability" --output-on-failure
#
# The server is PostgreSQL's own binaries (Debian package postgresql, scripts/setup.sh; another
# directory with PLATEAU_POSTGRESQL_BIN), run from a `mktemp -d` directory: its data directory and
# its unix socket, on a port of its own and no TCP address, so that it never meets a system cluster
# (/var/run/postgresql, 5432) or another run of this script. Local connections are trusted. A
# server refuses to run as root: as root, the server's commands run as the system user `postgres`
# (created by the package), which owns the directory; as anyone else, as that user.
set -u

if [ $# -eq 0 ]; then
  echo "usage: $0 CMD [ARGS…]: runs CMD with PLATEAU_TEST_POSTGRESQL set to a throwaway PostgreSQL database" >&2
  exit 2
fi

bin="${PLATEAU_POSTGRESQL_BIN:-}"
if [ -z "$bin" ]; then
  bin=/usr/lib/postgresql/15/bin
  if [ ! -x "$bin/initdb" ]; then
    # Another major version from the same packaging: the newest there is.
    for candidate in /usr/lib/postgresql/*/bin; do [ -x "$candidate/initdb" ] && bin="$candidate"; done
  fi
fi
for tool in initdb pg_ctl psql; do
  if [ ! -x "$bin/$tool" ]; then
    echo "$0: $bin/$tool not found: install PostgreSQL (apt-get install postgresql, scripts/setup.sh) or set PLATEAU_POSTGRESQL_BIN" >&2
    exit 2
  fi
done

owner="$(id -un)"
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  if ! id postgres >/dev/null 2>&1; then
    echo "$0: running as root, and there is no system user postgres to run the server as" >&2
    exit 2
  fi
fi

# The socket's path must stay short (about 100 bytes): /tmp rather than a long $TMPDIR.
root="$(mktemp -d /tmp/plateau-pg.XXXXXX)" || exit 2
data="$root/data"
log="$root/server.log"
# Any port works (the socket is in our own directory and there is no TCP listener); a random one
# keeps the socket's name from looking like the system's.
port=$((20000 + RANDOM % 40000))
started=0

# A command as the server's owner, from a directory it may enter, with a HOME of its own.
as_owner() {
  if [ "$owner" = "$(id -un)" ]; then
    (cd "$root" && HOME="$root" "$@")
  else
    (cd "$root" && runuser -u "$owner" -- env HOME="$root" "$@")
  fi
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM HUP
  if [ "$started" -eq 1 ]; then
    as_owner "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 ||
      echo "$0: the server in $root did not stop cleanly" >&2
  fi
  rm -rf "$root"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

fail() {
  echo "$0: $1" >&2
  [ -f "$log" ] && tail -20 "$log" >&2
  exit 2
}

if [ "$owner" != "$(id -un)" ]; then
  chown "$owner:" "$root" || fail "cannot give $root to $owner"
fi
chmod 700 "$root"

as_owner "$bin/initdb" --pgdata="$data" --username=postgres --auth=trust --encoding=UTF8 --locale=C \
  --no-sync >"$root/initdb.log" 2>&1 || { cat "$root/initdb.log" >&2; fail "initdb failed"; }
cat >>"$data/postgresql.conf" <<CONF

# tests/store/with_postgresql.sh: a unix socket in our own directory, no TCP.
listen_addresses = ''
unix_socket_directories = '$root'
port = $port
max_connections = 50
shared_buffers = 16MB
CONF

as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null || fail "the server did not start"
started=1

database=plateau_test
as_owner "$bin/psql" -X -q -h "$root" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
  -c "CREATE DATABASE $database" >/dev/null || fail "cannot create the database $database"

uri="postgresql:///$database?host=$root&port=$port&user=postgres"
version="$("$bin/postgres" --version | awk '{print $3}')"
echo "with_postgresql.sh: PostgreSQL $version started in $root (socket, port $port), PLATEAU_TEST_POSTGRESQL=$uri" >&2

PLATEAU_TEST_POSTGRESQL="$uri" "$@"
