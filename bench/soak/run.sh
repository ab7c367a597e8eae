#!/usr/bin/env bash
# The endurance soak against PostgreSQL through the cluster (issue 16, part 7): scripts/cluster.sh starts
# PostgreSQL, replicas a and b and nginx in a fresh directory; bench/soak/soak.py then runs mixed reads
# and writes (PATCH and PUT with If-Match, creates, reports) through nginx for the given time, restarts
# replica a halfway, samples each replica's RSS every 10 s, and checks every acknowledged write against
# the audit log in PostgreSQL. Prints a summary (bench/soak/README.md has the pass criteria and the last
# figures) and exits non-zero on a failure. Long: a script for developers, not a ctest test.
#
#   bench/soak/run.sh [minutes]        default 10
#
# Environment: IDO_BINARY (default build/service/ido-vinder), OUT (the cluster directory, default a new
# temporary one; removed at the end unless KEEP=1).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
minutes=${1:-10}
export IDO_BINARY=${IDO_BINARY:-$root/build/service/ido-vinder}
[[ -x "$IDO_BINARY" ]] || { echo "no ido-vinder binary at $IDO_BINARY: build first (scripts/build.sh)" >&2; exit 1; }
out=${OUT:-$(mktemp -d /tmp/ido-soak-XXXXXX)}
cleanup() {
    "$root/scripts/cluster.sh" stop "$out" >/dev/null 2>&1 || true
    [[ "${KEEP:-0}" == 1 ]] || rm -rf "$out"
}
trap cleanup EXIT
# The replicas with two malloc arenas, as the Dockerfile sets: with glibc's default (8 per core) the
# RSS rose in steps of 3-4 MB as the worker threads' arenas kept freed snapshots (bench/soak/README.md).
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
"$root/scripts/cluster.sh" start "$out" >"$out.start.log" 2>&1 || { cat "$out.start.log" >&2; exit 1; }
rm -f "$out.start.log"
# shellcheck disable=SC1091
source "$out/cluster.env"
token=$("$IDO_BINARY" token create --rol beheerder --label soak --db "$IDO_DB" 2>/dev/null)
echo "# soak: ${minutes} min through nginx ($IDO_CLUSTER_URL) to replicas a and b on PostgreSQL; binary $("$IDO_BINARY" --version 2>/dev/null | head -1)"
echo "# start: $(date -u +%FT%TZ), $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"
status=0
# The load generator at a low priority: the replicas, nginx and PostgreSQL are what is measured.
nice -n 10 python3 "$here/soak.py" "$out" "$token" "$(( minutes * 60 ))" || status=$?
echo "# end: $(date -u +%FT%TZ), $(uptime | sed 's/.*load average/load average/')"
for name in a b; do
    # Faults the replicas logged (the log holds no personal data); a clean run has none beyond start/stop lines.
    n=$(grep -ciE 'error|fout|exception' "$out/replica-$name.log" || true)
    echo "replica $name log: $n lines mentioning an error (of $(wc -l <"$out/replica-$name.log"))"
done
exit $status
