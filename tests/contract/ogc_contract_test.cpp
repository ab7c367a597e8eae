// Contract tests of the OGC API - Features endpoints over real HTTP against the real ido-vinder binary.
// Expectations are computed here independently: PROJ directly for RD New, a plain filter over the full
// list for bbox, the link graph for navigation.
#include "server_process.hpp"
#include "../support/proj_reference.hpp"

#include <proj.h>
#include "../support/json_access.hpp"  // before any RapidJSON header: its checked RAPIDJSON_ASSERT

#include <cmath>
#include <map>
#include <random>
#include <set>

// ServerProcess, the private servers and the shape-checked JSON readers (tests/support/json_access.hpp).
using namespace ido::test;

namespace {

ServerProcess* server = nullptr;

const std::string crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
const std::string rd = "http://www.opengis.net/def/crs/EPSG/0/28992";

struct Reply {
    int status = 0;
    std::string body;
    httplib::Headers headers;
    rapidjson::Document json;
    std::string header(const std::string& name) const {
        auto it = headers.find(name);
        return it == headers.end() ? "" : it->second;
    }
};

class Ogc : public ::testing::Test {
public:
    static void SetUpTestSuite() {
        if (server == nullptr) server = new ServerProcess({}, "ogc-contract-server.log");
    }
    // The shared server is stopped here, after every test of the suite, in whatever order they ran.
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
    }

    static std::string base() { return "http://127.0.0.1:" + std::to_string(server->port()); }

    // GET a path or an absolute link of this server.
    static Reply get(std::string target, const httplib::Headers& headers = {}) {
        Reply reply;
        if (target.starts_with("http")) {
            EXPECT_TRUE(target.starts_with(base() + "/")) << "link to another host: " << target;
            target = target.substr(base().size());
        }
        httplib::Client client("127.0.0.1", server->port());
        client.set_read_timeout(20, 0);
        auto result = client.Get(target, headers);
        EXPECT_TRUE(result) << target;
        if (!result) return reply;
        reply.status = result->status;
        reply.body = result->body;
        reply.headers = result->headers;
        reply.json.Parse(reply.body.c_str());
        EXPECT_FALSE(reply.json.HasParseError()) << target;
        EXPECT_EQ(reply.header("API-Version"), "1.0.0") << target;
        return reply;
    }

    static Reply ok(const std::string& target, const httplib::Headers& headers = {}) {
        Reply reply = get(target, headers);
        EXPECT_EQ(reply.status, 200) << target << "\n" << reply.body.substr(0, 600);
        return reply;
    }

    // A 4xx problem+json; returns the invalidParams as name -> code.
    static std::multimap<std::string, std::string> problem(const std::string& target, int status,
                                                           const httplib::Headers& headers = {}) {
        Reply reply = get(target, headers);
        EXPECT_EQ(reply.status, status) << target << "\n" << reply.body;
        EXPECT_EQ(reply.header("Content-Type"), "application/problem+json") << target;
        EXPECT_EQ(reply.header("Content-Crs"), "") << target;
        std::multimap<std::string, std::string> params;
        if (!reply.json.IsObject()) return params;
        EXPECT_EQ(json_int(reply.json, "/status"), status);
        EXPECT_TRUE(reply.json.HasMember("title") && reply.json.HasMember("detail"));
        if (reply.json.HasMember("invalidParams"))
            for (const auto& p : json_array(reply.json, "/invalidParams")) params.emplace(json_string(p, "/name"), json_string(p, "/code"));
        return params;
    }
};

std::string link(const rapidjson::Value& doc, const std::string& rel) {
    if (!doc.IsObject() || !doc.HasMember("links")) return "";
    for (const auto& l : json_array(doc, "/links"))
        if (rel == json_string(l, "/rel")) return json_string(l, "/href");
    return "";
}

using Rd = ido::test::ReferenceRd;
Rd to_rd(double lon, double lat) { return ido::test::reference_rd(lon, lat); }

// Every [x, y] position of a GeoJSON geometry, in order.
void positions(const rapidjson::Value& coordinates, std::vector<std::pair<double, double>>& out) {
    if (coordinates.IsArray() && coordinates.Size() >= 2 && json_at(coordinates, "/0").IsNumber()) {
        out.emplace_back(json_number(coordinates, "/0"), json_number(coordinates, "/1"));
        return;
    }
    for (const auto& c : coordinates.GetArray()) positions(c, out);
}

struct Feature {
    std::string id;
    std::vector<std::pair<double, double>> xy;
    double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
};

std::vector<Feature> features_of(const rapidjson::Value& collection) {
    std::vector<Feature> out;
    for (const auto& f : json_array(collection, "/features")) {
        Feature feature;
        feature.id = json_string(f, "/id");
        positions(json_at(f, "/geometry/coordinates"), feature.xy);
        for (auto [x, y] : feature.xy) {
            feature.min_x = std::min(feature.min_x, x), feature.max_x = std::max(feature.max_x, x);
            feature.min_y = std::min(feature.min_y, y), feature.max_y = std::max(feature.max_y, y);
        }
        out.push_back(std::move(feature));
    }
    return out;
}

// Walks the next links from `first` and returns all features; checks the page bookkeeping on the way.
std::vector<Feature> walk(Ogc& fixture, const std::string& first, std::size_t limit, int* pages_out = nullptr,
                          const std::string& expected_crs = crs84) {
    (void)fixture;
    std::vector<Feature> all;
    std::string next = first;
    long matched = -1;
    int pages = 0;
    while (!next.empty() && pages < 2000) {
        auto reply = Ogc::get(next);
        EXPECT_EQ(reply.status, 200) << next;
        if (reply.status != 200) break;
        ++pages;
        EXPECT_EQ(reply.header("Content-Type"), "application/geo+json");
        EXPECT_EQ(reply.header("Content-Crs"), "<" + expected_crs + ">") << next;
        const auto& d = reply.json;
        EXPECT_EQ(json_string(d, "/type"), "FeatureCollection");
        if (matched < 0) matched = json_int(d, "/numberMatched");
        EXPECT_EQ(json_int(d, "/numberMatched"), matched) << "numberMatched changed while paging";
        EXPECT_EQ(json_uint(d, "/numberReturned"), json_size(d, "/features"));
        EXPECT_TRUE(d.HasMember("timeStamp"));
        EXPECT_NE(link(d, "self"), "");
        EXPECT_NE(link(d, "collection"), "");
        if (pages > 1) {
            EXPECT_NE(link(d, "prev"), "") << next;
        } else {
            EXPECT_EQ(link(d, "prev"), "");
        }
        next = link(d, "next");
        if (!next.empty()) {
            EXPECT_EQ(json_size(d, "/features"), limit) << "a page before the last is full";
        }
        for (auto& f : features_of(d)) all.push_back(std::move(f));
    }
    EXPECT_EQ(static_cast<long>(all.size()), matched) << first;
    std::set<std::string> ids;
    for (const auto& f : all) ids.insert(f.id);
    EXPECT_EQ(ids.size(), all.size()) << "duplicate ids while paging " << first;
    if (pages_out) *pages_out = pages;
    return all;
}

}  // namespace

TEST_F(Ogc, LandingPageConformanceAndCollections) {
    auto landing = ok("/v1");
    EXPECT_EQ(landing.header("Content-Type"), "application/json");
    EXPECT_TRUE(json_at(landing.json, "/title").IsString());
    EXPECT_TRUE(json_at(landing.json, "/description").IsString());
    for (const char* rel : {"self", "service-desc", "conformance", "data", "informatiepunten", "gemeenten"})
        EXPECT_NE(link(landing.json, rel), "") << rel;
    EXPECT_EQ(link(landing.json, "data"), base() + "/v1/collections");
    EXPECT_EQ(link(landing.json, "service-desc"), base() + "/v1/openapi.json");
    for (const auto& l : json_array(landing.json, "/links"))
        if (json_string(l, "/rel") == "service-desc") {
            EXPECT_EQ(json_string(l, "/type"), "application/vnd.oai.openapi+json;version=3.0");
        }

    auto conformance = ok(link(landing.json, "conformance"));
    std::set<std::string> classes;
    for (const auto& c : json_array(conformance.json, "/conformsTo")) classes.insert(c.GetString());
    for (const char* c : {"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                          "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs"})
        EXPECT_TRUE(classes.count(c)) << c;

    auto collections = ok(link(landing.json, "data"));
    std::set<std::string> ids;
    for (const auto& c : json_array(collections.json, "/collections")) {
        ids.insert(json_string(c, "/id"));
        EXPECT_EQ(json_string(c, "/itemType"), "feature");
        EXPECT_EQ(json_string(c, "/storageCrs"), crs84);
        std::set<std::string> crs;
        for (const auto& x : json_array(c, "/crs")) crs.insert(x.GetString());
        EXPECT_EQ(crs, (std::set<std::string>{crs84, rd}));
        const auto& bbox = json_at(c, "/extent/spatial/bbox/0");
        EXPECT_EQ(json_string(c, "/extent/spatial/crs"), crs84);
        // The Netherlands, lon before lat.
        EXPECT_GT(json_number(bbox, "/0"), 3.0);
        EXPECT_LT(json_number(bbox, "/2"), 7.3);
        EXPECT_GT(json_number(bbox, "/1"), 50.7);
        EXPECT_LT(json_number(bbox, "/3"), 53.7);
        EXPECT_EQ(link(c, "items"), base() + "/v1/collections/" + json_string(c, "/id") + "/items");
    }
    EXPECT_EQ(ids, (std::set<std::string>{"informatiepunten", "gemeenten"}));
}

// Every href of the landing page, /conformance, /collections, each collection and a first items page
// answers 200.
TEST_F(Ogc, EveryLinkResolves) {
    std::vector<std::string> queue{"/v1"};
    std::set<std::string> seen;
    std::size_t checked = 0;
    while (!queue.empty()) {
        const std::string target = queue.back();
        queue.pop_back();
        if (!seen.insert(target).second) continue;
        auto reply = ok(target);
        ++checked;
        // Follow links of OGC resources, not the OpenAPI document or the older endpoints' own links.
        const bool ours = target == "/v1" || target.find("/v1/collections") != std::string::npos ||
                          target.find("/v1/conformance") != std::string::npos;
        if (!ours || !reply.json.IsObject()) continue;
        auto add = [&](const rapidjson::Value& owner) {
            if (!owner.HasMember("links")) return;
            for (const auto& l : json_array(owner, "/links")) {
                std::string href = json_string(l, "/href");
                EXPECT_TRUE(href.starts_with(base() + "/v1")) << "not absolute: " << href;
                if (href.starts_with(base())) href = href.substr(base().size());
                // One step of paging is enough here; the paging test walks to the end.
                if (href.find("offset=") != std::string::npos && seen.count(href) == 0 && target.find("offset=") != std::string::npos)
                    continue;
                queue.push_back(href);
            }
        };
        add(reply.json);
        if (reply.json.HasMember("collections"))
            for (const auto& c : json_array(reply.json, "/collections")) add(c);
    }
    EXPECT_GE(checked, 12u);
}

TEST_F(Ogc, PagingWalksEveryFeatureOnce) {
    const auto health = ok("/v1/health");
    const std::size_t locations = json_uint(health.json, "/informatiepunten");
    const std::size_t municipalities = json_uint(health.json, "/gemeenten");
    ASSERT_GT(locations, 500u);
    ASSERT_EQ(municipalities, 342u);
    for (std::size_t limit : {7u, 100u, 1000u}) {
        int pages = 0;
        auto all = walk(*this, "/v1/collections/informatiepunten/items?limit=" + std::to_string(limit), limit, &pages);
        EXPECT_EQ(all.size(), locations) << limit;
        EXPECT_EQ(pages, static_cast<int>((locations + limit - 1) / limit)) << limit;
    }
    for (std::size_t limit : {1u, 50u, 1000u}) {
        int pages = 0;
        auto all = walk(*this, "/v1/collections/gemeenten/items?limit=" + std::to_string(limit), limit, &pages);
        EXPECT_EQ(all.size(), municipalities) << limit;
        EXPECT_EQ(pages, static_cast<int>((municipalities + limit - 1) / limit)) << limit;
    }
    // The default page is 10; a limit above 1000 is capped, not refused (OGC API - Features 7.15.3).
    EXPECT_EQ(json_uint(ok("/v1/collections/informatiepunten/items").json, "/numberReturned"), 10u);
    auto capped = ok("/v1/collections/informatiepunten/items?limit=5000");
    EXPECT_EQ(json_uint(capped.json, "/numberReturned"), std::min<std::size_t>(1000, locations));
    // Paging backwards: prev of the third page is the second page.
    auto third = ok("/v1/collections/gemeenten/items?limit=20&offset=40");
    auto second = ok(link(third.json, "prev"));
    auto second_direct = ok("/v1/collections/gemeenten/items?limit=20&offset=20");
    EXPECT_EQ(features_of(second.json).front().id, features_of(second_direct.json).front().id);
    EXPECT_EQ(features_of(ok(link(second.json, "next")).json).front().id, features_of(third.json).front().id);
    // Past the end: an empty page, no next.
    auto beyond = ok("/v1/collections/gemeenten/items?offset=100000");
    EXPECT_EQ(json_uint(beyond.json, "/numberReturned"), 0u);
    EXPECT_EQ(json_uint(beyond.json, "/numberMatched"), 342u);
    EXPECT_EQ(link(beyond.json, "next"), "");
}

// RD output equals PROJ's transformation of the CRS84 output within a millimetre, for every help point
// and every municipality vertex; Content-Crs names the CRS.
TEST_F(Ogc, RdOutputMatchesProj) {
    for (const char* collection : {"informatiepunten", "gemeenten"}) {
        const std::string items = std::string("/v1/collections/") + collection + "/items?limit=1000";
        auto plain = ok(items);
        EXPECT_EQ(plain.header("Content-Crs"), "<" + crs84 + ">");
        auto in_rd = ok(items + "&crs=EPSG:28992");
        EXPECT_EQ(in_rd.header("Content-Crs"), "<" + rd + ">");
        const auto a = features_of(plain.json), b = features_of(in_rd.json);
        ASSERT_EQ(a.size(), b.size());
        std::size_t vertices = 0;
        double worst = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            ASSERT_EQ(a[i].id, b[i].id);
            ASSERT_EQ(a[i].xy.size(), b[i].xy.size()) << a[i].id;
            for (std::size_t k = 0; k < a[i].xy.size(); ++k) {
                const Rd expected = to_rd(a[i].xy[k].first, a[i].xy[k].second);
                const double diff = std::max(std::abs(b[i].xy[k].first - expected.x), std::abs(b[i].xy[k].second - expected.y));
                worst = std::max(worst, diff);
                ++vertices;
            }
        }
        EXPECT_LE(worst, 0.001) << collection << ": worst difference " << worst << " m over " << vertices << " positions";
        EXPECT_GT(vertices, 300u);
    }
    // The single-feature resource too, with the full OGC URI.
    auto one = ok("/v1/collections/gemeenten/items/GM0344?crs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F28992");
    EXPECT_EQ(one.header("Content-Crs"), "<" + rd + ">");
    EXPECT_EQ(one.header("Content-Type"), "application/geo+json");
    EXPECT_EQ(json_string(one.json, "/type"), "Feature");
    EXPECT_EQ(json_string(one.json, "/properties/naam"), "Utrecht");
    // One geometry type per collection, whatever the municipality's shape (GIS clients type a layer by it).
    EXPECT_EQ(json_string(one.json, "/geometry/type"), "MultiPolygon");
    // The Dom tower (RD 136 784, 455 860) lies inside Utrecht's envelope in RD.
    auto f = features_of([&] {
        rapidjson::Document d;
        d.Parse(("{\"features\":[" + one.body + "]}").c_str());
        return d;
    }());
    ASSERT_EQ(f.size(), 1u);
    EXPECT_LT(f[0].min_x, 136784);
    EXPECT_GT(f[0].max_x, 136784);
    EXPECT_LT(f[0].min_y, 455860);
    EXPECT_GT(f[0].max_y, 455860);
    auto point = ok("/v1/collections/informatiepunten/items/" + features_of(ok("/v1/collections/informatiepunten/items?limit=1").json)[0].id);
    EXPECT_EQ(point.header("Content-Crs"), "<" + crs84 + ">");
    EXPECT_EQ(json_string(point.json, "/geometry/type"), "Point");
    EXPECT_NE(link(point.json, "collection"), "");
}

TEST_F(Ogc, AcceptCrsHeaderIsAnAliasAndTheQueryWins) {
    auto header = ok("/v1/collections/informatiepunten/items?limit=3", {{"Accept-Crs", "epsg:28992"}});
    EXPECT_EQ(header.header("Content-Crs"), "<" + rd + ">");
    const auto f = features_of(header.json);
    ASSERT_EQ(f.size(), 3u);
    EXPECT_GT(f[0].xy[0].first, 1000);  // metres, not degrees
    // The next link repeats the CRS, so the second page is in RD without the header.
    auto next = ok(link(header.json, "next"));
    EXPECT_EQ(next.header("Content-Crs"), "<" + rd + ">");

    auto both = ok("/v1/collections/informatiepunten/items?limit=3&crs=OGC:CRS84", {{"Accept-Crs", "epsg:28992"}});
    EXPECT_EQ(both.header("Content-Crs"), "<" + crs84 + ">");
    EXPECT_LT(features_of(both.json)[0].xy[0].first, 10);
    auto item = ok("/v1/collections/gemeenten/items/GM0363", {{"Accept-Crs", "EPSG:28992"}});
    EXPECT_EQ(item.header("Content-Crs"), "<" + rd + ">");

    auto bad = problem("/v1/collections/informatiepunten/items", 400, {{"Accept-Crs", "EPSG:4326"}});
    EXPECT_EQ(bad.count("Accept-Crs"), 1u);
}

// bbox answers equal an independent filter of the full list: exact containment for points (in the
// bbox's CRS), envelope intersection for municipalities.
TEST_F(Ogc, BboxEqualsIndependentFilter) {
    std::map<std::string, std::vector<Feature>> full;
    for (const char* collection : {"informatiepunten", "gemeenten"})
        for (const char* crs : {"OGC:CRS84", "EPSG:28992"})
            full[std::string(collection) + crs] =
                features_of(ok(std::string("/v1/collections/") + collection + "/items?limit=1000&crs=" + crs).json);

    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> lon(3.3, 7.2), lat(50.7, 53.6), width(0.02, 1.5);
    std::uniform_real_distribution<double> x(0, 280000), y(300000, 620000), size(1000, 90000);
    std::size_t nonempty = 0;
    for (int i = 0; i < 60; ++i) {
        const bool in_rd = i % 2 == 1;
        double b[4];
        if (in_rd) {
            b[0] = std::round(x(rng) * 1000) / 1000, b[1] = std::round(y(rng) * 1000) / 1000;
            b[2] = std::min(300000.0, b[0] + std::round(size(rng))), b[3] = std::min(629000.0, b[1] + std::round(size(rng)));
        } else {
            b[0] = std::round(lon(rng) * 1e6) / 1e6, b[1] = std::round(lat(rng) * 1e6) / 1e6;
            b[2] = b[0] + std::round(width(rng) * 1e6) / 1e6, b[3] = b[1] + std::round(width(rng) * 1e6) / 1e6;
        }
        char bbox[160];
        std::snprintf(bbox, sizeof bbox, "%.6f,%.6f,%.6f,%.6f", b[0], b[1], b[2], b[3]);
        for (const char* collection : {"informatiepunten", "gemeenten"}) {
            // Output in the other CRS than the bbox half of the time, to show the filter does not care.
            const char* out_crs = (i / 2) % 2 ? "EPSG:28992" : "OGC:CRS84";
            std::string path = std::string("/v1/collections/") + collection + "/items?limit=1000&bbox=" + bbox + "&crs=" + out_crs;
            if (in_rd) path += i % 4 == 1 ? "&bbox-crs=EPSG:28992" : "&bboxCrs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F28992";
            auto reply = ok(path);
            std::set<std::string> got;
            for (const auto& f : features_of(reply.json)) got.insert(f.id);
            EXPECT_EQ(json_uint(reply.json, "/numberMatched"), got.size());
            std::set<std::string> expected;
            for (const auto& f : full[std::string(collection) + (in_rd ? "EPSG:28992" : "OGC:CRS84")]) {
                const bool hit = std::string(collection) == "informatiepunten"
                                     ? f.xy[0].first >= b[0] && f.xy[0].first <= b[2] && f.xy[0].second >= b[1] && f.xy[0].second <= b[3]
                                     : f.min_x <= b[2] && f.max_x >= b[0] && f.min_y <= b[3] && f.max_y >= b[1];
                if (hit) expected.insert(f.id);
            }
            EXPECT_EQ(got, expected) << path;
            nonempty += !expected.empty();
            // The links carry the whole query.
            const std::string self = link(reply.json, "self");
            EXPECT_NE(self.find("bbox="), std::string::npos) << self;
            EXPECT_NE(self.find("crs="), std::string::npos) << self;
            if (in_rd) {
                EXPECT_NE(self.find("bbox-crs="), std::string::npos) << self;
            }
        }
    }
    EXPECT_GT(nonempty, 40u) << "the random boxes should mostly hit something";
    // A small bbox with paging: the walk gives the same set as one big page.
    auto paged = walk(*this, "/v1/collections/informatiepunten/items?limit=3&bbox=4.7,52.2,5.1,52.5", 3);
    std::set<std::string> paged_ids, one_page;
    for (const auto& f : paged) paged_ids.insert(f.id);
    for (const auto& f : features_of(ok("/v1/collections/informatiepunten/items?limit=1000&bbox=4.7,52.2,5.1,52.5").json))
        one_page.insert(f.id);
    EXPECT_EQ(paged_ids, one_page);
    EXPECT_GT(paged_ids.size(), 3u);
    // A whole-country map window in RD on a wide screen reaches past the RD bounds: clipped, everything matches.
    for (const char* collection : {"informatiepunten", "gemeenten"}) {
        auto wide = ok(std::string("/v1/collections/") + collection + "/items?limit=1&bbox=-150000,250000,450000,640000&bbox-crs=EPSG:28992");
        EXPECT_EQ(json_uint(wide.json, "/numberMatched"), full[std::string(collection) + "OGC:CRS84"].size()) << collection;
    }
}

TEST_F(Ogc, ClearProblemsForBadInput) {
    const std::string items = "/v1/collections/informatiepunten/items";
    auto code = [&](const std::string& query, const std::string& name) {
        auto params = problem(items + query, 400);
        auto it = params.find(name);
        return it == params.end() ? std::string("(none)") : it->second;
    };
    EXPECT_EQ(code("?crs=EPSG:4326", "crs"), "niet-ondersteunde-crs");
    EXPECT_EQ(code("?crs=", "crs"), "niet-ondersteunde-crs");
    EXPECT_EQ(code("?bbox=5.0,52.3,4.8,52.4", "bbox"), "ongeldige-bbox");          // wrong order
    EXPECT_EQ(code("?bbox=4.8,52.3,5.0", "bbox"), "ongeldige-bbox");               // three numbers
    EXPECT_EQ(code("?bbox=NaN,52.3,5.0,52.4", "bbox"), "ongeldige-bbox");
    EXPECT_EQ(code("?bbox=4.8,52.3,5.0,zuid", "bbox"), "ongeldige-bbox");
    EXPECT_EQ(code("?bbox=120000,480000,130000,490000", "bbox"), "bbox-buiten-crs");  // RD numbers, CRS84 default
    EXPECT_EQ(code("?bbox=4.8,52.3,5.0,52.4&bbox-crs=EPSG:28992", "bbox"), "bbox-buiten-crs");
    EXPECT_EQ(code("?bbox=181,52.3,182,52.4", "bbox"), "bbox-buiten-crs");
    EXPECT_EQ(code("?bbox=4.8,52.3,5.0,52.4&bbox-crs=EPSG:3857", "bbox-crs"), "niet-ondersteunde-crs");
    EXPECT_EQ(code("?limit=0", "limit"), "buiten-bereik");
    EXPECT_EQ(code("?offset=-1", "offset"), "buiten-bereik");
    EXPECT_EQ(code("?f=json", "f"), "onbekende-parameter");
    // All problems at once.
    auto all = problem(items + "?crs=x&bbox=1,2,3&limit=abc", 400);
    EXPECT_EQ(all.size(), 3u);
    // Not found.
    problem("/v1/collections/bestaat-niet", 404);
    problem("/v1/collections/bestaat-niet/items", 404);
    problem("/v1/collections/informatiepunten/items/BESTAAT-NIET", 404);
    problem("/v1/collections/gemeenten/items/GM9999", 404);
    problem("/v1/collections/gemeenten/items/..%2F..", 404);
    // No trailing slashes (ADR): a 404, not a redirect.
    problem("/v1/collections/", 404);
    problem("/v1/collections/gemeenten/items/", 404);
    problem("/v1/conformance/", 404);
    // Unknown query parameters on every OGC resource.
    for (const char* path : {"/v1?x=1", "/v1/conformance?x=1", "/v1/collections?x=1", "/v1/collections/gemeenten?x=1",
                             "/v1/collections/gemeenten/items/GM0363?bbox=1,2,3,4"})
        EXPECT_EQ(problem(path, 400).count(std::string(path).find("bbox") != std::string::npos ? "bbox" : "x"), 1u) << path;
}

// A clean shutdown after OGC requests: a server of its own, so this test runs in any order.
TEST_F(Ogc, ShutsDownCleanly) {
    ServerProcess own({}, "ogc-contract-sigterm-server.log");
    httplib::Client client("127.0.0.1", own.port());
    auto collections = client.Get("/v1/collections");
    ASSERT_TRUE(collections);
    EXPECT_EQ(collections->status, 200);
    EXPECT_EQ(own.stop(), 0);
}
