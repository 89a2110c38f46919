# Sourced by .ci/run and bench/run-service.sh: a throwaway PostgreSQL
# cluster in a temporary folder, reachable only through a Unix socket.
# pg_start sets SPFKIT_TEST_POSTGRES (the tests' server URL); pg_stop
# stops the cluster and removes its folder.

pg_start() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "PostgreSQL is not installed (apt-get install postgresql)"; return 1
  fi
  PG_DIR=$(mktemp -d /tmp/spfkit-pg.XXXXXX)
  PG_RUN=()
  if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root.
    chown postgres "$PG_DIR"
    PG_RUN=(runuser -u postgres --)
  fi
  PG_BIN=$bin
  PG_PORT=55432
  "${PG_RUN[@]}" "$bin/initdb" -D "$PG_DIR/data" -U spfkit -A trust -E UTF8 --no-sync >/dev/null
  "${PG_RUN[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 120 \
    -o "-k $PG_DIR -p $PG_PORT -c listen_addresses='' -c max_connections=200" start >/dev/null
  export SPFKIT_TEST_POSTGRES="postgres://spfkit@/postgres?host=$PG_DIR&port=$PG_PORT&sslmode=disable"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') started in $PG_DIR"
}

pg_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_DIR=
  fi
}
