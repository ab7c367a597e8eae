#!/usr/bin/env bash
# Builds ido-vinder with AddressSanitizer + UndefinedBehaviorSanitizer into build-asan
# (-DIDO_SANITIZE=ON, see the root CMakeLists.txt) and runs the unit, contract and store tests there
# (the tests CTest labels unit, contract and store).
# Only what those tests need is built (no benchmarks, no widget). Any sanitizer report fails the run:
# UBSan does not recover (-fno-sanitize-recover) and ASan aborts on the first error.
#
#   scripts/test-sanitizers.sh          about 8 minutes from scratch on 2 cores, ~1 minute when built
set -euo pipefail
cd "$(dirname "$0")/.."
build=${IDO_ASAN_BUILD_DIR:-build-asan}
jobs=${IDO_JOBS:-$(nproc)}
start=$(date +%s)
if [ ! -f "$build/CMakeCache.txt" ]; then
  generator=(); command -v ninja >/dev/null && generator=(-G Ninja)
  # -O1: sanitizer builds at -O2 take longer to compile for little gain in test time.
  # -Wno-maybe-uninitialized: GCC 12 with -fsanitize=address warns falsely inside <regex>
  # (GCC bug 105616), which -Werror turns into a failed build.
  cmake -S . -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
        -DCMAKE_CXX_FLAGS="-Wno-maybe-uninitialized" \
        -DIDO_SANITIZE=ON -DIDO_WERROR=ON -DIDO_BUILD_BENCH=OFF -DIDO_BUILD_TESTS=ON
fi
# Only the unit, contract and store test binaries (and the service they start), not the rest of `all`.
targets=(ido-vinder)
for f in tests/unit/*_test.cpp tests/contract/*_test.cpp tests/store/*_test.cpp; do targets+=("$(basename "$f" .cpp)"); done
cmake --build "$build" --parallel "$jobs" --target "${targets[@]}"
built=$(date +%s)
# detect_leaks: LeakSanitizer works under ptrace-less containers too; strict_string_checks and
# check_initialization_order catch more; abort_on_error gives a core-like exit for CTest.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:check_initialization_order=1:detect_stack_use_after_return=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# Unit tests: each binary once, with all its cases in one process. (`ctest -L unit` starts the binary once
# per test case, and under ASan loading the geocoder data alone takes seconds: 288 starts took over
# ten minutes.) Contract and store tests through CTest, as usual: one server per binary.
logs=$build/sanitizer-logs
rm -rf "$logs" && mkdir -p "$logs"
status=0
printf '%s\n' tests/unit/*_test.cpp | xargs -n1 basename | sed 's/\.cpp$//' |
  xargs -P "$jobs" -I{} sh -c '"$1/tests/$2" --gtest_brief=1 >"$3/$2.log" 2>&1 && echo "ok   $2" || echo "FAIL $2 (see $3/$2.log)"' _ "$build" {} "$logs" |
  tee "$logs/summary.txt"
grep -q '^FAIL' "$logs/summary.txt" && { status=1; grep -h -B2 -A30 'ERROR: AddressSanitizer\|runtime error\|FAILED' "$logs"/*.log | head -80; }
(cd "$build" && ctest -L 'contract|store' --output-on-failure --parallel "$jobs" --timeout 600) || status=1
end=$(date +%s)
echo "test-sanitizers: build $((built - start)) s, tests $((end - built)) s, total $((end - start)) s"
exit $status
