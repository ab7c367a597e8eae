// Contract tests over real HTTP for searching (geocoder, suggestions, filters) and the opening status.
#include "server_process.hpp"

#include "../support/json_access.hpp"  // before any RapidJSON header: its checked RAPIDJSON_ASSERT

#include <set>

// ServerProcess, the private servers and the shape-checked JSON readers (tests/support/json_access.hpp).
using namespace ido::test;

namespace {

ServerProcess* server = nullptr;

class Search : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (server == nullptr) server = new ServerProcess({}, "search-contract-server.log");
    }
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
    }

    static rapidjson::Document json(const std::string& path, int expected_status = 200) {
        httplib::Client client("127.0.0.1", server->port());
        client.set_read_timeout(10, 0);
        auto result = client.Get(path);
        rapidjson::Document document;
        EXPECT_TRUE(result) << path;
        if (!result) return document;
        EXPECT_EQ(result->status, expected_status) << path << "\n" << result->body.substr(0, 500);
        document.Parse(result->body.c_str());
        EXPECT_FALSE(document.HasParseError()) << path;
        return document;
    }

    // The codes of invalidParams of a 400 for `path`, as "name:code".
    static std::set<std::string> problems(const std::string& path) {
        auto d = json(path, 400);
        std::set<std::string> out;
        if (d.IsObject() && d.HasMember("invalidParams"))
            for (const auto& p : json_array(d, "/invalidParams")) out.insert(json_string(p, "/name") + ":" + json_string(p, "/code"));
        return out;
    }

    static std::string str(const rapidjson::Value& v) { return v.IsString() ? v.GetString() : "(null)"; }
};

const std::string december = "tijdstip=2026-12-03T10:00:00%2B01:00";  // a Thursday morning

}  // namespace

TEST_F(Search, FreeTextPlaceGivesNearestFromThatPlace) {
    auto d = json("/v1/informatiepunten?zoek=Zwolle&limit=3");
    EXPECT_EQ(str(json_at(d, "/zoeklocatie/soort")), "woonplaats");
    EXPECT_EQ(str(json_at(d, "/zoeklocatie/gemeentecode")), "GM0193");
    ASSERT_EQ(json_size(d, "/informatiepunten"), 3u);
    EXPECT_EQ(str(json_at(d, "/informatiepunten/0/gemeentecode")), "GM0193");
    auto bosch = json("/v1/informatiepunten?zoek=den%20bosch&limit=1");
    EXPECT_EQ(str(json_at(bosch, "/zoeklocatie/gemeentecode")), "GM0796");
    EXPECT_EQ(str(json_at(bosch, "/zoeklocatie/methode")), "alternatieve-naam");
    auto typo = json("/v1/informatiepunten?zoek=Utrect&limit=1");
    EXPECT_EQ(str(json_at(typo, "/zoeklocatie/methode")), "spelfout");
    EXPECT_EQ(str(json_at(typo, "/zoeklocatie/gemeentecode")), "GM0344");
}

TEST_F(Search, PostcodeSaysItUsedThePc4Point) {
    auto d = json("/v1/informatiepunten?postcode=3511AB&limit=1");
    EXPECT_EQ(str(json_at(d, "/zoeklocatie/soort")), "postcode6");
    EXPECT_EQ(str(json_at(d, "/zoeklocatie/postcode")), "3511 AB");
    auto pc4 = json("/v1/informatiepunten?postcode=3511&limit=1");
    EXPECT_EQ(str(json_at(pc4, "/zoeklocatie/soort")), "postcode");
    EXPECT_EQ(json_number(pc4, "/zoekpunt/coordinates/0"), json_number(d, "/zoekpunt/coordinates/0"));
    EXPECT_EQ(problems("/v1/informatiepunten?postcode=Utrecht"), (std::set<std::string>{"postcode:ongeldige-postcode"}));
}

TEST_F(Search, AmbiguousNameReturnsCandidatesNotAGuess) {
    auto d = json("/v1/informatiepunten?zoek=Rijswijk");
    EXPECT_TRUE(json_at(d, "/zoeklocatie").IsNull());
    ASSERT_GE(json_size(d, "/kandidaten"), 2u);
    std::set<std::string> provinces;
    for (const auto& c : json_array(d, "/kandidaten")) provinces.insert(str(json_at(c, "/provincie")));
    EXPECT_TRUE(provinces.count("Zuid-Holland"));
    EXPECT_EQ(json_size(d, "/informatiepunten"), 0u);
    auto chosen = json("/v1/informatiepunten?zoek=Rijswijk%20(ZH)&limit=1");
    EXPECT_EQ(str(json_at(chosen, "/zoeklocatie/gemeentecode")), "GM0603");
}

TEST_F(Search, BadSearchTextGetsClearProblems) {
    EXPECT_EQ(problems("/v1/informatiepunten?zoek=qqqxxyyzz"), (std::set<std::string>{"zoek:niet-gevonden"}));
    EXPECT_EQ(problems("/v1/informatiepunten?zoek="), (std::set<std::string>{"zoek:lege-zoekterm"}));
    EXPECT_EQ(problems("/v1/informatiepunten?zoek=%20%20"), (std::set<std::string>{"zoek:lege-zoekterm"}));
    EXPECT_EQ(problems("/v1/informatiepunten?zoek=" + std::string(300, 'a')), (std::set<std::string>{"zoek:te-lang"}));
    EXPECT_EQ(problems("/v1/informatiepunten?zoek=" + std::string(10000, 'a')), (std::set<std::string>{"zoek:te-lang"}));
    EXPECT_EQ(problems("/v1/informatiepunten?zoek=Utr%01echt"), (std::set<std::string>{"zoek:ongeldige-tekens"}));
    EXPECT_EQ(problems("/v1/informatiepunten?zoek=%C3%28"), (std::set<std::string>{"zoek:ongeldige-tekens"}));
    EXPECT_EQ(problems("/v1/informatiepunten?zoek=%FF"), (std::set<std::string>{"zoek:ongeldige-tekens"}));
    EXPECT_EQ(problems("/v1/informatiepunten?zoek=Zwolle&lat=52.5&lon=6.1"), (std::set<std::string>{"zoek:ongeldige-waarde"}));
    EXPECT_EQ(problems("/v1/informatiepunten?maxAfstand=100"), (std::set<std::string>{"maxAfstand:ontbrekende-parameter"}));
}

TEST_F(Search, Suggestions) {
    auto d = json("/v1/zoeksuggesties?q=utr");
    const auto& s = json_at(d, "/zoeksuggesties");
    ASSERT_GE(s.Size(), 2u);
    EXPECT_LE(s.Size(), 10u);
    EXPECT_EQ(str(json_at(s, "/0/naam")), "Utrecht");
    EXPECT_EQ(str(json_at(s, "/0/geometrie/type")), "Point");
    EXPECT_EQ(json_size(json("/v1/zoeksuggesties?q=a&limit=3"), "/zoeksuggesties"), 3u);
    auto pc = json("/v1/zoeksuggesties?q=351");
    ASSERT_GE(json_size(pc, "/zoeksuggesties"), 1u);
    EXPECT_EQ(str(json_at(pc, "/zoeksuggesties/0/soort")), "postcode");
    EXPECT_EQ(problems("/v1/zoeksuggesties"), (std::set<std::string>{"q:ontbrekende-parameter"}));
    EXPECT_EQ(problems("/v1/zoeksuggesties?q=utr&limit=51"), (std::set<std::string>{"limit:buiten-bereik"}));
    EXPECT_EQ(problems("/v1/zoeksuggesties?q=%FF"), (std::set<std::string>{"q:ongeldige-tekens"}));
}

TEST_F(Search, ServiceAndMunicipalityFilters) {
    auto d = json("/v1/informatiepunten?lat=52.09&lon=5.12&limit=20&dienst=digitale-vaardigheden");
    ASSERT_EQ(json_size(d, "/informatiepunten"), 20u);
    for (const auto& item : json_array(d, "/informatiepunten")) {
        bool has = false;
        for (const auto& code : json_array(item, "/diensten")) has = has || str(code) == "digitale-vaardigheden";
        EXPECT_TRUE(has) << str(json_at(item, "/id"));
    }
    auto amsterdam = json("/v1/informatiepunten?gemeente=GM0363&limit=1000");
    const auto count = json_uint(json("/v1/gemeenten/GM0363"), "/aantalInformatiepunten");
    EXPECT_EQ(json_size(amsterdam, "/informatiepunten"), count);
    for (const auto& item : json_array(amsterdam, "/informatiepunten")) EXPECT_EQ(str(json_at(item, "/gemeentecode")), "GM0363");
    auto walk_in = json("/v1/informatiepunten?limit=1000&inloop=true");
    for (const auto& item : json_array(walk_in, "/informatiepunten")) EXPECT_TRUE(json_bool(item, "/inloop"));
    auto appointment = json("/v1/informatiepunten?limit=1000&opAfspraak=true");
    EXPECT_GT(json_size(appointment, "/informatiepunten"), 0u);
    EXPECT_EQ(problems("/v1/informatiepunten?dienst=digid,paspoort"), (std::set<std::string>{"dienst:ongeldige-waarde"}));
    EXPECT_EQ(problems("/v1/informatiepunten?gemeente=GM9999"), (std::set<std::string>{"gemeente:niet-gevonden"}));
    EXPECT_EQ(problems("/v1/informatiepunten?gemeente=Amsterdam"), (std::set<std::string>{"gemeente:ongeldige-waarde"}));
    EXPECT_EQ(problems("/v1/informatiepunten?inloop=ja"), (std::set<std::string>{"inloop:ongeldige-waarde"}));
}

TEST_F(Search, MaxDistanceAndOffsetPaging) {
    auto near = json("/v1/informatiepunten?lat=52.37&lon=4.89&limit=100&maxAfstand=5000");
    ASSERT_GT(json_size(near, "/informatiepunten"), 0u);
    for (const auto& item : json_array(near, "/informatiepunten")) EXPECT_LE(json_number(item, "/afstand"), 5000.0);
    // Walking the next links gives the same order as one big page.
    std::vector<std::string> walked;
    std::string next = "/v1/informatiepunten?lat=52.37&lon=4.89&limit=7";
    while (!next.empty() && walked.size() < 49) {
        auto page = json(next);
        for (const auto& item : json_array(page, "/informatiepunten")) walked.push_back(str(json_at(item, "/id")));
        next.clear();
        for (const auto& link : json_array(page, "/links"))
            if (str(json_at(link, "/rel")) == "next") next = str(json_at(link, "/href"));
    }
    auto all = json("/v1/informatiepunten?lat=52.37&lon=4.89&limit=49");
    ASSERT_EQ(walked.size(), 49u);
    for (std::size_t i = 0; i < 49; ++i) EXPECT_EQ(walked[i], json_string(all, "/informatiepunten/" + std::to_string(i) + "/id"));
}

// Every location carries a computed status; "open now" agrees with it; unknown hours are not "closed".
TEST_F(Search, OpeningStatusAndOpenNowFilter) {
    auto all = json("/v1/informatiepunten?limit=1000&" + december);
    std::size_t open = 0, unknown_with_empty_hours = 0, empty_hours = 0;
    for (const auto& item : json_array(all, "/informatiepunten")) {
        const std::string code = str(json_at(item, "/status/code"));
        EXPECT_TRUE(code == "open" || code == "gesloten" || code == "onbekend");
        EXPECT_EQ(str(json_at(item, "/status/peilmoment")), "2026-12-03T10:00:00+01:00");
        if (code == "open") ++open;
        if (str(json_at(item, "/openingstijden")).empty()) {
            ++empty_hours;
            if (code == "onbekend") ++unknown_with_empty_hours;
        }
        std::string previous;
        for (const auto& slot : json_array(item, "/komendeSpreekuren")) {
            EXPECT_LE(previous, str(json_at(slot, "/begin")));
            EXPECT_LT(str(json_at(slot, "/begin")), str(json_at(slot, "/eind")));
            previous = str(json_at(slot, "/begin"));
        }
    }
    EXPECT_GT(empty_hours, 0u);
    EXPECT_EQ(unknown_with_empty_hours, empty_hours);
    auto open_now = json("/v1/informatiepunten?limit=1000&openNu=true&" + december);
    EXPECT_EQ(json_size(open_now, "/informatiepunten"), open);
    EXPECT_GT(open, 0u);
    for (const auto& item : json_array(open_now, "/informatiepunten")) EXPECT_EQ(str(json_at(item, "/status/code")), "open");
}

TEST_F(Search, OpenAtAChosenInstant) {
    // Christmas Day is a public holiday: "PH off" locations are closed; whatever is returned must be
    // open then when asked about that one location.
    auto d = json("/v1/informatiepunten?limit=1000&openOp=2026-12-25T10:00:00%2B01:00");
    for (const auto& item : json_array(d, "/informatiepunten")) {
        auto one = json("/v1/informatiepunten/" + str(json_at(item, "/id")) + "?tijdstip=2026-12-25T10:00:00%2B01:00");
        EXPECT_EQ(str(json_at(one, "/status/code")), "open") << str(json_at(item, "/id"));
        EXPECT_EQ(str(json_at(one, "/openingstijden")).find("PH off"), std::string::npos) << str(json_at(item, "/id"));
    }
    auto thursday = json("/v1/informatiepunten?limit=1000&openOp=2026-12-03T10:00:00%2B01:00");
    EXPECT_GT(json_size(thursday, "/informatiepunten"), json_size(d, "/informatiepunten"));
    EXPECT_EQ(problems("/v1/informatiepunten?tijdstip=gisteren"), (std::set<std::string>{"tijdstip:ongeldige-waarde"}));
    EXPECT_EQ(problems("/v1/informatiepunten?openOp=2026-02-30T10:00:00%2B01:00"), (std::set<std::string>{"openOp:ongeldige-waarde"}));
    EXPECT_EQ(problems("/v1/informatiepunten?openOp=2026-12-03T10:00:00"), (std::set<std::string>{"openOp:ongeldige-waarde"}));
}

// No search text in the log. A server of its own: its log holds only these requests, and is complete
// once the server has stopped, so this test runs in any order and waits for no flush.
TEST_F(Search, LogsHoldNoSearchText) {
    ServerProcess own({}, "search-contract-log-server.log");
    httplib::Client client("127.0.0.1", own.port());
    client.set_read_timeout(10, 0);
    for (const char* path : {"/v1/informatiepunten?zoek=Heerhugowaard&limit=1", "/v1/zoeksuggesties?q=geheimpje", "/v1/informatiepunten?postcode=1705AB&limit=1"}) {
        auto result = client.Get(path);
        ASSERT_TRUE(result) << path;
        EXPECT_EQ(result->status, 200) << path;
        rapidjson::Document document;
        document.Parse(result->body.c_str());
        EXPECT_FALSE(document.HasParseError()) << path;
    }
    EXPECT_EQ(own.stop(), 0);
    const std::string log = own.log();
    for (const char* secret : {"Heerhugowaard", "geheimpje", "1705"}) EXPECT_EQ(log.find(secret), std::string::npos) << secret;
}
