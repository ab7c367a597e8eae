#!/usr/bin/env bash
# Instructions per request of ido-vinder, counted by valgrind's callgrind: stable on a shared, noisy
# machine where wall-clock numbers move by tens of percent.
#
#   bench/http/callgrind.sh [binary] [requests per endpoint]     default: build/service/ido-vinder, 200
#
# One I/O thread, keep-alive (curl reuses one connection for all URLs of one call). Collection is off
# (instrumentation off) during start-up and one warm-up request per endpoint (PROJ's per-thread transformation, first-touch
# allocations), then switched on for exactly N requests of one endpoint and dumped. Prints
# instructions per request per endpoint; the callgrind files stay in $OUT (default /tmp/ido-callgrind)
# for callgrind_annotate. A cold run (no warm-up) of the first nearest query is reported separately.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
binary=${1:-$root/build/service/ido-vinder}
n=${2:-200}
out=${OUT:-/tmp/ido-callgrind}
for tool in valgrind callgrind_control callgrind_annotate curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install valgrind curl)" >&2; exit 1; }
done
rm -rf "$out" && mkdir -p "$out"
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true' EXIT

valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out/cg.out" \
  "$binary" serve --port 0 --address 127.0.0.1 --threads 1 --access-log off \
  --data-dir "$root/data" --widget-dir "$root/web-widget/dist" >"$out/service.out" 2>"$out/service.err" &
pid=$!
for _ in $(seq 600); do grep -q "listening on" "$out/service.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$out/service.out")
[ -n "$port" ] || { echo "service did not start; see $out/service.err" >&2; exit 1; }
base="http://127.0.0.1:$port"

# Sums the instruction counts (Ir) of one dump file.
instructions() { callgrind_annotate "$1" 2>/dev/null | sed -n 's/^ *\([0-9,]*\) *(100.0%) *PROGRAM TOTALS.*/\1/p' | tr -d ,; }
measure() {  # name count urls...
  local name=$1 count=$2; shift 2
  callgrind_control -i on "$pid" >/dev/null 2>&1
  callgrind_control -z "$pid" >/dev/null 2>&1
  curl -s -H 'Connection: keep-alive' "$@" >/dev/null
  callgrind_control -d "$name" "$pid" >/dev/null 2>&1
  callgrind_control -i off "$pid" >/dev/null 2>&1
  local file total
  file=$(ls -t "$out"/cg.out.* | head -1)
  mv "$file" "$out/$name.callgrind"
  total=$(instructions "$out/$name.callgrind")
  printf '%-16s %8d requests  %14d instructions  %10d per request\n' "$name" "$count" "$total" $((total / count))
}
urls() {  # path count -> the URL, count times
  local i; for i in $(seq "$2"); do printf '%s\n' "$base$1"; done
}

mapfile -t nearest_paths <"$here/nearest_paths.txt"
# The first nearest query on this I/O thread, cold.
measure nearest-first 1 "$base${nearest_paths[0]}"
# Warm-up of every endpoint once.
curl -s "$base/v1/gemeenten" "$base/v1/informatiepunten/IDO-VB-01" "$base${nearest_paths[1]}" >/dev/null

nearest=()
for i in $(seq "$n"); do nearest+=("$base${nearest_paths[$(( (i - 1) % ${#nearest_paths[@]} ))]}"); done
mapfile -t gemeenten < <(urls /v1/gemeenten "$n")
mapfile -t one < <(urls /v1/informatiepunten/IDO-VB-01 "$n")
measure nearest "$n" "${nearest[@]}"
measure gemeenten "$n" "${gemeenten[@]}"
measure informatiepunt "$n" "${one[@]}"
