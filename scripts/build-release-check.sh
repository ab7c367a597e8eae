#!/usr/bin/env bash
# The packager's build: a plain Release configure (-O3, what `cmake -DCMAKE_BUILD_TYPE=Release` gives a
# distribution), with warnings as errors so that CI sees what GCC says at -O3 and the developer build
# (RelWithDebInfo, -O2) does not, e.g. GCC 12's -Wrestrict false positive (GCC bug 105329). Builds the
# service and its libraries in build-release; no tests (they run in build/ and build-asan/).
#
#   scripts/build-release-check.sh       749 s from scratch on 2 cores shared with another build
set -euo pipefail
cd "$(dirname "$0")/.."
build=${IDO_RELEASE_BUILD_DIR:-build-release}
jobs=${IDO_JOBS:-$(nproc)}
start=$(date +%s)
if [ ! -f "$build/CMakeCache.txt" ]; then
  generator=(); command -v ninja >/dev/null && generator=(-G Ninja)
  cmake -S . -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DIDO_WERROR=ON \
        -DIDO_BUILD_BENCH=OFF -DIDO_BUILD_TESTS=OFF
fi
cmake --build "$build" --parallel "$jobs"
echo "build-release-check: Release build with -Werror in $(( $(date +%s) - start )) s"
