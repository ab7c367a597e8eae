// The same service on SQLite and on PostgreSQL gives the same answers, byte for byte: the reads of every
// kind, and the same writes with their ETags and audit logs. So the choice of store is invisible to
// residents, widgets and editors.
#include "server_process.hpp"
#include "tests/support/postgres_server.hpp"

#include "tests/support/json_access.hpp"  // before any RapidJSON header: its checked RAPIDJSON_ASSERT

#include <regex>
#include <string>
#include <vector>

// ServerProcess, the private servers and the shape-checked JSON readers (tests/support/json_access.hpp).
using namespace ido::test;

namespace {

struct Answer {
    int status = 0;
    std::string etag;
    std::string body;
    bool operator==(const Answer&) const = default;
};

Answer ask(int port, const std::string& method, const std::string& path, const std::string& token = {}, const std::string& if_match = {},
           const std::string& body = {}) {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(30, 0);
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    if (!if_match.empty()) headers.emplace("If-Match", if_match);
    auto send = [&]() -> httplib::Result {
        if (method == "GET") return client.Get(path, headers);
        if (method == "PATCH") return client.Patch(path, headers, body, "application/merge-patch+json");
        if (method == "PUT") return client.Put(path, headers, body, "application/json");
        if (method == "POST") return client.Post(path, headers, body, "application/json");
        return client.Delete(path, headers);
    };
    httplib::Result result = send();
    if (!result) return {-1, "", "no answer"};
    return {result->status, result->get_header_value("ETag"), result->body};
}

// What legitimately differs between two servers: time-dependent members (the moment of the status, the
// times in the audit log, OGC's timeStamp, an export's moment), which differ only when a second or minute
// boundary falls between the two requests, and each server's own address in absolute links.
std::string normalised(const std::string& body, int port) {
    static const std::regex times(R"re("(peilmoment|tijd|timeStamp|geexporteerd)":"[^"]*")re");
    static const std::regex csv_export_moment(R"re(,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\r\n)re");
    std::string out = std::regex_replace(body, times, R"("$1":"...")");
    out = std::regex_replace(out, csv_export_moment, ",...\r\n");
    const std::string host = "127.0.0.1:" + std::to_string(port);
    for (std::size_t at = out.find(host); at != std::string::npos; at = out.find(host, at)) out.replace(at, host.size(), "HOST");
    return out;
}

// Where two bodies first differ, with some context: a whole body would drown the report.
std::string first_difference(const std::string& a, const std::string& b) {
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    const std::size_t from = i < 60 ? 0 : i - 60;
    return "at byte " + std::to_string(i) + ":\n  sqlite:   " + a.substr(from, 160) + "\n  postgres: " + b.substr(from, 160);
}

class Parity : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        postgres_db_ = new std::string(PostgresServer::get().new_database());
        sqlite_ = new ServerProcess({}, "parity-sqlite-server.log");
        postgres_ = new ServerProcess({}, "parity-postgres-server.log", *postgres_db_);
    }
    static void TearDownTestSuite() {
        delete sqlite_;
        delete postgres_;
        delete postgres_db_;
    }
    /// Asks both servers the same and expects the same answer; returns the status (SQLite's).
    static int expect_same(const std::string& method, const std::string& path, const std::string& sqlite_token = {},
                            const std::string& postgres_token = {}, const std::string& if_match = {}, const std::string& body = {}) {
        Answer a = ask(sqlite_->port(), method, path, sqlite_token, if_match, body);
        Answer b = ask(postgres_->port(), method, path, postgres_token, if_match, body);
        a.body = normalised(a.body, sqlite_->port());
        b.body = normalised(b.body, postgres_->port());
        EXPECT_EQ(a.status, b.status) << method << " " << path;
        EXPECT_EQ(a.etag, b.etag) << method << " " << path;
        EXPECT_TRUE(a.body == b.body) << method << " " << path << " " << first_difference(a.body, b.body);
        EXPECT_TRUE(a.status == 204 || !a.body.empty()) << method << " " << path;
        return a.status;
    }

    static std::string* postgres_db_;
    static ServerProcess* sqlite_;
    static ServerProcess* postgres_;
};
std::string* Parity::postgres_db_ = nullptr;
ServerProcess* Parity::sqlite_ = nullptr;
ServerProcess* Parity::postgres_ = nullptr;

TEST_F(Parity, EveryKindOfReadIsTheSame) {
    for (const char* path : {
             "/v1/informatiepunten?lat=52.0907&lon=5.1214&limit=10",
             "/v1/informatiepunten?lat=53.2194&lon=6.5665&limit=5&dienst=digid&tijdstip=2026-12-01T10:00:00%2B01:00",
             "/v1/informatiepunten?limit=1000",
             "/v1/informatiepunten?limit=50&offset=550",
             "/v1/informatiepunten?zoek=Den%20Bosch",
             "/v1/informatiepunten?postcode=3511AB",
             "/v1/informatiepunten?bbox=4.8,52.3,5.0,52.4",
             "/v1/informatiepunten?openOp=2026-12-25T11:00:00%2B01:00&limit=100",
             "/v1/informatiepunten?formaat=csv",
             "/v1/informatiepunten?formaat=geojson&gemeente=GM0363",
             "/v1/informatiepunten/IDO-VB-01",
             "/v1/informatiepunten/bestaat-niet",
             "/v1/gemeenten",
             "/v1/gemeenten?lat=52.0907&lon=5.1214",
             "/v1/gemeenten/GM0344/informatiepunten",
             "/v1/collections/informatiepunten/items?limit=20",
             "/v1/zoeksuggesties?q=utr",
             "/v1/health",
         })
        EXPECT_LT(expect_same("GET", path), 500) << path;
}

TEST_F(Parity, TheSameWritesGiveTheSameAnswersVersionsAndHistory) {
    const std::string sqlite_token = create_token(sqlite_->db_path(), "--rol beheerder --label parity");
    const std::string postgres_token = create_token(*postgres_db_, "--rol beheerder --label parity");
    ASSERT_TRUE(sqlite_token.starts_with("idov_"));
    ASSERT_TRUE(postgres_token.starts_with("idov_"));
    const std::string one = "/v1/informatiepunten/IDO-VB-01";

    EXPECT_EQ(expect_same("PATCH", one, sqlite_token, postgres_token, "\"1\"",
                          R"({"mededeling":"Gesloten op 31 december","contact":{"telefoon":"013 123 45 67"}})"),
              200);
    EXPECT_EQ(expect_same("PATCH", one, sqlite_token, postgres_token, "\"1\"", R"({"mededeling":"te laat"})"), 412);
    EXPECT_EQ(expect_same("PUT", one + "/openingstijden", sqlite_token, postgres_token, "\"2\"",
                R"({"spreekuren":[{"naam":"Inloopspreekuur","diensten":["digid","toeslagen"],"openingstijden":"Mo,We 10:00-12:00; PH off"}]})"),
              200);
    EXPECT_EQ(expect_same("POST", "/v1/informatiepunten", sqlite_token, postgres_token, "",
                          R"({"id":"IDO-PARITY-1","naam":"Informatiepunt Stadhuis","adres":{"woonplaats":"Utrecht"},"diensten":["digid"],)"
                          R"("geometrie":{"type":"Point","coordinates":[5.1214,52.0907]}})"),
              201);
    EXPECT_EQ(expect_same("POST", "/v1/informatiepunten", sqlite_token, postgres_token, "",
                          R"({"id":"IDO-PARITY-1","naam":"nog eens","geometrie":{"type":"Point","coordinates":[5.1214,52.0907]}})"),
              409);
    EXPECT_EQ(expect_same("GET", "/v1/informatiepunten/IDO-PARITY-1/wijzigingen", sqlite_token, postgres_token), 200);
    EXPECT_EQ(expect_same("DELETE", "/v1/informatiepunten/IDO-PARITY-1", sqlite_token, postgres_token, "\"1\""), 204);
    EXPECT_EQ(expect_same("GET", one), 200);
    EXPECT_EQ(expect_same("GET", one + "/wijzigingen", sqlite_token, postgres_token), 200);
    EXPECT_EQ(expect_same("GET", "/v1/health"), 200);
    EXPECT_EQ(expect_same("GET", "/v1/informatiepunten?lat=52.0907&lon=5.1214&limit=3"), 200);
}

}  // namespace
