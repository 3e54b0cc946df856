# Sourced by .ci/run (bash): starts a throwaway PostgreSQL cluster for the PostgreSQL
# tests, exports FIELDBOOK_TEST_POSTGRES naming it, and stops it and removes its folder
# when the calling shell exits, whether the tests passed or not.
#
# Debian's `postgresql` package puts its binaries under /usr/lib/postgresql/<major>/bin.
# PostgreSQL refuses to run as root, so under root the cluster belongs to the package's
# `postgres` user. It listens on a Unix socket in its own folder only (no TCP port to
# collide with anything), and trusts local connections: nothing in it outlives the run.

if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
fieldbook_pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fieldbook_pg_dir="$(mktemp -d /tmp/fieldbook-postgres.XXXXXX)"
if [ "$(id -u)" = 0 ]; then
  chown postgres "$fieldbook_pg_dir"
  fieldbook_as_pg() { runuser -u postgres -- "$@"; }
else
  fieldbook_as_pg() { "$@"; }
fi

fieldbook_stop_postgres() {
  fieldbook_as_pg "$fieldbook_pg_bin/pg_ctl" -D "$fieldbook_pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$fieldbook_pg_dir"
}
trap fieldbook_stop_postgres EXIT

fieldbook_as_pg "$fieldbook_pg_bin/initdb" -D "$fieldbook_pg_dir/data" -U fieldbook --auth=trust \
  --encoding=UTF8 --locale=C.UTF-8 >"$fieldbook_pg_dir/initdb.log"
fieldbook_as_pg "$fieldbook_pg_bin/pg_ctl" -D "$fieldbook_pg_dir/data" -l "$fieldbook_pg_dir/server.log" -w \
  -o "-c listen_addresses='' -c unix_socket_directories='$fieldbook_pg_dir'" start >/dev/null

# The host in the URL is a placeholder: the host parameter (the socket's folder) replaces it.
export FIELDBOOK_TEST_POSTGRES="postgresql://fieldbook@localhost/postgres?host=$fieldbook_pg_dir"
echo "PostgreSQL tests: a throwaway cluster at $FIELDBOOK_TEST_POSTGRES"
