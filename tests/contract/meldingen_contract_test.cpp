// Contract tests of the reports (meldingen, issue 14) and of confirming a help point, over real HTTP
// against the real binary: an anonymous report stored and listed for exactly the tokens that may act on
// it, duplicates merged, every bad input a problem that stores nothing, the rate limits per client
// address and per help point, closing with If-Match, the audit entries, and nothing personal in the log.
#include "server_process.hpp"

#include "../support/json_access.hpp"  // before any RapidJSON header: its checked RAPIDJSON_ASSERT

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

using namespace ido::test;

namespace {

ServerProcess* server = nullptr;

struct Tokens {
    std::string bibliotheek_utrecht, bibliotheek_other, gemeente_utrecht, gemeente_zwolle, beheerder;
};
Tokens* tokens = nullptr;

// IDO-VB-067 belongs to Bibliotheek Utrecht in GM0344 (Utrecht) in the seed set; GEN-GM0344-01 is a
// generated record in Utrecht of another organisation.
const std::string utrecht = "IDO-VB-067";

struct Answer {
    int status = 0;
    std::string headers;  // raw, lower-cased names
    std::string body;
    std::string header(const std::string& lower_name) const {
        const auto at = headers.find("\n" + lower_name + ":");
        if (at == std::string::npos) return "";
        auto start = at + lower_name.size() + 2;
        while (start < headers.size() && headers[start] == ' ') ++start;
        return headers.substr(start, headers.find('\r', start) - start);
    }
};

// The rate limit counts per client address, and all tests run on one machine: each test sends its
// reports from addresses of its own on the loopback network (127.0.N.M), which Linux routes to the
// server on 127.0.0.1. A plain socket, since the HTTP client library cannot choose its source address.
Answer post_from(const std::string& source, const std::string& path, const std::string& body,
                 const std::string& content_type = "application/json") {
    Answer answer;
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    inet_pton(AF_INET, source.c_str(), &local.sin_addr);
    sockaddr_in remote{};
    remote.sin_family = AF_INET;
    remote.sin_port = htons(static_cast<std::uint16_t>(server->port()));
    inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr);
    if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
        connect(fd, reinterpret_cast<sockaddr*>(&remote), sizeof remote) != 0) {
        if (fd >= 0) close(fd);
        return answer;
    }
    std::string request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: " +
                          std::to_string(body.size()) + "\r\n";
    if (!content_type.empty()) request += "Content-Type: " + content_type + "\r\n";
    request += "\r\n" + body;
    for (std::size_t sent = 0; sent < request.size();) {
        const auto n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<std::size_t>(n);
    }
    // Read up to the end of the body as Content-Length gives it: Pistache may keep the socket open.
    std::string raw;
    char buffer[4096];
    std::size_t wanted = std::string::npos;
    while (wanted == std::string::npos || raw.size() < wanted) {
        const auto n = recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        raw.append(buffer, static_cast<std::size_t>(n));
        const auto head_end = raw.find("\r\n\r\n");
        if (wanted == std::string::npos && head_end != std::string::npos) {
            std::string head = raw.substr(0, head_end);
            for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            const auto at = head.find("\ncontent-length:");
            wanted = head_end + 4 + (at == std::string::npos ? 0 : std::stoul(head.substr(at + 16)));
        }
    }
    close(fd);
    const auto end = raw.find("\r\n\r\n");
    if (raw.size() < 12 || end == std::string::npos) return answer;
    answer.status = std::stoi(raw.substr(9, 3));
    answer.headers = raw.substr(0, end + 2);
    for (auto& c : answer.headers) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    answer.body = raw.substr(end + 4);
    return answer;
}

// A loopback address no other test uses.
std::string fresh_address() {
    static int next = 0;
    ++next;
    return "127.0." + std::to_string(1 + next / 250) + "." + std::to_string(1 + next % 250);
}

std::string report(const std::string& soort, const std::string& toelichting) {
    return R"({"soort":")" + soort + R"(","toelichting":")" + toelichting + R"("})";
}

class Meldingen : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (server != nullptr) return;
        server = new ServerProcess({}, "meldingen-contract-server.log");
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
    static rapidjson::Document parse(const std::string& body) {
        rapidjson::Document d;
        d.Parse(body.c_str());
        return d;
    }
    static std::string code_of(const std::string& body) {
        auto d = parse(body);
        return d.IsObject() && d.HasMember("code") ? json_string(d, "/code") : "(no code)";
    }
    // The reports a token sees, as a document (status: "" for all).
    static rapidjson::Document listed(const std::string& token, const std::string& status = "") {
        auto r = client().Get("/v1/meldingen" + (status.empty() ? "" : "?status=" + status), auth(token));
        EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no response");
        return parse(r ? r->body : "{}");
    }
    static const rapidjson::Value* find(const rapidjson::Document& list, std::int64_t id) {
        for (const auto& m : json_array(list, "/meldingen"))
            if (json_int(m, "/id") == id) return &m;
        return nullptr;
    }
    static std::size_t count_all() { return json_size(listed(tokens->beheerder), "/meldingen"); }
};

}  // namespace

TEST_F(Meldingen, AnAnonymousReportIsStoredAndSeenByExactlyTheTokensThatMayActOnIt) {
    const auto posted = post_from(fresh_address(), "/v1/informatiepunten/" + utrecht + "/meldingen",
                                  report("openingstijden", "Op woensdag is het inloopspreekuur al om 11 uur afgelopen"));
    ASSERT_EQ(posted.status, 201) << posted.body;
    EXPECT_EQ(posted.header("set-cookie"), "");
    const auto id = json_int(parse(posted.body), "/id");
    EXPECT_EQ(posted.header("location"), "/v1/meldingen/" + std::to_string(id));

    const auto mine = listed(tokens->bibliotheek_utrecht, "open");
    const auto* m = find(mine, id);
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(json_string(*m, "/informatiepunt"), utrecht);
    EXPECT_EQ(json_string(*m, "/soort"), "openingstijden");
    EXPECT_EQ(json_string(*m, "/toelichting"), "Op woensdag is het inloopspreekuur al om 11 uur afgelopen");
    EXPECT_EQ(json_string(*m, "/status"), "open");
    EXPECT_EQ(json_string(*m, "/ontvangen").size(), 20u);
    // Every report the library sees is of its own help points.
    for (const auto& item : json_array(mine, "/meldingen")) EXPECT_EQ(json_string(item, "/informatiepunt"), utrecht);

    EXPECT_NE(find(listed(tokens->gemeente_utrecht), id), nullptr);
    EXPECT_NE(find(listed(tokens->beheerder), id), nullptr);
    EXPECT_EQ(find(listed(tokens->bibliotheek_other), id), nullptr);
    EXPECT_EQ(find(listed(tokens->gemeente_zwolle), id), nullptr);
    EXPECT_EQ(find(listed(tokens->bibliotheek_utrecht, "afgehandeld"), id), nullptr);

    auto c = client();
    auto none = c.Get("/v1/meldingen");
    EXPECT_EQ(none->status, 401);
    EXPECT_EQ(c.Get("/v1/meldingen/" + std::to_string(id))->status, 401);
    EXPECT_EQ(c.Get("/v1/meldingen/" + std::to_string(id), auth(tokens->bibliotheek_other))->status, 403);
    auto bad_status = c.Get("/v1/meldingen?status=dicht", auth(tokens->beheerder));
    EXPECT_EQ(bad_status->status, 400);
    EXPECT_EQ(json_string(parse(bad_status->body), "/invalidParams/0/name"), "status");
    EXPECT_EQ(c.Get("/v1/meldingen?soort=adres", auth(tokens->beheerder))->status, 400);
}

TEST_F(Meldingen, ADuplicateOfAnOpenReportIsMergedAndAnsweredWithTheOpenOnesId) {
    const std::string path = "/v1/informatiepunten/" + utrecht + "/meldingen";
    const auto first = post_from(fresh_address(), path, report("adres", "De ingang is aan de achterkant"));
    ASSERT_EQ(first.status, 201) << first.body;
    const auto id = json_int(parse(first.body), "/id");
    const std::size_t before = count_all();
    const auto again = post_from(fresh_address(), path, report("adres", "de ingang is aan de  ACHTERKANT"));
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(json_int(parse(again.body), "/id"), id);
    EXPECT_TRUE(json_bool(parse(again.body), "/samengevoegd"));
    const auto empty = post_from(fresh_address(), path, R"({"soort":"adres"})");
    EXPECT_EQ(empty.status, 200);
    EXPECT_EQ(count_all(), before);
    EXPECT_EQ(json_int(*find(listed(tokens->beheerder), id), "/aantal"), 3);
}

TEST_F(Meldingen, BadInputIsAProblemThatStoresNothing) {
    auto c = client();
    const std::string path = "/v1/informatiepunten/" + utrecht + "/meldingen";
    const std::size_t before = count_all();
    std::string long_text, exact_text;
    for (int i = 0; i < 501; ++i) long_text += "\xc3\xa9";  // é: 501 characters, 1002 bytes
    for (int i = 0; i < 500; ++i) exact_text += "\xc3\xa9";
    struct Case {
        std::string name, path, body, type;
        int status;
        std::string code;
    };
    const std::vector<Case> cases = {
        {"unknown kind", path, report("fout", ""), "application/json", 400, "ongeldige-inhoud"},
        {"no kind", path, R"({"toelichting":"x"})", "application/json", 400, "ongeldige-inhoud"},
        {"501 characters", path, report("anders", long_text), "application/json", 400, "ongeldige-inhoud"},
        {"invalid UTF-8", path, report("anders", "caf\xe9"), "application/json", 400, "ongeldige-inhoud"},
        {"control character", path, report("anders", "a\\u001bb"), "application/json", 400, "ongeldige-inhoud"},
        {"a name field", path, R"({"soort":"anders","naam":"Jan"})", "application/json", 400, "ongeldige-inhoud"},
        {"text not a string", path, R"({"soort":"anders","toelichting":5})", "application/json", 400, "ongeldige-inhoud"},
        {"not JSON", path, "soort=adres", "application/json", 400, "ongeldige-inhoud"},
        {"a name twice", path, R"({"soort":"adres","soort":"anders"})", "application/json", 400, "ongeldige-inhoud"},
        {"form encoded", path, "soort=adres", "application/x-www-form-urlencoded", 415, "mediatype-niet-ondersteund"},
        {"no media type", path, report("adres", ""), "", 415, "mediatype-niet-ondersteund"},
        {"unknown help point", "/v1/informatiepunten/BESTAAT-NIET/meldingen", report("adres", ""), "application/json", 404, "niet-gevonden"},
        {"an id that is none", "/v1/informatiepunten/%3Cscript%3E/meldingen", report("adres", ""), "application/json", 404, "niet-gevonden"},
    };
    for (const auto& k : cases) {
        const auto r = post_from(fresh_address(), k.path, k.body, k.type);
        EXPECT_EQ(r.status, k.status) << k.name << ": " << r.body;
        EXPECT_EQ(r.header("content-type"), "application/problem+json") << k.name;
        EXPECT_EQ(code_of(r.body), k.code) << k.name;
    }
    EXPECT_EQ(count_all(), before);
    // Exactly 500 characters is fine.
    EXPECT_EQ(post_from(fresh_address(), path, report("anders", exact_text)).status, 201);

    // A removed help point takes no reports.
    const std::string removed = "GEN-GM0344-02";
    const std::string etag = c.Get("/v1/informatiepunten/" + removed)->get_header_value("ETag");
    ASSERT_EQ(c.Delete("/v1/informatiepunten/" + removed, auth(tokens->beheerder, etag))->status, 204);
    const auto r = post_from(fresh_address(), "/v1/informatiepunten/" + removed + "/meldingen", report("gesloten", ""));
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(code_of(r.body), "niet-gevonden");
    EXPECT_EQ(count_all(), before + 1);
}

TEST_F(Meldingen, AtMostFiveReportsPerAddressPerHour) {
    const std::string address = fresh_address();
    const std::string path = "/v1/informatiepunten/GEN-GM0344-03/meldingen";
    for (int i = 0; i < 5; ++i) {
        const auto r = post_from(address, path, report("anders", "melding " + std::to_string(i)));
        ASSERT_EQ(r.status, 201) << i << ": " << r.body;
    }
    const std::size_t before = count_all();
    const auto sixth = post_from(address, path, report("anders", "melding 6"));
    EXPECT_EQ(sixth.status, 429);
    EXPECT_EQ(code_of(sixth.body), "te-veel-verzoeken");
    const long wait = std::stol(sixth.header("retry-after"));
    EXPECT_GT(wait, 0);
    EXPECT_LE(wait, 3601);
    EXPECT_EQ(count_all(), before);
    // Another address is not held back.
    EXPECT_EQ(post_from(fresh_address(), path, report("anders", "van iemand anders")).status, 201);
}

TEST_F(Meldingen, AtMostFiftyReportsPerHelpPointPerDay) {
    const std::string path = "/v1/informatiepunten/GEN-GM0344-04/meldingen";
    for (int i = 0; i < 50; ++i) {
        const auto r = post_from(fresh_address(), path, report("anders", "melding " + std::to_string(i)));
        ASSERT_EQ(r.status, 201) << i << ": " << r.body;
    }
    const auto over = post_from(fresh_address(), path, report("anders", "een te veel"));
    EXPECT_EQ(over.status, 429);
    EXPECT_GT(std::stol(over.header("retry-after")), 3600);
    // Another help point still takes reports.
    EXPECT_EQ(post_from(fresh_address(), "/v1/informatiepunten/GEN-GM0344-05/meldingen", report("anders", "")).status, 201);
}

TEST_F(Meldingen, ClosingNeedsIfMatchAndIsAuditedWithoutTheTexts) {
    auto c = client();
    const auto posted = post_from(fresh_address(), "/v1/informatiepunten/" + utrecht + "/meldingen",
                                  report("diensten", "Ze helpen hier niet meer met DigiD, zei de balie"));
    ASSERT_EQ(posted.status, 201) << posted.body;
    const std::string id = std::to_string(json_int(parse(posted.body), "/id"));
    const std::string item = "/v1/meldingen/" + id;
    auto one = c.Get(item, auth(tokens->bibliotheek_utrecht));
    ASSERT_EQ(one->status, 200);
    const std::string etag = one->get_header_value("ETag");
    ASSERT_FALSE(etag.empty());
    const std::string body = R"({"status":"afgehandeld","antwoord":"DigiD staat weer bij de diensten"})";

    EXPECT_EQ(c.Patch(item, auth(tokens->bibliotheek_utrecht), body, "application/json")->status, 428);
    EXPECT_EQ(c.Patch(item, auth(tokens->bibliotheek_utrecht, "\"99\""), body, "application/json")->status, 412);
    EXPECT_EQ(c.Patch(item, auth(tokens->bibliotheek_other, etag), body, "application/json")->status, 403);
    EXPECT_EQ(c.Patch(item, auth(""), body, "application/json")->status, 401);
    EXPECT_EQ(c.Patch("/v1/meldingen/999999", auth(tokens->beheerder, "\"1\""), body, "application/json")->status, 404);
    auto bad = c.Patch(item, auth(tokens->bibliotheek_utrecht, etag), R"({"status":"open","antwoord":""})", "application/json");
    EXPECT_EQ(bad->status, 400);
    EXPECT_EQ(json_size(parse(bad->body), "/invalidParams"), 2u);
    EXPECT_EQ(c.Patch(item, auth(tokens->bibliotheek_utrecht, etag), body, "text/plain")->status, 415);

    auto closed = c.Patch(item, auth(tokens->bibliotheek_utrecht, etag), body, "application/json");
    ASSERT_EQ(closed->status, 200) << closed->body;
    const auto doc = parse(closed->body);
    EXPECT_EQ(json_string(doc, "/status"), "afgehandeld");
    EXPECT_EQ(json_string(doc, "/antwoord"), "DigiD staat weer bij de diensten");
    EXPECT_NE(closed->get_header_value("ETag"), etag);
    auto twice = c.Patch(item, auth(tokens->bibliotheek_utrecht, closed->get_header_value("ETag")), body, "application/json");
    EXPECT_EQ(twice->status, 409);
    EXPECT_EQ(code_of(twice->body), "al-afgesloten");
    EXPECT_EQ(find(listed(tokens->bibliotheek_utrecht, "open"), std::stoll(id)), nullptr);
    EXPECT_NE(find(listed(tokens->bibliotheek_utrecht, "afgehandeld"), std::stoll(id)), nullptr);

    // The help point's audit log: received (by a resident, token 0) and closed (by the library), with the
    // report's id, kind and status, and neither the resident's text nor the answer.
    auto log = c.Get("/v1/informatiepunten/" + utrecht + "/wijzigingen", auth(tokens->bibliotheek_utrecht));
    ASSERT_EQ(log->status, 200);
    bool received = false, handled = false;
    const auto log_doc = parse(log->body);  // kept alive: json_array views into it
    for (const auto& e : json_array(log_doc, "/wijzigingen")) {
        if (!json_has(e, "/nieuw/melding") || std::to_string(json_int(e, "/nieuw/melding")) != id) continue;
        if (json_string(e, "/actie") == "melding-ontvangen") {
            received = true;
            EXPECT_EQ(json_int(e, "/door/tokenId"), 0);
        }
        if (json_string(e, "/actie") == "melding-afgehandeld") {
            handled = true;
            EXPECT_EQ(json_string(e, "/door/label"), "Bibliotheek Utrecht balie");
            EXPECT_EQ(json_string(e, "/nieuw/status"), "afgehandeld");
        }
    }
    EXPECT_TRUE(received);
    EXPECT_TRUE(handled);
    EXPECT_EQ(log->body.find("DigiD, zei de balie"), std::string::npos);
    EXPECT_EQ(log->body.find("weer bij de diensten"), std::string::npos);
}

TEST_F(Meldingen, ConfirmingSetsLaatstGecontroleerdToTodayAndNothingElse) {
    auto c = client();
    const std::string id = "GEN-GM0344-06";
    auto before = c.Get("/v1/informatiepunten/" + id);
    const std::string etag = before->get_header_value("ETag");
    const std::string path = "/v1/informatiepunten/" + id + "/controle";
    EXPECT_EQ(c.Post(path, auth(tokens->gemeente_utrecht), "", "application/json")->status, 428);
    EXPECT_EQ(c.Post(path, auth(tokens->gemeente_zwolle, etag), "", "application/json")->status, 403);
    EXPECT_EQ(c.Post(path, auth(tokens->gemeente_utrecht, "\"999\""), "", "application/json")->status, 412);
    EXPECT_EQ(c.Post(path, auth(tokens->gemeente_utrecht, etag), R"({"laatstGecontroleerd":"2020-01-01"})", "application/json")->status, 400);
    auto ok = c.Post(path, auth(tokens->gemeente_utrecht, etag), "", "application/json");
    ASSERT_EQ(ok->status, 200) << ok->body;
    // Today in Amsterdam, from the system's own tz database, independent of the service.
    std::string today;
    if (FILE* pipe = popen("TZ=Europe/Amsterdam date +%F", "r")) {
        char buffer[32] = {};
        if (fgets(buffer, sizeof buffer, pipe)) today = std::string(buffer, 10);
        pclose(pipe);
    }
    auto was = parse(before->body), now = parse(ok->body);
    EXPECT_EQ(json_string(now, "/laatstGecontroleerd"), today);
    for (const char* field : {"/naam", "/organisatie", "/adres", "/contact", "/spreekuren", "/diensten", "/mededeling", "/geometrie", "/herkomst"}) {
        const bool had = json_has(was, field);
        ASSERT_EQ(had, json_has(now, field)) << field;
        if (!had) continue;
        rapidjson::StringBuffer a, b;
        rapidjson::Writer<rapidjson::StringBuffer> wa(a), wb(b);
        json_at(was, field).Accept(wa);
        json_at(now, field).Accept(wb);
        EXPECT_EQ(std::string(a.GetString()), std::string(b.GetString())) << field;
    }
    auto log = parse(c.Get("/v1/informatiepunten/" + id + "/wijzigingen", auth(tokens->gemeente_utrecht))->body);
    const auto entries = json_array(log, "/wijzigingen");
    ASSERT_GT(entries.Size(), 0u);
    const auto& last = entries[entries.Size() - 1];
    EXPECT_EQ(json_string(last, "/actie"), "gecontroleerd");
    EXPECT_EQ(json_string(last, "/veld"), "laatstGecontroleerd");
    EXPECT_EQ(json_string(last, "/nieuw"), today);
}

TEST_F(Meldingen, NothingPersonalReachesTheLog) {
    const std::string address = "127.0.77.77";
    ASSERT_EQ(post_from(address, "/v1/informatiepunten/" + utrecht + "/meldingen", report("anders", "Mijn buurvrouw Truus zegt")).status, 201);
    ASSERT_EQ(client().Get("/v1/health")->status, 200);  // the access log line of the report is written before this answer
    std::ifstream file("meldingen-contract-server.log");
    const std::string log((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    EXPECT_NE(log.find("/v1/informatiepunten/{id}/meldingen"), std::string::npos);
    EXPECT_EQ(log.find("127.0.77.77"), std::string::npos);
    EXPECT_EQ(log.find("Truus"), std::string::npos);
}
