// Contract tests over real HTTP against the real ido-vinder binary with the shipped data.
// Expected answers are computed independently here (PROJ directly, a ray-casting point-in-polygon),
// not through the service's own geo/ code.
#include "server_process.hpp"
#include "../support/proj_reference.hpp"

#include <proj.h>
#include "../support/json_access.hpp"  // before any RapidJSON header: its checked RAPIDJSON_ASSERT

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

// ServerProcess, the private servers and the shape-checked JSON readers (tests/support/json_access.hpp).
using namespace ido::test;

namespace {

ServerProcess* server = nullptr;

class Api : public ::testing::Test {
protected:
    // One server for the suite (starting one per test would dominate the run time); no test may stop it.
    static void SetUpTestSuite() {
        if (server == nullptr) server = new ServerProcess();
    }
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
    }

    static httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
        httplib::Client client("127.0.0.1", server->port());
        client.set_read_timeout(10, 0);
        return client.Get(path, headers);
    }

    static rapidjson::Document json(const std::string& path, int expected_status = 200) {
        auto result = get(path);
        EXPECT_TRUE(result) << path;
        rapidjson::Document document;
        if (!result) return document;
        EXPECT_EQ(result->status, expected_status) << path << "\n" << result->body;
        document.Parse(result->body.c_str());
        EXPECT_FALSE(document.HasParseError()) << path;
        return document;
    }
};

// Independent RD New transformation straight from PROJ (the service goes through geo::Transformer).
using Rd = ido::test::ReferenceRd;
Rd to_rd(double lat, double lon) { return ido::test::reference_rd(lon, lat); }

struct Listed {
    std::string id;
    double lat, lon;
    std::string gemeentecode;
};

std::vector<Listed> all_locations_via_paging(int& pages) {
    std::vector<Listed> all;
    std::string next = "/v1/informatiepunten?limit=97";
    pages = 0;
    while (!next.empty() && pages < 100) {
        httplib::Client client("127.0.0.1", server->port());
        auto result = client.Get(next);
        if (!result || result->status != 200) break;
        ++pages;
        rapidjson::Document d;
        d.Parse(result->body.c_str());
        for (const auto& item : json_array(d, "/informatiepunten"))
            all.push_back({json_string(item, "/id"), json_number(item, "/geometrie/coordinates/1"),
                           json_number(item, "/geometrie/coordinates/0"), json_string(item, "/gemeentecode")});
        next.clear();
        for (const auto& link : json_array(d, "/links"))
            if (json_string(link, "/rel") == "next") next = json_string(link, "/href");
    }
    return all;
}

}  // namespace

TEST_F(Api, HealthAndCommonHeaders) {
    auto result = get("/v1/health");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->get_header_value("API-Version"), "1.0.0");
    EXPECT_EQ(result->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_NE(result->get_header_value("Strict-Transport-Security"), "");
    EXPECT_EQ(result->get_header_value("X-Frame-Options"), "DENY");
    EXPECT_NE(result->get_header_value("Content-Security-Policy").find("default-src 'none'"), std::string::npos);
    EXPECT_EQ(result->get_header_value("Access-Control-Allow-Origin"), "*");
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
}

TEST_F(Api, NearestIsSortedAndCarriesGeometry) {
    auto d = json("/v1/informatiepunten?lat=52.51&lon=6.09&limit=5");
    ASSERT_TRUE(d.IsObject());
    EXPECT_EQ(json_string(d, "/zoekpunt/type"), "Point");
    EXPECT_DOUBLE_EQ(json_number(d, "/zoekpunt/coordinates/0"), 6.09);
    ASSERT_EQ(json_size(d, "/informatiepunten"), 5u);
    const auto& items = json_at(d, "/informatiepunten");
    double previous = -1;
    for (const auto& item : items.GetArray()) {
        EXPECT_GE(json_number(item, "/afstand"), previous);
        previous = json_number(item, "/afstand");
        EXPECT_EQ(json_string(item, "/geometrie/type"), "Point");
        EXPECT_TRUE(item.HasMember("herkomst"));
        EXPECT_TRUE(item.HasMember("registratiestatus"));
    }
    EXPECT_EQ(json_string(items, "/0/gemeentecode"), "GM0193");  // Zwolle's own help point is nearest
    EXPECT_EQ(json_size(json("/v1/informatiepunten?lat=52.51&lon=6.09"), "/informatiepunten"), 10u);  // default limit
    EXPECT_EQ(json_size(json("/v1/informatiepunten?lat=52.51&lon=6.09&limit=100"), "/informatiepunten"), 100u);
}

// Paging walks every location exactly once, in id order, and agrees with /v1/health.
TEST_F(Api, PagingWalksEveryLocationOnce) {
    int pages = 0;
    auto all = all_locations_via_paging(pages);
    const auto health = json("/v1/health");
    ASSERT_EQ(all.size(), json_uint(health, "/informatiepunten"));
    EXPECT_GE(all.size(), 550u);
    EXPECT_EQ(pages, static_cast<int>((all.size() + 96) / 97));
    for (std::size_t i = 1; i < all.size(); ++i) ASSERT_LT(all[i - 1].id, all[i].id);
}

// The nearest answer for random positions equals a brute-force scan over the service's own full list,
// with distances computed here in RD through PROJ.
TEST_F(Api, NearestEqualsIndependentBruteForce) {
    int pages = 0;
    const auto all = all_locations_via_paging(pages);
    ASSERT_FALSE(all.empty());
    std::vector<Rd> rd;
    for (const auto& l : all) rd.push_back(to_rd(l.lat, l.lon));
    std::mt19937_64 rng(2026);
    std::uniform_real_distribution<double> lat(50.75, 53.5), lon(3.4, 7.2);
    httplib::Client client("127.0.0.1", server->port());
    for (int q = 0; q < 250; ++q) {
        const double a = std::round(lat(rng) * 1e5) / 1e5, o = std::round(lon(rng) * 1e5) / 1e5;
        const Rd origin = to_rd(a, o);
        std::vector<std::pair<double, std::string>> expected;
        for (std::size_t i = 0; i < all.size(); ++i)
            expected.emplace_back(std::hypot(rd[i].x - origin.x, rd[i].y - origin.y), all[i].id);
        std::sort(expected.begin(), expected.end());
        char path[128];
        std::snprintf(path, sizeof path, "/v1/informatiepunten?lat=%.5f&lon=%.5f&limit=10", a, o);
        auto result = client.Get(path);
        ASSERT_TRUE(result);
        ASSERT_EQ(result->status, 200) << path;
        rapidjson::Document d;
        d.Parse(result->body.c_str());
        ASSERT_EQ(json_size(d, "/informatiepunten"), 10u);
        const auto& items = json_at(d, "/informatiepunten");
        for (rapidjson::SizeType i = 0; i < items.Size(); ++i) {
            const double got = json_number(items[i], "/afstand");
            EXPECT_NEAR(got, expected[i].first, 0.06) << path << " rank " << i;
            // Same id, unless two locations are tied (equal distance within rounding).
            if (json_string(items[i], "/id") != expected[i].second) {
                bool tied = (i > 0 && std::abs(expected[i - 1].first - expected[i].first) < 0.1) ||
                            (i + 1 < expected.size() && std::abs(expected[i + 1].first - expected[i].first) < 0.1);
                EXPECT_TRUE(tied) << path << " rank " << i << ": " << json_string(items[i], "/id") << " vs " << expected[i].second;
            }
        }
    }
}

namespace {

// Ray casting over the shipped boundaries (even-odd over all rings), independent of GEOS.
struct Polygons {
    std::vector<std::pair<std::string, std::vector<std::vector<std::pair<double, double>>>>> municipalities;

    static const Polygons& shipped() {
        static Polygons polygons = [] {
            Polygons p;
            std::ifstream in(IDO_SOURCE_DIR "/data/gemeenten.geojson");
            std::stringstream text;
            text << in.rdbuf();
            rapidjson::Document d;
            d.Parse(text.str().c_str());
            for (const auto& f : json_array(d, "/features")) {
                std::vector<std::vector<std::pair<double, double>>> rings;
                const auto& g = json_at(f, "/geometry");
                auto add_polygon = [&](const rapidjson::Value& polygon) {
                    for (const auto& ring : polygon.GetArray()) {
                        rings.emplace_back();
                        for (const auto& c : ring.GetArray()) rings.back().emplace_back(json_number(c, "/0"), json_number(c, "/1"));
                    }
                };
                if (json_string(g, "/type") == "Polygon") add_polygon(g["coordinates"]);
                else for (const auto& polygon : json_array(g, "/coordinates")) add_polygon(polygon);
                p.municipalities.emplace_back(json_string(f, "/properties/gemeentecode"), std::move(rings));
            }
            return p;
        }();
        return polygons;
    }

    std::vector<std::string> containing(double lon, double lat) const {
        std::vector<std::string> codes;
        for (const auto& [code, rings] : municipalities) {
            bool inside = false;
            for (const auto& ring : rings)
                for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
                    if ((ring[i].second > lat) != (ring[j].second > lat) &&
                        lon < (ring[j].first - ring[i].first) * (lat - ring[i].second) / (ring[j].second - ring[i].second) + ring[i].first)
                        inside = !inside;
            if (inside) codes.push_back(code);
        }
        return codes;
    }
};

}  // namespace

TEST_F(Api, MunicipalityAtPointEqualsIndependentPointInPolygon) {
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> lat(50.75, 53.55), lon(3.35, 7.22);
    int inside = 0;
    for (int q = 0; q < 300; ++q) {
        const double a = std::round(lat(rng) * 1e6) / 1e6, o = std::round(lon(rng) * 1e6) / 1e6;
        char path[128];
        std::snprintf(path, sizeof path, "/v1/gemeenten?lat=%.6f&lon=%.6f", a, o);
        auto d = json(path);
        const auto expected = Polygons::shipped().containing(o, a);
        ASSERT_LE(expected.size(), 1u) << "overlapping polygons at " << path;
        ASSERT_EQ(json_size(d, "/gemeenten"), expected.size()) << path;
        if (!expected.empty()) {
            ++inside;
            EXPECT_EQ(json_string(d, "/gemeenten/0/gemeentecode"), expected[0]) << path;
        }
    }
    EXPECT_GT(inside, 100);
}

TEST_F(Api, MunicipalityFixedPoints) {
    auto code_at = [&](const char* q) {
        auto d = json(std::string("/v1/gemeenten?") + q);
        return json_size(d, "/gemeenten") == 1 ? json_string(d, "/gemeenten/0/gemeentecode") : std::string("-");
    };
    EXPECT_EQ(code_at("lat=52.0907&lon=5.1214"), "GM0344");   // Utrecht, Dom tower
    EXPECT_EQ(code_at("lat=52.3791&lon=4.9003"), "GM0363");   // Amsterdam Centraal
    EXPECT_EQ(code_at("lat=52.6&lon=3.9"), "-");              // North Sea
    EXPECT_EQ(code_at("lat=40.7&lon=-74.0"), "-");            // New York: valid, but no gemeente
}

TEST_F(Api, MunicipalityListAndDetail) {
    auto d = json("/v1/gemeenten");
    ASSERT_EQ(json_size(d, "/gemeenten"), 342u);
    std::uint64_t total = 0;
    for (const auto& g : json_array(d, "/gemeenten")) total += json_uint(g, "/aantalInformatiepunten");
    EXPECT_EQ(total, json_uint(json("/v1/health"), "/informatiepunten"));  // every location lies in one gemeente

    auto amsterdam = json("/v1/gemeenten/GM0363");
    EXPECT_EQ(json_string(amsterdam, "/naam"), "Amsterdam");
    EXPECT_EQ(json_string(amsterdam, "/provincie"), "Noord-Holland");
    auto own = json("/v1/gemeenten/GM0363/informatiepunten");
    EXPECT_EQ(json_size(own, "/informatiepunten"), json_uint(amsterdam, "/aantalInformatiepunten"));
    for (const auto& item : json_array(own, "/informatiepunten")) EXPECT_EQ(json_string(item, "/gemeentecode"), "GM0363");
}

TEST_F(Api, OneLocation) {
    auto d = json("/v1/informatiepunten/IDO-VB-01");
    EXPECT_EQ(json_string(d, "/id"), "IDO-VB-01");
    EXPECT_FALSE(d.HasMember("afstand"));
}

namespace {

struct BadRequest {
    std::string path;
    int status;
    std::string code;                          // problem code
    std::set<std::string> invalid_params;      // names expected in invalidParams (400 only)
};

}  // namespace

TEST_F(Api, BadInputGetsClearProblems) {
    const std::vector<BadRequest> cases{
        {"/v1/informatiepunten?lat=52.1", 400, "ongeldige-parameters", {"lon"}},
        {"/v1/informatiepunten?lon=5.1", 400, "ongeldige-parameters", {"lat"}},
        {"/v1/informatiepunten?lat=abc&lon=5", 400, "ongeldige-parameters", {"lat"}},
        {"/v1/informatiepunten?lat=NaN&lon=5", 400, "ongeldige-parameters", {"lat"}},
        {"/v1/informatiepunten?lat=52&lon=Infinity", 400, "ongeldige-parameters", {"lon"}},
        {"/v1/informatiepunten?lat=inf&lon=-inf", 400, "ongeldige-parameters", {"lat", "lon"}},
        {"/v1/informatiepunten?lat=91&lon=5", 400, "ongeldige-parameters", {"lat"}},
        {"/v1/informatiepunten?lat=52&lon=181", 400, "ongeldige-parameters", {"lon"}},
        {"/v1/informatiepunten?lat=-33.9&lon=18.4", 400, "ongeldige-parameters", {"lat"}},  // Cape Town
        {"/v1/informatiepunten?lat=&lon=", 400, "ongeldige-parameters", {"lat", "lon"}},
        {"/v1/informatiepunten?lat=52.1%20&lon=5", 400, "ongeldige-parameters", {"lat"}},
        {"/v1/informatiepunten?lat=0x34&lon=5", 400, "ongeldige-parameters", {"lat"}},
        {"/v1/informatiepunten?lat=52.1&lon=5&limit=0", 400, "ongeldige-parameters", {"limit"}},
        {"/v1/informatiepunten?lat=52.1&lon=5&limit=-1", 400, "ongeldige-parameters", {"limit"}},
        {"/v1/informatiepunten?lat=52.1&lon=5&limit=101", 400, "ongeldige-parameters", {"limit"}},
        {"/v1/informatiepunten?lat=52.1&lon=5&limit=99999999999999999999999", 400, "ongeldige-parameters", {"limit"}},
        {"/v1/informatiepunten?lat=52.1&lon=5&limit=ten", 400, "ongeldige-parameters", {"limit"}},
        {"/v1/informatiepunten?lat=52.1&lon=5&limit=1.5", 400, "ongeldige-parameters", {"limit"}},
        {"/v1/informatiepunten?limit=1001", 400, "ongeldige-parameters", {"limit"}},
        {"/v1/informatiepunten?foo=bar", 400, "ongeldige-parameters", {"foo"}},
        {"/v1/informatiepunten?lat=x&lon=y&limit=0&extra=1", 400, "ongeldige-parameters", {"lat", "lon", "limit", "extra"}},
        {"/v1/informatiepunten?lat=%ZZ&lon=5", 400, "ongeldige-parameters", {"lat"}},
        {"/v1/informatiepunten?lat=%00&lon=5", 400, "ongeldige-parameters", {"lat"}},
        {"/v1/informatiepunten?na=..%2F..%2Fetc", 400, "ongeldige-parameters", {"na"}},
        {"/v1/gemeenten?lat=52.1", 400, "ongeldige-parameters", {"lon"}},
        {"/v1/gemeenten?lat=95&lon=5", 400, "ongeldige-parameters", {"lat"}},
        {"/v1/gemeenten?provincie=Utrecht", 400, "ongeldige-parameters", {"provincie"}},
        {"/v1/gemeenten/GM0363?x=1", 400, "ongeldige-parameters", {"x"}},
        {"/v1/informatiepunten/IDO-VB-01?x=1", 400, "ongeldige-parameters", {"x"}},
        {"/v1/informatiepunten/BESTAAT-NIET", 404, "niet-gevonden", {}},
        {"/v1/informatiepunten/%00%FF", 404, "niet-gevonden", {}},
        {"/v1/gemeenten/GM9999", 404, "niet-gevonden", {}},
        {"/v1/gemeenten/amsterdam", 404, "niet-gevonden", {}},
        {"/v1/gemeenten/GM9999/informatiepunten", 404, "niet-gevonden", {}},
        {"/v1/informatiepunten/", 404, "pad-niet-gevonden", {}},
        {"/v1/gemeenten/", 404, "pad-niet-gevonden", {}},
        {"/v1/", 404, "pad-niet-gevonden", {}},
        {"/v2/informatiepunten", 404, "pad-niet-gevonden", {}},
        {"/v1/informatiepunten//x", 404, "pad-niet-gevonden", {}},
        {"/v1/" + std::string(3000, 'a'), 404, "pad-niet-gevonden", {}},
        {"/widget/v1/..%2F..%2Fetc%2Fpasswd", 404, "pad-niet-gevonden", {}},
    };
    for (const auto& c : cases) {
        auto result = get(c.path);
        ASSERT_TRUE(result) << c.path;
        EXPECT_EQ(result->status, c.status) << c.path << "\n" << result->body;
        EXPECT_EQ(result->get_header_value("Content-Type"), "application/problem+json") << c.path;
        EXPECT_EQ(result->get_header_value("API-Version"), "1.0.0") << c.path;
        rapidjson::Document d;
        d.Parse(result->body.c_str());
        ASSERT_FALSE(d.HasParseError()) << c.path << "\n" << result->body;
        EXPECT_EQ(json_int(d, "/status"), c.status) << c.path;
        EXPECT_TRUE(json_at(d, "/title").IsString() && json_at(d, "/detail").IsString()) << c.path;
        EXPECT_EQ(json_string(d, "/code"), c.code) << c.path;
        std::set<std::string> names;
        if (d.HasMember("invalidParams"))
            for (const auto& p : json_array(d, "/invalidParams")) {
                names.insert(json_string(p, "/name"));
                EXPECT_TRUE(json_at(p, "/code").IsString() && json_at(p, "/reason").IsString());
            }
        EXPECT_EQ(names, c.invalid_params) << c.path << "\n" << result->body;
    }
    EXPECT_TRUE(server->alive());
}

TEST_F(Api, MethodsAndPreflight) {
    httplib::Client client("127.0.0.1", server->port());
    auto post = client.Post("/v1/gemeenten", "{}", "application/json");
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 405);
    EXPECT_EQ(post->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_EQ(post->get_header_value("Allow"), "GET, OPTIONS");
    auto put = client.Put("/v1/informatiepunten/IDO-VB-01", "{}", "application/json");
    ASSERT_TRUE(put);
    EXPECT_EQ(put->status, 405);
    EXPECT_EQ(put->get_header_value("Allow"), "GET, PATCH, DELETE, OPTIONS");
    auto write_without_token = client.Post("/v1/informatiepunten", "{}", "application/json");
    ASSERT_TRUE(write_without_token);
    EXPECT_EQ(write_without_token->status, 401);
    auto options = client.Options("/v1/informatiepunten");
    ASSERT_TRUE(options);
    EXPECT_EQ(options->status, 204);
    EXPECT_EQ(options->get_header_value("Access-Control-Allow-Origin"), "*");
}

TEST_F(Api, HostileRequestsDoNotHurtTheServer) {
    // Over the request size limit (16 KiB by default).
    auto big = ido::test::raw_exchange(server->port(), "GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(40000, 'a') + "\r\n\r\n");
    EXPECT_NE(big.find(" 413 "), std::string::npos) << big.substr(0, 200);
    // Garbage instead of HTTP.
    auto garbage = ido::test::raw_exchange(server->port(), std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) + "\r\n\r\n");
    EXPECT_TRUE(garbage.empty() || garbage.find(" 400 ") != std::string::npos || garbage.find(" 501 ") != std::string::npos) << garbage;
    auto bad_version = ido::test::raw_exchange(server->port(), "GET /v1/health HTTP/9.9\r\n\r\n");
    EXPECT_TRUE(bad_version.empty() || bad_version.find(" 200 ") == std::string::npos);
    // A client that hangs up right after asking.
    for (int i = 0; i < 20; ++i) ido::test::raw_exchange(server->port(), "GET /v1/gemeenten HTTP/1.1\r\nHost: x\r\n\r\n", 1);
    auto health = get("/v1/health");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    EXPECT_TRUE(server->alive());
}

TEST_F(Api, OpenApiDocumentIsServedAsCommitted) {
    auto result = get("/v1/openapi.json");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->get_header_value("Access-Control-Allow-Origin"), "*");
    std::ifstream in(IDO_SOURCE_DIR "/service/openapi.json");
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(result->body, text.str());
    auto landing = json("/v1");
    EXPECT_TRUE(json_at(landing, "/links").IsArray());
}

// Nothing a resident sends (a position, an id, a query string) ends up in the log. A server of its own:
// its log is complete once it has stopped (no waiting a fixed time for a flush).
TEST_F(Api, LogsHoldNoQueriesOrPositions) {
    ServerProcess own({}, "contract-log-server.log");
    httplib::Client client("127.0.0.1", own.port());
    client.set_read_timeout(10, 0);
    for (const char* path : {"/v1/informatiepunten?lat=52.37123&lon=4.89456&limit=3", "/v1/gemeenten?lat=52.0912345&lon=5.1212345"}) {
        auto result = client.Get(path);
        ASSERT_TRUE(result) << path;
        EXPECT_EQ(result->status, 200) << path << "\n" << result->body;
        rapidjson::Document document;
        document.Parse(result->body.c_str());
        EXPECT_FALSE(document.HasParseError()) << path;
    }
    client.Get("/v1/informatiepunten?lat=geheim-zoekwoord&lon=5");
    EXPECT_EQ(own.stop(), 0);
    const std::string log = own.log();
    EXPECT_NE(log.find("access GET /v1/informatiepunten 200"), std::string::npos);
    for (const char* secret : {"52.37123", "4.89456", "52.0912345", "geheim-zoekwoord", "lat=", "127.0.0.1:"})
        EXPECT_EQ(log.find(secret), std::string::npos) << secret;
}

// The same guard for the JSON log (--log-formaat json, issue 16): one object per request with time,
// level, route template, status, duration and the request id, which the response carries too; a
// proxy's X-Request-Id is taken over when it is sound, replaced when it is not.
TEST_F(Api, JsonLogsHoldOneObjectPerRequestWithItsIdAndNothingPersonal) {
    ServerProcess own({"--log-formaat", "json"}, "contract-json-log-server.log");
    httplib::Client client("127.0.0.1", own.port());
    client.set_read_timeout(10, 0);
    const std::string from_nginx = "0f3c9a1b2d4e5f60718293a4b5c6d7e8";
    auto given = client.Get("/v1/informatiepunten?lat=52.37123&lon=4.89456&limit=3", httplib::Headers{{"X-Request-Id", from_nginx}});
    ASSERT_TRUE(given);
    EXPECT_EQ(given->get_header_value("X-Request-Id"), from_nginx);
    std::set<std::string> made;
    for (const std::string& bad : {std::string(65, 'a'), std::string("id met spaties"), std::string("a\"b"), std::string("")}) {
        auto r = bad.empty() ? client.Get("/v1/gemeenten/GM0363") : client.Get("/v1/gemeenten/GM0363", httplib::Headers{{"X-Request-Id", bad}});
        ASSERT_TRUE(r);
        const std::string id = r->get_header_value("X-Request-Id");
        EXPECT_EQ(id.size(), 32u) << id;
        EXPECT_TRUE(std::all_of(id.begin(), id.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) << id;
        EXPECT_NE(id, bad);
        made.insert(id);
    }
    EXPECT_EQ(made.size(), 4u) << "every request gets its own id";
    client.Get("/v1/informatiepunten?lat=geheim-zoekwoord&lon=5");
    EXPECT_EQ(own.stop(), 0);
    const std::string log = own.log();
    std::size_t objects = 0;
    std::set<std::string> logged_ids;
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line.front() != '{') continue;
        rapidjson::Document d;
        d.Parse(line.c_str());
        ASSERT_FALSE(d.HasParseError()) << line;
        ++objects;
        EXPECT_EQ(json_string(d, "/msg"), "access");
        EXPECT_EQ(json_string(d, "/time").size(), 20u);
        EXPECT_EQ(json_string(d, "/level"), json_int(d, "/status") >= 500 ? "error" : "info");
        EXPECT_GE(json_number(d, "/duration_ms"), 0.0);
        EXPECT_EQ(json_string(d, "/route").find('?'), std::string::npos);
        logged_ids.insert(json_string(d, "/request_id"));
    }
    EXPECT_EQ(objects, 6u) << log;
    EXPECT_TRUE(logged_ids.count(from_nginx));
    for (const auto& id : made) EXPECT_TRUE(logged_ids.count(id)) << id;
    EXPECT_NE(log.find("\"route\":\"/v1/gemeenten/{gemeentecode}\""), std::string::npos);
    for (const char* secret : {"52.37123", "4.89456", "geheim-zoekwoord", "lat=", "127.0.0.1:", "GM0363", "spaties"})
        EXPECT_EQ(log.find(secret), std::string::npos) << secret;
}

// ADR geospatial module: RD New on request (query parameter or the older Accept-Crs header), with
// Content-Crs on every response with geometry; checked against PROJ directly.
TEST_F(Api, CrsNegotiationOnTheApi) {
    auto plain = get("/v1/informatiepunten/IDO-VB-01");
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->get_header_value("Content-Crs"), "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
    EXPECT_FALSE(plain->get_header_value("ETag").empty());
    rapidjson::Document wgs;
    wgs.Parse(plain->body.c_str());
    const double lon = json_number(wgs, "/geometrie/coordinates/0"), lat = json_number(wgs, "/geometrie/coordinates/1");

    auto rd = get("/v1/informatiepunten/IDO-VB-01?crs=http://www.opengis.net/def/crs/EPSG/0/28992");
    ASSERT_TRUE(rd);
    EXPECT_EQ(rd->get_header_value("Content-Crs"), "<http://www.opengis.net/def/crs/EPSG/0/28992>");
    rapidjson::Document d;
    d.Parse(rd->body.c_str());
    const Rd expected = to_rd(lat, lon);
    EXPECT_NEAR(json_number(d, "/geometrie/coordinates/0"), expected.x, 0.002);
    EXPECT_NEAR(json_number(d, "/geometrie/coordinates/1"), expected.y, 0.002);

    auto alias = get("/v1/informatiepunten?lat=52.09&lon=5.12&limit=1", {{"Accept-Crs", "epsg:28992"}});
    ASSERT_TRUE(alias);
    EXPECT_EQ(alias->get_header_value("Content-Crs"), "<http://www.opengis.net/def/crs/EPSG/0/28992>");
    rapidjson::Document a;
    a.Parse(alias->body.c_str());
    EXPECT_GT(json_number(a, "/zoekpunt/coordinates/0"), 1000.0);  // metres, not degrees
    auto wins = get("/v1/informatiepunten?lat=52.09&lon=5.12&limit=1&crs=OGC:CRS84", {{"Accept-Crs", "epsg:28992"}});
    ASSERT_TRUE(wins);
    EXPECT_EQ(wins->get_header_value("Content-Crs"), "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");

    auto bad = get("/v1/informatiepunten?crs=EPSG:3857");
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400);
    EXPECT_NE(bad->body.find("niet-ondersteunde-crs"), std::string::npos);
}

TEST_F(Api, BboxFilterOnTheList) {
    int pages = 0;
    const auto all = all_locations_via_paging(pages);
    const double min_lon = 4.7, min_lat = 52.2, max_lon = 5.2, max_lat = 52.5;
    std::set<std::string> expected;
    for (const auto& l : all)
        if (l.lon >= min_lon && l.lon <= max_lon && l.lat >= min_lat && l.lat <= max_lat) expected.insert(l.id);
    auto d = json("/v1/informatiepunten?limit=1000&bbox=4.7,52.2,5.2,52.5");
    std::set<std::string> got;
    for (const auto& item : json_array(d, "/informatiepunten")) got.insert(json_string(item, "/id"));
    EXPECT_EQ(got, expected);
    EXPECT_GT(got.size(), 10u);
    auto wrong = get("/v1/informatiepunten?bbox=5.2,52.5,4.7,52.2");
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->status, 400);
}

// Exports for a municipality's reporting, in the import format (docs/import-export.md).
TEST_F(Api, ExportsAsCsvAndGeoJson) {
    auto geojson = get("/v1/informatiepunten?formaat=geojson");
    ASSERT_TRUE(geojson);
    EXPECT_EQ(geojson->status, 200);
    EXPECT_EQ(geojson->get_header_value("Content-Type"), "application/geo+json");
    rapidjson::Document d;
    d.Parse(geojson->body.c_str());
    ASSERT_TRUE(d.HasMember("features"));
    EXPECT_EQ(json_size(d, "/features"), json_uint(json("/v1/health"), "/informatiepunten"));
    auto csv = get("/v1/informatiepunten?gemeente=GM0363", {{"Accept", "text/csv"}});
    ASSERT_TRUE(csv);
    EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_NE(csv->body.find("id,naam,organisatie"), std::string::npos);
    EXPECT_NE(csv->body.find("GM0363"), std::string::npos);
    EXPECT_EQ(csv->body.find("GM0344"), std::string::npos);
    auto bad = get("/v1/informatiepunten?formaat=xlsx");
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400);
}

// A clean shutdown on SIGTERM with exit code 0, after it has served: a server of its own, so this test
// runs in any order and the others keep theirs.
TEST_F(Api, ShutsDownCleanlyOnSigterm) {
    ServerProcess own({}, "contract-sigterm-server.log");
    httplib::Client client("127.0.0.1", own.port());
    auto health = client.Get("/v1/health");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    EXPECT_EQ(own.stop(), 0);
}
