#!/usr/bin/env bash
# A private PostgreSQL server for tests and local clusters: Debian's postgresql package, its own data
# directory and port, loopback only, trust authentication for the local user `ido` (the server never
# listens beyond 127.0.0.1 and its socket lives in the given directory).
#
#   scripts/postgres-local.sh start DIR [PORT]   initialise DIR (once) and start; prints the database URI
#   scripts/postgres-local.sh stop DIR           fast shutdown (clients are disconnected)
#   scripts/postgres-local.sh restart DIR        stop, then start on the same port
#   scripts/postgres-local.sh uri DIR            the URI of a started server
#
# PostgreSQL refuses to run as root; when run as root, the server runs as the `postgres` system user that
# the Debian package creates, and DIR is handed to it.
set -euo pipefail

command=${1:-}
dir=${2:-}
if [[ -z "$command" || -z "$dir" ]]; then
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z "$bindir" || ! -x "$bindir/pg_ctl" ]]; then
    echo "postgres-local: PostgreSQL server binaries not found; run scripts/install-deps.sh" >&2
    exit 1
fi

as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

uri() { echo "postgresql://ido@127.0.0.1:$(cat "$dir/port")/ido_vinder"; }

# A server for tests and local clusters holds nothing that must survive a crash of the machine: without
# fsync its CREATE DATABASE (one per test) and its shutdown checkpoint take milliseconds instead of
# about half a second and several seconds on a busy disk. A clean stop still writes everything, so a
# restart (the cluster test restarts it under load) keeps every committed row. IDO_PG_DURABLE=1 keeps
# PostgreSQL's defaults (for measuring real commit latency, bench/load).
durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[[ "${IDO_PG_DURABLE:-0}" == 1 ]] && durability=""

start() {
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres: "$dir"
        chmod 755 "$dir"
    fi
    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
        as_owner "$bindir/initdb" -D "$dir/data" -U ido --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
            { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    local port=${1:-}
    [[ -n "$port" ]] || port=$( [[ -f "$dir/port" ]] && cat "$dir/port" || free_port )
    as_owner sh -c "echo $port > '$dir/port'"
    # -w waits until the server accepts connections; -t bounds that wait.
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 $durability" start >/dev/null ||
        { tail -n 20 "$dir/postgres.log" >&2; exit 1; }
    if ! as_owner "$bindir/psql" -h 127.0.0.1 -p "$port" -U ido -d postgres -tAc \
            "SELECT 1 FROM pg_database WHERE datname = 'ido_vinder'" | grep -q 1; then
        as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U ido ido_vinder
    fi
    uri
}

stop() {
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
    fi
}

case "$command" in
    start) start "${3:-}" ;;
    stop) stop ;;
    restart) stop; start ;;
    uri) uri ;;
    *) echo "postgres-local: unknown command '$command'" >&2; exit 2 ;;
esac
