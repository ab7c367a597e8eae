// Contract tests of the public pages over real HTTP (issue 15): the server-rendered finder, a help
// point's page with its JSON-LD, sitemap.xml and robots.txt, and the compression and caching of static
// files and JSON. Answers are compared with the JSON API's own answers for the same question.
#include "server_process.hpp"

#include "../support/json_access.hpp"  // before any RapidJSON header: its checked RAPIDJSON_ASSERT

#include <brotli/decode.h>
#include <zlib.h>

#include <regex>
#include <set>

using namespace ido::test;

namespace {

ServerProcess* server = nullptr;

class Pages : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (server == nullptr) server = new ServerProcess();
    }
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
    }

    /// A GET as sent, without httplib's own Accept-Encoding and decompression, so the test sees the bytes.
    static httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
        httplib::Client client("127.0.0.1", server->port());
        client.set_read_timeout(10, 0);
        client.set_decompress(false);
        httplib::Headers h = headers;
        if (!h.count("Accept-Encoding")) h.emplace("Accept-Encoding", "identity");
        return client.Get(path, h);
    }

    static rapidjson::Document json(const std::string& path) {
        auto result = get(path);
        rapidjson::Document document;
        EXPECT_TRUE(result) << path;
        if (!result) return document;
        EXPECT_EQ(result->status, 200) << path;
        document.Parse(result->body.c_str());
        EXPECT_FALSE(document.HasParseError()) << path;
        return document;
    }
};

std::string gunzip(const std::string& in) {
    z_stream s{};
    if (inflateInit2(&s, 15 + 16) != Z_OK) return {};
    std::string out;
    char buffer[16384];
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    s.avail_in = static_cast<uInt>(in.size());
    int r = Z_OK;
    while (r == Z_OK) {
        s.next_out = reinterpret_cast<Bytef*>(buffer);
        s.avail_out = sizeof buffer;
        r = inflate(&s, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - s.avail_out);
    }
    inflateEnd(&s);
    return r == Z_STREAM_END ? out : std::string("<gunzip failed>");
}

std::string unbrotli(const std::string& in) {
    std::string out(in.size() * 20 + 1024, '\0');
    std::size_t size = out.size();
    if (BrotliDecoderDecompress(in.size(), reinterpret_cast<const uint8_t*>(in.data()), &size, reinterpret_cast<uint8_t*>(out.data())) !=
        BROTLI_DECODER_RESULT_SUCCESS)
        return "<unbrotli failed>";
    out.resize(size);
    return out;
}

std::vector<std::string> all(const std::string& text, const std::string& pattern) {
    std::vector<std::string> out;
    const std::regex re(pattern);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) out.push_back((*it)[1]);
    return out;
}

// The names the API answers for a query, in order.
std::vector<std::string> api_names(const rapidjson::Document& doc) {
    std::vector<std::string> names;
    for (const auto& ip : json_array(doc, "/informatiepunten")) names.push_back(json_string(ip, "/naam"));
    return names;
}

std::string unescape(std::string s) {
    for (const auto& [from, to] : {std::pair{"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}}) {
        for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) s.replace(at, std::string(from).size(), to);
    }
    return s;
}

TEST_F(Pages, FinderWithoutQueryIsAPlainGetForm) {
    auto r = get("/");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(r->get_header_value("Content-Security-Policy").find("form-action 'self'"), std::string::npos);
    EXPECT_NE(r->body.find("<form class=\"zoekform\" role=\"search\" method=\"get\" action=\"/\">"), std::string::npos);
    EXPECT_NE(r->body.find("name=\"zoek\""), std::string::npos);
    EXPECT_NE(r->body.find("name=\"openNu\""), std::string::npos);
    EXPECT_NE(r->body.find("name=\"dienst\""), std::string::npos);
    EXPECT_EQ(r->body.find("class=\"item\""), std::string::npos);
    EXPECT_NE(r->body.find("<link rel=\"canonical\" href=\"http://127.0.0.1:" + std::to_string(server->port()) + "/\">"), std::string::npos);
    // The widget script under its versioned name.
    EXPECT_EQ(all(r->body, "src=\"(/widget/v1/ido-vinder\\.[0-9a-f]{16}\\.js)\"").size(), 1u) << r->body.substr(0, 1500);
}

TEST_F(Pages, FinderRendersTheApiResultsOnTheServer) {
    auto r = get("/?zoek=3511AB");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    const auto api = json("/v1/informatiepunten?zoek=3511AB");
    const auto expected = api_names(api);
    ASSERT_FALSE(expected.empty());
    std::vector<std::string> shown;
    for (auto& n : all(r->body, "<h2 class=\"item-kop\"><a href=\"/informatiepunten/[^\"]+\">([^<]*)</a>")) shown.push_back(unescape(n));
    EXPECT_EQ(shown, expected);
    // Ids link to the help point pages, in the API's order.
    std::vector<std::string> ids;
    for (const auto& ip : json_array(api, "/informatiepunten")) ids.push_back(json_string(ip, "/id"));
    EXPECT_EQ(all(r->body, "<li class=\"item\" data-id=\"([^\"]+)\""), ids);
    EXPECT_NE(r->body.find("<span class=\"afstand\">"), std::string::npos);
    EXPECT_NE(r->body.find(" km</span>"), std::string::npos);
    EXPECT_EQ(all(r->body, "<p class=\"status status-(open|gesloten|afspraak|onbekend)\">").size(), expected.size());
    EXPECT_EQ(all(r->body, "<p class=\"item-afspraak\">([^<]+)</p>").size(), expected.size());
    EXPECT_NE(r->body.find("https://www.openstreetmap.org/directions?to="), std::string::npos);
    EXPECT_NE(r->body.find("value=\"3511AB\""), std::string::npos) << "the form keeps the question";
}

TEST_F(Pages, FinderFiltersGoToTheApi) {
    auto r = get("/?zoek=Utrecht&dienst=digid&openNu=true");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
    const auto expected = api_names(json("/v1/informatiepunten?zoek=Utrecht&dienst=digid&openNu=true"));
    std::vector<std::string> shown;
    for (auto& n : all(r->body, "<h2 class=\"item-kop\"><a href=\"[^\"]+\">([^<]*)</a>")) shown.push_back(unescape(n));
    EXPECT_EQ(shown, expected);
    EXPECT_NE(r->body.find("value=\"digid\" selected"), std::string::npos);
    EXPECT_NE(r->body.find("value=\"true\" checked"), std::string::npos);
    // An empty choice ("Alles") is no filter at all.
    auto alles = get("/?zoek=Utrecht&dienst=");
    ASSERT_TRUE(alles);
    EXPECT_EQ(alles->status, 200);
}

TEST_F(Pages, ABadQueryIsAFriendlyPageWithStatus400) {
    for (const std::string path : {"/?zoek=qqqxxzzy", "/?zoek=Utrecht&dienst=%3Cscript%3E", "/embed?gemeente=GM9999"}) {
        auto r = get(path);
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 400) << path;
        EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8") << path;
        EXPECT_NE(r->body.find("<p class=\"melding\" role=\"alert\">"), std::string::npos) << path;
        EXPECT_EQ(r->body.find("<script>"), std::string::npos) << path;
        EXPECT_NE(r->body.find("<form"), std::string::npos) << path << ": the form is there to try again";
    }
    auto r = get("/?zoek=qqqxxzzy");
    EXPECT_NE(r->body.find("niet vinden"), std::string::npos);
}

TEST_F(Pages, AmbiguousPlaceListsTheCandidates) {
    const auto api = json("/v1/informatiepunten?zoek=Rijswijk");
    if (!api.HasMember("kandidaten")) GTEST_SKIP() << "Rijswijk is not ambiguous in this data";
    auto r = get("/?zoek=Rijswijk");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(all(r->body, "<ul class=\"kandidaten\">\\n(<li>)").size(), 1u);
    EXPECT_EQ(all(r->body, "<li><a href=\"(/\\?zoek=[^\"]+)\">").size(), std::min<std::size_t>(json_array(api, "/kandidaten").Size(), 8));
}

TEST_F(Pages, EmbedListsTheMunicipalityAndMayBeFramed) {
    auto r = get("/embed?gemeente=GM0344");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
    EXPECT_FALSE(r->has_header("X-Frame-Options"));
    EXPECT_NE(r->get_header_value("Content-Security-Policy").find("frame-ancestors *"), std::string::npos);
    EXPECT_NE(r->body.find("<meta name=\"robots\" content=\"noindex\">"), std::string::npos);
    EXPECT_NE(r->body.find("in Utrecht</h2>"), std::string::npos);
    EXPECT_NE(r->body.find("<input type=\"hidden\" name=\"gemeente\" value=\"GM0344\">"), std::string::npos);
    const auto api = json("/v1/gemeenten/GM0344/informatiepunten");
    std::set<std::string> expected;
    for (const auto& ip : json_array(api, "/informatiepunten")) expected.insert(json_string(ip, "/id"));
    const auto shown = all(r->body, "<li class=\"item\" data-id=\"([^\"]+)\"");
    EXPECT_EQ(std::set<std::string>(shown.begin(), shown.end()), expected);
}

TEST_F(Pages, HelpPointPageHasEverythingAndValidJsonLd) {
    const auto list = json("/v1/gemeenten/GM0344/informatiepunten");
    std::string real, example;
    for (const auto& ip : json_array(list, "/informatiepunten")) {
        const bool generated = ip.HasMember("herkomst") && ip["herkomst"].IsObject() && ip["herkomst"].HasMember("soort") &&
                               std::string(ip["herkomst"]["soort"].GetString()) == "gegenereerd";
        (generated ? example : real) = json_string(ip, "/id");
    }
    ASSERT_FALSE(real.empty());
    auto r = get("/informatiepunten/" + real);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
    const auto ip = json("/v1/informatiepunten/" + real);
    EXPECT_NE(r->body.find("<h1>" + json_string(ip, "/naam") + "</h1>"), std::string::npos);
    for (const char* part : {"id=\"kop-adres\"", "id=\"kop-spreekuren\"", "id=\"kop-afspraak\"", "id=\"kop-contact\"", "class=\"gecontroleerd\"",
                             "Meld een fout", "Route plannen", "class=\"status status-"})
        EXPECT_NE(r->body.find(part), std::string::npos) << part;
    const std::string canonical = "http://127.0.0.1:" + std::to_string(server->port()) + "/informatiepunten/" + real;
    EXPECT_NE(r->body.find("<link rel=\"canonical\" href=\"" + canonical + "\">"), std::string::npos);
    EXPECT_EQ(r->body.find("noindex"), std::string::npos);

    const auto blocks = all(r->body, "<script type=\"application/ld\\+json\">([^<]*)</script>");
    ASSERT_EQ(blocks.size(), 1u);
    rapidjson::Document ld;
    ld.Parse(blocks[0].c_str());
    ASSERT_FALSE(ld.HasParseError()) << blocks[0];
    EXPECT_EQ(json_string(ld, "/@context"), "https://schema.org");
    EXPECT_EQ(json_string(ld, "/@type"), "GovernmentService");
    EXPECT_EQ(json_string(ld, "/url"), canonical);
    EXPECT_EQ(json_string(ld, "/availableChannel/serviceLocation/@type"), "Place");
    EXPECT_EQ(json_string(ld, "/availableChannel/serviceLocation/name"), json_string(ip, "/naam"));
    const auto& coordinates = json_array(ip, "/geometrie/coordinates");
    EXPECT_DOUBLE_EQ(json_number(ld, "/availableChannel/serviceLocation/geo/latitude"), coordinates[1].GetDouble());
    // One specification per coming slot of the next 7 days, each on a real weekday with opens < closes.
    if (ld["availableChannel"]["serviceLocation"].HasMember("openingHoursSpecification")) {
        for (const auto& spec : json_array(ld, "/availableChannel/serviceLocation/openingHoursSpecification")) {
            EXPECT_EQ(json_string(spec, "/@type"), "OpeningHoursSpecification");
            EXPECT_TRUE(std::regex_match(json_string(spec, "/dayOfWeek"),
                                         std::regex("https://schema.org/(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)")));
            EXPECT_LT(json_string(spec, "/opens"), json_string(spec, "/closes"));
            EXPECT_EQ(json_string(spec, "/validFrom"), json_string(spec, "/validThrough"));
        }
    }

    if (!example.empty()) {
        auto e = get("/informatiepunten/" + example);
        ASSERT_TRUE(e);
        EXPECT_EQ(e->status, 200);
        EXPECT_NE(e->body.find("<meta name=\"robots\" content=\"noindex\">"), std::string::npos);
        EXPECT_NE(e->body.find("Voorbeeld, geen echte locatie"), std::string::npos);
    }
    auto missing = get("/informatiepunten/bestaat-niet-123");
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
    EXPECT_EQ(missing->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(missing->body.find("noindex"), std::string::npos);
}

TEST_F(Pages, SitemapListsEveryRealHelpPointAndNoExample) {
    // Every help point from the API, paged by `na`.
    std::set<std::string> real;
    std::string after;
    for (int page = 0; page < 100; ++page) {
        const auto doc = json("/v1/informatiepunten?limit=1000" + (after.empty() ? "" : "&na=" + after));
        const auto& items = json_array(doc, "/informatiepunten");
        for (const auto& ip : items) {
            const bool generated = ip.HasMember("herkomst") && ip["herkomst"].IsObject() && ip["herkomst"].HasMember("soort") &&
                                   std::string(ip["herkomst"]["soort"].GetString()) == "gegenereerd";
            if (!generated) real.insert(json_string(ip, "/id"));
            after = json_string(ip, "/id");
        }
        if (json_array(doc, "/links").Empty()) break;
    }
    ASSERT_FALSE(real.empty());
    auto r = get("/sitemap.xml");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/xml; charset=utf-8");
    const std::string base = "http://127.0.0.1:" + std::to_string(server->port());
    std::set<std::string> listed;
    for (const auto& loc : all(r->body, "<loc>([^<]+)</loc>")) {
        if (loc == base + "/") continue;
        ASSERT_EQ(loc.rfind(base + "/informatiepunten/", 0), 0u) << loc;
        listed.insert(loc.substr((base + "/informatiepunten/").size()));
    }
    EXPECT_EQ(listed, real);

    auto robots = get("/robots.txt");
    ASSERT_TRUE(robots);
    EXPECT_EQ(robots->status, 200);
    EXPECT_NE(robots->body.find("Sitemap: " + base + "/sitemap.xml"), std::string::npos);
}

TEST_F(Pages, StaticFilesArePrecompressedVersionedAndCached) {
    auto page = get("/");
    ASSERT_TRUE(page);
    const auto scripts = all(page->body, "src=\"(/widget/v1/ido-vinder\\.[0-9a-f]{16}\\.js)\"");
    ASSERT_EQ(scripts.size(), 1u);

    auto plain = get("/widget/v1/ido-vinder.js");
    ASSERT_TRUE(plain);
    ASSERT_EQ(plain->status, 200);
    EXPECT_FALSE(plain->has_header("Content-Encoding"));
    EXPECT_EQ(plain->get_header_value("Vary"), "Accept-Encoding");
    EXPECT_EQ(plain->get_header_value("Cache-Control"), "public, max-age=300");

    auto br = get("/widget/v1/ido-vinder.js", {{"Accept-Encoding", "gzip, deflate, br"}});
    ASSERT_TRUE(br);
    EXPECT_EQ(br->get_header_value("Content-Encoding"), "br");
    EXPECT_EQ(br->get_header_value("Vary"), "Accept-Encoding");
    EXPECT_LT(br->body.size(), plain->body.size() / 3);
    EXPECT_EQ(unbrotli(br->body), plain->body);
    EXPECT_NE(br->get_header_value("ETag"), plain->get_header_value("ETag"));

    auto gz = get("/widget/v1/ido-vinder.js", {{"Accept-Encoding", "gzip"}});
    ASSERT_TRUE(gz);
    EXPECT_EQ(gz->get_header_value("Content-Encoding"), "gzip");
    EXPECT_EQ(gunzip(gz->body), plain->body);

    auto refused = get("/widget/v1/ido-vinder.js", {{"Accept-Encoding", "br;q=0, gzip;q=0"}});
    ASSERT_TRUE(refused);
    EXPECT_FALSE(refused->has_header("Content-Encoding"));

    auto versioned = get(scripts[0], {{"Accept-Encoding", "br"}});
    ASSERT_TRUE(versioned);
    EXPECT_EQ(versioned->status, 200);
    EXPECT_EQ(versioned->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(unbrotli(versioned->body), plain->body);

    auto again = get(scripts[0], {{"Accept-Encoding", "br"}, {"If-None-Match", versioned->get_header_value("ETag")}});
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 304);
    EXPECT_TRUE(again->body.empty());
}

TEST_F(Pages, LargeJsonAndPagesAreGzippedWhenAsked) {
    const std::string path = "/v1/informatiepunten?zoek=Utrecht&limit=50";
    auto plain = get(path);
    ASSERT_TRUE(plain);
    ASSERT_GT(plain->body.size(), 2048u);
    EXPECT_FALSE(plain->has_header("Content-Encoding"));
    EXPECT_EQ(plain->get_header_value("Vary"), "Accept-Encoding");
    auto gz = get(path, {{"Accept-Encoding", "gzip, br"}});
    ASSERT_TRUE(gz);
    EXPECT_EQ(gz->get_header_value("Content-Encoding"), "gzip");
    EXPECT_EQ(gz->get_header_value("Content-Type"), plain->get_header_value("Content-Type"));
    EXPECT_EQ(gunzip(gz->body), plain->body);
    EXPECT_LT(gz->body.size(), plain->body.size());

    auto small = get("/v1/health", {{"Accept-Encoding", "gzip"}});
    ASSERT_TRUE(small);
    EXPECT_FALSE(small->has_header("Content-Encoding")) << "below the threshold: not worth it";

    auto html = get("/?zoek=3511AB", {{"Accept-Encoding", "gzip"}});
    ASSERT_TRUE(html);
    EXPECT_EQ(html->get_header_value("Content-Encoding"), "gzip");
    EXPECT_NE(gunzip(html->body).find("class=\"item\""), std::string::npos);
}

}  // namespace
