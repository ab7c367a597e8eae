#!/usr/bin/env bash
# Configures and builds ido-vinder (service, tests, benchmarks) in ./build, and the web widget.
# Extra arguments go to the CMake configure step, e.g. scripts/build.sh -DIDO_SANITIZE=ON.
# Warnings are errors here (-DIDO_WERROR=ON, the developer build and CI); a plain `cmake` leaves them warnings.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${IDO_BUILD_DIR:-build}
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIDO_WERROR=ON "$@"
elif [ $# -gt 0 ]; then
  cmake -S . -B "$build_dir" "$@"
fi
cmake --build "$build_dir" --parallel "$(nproc)"
if [ -f web-widget/build.mjs ]; then
  node web-widget/build.mjs
fi
