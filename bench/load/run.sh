#!/usr/bin/env bash
# Load and soak test of ido-vinder on loopback: a mixed read load (nearest, zoek=, zoeksuggesties, the
# list, gemeenten, a municipality's help points, one help point) at high concurrency for a bounded time,
# plus a second client that opens a new connection for every request (no keep-alive header), while the
# service's RSS is sampled every 5 s. Passes when there are zero 5xx, zero dropped connections
# (wrk connect/read/write/timeout errors) and the RSS levels off (the last third grows < 5 %).
#
#   bench/load/run.sh [seconds] [connections]        default: 180 s, 256 keep-alive connections
#
# Beside the reads, a steady write load (writer.py): acknowledged PATCHes of `mededeling` and PUTs of
# openingstijden with If-Match, each followed by a rebuild of the index; at the end every acknowledged
# write must be in the store's audit log (GET .../wijzigingen), none lost and none extra.
#
# Environment: IDO_BINARY (default build/service/ido-vinder), THREADS (default 2), DB (default a new
# SQLite file in the output directory; a postgresql:// URI runs the soak against PostgreSQL, e.g. from
# `IDO_PG_DURABLE=1 scripts/postgres-local.sh start DIR` on a fresh DIR: durable, unlike the tests'), WRITE_IDS (the help points written to).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
duration=${1:-180}
connections=${2:-256}
binary=${IDO_BINARY:-$root/build/service/ido-vinder}
threads=${THREADS:-2}
out=${OUT:-/tmp/ido-bench-load}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out"

# The ids, municipality codes and place names the mix draws from, from the shipped data.
python3 - "$root/data" >"$out/data.lua" <<'PY'
import csv, json, sys, urllib.parse
d = sys.argv[1]
ids = [f["properties"]["id"] for f in json.load(open(f"{d}/informatiepunten.geojson"))["features"]]
gm = sorted({f["properties"]["gemeentecode"] for f in json.load(open(f"{d}/informatiepunten.geojson"))["features"]})
places = ["Utrecht", "Den Bosch", "Zwolle", "Groningen", "Utrect", "3511", "3511 AB", "Bergen (NH)", "Rijswijk",
          "Amsterdam", "Maastricht", "Leeuwarden", "Snits", "Gemeente Súdwest-Fryslân", "Nergenshuizen", "Hengelo"]
q = lambda s: '"' + urllib.parse.quote(s) + '"'
print("return {ids = {" + ",".join(f'"{i}"' for i in ids) + "},")
print("gemeenten = {" + ",".join(f'"{g}"' for g in gm) + "},")
print("places = {" + ",".join(q(p) for p in places) + "}}")
PY
export LOAD_DATA_LUA=$out/data.lua

# A fresh store with one administrator token for the writer (the secret is printed on stdout).
db=${DB:-$out/soak.db}
write_ids=(${WRITE_IDS:-IDO-VB-067 IDO-VB-100 BIB-SL-001 GEN-GM0147-01})
token=$("$binary" token create --rol beheerder --label soak --db "$db" 2>"$out/token.err")
[ -n "$token" ] || { echo "cannot create a token; see $out/token.err" >&2; exit 1; }

"$binary" serve --port 0 --address 127.0.0.1 --threads "$threads" --access-log off \
  --db "$db" --data-dir "$root/data" --widget-dir "$root/web-widget/dist" >"$out/service.out" 2>"$out/service.err" &
pid=$!
pids=($pid)
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q "listening on" "$out/service.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$out/service.out")
[ -n "$port" ] || { echo "service did not start; see $out/service.err" >&2; exit 1; }
url="http://127.0.0.1:$port"

echo "# load: ${duration}s, $connections keep-alive connections + 16 connection-per-request clients, service --threads $threads"
echo "# start: $(date -u +%FT%TZ), $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"
wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -H "Connection: keep-alive" -s "$here/mix.lua" "$url" >"$out/keepalive.txt" 2>&1 &
pids+=($!); w1=$!
wrk -t1 -c16 -d"${duration}s" --timeout 10s -s "$here/mix.lua" "$url" >"$out/churn.txt" 2>&1 &
pids+=($!); w2=$!
python3 "$here/writer.py" "$url" "$token" "$duration" "${write_ids[@]}" >"$out/writes.txt" 2>"$out/writes.err" &
pids+=($!); w3=$!

echo "# RSS of the service (kB), every 5 s:"
samples=()
end=$(( $(date +%s) + duration + 2 ))
while [ "$(date +%s)" -lt "$end" ] && kill -0 "$w1" 2>/dev/null; do
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  fds=$(ls /proc/$pid/fd | wc -l)
  samples+=("$rss")
  printf '  t=%3ds rss=%s kB fds=%s %s\n' $(( ${#samples[@]} * 5 - 5 )) "$rss" "$fds" "$(cut -d' ' -f1-3 /proc/loadavg)"
  sleep 5
done
wait "$w1" "$w2" || true
writes_ok=0; wait "$w3" && writes_ok=1
kill -0 "$pid" || { echo "FAIL: the service died; see $out/service.err"; exit 1; }
echo "# end: $(uptime | sed 's/.*load average/load average/')"

status=0
for f in keepalive churn; do
  line=$(grep '^RESULT' "$out/$f.txt" || true)
  echo "$f: ${line#RESULT }"
  [ -n "$line" ] || { echo "FAIL: no result from wrk ($f); see $out/$f.txt"; status=1; continue; }
  get() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$line"; }
  [ "$(get s5xx)" = 0 ] || { echo "FAIL: $f: 5xx answers"; status=1; }
  [ "$(get sother)" = 0 ] || { echo "FAIL: $f: answers that are neither 2xx, 4xx nor 5xx"; status=1; }
  dropped=$(( $(get err_connect) + $(get err_read) + $(get err_write) + $(get err_timeout) ))
  [ "$dropped" = 0 ] || { echo "FAIL: $f: $dropped dropped connections or timeouts"; status=1; }
done
echo "writes: $(sed -n 's/^RESULT //p' "$out/writes.txt")"
sed -n 's/^  /  /p' "$out/writes.txt"
verified=$(grep '^VERIFIED' "$out/writes.txt" || true)
echo "writes: ${verified#VERIFIED }"
[ "$writes_ok" = 1 ] || { echo "FAIL: writes: lost or extra acknowledged writes, 5xx or no answer; see $out/writes.txt and $out/writes.err"; status=1; }
n=${#samples[@]}
if [ "$n" -ge 6 ]; then
  third=$(( n / 3 ))
  a=${samples[$(( n - third - 1 ))]}; b=${samples[$(( n - 1 ))]}
  growth=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')
  echo "RSS: first ${samples[0]} kB, peak $(printf '%s\n' "${samples[@]}" | sort -n | tail -1) kB, last $b kB; last third grew $growth %"
  awk -v g="$growth" 'BEGIN { exit !(g < 5) }' || { echo "FAIL: RSS still growing"; status=1; }
fi
[ $status = 0 ] && echo "PASS" || echo "FAIL"
exit $status
