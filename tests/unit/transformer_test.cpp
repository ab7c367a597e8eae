#include "geo/transformer.hpp"

#include <gtest/gtest.h>

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
