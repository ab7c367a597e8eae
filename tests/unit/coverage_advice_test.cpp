// Property tests of the site advice (geo/coverage/advice.hpp): the one-site advice equals an exhaustive
// search over all candidates with brute-force distances; greedy for aantal = 3 equals three rounds of
// that search, each with the earlier sites as help points; on the shipped data and on random data.
#include "geo/coverage/advice.hpp"
#include "geo/coverage/coverage.hpp"
#include "geo/coverage/demand.hpp"
#include "geo/dataset.hpp"
#include "geo/municipality_index.hpp"
#include "geo/snapshot.hpp"
#include "geo/transformer.hpp"

#include "tests/support/coverage_data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace ido;
using namespace ido::test;  // the shared data and oracle pieces (tests/support/coverage_data.hpp)
using coverage::AdviceOptions;
using coverage::CoverageAnalysis;

namespace {

// ---- exhaustive search ----------------------------------------------------------------------------------

struct BruteSite {
    bool library;
    std::string id, pc4;
    geo::RdPoint rd;
    std::int64_t gain;
    std::vector<std::string> newly;
};

// One round: every candidate of the municipality against every PC4 of the municipality, with the
// distance of each PC4 to every help point (and every earlier site) computed directly.
std::optional<BruteSite> best_site(const coverage::Demand& demand, const std::string& gm, const std::vector<geo::Location>& locations,
                                   const std::vector<std::string>& soorten, std::vector<geo::RdPoint> points, double t) {
    for (const auto& l : locations)
        if (soorten.empty() || std::find(soorten.begin(), soorten.end(), soort_of(l)) != soorten.end()) points.push_back(l.rd);
    const auto nearest = [&](geo::RdPoint p) {
        double best = std::numeric_limits<double>::infinity();
        for (const auto& q : points) best = std::min(best, dist(p, q));
        return best;
    };
    std::vector<BruteSite> candidates;
    for (const auto& b : demand.bibliotheken)
        if (b.gemeentecode == gm) candidates.push_back({true, b.id, b.postcode.substr(0, 4), b.rd, 0, {}});
    for (const auto& a : demand.pc4s)
        if (a.gemeentecode == gm) candidates.push_back({false, a.pc4, a.pc4, a.rd, 0, {}});
    std::optional<BruteSite> best;
    for (auto& c : candidates) {
        if (nearest(c.rd) <= coverage::kandidaat_min_afstand_m) continue;
        for (const auto& a : demand.pc4s)
            if (a.gemeentecode == gm && a.inwoners > 0 && nearest(a.rd) > t && dist(c.rd, a.rd) <= t) {
                c.gain += a.inwoners;
                c.newly.push_back(a.pc4);
            }
        std::sort(c.newly.begin(), c.newly.end());
        const auto key = [](const BruteSite& s) { return std::make_tuple(-s.gain, s.library ? 0 : 1, s.pc4.empty() ? 1 : 0, s.pc4, s.id); };
        if (!best || key(c) < key(*best)) best = c;
    }
    if (best && best->gain == 0) return std::nullopt;
    return best;
}

std::vector<BruteSite> brute_advice(const coverage::Demand& demand, const std::string& gm, const std::vector<geo::Location>& locations,
                                    const AdviceOptions& options) {
    std::vector<geo::RdPoint> placed;
    for (const auto& p : options.extra_posities) placed.push_back(*geo::Transformer::to_rd(p));
    std::vector<BruteSite> out;
    for (std::size_t round = 0; round < options.aantal; ++round) {
        auto site = best_site(demand, gm, locations, options.soorten, placed, options.drempel_m);
        if (!site) break;
        placed.push_back(site->rd);
        out.push_back(*site);
    }
    return out;
}

coverage::Advice ok(coverage::CoverageResult<coverage::Advice> r) {
    if (const auto* e = std::get_if<std::vector<coverage::CoverageError>>(&r)) {
        ADD_FAILURE() << "unexpected error " << coverage::to_string(e->front().code) << " " << e->front().veld;
        return {};
    }
    return std::get<coverage::Advice>(std::move(r));
}

void expect_same(const CoverageAnalysis& analysis, const std::string& gm, const AdviceOptions& options, const std::string& what) {
    SCOPED_TRACE(what + " " + gm + " t=" + std::to_string(options.drempel_m) + " n=" + std::to_string(options.aantal));
    const auto advice = ok(coverage::advise(analysis, gm, options));
    const auto want = brute_advice(analysis.demand(), gm, analysis.snapshot().locations(), options);
    ASSERT_EQ(advice.locaties.size(), want.size());
    std::int64_t gained = 0;
    for (std::size_t i = 0; i < want.size(); ++i) {
        const auto& got = advice.locaties[i];
        EXPECT_EQ(got.soort == coverage::SiteKind::bibliotheek, want[i].library) << i;
        EXPECT_EQ(got.id, want[i].id) << i;
        EXPECT_EQ(got.winst, want[i].gain) << i;
        EXPECT_EQ(got.nieuw_binnen, want[i].newly) << i;
        gained += got.winst;
    }
    EXPECT_EQ(advice.binnen_na - advice.binnen_voor, gained);
    // binnen_voor from the coverage figures of the same question
    const auto figures = analysis.municipality(gm, {{options.drempel_m}, options.soorten, options.extra_posities});
    ASSERT_TRUE(std::holds_alternative<coverage::MunicipalityCoverage>(figures));
    const auto& c = std::get<coverage::MunicipalityCoverage>(figures).cijfers;
    EXPECT_EQ(advice.binnen_voor, c.drempels.front().inwoners_binnen);
    EXPECT_EQ(advice.inwoners, c.inwoners);
}

}  // namespace

TEST(AdviceShipped, OneSiteEqualsExhaustiveSearch) {
    geo::Snapshot snapshot(shipped_locations(), municipalities());
    const CoverageAnalysis analysis(snapshot, shipped_demand());
    // rural and urban, with and without library buildings; Utrecht and Amsterdam have several
    for (const std::string gm : {"GM1966", "GM0344", "GM0363", "GM1680", "GM0088", "GM0014", "GM1900", "GM0085"})
        for (const double t : {1000.0, 3000.0, 5000.0})
            for (const auto& soorten : std::vector<std::vector<std::string>>{{}, {"ido-voorbeeld"}})
                expect_same(analysis, gm, {t, 1, soorten, {}}, "shipped");
}

TEST(AdviceShipped, GreedyThreeEqualsThreeRoundsOfExhaustiveSearch) {
    geo::Snapshot snapshot(shipped_locations(), municipalities());
    const CoverageAnalysis analysis(snapshot, shipped_demand());
    for (const std::string gm : {"GM1966", "GM0344", "GM0363", "GM1680", "GM0302", "GM1949"})
        for (const double t : {1000.0, 3000.0})
            expect_same(analysis, gm, {t, 3, {"ido-voorbeeld", "bibliotheekgebouw"}, {}}, "shipped greedy");
    expect_same(analysis, "GM1966", {2000, 5, {}, {{53.40, 6.60}}}, "shipped greedy with what-if");
}

TEST(AdviceShipped, EveryMunicipalityOneSite) {
    geo::Snapshot snapshot(shipped_locations(), municipalities());
    const CoverageAnalysis analysis(snapshot, shipped_demand());
    std::size_t with_site = 0;
    for (const auto& m : snapshot.municipalities().all()) {
        const auto advice = ok(coverage::advise(analysis, m.gemeentecode, {5000, 1, {"ido-voorbeeld"}, {}}));
        const auto want = brute_advice(analysis.demand(), m.gemeentecode, snapshot.locations(), {5000, 1, {"ido-voorbeeld"}, {}});
        ASSERT_EQ(advice.locaties.size(), want.size()) << m.gemeentecode;
        if (!want.empty()) {
            ++with_site;
            EXPECT_EQ(advice.locaties[0].id, want[0].id) << m.gemeentecode;
            EXPECT_EQ(advice.locaties[0].winst, want[0].gain) << m.gemeentecode;
        }
    }
    EXPECT_GT(with_site, 100u);  // most municipalities have no confirmed IDO within 5 km of everyone
}

TEST(AdviceRandom, EqualsExhaustiveSearch) {
    const std::vector<std::string> gms{"GM0014", "GM0363", "GM0344"};
    for (unsigned seed = 1; seed <= 8; ++seed) {
        std::mt19937_64 rng(seed);
        // a municipality-sized square, so thresholds of a few km matter
        const double cx = 120000 + 10000.0 * seed, cy = 450000;
        std::uniform_real_distribution<double> x(cx - 15000, cx + 15000), y(cy - 15000, cy + 15000);
        coverage::Demand demand;
        for (std::size_t i = 0; i < 150; ++i) {
            coverage::Pc4Area a;
            a.pc4 = std::to_string(1000 + (i * 37) % 9000);  // not in position order
            a.position = *geo::Transformer::to_wgs84({x(rng), y(rng)});
            a.rd = *geo::Transformer::to_rd(a.position);
            a.inwoners = (rng() % 5 == 0) ? 1000 : static_cast<std::int64_t>(rng() % 3000) * 5;  // some equal gains
            a.gemeentecode = gms[rng() % gms.size()];
            a.woonplaatsen = {"P"};
            demand.pc4s.push_back(std::move(a));
        }
        std::sort(demand.pc4s.begin(), demand.pc4s.end(), [](const auto& a, const auto& b) { return a.pc4 < b.pc4; });
        for (std::size_t i = 0; i < 12; ++i) {
            coverage::LibraryBuilding b;
            char id[32];  // room for any size_t: GCC -Wformat-truncation in the sanitizer build
            std::snprintf(id, sizeof id, "BIB-R-%02zu", i);
            b.id = id;
            b.naam = b.id;
            // some libraries on a PC4 point (a tie with that candidate), some without a postcode
            const auto& on = demand.pc4s[rng() % demand.pc4s.size()];
            b.position = (i % 3 == 0) ? on.position : *geo::Transformer::to_wgs84({x(rng), y(rng)});
            b.rd = *geo::Transformer::to_rd(b.position);
            b.postcode = (i % 4 == 1) ? "" : on.pc4 + "AB";
            b.gemeentecode = gms[rng() % gms.size()];
            demand.bibliotheken.push_back(std::move(b));
        }
        std::vector<geo::Location> locations;
        const std::vector<std::string> soorten{"ido-voorbeeld", "bibliotheekgebouw", "gegenereerd"};
        for (std::size_t i = 0; i < 2 + seed; ++i) {
            char id[32];  // room for any size_t: GCC -Wformat-truncation in the sanitizer build
            std::snprintf(id, sizeof id, "R-%03zu", i);
            locations.push_back(make(id, soorten[rng() % 3], *geo::Transformer::to_wgs84({x(rng), y(rng)}), "GM0014"));
        }
        geo::Snapshot snapshot(locations, municipalities());
        const CoverageAnalysis analysis(snapshot, std::make_shared<const coverage::Demand>(std::move(demand)));
        for (const auto& gm : gms)
            for (const double t : {800.0, 2500.0, 6000.0})
                for (const std::size_t n : {std::size_t{1}, std::size_t{3}, std::size_t{5}}) {
                    expect_same(analysis, gm, {t, n, {}, {}}, "random seed " + std::to_string(seed));
                    expect_same(analysis, gm, {t, n, {"gegenereerd"}, {{52.1, 5.3}}}, "random filtered seed " + std::to_string(seed));
                }
    }
}

TEST(AdviceErrors, EachBadInputGivesItsCode) {
    geo::Snapshot snapshot(shipped_locations(), municipalities());
    const CoverageAnalysis analysis(snapshot, shipped_demand());
    const auto codes = [&](std::string_view gm, const AdviceOptions& o) {
        std::set<std::string> out;
        const auto r = coverage::advise(analysis, gm, o);
        if (const auto* e = std::get_if<std::vector<coverage::CoverageError>>(&r))
            for (const auto& x : *e) out.insert(std::string(coverage::to_string(x.code)) + "@" + x.veld);
        return out;
    };
    using S = std::set<std::string>;
    EXPECT_EQ(codes("GM9999", {}), S{"onbekende-gemeente@gemeentecode"});
    EXPECT_EQ(codes("GM0363", {3000, 0, {}, {}}), S{"ongeldig-aantal-locaties@aantal"});
    EXPECT_EQ(codes("GM0363", {3000, 6, {}, {}}), S{"ongeldig-aantal-locaties@aantal"});
    EXPECT_TRUE(codes("GM0363", {3000, 5, {}, {}}).empty());
    EXPECT_EQ(codes("GM0363", {60000, 1, {}, {}}), S{"drempel-buiten-bereik@drempel"});
    EXPECT_EQ(codes("GM0363", {3000, 1, {"onzin"}, {}}), S{"onbekende-herkomst@soorten[0]"});
    EXPECT_EQ(codes("GM0363", {3000, 1, {}, std::vector<geo::Wgs84>(11, {52.0, 5.0})}), S{"te-veel-extra-posities@extraPosities"});
    EXPECT_EQ(codes("GM0363", {3000, 1, {}, {{40.0, 5.0}}}), S{"buiten-nederland@extraPosities[0]"});
    EXPECT_EQ(codes("XX", {50, 9, {}, {}}), (S{"onbekende-gemeente@gemeentecode", "drempel-buiten-bereik@drempel", "ongeldig-aantal-locaties@aantal"}));
}

TEST(AdviceShipped, SitesAreCandidatesWithoutAHelpPointNearby) {
    geo::Snapshot snapshot(shipped_locations(), municipalities());
    const CoverageAnalysis analysis(snapshot, shipped_demand());
    const auto advice = ok(coverage::advise(analysis, "GM1966", {3000, 5, {}, {}}));
    ASSERT_FALSE(advice.locaties.empty());
    EXPECT_GT(advice.kandidaten, 0u);
    std::vector<geo::RdPoint> placed;
    for (const auto& site : advice.locaties) {
        const auto rd = *geo::Transformer::to_rd(site.positie);
        for (const auto& l : snapshot.locations()) EXPECT_GT(dist(rd, l.rd), coverage::kandidaat_min_afstand_m) << site.id;
        for (const auto& p : placed) EXPECT_GT(dist(rd, p), coverage::kandidaat_min_afstand_m) << site.id;
        placed.push_back(rd);
        EXPECT_GT(site.winst, 0);
    }
    for (std::size_t i = 1; i < advice.locaties.size(); ++i) EXPECT_GE(advice.locaties[i - 1].winst, advice.locaties[i].winst);
}
