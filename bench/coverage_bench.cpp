// Benchmarks of the coverage analysis (geo/coverage/): the once-per-snapshot build, the national figures
// for all 342 municipalities from scratch, one municipality, the advice for three sites, and how the
// national figures grow with 1x, 2x, 4x and 8x the help points (against a brute-force baseline in the
// same run). Method and numbers: bench/README.md.
#include "geo/coverage/advice.hpp"
#include "geo/coverage/coverage.hpp"
#include "geo/coverage/demand.hpp"
#include "geo/coverage/overview.hpp"
#include "geo/dataset.hpp"
#include "geo/municipality_index.hpp"
#include "geo/snapshot.hpp"
#include "geo/transformer.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <random>

using namespace ido;

namespace {

const std::shared_ptr<const geo::MunicipalityIndex>& municipalities() {
    static auto index = geo::MunicipalityIndex::load(IDO_SOURCE_DIR "/data/gemeenten.geojson");
    return index;
}

const std::shared_ptr<const coverage::Demand>& demand() {
    static auto d = std::make_shared<const coverage::Demand>(coverage::load_demand(IDO_SOURCE_DIR "/data"));
    return d;
}

// The shipped help points, plus (factor - 1) copies of each moved by up to 5 km in RD, so the extra points
// lie where help points are (not in the sea).
const geo::Snapshot& snapshot(int factor) {
    static std::map<int, std::unique_ptr<geo::Snapshot>> cache;
    auto& slot = cache[factor];
    if (!slot) {
        const auto shipped = geo::load_locations(IDO_SOURCE_DIR "/data/informatiepunten.geojson");
        std::vector<geo::Location> all = shipped;
        std::mt19937_64 rng(static_cast<unsigned>(factor));
        std::uniform_real_distribution<double> offset(-5000, 5000);
        for (int copy = 1; copy < factor; ++copy)
            for (const auto& l : shipped) {
                geo::Location moved = l;
                moved.id = l.id + "-K" + std::to_string(copy);
                const double dx = offset(rng), dy = offset(rng);
                moved.position = *geo::Transformer::to_wgs84(geo::RdPoint{l.rd.x + dx, l.rd.y + dy});
                moved.rd = *geo::Transformer::to_rd(moved.position);
                all.push_back(std::move(moved));
            }
        slot = std::make_unique<geo::Snapshot>(std::move(all), municipalities());
    }
    return *slot;
}

const coverage::CoverageAnalysis& analysis() {
    static coverage::CoverageAnalysis a(snapshot(1), demand());
    return a;
}

// The once-per-snapshot cost: typed facts of every location, each PC4's nearest help point.
void BM_CoverageBuild(benchmark::State& state) {
    const auto& s = snapshot(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        coverage::CoverageAnalysis a(s, demand());
        benchmark::DoNotOptimize(&a);
    }
    state.counters["help_points"] = static_cast<double>(s.locations().size());
}

// National figures from scratch: build the analysis and compute the country and all 342 municipalities
// with the four default thresholds and every gap list.
void BM_NationalFromScratch(benchmark::State& state) {
    const auto& s = snapshot(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        coverage::CoverageAnalysis a(s, demand());
        auto national = a.national({});
        benchmark::DoNotOptimize(national);
    }
    state.counters["help_points"] = static_cast<double>(s.locations().size());
}

// The baseline for the scaling check: the nearest help point of every PC4 by scanning them all.
void BM_NearestBruteForce(benchmark::State& state) {
    const auto& s = snapshot(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        double sum = 0;
        for (const auto& a : demand()->pc4s) {
            double best = std::numeric_limits<double>::infinity();
            for (const auto& l : s.locations()) best = std::min(best, std::hypot(a.rd.x - l.rd.x, a.rd.y - l.rd.y));
            sum += best * static_cast<double>(a.inwoners);
        }
        benchmark::DoNotOptimize(sum);
    }
    state.counters["help_points"] = static_cast<double>(s.locations().size());
}

// National figures on an analysis built beforehand, for 1x..8x the help points: the part of the cost
// that a request pays once the analysis sits beside its snapshot.
void BM_NationalBuilt(benchmark::State& state) {
    const coverage::CoverageAnalysis a(snapshot(static_cast<int>(state.range(0))), demand());
    for (auto _ : state) benchmark::DoNotOptimize(a.national({}));
    state.counters["help_points"] = static_cast<double>(a.snapshot().locations().size());
}

// National figures on a built analysis: default options, and only confirmed IDOs (its field cached after
// the first call).
void BM_National(benchmark::State& state) {
    coverage::CoverageOptions options;
    if (state.range(0) == 1) options.soorten = {"ido-voorbeeld"};
    for (auto _ : state) benchmark::DoNotOptimize(analysis().national(options));
}

void BM_NationalWhatIf10(benchmark::State& state) {
    coverage::CoverageOptions options;
    for (int i = 0; i < 10; ++i) options.extra_posities.push_back({51.0 + 0.25 * i, 4.0 + 0.3 * i});
    for (auto _ : state) benchmark::DoNotOptimize(analysis().national(options));
}

void BM_Municipality(benchmark::State& state, const char* gemeentecode) {
    for (auto _ : state) benchmark::DoNotOptimize(analysis().municipality(gemeentecode, {}));
}

void BM_Advice3(benchmark::State& state, const char* gemeentecode) {
    const coverage::AdviceOptions options{static_cast<double>(state.range(0)), 3, {}, {}};
    for (auto _ : state) benchmark::DoNotOptimize(coverage::advise(analysis(), gemeentecode, options));
}

// The advice for three sites in every municipality, one after the other.
void BM_Advice3AllMunicipalities(benchmark::State& state) {
    const coverage::AdviceOptions options{3000, 3, {}, {}};
    for (auto _ : state)
        for (const auto& m : analysis().snapshot().municipalities().all())
            benchmark::DoNotOptimize(coverage::advise(analysis(), m.gemeentecode, options));
}

void BM_Overview(benchmark::State& state, const char* gemeentecode) {
    const auto from = std::chrono::sys_seconds{std::chrono::seconds{1796036400}};  // 2026-12-01 12:00 UTC
    for (auto _ : state) benchmark::DoNotOptimize(coverage::municipality_overview(analysis(), gemeentecode, {from, {}}));
}

}  // namespace

BENCHMARK(BM_CoverageBuild)->Arg(1)->Arg(2)->Arg(4)->Arg(8)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NationalFromScratch)->Arg(1)->Arg(2)->Arg(4)->Arg(8)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NearestBruteForce)->Arg(1)->Arg(2)->Arg(4)->Arg(8)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NationalBuilt)->Arg(1)->Arg(2)->Arg(4)->Arg(8)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_National)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NationalWhatIf10)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Municipality, amsterdam, "GM0363")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Municipality, het_hogeland, "GM1966")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Advice3, amsterdam, "GM0363")->Arg(1000)->Arg(3000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Advice3, het_hogeland, "GM1966")->Arg(3000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Advice3AllMunicipalities)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Overview, amsterdam, "GM0363")->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
