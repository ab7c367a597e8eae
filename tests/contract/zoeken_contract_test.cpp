// Contract tests over real HTTP for "search as people type" (issue 15 §2, docs/zoeken.md): street
// addresses, help point names, the suggestions and the server-rendered finder page.
#include "server_process.hpp"

#include "../support/json_access.hpp"  // before any RapidJSON header: its checked RAPIDJSON_ASSERT

#include <set>

// ServerProcess and the shape-checked JSON readers (tests/support/json_access.hpp).
using namespace ido::test;

namespace {

ServerProcess* server = nullptr;

class Zoeken : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (server == nullptr) server = new ServerProcess({}, "zoeken-contract-server.log");
    }
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
    }

    static httplib::Result get(const std::string& path) {
        httplib::Client client("127.0.0.1", server->port());
        client.set_read_timeout(10, 0);
        return client.Get(path);
    }

    static rapidjson::Document json(const std::string& path, int expected_status = 200) {
        auto result = get(path);
        rapidjson::Document document;
        EXPECT_TRUE(result) << path;
        if (!result) return document;
        EXPECT_EQ(result->status, expected_status) << path << "\n" << result->body.substr(0, 500);
        document.Parse(result->body.c_str());
        EXPECT_FALSE(document.HasParseError()) << path;
        return document;
    }

    static std::string str(const rapidjson::Value& v) { return v.IsString() ? v.GetString() : "(null)"; }
};

}  // namespace

TEST_F(Zoeken, StreetAddressWithPlaceAnswersForThePlace) {
    auto d = json("/v1/informatiepunten?zoek=Stationsplein%201%20Zwolle&limit=3");
    EXPECT_EQ(str(json_at(d, "/zoeklocatie/methode")), "adres");
    EXPECT_EQ(str(json_at(d, "/zoeklocatie/gebruikt")), "Zwolle");
    EXPECT_EQ(str(json_at(d, "/zoeklocatie/gemeentecode")), "GM0193");
    ASSERT_EQ(json_size(d, "/informatiepunten"), 3u);
    // The same point as the place alone.
    auto place = json("/v1/informatiepunten?zoek=Zwolle&limit=1");
    EXPECT_EQ(json_number(d, "/zoekpunt/coordinates/0"), json_number(place, "/zoekpunt/coordinates/0"));
    EXPECT_FALSE(json_at(place, "/zoeklocatie").HasMember("gebruikt"));
}

TEST_F(Zoeken, StreetAddressWithPostcodeAnswersForThePostcode) {
    auto d = json("/v1/informatiepunten?zoek=Kerkstraat%2012%2C%203511%20AB&limit=1");
    EXPECT_EQ(str(json_at(d, "/zoeklocatie/methode")), "adres");
    EXPECT_EQ(str(json_at(d, "/zoeklocatie/soort")), "postcode6");
    EXPECT_EQ(str(json_at(d, "/zoeklocatie/postcode")), "3511 AB");
    EXPECT_EQ(str(json_at(d, "/zoeklocatie/gebruikt")), "3511 AB");
    auto compact = json("/v1/informatiepunten?zoek=3511AB%2012&limit=1");
    EXPECT_EQ(str(json_at(compact, "/zoeklocatie/gebruikt")), "3511 AB");
    auto full = json("/v1/informatiepunten?zoek=Stationsplein%201%2C%208011%20CW%20Zwolle&limit=1");
    EXPECT_EQ(str(json_at(full, "/zoeklocatie/gebruikt")), "8011 CW");
    EXPECT_EQ(str(json_at(full, "/zoeklocatie/gemeentecode")), "GM0193");
}

TEST_F(Zoeken, TextWithNeitherIsRefusedNamingZoekWithAHint) {
    for (const char* path : {"/v1/informatiepunten?zoek=Kerkstraat%2012", "/v1/informatiepunten?zoek=zzz%20yyy"}) {
        auto d = json(path, 400);
        ASSERT_EQ(json_size(d, "/invalidParams"), 1u) << path;
        EXPECT_EQ(str(json_at(d, "/invalidParams/0/name")), "zoek") << path;
        EXPECT_EQ(str(json_at(d, "/invalidParams/0/code")), "niet-gevonden") << path;
        // The hint names what may be typed (its words are the page's to choose; a postcode example is there).
        EXPECT_NE(str(json_at(d, "/invalidParams/0/reason")).find("postcode"), std::string::npos) << path;
    }
}

TEST_F(Zoeken, HelpPointNameFindsItFirst) {
    for (const char* q : {"Bibliotheek%20Overvecht", "bibliotheek%20overvecht", "IDO%20Bibliotheek%20Overvecht"}) {
        auto d = json(std::string("/v1/informatiepunten?limit=3&zoek=") + q);
        EXPECT_EQ(str(json_at(d, "/zoeklocatie/methode")), "naam") << q;
        EXPECT_EQ(str(json_at(d, "/zoeklocatie/soort")), "informatiepunt") << q;
        EXPECT_EQ(str(json_at(d, "/zoeklocatie/id")), "IDO-VB-067") << q;
        EXPECT_EQ(str(json_at(d, "/informatiepunten/0/id")), "IDO-VB-067") << q;
        // The search starts at the help point's own position.
        EXPECT_EQ(json_number(d, "/zoekpunt/coordinates/0"), json_number(d, "/informatiepunten/0/geometrie/coordinates/0")) << q;
    }
    auto oba = json("/v1/informatiepunten?limit=1&zoek=OBA%20Oosterdok");
    EXPECT_EQ(str(json_at(oba, "/informatiepunten/0/id")), "BIB-SL-028");
}

TEST_F(Zoeken, AmbiguousNameAnswersWithThePlaceOrAsksForIt) {
    // Two libraries in Haarlem share the start of their name: the place in the text answers.
    auto haarlem = json("/v1/informatiepunten?limit=1&zoek=Bibliotheek%20Haarlem");
    EXPECT_EQ(str(json_at(haarlem, "/zoeklocatie/methode")), "plaats");
    EXPECT_EQ(str(json_at(haarlem, "/zoeklocatie/gebruikt")), "Haarlem");
    // "Bibliotheek" alone: no random library, but a 400 asking for the place.
    auto alone = json("/v1/informatiepunten?zoek=Bibliotheek", 400);
    EXPECT_EQ(str(json_at(alone, "/invalidParams/0/name")), "zoek");
}

TEST_F(Zoeken, SuggestionsIncludeHelpPointNamesAndAddressParts) {
    auto d = json("/v1/zoeksuggesties?q=Bibliotheek%20Overve");
    bool found = false;
    for (const auto& s : json_array(d, "/zoeksuggesties"))
        if (str(json_at(s, "/soort")) == "informatiepunt" && str(json_at(s, "/id")) == "IDO-VB-067") found = true;
    EXPECT_TRUE(found);
    auto address = json("/v1/zoeksuggesties?q=Stationsplein%201%20Zwol");
    ASSERT_GE(json_size(address, "/zoeksuggesties"), 1u);
    EXPECT_EQ(str(json_at(address, "/zoeksuggesties/0/gemeentecode")), "GM0193");
}

// The page's count line names the place that was used, as the widget's does after taking over (a separate
// "searched on" line only on the server would shift the page when the widget takes over).
std::string count_line(const std::string& body) {
    const auto start = body.find("<p class=\"aantal\"");
    if (start == std::string::npos) return {};
    return body.substr(start, body.find("</p>", start) - start);
}

TEST_F(Zoeken, FinderPageSaysWhatWasSearchedOn) {
    auto page = get("/?zoek=Stationsplein%201%20Zwolle");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_NE(count_line(page->body).find("Zwolle"), std::string::npos) << count_line(page->body);
    auto name = get("/?zoek=OBA%20Oosterdok");
    ASSERT_TRUE(name);
    EXPECT_EQ(name->status, 200);
    EXPECT_NE(count_line(name->body).find("Oosterdok"), std::string::npos) << count_line(name->body);
    auto refused = get("/?zoek=Kerkstraat%2012");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 400);
}

// No search text in the log: a server of its own, whose log is complete once it has stopped.
TEST_F(Zoeken, LogsHoldNoAddressOrName) {
    ServerProcess own({}, "zoeken-contract-log-server.log");
    httplib::Client client("127.0.0.1", own.port());
    client.set_read_timeout(10, 0);
    for (const char* path : {"/v1/informatiepunten?zoek=Geheimstraat%2017%20Zwolle&limit=1", "/v1/informatiepunten?zoek=OBA%20Oosterdok&limit=1",
                             "/v1/zoeksuggesties?q=Geheimstraat%2017%20Zwo", "/?zoek=Geheimstraat%2017%20Zwolle"}) {
        auto result = client.Get(path);
        ASSERT_TRUE(result) << path;
        EXPECT_EQ(result->status, 200) << path;
    }
    EXPECT_EQ(own.stop(), 0);
    const std::string log = own.log();
    for (const char* secret : {"Geheimstraat", "Oosterdok"}) EXPECT_EQ(log.find(secret), std::string::npos) << secret;
}
