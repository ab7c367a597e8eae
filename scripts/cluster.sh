#!/usr/bin/env bash
# Several ido-vinder replicas behind nginx over one PostgreSQL database, as plain processes on this
# machine: the topology of docker-compose.yml without Docker, for trying it out and for tests/cluster.
#
#   scripts/cluster.sh start DIR            PostgreSQL, replicas a and b, nginx in front; prints the URLs
#   scripts/cluster.sh stop DIR             stops all of them (nginx, the replicas, PostgreSQL)
#   scripts/cluster.sh status DIR           what runs, and each replica's /v1/health
#   scripts/cluster.sh stop-replica DIR a   stops one replica (SIGTERM); nginx carries on with the other
#   scripts/cluster.sh start-replica DIR a  starts it again on its old port (a rolling upgrade, by hand)
#
# Everything lives in DIR: the database (DIR/postgres), each replica's log, pid and port
# (DIR/replica-a.*), nginx's generated configuration and logs (DIR/nginx), and DIR/cluster.env with the
# URLs. All listen on 127.0.0.1 only, on free ports chosen at the first start and kept after that.
# Environment: IDO_BINARY (default build/service/ido-vinder), IDO_CLUSTER_PORT (nginx's port).
set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
command=${1:-}
dir=${2:-}
if [[ -z "$command" || -z "$dir" ]]; then
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
binary=${IDO_BINARY:-$src/build/service/ido-vinder}

# One command at a time per DIR: a stop (say, a test's cleanup after it was killed) waits until a start
# in progress has finished, instead of racing it and leaving half a cluster running. The lock is held
# by the flock process alone (-o), so the servers started here do not inherit it.
if [[ -z "${IDO_CLUSTER_LOCKED:-}" && "$command" =~ ^(start|stop|start-replica|stop-replica)$ ]]; then
    [[ "$command" != stop || -d "$dir" ]] || exit 0
    mkdir -p "$dir"
    IDO_CLUSTER_LOCKED=1 exec flock -o -w 300 "$dir/.cluster.lock" "$0" "$@"
fi
replicas=(a b)

say() { echo "cluster: $*" >&2; }
fail() { say "$*"; exit 1; }

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The port in DIR/NAME.port, chosen once.
port_of() {
    local file="$dir/$1.port"
    if [[ ! -s "$file" ]]; then
        if [[ "$1" == nginx && -n "${IDO_CLUSTER_PORT:-}" ]]; then
            echo "$IDO_CLUSTER_PORT" >"$file"
        else
            free_port >"$file"
        fi
    fi
    cat "$file"
}

# The pid in FILE when that process is alive and its command line contains WORD (a pid file outlives
# a reboot; its number may belong to someone else by then).
live_pid() {
    local file=$1 word=$2 pid
    [[ -s "$file" ]] || return 1
    pid=$(cat "$file")
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$word" || return 1
    echo "$pid"
}

# Waits until PID is gone, at most SECONDS; then SIGKILL.
stop_pid() {
    local pid=$1 signal=$2 seconds=$3
    kill "-$signal" "$pid" 2>/dev/null || return 0
    for ((i = 0; i < seconds * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    say "process $pid did not stop within $seconds s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
}

# GET http://127.0.0.1:PORT/PATH, body on stdout; no curl needed (bash's /dev/tcp).
http_get() {
    local port=$1 path=$2
    exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
    printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3
    timeout 5 cat <&3 | sed '1,/^\r$/d'
    exec 3<&-
}

# The postmaster's pid when DIR's PostgreSQL runs.
postgres_pid() {
    local pid
    [[ -f "$dir/postgres/data/postmaster.pid" ]] || return 1
    pid=$(head -n 1 "$dir/postgres/data/postmaster.pid")
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
    echo "$pid"
}

db_uri() { "$src/scripts/postgres-local.sh" uri "$dir/postgres"; }

start_replica() {
    local name=$1 port pid
    if pid=$(live_pid "$dir/replica-$name.pid" ido-vinder); then
        say "replica $name already runs (pid $pid)"
        return 0
    fi
    port=$(port_of "replica-$name")
    : >"$dir/replica-$name.out"
    # setsid: its own session, so a Ctrl-C in this terminal does not reach it.
    # Each replica its own metrics port (the default 9464 would be taken by the first). nginx reaches
    # the replicas from 127.0.0.1: its X-Real-IP names the client for the per-address limits.
    setsid "$binary" serve --db "$(db_uri)" --address 127.0.0.1 --port "$port" \
        --metrics-adres "127.0.0.1:$(port_of "replica-$name-metrics")" \
        --vertrouwde-proxy 127.0.0.1 \
        --data-dir "$src/data" --widget-dir "$src/web-widget/dist" \
        >"$dir/replica-$name.out" 2>"$dir/replica-$name.log" </dev/null &
    echo $! >"$dir/replica-$name.pid"
}

# Waits for the replica's "listening on" line (its snapshot is loaded then). The service itself retries
# an unreachable database for 30 s, and the first start fills the database with the seed set.
await_replica() {
    local name=$1 pid
    pid=$(cat "$dir/replica-$name.pid")
    for ((i = 0; i < 900; i++)); do
        grep -q 'listening on' "$dir/replica-$name.out" 2>/dev/null && return 0
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 20 "$dir/replica-$name.log" >&2
            fail "replica $name exited during start; its log: $dir/replica-$name.log"
        fi
        sleep 0.1
    done
    tail -n 20 "$dir/replica-$name.log" >&2
    fail "replica $name did not start within 90 s; its log: $dir/replica-$name.log"
}

stop_replica() {
    local name=$1 pid
    if pid=$(live_pid "$dir/replica-$name.pid" ido-vinder); then
        stop_pid "$pid" TERM 15
        say "replica $name stopped"
    fi
    rm -f "$dir/replica-$name.pid"
}

# nginx's files in DIR/nginx: deploy/cluster/nginx.conf and the two deploy/ includes as links (so they
# stay the checkout's own), and the two per-deployment files it includes, generated here.
configure_nginx() {
    local conf="$dir/nginx" port
    mkdir -p "$conf/logs" "$conf/tmp"
    ln -sfn "$src/deploy/cluster/nginx.conf" "$conf/nginx.conf"
    ln -sfn "$src/deploy/ido-vinder-http.conf" "$conf/ido-vinder-http.conf"
    ln -sfn "$src/deploy/ido-vinder-site.conf" "$conf/ido-vinder-site.conf"
    {
        echo "# Generated by scripts/cluster.sh: the replicas (see deploy/cluster/nginx.conf)."
        for name in "${replicas[@]}"; do
            echo "server 127.0.0.1:$(port_of "replica-$name") max_fails=2 fail_timeout=5s;"
        done
    } >"$conf/upstreams.conf"
    port=$(port_of nginx)
    cat >"$conf/server.conf" <<EOF
# Generated by scripts/cluster.sh (see deploy/cluster/nginx.conf).
listen 127.0.0.1:$port;
set \$ido_root $src;
access_log logs/access.log ido_privacy;
# Loopback only, so the error log may say more than in production: which replica failed and when.
error_log logs/error.log warn;
EOF
}

start_nginx() {
    local conf="$dir/nginx" pid port
    if pid=$(live_pid "$conf/nginx.pid" nginx); then
        say "nginx already runs (pid $pid)"
        return 0
    fi
    configure_nginx
    port=$(port_of nginx)
    nginx -e stderr -t -q -p "$conf/" -c "$conf/nginx.conf" 2>"$conf/logs/startup.log" || { cat "$conf/logs/startup.log" >&2; fail "nginx configuration invalid"; }
    # nginx puts itself in the background and writes its pid to DIR/nginx/nginx.pid.
    nginx -e stderr -p "$conf/" -c "$conf/nginx.conf" 2>>"$conf/logs/startup.log" </dev/null || { cat "$conf/logs/startup.log" >&2; fail "nginx did not start"; }
    for ((i = 0; i < 100; i++)); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        sleep 0.1
    done
    fail "nginx does not accept connections on port $port; see $conf/logs"
}

stop_nginx() {
    local pid
    if pid=$(live_pid "$dir/nginx/nginx.pid" nginx); then
        # QUIT: finish the requests in progress, then exit.
        stop_pid "$pid" QUIT 10
        say "nginx stopped"
    fi
}

write_env() {
    local uri
    uri=$(db_uri)
    cat >"$dir/cluster.env" <<EOF
# Written by scripts/cluster.sh start; shell syntax (source it).
IDO_CLUSTER_URL=http://127.0.0.1:$(port_of nginx)
IDO_REPLICA_A_URL=http://127.0.0.1:$(port_of replica-a)
IDO_REPLICA_B_URL=http://127.0.0.1:$(port_of replica-b)
IDO_REPLICA_A_METRICS=http://127.0.0.1:$(port_of replica-a-metrics)/metrics
IDO_REPLICA_B_METRICS=http://127.0.0.1:$(port_of replica-b-metrics)/metrics
IDO_DB=$uri
EOF
    # A Prometheus configuration that scrapes both replicas, with the example alert rules:
    #   prometheus --config.file=DIR/prometheus.yml --storage.tsdb.path=DIR/prometheus
    cat >"$dir/prometheus.yml" <<EOF
global: {scrape_interval: 5s, evaluation_interval: 5s}
rule_files: ["$src/deploy/prometheus/ido-vinder-alerts.yml"]
scrape_configs:
  - job_name: ido-vinder
    static_configs:
      - targets: ["127.0.0.1:$(port_of replica-a-metrics)", "127.0.0.1:$(port_of replica-b-metrics)"]
EOF
}

start() {
    [[ -x "$binary" ]] || fail "no ido-vinder binary at $binary: build first (scripts/build.sh)"
    command -v nginx >/dev/null || fail "nginx not found: run scripts/install-deps.sh"
    [[ -f "$src/web-widget/dist/ido-vinder.js" ]] || say "warning: web-widget/dist is not built; /widget/v1/ will be 404"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    # As root, PostgreSQL runs as the postgres user and nginx's workers as nobody: both must reach DIR.
    [[ $(id -u) -ne 0 ]] || chmod a+rx "$dir"
    if postgres_pid >/dev/null; then
        say "PostgreSQL already runs"
    else
        say "starting PostgreSQL in $dir/postgres"
        "$src/scripts/postgres-local.sh" start "$dir/postgres" >/dev/null
    fi
    # Both replicas at once: the service serialises schema creation and seeding itself.
    for name in "${replicas[@]}"; do start_replica "$name"; done
    # (A failed start leaves what did start running: `scripts/cluster.sh stop DIR` ends it.)
    for name in "${replicas[@]}"; do await_replica "$name"; done
    say "replicas a and b started"
    start_nginx
    write_env
    # shellcheck disable=SC1091
    source "$dir/cluster.env"
    cat <<EOF
ido-vinder cluster in $dir
  load balancer (nginx)  $IDO_CLUSTER_URL/   (widget: $IDO_CLUSTER_URL/widget/v1/ido-vinder.js)
  replica a              $IDO_REPLICA_A_URL/v1/health
  replica b              $IDO_REPLICA_B_URL/v1/health
  metrics                $IDO_REPLICA_A_METRICS  $IDO_REPLICA_B_METRICS
                         (Prometheus: prometheus --config.file=$dir/prometheus.yml --storage.tsdb.path=$dir/prometheus)
  database               $IDO_DB
A token for the write API (shown once):
  $binary token create --rol beheerder --label "mijn naam" --db $IDO_DB
Status: scripts/cluster.sh status $dir    Stop: scripts/cluster.sh stop $dir
EOF
}

stop() {
    [[ -d "$dir" ]] || return 0
    stop_nginx
    for name in "${replicas[@]}"; do stop_replica "$name"; done
    if [[ -d "$dir/postgres" ]]; then
        "$src/scripts/postgres-local.sh" stop "$dir/postgres"
        say "PostgreSQL stopped"
    fi
}

status() {
    local pid code=0
    [[ -d "$dir" ]] || fail "no cluster in $dir"
    if pid=$(live_pid "$dir/nginx/nginx.pid" nginx); then
        echo "nginx      running (pid $pid)  http://127.0.0.1:$(cat "$dir/nginx.port")/"
    else
        echo "nginx      stopped"; code=3
    fi
    for name in "${replicas[@]}"; do
        if pid=$(live_pid "$dir/replica-$name.pid" ido-vinder); then
            echo "replica $name  running (pid $pid)  http://127.0.0.1:$(cat "$dir/replica-$name.port")/  health: $(http_get "$(cat "$dir/replica-$name.port")" /v1/health 2>/dev/null | tr -d '\r\n')"
        else
            echo "replica $name  stopped"; code=3
        fi
    done
    if pid=$(postgres_pid); then
        echo "postgres   running (pid $pid)  $(db_uri)"
    else
        echo "postgres   stopped"; code=3
    fi
    return $code
}

replica_name() {
    [[ "${1:-}" == a || "${1:-}" == b ]] || fail "which replica: a or b"
    echo "$1"
}

case "$command" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    stop-replica)
        name=$(replica_name "${3:-}")
        stop_replica "$name"
        ;;
    start-replica)
        name=$(replica_name "${3:-}")
        [[ -f "$dir/cluster.env" ]] || fail "no cluster in $dir: scripts/cluster.sh start $dir"
        dir=$(cd "$dir" && pwd)
        start_replica "$name"
        await_replica "$name"
        say "replica $name started on port $(cat "$dir/replica-$name.port")"
        ;;
    *) fail "unknown command '$command' (start, stop, status, stop-replica, start-replica)" ;;
esac
