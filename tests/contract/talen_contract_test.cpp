// Contract tests of the languages of the public pages over real HTTP (issue 15 §3, docs/talen.md):
// ?taal= and Accept-Language choose the language of `/`, `/embed` and `/informatiepunten/{id}`; the
// page says so in <html lang dir>, Content-Language and Vary; the language links keep the question;
// the alternates name every language; the municipal pages stay Dutch.
#include "server_process.hpp"

#include "../support/json_access.hpp"  // before any RapidJSON header: its checked RAPIDJSON_ASSERT

#include <regex>
#include <set>

using namespace ido::test;

namespace {

ServerProcess* server = nullptr;

class Talen : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (server == nullptr) server = new ServerProcess();
    }
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
    }

    static httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
        httplib::Client client("127.0.0.1", server->port());
        client.set_read_timeout(10, 0);
        client.set_decompress(false);
        httplib::Headers h = headers;
        if (!h.count("Accept-Encoding")) h.emplace("Accept-Encoding", "identity");
        return client.Get(path, h);
    }

    static rapidjson::Document json(const std::string& path) {
        auto result = get(path, {{"Accept", "application/json"}});
        rapidjson::Document document;
        EXPECT_TRUE(result) << path;
        if (!result) return document;
        EXPECT_EQ(result->status, 200) << path;
        document.Parse(result->body.c_str());
        return document;
    }

    static std::string base() { return "http://127.0.0.1:" + std::to_string(server->port()); }
};

std::vector<std::string> all(const std::string& text, const std::string& pattern) {
    std::vector<std::string> out;
    const std::regex re(pattern);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) out.push_back((*it)[1]);
    return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The document's <html lang dir>, the Content-Language and whether Vary names Accept-Language.
void expect_language(const httplib::Result& r, const std::string& taal, const std::string& dir) {
    ASSERT_TRUE(r);
    EXPECT_TRUE(contains(r->body, "<html lang=\"" + taal + "\" dir=\"" + dir + "\">")) << r->body.substr(0, 300);
    EXPECT_EQ(r->get_header_value("Content-Language"), taal);
    EXPECT_TRUE(contains(r->get_header_value("Vary"), "Accept-Language")) << r->get_header_value("Vary");
}

TEST_F(Talen, QueryParameterChoosesTheLanguage) {
    const std::vector<std::tuple<std::string, std::string, std::string>> cases{
        {"nl", "ltr", "Uw postcode of woonplaats"},       {"en", "ltr", "Your postcode or town"},
        {"ar", "rtl", "الرمز البريدي أو اسم المدينة"},     {"tr", "ltr", "Posta kodunuz veya oturduğunuz yer"},
        {"pl", "ltr", "Twój kod pocztowy lub miejscowość"}, {"uk", "ltr", "Ваш поштовий індекс або місто"},
    };
    for (const auto& [taal, dir, label] : cases) {
        auto r = get("/?taal=" + taal);
        expect_language(r, taal, dir);
        EXPECT_EQ(r->status, 200);
        EXPECT_TRUE(contains(r->body, "<label class=\"label\" for=\"ido-zoek\">" + label + "</label>")) << taal;
        // The widget gets the same language; the page header holds the choice.
        EXPECT_TRUE(contains(r->body, "<ido-vinder taal=\"" + taal + "\" kop=\"uit\" taalkeuze=\"uit\">")) << taal;
        // The language stays with the next search.
        EXPECT_TRUE(contains(r->body, "<input type=\"hidden\" name=\"taal\" value=\"" + taal + "\">")) << taal;
        // Every language is offered, each in its own language, the current one marked.
        EXPECT_EQ(all(r->body, "<a href=\"[^\"]*\" lang=\"([a-z]+)\" hreflang=\"[a-z]+\" data-taal").size(), 6u) << taal;
        EXPECT_TRUE(contains(r->body, "lang=\"ar\" hreflang=\"ar\" data-taal=\"ar\" dir=\"rtl\"")) << taal;
        EXPECT_EQ(all(r->body, "data-taal=\"([a-z]+)\" dir=\"[a-z]+\" aria-current=\"true\"").at(0), taal);
    }
}

TEST_F(Talen, AcceptLanguageWithWeightsWhenThereIsNoQueryParameter) {
    expect_language(get("/", {{"Accept-Language", "pl-PL,pl;q=0.9,en;q=0.8"}}), "pl", "ltr");
    expect_language(get("/", {{"Accept-Language", "fr-FR, de;q=0.9, ar;q=0.3"}}), "ar", "rtl");
    expect_language(get("/", {{"Accept-Language", "tr;q=0, uk;q=0.5"}}), "uk", "ltr");
    expect_language(get("/", {{"Accept-Language", "fr, de"}}), "nl", "ltr");
    expect_language(get("/"), "nl", "ltr");
    // ?taal= wins over the browser.
    expect_language(get("/?taal=tr", {{"Accept-Language", "ar"}}), "tr", "ltr");
    // An unknown ?taal= is ignored, not an error.
    auto onbekend = get("/?taal=xx", {{"Accept-Language", "en"}});
    expect_language(onbekend, "en", "ltr");
    EXPECT_EQ(onbekend->status, 200);
    // Without ?taal= the form carries none: the next page follows the browser again.
    EXPECT_FALSE(contains(get("/", {{"Accept-Language", "uk"}})->body, "name=\"taal\""));
}

TEST_F(Talen, SearchResultsInTheLanguageAndLinksKeepTheQuestion) {
    const auto api = json("/v1/informatiepunten?zoek=3511AB");
    std::vector<std::string> names;
    for (const auto& ip : json_array(api, "/informatiepunten")) names.push_back(json_string(ip, "/naam"));
    ASSERT_FALSE(names.empty());
    auto r = get("/?zoek=3511AB&taal=tr");
    expect_language(r, "tr", "ltr");
    ASSERT_EQ(r->status, 200);
    EXPECT_EQ(all(r->body, "<h2 class=\"item-kop\"><a href=\"/informatiepunten/[^\"]+\">([^<]*)</a>").size(), names.size());
    EXPECT_TRUE(contains(r->body, "yakınında " + std::to_string(names.size()) + " bilgi noktası bulundu")) << r->body;
    // Status lines in Turkish, none in Dutch.
    const auto statuses = all(r->body, "<p class=\"status status-[a-z]+\">([^<]+)</p>");
    ASSERT_EQ(statuses.size(), names.size());
    for (const auto& s : statuses) {
        EXPECT_FALSE(contains(s, "Gesloten") || contains(s, "Nu open") || contains(s, "onbekend")) << s;
    }
    EXPECT_TRUE(contains(r->body, " km</span>"));
    // The language links keep the search: the same results in another language, one click.
    EXPECT_TRUE(contains(r->body, "href=\"/?zoek=3511AB&amp;taal=uk\" lang=\"uk\"")) << r->body.substr(0, 2000);
    auto uk = get("/?zoek=3511AB&taal=uk");
    expect_language(uk, "uk", "ltr");
    EXPECT_TRUE(contains(uk->body, "знайдено інформаційних пунктів: " + std::to_string(names.size())));
    // A search page names no canonical and no alternates (the form page does).
    EXPECT_FALSE(contains(r->body, "rel=\"canonical\""));
    auto leeg = get("/?taal=pl");
    EXPECT_TRUE(contains(leeg->body, "<link rel=\"canonical\" href=\"" + base() + "/?taal=pl\">"));
    EXPECT_TRUE(contains(leeg->body, "<link rel=\"alternate\" hreflang=\"ar\" href=\"" + base() + "/?taal=ar\">"));
    EXPECT_TRUE(contains(leeg->body, "<link rel=\"alternate\" hreflang=\"x-default\" href=\"" + base() + "/\">"));
    // What Lighthouse's browser (Accept-Language: en-US) gets at "/": English, canonical still "/".
    auto engels = get("/", {{"Accept-Language", "en-US,en;q=0.9"}});
    expect_language(engels, "en", "ltr");
    EXPECT_TRUE(contains(engels->body, "<link rel=\"canonical\" href=\"" + base() + "/\">"));
    // A search that cannot be answered says so in the language, still a 400.
    auto slecht = get("/?zoek=qqqxxzzy&taal=pl");
    ASSERT_TRUE(slecht);
    EXPECT_EQ(slecht->status, 400);
    EXPECT_TRUE(contains(slecht->body, "Nie możemy znaleźć „qqqxxzzy”"));
}

TEST_F(Talen, HelpPointPageInEveryLanguageWithAlternates) {
    const auto lijst = json("/v1/gemeenten/GM0344/informatiepunten");
    std::string id;
    for (const auto& ip : json_array(lijst, "/informatiepunten"))
        if (!(ip.HasMember("herkomst") && ip["herkomst"].IsObject() && ip["herkomst"].HasMember("soort") &&
              std::string(ip["herkomst"]["soort"].GetString()) == "gegenereerd")) {
            id = json_string(ip, "/id");
            break;
        }
    ASSERT_FALSE(id.empty());
    const std::string pad = "/informatiepunten/" + id;
    auto uk = get(pad + "?taal=uk");
    expect_language(uk, "uk", "ltr");
    ASSERT_EQ(uk->status, 200);
    EXPECT_TRUE(contains(uk->body, "<h2 id=\"kop-adres\">Адреса</h2>"));
    EXPECT_TRUE(contains(uk->body, "<link rel=\"canonical\" href=\"" + base() + pad + "?taal=uk\">"));
    EXPECT_EQ(all(uk->body, "<link rel=\"alternate\" hreflang=\"([a-z-]+)\"").size(), 7u);
    EXPECT_TRUE(contains(uk->body, "<link rel=\"alternate\" hreflang=\"nl\" href=\"" + base() + pad + "?taal=nl\">"));
    EXPECT_TRUE(contains(uk->body, "<link rel=\"alternate\" hreflang=\"x-default\" href=\"" + base() + pad + "\">"));
    EXPECT_TRUE(contains(uk->body, "<link rel=\"alternate\" hreflang=\"ar\" href=\"" + base() + pad + "?taal=ar\">"));
    EXPECT_TRUE(contains(uk->body, "<nav class=\"talen\" aria-label=\"Мова\">"));
    // "Checked in" with month and year, as the Dutch page and the widget say it, not a full date.
    const auto ip = json("/v1/informatiepunten/" + id);
    if (ip.IsObject() && ip.HasMember("laatstGecontroleerd") && ip["laatstGecontroleerd"].IsString())
        EXPECT_TRUE(contains(uk->body, "<p class=\"gecontroleerd\">Перевірено: ")) << uk->body;
    else
        EXPECT_TRUE(contains(uk->body, "<p class=\"gecontroleerd\">Ще не перевірено."));
    EXPECT_FALSE(contains(uk->body, "Востаннє перевірено"));

    auto ar = get(pad, {{"Accept-Language", "ar-MA, ar;q=0.9"}});
    expect_language(ar, "ar", "rtl");
    EXPECT_TRUE(contains(ar->body, "<h2 id=\"kop-adres\">العنوان</h2>"));
    // The address without a parameter (x-default: it follows the browser) is canonical to itself in
    // whatever language it answered; pointing at "?taal=ar" from there would make it that alternate.
    EXPECT_TRUE(contains(ar->body, "<link rel=\"canonical\" href=\"" + base() + pad + "\">"));
    auto nl = get(pad);
    expect_language(nl, "nl", "ltr");
    EXPECT_TRUE(contains(nl->body, "<link rel=\"canonical\" href=\"" + base() + pad + "\">"));
    auto nl_gevraagd = get(pad + "?taal=nl");
    EXPECT_TRUE(contains(nl_gevraagd->body, "<link rel=\"canonical\" href=\"" + base() + pad + "?taal=nl\">"));

    auto weg = get("/informatiepunten/bestaat-niet?taal=en");
    expect_language(weg, "en", "ltr");
    EXPECT_EQ(weg->status, 404);
    EXPECT_TRUE(contains(weg->body, "We do not know this information point"));
}

TEST_F(Talen, EmbedHasTheChoiceInsideTheWidgetAndKeepsItsParameters) {
    auto r = get("/embed?gemeente=GM0344&kaart=uit&taal=ar");
    expect_language(r, "ar", "rtl");
    ASSERT_EQ(r->status, 200);
    EXPECT_TRUE(contains(r->body, "<ido-vinder uit-url taal=\"ar\">"));
    // The list of languages is the first thing in the server's markup, as it is in the widget's own.
    EXPECT_TRUE(contains(r->body, "<div class=\"ido-server\" data-ido-server>\n<nav class=\"talen\" aria-label=\"اللغة\">"));
    // The link keeps every other parameter (in whatever order the query arrives) and sets taal.
    const auto pl = all(r->body, "<a href=\"(/embed\\?[^\"]*)\" lang=\"pl\"");
    ASSERT_EQ(pl.size(), 1u);
    EXPECT_TRUE(contains(pl[0], "gemeente=GM0344")) << pl[0];
    EXPECT_TRUE(contains(pl[0], "kaart=uit")) << pl[0];
    EXPECT_TRUE(contains(pl[0], "&amp;taal=pl")) << pl[0];
    EXPECT_FALSE(contains(pl[0], "taal=ar")) << pl[0];
}

TEST_F(Talen, CompressionAddsToTheLanguageVary) {
    auto r = get("/?zoek=3511AB&taal=en", {{"Accept-Encoding", "gzip"}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->get_header_value("Content-Encoding"), "gzip");
    EXPECT_EQ(r->get_header_value("Vary"), "Accept-Language, Accept-Encoding");
    EXPECT_EQ(r->get_header_value("Content-Language"), "en");
}

TEST_F(Talen, SitemapNamesEveryLanguageOfEveryPage) {
    auto r = get("/sitemap.xml");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
    const auto locs = all(r->body, "<loc>([^<]+)</loc>");
    ASSERT_FALSE(locs.empty());
    EXPECT_EQ(all(r->body, "<xhtml:link rel=\"alternate\" hreflang=\"([a-z]+)\"").size(), locs.size() * 6);
    EXPECT_TRUE(contains(r->body, "<xhtml:link rel=\"alternate\" hreflang=\"tr\" href=\"" + base() + "/?taal=tr\"/>"));
    EXPECT_TRUE(contains(r->body, "<xhtml:link rel=\"alternate\" hreflang=\"nl\" href=\"" + base() + "/?taal=nl\"/>"));
    EXPECT_EQ(all(r->body, "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"([^\"]+)\"/>"), locs);
}

TEST_F(Talen, MunicipalPagesStayDutch) {
    auto r = get("/gemeenten", {{"Accept-Language", "ar"}});
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
    EXPECT_TRUE(contains(r->body, "<html lang=\"nl\""));
    EXPECT_NE(r->get_header_value("Content-Language"), "ar");
}

}  // namespace
