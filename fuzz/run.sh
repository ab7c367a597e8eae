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
# Runs one target at a time on one core, at the lowest CPU priority (nice 19): the machine has two cores
# and others share them. Each run appends one line per target to fuzz/runs.tsv (committed), so that the
# executions of several runs add up: `fuzz/run.sh --tally` prints the sums per target.
set -euo pipefail
cd "$(dirname "$0")/.."
tally=fuzz/runs.tsv
if [ "${1:-}" = --tally ]; then
  # Per target: runs, executions summed, the last run's coverage (edges / features) and corpus, crashes.
  printf "%-10s %5s %14s %8s %9s %7s %8s\n" target runs executions edges features corpus crashes
  awk -F'\t' 'NR > 1 { runs[$2]++; execs[$2] += $4; cov[$2] = $7; ft[$2] = $8; corpus[$2] = $9; crash[$2] += ($10 != "none") }
               END { for (t in runs) printf "%-10s %5d %14d %8s %9s %7s %8d\n", t, runs[t], execs[t], cov[t], ft[t], corpus[t], crash[t] }' "$tally" | sort
  exit 0
fi
seconds=${1:-60}
shift || true
build=${IDO_FUZZ_BUILD_DIR:-build-fuzz}
if [ ! -f "$build/CMakeCache.txt" ] && [ "${IDO_FUZZ_NO_BUILD:-}" != 1 ]; then
  generator=(); command -v ninja >/dev/null && generator=(-G Ninja)
  cmake -S . -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
        -DIDO_BUILD_FUZZ=ON -DIDO_WERROR=ON -DIDO_BUILD_TESTS=OFF -DIDO_BUILD_BENCH=OFF
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/*_fuzz.cpp; do targets+=("$(basename "$f" _fuzz.cpp)"); done
fi
# Build only the targets that run (write_fuzz.cpp -> write_fuzz, and so on). IDO_FUZZ_NO_BUILD=1 runs the
# binaries as they are (a copy of build-fuzz/fuzz kept running while the tree is rebuilt).
if [ "${IDO_FUZZ_NO_BUILD:-}" != 1 ]; then
  cmake --build "$build" --parallel 2 --target "${targets[@]/%/_fuzz}"
fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for t in "${targets[@]}"; do
  corpus=fuzz-out/corpus/$t crashes=fuzz-out/crashes/$t
  mkdir -p "$corpus" "$crashes"
  dict=(); [ -f "fuzz/$t.dict" ] && dict=(-dict="fuzz/$t.dict")
  echo "== $t: ${seconds}s"
  # IDO_FUZZ_INSTANCE=2 (or any name) runs a second process of a target beside the first, on the same
  # corpus directory (libFuzzer writes each new unit under its hash, so both may), with a log of its own:
  # each run appends its own row, and the executions add up. (A crash file either process writes during
  # the run is named in both rows: they share the crash directory.)
  instance=${IDO_FUZZ_INSTANCE:+.$IDO_FUZZ_INSTANCE}
  log=fuzz-out/$t$instance.log
  stamp=fuzz-out/.$t$instance.start; touch "$stamp"
  # -max_len: the service refuses requests over 16 KiB anyway; -timeout: one input over 10 s is a hang.
  # IDO_FUZZ_RUNS stops a target after that many executions (what is left of its 10 M), if earlier.
  runs=(); [ -n "${IDO_FUZZ_RUNS:-}" ] && runs=(-runs="$IDO_FUZZ_RUNS")
  if ! nice -n 19 "$build/fuzz/${t}_fuzz" "${dict[@]}" "${runs[@]}" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "fuzz/corpus/$t" >"$log" 2>&1; then
    status=1
    echo "   CRASH: see $log and $crashes/"
  fi
  grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec|^stat::new_units_added' "$log" | sed 's/^/   /' || true
  grep -E '#[0-9]+.*(DONE|cov:)' "$log" | tail -1 | sed 's/^/   /' || true
  # The tally: date, target, seconds, executions, exec/s, new units, edges, features, corpus kept, findings.
  stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
  last=$(grep -E '#[0-9]+.*cov:' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last"); ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  new=$(find "$crashes" -type f -newer "$stamp" -printf '%f ' | sed 's/ $//')
  finding=${new:-none}
  [ -f "$tally" ] || printf 'date\ttarget\tseconds\texecutions\texec_per_s\tnew_units\tedges\tfeatures\tcorpus\tfindings\n' >"$tally"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$seconds" "$(stat number_of_executed_units)" \
    "$(stat average_exec_per_sec)" "$(stat new_units_added)" "${cov:-?}" "${ft:-?}" "$(ls "$corpus" | wc -l)" "$finding" >>"$tally"
done
exit $status
