#!/usr/bin/env bash
# The second README command: install what is needed, build, and run the whole test suite
# (unit, property, contract over real HTTP, differential and browser tests) through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd "${IDO_BUILD_DIR:-build}"
ctest --output-on-failure --parallel "$(nproc)" --timeout 600
