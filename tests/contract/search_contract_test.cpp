// Contract tests over real HTTP for searching (geocoder, suggestions, filters) and the opening status.
#include "server_process.hpp"

#include <rapidjson/document.h>

#include <set>

using ido::test::ServerProcess;

namespace {

ServerProcess* server = nullptr;

class Search : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (server == nullptr) server = new ServerProcess({}, "search-contract-server.log");
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
            for (const auto& p : d["invalidParams"].GetArray()) out.insert(std::string(p["name"].GetString()) + ":" + p["code"].GetString());
        return out;
    }

    static std::string str(const rapidjson::Value& v) { return v.IsString() ? v.GetString() : "(null)"; }
};

const std::string december = "tijdstip=2026-12-03T10:00:00%2B01:00";  // a Thursday morning

}  // namespace

TEST_F(Search, FreeTextPlaceGivesNearestFromThatPlace) {
    auto d = json("/v1/informatiepunten?zoek=Zwolle&limit=3");
    EXPECT_EQ(str(d["zoeklocatie"]["soort"]), "woonplaats");
    EXPECT_EQ(str(d["zoeklocatie"]["gemeentecode"]), "GM0193");
    ASSERT_EQ(d["informatiepunten"].Size(), 3u);
    EXPECT_EQ(str(d["informatiepunten"][0]["gemeentecode"]), "GM0193");
    auto bosch = json("/v1/informatiepunten?zoek=den%20bosch&limit=1");
    EXPECT_EQ(str(bosch["zoeklocatie"]["gemeentecode"]), "GM0796");
    EXPECT_EQ(str(bosch["zoeklocatie"]["methode"]), "alternatieve-naam");
    auto typo = json("/v1/informatiepunten?zoek=Utrect&limit=1");
    EXPECT_EQ(str(typo["zoeklocatie"]["methode"]), "spelfout");
    EXPECT_EQ(str(typo["zoeklocatie"]["gemeentecode"]), "GM0344");
}

TEST_F(Search, PostcodeSaysItUsedThePc4Point) {
    auto d = json("/v1/informatiepunten?postcode=3511AB&limit=1");
    EXPECT_EQ(str(d["zoeklocatie"]["soort"]), "postcode6");
    EXPECT_EQ(str(d["zoeklocatie"]["postcode"]), "3511 AB");
    auto pc4 = json("/v1/informatiepunten?postcode=3511&limit=1");
    EXPECT_EQ(str(pc4["zoeklocatie"]["soort"]), "postcode");
    EXPECT_EQ(pc4["zoekpunt"]["coordinates"][0].GetDouble(), d["zoekpunt"]["coordinates"][0].GetDouble());
    EXPECT_EQ(problems("/v1/informatiepunten?postcode=Utrecht"), (std::set<std::string>{"postcode:ongeldige-postcode"}));
}

TEST_F(Search, AmbiguousNameReturnsCandidatesNotAGuess) {
    auto d = json("/v1/informatiepunten?zoek=Rijswijk");
    EXPECT_TRUE(d["zoeklocatie"].IsNull());
    ASSERT_GE(d["kandidaten"].Size(), 2u);
    std::set<std::string> provinces;
    for (const auto& c : d["kandidaten"].GetArray()) provinces.insert(str(c["provincie"]));
    EXPECT_TRUE(provinces.count("Zuid-Holland"));
    EXPECT_EQ(d["informatiepunten"].Size(), 0u);
    auto chosen = json("/v1/informatiepunten?zoek=Rijswijk%20(ZH)&limit=1");
    EXPECT_EQ(str(chosen["zoeklocatie"]["gemeentecode"]), "GM0603");
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
    const auto& s = d["zoeksuggesties"];
    ASSERT_GE(s.Size(), 2u);
    EXPECT_LE(s.Size(), 10u);
    EXPECT_EQ(str(s[0]["naam"]), "Utrecht");
    EXPECT_EQ(str(s[0]["geometrie"]["type"]), "Point");
    EXPECT_EQ(json("/v1/zoeksuggesties?q=a&limit=3")["zoeksuggesties"].Size(), 3u);
    auto pc = json("/v1/zoeksuggesties?q=351");
    ASSERT_GE(pc["zoeksuggesties"].Size(), 1u);
    EXPECT_EQ(str(pc["zoeksuggesties"][0]["soort"]), "postcode");
    EXPECT_EQ(problems("/v1/zoeksuggesties"), (std::set<std::string>{"q:ontbrekende-parameter"}));
    EXPECT_EQ(problems("/v1/zoeksuggesties?q=utr&limit=51"), (std::set<std::string>{"limit:buiten-bereik"}));
    EXPECT_EQ(problems("/v1/zoeksuggesties?q=%FF"), (std::set<std::string>{"q:ongeldige-tekens"}));
}

TEST_F(Search, ServiceAndMunicipalityFilters) {
    auto d = json("/v1/informatiepunten?lat=52.09&lon=5.12&limit=20&dienst=digitale-vaardigheden");
    ASSERT_EQ(d["informatiepunten"].Size(), 20u);
    for (const auto& item : d["informatiepunten"].GetArray()) {
        bool has = false;
        for (const auto& code : item["diensten"].GetArray()) has = has || str(code) == "digitale-vaardigheden";
        EXPECT_TRUE(has) << str(item["id"]);
    }
    auto amsterdam = json("/v1/informatiepunten?gemeente=GM0363&limit=1000");
    const auto count = json("/v1/gemeenten/GM0363")["aantalInformatiepunten"].GetUint64();
    EXPECT_EQ(amsterdam["informatiepunten"].Size(), count);
    for (const auto& item : amsterdam["informatiepunten"].GetArray()) EXPECT_EQ(str(item["gemeentecode"]), "GM0363");
    auto walk_in = json("/v1/informatiepunten?limit=1000&inloop=true");
    for (const auto& item : walk_in["informatiepunten"].GetArray()) EXPECT_TRUE(item["inloop"].IsTrue());
    auto appointment = json("/v1/informatiepunten?limit=1000&opAfspraak=true");
    EXPECT_GT(appointment["informatiepunten"].Size(), 0u);
    EXPECT_EQ(problems("/v1/informatiepunten?dienst=digid,paspoort"), (std::set<std::string>{"dienst:ongeldige-waarde"}));
    EXPECT_EQ(problems("/v1/informatiepunten?gemeente=GM9999"), (std::set<std::string>{"gemeente:niet-gevonden"}));
    EXPECT_EQ(problems("/v1/informatiepunten?gemeente=Amsterdam"), (std::set<std::string>{"gemeente:ongeldige-waarde"}));
    EXPECT_EQ(problems("/v1/informatiepunten?inloop=ja"), (std::set<std::string>{"inloop:ongeldige-waarde"}));
}

TEST_F(Search, MaxDistanceAndOffsetPaging) {
    auto near = json("/v1/informatiepunten?lat=52.37&lon=4.89&limit=100&maxAfstand=5000");
    ASSERT_GT(near["informatiepunten"].Size(), 0u);
    for (const auto& item : near["informatiepunten"].GetArray()) EXPECT_LE(item["afstand"].GetDouble(), 5000.0);
    // Walking the next links gives the same order as one big page.
    std::vector<std::string> walked;
    std::string next = "/v1/informatiepunten?lat=52.37&lon=4.89&limit=7";
    while (!next.empty() && walked.size() < 49) {
        auto page = json(next);
        for (const auto& item : page["informatiepunten"].GetArray()) walked.push_back(str(item["id"]));
        next.clear();
        for (const auto& link : page["links"].GetArray())
            if (str(link["rel"]) == "next") next = str(link["href"]);
    }
    auto all = json("/v1/informatiepunten?lat=52.37&lon=4.89&limit=49");
    ASSERT_EQ(walked.size(), 49u);
    for (std::size_t i = 0; i < 49; ++i) EXPECT_EQ(walked[i], str(all["informatiepunten"][static_cast<rapidjson::SizeType>(i)]["id"]));
}

// Every location carries a computed status; "open now" agrees with it; unknown hours are not "closed".
TEST_F(Search, OpeningStatusAndOpenNowFilter) {
    auto all = json("/v1/informatiepunten?limit=1000&" + december);
    std::size_t open = 0, unknown_with_empty_hours = 0, empty_hours = 0;
    for (const auto& item : all["informatiepunten"].GetArray()) {
        const std::string code = str(item["status"]["code"]);
        EXPECT_TRUE(code == "open" || code == "gesloten" || code == "onbekend");
        EXPECT_EQ(str(item["status"]["peilmoment"]), "2026-12-03T10:00:00+01:00");
        if (code == "open") ++open;
        if (str(item["openingstijden"]).empty()) {
            ++empty_hours;
            if (code == "onbekend") ++unknown_with_empty_hours;
        }
        std::string previous;
        for (const auto& slot : item["komendeSpreekuren"].GetArray()) {
            EXPECT_LE(previous, str(slot["begin"]));
            EXPECT_LT(str(slot["begin"]), str(slot["eind"]));
            previous = str(slot["begin"]);
        }
    }
    EXPECT_GT(empty_hours, 0u);
    EXPECT_EQ(unknown_with_empty_hours, empty_hours);
    auto open_now = json("/v1/informatiepunten?limit=1000&openNu=true&" + december);
    EXPECT_EQ(open_now["informatiepunten"].Size(), open);
    EXPECT_GT(open, 0u);
    for (const auto& item : open_now["informatiepunten"].GetArray()) EXPECT_EQ(str(item["status"]["code"]), "open");
}

TEST_F(Search, OpenAtAChosenInstant) {
    // Christmas Day is a public holiday: "PH off" locations are closed; whatever is returned must be
    // open then when asked about that one location.
    auto d = json("/v1/informatiepunten?limit=1000&openOp=2026-12-25T10:00:00%2B01:00");
    for (const auto& item : d["informatiepunten"].GetArray()) {
        auto one = json("/v1/informatiepunten/" + str(item["id"]) + "?tijdstip=2026-12-25T10:00:00%2B01:00");
        EXPECT_EQ(str(one["status"]["code"]), "open") << str(item["id"]);
        EXPECT_EQ(str(one["openingstijden"]).find("PH off"), std::string::npos) << str(item["id"]);
    }
    auto thursday = json("/v1/informatiepunten?limit=1000&openOp=2026-12-03T10:00:00%2B01:00");
    EXPECT_GT(thursday["informatiepunten"].Size(), d["informatiepunten"].Size());
    EXPECT_EQ(problems("/v1/informatiepunten?tijdstip=gisteren"), (std::set<std::string>{"tijdstip:ongeldige-waarde"}));
    EXPECT_EQ(problems("/v1/informatiepunten?openOp=2026-02-30T10:00:00%2B01:00"), (std::set<std::string>{"openOp:ongeldige-waarde"}));
    EXPECT_EQ(problems("/v1/informatiepunten?openOp=2026-12-03T10:00:00"), (std::set<std::string>{"openOp:ongeldige-waarde"}));
}

TEST_F(Search, ZzLogsHoldNoSearchText) {
    json("/v1/informatiepunten?zoek=Heerhugowaard&limit=1");
    json("/v1/zoeksuggesties?q=geheimpje");
    json("/v1/informatiepunten?postcode=1705AB&limit=1");
    usleep(200 * 1000);
    const std::string log = server->log();
    for (const char* secret : {"Heerhugowaard", "geheimpje", "1705"}) EXPECT_EQ(log.find(secret), std::string::npos) << secret;
    EXPECT_EQ(server->stop(), 0);
    delete server;
    server = nullptr;
}
