// Contract tests of the municipal pages (GET /gemeenten, /gemeenten/{gemeentecode}) over real HTTP against
// the real binary: the status codes and content types, and that every figure on the pages equals the
// API's answer for the same question (the cells carry the API's value in `data-waarde`).
#include "server_process.hpp"

#include "../support/json_access.hpp"  // before any RapidJSON header: its checked RAPIDJSON_ASSERT

#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

using namespace ido::test;

namespace {

ServerProcess* server = nullptr;

struct Reply {
    int status = 0;
    std::string body, content_type, csp;
};

Reply fetch(const std::string& target) {
    Reply reply;
    httplib::Client client("127.0.0.1", server->port());
    client.set_read_timeout(60, 0);
    auto result = client.Get(target);
    EXPECT_TRUE(result) << target;
    if (!result) return reply;
    reply.status = result->status;
    reply.body = result->body;
    reply.content_type = result->get_header_value("Content-Type");
    reply.csp = result->get_header_value("Content-Security-Policy");
    return reply;
}

rapidjson::Document json(const std::string& target) {
    const auto reply = fetch(target);
    EXPECT_EQ(reply.status, 200) << target;
    rapidjson::Document document;
    document.Parse(reply.body.c_str());
    EXPECT_FALSE(document.HasParseError()) << target;
    return document;
}

// The `data-waarde` values of the cells after `from` up to `end_tag` (the end of its table row).
std::vector<std::string> row_values(const std::string& html, std::size_t from, const std::string& end_tag = "</tr>") {
    std::vector<std::string> values;
    if (from == std::string::npos) return values;
    const std::size_t end = html.find(end_tag, from);
    const std::string key = "data-waarde=\"";
    for (std::size_t at = html.find(key, from); at != std::string::npos && at < end; at = html.find(key, at + 1)) {
        const std::size_t start = at + key.size();
        values.push_back(html.substr(start, html.find('"', start) - start));
    }
    return values;
}

// The `data-waarde` of the cell with `data-veld="<field>"`.
std::string field_value(const std::string& html, const std::string& field) {
    const auto at = html.find("data-veld=\"" + field + "\"");
    if (at == std::string::npos) return "missing";
    const auto values = row_values(html, at);
    return values.empty() ? "missing" : values.front();
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

void expect_metres(const std::string& page_value, const rapidjson::Value& api, const std::string& pointer) {
    if (json_at(api, pointer).IsNull()) EXPECT_EQ(page_value, "") << pointer;
    else EXPECT_EQ(page_value, std::to_string(json_int(api, pointer))) << pointer;
}

void expect_share(const std::string& page_value, const rapidjson::Value& api, const std::string& pointer) {
    if (json_at(api, pointer).IsNull()) {
        EXPECT_EQ(page_value, "") << pointer;
        return;
    }
    ASSERT_FALSE(page_value.empty()) << pointer;
    EXPECT_NEAR(std::stod(page_value), json_number(api, pointer), 1e-9) << pointer;
}

class GemeentePagina : public ::testing::Test {
public:
    static void SetUpTestSuite() {
        if (server == nullptr) server = new ServerProcess({}, "gemeente-pagina-contract-server.log");
    }
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
    }
};

TEST_F(GemeentePagina, StatusCodesAndContentTypes) {
    const auto national = fetch("/gemeenten");
    EXPECT_EQ(national.status, 200);
    EXPECT_EQ(national.content_type, "text/html; charset=utf-8");
    EXPECT_NE(national.csp.find("script-src 'self'"), std::string::npos) << "a page gets the page policy";
    EXPECT_EQ(fetch("/gemeenten/GM0344").status, 200);
    const auto unknown = fetch("/gemeenten/GM9999");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.content_type, "text/html; charset=utf-8");
    EXPECT_NE(unknown.body.find("<h1>"), std::string::npos);
    EXPECT_EQ(fetch("/gemeenten/GM0344?extraPostcode=0000").status, 400) << "a PC4 outside the municipality";
    EXPECT_EQ(fetch("/gemeenten/GM0344?extraLocaties=52.3,3.0").status, 400) << "a position in the North Sea";
    EXPECT_EQ(fetch("/gemeenten/GM0344?extraLocaties=noord").status, 400);
    EXPECT_EQ(fetch("/gemeenten/").status, 404) << "exact paths only";
    httplib::Client client("127.0.0.1", server->port());
    auto post = client.Post("/gemeenten", "", "text/plain");
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 405);
}

TEST_F(GemeentePagina, NationalTableEqualsTheApi) {
    const auto page = fetch("/gemeenten");
    const auto api = json("/v1/bereikbaarheid");
    ASSERT_EQ(json_size(api, "/gemeenten"), 342u);
    EXPECT_EQ(count(page.body, "<tr><th scope=\"row\""), 342u);
    EXPECT_EQ(count(page.body, "<path fill="), 342u) << "one shape per municipality on the map";
    // The national figures: residents, help points, mean, median, then the four shares.
    const auto national = row_values(page.body, page.body.find("id=\"landcijfers\""), "</dl>");
    ASSERT_EQ(national.size(), 8u);
    EXPECT_EQ(national[0], std::to_string(json_int(api, "/inwoners")));
    EXPECT_EQ(national[1], std::to_string(json_int(api, "/aantalInformatiepunten")));
    expect_metres(national[2], api, "/gemiddeldeAfstand");
    expect_metres(national[3], api, "/medianeAfstand");
    for (int t = 0; t < 4; ++t) expect_share(national[4 + static_cast<std::size_t>(t)], api, "/binnen/" + std::to_string(t) + "/aandeel");
    // Every municipality's row: name, code, residents, mean, median, four shares, help points.
    for (rapidjson::SizeType i = 0; i < 342; ++i) {
        const std::string at = "/gemeenten/" + std::to_string(i);
        const std::string code = json_string(api, at + "/gemeentecode");
        const auto row = row_values(page.body, page.body.find("<a href=\"/gemeenten/" + code + "\">"));
        ASSERT_EQ(row.size(), 9u) << code;
        EXPECT_EQ(row[0], code);
        EXPECT_EQ(row[1], std::to_string(json_int(api, at + "/inwoners"))) << code;
        expect_metres(row[2], api, at + "/gemiddeldeAfstand");
        expect_metres(row[3], api, at + "/medianeAfstand");
        for (int t = 0; t < 4; ++t) expect_share(row[4 + static_cast<std::size_t>(t)], api, at + "/binnen/" + std::to_string(t) + "/aandeel");
        EXPECT_EQ(row[8], std::to_string(json_int(api, at + "/aantalInformatiepunten"))) << code;
    }
}

TEST_F(GemeentePagina, SortingWithoutJavaScriptFollowsTheQuery) {
    const auto api = json("/v1/bereikbaarheid");
    std::string most;
    std::int64_t most_residents = -1;
    for (const auto& m : json_array(api, "/gemeenten"))
        if (json_int(m, "/inwoners") > most_residents) {
            most_residents = json_int(m, "/inwoners");
            most = json_string(m, "/gemeentecode");
        }
    const auto page = fetch("/gemeenten?sorteer=-inwoners");
    const auto first_row = page.body.find("<tr><th scope=\"row\"");
    ASSERT_NE(first_row, std::string::npos);
    EXPECT_EQ(page.body.find("<a href=\"/gemeenten/" + most + "\">", first_row), page.body.find("<a href=\"/gemeenten/", first_row))
        << "the most populous municipality comes first";
    EXPECT_NE(page.body.find("data-sleutel=\"inwoners\" data-soort=\"getal\" aria-sort=\"descending\""), std::string::npos);
}

TEST_F(GemeentePagina, MunicipalFiguresEqualTheApi) {
    for (const std::string code : {"GM0344", "GM0363", "GM0014"}) {
        const auto page = fetch("/gemeenten/" + code);
        ASSERT_EQ(page.status, 200) << code;
        const auto api = json("/v1/gemeenten/" + code + "/bereikbaarheid");
        EXPECT_EQ(field_value(page.body, "inwoners"), std::to_string(json_int(api, "/inwoners"))) << code;
        expect_metres(field_value(page.body, "gemiddeldeAfstand"), api, "/gemiddeldeAfstand");
        expect_metres(field_value(page.body, "medianeAfstand"), api, "/medianeAfstand");
        for (rapidjson::SizeType t = 0; t < json_size(api, "/binnen"); ++t) {
            const std::string at = "/binnen/" + std::to_string(t);
            expect_share(field_value(page.body, "binnen" + std::to_string(json_int(api, at + "/afstand"))), api, at + "/aandeel");
        }
        // The advice on the page is the API's (aantal=3, binnen=3000), in the same order.
        const auto advice = json("/v1/gemeenten/" + code + "/advies?aantal=3&binnen=3000");
        const auto list = page.body.find("class=\"advies-lijst\"");
        const std::size_t sites = list == std::string::npos ? 0 : count(page.body.substr(list, page.body.find("</ol>", list) - list), "<li>");
        EXPECT_EQ(sites, json_size(advice, "/locaties"))
            << code;
    }
}

// Each help point in the municipality's table links to its own page, which exists.
TEST_F(GemeentePagina, HelpPointNamesLinkToTheirPage) {
    const auto page = fetch("/gemeenten/GM0344");
    ASSERT_EQ(page.status, 200);
    const std::string link = "<th scope=\"row\"><a href=\"/informatiepunten/";
    EXPECT_GT(count(page.body, link), 0u);
    const auto at = page.body.find(link);
    ASSERT_NE(at, std::string::npos);
    const auto start = at + link.size() - std::string("/informatiepunten/").size();
    const std::string href = page.body.substr(start, page.body.find('"', start) - start);
    EXPECT_EQ(fetch(href).status, 200) << href;
}

}  // namespace
