// Opening-hours engine: parsing 600 typical expressions, and for each pre-parsed one the status now plus
// the slots of the next 14 days (what a list page of help points needs).
#include <benchmark/benchmark.h>

#include <array>
#include <random>
#include <string>
#include <vector>

#include "geo/hours/amsterdam_time.hpp"
#include "geo/hours/hours.hpp"

namespace {

/// 600 IDO-like expressions: the shapes seen in library data, with varied days and times (seeded).
std::vector<std::string> typical_expressions() {
  static const std::array<const char*, 12> shapes{
      "{d} {t}", "{d} {t}; {d2} {t2}", "{d}-{d2} {t}; Sa 10:00-15:00", "week 1-53/2 {d} {t}; PH off",
      "{d}[1] {t}; PH off", "{d} {t} \"op afspraak\"", "Mo-Fr {t}; Jul 14-Aug 25 off; PH off",
      "Mo-Fr {t},{t2}; PH off || \"op afspraak\"", "{d},{d2} {t}; 2026 Dec 24 10:00-13:00; PH off",
      "{d}[-1] {t}", "Mo-Fr 09:00-17:00; We 12:00-13:00 off; PH off", "Tu-Sa {t}, Th 19:00-21:00; PH off"};
  static const std::array<const char*, 7> days{"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
  static const std::array<const char*, 6> mornings{"09:00-12:00", "09:30-12:30", "10:00-12:00", "08:30-11:30",
                                                   "10:00-13:00", "09:00-11:00"};
  static const std::array<const char*, 5> afternoons{"13:00-16:00", "14:00-17:00", "13:30-16:30", "14:00-16:00",
                                                     "15:00-17:30"};
  std::mt19937 random{600};
  std::vector<std::string> out;
  for (int i = 0; i < 600; ++i) {
    std::string e = shapes[static_cast<std::size_t>(i) % shapes.size()];
    const auto replace = [&](const std::string& key, const std::string& value) {
      for (auto pos = e.find(key); pos != std::string::npos; pos = e.find(key)) e.replace(pos, key.size(), value);
    };
    const std::size_t d = random() % 4;  // keep {d} before {d2} so ranges go forward
    replace("{d2}", days[d + 1 + random() % 2]);
    replace("{d}", days[d]);
    replace("{t2}", afternoons[random() % afternoons.size()]);
    replace("{t}", mornings[random() % mornings.size()]);
    out.push_back(e);
  }
  return out;
}

std::vector<ido::hours::Schedule> parsed(const std::vector<std::string>& expressions) {
  std::vector<ido::hours::Schedule> out;
  for (const auto& e : expressions) out.push_back(std::get<ido::hours::Schedule>(ido::hours::parse(e)));
  return out;
}

const std::chrono::sys_seconds now = *ido::hours::parse_rfc3339("2026-12-23T15:30:00+01:00");

void BM_Parse600(benchmark::State& state) {
  const auto expressions = typical_expressions();
  for (auto _ : state) {
    for (const auto& e : expressions) benchmark::DoNotOptimize(ido::hours::parse(e));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(expressions.size()));
}
BENCHMARK(BM_Parse600)->Unit(benchmark::kMicrosecond);

void BM_Status600(benchmark::State& state) {
  const auto schedules = parsed(typical_expressions());
  for (auto _ : state) {
    for (const auto& s : schedules) benchmark::DoNotOptimize(ido::hours::evaluate(s, now));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(schedules.size()));
}
BENCHMARK(BM_Status600)->Unit(benchmark::kMicrosecond);

// The state alone (what the "open now" filter asks), without the look-ahead of BM_Status600.
void BM_State600(benchmark::State& state) {
  const auto schedules = parsed(typical_expressions());
  for (auto _ : state) {
    for (const auto& s : schedules) benchmark::DoNotOptimize(ido::hours::state_at(s, now));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(schedules.size()));
}
BENCHMARK(BM_State600)->Unit(benchmark::kMicrosecond);

void BM_StatusAndSlots14Days600(benchmark::State& state) {
  const auto schedules = parsed(typical_expressions());
  for (auto _ : state) {
    for (const auto& s : schedules) {
      benchmark::DoNotOptimize(ido::hours::evaluate(s, now));
      benchmark::DoNotOptimize(ido::hours::slots(s, now));
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(schedules.size()));
}
BENCHMARK(BM_StatusAndSlots14Days600)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
