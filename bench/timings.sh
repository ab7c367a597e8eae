#!/usr/bin/env bash
# The durations the tests used to assert and now only print (tests never assert timing): runs the test
# binaries that measure them and prints those figures, with the load average before and after.
#   bench/timings.sh [BUILD_DIR] [hostile|cluster|store|import|all]   (defaults: build, all)
# Needs a build (scripts/build.sh); cluster and store need Debian's postgresql, hostile and cluster
# nginx (scripts/install-deps.sh). Nothing here fails on a slow machine: compare the figures with the
# targets in bench/README.md ("Timings the tests print").
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(cd "${1:-build}" && pwd)
what=${2:-all}
work=$(mktemp -d "${TMPDIR:-/tmp}/ido-timings-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"  # the test binaries write their server logs into the current directory

load() { cut -d' ' -f1-3 /proc/loadavg; }
# Runs one test binary with a filter, keeping its output in $work/NAME.log; prints the lines matching PATTERN.
measure() {
  local name=$1 binary=$2 filter=$3 pattern=$4
  echo "== $name ($(basename "$binary") --gtest_filter=$filter), load average before: $(load)"
  if ! "$binary" --gtest_filter="$filter" >"$work/$name.log" 2>&1; then
    echo "   (the test run failed; its figures may be incomplete; last lines:)"
    tail -n 15 "$work/$name.log" | sed 's/^/   | /'
  fi
  grep -E "$pattern" "$work/$name.log" | sed 's/^ */   /' || echo "   (no figures printed)"
  echo "   load average after: $(load)"
}

case $what in all | hostile)
  # Latency of a normal client during the attack (p50/p90/p99/max), and per kind of hostile connection
  # how long the service (and nginx in front) took to close it, next to its configured timeouts.
  measure hostile "$build/tests/hostile/hostile_test" 'HostileClients.*' \
    'its timeouts|^nginx on port|latency p50|slowest close'
esac
case $what in all | cluster)
  # Issue #8: a write visible on the other replica within a second; recovery after a PostgreSQL restart.
  measure cluster "$build/tests/cluster/cluster_test" 'ClusterTest.*' \
    'visible through|visibility delay|equal after|schrijven:false|takes writes again|showed on A after|started again after'
esac
case $what in all | store)
  # NOTIFY from one PostgreSQL store to another; how soon calls fail while the server is down.
  measure store "$build/tests/store/store_test" 'Postgres*' 'announced after|stopped server answered'
esac
case $what in all | import)
  measure import "$build/tests/import_export_test" 'ImportLarge.*' 'import of 5000 rows'
esac
