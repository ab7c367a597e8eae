#include "geo/municipality_index.hpp"

#include <geos/geom/Coordinate.h>
#include <geos/geom/GeometryFactory.h>
#include <geos/geom/Point.h>
#include <gtest/gtest.h>

#include <random>

using ido::geo::MunicipalityIndex;
using ido::geo::Wgs84;

namespace {

const std::shared_ptr<const MunicipalityIndex>& shipped() {
    static auto index = MunicipalityIndex::load(IDO_SOURCE_DIR "/data/gemeenten.geojson");
    return index;
}

std::string code_at(Wgs84 p) {
    auto i = shipped()->containing(p);
    return i ? shipped()->all()[*i].gemeentecode : std::string("-");
}

}  // namespace

TEST(MunicipalityIndex, LoadsAll342Municipalities) {
    EXPECT_EQ(shipped()->all().size(), 342u);
    ASSERT_TRUE(shipped()->find("GM0363").has_value());
    EXPECT_EQ(shipped()->all()[*shipped()->find("GM0363")].naam, "Amsterdam");
    EXPECT_FALSE(shipped()->find("GM9999").has_value());
}

TEST(MunicipalityIndex, FixedPoints) {
    EXPECT_EQ(code_at({52.0907, 5.1214}), "GM0344");   // Utrecht, Dom tower
    EXPECT_EQ(code_at({52.3791, 4.9003}), "GM0363");   // Amsterdam Centraal
    EXPECT_EQ(code_at({52.5168, 6.0830}), "GM0193");   // Zwolle, Grote Markt
    EXPECT_EQ(code_at({51.6886, 5.3039}), "GM0796");   // 's-Hertogenbosch, Markt
    EXPECT_EQ(code_at({50.8514, 5.6910}), "GM0935");   // Maastricht, Vrijthof
    EXPECT_EQ(code_at({52.6, 3.9}), "-");              // North Sea
    EXPECT_EQ(code_at({50.85, 4.35}), "-");            // Brussels
}

// The indexed lookup agrees with a plain scan of every polygon (GEOS covers, no index, no preparation).
TEST(MunicipalityIndex, AgreesWithPlainPointInPolygonScan) {
    const auto& index = *shipped();
    auto factory = geos::geom::GeometryFactory::create();
    std::mt19937_64 rng(1);
    std::uniform_real_distribution<double> lat(50.7, 53.6), lon(3.3, 7.25);
    int inside = 0;
    for (int q = 0; q < 3000; ++q) {
        const Wgs84 p{lat(rng), lon(rng)};
        std::unique_ptr<geos::geom::Point> point(factory->createPoint(geos::geom::Coordinate(p.lon, p.lat)));
        std::optional<std::size_t> expected;
        for (std::size_t m = 0; m < index.all().size() && !expected; ++m)
            if (index.geometry(m).covers(point.get())) expected = m;
        ASSERT_EQ(index.containing(p), expected) << p.lat << "," << p.lon;
        if (expected) ++inside;
    }
    EXPECT_GT(inside, 1000);  // the sample really exercised the polygons
}
