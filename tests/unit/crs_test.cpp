// The CRS module: CRS names, negotiation (crs vs Accept-Crs), bbox parsing, and geometry written in
// CRS84 and RD New. RD output is checked against PROJ itself, set up here without geo::Transformer.
#include "tests/support/proj_reference.hpp"
#include "geo/reprojection.hpp"
#include "geo/transformer.hpp"
#include "service/endpoints/crs.hpp"

#include <geos/geom/GeometryFactory.h>
#include <geos/io/WKTReader.h>
#include <gtest/gtest.h>
#include <proj.h>
#include <rapidjson/document.h>

#include <random>

using namespace ido::service;
using ido::geo::RdPoint;
using ido::geo::Wgs84;

namespace {

QueryParams params(std::vector<std::pair<std::string, std::string>> pairs) {
    return QueryParams(pairs, {"crs", "bbox", "bbox-crs", "bboxCrs"});
}

HttpRequest with_header(std::string value) {
    HttpRequest request;
    request.headers.emplace_back("accept-crs", std::move(value));
    return request;
}

bool has_problem(const QueryParams& q, std::string_view name, std::string_view code) {
    for (const auto& p : q.problems())
        if (p.name == name && p.code == code) return true;
    return false;
}

// PROJ straight: WGS84 lon/lat -> RD New, independent of geo::Transformer.
RdPoint proj_rd(double lon, double lat) {
    const auto rd = ido::test::reference_rd(lon, lat);
    return {rd.x, rd.y};
}

std::unique_ptr<geos::geom::Geometry> wkt(const std::string& text) {
    static auto factory = geos::geom::GeometryFactory::create();
    geos::io::WKTReader reader(*factory);
    return reader.read(text);
}

}  // namespace

TEST(crs, UrisAndContentCrsHeader) {
    EXPECT_EQ(crs_uri(Crs::crs84), "http://www.opengis.net/def/crs/OGC/1.3/CRS84");
    EXPECT_EQ(crs_uri(Crs::rd_new), "http://www.opengis.net/def/crs/EPSG/0/28992");
    EXPECT_EQ(content_crs(Crs::rd_new), "<http://www.opengis.net/def/crs/EPSG/0/28992>");
    EXPECT_EQ(content_crs(Crs::crs84), "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
}

TEST(crs, ParsesTheAcceptedSpellings) {
    for (const char* rd : {"http://www.opengis.net/def/crs/EPSG/0/28992", "https://www.opengis.net/def/crs/EPSG/0/28992",
                           "EPSG:28992", "epsg:28992", "[EPSG:28992]", "urn:ogc:def:crs:EPSG::28992", "URN:OGC:DEF:CRS:EPSG::28992"})
        EXPECT_EQ(parse_crs(rd), Crs::rd_new) << rd;
    for (const char* crs84 : {"http://www.opengis.net/def/crs/OGC/1.3/CRS84", "OGC:CRS84", "[OGC:CRS84]", "crs84",
                              "urn:ogc:def:crs:OGC:1.3:CRS84"})
        EXPECT_EQ(parse_crs(crs84), Crs::crs84) << crs84;
    for (const char* bad : {"", "EPSG:4326", "EPSG:289920", "EPSG:2899", " EPSG:28992", "EPSG:28992 ", "28992", "[EPSG:28992",
                            "http://www.opengis.net/def/crs/EPSG/0/4326", "http://www.opengis.net/def/crs/EPSG/0/28992/x"})
        EXPECT_FALSE(parse_crs(bad).has_value()) << bad;
}

TEST(crs, NegotiationDefaultsToCrs84) {
    auto q = params({});
    auto choice = negotiate_crs(q, HttpRequest{});
    EXPECT_EQ(choice.crs, Crs::crs84);
    EXPECT_FALSE(choice.requested);
    EXPECT_TRUE(q.ok());
}

TEST(crs, AcceptCrsHeaderIsAnAliasAndTheQueryParameterWins) {
    {
        auto q = params({});
        auto choice = negotiate_crs(q, with_header("epsg:28992"));
        EXPECT_EQ(choice.crs, Crs::rd_new);
        EXPECT_TRUE(choice.requested);
        EXPECT_TRUE(q.ok());
    }
    {
        auto q = params({});
        EXPECT_EQ(negotiate_crs(q, with_header(" <http://www.opengis.net/def/crs/EPSG/0/28992> ")).crs, Crs::rd_new);
        EXPECT_TRUE(q.ok());
    }
    {
        auto q = params({{"crs", "http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FOGC%2F1.3%2FCRS84"}});
        EXPECT_EQ(negotiate_crs(q, with_header("epsg:28992")).crs, Crs::crs84);
        EXPECT_TRUE(q.ok());
    }
    {
        // The query parameter wins even over a header that would be refused.
        auto q = params({{"crs", "EPSG%3A28992"}});
        EXPECT_EQ(negotiate_crs(q, with_header("EPSG:4326")).crs, Crs::rd_new);
        EXPECT_TRUE(q.ok());
    }
}

TEST(crs, UnsupportedCrsIsAProblemNamingWhereItCameFrom) {
    auto q = params({{"crs", "EPSG%3A4326"}});
    negotiate_crs(q, HttpRequest{});
    EXPECT_TRUE(has_problem(q, "crs", crs_codes::niet_ondersteunde_crs));
    auto h = params({});
    negotiate_crs(h, with_header("EPSG:3857"));
    EXPECT_TRUE(has_problem(h, "Accept-Crs", crs_codes::niet_ondersteunde_crs));
}

TEST(crsBbox, ParsesFourNumbersInCrs84ByDefault) {
    auto q = params({{"bbox", "4.8,52.3,5.0,52.4"}});
    auto bbox = parse_bbox(q);
    ASSERT_TRUE(bbox.has_value());
    EXPECT_TRUE(q.ok());
    EXPECT_EQ(bbox->crs, Crs::crs84);
    EXPECT_FALSE(bbox->crs_sent);
    EXPECT_DOUBLE_EQ(bbox->min_x, 4.8);
    EXPECT_DOUBLE_EQ(bbox->max_y, 52.4);
    EXPECT_TRUE(bbox->contains(4.9, 52.35));
    EXPECT_TRUE(bbox->contains(4.8, 52.3));  // boundary included
    EXPECT_FALSE(bbox->contains(5.01, 52.35));
    EXPECT_TRUE(bbox->intersects(4.9, 52.35, 6, 53));
    EXPECT_FALSE(bbox->intersects(5.1, 52.35, 6, 53));
}

TEST(crsBbox, RdThroughEitherName) {
    for (const char* name : {"bbox-crs", "bboxCrs"}) {
        auto q = params({{"bbox", "120000%2C480000%2C130000%2C490000"}, {name, "EPSG:28992"}});
        auto bbox = parse_bbox(q);
        ASSERT_TRUE(bbox.has_value()) << name;
        EXPECT_EQ(bbox->crs, Crs::rd_new);
        EXPECT_TRUE(bbox->crs_sent);
        EXPECT_DOUBLE_EQ(bbox->min_x, 120000);
    }
    auto both = params({{"bbox", "120000,480000,130000,490000"}, {"bbox-crs", "EPSG:28992"}, {"bboxCrs", "EPSG:28992"}});
    EXPECT_FALSE(parse_bbox(both).has_value());
    EXPECT_FALSE(both.ok());
}

TEST(crsBbox, BboxCrsWithoutBboxIsHarmlessButAnUnsupportedOneIsNot) {
    auto ok = params({{"bbox-crs", "EPSG:28992"}});
    EXPECT_FALSE(parse_bbox(ok).has_value());
    EXPECT_TRUE(ok.ok());
    auto bad = params({{"bbox-crs", "EPSG:4326"}});
    parse_bbox(bad);
    EXPECT_TRUE(has_problem(bad, "bbox-crs", crs_codes::niet_ondersteunde_crs));
}

TEST(crsBbox, ClearProblemsForMalformedBoxes) {
    struct Case {
        const char* value;
        std::string_view code;
    };
    for (const auto& c : std::vector<Case>{
             {"4.8,52.3,5.0", crs_codes::ongeldige_bbox},               // three numbers
             {"4.8,52.3,5.0,52.4,1", crs_codes::ongeldige_bbox},        // five
             {"4.8,52.3,0,5.0,52.4,10", crs_codes::ongeldige_bbox},     // 3D
             {"", crs_codes::ongeldige_bbox},
             {"4.8,52.3,5.0,", crs_codes::ongeldige_bbox},
             {"a,52.3,5.0,52.4", crs_codes::ongeldige_bbox},
             {"nan,52.3,5.0,52.4", crs_codes::ongeldige_bbox},
             {"4.8,52.3,inf,52.4", crs_codes::ongeldige_bbox},
             {"4.8,52.3,5.0,1e999", crs_codes::ongeldige_bbox},
             {"4.8, 52.3,5.0,52.4", crs_codes::ongeldige_bbox},         // a space
             {"4,8,52,3", crs_codes::ongeldige_bbox},                   // decimal commas: y 8 > 3
             {"5.0,52.3,4.8,52.4", crs_codes::ongeldige_bbox},          // x wrong order
             {"4.8,52.4,5.0,52.3", crs_codes::ongeldige_bbox},          // y wrong order
             {"4.8,52.3,4.8,52.4", crs_codes::ongeldige_bbox},          // empty width
             {"181,52.3,182,52.4", crs_codes::bbox_buiten_crs},
             {"4.8,90.5,5.0,91", crs_codes::bbox_buiten_crs},
             {"120000,480000,130000,490000", crs_codes::bbox_buiten_crs},  // RD numbers without bbox-crs
         }) {
        auto q = params({{"bbox", c.value}});
        EXPECT_FALSE(parse_bbox(q).has_value()) << c.value;
        EXPECT_TRUE(has_problem(q, "bbox", c.code)) << c.value;
    }
    // Wholly outside RD's area when bbox-crs says RD (degrees sent as RD, or beyond the bounds).
    for (const char* rd : {"-9000,480000,-8000,490000", "120000,280000,130000,288000", "300001,480000,300002,490000",
                           "4.8,52.3,5.0,52.4"}) {
        auto q = params({{"bbox", rd}, {"bbox-crs", "EPSG:28992"}});
        EXPECT_FALSE(parse_bbox(q).has_value()) << rd;
        EXPECT_TRUE(has_problem(q, "bbox", crs_codes::bbox_buiten_crs)) << rd;
    }
}

// A map window partly outside the CRS's area (QGIS sends its whole view) is clipped, not refused.
TEST(crsBbox, PartlyOutsideIsClippedToTheArea) {
    auto q = params({{"bbox", "-150000,250000,450000,640000"}, {"bbox-crs", "EPSG:28992"}});
    auto bbox = parse_bbox(q);
    ASSERT_TRUE(bbox.has_value());
    EXPECT_TRUE(q.ok());
    EXPECT_DOUBLE_EQ(bbox->min_x, -7000);
    EXPECT_DOUBLE_EQ(bbox->min_y, 289000);
    EXPECT_DOUBLE_EQ(bbox->max_x, 300000);
    EXPECT_DOUBLE_EQ(bbox->max_y, 629000);
    EXPECT_EQ(bbox->text, "-150000,250000,450000,640000");  // paging links repeat what was sent
    auto world = params({{"bbox", "-200,-95,200,95"}});
    auto w = parse_bbox(world);
    ASSERT_TRUE(w.has_value());
    EXPECT_DOUBLE_EQ(w->min_x, -180);
    EXPECT_DOUBLE_EQ(w->max_y, 90);
}

TEST(crsGeometry, Rounding) {
    EXPECT_DOUBLE_EQ(round_for(Crs::rd_new, 136784.12349), 136784.123);
    EXPECT_DOUBLE_EQ(round_for(Crs::rd_new, 136784.1235), 136784.124);
    EXPECT_DOUBLE_EQ(round_for(Crs::crs84, 5.123456785), 5.12345679);
}

// A point in RD New, through the service's path (geo::Transformer, then point_geojson), equals PROJ's own
// answer within a millimetre, on 1000 random positions in the Netherlands.
TEST(crsGeometry, RdPointMatchesProjWithinAMillimetre) {
    std::mt19937_64 rng(28992);
    std::uniform_real_distribution<double> lat(50.75, 53.55), lon(3.3, 7.25);
    for (int i = 0; i < 1000; ++i) {
        const Wgs84 p{lat(rng), lon(rng)};
        const auto rd = ido::geo::Transformer::to_rd(p);
        ASSERT_TRUE(rd.has_value());
        rapidjson::Document d;
        d.Parse(point_geojson(Crs::rd_new, p, *rd).c_str());
        ASSERT_FALSE(d.HasParseError());
        EXPECT_STREQ(d["type"].GetString(), "Point");
        const RdPoint expected = proj_rd(p.lon, p.lat);
        EXPECT_NEAR(d["coordinates"][0].GetDouble(), expected.x, 0.001);
        EXPECT_NEAR(d["coordinates"][1].GetDouble(), expected.y, 0.001);
    }
    // The Dom tower check value (architecture.md): near RD (136 784, 455 860).
    const Wgs84 dom{52.0907, 5.1214};
    const std::string json = point_geojson(Crs::rd_new, dom, *ido::geo::Transformer::to_rd(dom));
    rapidjson::Document d;
    d.Parse(json.c_str());
    EXPECT_NEAR(d["coordinates"][0].GetDouble(), 136784, 60);
    EXPECT_NEAR(d["coordinates"][1].GetDouble(), 455860, 60);
}

TEST(crsGeometry, Crs84PointIsLonLatWithEightDecimals) {
    const std::string json = point_geojson(Crs::crs84, Wgs84{52.090712345678, 5.121412345678}, RdPoint{1, 2});
    EXPECT_EQ(json, "{\"type\":\"Point\",\"coordinates\":[5.12141235,52.09071235]}");
    EXPECT_EQ(point_geojson(Crs::rd_new, Wgs84{}, RdPoint{136784.12345, 455860.9999}),
              "{\"type\":\"Point\",\"coordinates\":[136784.123,455861]}");
    // Correctly rounded, not truncated: 53.05884 stays 53.05884 (RapidJSON's SetMaxDecimalPlaces gave 53.05883999).
    EXPECT_EQ(point_geojson(Crs::crs84, Wgs84{53.05884, 5.79639}, RdPoint{}), "{\"type\":\"Point\",\"coordinates\":[5.79639,53.05884]}");
    EXPECT_EQ(point_geojson(Crs::rd_new, Wgs84{}, RdPoint{-0.0001, 0.0005}), "{\"type\":\"Point\",\"coordinates\":[0,0.001]}");
}

TEST(crsGeometry, PolygonWithHoleAndMultiPolygonInBothCrs) {
    auto polygon = wkt("POLYGON((5.0 52.0, 5.2 52.0, 5.2 52.2, 5.0 52.2, 5.0 52.0),(5.05 52.05, 5.1 52.05, 5.1 52.1, 5.05 52.05))");
    auto json = polygon_geojson(Crs::crs84, *polygon);
    ASSERT_TRUE(json.has_value());
    rapidjson::Document d;
    d.Parse(json->c_str());
    EXPECT_STREQ(d["type"].GetString(), "Polygon");
    ASSERT_EQ(d["coordinates"].Size(), 2u);
    EXPECT_EQ(d["coordinates"][0].Size(), 5u);
    EXPECT_EQ(d["coordinates"][1].Size(), 4u);
    EXPECT_DOUBLE_EQ(d["coordinates"][0][1][0].GetDouble(), 5.2);

    auto multi = wkt("MULTIPOLYGON(((4.0 52.0, 4.1 52.0, 4.1 52.1, 4.0 52.0)),((6.0 53.0, 6.1 53.0, 6.1 53.1, 6.0 53.0)))");
    auto rd = ido::geo::to_rd(*multi);
    ASSERT_TRUE(rd);
    auto rd_json = polygon_geojson(Crs::rd_new, *rd);
    ASSERT_TRUE(rd_json.has_value());
    rapidjson::Document m;
    m.Parse(rd_json->c_str());
    EXPECT_STREQ(m["type"].GetString(), "MultiPolygon");
    ASSERT_EQ(m["coordinates"].Size(), 2u);
    // Every vertex equals PROJ's answer within a millimetre.
    const double lonlat[2][4][2] = {{{4.0, 52.0}, {4.1, 52.0}, {4.1, 52.1}, {4.0, 52.0}}, {{6.0, 53.0}, {6.1, 53.0}, {6.1, 53.1}, {6.0, 53.0}}};
    for (int p = 0; p < 2; ++p) {
        ASSERT_EQ(m["coordinates"][p][0].Size(), 4u);
        for (int v = 0; v < 4; ++v) {
            const RdPoint expected = proj_rd(lonlat[p][v][0], lonlat[p][v][1]);
            EXPECT_NEAR(m["coordinates"][p][0][v][0].GetDouble(), expected.x, 0.001);
            EXPECT_NEAR(m["coordinates"][p][0][v][1].GetDouble(), expected.y, 0.001);
        }
    }
    // The envelope follows the transformed coordinates.
    EXPECT_GT(rd->getEnvelopeInternal()->getMinX(), 1000);

    EXPECT_FALSE(polygon_geojson(Crs::crs84, *wkt("POINT(5 52)")).has_value());
}

TEST(crsGeometry, AlwaysMultiWrapsASinglePolygonAndKeepsAMultiPolygon) {
    auto polygon = wkt("POLYGON((5.0 52.0, 5.2 52.0, 5.2 52.2, 5.0 52.2, 5.0 52.0),(5.05 52.05, 5.1 52.05, 5.1 52.1, 5.05 52.05))");
    const auto single = polygon_geojson(Crs::crs84, *polygon);
    const auto multi = polygon_geojson(Crs::crs84, *polygon, PolygonForm::always_multi);
    ASSERT_TRUE(single && multi);
    rapidjson::Document s, m;
    s.Parse(single->c_str());
    m.Parse(multi->c_str());
    EXPECT_STREQ(m["type"].GetString(), "MultiPolygon");
    ASSERT_EQ(m["coordinates"].Size(), 1u);
    // The one member holds exactly the polygon's rings.
    EXPECT_TRUE(m["coordinates"][0] == s["coordinates"]);

    auto two = wkt("MULTIPOLYGON(((4.0 52.0, 4.1 52.0, 4.1 52.1, 4.0 52.0)),((6.0 53.0, 6.1 53.0, 6.1 53.1, 6.0 53.0)))");
    EXPECT_EQ(polygon_geojson(Crs::crs84, *two, PolygonForm::always_multi), polygon_geojson(Crs::crs84, *two));
}
