// Tests of the municipal overview (geo/coverage/overview.hpp): spreekuur hours equal a brute-force
// sampling of the opening-hours engine every five minutes over the four weeks (public holidays, a
// period past midnight, the end of summer time); services and the freshness of records equal a direct
// computation over the shipped data.
#include "geo/coverage/coverage.hpp"
#include "geo/coverage/demand.hpp"
#include "geo/coverage/overview.hpp"
#include "geo/dataset.hpp"
#include "geo/hours/amsterdam_time.hpp"
#include "geo/hours/hours.hpp"
#include "geo/municipality_index.hpp"
#include "geo/snapshot.hpp"

#include <date/date.h>
#include "tests/support/coverage_data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <vector>

using namespace ido;
using namespace ido::test;  // the shared data and oracle pieces (tests/support/coverage_data.hpp)
using namespace std::chrono_literals;
using coverage::CoverageAnalysis;

namespace {

std::chrono::sys_seconds at(const char* rfc3339) { return *hours::parse_rfc3339(rfc3339); }

struct Desk {
    std::string hours;
    std::string op_afspraak;  // "true", "false" or "null"
};

geo::Location make(const std::string& id, std::vector<Desk> desks, const std::string& diensten, const std::string& checked,
                   geo::Wgs84 p = {52.0907, 5.1214}) {
    std::string spreekuren, all;
    for (const auto& d : desks) {
        std::string escaped;
        for (char c : d.hours) escaped += c == '"' ? std::string("\\\"") : std::string(1, c);
        spreekuren += (spreekuren.empty() ? "" : ",") + std::string(R"({"naam":"Spreekuur","openingstijden":")") + escaped +
                      R"(","opAfspraak":)" + d.op_afspraak + "}";
    }
    return geo::make_location(R"({"id":")" + id + R"(","naam":"Naam )" + id +
                                  R"(","gemeentecode":"GM0344","openingstijden":"","diensten":)" + diensten +
                                  R"(,"spreekuren":[)" + spreekuren + R"(],"laatstGecontroleerd":)" + checked +
                                  R"(,"herkomst":{"soort":"ido-voorbeeld"}})",
                              p, 1);
}

// The brute force: the state of every desk every five minutes (all times in these schedules are whole
// multiples of five minutes and `from` is too, so the sampling is exact).
coverage::HoursFigures sampled(const geo::Location& l, const std::vector<Desk>& desks, std::chrono::sys_seconds from) {
    coverage::HoursFigures h;
    const double step = 5.0 / 60.0;
    for (std::size_t d = 0; d < l.spreekuur_schedules.size(); ++d)
        for (auto t = from; t < from + std::chrono::days{28}; t += 5min) {
            const auto status = hours::evaluate(l.spreekuur_schedules[d], t);
            if (status.state != hours::State::open) continue;
            h.per_week += step;
            if (desks[d].op_afspraak == "false") h.inloop += step;
            else if (desks[d].op_afspraak == "true" || status.opmerking.find("afspraak") != std::string::npos) h.op_afspraak += step;
            else h.werkwijze_onbekend += step;
            const auto local = hours::to_local(t);
            const auto day = date::floor<date::days>(local);
            if (local - day >= 18h) h.avond += step;
            if (date::weekday{day} == date::Saturday) h.zaterdag += step;
        }
    for (double* v : {&h.per_week, &h.inloop, &h.op_afspraak, &h.werkwijze_onbekend, &h.avond, &h.zaterdag}) *v /= 4;
    return h;
}

void expect_near(const coverage::HoursFigures& a, const coverage::HoursFigures& b, const std::string& what) {
    SCOPED_TRACE(what);
    EXPECT_NEAR(a.per_week, b.per_week, 1e-9);
    EXPECT_NEAR(a.inloop, b.inloop, 1e-9);
    EXPECT_NEAR(a.op_afspraak, b.op_afspraak, 1e-9);
    EXPECT_NEAR(a.werkwijze_onbekend, b.werkwijze_onbekend, 1e-9);
    EXPECT_NEAR(a.avond, b.avond, 1e-9);
    EXPECT_NEAR(a.zaterdag, b.zaterdag, 1e-9);
}

const std::vector<std::vector<Desk>>& desk_sets() {
    static const std::vector<std::vector<Desk>> sets{
        {{"Mo-Fr 09:00-12:00; Sa 10:00-12:30; PH off", "false"}, {"Tu 17:30-20:00 open \"op afspraak\"", "null"}},
        {{"Fr 22:00-02:00", "true"}},
        {{"week 1-53/2 We 13:00-15:00; Dec 24-Jan 02 off", "null"}},
        {{"", "null"}},
        {{"Th 18:00-21:00; PH off", "false"}, {"", "true"}},
        {{"Sa 09:00-17:00; Dec 26 off", "null"}},
    };
    return sets;
}

}  // namespace

TEST(OverviewHours, EqualSamplingTheHoursEngine) {
    std::vector<geo::Location> locations;
    for (std::size_t i = 0; i < desk_sets().size(); ++i)
        locations.push_back(make("T-" + std::to_string(i), desk_sets()[i], R"(["digid"])", "null"));
    geo::Snapshot snapshot(locations, municipalities());
    const CoverageAnalysis analysis(snapshot, shipped_demand());
    // Christmas and New Year (public holidays), and the end of summer time on 25 October 2026
    for (const char* from : {"2026-12-14T08:15:00Z", "2026-10-12T21:40:00Z", "2027-03-15T00:00:00Z"}) {
        for (std::size_t i = 0; i < locations.size(); ++i) {
            const auto got = coverage::location_overview(analysis, i, at(from));
            expect_near(got.uren, sampled(snapshot.locations()[i], desk_sets()[i], at(from)), std::string(from) + " location " + std::to_string(i));
            EXPECT_NEAR(got.uren.per_week, got.uren.inloop + got.uren.op_afspraak + got.uren.werkwijze_onbekend, 1e-9);
        }
    }
    // the cases the sampling covers are really there
    const auto friday_night = coverage::location_overview(analysis, 1, at("2026-12-14T08:15:00Z"));
    EXPECT_GT(friday_night.uren.zaterdag, 0);
    EXPECT_GT(friday_night.uren.avond, 0);
    EXPECT_TRUE(coverage::location_overview(analysis, 3, at("2026-12-14T08:15:00Z")).tijden_onbekend);
    EXPECT_FALSE(coverage::location_overview(analysis, 4, at("2026-12-14T08:15:00Z")).tijden_onbekend);
}

TEST(OverviewHours, MunicipalityAddsItsLocations) {
    std::vector<geo::Location> locations;
    for (std::size_t i = 0; i < desk_sets().size(); ++i)
        locations.push_back(make("T-" + std::to_string(i), desk_sets()[i], R"(["digid"])", "null"));
    locations.push_back(make("T-ELDERS", desk_sets()[0], R"(["digid"])", "null", {52.37, 4.90}));  // Amsterdam, not Utrecht
    geo::Snapshot snapshot(locations, municipalities());
    const CoverageAnalysis analysis(snapshot, shipped_demand());
    const auto from = at("2026-12-14T08:15:00Z");
    const auto r = coverage::municipality_overview(analysis, "GM0344", {from, {}});
    ASSERT_TRUE(std::holds_alternative<coverage::MunicipalityOverview>(r));
    const auto& o = std::get<coverage::MunicipalityOverview>(r);
    EXPECT_EQ(o.locaties.size(), desk_sets().size());
    coverage::HoursFigures sum;
    for (std::size_t i = 0; i < desk_sets().size(); ++i) {
        const auto h = sampled(snapshot.locations()[i], desk_sets()[i], from);
        sum.per_week += h.per_week;
        sum.avond += h.avond;
        sum.zaterdag += h.zaterdag;
    }
    EXPECT_NEAR(o.uren.per_week, sum.per_week, 1e-9);
    EXPECT_NEAR(o.uren.avond, sum.avond, 1e-9);
    EXPECT_NEAR(o.uren.zaterdag, sum.zaterdag, 1e-9);
    std::int64_t residents = 0;
    for (const auto& a : shipped_demand()->pc4s) residents += a.gemeentecode == "GM0344" ? a.inwoners : 0;
    EXPECT_EQ(o.inwoners, residents);
    ASSERT_TRUE(o.uren_per_10000_inwoners);
    EXPECT_NEAR(*o.uren_per_10000_inwoners, sum.per_week * 10000 / static_cast<double>(residents), 1e-9);
    EXPECT_EQ(o.tot - o.vanaf, std::chrono::days{28});
}

TEST(OverviewServices, OfferedAndMissing) {
    std::vector<geo::Location> locations{
        make("S-1", {{"", "null"}}, R"(["digid","toeslagen"])", "null"),
        make("S-2", {{"", "null"}}, R"(["digid","x-nieuw","zorg"])", "null"),
    };
    geo::Snapshot snapshot(locations, municipalities());
    const CoverageAnalysis analysis(snapshot, shipped_demand());
    const auto r = coverage::municipality_overview(analysis, "GM0344", {at("2026-12-01T12:00:00Z"), {}});
    ASSERT_TRUE(std::holds_alternative<coverage::MunicipalityOverview>(r));
    const auto& o = std::get<coverage::MunicipalityOverview>(r);
    EXPECT_EQ(o.aangeboden_diensten, (std::vector<std::string>{"digid", "toeslagen", "zorg", "x-nieuw"}));
    EXPECT_EQ(o.ontbrekende_diensten,
              (std::vector<std::string>{"belastingdienst", "uwv", "svb", "cjib", "cbr", "duo", "gemeente", "digitale-vaardigheden"}));
    EXPECT_EQ(o.locaties[1].diensten, (std::vector<std::string>{"digid", "x-nieuw", "zorg"}));
}

TEST(OverviewFreshness, TwelveMonths) {
    std::vector<geo::Location> locations{
        make("F-1", {{"", "null"}}, "[]", R"("2025-12-01")"),  // exactly twelve months: not yet due
        make("F-2", {{"", "null"}}, "[]", R"("2025-11-30")"),  // one day more: due
        make("F-3", {{"", "null"}}, "[]", "null"),             // never checked: due
        make("F-4", {{"", "null"}}, "[]", R"("2026-11-30")"),
        make("F-5", {{"", "null"}}, "[]", R"("2026-02-30")"),  // not a date: due
    };
    geo::Snapshot snapshot(locations, municipalities());
    const CoverageAnalysis analysis(snapshot, shipped_demand());
    // 1 December 2026 00:30 in Amsterdam is still 30 November in UTC: the local date counts
    const auto r = coverage::municipality_overview(analysis, "GM0344", {at("2026-11-30T23:30:00Z"), {}});
    ASSERT_TRUE(std::holds_alternative<coverage::MunicipalityOverview>(r));
    EXPECT_EQ(std::get<coverage::MunicipalityOverview>(r).te_controleren, (std::vector<std::string>{"F-2", "F-3", "F-5"}));
    EXPECT_EQ(std::get<coverage::MunicipalityOverview>(r).locaties[0].laatst_gecontroleerd, std::optional<std::string>("2025-12-01"));
}

TEST(OverviewShipped, ServicesAndFreshnessEqualADirectComputation) {
    const auto locations = geo::load_locations(IDO_SOURCE_DIR "/data/informatiepunten.geojson");
    geo::Snapshot snapshot(locations, municipalities());
    const CoverageAnalysis analysis(snapshot, shipped_demand());
    // Only two shipped records were checked within twelve months of this date (2025-08-27, 2025-11-26).
    const auto from = at("2026-08-01T12:00:00Z");
    std::size_t due = 0, total = 0;
    for (std::size_t m = 0; m < snapshot.municipalities().all().size(); ++m) {
        const auto& gm = snapshot.municipalities().all()[m].gemeentecode;
        for (const auto& soorten : std::vector<std::vector<std::string>>{{}, {"ido-voorbeeld"}}) {
            const auto r = coverage::municipality_overview(analysis, gm, {from, soorten});
            ASSERT_TRUE(std::holds_alternative<coverage::MunicipalityOverview>(r)) << gm;
            const auto& o = std::get<coverage::MunicipalityOverview>(r);
            std::set<std::string> offered, ids, stale;
            for (std::size_t l = 0; l < snapshot.locations().size(); ++l) {
                const auto& loc = snapshot.locations()[l];
                if (snapshot.municipality_of(l) != m) continue;
                if (!soorten.empty() && loc.properties_json.find(R"("soort":"ido-voorbeeld")") == std::string::npos) continue;
                ids.insert(loc.id);
                offered.insert(loc.diensten.begin(), loc.diensten.end());
                // ISO dates compare as text; 2026-08-01 minus twelve months is 2025-08-01
                const auto p = loc.properties_json.find(R"("laatstGecontroleerd":")");
                if (p == std::string::npos || loc.properties_json.substr(p + 23, 10) < "2025-08-01") stale.insert(loc.id);
            }
            std::set<std::string> got_ids;
            for (const auto& lo : o.locaties) got_ids.insert(lo.id);
            EXPECT_EQ(got_ids, ids) << gm;
            EXPECT_EQ(std::set<std::string>(o.aangeboden_diensten.begin(), o.aangeboden_diensten.end()), offered) << gm;
            EXPECT_EQ(o.aangeboden_diensten.size() + o.ontbrekende_diensten.size(), coverage::dienst_codes.size()) << gm;
            EXPECT_EQ(std::set<std::string>(o.te_controleren.begin(), o.te_controleren.end()), stale) << gm;
            if (soorten.empty()) {
                due += stale.size();
                total += ids.size();
            }
        }
    }
    EXPECT_EQ(total, locations.size());
    EXPECT_GT(due, 500u);  // the seed set is mostly unchecked
    EXPECT_EQ(due, total - 2);
}

TEST(OverviewErrors, Codes) {
    geo::Snapshot snapshot(std::vector<geo::Location>{}, municipalities());
    const CoverageAnalysis analysis(snapshot, shipped_demand());
    const auto codes = [&](std::string_view gm, std::vector<std::string> soorten) {
        std::set<std::string> out;
        const auto r = coverage::municipality_overview(analysis, gm, {at("2026-12-01T12:00:00Z"), std::move(soorten)});
        if (const auto* e = std::get_if<std::vector<coverage::CoverageError>>(&r))
            for (const auto& x : *e) out.insert(std::string(coverage::to_string(x.code)) + "@" + x.veld);
        return out;
    };
    EXPECT_EQ(codes("GM9999", {}), std::set<std::string>{"onbekende-gemeente@gemeentecode"});
    EXPECT_EQ(codes("GM0344", {"eigen-soort"}), std::set<std::string>{"onbekende-herkomst@soorten[0]"});
    EXPECT_TRUE(codes("GM0344", {}).empty());  // a municipality without help points has an (empty) overview
}
