// Contract tests of the report form without JavaScript (/informatiepunten/{id}/melding, issue 14) over
// real HTTP against the real binary: the form, a good report answered 303 to the thank-you page and
// stored as the JSON API stores it (seen in GET /v1/meldingen), a bad one answered 400 with the form
// and nothing stored, and the limit of 5 per address per hour shared with the JSON API (one home).
// The server trusts X-Real-IP from 127.0.0.1 (--vertrouwde-proxy, as behind nginx), so each case is
// a client of its own by its header; the log must hold none of those addresses.
#include "server_process.hpp"

#include "../support/json_access.hpp"  // before any RapidJSON header: its checked RAPIDJSON_ASSERT

#include <cstdio>
#include <string>

using namespace ido::test;

namespace {

ServerProcess* server = nullptr;
std::string beheerder;

// A real help point of the seed set (Bibliotheek Utrecht), and a generated one for the limit (so that
// the 50-per-day limit of the other is not reached by this binary's cases).
const std::string id = "IDO-VB-067";
const std::string form = "/informatiepunten/" + id + "/melding";

// A client address of its own per call, in a documentation range (RFC 5737).
std::string fresh_address() {
    static int next = 0;
    ++next;
    return "198.51.100." + std::to_string(next);
}

class MeldPagina : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (server != nullptr) return;
        server = new ServerProcess({"--vertrouwde-proxy", "127.0.0.1"}, "melding-pagina-contract-server.log");
        beheerder = create_token(server->db_path(), "--rol beheerder --label formulier");
        ASSERT_EQ(beheerder.rfind("idov_", 0), 0u) << beheerder;
    }
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
    }

    static httplib::Client client() {
        httplib::Client c("127.0.0.1", server->port());
        c.set_read_timeout(10, 0);
        return c;
    }
    static httplib::Result post_form(const std::string& body, const std::string& address, const std::string& type = "application/x-www-form-urlencoded",
                                     const std::string& path = form) {
        return client().Post(path, httplib::Headers{{"X-Real-IP", address}}, body, type);
    }
    static rapidjson::Document reports() {
        auto r = client().Get("/v1/meldingen", httplib::Headers{{"Authorization", "Bearer " + beheerder}});
        EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no response");
        rapidjson::Document d;
        d.Parse(r ? r->body.c_str() : "{}");
        return d;
    }
    static std::size_t count() { return json_size(reports(), "/meldingen"); }
    static bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
};

TEST_F(MeldPagina, TheFormIsAServerRenderedPage) {
    auto r = client().Get(form);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store");
    EXPECT_TRUE(has(r->get_header_value("Content-Security-Policy"), "form-action 'self'"));
    EXPECT_TRUE(has(r->body, "method=\"post\" action=\"" + form + "\""));
    EXPECT_TRUE(has(r->body, "<legend>Wat klopt er niet?</legend>"));
    EXPECT_TRUE(has(r->body, "name=\"toelichting\""));
    EXPECT_TRUE(has(r->body, "Bibliotheek"));  // the help point's name in the heading
    // The help point's page links to it instead of a mailto:.
    auto page = client().Get("/informatiepunten/" + id);
    ASSERT_TRUE(page);
    EXPECT_TRUE(has(page->body, "href=\"" + form + "\"")) << "no link to the form on the help point's page";
    EXPECT_FALSE(has(page->body, "?subject="));
    // Unknown help points have no form.
    auto unknown = client().Get("/informatiepunten/IDO-XX-999/melding");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);
    EXPECT_EQ(unknown->get_header_value("Content-Type"), "text/html; charset=utf-8");
}

TEST_F(MeldPagina, TheFormSpeaksThePagesLanguages) {
    // ?taal= first, as on the other pages.
    auto en = client().Get(form + "?taal=en", httplib::Headers{{"Accept-Language", "ar"}});
    ASSERT_TRUE(en);
    EXPECT_EQ(en->status, 200);
    EXPECT_EQ(en->get_header_value("Content-Language"), "en");
    EXPECT_TRUE(has(en->get_header_value("Vary"), "Accept-Language"));
    EXPECT_TRUE(has(en->body, "<html lang=\"en\" dir=\"ltr\">"));
    EXPECT_TRUE(has(en->body, "<legend>What is wrong?</legend>"));
    EXPECT_TRUE(has(en->body, "method=\"post\" action=\"" + form + "?taal=en\""));
    // Then Accept-Language: Arabic, right to left.
    auto ar = client().Get(form, httplib::Headers{{"Accept-Language", "ar-MA, ar;q=0.9, nl;q=0.5"}});
    ASSERT_TRUE(ar);
    EXPECT_EQ(ar->get_header_value("Content-Language"), "ar");
    EXPECT_TRUE(has(ar->body, "<html lang=\"ar\" dir=\"rtl\">"));
    EXPECT_TRUE(has(ar->body, "<label for=\"soort-adres\">العنوان</label>"));
    // The help point's page in a language links to the form in that language.
    auto page = client().Get("/informatiepunten/" + id + "?taal=uk");
    ASSERT_TRUE(page);
    EXPECT_TRUE(has(page->body, "href=\"" + form + "?taal=uk\""));
    // A good report sent from the English form: the thank-you page in English too.
    auto r = client().Post(form + "?taal=en", httplib::Headers{{"X-Real-IP", fresh_address()}},
                           "soort=diensten&toelichting=taal+" + std::to_string(::getpid()), "application/x-www-form-urlencoded");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 303) << r->body;
    EXPECT_EQ(r->get_header_value("Location"), form + "/bedankt?taal=en");
    auto thanks = client().Get(form + "/bedankt?taal=en");
    ASSERT_TRUE(thanks);
    EXPECT_TRUE(has(thanks->body, "<h1>Thank you for your report</h1>"));
    EXPECT_TRUE(has(thanks->body, "href=\"/informatiepunten/" + id + "?taal=en\""));
    // A bad one from the Polish form: the errors in Polish.
    auto bad = client().Post(form + "?taal=pl", httplib::Headers{{"X-Real-IP", fresh_address()}}, "toelichting=x", "application/x-www-form-urlencoded");
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400);
    EXPECT_TRUE(has(bad->body, "<html lang=\"pl\""));
    EXPECT_TRUE(has(bad->body, "Wybierz, co się nie zgadza."));
}

TEST_F(MeldPagina, AGoodReportIsStoredAndAnsweredWithTheThankYouPage) {
    const std::size_t before = count();
    const std::string text = "Formulier " + std::to_string(::getpid());
    // A textarea sends line breaks as CR LF; the store gets LF, as from the widget's JSON.
    auto r = post_form("soort=adres&toelichting=" + text.substr(0, 9) + "+" + text.substr(10) + "%0D%0Ade+ingang+is+verhuisd", fresh_address());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 303) << r->body;
    EXPECT_EQ(r->get_header_value("Location"), form + "/bedankt");
    EXPECT_EQ(count(), before + 1);
    bool found = false;
    const auto list = reports();
    for (const auto& m : json_array(list, "/meldingen"))
        if (json_string(m, "/toelichting") == text + "\nde ingang is verhuisd") {
            found = true;
            EXPECT_EQ(json_string(m, "/informatiepunt"), id);
            EXPECT_EQ(json_string(m, "/soort"), "adres");
            EXPECT_EQ(json_string(m, "/status"), "open");
        }
    EXPECT_TRUE(found) << "the report is not in GET /v1/meldingen";
    auto thanks = client().Get(form + "/bedankt");
    ASSERT_TRUE(thanks);
    EXPECT_EQ(thanks->status, 200);
    EXPECT_TRUE(has(thanks->body, "<h1>Bedankt voor uw melding</h1>"));
    EXPECT_TRUE(has(thanks->body, "href=\"/informatiepunten/" + id + "\""));
    // The same report again (same kind, same text) is merged, as in the API: 303, nothing new stored.
    auto again = post_form("soort=adres&toelichting=" + text.substr(0, 9) + "+" + text.substr(10) + "%0D%0Ade+ingang+is+verhuisd", fresh_address());
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 303);
    EXPECT_EQ(count(), before + 1);
}

TEST_F(MeldPagina, ABadFormIsShownAgainWithItsErrorsAndStoresNothing) {
    const std::size_t before = count();
    struct Case {
        const char* what;
        std::string body;
        std::string error;
    };
    const Case cases[] = {
        {"no kind", "toelichting=Het+klopt+niet", "Kies wat er niet klopt."},
        {"an unknown kind", "soort=weer&toelichting=", "Kies wat er niet klopt."},
        {"501 characters", "soort=anders&toelichting=" + std::string(501, 'a'), "langer dan 500 tekens"},
        {"not UTF-8", "soort=anders&toelichting=%FF%FE", "tekens die we niet kunnen gebruiken"},
        {"a control character", "soort=anders&toelichting=a%1Bb", "tekens die we niet kunnen gebruiken"},
        {"an unknown field", "soort=anders&naam=Jan", "niet goed bij ons aan"},
        {"a kind twice", "soort=anders&soort=adres", "niet goed bij ons aan"},
        {"a broken escape", "soort=anders&toelichting=%G1", "niet goed bij ons aan"},
    };
    for (const auto& c : cases) {
        auto r = post_form(c.body, fresh_address());
        ASSERT_TRUE(r) << c.what;
        EXPECT_EQ(r->status, 400) << c.what;
        EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8") << c.what;
        EXPECT_TRUE(has(r->body, "class=\"foutsamenvatting\"")) << c.what;
        EXPECT_TRUE(has(r->body, c.error)) << c.what << ": " << r->body;
        EXPECT_TRUE(has(r->body, "<title>Fout: ")) << c.what;
        EXPECT_TRUE(has(r->body, "<form class=\"meldformulier\"")) << c.what;
    }
    // The error at its field, with aria-invalid, and the choice kept.
    auto kept = post_form("soort=adres&toelichting=" + std::string(501, 'b'), fresh_address());
    ASSERT_TRUE(kept);
    EXPECT_TRUE(has(kept->body, "aria-invalid=\"true\""));
    EXPECT_TRUE(has(kept->body, "value=\"adres\" checked"));
    EXPECT_TRUE(has(kept->body, "<a href=\"#toelichting\">"));
    // Not a form's encoding: 415, the form again.
    auto json = post_form(R"({"soort":"anders"})", fresh_address(), "application/json");
    ASSERT_TRUE(json);
    EXPECT_EQ(json->status, 415);
    EXPECT_TRUE(has(json->body, "<form class=\"meldformulier\""));
    EXPECT_EQ(count(), before);
    // An unknown help point: the 404 page, nothing stored.
    auto unknown = post_form("soort=anders", fresh_address(), "application/x-www-form-urlencoded", "/informatiepunten/IDO-XX-999/melding");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);
    EXPECT_EQ(count(), before);
}

TEST_F(MeldPagina, TheSixthReportFromAnAddressInAnHourIsRefusedWithAPageThatSaysWhen) {
    const std::string address = fresh_address();
    const std::string path = "/informatiepunten/GEN-GM0344-06/melding";
    // Form and API share the count: 3 through the form, 2 through the API.
    for (int i = 0; i < 3; ++i) {
        auto r = post_form("soort=anders&toelichting=limiet+" + std::to_string(i), address, "application/x-www-form-urlencoded", path);
        ASSERT_TRUE(r);
        ASSERT_EQ(r->status, 303) << i << ": " << r->body;
    }
    for (int i = 3; i < 5; ++i) {
        auto r = client().Post("/v1/informatiepunten/GEN-GM0344-06/meldingen", httplib::Headers{{"X-Real-IP", address}},
                               R"({"soort":"anders","toelichting":"limiet )" + std::to_string(i) + R"("})", "application/json");
        ASSERT_TRUE(r);
        ASSERT_EQ(r->status, 201) << i << ": " << r->body;
    }
    const std::size_t before = count();
    auto over = post_form("soort=anders&toelichting=limiet+6", address, "application/x-www-form-urlencoded", path);
    ASSERT_TRUE(over);
    EXPECT_EQ(over->status, 429);
    EXPECT_EQ(over->get_header_value("Content-Type"), "text/html; charset=utf-8");
    const long wait = std::stol(over->get_header_value("Retry-After"));
    EXPECT_GT(wait, 0);
    EXPECT_LE(wait, 3601);
    EXPECT_TRUE(has(over->body, "al 5 meldingen"));
    EXPECT_TRUE(has(over->body, "Probeer het over ")) << over->body;
    EXPECT_EQ(count(), before);
    // Another address behind the same proxy is not held back.
    auto other = post_form("soort=anders&toelichting=iemand+anders", fresh_address(), "application/x-www-form-urlencoded", path);
    ASSERT_TRUE(other);
    EXPECT_EQ(other->status, 303);
}

TEST_F(MeldPagina, TheLogHoldsNoClientAddress) {
    // Run after some reports were made (cases run in any order: make one here too).
    ASSERT_TRUE(post_form("soort=diensten", "198.51.100.250"));
    const std::string log = server->log();
    EXPECT_FALSE(has(log, "198.51.100.")) << "a client address in the server log";
    EXPECT_TRUE(has(log, "/informatiepunten/{id}/melding")) << "the access log names the route template";
}

}  // namespace
