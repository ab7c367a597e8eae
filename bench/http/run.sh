#!/usr/bin/env bash
# HTTP benchmark of ido-vinder against nginx serving static files of the same size as each answer
# (the physical limit of this machine for a response of that size), on loopback only.
#
#   bench/http/run.sh [seconds-per-run] [concurrencies...]     default: 10 s, 1 8 64 256
#
# Environment: IDO_BINARY (default build/service/ido-vinder), THREADS (service --threads, default 1),
# PIN=0 to not pin (default: the server and nginx on CPU 1, wrk on CPU 0, so they do not fight for a core).
# Every run sends "Connection: keep-alive" (Pistache 0.0.5 closes after each answer without it,
# upstream issue #940); one extra run per endpoint measures the service without the header.
# Prints a Markdown table; raw wrk lines go to $OUT (default /tmp/ido-bench-http).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
duration=${1:-10}
shift || true
concurrencies=("$@")
[ ${#concurrencies[@]} -gt 0 ] || concurrencies=(1 8 64 256)
binary=${IDO_BINARY:-$root/build/service/ido-vinder}
threads=${THREADS:-1}
out=${OUT:-/tmp/ido-bench-http}
pin=${PIN:-1}
for tool in wrk nginx curl; do command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install wrk nginx-light curl)" >&2; exit 1; }; done
[ -x "$binary" ] || { echo "build first: scripts/build.sh ($binary missing)" >&2; exit 1; }

rm -rf "$out" && mkdir -p "$out/www" "$out/nginx/logs" "$out/nginx/tmp"
server_cpu=(); client_cpu=()
if [ "$pin" = 1 ] && [ "$(nproc)" -ge 2 ]; then server_cpu=(taskset -c 1); client_cpu=(taskset -c 0); fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# --- the service -----------------------------------------------------------------------------------
"${server_cpu[@]}" "$binary" serve --port 0 --address 127.0.0.1 --threads "$threads" --access-log off \
    --data-dir "$root/data" --widget-dir "$root/web-widget/dist" >"$out/service.out" 2>"$out/service.err" &
pids+=($!)
for _ in $(seq 100); do grep -q "listening on" "$out/service.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$out/service.out")
[ -n "$port" ] || { echo "service did not start; see $out/service.err" >&2; exit 1; }
service="http://127.0.0.1:$port"

# --- nginx with static files of the same body size, and the same response headers --------------------
# The bodies are the service's own answers, saved once; the headers are the ones the service sends, so
# both send the same bytes per answer (within a few bytes of Date/Server).
i=0
while read -r path; do
  i=$((i + 1)); curl -sf "$service$path" -o "$out/www/nearest-$i.json"
done < "$here/nearest_paths.txt"
curl -sf "$service/v1/gemeenten" -o "$out/www/gemeenten.json"
curl -sf "$service/v1/informatiepunten/IDO-VB-01" -o "$out/www/informatiepunt.json"
headers=$(curl -sf -D - -o /dev/null -H 'Connection: keep-alive' "$service/v1/gemeenten" | tr -d '\r' |
  grep -iE '^(API-Version|X-Content-Type-Options|Strict-Transport-Security|Content-Security-Policy|Referrer-Policy|Access-Control-Allow-Origin|Access-Control-Expose-Headers|X-Frame-Options):' |
  sed -E 's/^([^:]+): (.*)$/    add_header \1 "\2";/')
nginx_port=$((port + 1))
while (exec 3<>"/dev/tcp/127.0.0.1/$nginx_port") 2>/dev/null; do nginx_port=$((nginx_port + 1)); done
cat >"$out/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $out/nginx/nginx.pid;
error_log $out/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $out/nginx/tmp/body;
  proxy_temp_path $out/nginx/tmp/proxy;
  fastcgi_temp_path $out/nginx/tmp/fastcgi;
  uwsgi_temp_path $out/nginx/tmp/uwsgi;
  scgi_temp_path $out/nginx/tmp/scgi;
  sendfile on;
  tcp_nopush on;
  open_file_cache max=64;
  keepalive_requests 10000000;
  keepalive_timeout 15s;
  types { application/json json; }
  server {
    listen 127.0.0.1:$nginx_port;
    root $out/www;
    etag off;
$headers
  }
}
CONF
"${server_cpu[@]}" nginx -p "$out/nginx" -c "$out/nginx/nginx.conf" &
pids+=($!)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port/gemeenten.json" -o /dev/null && break; sleep 0.1; done
static="http://127.0.0.1:$nginx_port"

# --- runs -------------------------------------------------------------------------------------------
export BENCH_HTTP_DIR=$here
run() {  # name target connections script url [extra wrk args]
  local name=$1 target=$2 c=$3 script=$4 url=$5; shift 5
  local t=2; [ "$c" -lt 2 ] && t=1
  local line
  line=$(NGINX_FILES=$([ "$target" = nginx ] && echo 1 || echo 0) "${client_cpu[@]}" \
    wrk -t"$t" -c"$c" -d"${duration}s" --timeout 5s -s "$script" "$@" "$url" | tee -a "$out/wrk.log" | grep '^RESULT')
  echo "$name $target c=$c $line" >>"$out/results.txt"
  echo "$line"
}
field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$2"; }
errors() { local s=0 f; for f in err_connect err_read err_write err_status err_timeout; do s=$((s + $(field $f "$1"))); done; echo $s; }

echo "# ido-vinder vs nginx, $(date -u +%FT%TZ), $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"
echo "# service --threads $threads --access-log off; nginx worker_processes 1; pinned: $([ ${#server_cpu[@]} -gt 0 ] && echo 'server CPU 1, wrk CPU 0' || echo no); ${duration}s per run"
echo
echo "| endpoint | connections | body bytes | service req/s | service p50 / p99 ms | nginx req/s | nginx p50 / p99 ms | service/nginx | errors (svc/nginx) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
ka=(-H "Connection: keep-alive")
for endpoint in nearest gemeenten informatiepunt; do
  case $endpoint in
    nearest) spath="/"; npath="/"; script="$here/nearest.lua"; size=$(cat "$out"/www/nearest-*.json | wc -c); size=$((size / 8));;
    gemeenten) spath="/v1/gemeenten"; npath="/gemeenten.json"; script="$here/report.lua"; size=$(wc -c <"$out/www/gemeenten.json");;
    informatiepunt) spath="/v1/informatiepunten/IDO-VB-01"; npath="/informatiepunt.json"; script="$here/report.lua"; size=$(wc -c <"$out/www/informatiepunt.json");;
  esac
  for c in "${concurrencies[@]}"; do
    s=$(run "$endpoint" service "$c" "$script" "$service$spath" "${ka[@]}")
    n=$(run "$endpoint" nginx "$c" "$script" "$static$npath" "${ka[@]}")
    srps=$(field rps "$s"); nrps=$(field rps "$n")
    ratio=$(awk -v a="$srps" -v b="$nrps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    ms() { awk -v a="$(field p50_us "$1")" -v b="$(field p99_us "$1")" 'BEGIN { printf "%.2f / %.2f", a / 1000, b / 1000 }'; }
    echo "| $endpoint | $c | $size | $srps | $(ms "$s") | $nrps | $(ms "$n") | $ratio | $(errors "$s") / $(errors "$n") |"
  done
done
# Without "Connection: keep-alive": Pistache 0.0.5 answers Connection: Close, so every request is a new
# TCP connection (nginx keeps HTTP/1.1 connections open regardless).
c=${concurrencies[$(( ${#concurrencies[@]} > 2 ? 2 : ${#concurrencies[@]} - 1 ))]}
s=$(run gemeenten-noka service "$c" "$here/report.lua" "$service/v1/gemeenten")
n=$(run gemeenten-noka nginx "$c" "$here/report.lua" "$static/gemeenten.json")
echo "| gemeenten, no keep-alive header | $c | $(wc -c <"$out/www/gemeenten.json") | $(field rps "$s") | $(ms "$s") | $(field rps "$n") | $(ms "$n") | $(awk -v a="$(field rps "$s")" -v b="$(field rps "$n")" 'BEGIN { printf "%.2f", a / b }') | $(errors "$s") / $(errors "$n") |"
echo
echo "# after: $(uptime | sed 's/.*load average/load average/'); service RSS $(awk '/VmRSS/ {print $2 " kB"}' /proc/"${pids[0]}"/status)"
