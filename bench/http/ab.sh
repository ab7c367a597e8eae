#!/usr/bin/env bash
# A/B of two ido-vinder binaries on one endpoint, interleaved (A B A B ...) so that the load of a shared
# machine hits both alike. Reports req/s per round and the median of each.
#
#   bench/http/ab.sh BINARY_A BINARY_B [path] [connections] [rounds] [seconds]
#   e.g. bench/http/ab.sh build/service/ido-vinder /tmp/ido-vinder-patched /v1/gemeenten 16 5 5
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
a=$1 b=$2 path=${3:-/v1/gemeenten} c=${4:-16} rounds=${5:-5} seconds=${6:-5}
out=$(mktemp -d /tmp/ido-ab.XXXXXX)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT
start() {  # binary name: starts it in this shell (so the trap knows its pid)
  taskset -c 1 "$1" serve --port 0 --address 127.0.0.1 --threads 1 --access-log off --data-dir "$root/data" >"$out/$2.out" 2>/dev/null &
  pids+=($!)
}
port_of() {  # name -> port, once it listens
  for _ in $(seq 100); do grep -q "listening on" "$out/$1.out" 2>/dev/null && break; sleep 0.1; done
  sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$out/$1.out"
}
start "$a" a
start "$b" b
pa=$(port_of a); pb=$(port_of b)
export BENCH_HTTP_DIR=$here
for url in "http://127.0.0.1:$pa$path" "http://127.0.0.1:$pb$path"; do curl -sf -o /dev/null "$url"; done  # warm up (PROJ per thread)
echo "# $path, $c connections, keep-alive, ${seconds}s x $rounds rounds, server on CPU 1, wrk on CPU 0; $(uptime | sed 's/.*load average/load average/')"
ra=(); rb=()
for r in $(seq "$rounds"); do
  for x in a b; do
    port=$([ $x = a ] && echo "$pa" || echo "$pb")
    rps=$(taskset -c 0 wrk -t1 -c"$c" -d"${seconds}s" -H "Connection: keep-alive" -s "$here/report.lua" "http://127.0.0.1:$port$path" |
          sed -n 's/^RESULT.* rps=\([0-9]*\).*err_connect=\([0-9]*\) err_read=\([0-9]*\) err_write=\([0-9]*\) err_status=\([0-9]*\) err_timeout=\([0-9]*\).*/\1 \2 \3 \4 \5 \6/p')
    set -- $rps
    [ "$2$3$4$5$6" = 00000 ] || echo "  errors in round $r ($x): $rps"
    if [ $x = a ]; then ra+=("$1"); else rb+=("$1"); fi
  done
  echo "  round $r: A ${ra[-1]} req/s, B ${rb[-1]} req/s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
ma=$(median "${ra[@]}"); mb=$(median "${rb[@]}")
echo "median: A $ma req/s, B $mb req/s, B/A $(awk -v a="$ma" -v b="$mb" 'BEGIN { printf "%.2f", b / a }')"
