// Contract tests of a municipality's complete list (POST /v1/gemeenten/{gemeentecode}/volledige-lijst)
// over real HTTP against the real binary on a real database file: only the municipality's own token,
// the dry run that stores nothing, removal of what the list lacks (soft, audited with the token's
// name), conflicts with changes since the export, rows outside the municipality, and the limits.
#include "server_process.hpp"

#include "../support/json_access.hpp"  // before any RapidJSON header: its checked RAPIDJSON_ASSERT

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

using namespace ido::test;
using namespace std::chrono_literals;

namespace {

ServerProcess* server = nullptr;

struct Tokens {
    std::string gemeente_utrecht, gemeente_zwolle, bibliotheek_utrecht;
};
Tokens* tokens = nullptr;

const std::string lijst = "/v1/gemeenten/GM0344/volledige-lijst";

class VolledigeLijst : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (server != nullptr) return;
        server = new ServerProcess({}, "volledige-lijst-contract-server.log");
        const auto& db = server->db_path();
        tokens = new Tokens{create_token(db, "--rol gemeente --gemeente GM0344 --label 'Gemeente Utrecht lijst'"),
                            create_token(db, "--rol gemeente --gemeente GM0193"),
                            create_token(db, "--rol bibliotheek --organisatie 'Bibliotheek Utrecht'")};
        ASSERT_EQ(tokens->gemeente_utrecht.rfind("idov_", 0), 0u) << tokens->gemeente_utrecht;
        // The audit log counts whole seconds and a change in the second of the export counts as after
        // it (a conflict rather than a lost change): the exports below must not share the seed's second.
        std::this_thread::sleep_for(1100ms);
    }
    // The service allows 30 list uploads per token per hour (volledige_lijst.hpp), and the tests together
    // send more than that: each test gets a fresh token of the municipality, with the same label.
    void SetUp() override {
        tokens->gemeente_utrecht = create_token(server->db_path(), "--rol gemeente --gemeente GM0344 --label 'Gemeente Utrecht lijst'");
        ASSERT_EQ(tokens->gemeente_utrecht.rfind("idov_", 0), 0u) << tokens->gemeente_utrecht;
    }
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
        delete tokens;
        tokens = nullptr;
    }
    static httplib::Client client() {
        httplib::Client c("127.0.0.1", server->port());
        c.set_read_timeout(30, 0);
        return c;
    }
    static rapidjson::Document parse(const std::string& body) {
        rapidjson::Document d;
        d.Parse(body.c_str());
        return d;
    }
    static std::vector<std::string> strings(const rapidjson::Value& d, const std::string& pointer) {
        std::vector<std::string> out;
        for (const auto& v : json_array(d, pointer)) out.push_back(v.GetString());
        return out;
    }
    static std::string export_of(const std::string& formaat) {
        auto r = client().Get("/v1/informatiepunten?formaat=" + formaat + "&gemeente=GM0344");
        return r && r->status == 200 ? r->body : std::string();
    }
    static httplib::Result post(const std::string& token, const std::string& body, const std::string& type = "text/csv",
                                const std::string& query = "") {
        return client().Post(lijst + query, auth(token), body, type.c_str());
    }
    static int status_of(const std::string& id) {
        auto r = client().Get("/v1/informatiepunten/" + id);
        return r ? r->status : 0;
    }
    static std::string etag_of(const std::string& id) { return client().Get("/v1/informatiepunten/" + id)->get_header_value("ETag"); }
    static std::string naam_of(const std::string& id) {
        return json_string(parse(client().Get("/v1/informatiepunten/" + id)->body), "/naam");
    }
};

// The CSV line of one record (the export writes one line per record, CRLF).
std::size_t line_of(const std::string& csv, const std::string& id) {
    const auto at = csv.find("\r\n" + id + ",");
    return at == std::string::npos ? at : at + 2;
}
std::string without_row(std::string csv, const std::string& id) {
    const auto at = line_of(csv, id);
    if (at != std::string::npos) csv.erase(at, csv.find("\r\n", at) + 2 - at);
    return csv;
}
std::string renamed(std::string csv, const std::string& id, const std::string& from, const std::string& to) {
    const auto at = line_of(csv, id);
    const auto name = csv.find(from, at);
    if (at != std::string::npos && name != std::string::npos && name < csv.find("\r\n", at)) csv.replace(name, from.size(), to);
    return csv;
}

}  // namespace

TEST_F(VolledigeLijst, OnlyTheMunicipalitysOwnTokenMaySendIt) {
    const auto csv = export_of("csv");
    ASSERT_FALSE(csv.empty());
    auto c = client();
    auto none = c.Post(lijst, csv, "text/csv");
    EXPECT_EQ(none->status, 401);
    EXPECT_EQ(post(tokens->bibliotheek_utrecht, csv)->status, 403);
    auto other = post(tokens->gemeente_zwolle, csv);
    EXPECT_EQ(other->status, 403);
    EXPECT_EQ(json_string(parse(other->body), "/code"), "geen-toegang");
    EXPECT_EQ(c.Post("/v1/gemeenten/GM9999/volledige-lijst", auth(tokens->gemeente_utrecht), csv, "text/csv")->status, 404);
    EXPECT_EQ(c.Delete(lijst)->status, 405);  // (a GET of a path without GET is 404, as everywhere)
}

TEST_F(VolledigeLijst, TheExportSentBackChangesNothing) {
    const std::string etag = etag_of("GEN-GM0344-01");
    // As many records as the municipality has now: the other tests (in any order, ctest shuffles) add and
    // remove some.
    const auto records = json_size(parse(export_of("geojson")), "/features");
    ASSERT_GT(records, 0u);
    for (const auto& [formaat, type] : {std::pair{"csv", "text/csv"}, {"geojson", "application/geo+json"}}) {
        const auto file = export_of(formaat);
        for (const std::string query : {"?proefdraai=true", ""}) {
            auto r = post(tokens->gemeente_utrecht, file, type, query);
            ASSERT_EQ(r->status, 200) << formaat << query << " " << r->body;
            const auto d = parse(r->body);
            EXPECT_EQ(json_bool(d, "/proefdraai"), !query.empty());
            EXPECT_EQ(json_size(d, "/toegevoegd") + json_size(d, "/gewijzigd") + json_size(d, "/verwijderd") + json_size(d, "/conflicten"), 0u);
            EXPECT_EQ(json_uint(d, "/ongewijzigd"), records);
            EXPECT_EQ(json_uint(d, "/zonderVersie"), 0u);
            EXPECT_FALSE(json_bool(d, "/zonderExportmoment"));
        }
    }
    EXPECT_EQ(etag_of("GEN-GM0344-01"), etag);
}

TEST_F(VolledigeLijst, ADryRunNamesTheChangesAndTheRealRunMakesThemWithTheTokensName) {
    const std::string old_name = naam_of("GEN-GM0344-02");
    const auto csv = renamed(without_row(export_of("csv"), "GEN-GM0344-09"), "GEN-GM0344-02", old_name, "Wijkbureau Overvecht");
    auto dry = post(tokens->gemeente_utrecht, csv, "text/csv", "?proefdraai=true");
    ASSERT_EQ(dry->status, 200) << dry->body;
    auto d = parse(dry->body);
    EXPECT_EQ(strings(d, "/verwijderd"), std::vector<std::string>{"GEN-GM0344-09"});
    EXPECT_EQ(strings(d, "/gewijzigd"), std::vector<std::string>{"GEN-GM0344-02"});
    EXPECT_TRUE(strings(d, "/toegevoegd").empty());
    EXPECT_EQ(json_string(d, "/namen/GEN-GM0344-02"), "Wijkbureau Overvecht");
    EXPECT_EQ(status_of("GEN-GM0344-09"), 200);  // a dry run stores nothing
    EXPECT_EQ(naam_of("GEN-GM0344-02"), old_name);

    auto done = post(tokens->gemeente_utrecht, csv);
    ASSERT_EQ(done->status, 200) << done->body;
    EXPECT_EQ(strings(parse(done->body), "/verwijderd"), std::vector<std::string>{"GEN-GM0344-09"});
    EXPECT_EQ(status_of("GEN-GM0344-09"), 404);
    EXPECT_EQ(naam_of("GEN-GM0344-02"), "Wijkbureau Overvecht");
    auto log = client().Get("/v1/informatiepunten/GEN-GM0344-02/wijzigingen", auth(tokens->gemeente_utrecht));
    ASSERT_EQ(log->status, 200);
    bool named = false;
    const auto entries = parse(log->body);  // the document must outlive the loop over its array
    for (const auto& e : json_array(entries, "/wijzigingen"))
        if (const auto& veld = json_at(e, "/veld"); veld.IsString() && std::string(veld.GetString()) == "naam")
            named = json_string(e, "/door/label") == "Gemeente Utrecht lijst";
    EXPECT_TRUE(named) << log->body;
}

TEST_F(VolledigeLijst, AChangeThroughTheApiSinceTheExportIsAConflictAndNothingIsStored) {
    const auto csv = export_of("csv");
    // After the export, the record is edited through the API.
    const std::string id = "GEN-GM0344-03";
    auto patched = client().Patch("/v1/informatiepunten/" + id, {{"Authorization", "Bearer " + tokens->gemeente_utrecht}, {"If-Match", etag_of(id)}},
                                  R"({"mededeling":"Tijdelijk gesloten"})", "application/json");
    ASSERT_EQ(patched->status, 200) << patched->body;
    const std::string etag = etag_of("GEN-GM0344-04");
    // The old file renames it (would overwrite the change) and lacks GEN-GM0344-04 (a plain removal).
    const auto file = without_row(renamed(csv, id, naam_of(id), "Nieuwe naam"), "GEN-GM0344-04");
    for (const std::string query : {"?proefdraai=true", ""}) {
        auto r = post(tokens->gemeente_utrecht, file, "text/csv", query);
        ASSERT_EQ(r->status, 422) << r->body;
        EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
        const auto d = parse(r->body);
        EXPECT_EQ(json_string(d, "/code"), "lijst-afgewezen");
        ASSERT_EQ(json_size(d, "/conflicten"), 1u);
        EXPECT_EQ(json_string(d, "/conflicten/0/id"), id);
        EXPECT_FALSE(json_string(d, "/conflicten/0/reden").empty());
    }
    EXPECT_EQ(status_of("GEN-GM0344-04"), 200);
    EXPECT_EQ(etag_of("GEN-GM0344-04"), etag);
    // As the answer says: export again, make the change there.
    const auto again = renamed(export_of("csv"), id, naam_of(id), "Nieuwe naam");
    auto ok = post(tokens->gemeente_utrecht, again);
    ASSERT_EQ(ok->status, 200) << ok->body;
    EXPECT_EQ(naam_of(id), "Nieuwe naam");
}

TEST_F(VolledigeLijst, BadFilesAreProblemsAndStoreNothing) {
    const auto csv = export_of("csv");
    // A row of Amsterdam in Utrecht's list.
    auto amsterdam = client().Get("/v1/informatiepunten?formaat=csv&gemeente=GM0363")->body;
    const auto first = amsterdam.find("\r\n") + 2;
    const std::string row = amsterdam.substr(first, amsterdam.find("\r\n", first) + 2 - first);
    auto outside = post(tokens->gemeente_utrecht, csv + row, "text/csv", "?proefdraai=true");
    ASSERT_EQ(outside->status, 422) << outside->body;
    auto d = parse(outside->body);
    ASSERT_EQ(json_size(d, "/problemen"), 1u);
    EXPECT_EQ(json_string(d, "/problemen/0/code"), "buiten-de-lijst");
    // The row as a spreadsheet numbers it: after the header and the municipality's rows.
    EXPECT_EQ(json_uint(d, "/problemen/0/regel"), static_cast<std::uint64_t>(std::count(csv.begin(), csv.end(), '\n') + 1));
    // An invalid cell.
    auto invalid = post(tokens->gemeente_utrecht, renamed(csv, "GEN-GM0344-05", naam_of("GEN-GM0344-05"), ""));
    ASSERT_EQ(invalid->status, 422) << invalid->body;
    EXPECT_EQ(json_string(parse(invalid->body), "/problemen/0/veld"), "naam");
    EXPECT_EQ(status_of("GEN-GM0344-05"), 200);
    // Media type, query, size.
    EXPECT_EQ(post(tokens->gemeente_utrecht, csv, "text/plain")->status, 415);
    EXPECT_EQ(post(tokens->gemeente_utrecht, csv, "text/csv", "?proefdraai=ja")->status, 400);
    EXPECT_EQ(post(tokens->gemeente_utrecht, csv, "text/csv", "?limit=1")->status, 400);
    auto big = post(tokens->gemeente_utrecht, csv + std::string(4 * 1024 * 1024, 'x'));
    ASSERT_TRUE(big);
    EXPECT_EQ(big->status, 413);
    // Other requests keep the 16 KiB limit.
    auto other = client().Post("/v1/informatiepunten", auth(tokens->gemeente_utrecht), std::string(64 * 1024, ' '), "application/json");
    ASSERT_TRUE(other);
    EXPECT_EQ(other->status, 413);
    EXPECT_TRUE(server->alive());
}

// Last: it uses up the token's uploads for the hour.
TEST_F(VolledigeLijst, UploadsPerTokenAreLimited) {
    int status = 0;
    for (int i = 0; i < 40 && status != 429; ++i) status = post(tokens->gemeente_utrecht, "x", "text/plain")->status;
    EXPECT_EQ(status, 429);
    auto refused = post(tokens->gemeente_utrecht, export_of("csv"), "text/csv", "?proefdraai=true");
    EXPECT_EQ(refused->status, 429);
    EXPECT_FALSE(refused->get_header_value("Retry-After").empty());
}
