#!/usr/bin/env bash
# Source coverage of the fuzz corpora: which lines and branches of the code under test the inputs kept
# so far reach. Builds the targets with clang's profile instrumentation into build-fuzz-cov
# (-DIDO_FUZZ_COVERAGE=ON), runs each once over its corpus (fuzz/corpus/<target>/ and
# fuzz-out/corpus/<target>/, no mutation), and prints llvm-cov's report for the code that target is
# there to test:
#
#   fuzz/coverage.sh [target...]        default: every fuzz/*_fuzz.cpp
#
# The last line per target ("TOTAL") is what fuzz/README.md records. Profiles and per-target reports
# stay in fuzz-out/coverage/ (not committed). libFuzzer's own "cov:" (edges) in fuzz/runs.tsv counts
# instrumented edges over every library linked in; this names lines of source.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${IDO_FUZZ_COVERAGE_BUILD_DIR:-build-fuzz-cov}
out=fuzz-out/coverage
llvm_cov=$(command -v llvm-cov-14 || command -v llvm-cov)
llvm_profdata=$(command -v llvm-profdata-14 || command -v llvm-profdata)

# The code each target exists to test (directories or files, relative to the source tree). A target
# reaches more than this (the API fuzzer runs the whole service); these are the parts it is the
# campaign for.
declare -A under_test=(
  [api]="service/http/api.cpp service/http/routes.cpp service/http/query.cpp service/endpoints/parameters.cpp service/endpoints/informatiepunten.cpp service/endpoints/gemeenten.cpp service/endpoints/zoeksuggesties.cpp service/endpoints/ogc.cpp service/endpoints/crs.cpp"
  [hours]="geo/hours"
  [geocode]="geo/geocode"
  [write]="record/validate.cpp record/field_checks.cpp record/derivation.cpp service/endpoints/writes.cpp"
  [meldingen]="record/melding.cpp service/endpoints/meldingen.cpp"
  [gemeente]="record/municipal.cpp service/endpoints/partners.cpp service/endpoints/financiering.cpp service/endpoints/bereikbaarheid_parameters.cpp service/endpoints/gemeentedata_common.cpp"
  [import]="exchange/csv_import.cpp exchange/geojson_import.cpp exchange/import.cpp exchange/plan.cpp exchange/record_checks.cpp exchange/json_access.cpp"
  [query]="text/utf8.cpp service/http/query.cpp"
)

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/*_fuzz.cpp; do targets+=("$(basename "$f" _fuzz.cpp)"); done
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
  generator=(); command -v ninja >/dev/null && generator=(-G Ninja)
  cmake -S . -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
        -DIDO_BUILD_FUZZ=ON -DIDO_FUZZ_COVERAGE=ON -DIDO_BUILD_TESTS=OFF -DIDO_BUILD_BENCH=OFF
fi
cmake --build "$build" --parallel "${IDO_FUZZ_COVERAGE_JOBS:-2}" --target "${targets[@]/%/_fuzz}"

mkdir -p "$out"
for t in "${targets[@]}"; do
  sources=()
  for s in ${under_test[$t]:-}; do
    [ -e "$s" ] || { echo "coverage.sh: $t: $s does not exist (update under_test)" >&2; exit 1; }
    sources+=("$PWD/$s")
  done
  corpora=("fuzz/corpus/$t"); [ -d "fuzz-out/corpus/$t" ] && corpora+=("fuzz-out/corpus/$t")
  rm -f "$out/$t".*.profraw
  # -runs=0: execute every corpus input once and stop. %p: one profile per process (libFuzzer may fork).
  LLVM_PROFILE_FILE="$out/$t.%p.profraw" "$build/fuzz/${t}_fuzz" -runs=0 -max_len=4096 -timeout=60 \
    "${corpora[@]}" >"$out/$t.run.log" 2>&1
  "$llvm_profdata" merge -sparse "$out/$t".*.profraw -o "$out/$t.profdata"
  rm -f "$out/$t".*.profraw
  "$llvm_cov" report "$build/fuzz/${t}_fuzz" -instr-profile="$out/$t.profdata" "${sources[@]}" >"$out/$t.report.txt"
  inputs=$(find "${corpora[@]}" -type f | wc -l)
  echo "== $t: $inputs inputs"
  # Paths relative to the source tree, as fuzz/README.md names them.
  sed "s|$PWD/||" "$out/$t.report.txt"
done
