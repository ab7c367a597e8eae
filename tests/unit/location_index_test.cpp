#include "geo/location_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

using ido::geo::LocationIndex;
using ido::geo::Neighbour;
using ido::geo::RdBox;
using ido::geo::RdPoint;

namespace {

// Random points over the RD extent of the Netherlands, clustered like towns are, with exact duplicates
// mixed in so that ties happen.
std::vector<RdPoint> random_points(std::size_t n, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> x(13000, 278000), y(306000, 619000), jitter(-3000, 3000);
    std::vector<RdPoint> centres(50);
    for (auto& c : centres) c = {x(rng), y(rng)};
    std::vector<RdPoint> points;
    for (std::size_t i = 0; i < n; ++i) {
        if (i % 3 == 0) points.push_back({x(rng), y(rng)});
        else if (i % 3 == 1) points.push_back({centres[i % 50].x + jitter(rng), centres[i % 50].y + jitter(rng)});
        else points.push_back(points[(i * 7919) % points.size()]);  // duplicate
    }
    return points;
}

std::vector<Neighbour> brute_force(const std::vector<RdPoint>& points, RdPoint origin) {
    std::vector<Neighbour> all;
    for (std::size_t i = 0; i < points.size(); ++i)
        all.push_back({i, std::hypot(points[i].x - origin.x, points[i].y - origin.y)});
    std::sort(all.begin(), all.end(), [](const Neighbour& a, const Neighbour& b) {
        return a.distance_m < b.distance_m || (a.distance_m == b.distance_m && a.index < b.index);
    });
    return all;
}

}  // namespace

// The k nearest from the index equal a linear scan, for thousands of random queries.
TEST(LocationIndex, NearestEqualsBruteForce) {
    std::mt19937_64 rng(20261128);
    auto points = random_points(10000, rng);
    LocationIndex index(points);
    std::uniform_real_distribution<double> x(0, 300000), y(290000, 640000);
    for (int q = 0; q < 2000; ++q) {
        const RdPoint origin{x(rng), y(rng)};
        const std::size_t k = std::array<std::size_t, 5>{1, 5, 10, 37, 100}[q % 5];
        auto got = index.nearest(origin, k);
        auto expected = brute_force(points, origin);
        ASSERT_EQ(got.size(), k);
        for (std::size_t i = 0; i < k; ++i) {
            // Same distances in the same order; with ties the index order is the tie-break in both.
            ASSERT_DOUBLE_EQ(got[i].distance_m, expected[i].distance_m) << "query " << q << " rank " << i;
            ASSERT_EQ(got[i].index, expected[i].index) << "query " << q << " rank " << i;
        }
    }
}

TEST(LocationIndex, NearestWithFilterEqualsFilteredBruteForce) {
    std::mt19937_64 rng(7);
    auto points = random_points(5000, rng);
    LocationIndex index(points);
    auto accept = [](std::size_t i) { return i % 17 == 3; };  // a sparse subset, as a rare service would be
    std::uniform_real_distribution<double> x(0, 300000), y(290000, 640000);
    for (int q = 0; q < 500; ++q) {
        const RdPoint origin{x(rng), y(rng)};
        auto got = index.nearest(origin, 10, accept);
        std::vector<Neighbour> expected;
        for (const auto& n : brute_force(points, origin))
            if (accept(n.index)) expected.push_back(n);
        expected.resize(10);
        ASSERT_EQ(got.size(), 10u);
        for (std::size_t i = 0; i < 10; ++i) ASSERT_EQ(got[i].index, expected[i].index);
    }
}

TEST(LocationIndex, KLargerThanCountReturnsAll) {
    std::vector<RdPoint> points{{100000, 400000}, {200000, 500000}, {150000, 450000}};
    LocationIndex index(points);
    auto got = index.nearest({0, 0}, 10);
    ASSERT_EQ(got.size(), 3u);
    EXPECT_EQ(got[0].index, 0u);
    EXPECT_EQ(got[1].index, 2u);
    EXPECT_EQ(got[2].index, 1u);
    EXPECT_TRUE(LocationIndex({}).nearest({0, 0}, 5).empty());
    EXPECT_TRUE(index.nearest({0, 0}, 0).empty());
}

TEST(LocationIndex, RadiusAndBoxEqualBruteForce) {
    std::mt19937_64 rng(42);
    auto points = random_points(5000, rng);
    LocationIndex index(points);
    std::uniform_real_distribution<double> x(0, 300000), y(290000, 640000), r(0, 40000);
    for (int q = 0; q < 300; ++q) {
        const RdPoint origin{x(rng), y(rng)};
        const double radius = r(rng);
        std::vector<Neighbour> expected;
        for (const auto& n : brute_force(points, origin))
            if (n.distance_m <= radius) expected.push_back(n);
        auto got = index.within_radius(origin, radius);
        ASSERT_EQ(got.size(), expected.size());
        for (std::size_t i = 0; i < got.size(); ++i) ASSERT_EQ(got[i].index, expected[i].index);

        RdBox box{{origin.x - radius, origin.y - radius / 2}, {origin.x + radius, origin.y + radius / 2}};
        std::vector<std::size_t> in_box;
        for (std::size_t i = 0; i < points.size(); ++i)
            if (points[i].x >= box.min.x && points[i].x <= box.max.x && points[i].y >= box.min.y && points[i].y <= box.max.y)
                in_box.push_back(i);
        ASSERT_EQ(index.within_box(box), in_box);
    }
}
