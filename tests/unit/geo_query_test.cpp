// The query facade (geo/query.hpp) against a brute-force scan of the whole snapshot: thousands of random
// queries (filters, boxes in both spaces, radii, paging) must give the same locations in the same order.
#include "geo/locator.hpp"
#include "geo/opening.hpp"
#include "geo/query.hpp"
#include "geo/transformer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

using ido::geo::AreaBox;
using ido::geo::LocationFilter;
using ido::geo::Neighbour;
using ido::geo::Snapshot;

const Snapshot& shipped() {
    static auto locator = ido::geo::Locator::from_data_directory(IDO_SOURCE_DIR "/data");
    static auto snapshot = locator->snapshot();
    return *snapshot;
}

// The conditions written out again, independently of LocationFilter::accepts.
bool brute_accepts(const Snapshot& s, const LocationFilter& f, std::size_t i) {
    const auto& l = s.locations()[i];
    if (f.municipality && s.municipality_of(i) != *f.municipality) return false;
    for (const auto& d : f.diensten)
        if (std::find(l.diensten.begin(), l.diensten.end(), d) == l.diensten.end()) return false;
    if (f.op_afspraak) {
        if (*f.op_afspraak && !l.afspraak_mogelijk) return false;
        if (!*f.op_afspraak && (l.afspraak_mogelijk || !(l.op_afspraak.has_value() && !*l.op_afspraak))) return false;
    }
    if (f.inloop && !(l.inloop.has_value() && *l.inloop == *f.inloop)) return false;
    for (const auto at : f.open_at)
        if (ido::geo::opening_status(l, at).state != ido::hours::State::open) return false;
    if (f.box) {
        const double x = f.box->space == AreaBox::Space::rd ? l.rd.x : l.position.lon;
        const double y = f.box->space == AreaBox::Space::rd ? l.rd.y : l.position.lat;
        if (x < f.box->min_x || x > f.box->max_x || y < f.box->min_y || y > f.box->max_y) return false;
    }
    return true;
}

// Every match by (distance, index), as the API orders the nearest answers.
std::vector<Neighbour> brute_nearest(const Snapshot& s, const LocationFilter& f, ido::geo::RdPoint origin) {
    std::vector<Neighbour> all;
    for (std::size_t i = 0; i < s.locations().size(); ++i) {
        if (!brute_accepts(s, f, i)) continue;
        const auto& p = s.locations()[i].rd;
        all.push_back({i, std::sqrt((p.x - origin.x) * (p.x - origin.x) + (p.y - origin.y) * (p.y - origin.y))});
    }
    std::sort(all.begin(), all.end(), [](const Neighbour& a, const Neighbour& b) {
        return a.distance_m < b.distance_m || (a.distance_m == b.distance_m && a.index < b.index);
    });
    return all;
}

struct RandomQueries {
    std::mt19937_64 rng{20261201};
    const Snapshot& s = shipped();
    std::vector<std::string> codes;

    RandomQueries() {
        std::set<std::string> seen;
        for (const auto& l : s.locations()) seen.insert(l.diensten.begin(), l.diensten.end());
        codes.assign(seen.begin(), seen.end());
        codes.push_back("bestaat-niet");
    }
    double uniform(double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); }
    bool chance(double p) { return std::bernoulli_distribution(p)(rng); }
    std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); }

    LocationFilter filter() {
        LocationFilter f;
        if (chance(0.3)) f.diensten.push_back(codes[below(codes.size())]);
        if (chance(0.1)) f.diensten.push_back(codes[below(codes.size())]);
        if (chance(0.15)) f.municipality = s.municipality_of(below(s.locations().size()));
        if (chance(0.2)) f.op_afspraak = chance(0.5);
        if (chance(0.2)) f.inloop = chance(0.5);
        if (chance(0.15)) {
            // A moment in a week of 2026, at a random minute: some help points open, most closed.
            const auto monday = std::chrono::sys_days{std::chrono::year{2026} / 3 / 2};
            f.open_at.push_back(std::chrono::time_point_cast<std::chrono::seconds>(monday) +
                                std::chrono::minutes(static_cast<long>(below(7 * 24 * 60))));
        }
        if (chance(0.4)) f.box = box();
        return f;
    }
    AreaBox box() {
        AreaBox b;
        // Often an edge exactly on a help point, so "edges included" is tested too.
        const auto& l = s.locations()[below(s.locations().size())];
        if (chance(0.5)) {
            b.space = AreaBox::Space::rd;
            const double w = uniform(100, 120000), h = uniform(100, 120000);
            b.min_x = chance(0.3) ? l.rd.x : l.rd.x - uniform(0, w);
            b.min_y = chance(0.3) ? l.rd.y : l.rd.y - uniform(0, h);
            b.max_x = b.min_x + w;
            b.max_y = b.min_y + h;
        } else {
            b.space = AreaBox::Space::lon_lat;
            const double w = uniform(0.001, 2), h = uniform(0.001, 1.5);
            b.min_x = chance(0.3) ? l.position.lon : l.position.lon - uniform(0, w);
            b.min_y = chance(0.3) ? l.position.lat : l.position.lat - uniform(0, h);
            b.max_x = chance(0.2) ? l.position.lon : b.min_x + w;
            b.max_y = chance(0.2) ? l.position.lat : b.min_y + h;
        }
        return b;
    }
    ido::geo::RdPoint origin() {
        // Sometimes exactly on a help point (distance 0, and ties with duplicates).
        if (chance(0.2)) return s.locations()[below(s.locations().size())].rd;
        return {uniform(10000, 280000), uniform(300000, 620000)};
    }
};

TEST(GeoQuery, NearestEqualsBruteForce) {
    RandomQueries r;
    for (int n = 0; n < 4000; ++n) {
        ido::geo::NearestQuery q;
        q.origin = r.origin();
        q.filter = r.filter();
        q.limit = 1 + r.below(r.chance(0.5) ? 10 : 100);
        q.offset = r.chance(0.5) ? 0 : r.below(120);
        if (r.chance(0.4)) q.max_afstand_m = r.uniform(0, 60000);
        const auto got = ido::geo::nearest(r.s, q);
        auto all = brute_nearest(r.s, q.filter, q.origin);
        if (q.max_afstand_m)
            std::erase_if(all, [&](const Neighbour& x) { return !(x.distance_m <= *q.max_afstand_m); });
        std::vector<Neighbour> page;
        for (std::size_t i = q.offset; i < all.size() && page.size() < q.limit; ++i) page.push_back(all[i]);
        ASSERT_EQ(got.page.size(), page.size()) << "query " << n;
        for (std::size_t i = 0; i < page.size(); ++i) {
            ASSERT_EQ(got.page[i].index, page[i].index) << "query " << n << " answer " << i;
            ASSERT_DOUBLE_EQ(got.page[i].distance_m, page[i].distance_m) << "query " << n << " answer " << i;
        }
        ASSERT_EQ(got.more, all.size() > q.offset + q.limit) << "query " << n;
    }
}

TEST(GeoQuery, AreaEqualsBruteForce) {
    RandomQueries r;
    std::size_t nonempty = 0;
    for (int n = 0; n < 4000; ++n) {
        const auto f = r.filter();
        std::vector<std::size_t> expected;
        for (std::size_t i = 0; i < r.s.locations().size(); ++i)
            if (brute_accepts(r.s, f, i)) expected.push_back(i);
        ASSERT_EQ(ido::geo::area(r.s, f), expected) << "query " << n;
        nonempty += !expected.empty() && expected.size() < r.s.locations().size();
    }
    EXPECT_GT(nonempty, 1000u);  // the queries are not all trivial
}

TEST(GeoQuery, ListPagesEqualBruteForce) {
    RandomQueries r;
    for (int n = 0; n < 3000; ++n) {
        ido::geo::ListQuery q;
        q.filter = r.filter();
        q.limit = 1 + r.below(r.chance(0.5) ? 20 : 1000);
        if (r.chance(0.5)) {
            // After an existing id, or after a text between ids.
            const auto& id = r.s.locations()[r.below(r.s.locations().size())].id;
            q.after = r.chance(0.7) ? id : id + "0";
        }
        std::vector<std::size_t> all;
        for (std::size_t i = 0; i < r.s.locations().size(); ++i)
            if ((!q.after || r.s.locations()[i].id > *q.after) && brute_accepts(r.s, q.filter, i)) all.push_back(i);
        const auto got = ido::geo::list(r.s, q);
        const std::vector<std::size_t> page(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(all.size(), q.limit)));
        ASSERT_EQ(got.page, page) << "query " << n;
        ASSERT_EQ(got.more, all.size() > q.limit) << "query " << n;
    }
}

// Following `more` page by page visits every match once, in id order.
TEST(GeoQuery, ListPagingWalksEveryMatchOnce) {
    RandomQueries r;
    for (int n = 0; n < 200; ++n) {
        ido::geo::ListQuery q;
        q.filter = r.filter();
        q.limit = 1 + r.below(50);
        std::vector<std::size_t> walked;
        for (;;) {
            const auto got = ido::geo::list(r.s, q);
            walked.insert(walked.end(), got.page.begin(), got.page.end());
            if (!got.more) break;
            q.after = r.s.locations()[got.page.back()].id;
        }
        EXPECT_EQ(walked, ido::geo::area(r.s, q.filter)) << "query " << n;
    }
}

}  // namespace
