// Property tests of the coverage figures (geo/coverage/coverage.hpp): every figure equals a brute-force
// computation over all PC4s x all help points, on the shipped data and on random data; municipalities
// add up to the country; herkomst filtering equals a snapshot with only those help points; a what-if
// position equals adding a help point there; bad input gives its code.
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
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace ido;
using namespace ido::test;  // the shared data and oracle pieces (tests/support/coverage_data.hpp)
using coverage::CoverageAnalysis;
using coverage::CoverageOptions;
using coverage::ErrorCode;

namespace {

// ---- brute force ---------------------------------------------------------------------------------

struct BruteReach {
    double d = std::numeric_limits<double>::infinity();
    std::string id;        // empty for a what-if position
    long extra = -1;
};

bool counted(const geo::Location& l, const std::vector<std::string>& soorten) {
    return soorten.empty() || std::find(soorten.begin(), soorten.end(), soort_of(l)) != soorten.end();
}

// Every help point, then every what-if position (strictly nearer only), for one point. `counted` holds
// the counted help points in id order, so the first of equals is the lowest index.
BruteReach brute_reach(geo::RdPoint p, const std::vector<const geo::Location*>& counted, const std::vector<geo::RdPoint>& extra) {
    BruteReach best;
    for (const auto* l : counted) {
        const double d = dist(p, l->rd);
        if (d < best.d) best = {d, l->id, -1};
    }
    for (std::size_t e = 0; e < extra.size(); ++e) {
        const double d = dist(p, extra[e]);
        if (d < best.d) best = {d, "", static_cast<long>(e)};
    }
    return best;
}

struct BruteGap {
    std::string pc4;
    std::int64_t inwoners;
    double d;
    std::string id;
    long extra;
};

struct BruteFigures {
    std::int64_t inwoners = 0;
    double mean = 0, median = 0;
    std::vector<std::int64_t> within;
    std::vector<std::vector<BruteGap>> gaps;
};

BruteFigures brute_figures(const coverage::Demand& demand, const std::string& gemeentecode /* empty = all */,
                           const std::vector<geo::Location>& sorted_locations, const CoverageOptions& options,
                           const std::vector<geo::RdPoint>& extra) {
    std::vector<std::size_t> set;
    for (std::size_t p = 0; p < demand.pc4s.size(); ++p)
        if (gemeentecode.empty() || demand.pc4s[p].gemeentecode == gemeentecode) set.push_back(p);
    std::vector<const geo::Location*> counting;
    for (const auto& l : sorted_locations)
        if (counted(l, options.soorten)) counting.push_back(&l);
    std::vector<BruteReach> r;
    for (const auto p : set) r.push_back(brute_reach(demand.pc4s[p].rd, counting, extra));
    BruteFigures f;
    double sum = 0;
    for (std::size_t i = 0; i < set.size(); ++i) {
        const auto w = demand.pc4s[set[i]].inwoners;
        f.inwoners += w;
        sum += static_cast<double>(w) * r[i].d;
    }
    f.mean = sum / static_cast<double>(f.inwoners);
    // the median by definition: the smallest distance with at least half of the residents within it
    f.median = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < set.size(); ++i) {
        if (demand.pc4s[set[i]].inwoners == 0) continue;
        std::int64_t within = 0;
        for (std::size_t j = 0; j < set.size(); ++j)
            if (r[j].d <= r[i].d) within += demand.pc4s[set[j]].inwoners;
        if (2 * within >= f.inwoners) f.median = std::min(f.median, r[i].d);
    }
    for (const double t : options.drempels_m) {
        std::int64_t within = 0;
        std::vector<BruteGap> gaps;
        for (std::size_t i = 0; i < set.size(); ++i) {
            const auto& a = demand.pc4s[set[i]];
            if (r[i].d <= t) within += a.inwoners;
            else if (a.inwoners > 0) gaps.push_back({a.pc4, a.inwoners, r[i].d, r[i].id, r[i].extra});
        }
        std::sort(gaps.begin(), gaps.end(), [](const BruteGap& a, const BruteGap& b) {
            return a.inwoners != b.inwoners ? a.inwoners > b.inwoners : a.pc4 < b.pc4;
        });
        f.within.push_back(within);
        f.gaps.push_back(std::move(gaps));
    }
    return f;
}

void expect_equal(const coverage::CoverageFigures& got, const BruteFigures& want, const coverage::Demand& demand,
                  const std::string& what) {
    SCOPED_TRACE(what);
    ASSERT_EQ(got.inwoners, want.inwoners);
    ASSERT_TRUE(got.gemiddelde_afstand_m && got.mediaan_afstand_m);
    EXPECT_NEAR(*got.gemiddelde_afstand_m, want.mean, 1e-9 * std::max(1.0, want.mean));
    EXPECT_EQ(*got.mediaan_afstand_m, want.median);
    ASSERT_EQ(got.drempels.size(), want.within.size());
    for (std::size_t t = 0; t < want.within.size(); ++t) {
        const auto& tc = got.drempels[t];
        EXPECT_EQ(tc.inwoners_binnen, want.within[t]) << "threshold " << tc.drempel_m;
        EXPECT_EQ(tc.inwoners_binnen + tc.inwoners_buiten, want.inwoners);
        ASSERT_TRUE(tc.aandeel);
        EXPECT_DOUBLE_EQ(*tc.aandeel, static_cast<double>(want.within[t]) / static_cast<double>(want.inwoners));
        ASSERT_EQ(tc.witte_vlekken.size(), want.gaps[t].size()) << "threshold " << tc.drempel_m;
        for (std::size_t g = 0; g < tc.witte_vlekken.size(); ++g) {
            const auto& a = tc.witte_vlekken[g];
            const auto& b = want.gaps[t][g];
            EXPECT_EQ(a.pc4, b.pc4);
            EXPECT_EQ(a.inwoners, b.inwoners);
            EXPECT_EQ(a.afstand_m, b.d) << a.pc4;
            EXPECT_EQ(a.informatiepunt_id, b.id) << a.pc4;
            EXPECT_EQ(a.extra_positie ? static_cast<long>(*a.extra_positie) : -1L, b.extra) << a.pc4;
            const auto it = std::lower_bound(demand.pc4s.begin(), demand.pc4s.end(), a.pc4,
                                             [](const coverage::Pc4Area& x, const std::string& k) { return x.pc4 < k; });
            ASSERT_NE(it, demand.pc4s.end());
            EXPECT_EQ(a.woonplaatsen, it->woonplaatsen);
        }
    }
}

// The answer of a call that must succeed (by value: the result is a temporary).
template <class T>
T ok(coverage::CoverageResult<T> r) {
    if (const auto* e = std::get_if<std::vector<coverage::CoverageError>>(&r)) {
        ADD_FAILURE() << "unexpected error " << coverage::to_string(e->front().code) << " " << e->front().veld;
        return T{};
    }
    return std::get<T>(std::move(r));
}

template <class T>
std::set<std::string> codes(const coverage::CoverageResult<T>& r) {
    std::set<std::string> out;
    if (const auto* e = std::get_if<std::vector<coverage::CoverageError>>(&r))
        for (const auto& x : *e) out.insert(std::string(coverage::to_string(x.code)) + "@" + x.veld);
    return out;
}

std::vector<geo::RdPoint> rd_of(const std::vector<geo::Wgs84>& positions) {
    std::vector<geo::RdPoint> out;
    for (const auto& p : positions) out.push_back(*geo::Transformer::to_rd(p));
    return out;
}

std::vector<geo::Location> sorted(std::vector<geo::Location> v) {
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return v;
}

// ---- random data -----------------------------------------------------------------------------------

struct World {
    std::shared_ptr<const coverage::Demand> demand;
    std::vector<geo::Location> locations;  // sorted by id
    std::unique_ptr<geo::Snapshot> snapshot;
};

// PC4s in a few real municipalities (the analysis takes a PC4's municipality from the demand file);
// help points of every soort, one unknown soort among them, uniform over the RD box of the country.
World random_world(unsigned seed, std::size_t pc4s, std::size_t points) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> x(20000, 270000), y(310000, 610000);
    const std::vector<std::string> gms{"GM0014", "GM0363", "GM0344", "GM1680", "GM0935"};
    coverage::Demand demand;
    for (std::size_t i = 0; i < pc4s; ++i) {
        coverage::Pc4Area a;
        a.pc4 = std::to_string(1000 + i);
        a.rd = {x(rng), y(rng)};
        a.position = *geo::Transformer::to_wgs84(a.rd);
        a.rd = *geo::Transformer::to_rd(a.position);
        const auto kind = rng() % 10;
        a.inwoners = kind == 0 ? 0 : static_cast<std::int64_t>(rng() % 4000) * 5;
        if (kind == 1) {
            a.inwoners_geheim = true;
            a.inwoners = 0;
        }
        if (kind == 2) a.inwoners = 1000;  // many equal weights: ties in the gap order and the median
        a.gemeentecode = gms[rng() % gms.size()];
        a.woonplaatsen = {"Plaats " + std::to_string(i % 7)};
        demand.pc4s.push_back(std::move(a));
    }
    World w;
    w.demand = std::make_shared<const coverage::Demand>(std::move(demand));
    const std::vector<std::string> soorten{"ido-voorbeeld", "bibliotheekgebouw", "gegenereerd", "beheer", "eigen-soort"};
    for (std::size_t i = 0; i < points; ++i) {
        geo::Wgs84 p;
        do p = *geo::Transformer::to_wgs84({x(rng), y(rng)});
        while (!geo::near_netherlands(p));
        char id[32];  // room for any size_t: GCC -Wformat-truncation in the sanitizer build
        std::snprintf(id, sizeof id, "R-%05zu", i);
        w.locations.push_back(make(id, soorten[rng() % soorten.size()], p, gms[rng() % gms.size()]));
    }
    // two help points on the same spot: the tie goes to the lower id
    w.locations.push_back(make("R-99998", "gegenereerd", w.locations.front().position, "GM0014"));
    w.locations = sorted(std::move(w.locations));
    w.snapshot = std::make_unique<geo::Snapshot>(w.locations, municipalities());
    return w;
}

void check_against_brute_force(const CoverageAnalysis& analysis, const std::vector<geo::Location>& sorted_locations,
                               const CoverageOptions& options, const std::vector<std::string>& gemeenten, const std::string& what) {
    const auto& demand = analysis.demand();
    const auto extra = rd_of(options.extra_posities);
    const auto& national = ok(analysis.national(options));
    expect_equal(national.land, brute_figures(demand, "", sorted_locations, options, extra), demand, what + " land");
    for (const auto& gm : gemeenten) {
        const auto& one = ok(analysis.municipality(gm, options));
        const auto want = brute_figures(demand, gm, sorted_locations, options, extra);
        expect_equal(one.cijfers, want, demand, what + " " + gm);
        // the national answer's entry for the municipality is the same
        const auto it = std::find_if(national.gemeenten.begin(), national.gemeenten.end(),
                                     [&](const auto& m) { return m.gemeentecode == gm; });
        ASSERT_NE(it, national.gemeenten.end());
        expect_equal(it->cijfers, want, demand, what + " national entry " + gm);
    }
}

}  // namespace

// ---- shipped data ------------------------------------------------------------------------------------

TEST(CoverageShipped, NationalFiguresEqualBruteForce) {
    geo::Snapshot snapshot(shipped_locations(), municipalities());
    const CoverageAnalysis analysis(snapshot, shipped_demand());
    check_against_brute_force(analysis, snapshot.locations(), {}, {"GM0363", "GM1680", "GM0014", "GM1900", "GM0088"}, "default");
}

TEST(CoverageShipped, EveryMunicipalityEqualsBruteForce) {
    geo::Snapshot snapshot(shipped_locations(), municipalities());
    const CoverageAnalysis analysis(snapshot, shipped_demand());
    const CoverageOptions options{{500, 2500, 7500}, {"ido-voorbeeld", "bibliotheekgebouw"}, {}};
    const auto& national = ok(analysis.national(options));
    ASSERT_EQ(national.gemeenten.size(), 342u);
    for (const auto& m : national.gemeenten)
        expect_equal(m.cijfers, brute_figures(analysis.demand(), m.gemeentecode, snapshot.locations(), options, {}),
                     analysis.demand(), m.gemeentecode);
}

TEST(CoverageShipped, MunicipalitiesAddUpToTheCountry) {
    geo::Snapshot snapshot(shipped_locations(), municipalities());
    const CoverageAnalysis analysis(snapshot, shipped_demand());
    for (const auto& options : {CoverageOptions{}, CoverageOptions{{1000, 3000, 5000, 10000}, {"ido-voorbeeld"}, {}}}) {
        const auto& national = ok(analysis.national(options));
        EXPECT_EQ(national.land.inwoners, 17472870);
        EXPECT_EQ(national.land.pc4s, 4067u);
        std::int64_t residents = 0;
        std::size_t pc4s = 0, points = 0;
        std::vector<std::int64_t> within(options.drempels_m.size()), gaps(options.drempels_m.size());
        for (const auto& m : national.gemeenten) {
            residents += m.cijfers.inwoners;
            pc4s += m.cijfers.pc4s;
            points += m.informatiepunten;
            EXPECT_GT(m.cijfers.inwoners, 0) << m.gemeentecode;
            for (std::size_t t = 0; t < within.size(); ++t) {
                within[t] += m.cijfers.drempels[t].inwoners_binnen;
                gaps[t] += static_cast<std::int64_t>(m.cijfers.drempels[t].witte_vlekken.size());
            }
        }
        EXPECT_EQ(residents, national.land.inwoners);
        EXPECT_EQ(pc4s, national.land.pc4s);
        EXPECT_EQ(points, national.informatiepunten);  // every shipped help point lies in one municipality
        for (std::size_t t = 0; t < within.size(); ++t) {
            EXPECT_EQ(within[t], national.land.drempels[t].inwoners_binnen);
            EXPECT_EQ(gaps[t], static_cast<std::int64_t>(national.land.drempels[t].witte_vlekken.size()));
        }
    }
}

TEST(CoverageShipped, HerkomstFilterEqualsASnapshotWithOnlyThoseHelpPoints) {
    geo::Snapshot all(shipped_locations(), municipalities());
    const CoverageAnalysis analysis(all, shipped_demand());
    for (const std::vector<std::string>& soorten : std::vector<std::vector<std::string>>{
             {"ido-voorbeeld"}, {"bibliotheekgebouw"}, {"gegenereerd"}, {"ido-voorbeeld", "bibliotheekgebouw"}}) {
        std::vector<geo::Location> kept;
        for (const auto& l : shipped_locations())
            if (std::find(soorten.begin(), soorten.end(), soort_of(l)) != soorten.end()) kept.push_back(l);
        ASSERT_FALSE(kept.empty());
        geo::Snapshot only(kept, municipalities());
        const CoverageAnalysis filtered(only, shipped_demand());
        CoverageOptions options;
        options.soorten = soorten;
        const auto& a = ok(analysis.national(options));
        const auto& b = ok(filtered.national({}));
        EXPECT_EQ(a.informatiepunten, kept.size());
        EXPECT_EQ(a.informatiepunten, b.informatiepunten);
        EXPECT_EQ(a.land.gemiddelde_afstand_m, b.land.gemiddelde_afstand_m);
        EXPECT_EQ(a.land.mediaan_afstand_m, b.land.mediaan_afstand_m);
        for (std::size_t m = 0; m < a.gemeenten.size(); ++m) {
            EXPECT_EQ(a.gemeenten[m].informatiepunten, b.gemeenten[m].informatiepunten);
            EXPECT_EQ(a.gemeenten[m].cijfers.gemiddelde_afstand_m, b.gemeenten[m].cijfers.gemiddelde_afstand_m);
            for (std::size_t t = 0; t < options.drempels_m.size(); ++t) {
                EXPECT_EQ(a.gemeenten[m].cijfers.drempels[t].inwoners_binnen, b.gemeenten[m].cijfers.drempels[t].inwoners_binnen);
                EXPECT_EQ(a.gemeenten[m].cijfers.drempels[t].witte_vlekken.size(), b.gemeenten[m].cijfers.drempels[t].witte_vlekken.size());
            }
        }
        // and fewer help points never brings anyone nearer
        const auto& everything = ok(analysis.national({}));
        EXPECT_GE(*a.land.gemiddelde_afstand_m, *everything.land.gemiddelde_afstand_m);
    }
}

TEST(CoverageShipped, WhatIfEqualsAddingAHelpPoint) {
    geo::Snapshot base(shipped_locations(), municipalities());
    const CoverageAnalysis analysis(base, shipped_demand());
    // A village far from any help point, a city centre, and a point exactly on an existing help point.
    const std::vector<geo::Wgs84> positions{{53.3, 6.9}, {52.09, 5.12}, shipped_locations()[17].position};
    CoverageOptions options;
    options.extra_posities = positions;
    auto with = shipped_locations();
    for (std::size_t i = 0; i < positions.size(); ++i) with.push_back(make("ZZ-WHATIF-" + std::to_string(i), "ido-voorbeeld", positions[i], "GM0014"));
    geo::Snapshot added(with, municipalities());
    const CoverageAnalysis reference(added, shipped_demand());
    const auto& a = ok(analysis.national(options));
    const auto& b = ok(reference.national({}));
    EXPECT_EQ(a.land.gemiddelde_afstand_m, b.land.gemiddelde_afstand_m);
    EXPECT_EQ(a.land.mediaan_afstand_m, b.land.mediaan_afstand_m);
    for (std::size_t m = 0; m < a.gemeenten.size(); ++m)
        for (std::size_t t = 0; t < options.drempels_m.size(); ++t) {
            const auto& ga = a.gemeenten[m].cijfers.drempels[t];
            const auto& gb = b.gemeenten[m].cijfers.drempels[t];
            EXPECT_EQ(ga.inwoners_binnen, gb.inwoners_binnen);
            ASSERT_EQ(ga.witte_vlekken.size(), gb.witte_vlekken.size());
            for (std::size_t g = 0; g < ga.witte_vlekken.size(); ++g) {
                EXPECT_EQ(ga.witte_vlekken[g].pc4, gb.witte_vlekken[g].pc4);
                EXPECT_EQ(ga.witte_vlekken[g].afstand_m, gb.witte_vlekken[g].afstand_m);
                // the help point that serves it: the same one, or the what-if position in place of the added one
                if (gb.witte_vlekken[g].informatiepunt_id.rfind("ZZ-WHATIF-", 0) == 0)
                    EXPECT_EQ(ga.witte_vlekken[g].extra_positie.value_or(99), std::stoul(gb.witte_vlekken[g].informatiepunt_id.substr(10)));
                else
                    EXPECT_EQ(ga.witte_vlekken[g].informatiepunt_id, gb.witte_vlekken[g].informatiepunt_id);
            }
        }
    // A help point where there was none brings residents nearer, never farther.
    const auto& before = ok(analysis.national({}));
    EXPECT_LT(*a.land.gemiddelde_afstand_m, *before.land.gemiddelde_afstand_m);
    check_against_brute_force(analysis, base.locations(), options, {"GM1966", "GM0344", "GM0014"}, "what-if");
}

TEST(CoverageShipped, WitteVlekkenAreOrderedAndBeyondTheThreshold) {
    geo::Snapshot snapshot(shipped_locations(), municipalities());
    const CoverageAnalysis analysis(snapshot, shipped_demand());
    const auto& m = ok(analysis.municipality("GM1966", {}));  // Het Hogeland: rural, many gaps
    EXPECT_EQ(m.gemeentenaam, "Het Hogeland");
    for (const auto& t : m.cijfers.drempels) {
        for (std::size_t g = 0; g < t.witte_vlekken.size(); ++g) {
            EXPECT_GT(t.witte_vlekken[g].afstand_m, t.drempel_m);
            EXPECT_GT(t.witte_vlekken[g].inwoners, 0);
            EXPECT_FALSE(t.witte_vlekken[g].woonplaatsen.empty());
            if (g > 0) {
                EXPECT_GE(t.witte_vlekken[g - 1].inwoners, t.witte_vlekken[g].inwoners);
            }
        }
    }
    EXPECT_FALSE(m.cijfers.drempels.front().witte_vlekken.empty());
}

// ---- random data ---------------------------------------------------------------------------------------

TEST(CoverageRandom, FiguresEqualBruteForce) {
    const std::vector<std::string> gms{"GM0014", "GM0363", "GM0344", "GM1680", "GM0935"};
    for (unsigned seed = 1; seed <= 6; ++seed) {
        const World w = random_world(seed, 400 + 50 * seed, 3 + 40 * seed);
        const CoverageAnalysis analysis(*w.snapshot, w.demand);
        check_against_brute_force(analysis, w.snapshot->locations(), {}, gms, "all, seed " + std::to_string(seed));
        check_against_brute_force(analysis, w.snapshot->locations(), {{100, 4000, 12345.5, 50000}, {"ido-voorbeeld", "bibliotheekgebouw", "gegenereerd"}, {}},
                                  gms, "known soorten, seed " + std::to_string(seed));
        check_against_brute_force(analysis, w.snapshot->locations(), {{20000, 2000}, {"gegenereerd", "beheer"}, {{52.0, 5.0}, {53.0, 6.5}, {51.5, 4.0}}},
                                  gms, "what-if, seed " + std::to_string(seed));
    }
}

TEST(CoverageRandom, AnUnknownSoortCountsOnlyWhenAllCount) {
    const World w = random_world(42, 300, 60);
    const CoverageAnalysis analysis(*w.snapshot, w.demand);
    const auto r = analysis.resolve({{1000}, {"ido-voorbeeld", "bibliotheekgebouw", "gegenereerd", "beheer", "import"}, {}});
    const auto all = analysis.resolve({});
    ASSERT_TRUE(std::holds_alternative<coverage::Counting>(r) && std::holds_alternative<coverage::Counting>(all));
    std::size_t others = 0;
    for (std::size_t i = 0; i < w.snapshot->locations().size(); ++i) {
        const bool other = soort_of(w.snapshot->locations()[i]) == "eigen-soort";
        others += other;
        EXPECT_EQ(analysis.counts(std::get<coverage::Counting>(r), i), !other);
        EXPECT_TRUE(analysis.counts(std::get<coverage::Counting>(all), i));
    }
    EXPECT_GT(others, 0u);
}

// ---- bad input -------------------------------------------------------------------------------------------

TEST(CoverageErrors, EachBadInputGivesItsCode) {
    geo::Snapshot snapshot(shipped_locations(), municipalities());
    const CoverageAnalysis analysis(snapshot, shipped_demand());
    using S = std::set<std::string>;
    EXPECT_EQ(codes(analysis.municipality("GM9999", {})), S{"onbekende-gemeente@gemeentecode"});
    EXPECT_EQ(codes(analysis.municipality("", {})), S{"onbekende-gemeente@gemeentecode"});
    EXPECT_EQ(codes(analysis.national({{}, {}, {}})), S{"ongeldig-aantal-drempels@drempels"});
    EXPECT_EQ(codes(analysis.national({{1, 2, 3, 4, 5, 6, 7, 8, 9}, {}, {}})).count("ongeldig-aantal-drempels@drempels"), 1u);
    EXPECT_EQ(codes(analysis.national({{1000, 99.9, 50000.1, std::nan("")}, {}, {}})),
              (S{"drempel-buiten-bereik@drempels[1]", "drempel-buiten-bereik@drempels[2]", "drempel-buiten-bereik@drempels[3]"}));
    EXPECT_TRUE(codes(analysis.national({{100, 50000}, {}, {}})).empty());  // the edges are allowed
    EXPECT_EQ(codes(analysis.national({{1000, 3000, 1000}, {}, {}})), S{"dubbele-drempel@drempels[2]"});
    EXPECT_EQ(codes(analysis.national({{1000}, {"ido-voorbeeld", "eigen-soort"}, {}})), S{"onbekende-herkomst@soorten[1]"});
    EXPECT_TRUE(codes(analysis.national({{1000}, {"beheer", "import", "gegenereerd"}, {}})).empty());
    EXPECT_EQ(codes(analysis.national({{1000}, {}, std::vector<geo::Wgs84>(11, {52.0, 5.0})})), S{"te-veel-extra-posities@extraPosities"});
    EXPECT_TRUE(codes(analysis.national({{1000}, {}, std::vector<geo::Wgs84>(10, {52.0, 5.0})})).empty());
    EXPECT_EQ(codes(analysis.national({{1000}, {}, {{48.85, 2.35}, {52.0, 5.0}, {std::nan(""), 5.0}, {95.0, 5.0}}})),
              (S{"buiten-nederland@extraPosities[0]", "ongeldige-coordinaat@extraPosities[2]", "ongeldige-coordinaat@extraPosities[3]"}));
    // all problems at once, the unknown municipality among them
    EXPECT_EQ(codes(analysis.municipality("GM0000", {{10}, {"x"}, {}})),
              (S{"onbekende-gemeente@gemeentecode", "drempel-buiten-bereik@drempels[0]", "onbekende-herkomst@soorten[0]"}));
}

TEST(CoverageErrors, NothingToMeasureTo) {
    std::vector<geo::Location> generated_only;
    for (const auto& l : shipped_locations())
        if (soort_of(l) == "gegenereerd") generated_only.push_back(l);
    geo::Snapshot snapshot(generated_only, municipalities());
    const CoverageAnalysis analysis(snapshot, shipped_demand());
    EXPECT_EQ(codes(analysis.national({{1000}, {"ido-voorbeeld"}, {}})), std::set<std::string>{"geen-informatiepunten@soorten"});
    EXPECT_EQ(codes(analysis.municipality("GM0363", {{1000}, {"ido-voorbeeld"}, {}})), std::set<std::string>{"geen-informatiepunten@soorten"});
    // a what-if position alone is something to measure to
    EXPECT_TRUE(codes(analysis.national({{1000}, {"ido-voorbeeld"}, {{52.37, 4.9}}})).empty());
}

TEST(CoverageErrors, DemandFromAnotherMapIsRefused) {
    coverage::Demand demand;
    demand.pc4s.push_back({"1000", 5, false, {52.0, 5.0}, *geo::Transformer::to_rd({52.0, 5.0}), "GM0999", {"Nergens"}});
    geo::Snapshot snapshot(shipped_locations(), municipalities());
    EXPECT_THROW(CoverageAnalysis(snapshot, std::make_shared<const coverage::Demand>(demand)), std::invalid_argument);
}

// A hand-computed case for the edges the random data never hits: a PC4 exactly at a threshold is within
// it, the median of two equal halves is the lower distance, empty and secret PC4s weigh nothing.
TEST(CoverageExact, ThresholdEdgeAndLowerMedian) {
    const auto point = make("A-1", "ido-voorbeeld", {52.0907, 5.1214}, "GM0344");
    const geo::RdPoint o = point.rd;
    coverage::Demand demand;
    const auto area = [&](const char* pc4, std::int64_t inwoners, double dx, double dy, bool geheim = false) {
        coverage::Pc4Area a{pc4, inwoners, geheim, {52.09, 5.12}, {o.x + dx, o.y + dy}, "GM0344", {"Utrecht"}};
        return a;
    };
    demand.pc4s = {area("3511", 500, 1000, 0), area("3512", 500, 0, 3000.5), area("3513", 0, 0, -200),
                   area("3514", 0, 0, 9000, true)};
    ASSERT_EQ(dist(demand.pc4s[0].rd, o), 1000.0);  // the set-up really is exact
    geo::Snapshot snapshot({point}, municipalities());
    const CoverageAnalysis analysis(snapshot, std::make_shared<const coverage::Demand>(demand));
    const auto m = ok(analysis.municipality("GM0344", {{1000, 3000}, {}, {}}));
    EXPECT_EQ(m.informatiepunten, 1u);
    EXPECT_EQ(m.cijfers.inwoners, 1000);
    EXPECT_EQ(m.cijfers.pc4s, 4u);
    EXPECT_EQ(m.cijfers.mediaan_afstand_m, 1000.0);
    ASSERT_TRUE(m.cijfers.gemiddelde_afstand_m);
    EXPECT_NEAR(*m.cijfers.gemiddelde_afstand_m, 2000.25, 1e-9);
    ASSERT_EQ(m.cijfers.drempels.size(), 2u);
    EXPECT_EQ(m.cijfers.drempels[0].inwoners_binnen, 500);
    EXPECT_EQ(m.cijfers.drempels[0].aandeel, 0.5);
    ASSERT_EQ(m.cijfers.drempels[0].witte_vlekken.size(), 1u);  // not the empty 3513, not the secret 3514
    EXPECT_EQ(m.cijfers.drempels[0].witte_vlekken[0].pc4, "3512");
    EXPECT_EQ(m.cijfers.drempels[0].witte_vlekken[0].informatiepunt_id, "A-1");
    EXPECT_EQ(m.cijfers.drempels[1].inwoners_binnen, 500);
    // a what-if position half-way brings 3512 within 3 km
    const auto w = ok(analysis.municipality("GM0344", {{3000}, {}, {*geo::Transformer::to_wgs84({o.x, o.y + 1500})}}));
    EXPECT_EQ(w.cijfers.drempels[0].inwoners_binnen, 1000);
    EXPECT_TRUE(w.cijfers.drempels[0].witte_vlekken.empty());
}
