// Contract tests of the token lifecycle over real HTTP (issue 16): GET /v1/sleutel tells a holder what
// the token may do and until when; an expired token is refused with its own code; the day of last use
// reaches `token list`; a new token and the old one work side by side until the old one is revoked.
#include "server_process.hpp"

#include "../support/json_access.hpp"  // before any RapidJSON header: its checked RAPIDJSON_ASSERT

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

using namespace ido::test;

namespace {

ServerProcess* server = nullptr;

std::string cli(const std::string& args) { return run_command(std::string(IDO_BINARY) + " token " + args + " --db '" + server->db_path() + "' 2>&1"); }
std::string create(const std::string& args) {
    return run_command(std::string(IDO_BINARY) + " token create " + args + " --db '" + server->db_path() + "' 2>/dev/null");
}

// Today in UTC, YYYY-MM-DD, computed here with the C library rather than the code under test.
std::string today_utc() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
    return text;
}

std::string token_id_of(const std::string& list, const std::string& label) {
    // `token list`: id, role, scope, label, status, ... tab-separated.
    std::size_t at = 0;
    while (at < list.size()) {
        const std::size_t end = std::min(list.find('\n', at), list.size());
        const std::string line = list.substr(at, end - at);
        if (line.find("\t" + label + "\t") != std::string::npos) return line.substr(0, line.find('\t'));
        at = end + 1;
    }
    return "";
}

class Token : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (server == nullptr) server = new ServerProcess({}, "token-contract-server.log");
    }
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
    }
    static httplib::Result sleutel(const std::string& token) {
        httplib::Client c("127.0.0.1", server->port());
        c.set_read_timeout(10, 0);
        return c.Get("/v1/sleutel", httplib::Headers{{"Authorization", "Bearer " + token}});
    }
    static rapidjson::Document parse(const std::string& body) {
        rapidjson::Document d;
        d.Parse(body.c_str());
        return d;
    }
};

}  // namespace

TEST_F(Token, SleutelTellsTheHolderRoleScopeAndExpiryButNeverTheSecret) {
    const std::string secret = create("--rol gemeente --gemeente GM0344 --label 'Gemeente Utrecht sleutel' --geldig-tot 2031-06-30");
    ASSERT_EQ(secret.rfind("idov_", 0), 0u) << secret;
    auto r = sleutel(secret);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store");
    const auto d = parse(r->body);
    EXPECT_EQ(json_string(d, "/rol"), "gemeente");
    EXPECT_EQ(json_string(d, "/gemeentecode"), "GM0344");
    EXPECT_FALSE(json_has(d, "/organisatie"));
    EXPECT_EQ(json_string(d, "/label"), "Gemeente Utrecht sleutel");
    EXPECT_EQ(json_string(d, "/geldigTot"), "2031-06-30");
    // This request is a use: recorded as today (UTC).
    EXPECT_EQ(json_string(d, "/laatstGebruikt"), today_utc());
    EXPECT_EQ(r->body.find(secret.substr(5)), std::string::npos) << "the secret must never come back";

    const std::string library = create("--rol bibliotheek --organisatie 'Bibliotheek Utrecht' --label bieb");
    const auto l = parse(sleutel(library)->body);
    EXPECT_EQ(json_string(l, "/rol"), "bibliotheek");
    EXPECT_EQ(json_string(l, "/organisatie"), "Bibliotheek Utrecht");
    EXPECT_FALSE(json_has(l, "/gemeentecode"));
    // The default: a year from today.
    const std::string year_later = std::to_string(std::stoi(today_utc().substr(0, 4)) + 1) + today_utc().substr(4);
    if (today_utc().substr(5) != "02-29") {
        EXPECT_EQ(json_string(l, "/geldigTot"), year_later);
    }
}

TEST_F(Token, WithoutAValidTokenSleutelIs401) {
    httplib::Client c("127.0.0.1", server->port());
    auto none = c.Get("/v1/sleutel");
    ASSERT_TRUE(none);
    EXPECT_EQ(none->status, 401);
    EXPECT_EQ(json_string(parse(none->body), "/code"), "niet-geauthenticeerd");
    auto unknown = sleutel("idov_bestaatniet");
    EXPECT_EQ(unknown->status, 401);
    EXPECT_EQ(json_string(parse(unknown->body), "/code"), "niet-geauthenticeerd");
}

TEST_F(Token, AnExpiredTokenIs401WithItsOwnCodeAndWritesNothing) {
    // Valid through today: accepted now.
    const std::string secret = create("--rol beheerder --label verloopt --geldig-tot " + today_utc());
    ASSERT_EQ(sleutel(secret)->status, 200);
    // The command line refuses a day in the past; the expiry passing is simulated in the database.
    const std::string id = token_id_of(cli("list"), "verloopt");
    ASSERT_FALSE(id.empty());
    ASSERT_EQ(std::system(("sqlite3 '" + server->db_path() + "' \"UPDATE tokens SET geldig_tot = '2020-01-31' WHERE id = " + id + "\"").c_str()), 0);
    auto r = sleutel(secret);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
    const auto d = parse(r->body);
    EXPECT_EQ(json_string(d, "/code"), "sleutel-verlopen");
    EXPECT_NE(json_string(d, "/detail").find("2020-01-31"), std::string::npos);
    EXPECT_NE(r->get_header_value("WWW-Authenticate").find("invalid_token"), std::string::npos);
    // A write with it is refused the same way, and changes nothing.
    httplib::Client c("127.0.0.1", server->port());
    auto before = c.Get("/v1/informatiepunten/IDO-VB-067");
    auto write = c.Patch("/v1/informatiepunten/IDO-VB-067",
                         httplib::Headers{{"Authorization", "Bearer " + secret}, {"If-Match", before->get_header_value("ETag")}},
                         R"({"mededeling":"verlopen sleutel"})", "application/json");
    ASSERT_TRUE(write);
    EXPECT_EQ(write->status, 401);
    EXPECT_EQ(json_string(parse(write->body), "/code"), "sleutel-verlopen");
    EXPECT_EQ(c.Get("/v1/informatiepunten/IDO-VB-067")->get_header_value("ETag"), before->get_header_value("ETag"));
    // `token list` says so.
    const std::string list = cli("list");
    EXPECT_NE(list.find("\tverloopt\tverlopen\tgeldig tot 2020-01-31"), std::string::npos) << list;
}

TEST_F(Token, TheCommandLineRefusesBadOrPastExpiries) {
    EXPECT_NE(cli("create --rol beheerder --geldig-tot 2031-02-30").find("--geldig-tot"), std::string::npos);
    EXPECT_NE(cli("create --rol beheerder --geldig-tot 2020-01-01").find("in the past"), std::string::npos);
    EXPECT_NE(cli("create --rol beheerder --geldig-tot morgen").find("--geldig-tot"), std::string::npos);
}

TEST_F(Token, ListShowsTheDayOfLastUse) {
    const std::string secret = create("--rol beheerder --label 'laatst gebruikt'");
    EXPECT_NE(cli("list").find("\tlaatst gebruikt\tactief\tgeldig tot "), std::string::npos);
    EXPECT_NE(cli("list").find("laatst gebruikt nooit"), std::string::npos);
    ASSERT_EQ(sleutel(secret)->status, 200);
    const std::string list = cli("list");
    const std::string id = token_id_of(list, "laatst gebruikt");
    const std::size_t line = list.find(id + "\t");
    ASSERT_NE(line, std::string::npos);
    const std::string row = list.substr(line, list.find('\n', line) - line);
    EXPECT_NE(row.find("laatst gebruikt " + today_utc()), std::string::npos) << row;
}

TEST_F(Token, RotationANewTokenAndTheOldOneWorkSideBySideUntilTheOldIsRevoked) {
    const std::string old_secret = create("--rol gemeente --gemeente GM0363 --label 'Amsterdam 2026'");
    const std::string new_secret = create("--rol gemeente --gemeente GM0363 --label 'Amsterdam 2027'");
    EXPECT_EQ(sleutel(old_secret)->status, 200);
    EXPECT_EQ(sleutel(new_secret)->status, 200);
    const std::string id = token_id_of(cli("list"), "Amsterdam 2026");
    ASSERT_FALSE(id.empty());
    cli("revoke " + id);
    EXPECT_EQ(sleutel(old_secret)->status, 401);
    EXPECT_EQ(sleutel(new_secret)->status, 200);
}
