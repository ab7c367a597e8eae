// Per-call cost of Geocoder::geocode() and Geocoder::suggest() on the shipped data, over a mixed list
// of queries a search box sees (postcodes, names, alternate names, ambiguous names, typos, misses).
// Run: build/bench/geocode_bench  (single thread; the numbers are per call, averaged over the list).

#include "geo/geocode/geocoder.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

std::filesystem::path data_dir() {
    const std::filesystem::path in_repo = std::filesystem::path(IDO_SOURCE_DIR) / "data";
    if (std::filesystem::exists(in_repo / "pc4.csv")) return in_repo;
    return std::filesystem::path(IDO_SOURCE_DIR) / ".." / "shared" / "data" / "derived";
}

const ido::geocode::Geocoder& geocoder() {
    static const auto g = [] {
        auto r = ido::geocode::Geocoder::load(data_dir());
        if (r.error) throw std::runtime_error(r.error->message);
        return r.geocoder;
    }();
    return *g;
}

const std::vector<std::string> kExactQueries = {
    "3511", "3511 AB", " 2511ab ", "Amsterdam", "den bosch", "'s-Gravenhage", "Den Haag", "Rijswijk",
    "Hengelo (Gld)", "Bergen NH", "Gemeente Súdwest-Fryslân", "Snits", "Ljouwert", "Emmeloord",
    "Noordoostpolder", "utrecht centraal", "1e Exloërmond", "0123", "", "Atlantis"};
const std::vector<std::string> kTypoQueries = {"Utrect", "Amsterdm", "Groningne", "Maastrict", "Leeuwardn", "Zwole"};
const std::vector<std::string> kPrefixes = {"u", "ut", "utr", "den b", "351", "'s-her", "s", "ber", "rijsw",
                                            "gemeente sud", "amst", "ho", "1", "nieuw", "zw", "leeuw"};
// The widest ranges in the index: one letter or digit matches thousands of names.
const std::vector<std::string> kOneCharacter = {"s", "b", "h", "w", "1", "3"};

void run(benchmark::State& state, const std::vector<std::string>& queries, bool suggest) {
    const auto& g = geocoder();
    std::size_t i = 0;
    for (auto _ : state) {
        const auto& q = queries[i++ % queries.size()];
        if (suggest) {
            benchmark::DoNotOptimize(g.suggest(q, 10));
        } else {
            benchmark::DoNotOptimize(g.geocode(q));
        }
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_Load(benchmark::State& state) {
    for (auto _ : state) {
        auto r = ido::geocode::Geocoder::load(data_dir());
        benchmark::DoNotOptimize(r.geocoder);
    }
}
void BM_GeocodeMixed(benchmark::State& state) { run(state, kExactQueries, false); }
void BM_GeocodeTypo(benchmark::State& state) { run(state, kTypoQueries, false); }
void BM_Suggest(benchmark::State& state) { run(state, kPrefixes, true); }
void BM_SuggestOneCharacter(benchmark::State& state) { run(state, kOneCharacter, true); }

BENCHMARK(BM_Load)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_GeocodeMixed)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_GeocodeTypo)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Suggest)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SuggestOneCharacter)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
