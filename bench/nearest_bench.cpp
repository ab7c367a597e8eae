// Benchmarks of the location index (k = 10 nearest) against a brute-force scan in the same run, on the
// shipped ~600 locations and on 100,000 and 1,000,000 generated points; and of the municipality lookup.
// Method and numbers: bench/README.md.
#include "geo/locator.hpp"
#include "geo/query.hpp"
#include "geo/transformer.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <string>
#include <cmath>
#include <random>

using namespace ido::geo;

namespace {

constexpr std::size_t k = 10;

std::vector<RdPoint> generated_points(std::size_t n) {
    std::mt19937_64 rng(n);
    std::uniform_real_distribution<double> x(13000, 278000), y(306000, 619000);
    std::vector<RdPoint> points(n);
    for (auto& p : points) p = {x(rng), y(rng)};
    return points;
}

std::vector<RdPoint> shipped_points() {
    static auto locator = Locator::from_data_directory(IDO_SOURCE_DIR "/data");
    std::vector<RdPoint> points;
    for (const auto& l : locator->snapshot()->locations()) points.push_back(l.rd);
    return points;
}

std::vector<RdPoint> query_points() {
    std::mt19937_64 rng(99);
    std::uniform_real_distribution<double> x(20000, 270000), y(310000, 610000);
    std::vector<RdPoint> queries(4096);
    for (auto& q : queries) q = {x(rng), y(rng)};
    return queries;
}

// The baseline: distance to every point, then the k smallest.
void run_brute_force(benchmark::State& state, const std::vector<RdPoint>& points, const std::vector<RdPoint>& queries) {
    std::vector<Neighbour> all(points.size());
    std::size_t i = 0;
    for (auto _ : state) {
        const RdPoint q = queries[i++ % queries.size()];
        for (std::size_t p = 0; p < points.size(); ++p) all[p] = {p, std::hypot(points[p].x - q.x, points[p].y - q.y)};
        std::partial_sort(all.begin(), all.begin() + k, all.end(),
                          [](const Neighbour& a, const Neighbour& b) { return a.distance_m < b.distance_m; });
        benchmark::DoNotOptimize(all.data());
    }
}

const std::vector<RdPoint>& points_for(std::int64_t n) {
    static std::vector<RdPoint> shipped = shipped_points();
    static std::vector<RdPoint> hundred_k = generated_points(100000);
    static std::vector<RdPoint> million = generated_points(1000000);
    return n == 0 ? shipped : n == 100000 ? hundred_k : million;
}

// Where residents are: the 4,086 PC4 points of the shipped data, in RD.
std::vector<RdPoint> resident_queries() {
    std::vector<RdPoint> queries;
    std::ifstream in(IDO_SOURCE_DIR "/data/pc4.csv");
    std::string line;
    std::getline(in, line);  // header: pc4,lat,lon,...
    while (std::getline(in, line)) {
        const auto first = line.find(','), second = line.find(',', first + 1), third = line.find(',', second + 1);
        const double lat = std::stod(line.substr(first + 1, second - first - 1));
        const double lon = std::stod(line.substr(second + 1, third - second - 1));
        if (auto rd = Transformer::to_rd({lat, lon})) queries.push_back(*rd);
    }
    return queries;
}

// k = 10 nearest of the shipped set for the positions residents search from (not uniform over the box,
// which puts a third of the queries in the North Sea and Germany).
void BM_IndexNearest10AtResidents(benchmark::State& state) {
    const auto& points = points_for(0);
    const LocationIndex index(points);
    const auto queries = resident_queries();
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(index.nearest(queries[i++ % queries.size()], k));
}

void BM_BruteForceNearest10AtResidents(benchmark::State& state) {
    const auto& points = points_for(0);
    const auto queries = resident_queries();
    run_brute_force(state, points, queries);
}

// state.range(0): 0 = the shipped set, else the number of generated points.
void BM_IndexNearest10(benchmark::State& state) {
    const auto& points = points_for(state.range(0));
    const LocationIndex index(points);
    const auto queries = query_points();
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(index.nearest(queries[i++ % queries.size()], k));
    state.counters["points"] = static_cast<double>(points.size());
}

void BM_BruteForceNearest10(benchmark::State& state) {
    const auto& points = points_for(state.range(0));
    const auto queries = query_points();
    run_brute_force(state, points, queries);
    state.counters["points"] = static_cast<double>(points.size());
}

void BM_MunicipalityContaining(benchmark::State& state) {
    static auto index = MunicipalityIndex::load(IDO_SOURCE_DIR "/data/gemeenten.geojson");
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> lat(50.8, 53.4), lon(3.5, 7.1);
    std::vector<Wgs84> queries(4096);
    for (auto& q : queries) q = {lat(rng), lon(rng)};
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(index->containing(queries[i++ % queries.size()]));
}

// The query facade as the API asks it, without HTTP: 10 nearest offering digid and walk-in (the filter
// runs inside the index search), and a 20 x 20 km box through the index (the OGC items and bbox query).
void BM_FacadeNearestFiltered(benchmark::State& state) {
    static auto locator = Locator::from_data_directory(IDO_SOURCE_DIR "/data");
    const auto snapshot = locator->snapshot();
    const auto queries = resident_queries();
    NearestQuery query;
    query.filter.diensten = {"digid"};
    query.filter.inloop = true;
    std::size_t i = 0;
    for (auto _ : state) {
        query.origin = queries[i++ % queries.size()];
        benchmark::DoNotOptimize(nearest(*snapshot, query));
    }
}

void BM_FacadeAreaBox(benchmark::State& state) {
    static auto locator = Locator::from_data_directory(IDO_SOURCE_DIR "/data");
    const auto snapshot = locator->snapshot();
    const auto queries = resident_queries();
    LocationFilter filter;
    filter.box = AreaBox{AreaBox::Space::rd, 0, 0, 0, 0};
    std::size_t i = 0;
    for (auto _ : state) {
        const RdPoint c = queries[i++ % queries.size()];
        filter.box->min_x = c.x - 10000;
        filter.box->min_y = c.y - 10000;
        filter.box->max_x = c.x + 10000;
        filter.box->max_y = c.y + 10000;
        benchmark::DoNotOptimize(area(*snapshot, filter));
    }
}

// GET /v1/informatiepunten?openNu=true without other filters: every help point's opening state is
// asked at one instant (the instant of a Tuesday afternoon and of a Sunday, when most are closed).
void BM_FacadeListOpenAt(benchmark::State& state) {
    static auto locator = Locator::from_data_directory(IDO_SOURCE_DIR "/data");
    const auto snapshot = locator->snapshot();
    ListQuery query;
    query.limit = 1000;
    const auto instant = state.range(0) == 0 ? std::chrono::sys_days{std::chrono::year{2026} / 12 / 1} + std::chrono::hours{14}
                                             : std::chrono::sys_days{std::chrono::year{2026} / 12 / 6} + std::chrono::hours{11};
    query.filter.open_at = {std::chrono::time_point_cast<std::chrono::seconds>(instant)};
    for (auto _ : state) benchmark::DoNotOptimize(list(*snapshot, query));
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(snapshot->locations().size()));
}

void BM_TransformToRd(benchmark::State& state) {
    double lat = 52.0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(Transformer::to_rd({lat, 5.1}));
        lat = lat > 53 ? 51.0 : lat + 0.001;
    }
}

}  // namespace

BENCHMARK(BM_IndexNearest10)->Arg(0)->Arg(100000)->Arg(1000000);
BENCHMARK(BM_BruteForceNearest10)->Arg(0)->Arg(100000)->Arg(1000000);
BENCHMARK(BM_IndexNearest10AtResidents);
BENCHMARK(BM_BruteForceNearest10AtResidents);
BENCHMARK(BM_MunicipalityContaining);
BENCHMARK(BM_FacadeNearestFiltered);
BENCHMARK(BM_FacadeAreaBox);
BENCHMARK(BM_FacadeListOpenAt)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_TransformToRd);
BENCHMARK_MAIN();
