#include "geo/transformer.hpp"

#include <gtest/gtest.h>
#include <proj.h>

#include <cmath>

#include <thread>
#include <vector>

using ido::geo::RdPoint;
using ido::geo::Transformer;
using ido::geo::Wgs84;

// Check value from the RD documentation: the Utrecht Dom tower is near RD (136 784, 455 860).
TEST(Transformer, UtrechtDomTowerToRd) {
    auto rd = Transformer::to_rd(Wgs84{52.0907, 5.1214});
    ASSERT_TRUE(rd.has_value());
    EXPECT_NEAR(rd->x, 136784, 60);
    EXPECT_NEAR(rd->y, 455860, 60);
}

// The Amersfoort origin of RD: (155 000, 463 000) is 52.1551744 N, 5.38720621 E (Schreutelkamp & Strang
// van Hees, "Benaderingsformules voor de transformatie tussen RD- en WGS84-kaartcoördinaten").
TEST(Transformer, AmersfoortOriginRoundTrip) {
    auto wgs = Transformer::to_wgs84(RdPoint{155000, 463000});
    ASSERT_TRUE(wgs.has_value());
    EXPECT_NEAR(wgs->lat, 52.1551744, 2e-5);
    EXPECT_NEAR(wgs->lon, 5.38720621, 2e-5);
    auto back = Transformer::to_rd(*wgs);
    ASSERT_TRUE(back.has_value());
    EXPECT_NEAR(back->x, 155000, 0.01);
    EXPECT_NEAR(back->y, 463000, 0.01);
}

// Each thread must get its own PROJ objects; the answers are the same from every thread.
TEST(Transformer, ConcurrentCallsAgree) {
    const auto expected = Transformer::to_rd(Wgs84{52.37, 4.90});
    ASSERT_TRUE(expected.has_value());
    std::vector<std::thread> threads;
    std::vector<int> mismatches(8, 0);
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 2000; ++i) {
                auto rd = Transformer::to_rd(Wgs84{52.37, 4.90});
                if (!rd || *rd != *expected) ++mismatches[t];
            }
        });
    }
    for (auto& th : threads) th.join();
    for (int m : mismatches) EXPECT_EQ(m, 0);
}

// Threads use copies (proj_clone) of one transformation looked up once per process. A copy must give
// exactly what a transformation made by proj_create_crs_to_crs itself gives, over the whole country,
// the sea and the borders (where PROJ picks among candidate operations), in both directions.
TEST(Transformer, ThreadCopiesEqualAFreshTransformation) {
    PJ_CONTEXT* context = proj_context_create();
    proj_context_set_enable_network(context, 0);
    PJ* raw = proj_create_crs_to_crs(context, "EPSG:4326", "EPSG:28992", nullptr);
    ASSERT_NE(raw, nullptr);
    PJ* reference = proj_normalize_for_visualization(context, raw);
    proj_destroy(raw);
    ASSERT_NE(reference, nullptr);
    std::vector<std::pair<Wgs84, RdPoint>> expected;
    for (double lat = 50.0; lat <= 54.5; lat += 0.05)
        for (double lon = 2.5; lon <= 8.0; lon += 0.05) {
            const PJ_COORD out = proj_trans(reference, PJ_FWD, proj_coord(lon, lat, 0, 0));
            expected.push_back({Wgs84{lat, lon}, RdPoint{out.xy.x, out.xy.y}});
        }
    proj_destroy(reference);
    proj_context_destroy(context);

    int mismatches = 0;
    std::thread worker([&] {  // a new thread: its first call copies the transformation
        for (const auto& [wgs, rd] : expected) {
            const auto mine = Transformer::to_rd(wgs);
            if (!mine || mine->x != rd.x || mine->y != rd.y) ++mismatches;
            const auto back = Transformer::to_wgs84(rd);
            if (!back || std::abs(back->lat - wgs.lat) > 1e-7 || std::abs(back->lon - wgs.lon) > 1e-7) ++mismatches;
        }
    });
    worker.join();
    EXPECT_GT(expected.size(), 9000u);
    EXPECT_EQ(mismatches, 0);
}
