#!/usr/bin/env bash
# Builds the libFuzzer targets into build-fuzz (clang, ASan + UBSan + fuzzer) and runs each for a set
# time over its committed seed corpus:
#
#   fuzz/run.sh [seconds-per-target] [target...]      default: 60 s, every fuzz/*_fuzz.cpp (api, geocode,
#                                                     hours, query, write)
#
# New interesting inputs go to fuzz-out/corpus/<target>/ (not committed; copy the good ones into
# fuzz/corpus/<target>/ when they add coverage). Crashes go to fuzz-out/crashes/<target>/; every crash
# becomes a regression test in tests/unit/regression_*_test.cpp. Exits non-zero if any target crashed.
# Runs one target at a time on one core (-workers=1): the machine has two and others share them.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
build=${IDO_FUZZ_BUILD_DIR:-build-fuzz}
if [ ! -f "$build/CMakeCache.txt" ]; then
  generator=(); command -v ninja >/dev/null && generator=(-G Ninja)
  cmake -S . -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
        -DIDO_BUILD_FUZZ=ON -DIDO_WERROR=ON -DIDO_BUILD_TESTS=OFF -DIDO_BUILD_BENCH=OFF
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/*_fuzz.cpp; do targets+=("$(basename "$f" _fuzz.cpp)"); done
fi
# Build only the targets that run (write_fuzz.cpp -> write_fuzz, and so on).
cmake --build "$build" --parallel 2 --target "${targets[@]/%/_fuzz}"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for t in "${targets[@]}"; do
  corpus=fuzz-out/corpus/$t crashes=fuzz-out/crashes/$t
  mkdir -p "$corpus" "$crashes"
  dict=(); [ -f "fuzz/$t.dict" ] && dict=(-dict="fuzz/$t.dict")
  echo "== $t: ${seconds}s"
  log=fuzz-out/$t.log
  # -max_len: the service refuses requests over 16 KiB anyway; -timeout: one input over 10 s is a hang.
  if ! "$build/fuzz/${t}_fuzz" "${dict[@]}" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "fuzz/corpus/$t" >"$log" 2>&1; then
    status=1
    echo "   CRASH: see $log and $crashes/"
  fi
  grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec|^stat::new_units_added' "$log" | sed 's/^/   /' || true
  grep -E '#[0-9]+.*(DONE|cov:)' "$log" | tail -1 | sed 's/^/   /' || true
done
exit $status
