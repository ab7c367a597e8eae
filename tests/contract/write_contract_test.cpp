// Contract tests for the write API over real HTTP against the real binary and a real database file:
// scopes, optimistic concurrency, audit log, bad bodies leaving the store unchanged, and a crash test.
#include "server_process.hpp"

#include "../support/json_access.hpp"  // before any RapidJSON header: its checked RAPIDJSON_ASSERT

#include <atomic>
#include <cstdio>
#include <set>
#include <thread>

// ServerProcess, the private servers and the shape-checked JSON readers (tests/support/json_access.hpp).
using namespace ido::test;

namespace {

ServerProcess* server = nullptr;

struct Tokens {
    std::string bibliotheek_utrecht, bibliotheek_other, gemeente_utrecht, gemeente_zwolle, beheerder;
};
Tokens* tokens = nullptr;

class Write : public ::testing::Test {
protected:
    // One server and one set of tokens for the suite. Tests that change a help point compare with what
    // it was at their start, never with the seed value, so that they run in any order.
    static void SetUpTestSuite() {
        if (server != nullptr) return;
        server = new ServerProcess({}, "write-contract-server.log");
        const auto& db = server->db_path();
        tokens = new Tokens{create_token(db, "--rol bibliotheek --organisatie 'Bibliotheek Utrecht' --label 'Bibliotheek Utrecht balie'"),
                            create_token(db, "--rol bibliotheek --organisatie 'Bibliotheek Noord-Veluwe'"),
                            create_token(db, "--rol gemeente --gemeente GM0344"),
                            create_token(db, "--rol gemeente --gemeente GM0193"),
                            create_token(db, "--rol beheerder --label 'Landelijk beheer'")};
        ASSERT_EQ(tokens->beheerder.rfind("idov_", 0), 0u) << tokens->beheerder;
    }
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
        delete tokens;
        tokens = nullptr;
    }

    static httplib::Client client() {
        httplib::Client c("127.0.0.1", server->port());
        c.set_read_timeout(10, 0);
        return c;
    }
    static std::string etag_of(const std::string& id) {
        auto r = client().Get("/v1/informatiepunten/" + id);
        return r ? r->get_header_value("ETag") : "";
    }
    static rapidjson::Document parse(const std::string& body) {
        rapidjson::Document d;
        d.Parse(body.c_str());
        return d;
    }
    static std::string code_of(const httplib::Result& r) {
        if (!r) return "no response";
        auto d = parse(r->body);
        return d.IsObject() && d.HasMember("code") ? json_string(d, "/code") : "(" + std::to_string(r->status) + ")";
    }
};

// IDO-VB-067 belongs to Bibliotheek Utrecht in GM0344 (Utrecht) in the seed set.
const std::string utrecht = "IDO-VB-067";
const std::string hours_body =
    R"({"spreekuren":[{"naam":"Inloopspreekuur","diensten":["digid","toeslagen"],"openingstijden":"Th 09:30-12:30; PH off","opAfspraak":false},)"
    R"({"naam":"Belastingspreekuur","diensten":["belastingdienst"],"openingstijden":"Tu 14:00-16:00 open \"op afspraak\"; PH off","opAfspraak":true,"afspraak":{"url":"https://example.org/afspraak","telefoon":"030 123 4567"}}]})";

// Other hours than hours_body, for a test that needs an hours change of its own: whichever of the two
// runs first, the other's write is still a change (a write of the same hours changes nothing).
const std::string other_hours_body =
    R"({"spreekuren":[{"naam":"Inloopspreekuur","diensten":["digid"],"openingstijden":"Fr 09:00-11:00; PH off","opAfspraak":false}]})";

}  // namespace

TEST_F(Write, NoOrBadTokenIs401AndOtherScopeIs403) {
    auto c = client();
    const std::string before = etag_of(utrecht);
    auto none = c.Put("/v1/informatiepunten/" + utrecht + "/openingstijden", hours_body, "application/json");
    ASSERT_TRUE(none);
    EXPECT_EQ(none->status, 401);
    EXPECT_EQ(code_of(none), "niet-geauthenticeerd");
    EXPECT_EQ(none->get_header_value("Content-Type"), "application/problem+json");
    auto bad = c.Put("/v1/informatiepunten/" + utrecht + "/openingstijden", auth("idov_bestaatniet"), hours_body, "application/json");
    EXPECT_EQ(bad->status, 401);
    auto other_library = c.Put("/v1/informatiepunten/" + utrecht + "/openingstijden", auth(tokens->bibliotheek_other, etag_of(utrecht)), hours_body,
                               "application/json");
    EXPECT_EQ(other_library->status, 403);
    auto other_city = c.Put("/v1/informatiepunten/" + utrecht + "/openingstijden", auth(tokens->gemeente_zwolle, etag_of(utrecht)), hours_body,
                            "application/json");
    EXPECT_EQ(other_city->status, 403);
    EXPECT_EQ(etag_of(utrecht), before);  // nothing changed
}

TEST_F(Write, HoursUpdateIsLiveAtOnceWithConcurrencyControl) {
    auto c = client();
    const std::string before = etag_of(utrecht);
    auto missing = c.Put("/v1/informatiepunten/" + utrecht + "/openingstijden", auth(tokens->bibliotheek_utrecht), hours_body, "application/json");
    EXPECT_EQ(missing->status, 428);
    auto stale = c.Put("/v1/informatiepunten/" + utrecht + "/openingstijden", auth(tokens->bibliotheek_utrecht, "\"999\""), hours_body,
                       "application/json");
    EXPECT_EQ(stale->status, 412);
    auto ok = c.Put("/v1/informatiepunten/" + utrecht + "/openingstijden", auth(tokens->bibliotheek_utrecht, before), hours_body, "application/json");
    ASSERT_EQ(ok->status, 200) << ok->body;
    const std::string after = ok->get_header_value("ETag");
    EXPECT_NE(after, before);
    // Read your own write, at once, in every read path.
    auto one = parse(c.Get("/v1/informatiepunten/" + utrecht + "?tijdstip=2026-12-03T10:00:00%2B01:00")->body);
    EXPECT_EQ(json_size(one, "/spreekuren"), 2u);
    EXPECT_EQ(json_string(one, "/status/code"), "open");
    EXPECT_EQ(json_string(one, "/status/openTot"), "2026-12-03T12:30:00+01:00");
    auto near = parse(c.Get("/v1/informatiepunten?lat=52.09&lon=5.10&limit=100&dienst=belastingdienst")->body);
    bool found = false;
    for (const auto& item : json_array(near, "/informatiepunten")) found = found || json_string(item, "/id") == utrecht;
    EXPECT_TRUE(found);
    // The same edit again with the old ETag: someone (we) changed it first.
    auto again = c.Put("/v1/informatiepunten/" + utrecht + "/openingstijden", auth(tokens->bibliotheek_utrecht, before), hours_body, "application/json");
    EXPECT_EQ(again->status, 412);
    EXPECT_EQ(again->get_header_value("ETag"), after);
}

TEST_F(Write, BadBodiesAreClearAndChangeNothing) {
    auto c = client();
    const std::string etag = etag_of(utrecht);
    auto put = [&](const std::string& body, const std::string& type = "application/json") {
        return c.Put("/v1/informatiepunten/" + utrecht + "/openingstijden", auth(tokens->bibliotheek_utrecht, etag), body, type.c_str());
    };
    auto bad_hours = put(R"({"spreekuren":[{"naam":"x","diensten":["digid"],"openingstijden":"Mo 25:00-26:00"}]})");
    EXPECT_EQ(bad_hours->status, 400);
    auto d = parse(bad_hours->body);
    ASSERT_TRUE(d.HasMember("invalidParams"));
    EXPECT_EQ(json_string(d, "/invalidParams/0/name"), "/spreekuren/0/openingstijden");
    EXPECT_EQ(json_string(d, "/invalidParams/0/code"), "ongeldige-openingstijden");
    EXPECT_NE(json_string(d, "/invalidParams/0/reason").find("positie 3"), std::string::npos) << bad_hours->body;
    EXPECT_EQ(put("{not json")->status, 400);
    EXPECT_EQ(code_of(put("{not json")), "ongeldige-inhoud");
    EXPECT_EQ(put("[1,2]")->status, 400);
    EXPECT_EQ(put(R"({"spreekuren":[],"extra":1})")->status, 400);
    EXPECT_EQ(put(R"({"spreekuren":[{"naam":"x","diensten":["paspoort"],"openingstijden":""}]})")->status, 400);
    EXPECT_EQ(put(R"({"spreekuren":[{"naam":"x","diensten":"digid","openingstijden":""}]})")->status, 400);
    EXPECT_EQ(put(R"({"spreekuren":[{"naam":"x","diensten":[],"openingstijden":"","opAfspraak":"ja"}]})")->status, 400);
    EXPECT_EQ(put(std::string(R"({"spreekuren":[{"naam":"\xff","diensten":[],"openingstijden":""}]})"))->status, 400);
    EXPECT_EQ(put(hours_body, "text/plain")->status, 415);
    auto big = put(R"({"spreekuren":[{"naam":")" + std::string(40000, 'a') + R"(","diensten":[],"openingstijden":""}]})");
    ASSERT_TRUE(big);
    EXPECT_EQ(big->status, 413);
    EXPECT_EQ(etag_of(utrecht), etag);  // the store is unchanged
    EXPECT_TRUE(server->alive());
}

TEST_F(Write, PatchContactAndNoticeWithAudit) {
    auto c = client();
    // The audit log below shows an hours change too: made here, so this test does not rely on another.
    auto hours = c.Put("/v1/informatiepunten/" + utrecht + "/openingstijden", auth(tokens->bibliotheek_utrecht, etag_of(utrecht)),
                       other_hours_body, "application/json");
    ASSERT_TRUE(hours);
    ASSERT_EQ(hours->status, 200) << hours->body;
    auto patch = [&](const std::string& token, const std::string& body) {
        return c.Patch("/v1/informatiepunten/" + utrecht, auth(token, etag_of(utrecht)), body, "application/merge-patch+json");
    };
    auto ok = patch(tokens->bibliotheek_utrecht,
                    R"({"contact":{"telefoon":"030 286 1800","website":"https://www.bibliotheekutrecht.nl"},"mededeling":"Tijdelijk gesloten tot 5 januari","laatstGecontroleerd":"2026-11-28"})");
    ASSERT_EQ(ok->status, 200) << ok->body;
    auto d = parse(ok->body);
    EXPECT_EQ(json_string(d, "/contact/telefoon"), "030 286 1800");
    EXPECT_EQ(json_string(d, "/mededeling"), "Tijdelijk gesloten tot 5 januari");
    // A new woonplaats in the address is also the help point's woonplaats (what search and lists show).
    auto moved = patch(tokens->bibliotheek_utrecht, R"({"adres":{"woonplaats":"Utrecht Centrum"}})");
    ASSERT_EQ(moved->status, 200) << moved->body;
    auto m = parse(moved->body);
    EXPECT_EQ(json_string(m, "/adres/woonplaats"), "Utrecht Centrum");
    EXPECT_EQ(json_string(m, "/woonplaats"), "Utrecht Centrum");
    EXPECT_EQ(json_string(m, "/contact/telefoon"), "030 286 1800");  // merged, not replaced
    EXPECT_EQ(patch(tokens->bibliotheek_utrecht, R"({"organisatie":"Iets anders"})")->status, 403);
    EXPECT_EQ(patch(tokens->bibliotheek_utrecht, R"({"laatstGecontroleerd":"2026-02-30"})")->status, 400);
    EXPECT_EQ(patch(tokens->bibliotheek_utrecht, R"({"contact":{"email":"geen-email"}})")->status, 400);
    EXPECT_EQ(patch(tokens->bibliotheek_utrecht, R"({})")->status, 400);
    EXPECT_EQ(patch(tokens->bibliotheek_utrecht, R"({"id":"ANDER"})")->status, 400);

    auto log = c.Get("/v1/informatiepunten/" + utrecht + "/wijzigingen", auth(tokens->bibliotheek_utrecht));
    ASSERT_EQ(log->status, 200);
    auto entries = parse(log->body);
    std::set<std::string> fields;
    for (const auto& e : json_array(entries, "/wijzigingen")) {
        if (json_string(e, "/actie") != "gewijzigd") continue;
        fields.insert(json_string(e, "/veld"));
        EXPECT_EQ(json_string(e, "/door/label"), "Bibliotheek Utrecht balie");
    }
    EXPECT_TRUE(fields.count("contact") && fields.count("mededeling") && fields.count("laatstGecontroleerd") && fields.count("spreekuren"));
    EXPECT_EQ(log->body.find("idov_"), std::string::npos);  // never a secret
    EXPECT_EQ(c.Get("/v1/informatiepunten/" + utrecht + "/wijzigingen")->status, 401);
    EXPECT_EQ(c.Get("/v1/informatiepunten/" + utrecht + "/wijzigingen", auth(tokens->gemeente_zwolle))->status, 403);
}

TEST_F(Write, MunicipalityCreatesAndRemovesItsOwn) {
    auto c = client();
    const std::string body = R"({"naam":"IDO Wijkcentrum Lombok","organisatie":"Gemeente Utrecht","adres":{"straat":"Kanaalstraat","huisnummer":"1","woonplaats":"Utrecht"},)"
                             R"("geometrie":{"type":"Point","coordinates":[5.1020,52.0925]},)"
                             R"("spreekuren":[{"naam":"Inloop","diensten":["digid","gemeente"],"openingstijden":"We 13:00-15:00; PH off","opAfspraak":false}]})";
    EXPECT_EQ(c.Post("/v1/informatiepunten", auth(tokens->bibliotheek_utrecht), body, "application/json")->status, 403);
    EXPECT_EQ(c.Post("/v1/informatiepunten", auth(tokens->gemeente_zwolle), body, "application/json")->status, 403);
    EXPECT_EQ(c.Post("/v1/informatiepunten", auth(tokens->gemeente_utrecht),
                     R"({"naam":"Ver weg","geometrie":{"type":"Point","coordinates":[18.4,-33.9]}})", "application/json")->status, 400);
    auto created = c.Post("/v1/informatiepunten", auth(tokens->gemeente_utrecht), body, "application/json");
    ASSERT_EQ(created->status, 201) << created->body;
    auto d = parse(created->body);
    const std::string id = json_string(d, "/id");
    EXPECT_EQ(created->get_header_value("Location"), "/v1/informatiepunten/" + id);
    EXPECT_EQ(json_string(d, "/gemeentecode"), "GM0344");
    EXPECT_EQ(json_string(d, "/herkomst/soort"), "beheer");
    auto near = parse(c.Get("/v1/informatiepunten?lat=52.0925&lon=5.1020&limit=1")->body);
    EXPECT_EQ(json_string(near, "/informatiepunten/0/id"), id);
    auto again = c.Post("/v1/informatiepunten", auth(tokens->gemeente_utrecht), R"({"id":")" + id + R"(","naam":"x","geometrie":{"type":"Point","coordinates":[5.1,52.09]}})",
                        "application/json");
    EXPECT_EQ(again->status, 409);

    EXPECT_EQ(c.Delete("/v1/informatiepunten/" + id, auth(tokens->gemeente_utrecht))->status, 428);
    EXPECT_EQ(c.Delete("/v1/informatiepunten/" + utrecht, auth(tokens->bibliotheek_utrecht, etag_of(utrecht)))->status, 403);
    auto removed = c.Delete("/v1/informatiepunten/" + id, auth(tokens->gemeente_utrecht, etag_of(id)));
    EXPECT_EQ(removed->status, 204);
    EXPECT_EQ(c.Get("/v1/informatiepunten/" + id)->status, 404);
    auto near_after = parse(c.Get("/v1/informatiepunten?lat=52.0925&lon=5.1020&limit=1")->body);
    EXPECT_NE(json_string(near_after, "/informatiepunten/0/id"), id);
}

TEST_F(Write, RepeatedFailedLoginsAreRefused) {
    // A server of its own: tripping the login limiter on purpose would refuse the other tests' writes.
    ServerProcess own({}, "write-contract-limiter.log");
    const std::string beheerder = create_token(own.db_path(), "--rol beheerder");
    ASSERT_EQ(beheerder.rfind("idov_", 0), 0u) << beheerder;
    httplib::Client c("127.0.0.1", own.port());
    c.set_read_timeout(10, 0);
    int limited = 0;
    for (int i = 0; i < 15; ++i) {
        auto r = c.Put("/v1/informatiepunten/" + utrecht + "/openingstijden", auth("idov_geraden" + std::to_string(i)), hours_body, "application/json");
        if (r && r->status == 429) {
            ++limited;
            EXPECT_FALSE(r->get_header_value("Retry-After").empty());
        }
    }
    EXPECT_GE(limited, 4);
    // Also a valid token is refused now from this client: guessing must not be rewarded with a hint.
    auto valid = c.Get("/v1/informatiepunten/" + utrecht + "/wijzigingen", auth(beheerder));
    ASSERT_TRUE(valid);
    EXPECT_EQ(valid->status, 429);
}

// Writes in a loop, kill -9 mid-stream, restart on the same database: every write that got a 2xx is
// there, and the database passes PRAGMA integrity_check.
TEST_F(Write, AcknowledgedWritesSurviveAKill) {
    // A server of its own, to kill: the shared one stays for the other tests.
    ServerProcess victim({}, "write-contract-crash.log");
    const std::string db = victim.db_path();
    const std::string beheerder = create_token(db, "--rol beheerder");
    const std::string id = "IDO-VB-01";
    std::atomic<bool> stop{false};
    std::vector<int> acknowledged;
    std::thread writer([&] {
        httplib::Client c("127.0.0.1", victim.port());
        c.set_read_timeout(5, 0);
        for (int n = 1; n < 100000 && !stop; ++n) {
            auto current = c.Get("/v1/informatiepunten/" + id);
            if (!current) break;
            auto r = c.Patch("/v1/informatiepunten/" + id, auth(beheerder, current->get_header_value("ETag")),
                             R"({"mededeling":"schrijfactie )" + std::to_string(n) + R"("})", "application/json");
            if (!r) break;
            if (r->status == 200) acknowledged.push_back(n);
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    victim.kill_hard();
    stop = true;
    writer.join();
    ASSERT_GT(acknowledged.size(), 5u);
    std::printf("acknowledged writes before the kill: %zu\n", acknowledged.size());

    EXPECT_EQ(run_command("sqlite3 '" + db + "' 'PRAGMA integrity_check'"), "ok");
    ServerProcess restarted({}, "write-contract-restart.log", db);
    httplib::Client c("127.0.0.1", restarted.port());
    auto log = c.Get("/v1/informatiepunten/" + id + "/wijzigingen", auth(beheerder));
    ASSERT_TRUE(log);
    ASSERT_EQ(log->status, 200);
    std::set<std::string> recorded;
    // Keep the document alive for the loop: a range-for over a member of a temporary reads freed memory.
    const auto history = parse(log->body);
    for (const auto& e : json_array(history, "/wijzigingen"))
        if (std::string(json_at(e, "/veld").IsString() ? json_string(e, "/veld") : "") == "mededeling") recorded.insert(json_string(e, "/nieuw"));
    for (int n : acknowledged) EXPECT_TRUE(recorded.count("schrijfactie " + std::to_string(n))) << "acknowledged write " << n << " lost";
    auto now = parse(c.Get("/v1/informatiepunten/" + id)->body);
    const std::string last = json_string(now, "/mededeling");
    EXPECT_TRUE(last == "schrijfactie " + std::to_string(acknowledged.back()) || last == "schrijfactie " + std::to_string(acknowledged.back() + 1))
        << last;
    EXPECT_EQ(restarted.stop(), 0);
}
