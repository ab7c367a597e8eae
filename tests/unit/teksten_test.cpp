// The one table of page texts (service/render/teksten.*): every key in every language with the same
// placeholders, the fallback to Dutch, the choice of language from ?taal= and Accept-Language, and the
// words the pages build from it (dates, distances, status) in each language.
#include "service/render/pagina_opmaak.hpp"
#include "service/render/teksten.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <regex>
#include <set>
#include <string>

namespace ido::service::teksten {
namespace {

std::set<std::string> placeholders(std::string_view text) {
    std::set<std::string> out;
    const std::string s(text);
    const std::regex re("\\{([a-z]+)\\}");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) out.insert((*it)[1]);
    return out;
}

TEST(Teksten, EveryKeyIsInEveryLanguage) {
    const auto nl = sleutels("nl");
    ASSERT_GT(nl.size(), 100u);
    for (const auto taal : talen()) {
        const auto eigen = sleutels(taal);
        std::vector<std::string_view> ontbreekt;
        for (const auto k : nl)
            if (std::find(eigen.begin(), eigen.end(), k) == eigen.end()) ontbreekt.push_back(k);
        std::string lijst;
        for (const auto k : ontbreekt) lijst += std::string(k) + " ";
        EXPECT_TRUE(ontbreekt.empty()) << taal << " lacks: " << lijst;
        std::string over;
        for (const auto k : eigen)
            if (std::find(nl.begin(), nl.end(), k) == nl.end()) over += std::string(k) + " ";
        EXPECT_TRUE(over.empty()) << taal << " has keys Dutch does not have (typos?): " << over;
        for (const auto k : eigen) EXPECT_FALSE(tekst(taal, k).empty()) << taal << " " << k;
    }
}

TEST(Teksten, EveryTranslationFillsTheSamePlaceholders) {
    for (const auto taal : talen())
        for (const auto k : sleutels(taal)) EXPECT_EQ(placeholders(tekst(taal, k)), placeholders(tekst("nl", k))) << taal << " " << k;
}

TEST(Teksten, LanguagesHaveTheirOwnNameAndDirection) {
    EXPECT_EQ(talen().front(), "nl");
    EXPECT_EQ(talen().size(), 6u);
    EXPECT_EQ(richting("ar"), "rtl");
    for (const auto taal : {"nl", "en", "tr", "pl", "uk", "xx"}) EXPECT_EQ(richting(taal), "ltr") << taal;
    EXPECT_EQ(naam("ar"), "العربية");
    EXPECT_EQ(naam("tr"), "Türkçe");
    EXPECT_EQ(naam("pl"), "Polski");
    EXPECT_EQ(naam("uk"), "Українська");
}

TEST(Teksten, UnknownLanguageOrKeyFallsBack) {
    EXPECT_EQ(tekst("xx", "zoek.knop"), "Zoeken");
    EXPECT_EQ(tekst("en", "zoek.knop"), "Search");
    EXPECT_EQ(tekst("nl", "bestaat.niet"), "bestaat.niet");
}

TEST(Teksten, PlaceholdersAreFilledOnceAndValuesAreNotScannedAgain) {
    EXPECT_EQ(tekst("nl", "aantal_bij.veel", {{"n", "3"}, {"plek", "Utrecht"}}), "3 informatiepunten gevonden bij Utrecht, dichtstbijzijnde eerst.");
    EXPECT_EQ(tekst("nl", "aantal_bij.een", {{"plek", "{n}"}, {"n", "9"}}), "1 informatiepunt gevonden bij {n}.");
    EXPECT_EQ(tekst("tr", "aantal_bij.veel", {{"n", "3"}, {"plek", "Utrecht"}}), "Utrecht yakınında 3 bilgi noktası bulundu, en yakını önce.");
}

TEST(AcceptLanguage, ParsesWeightsAndSortsStably) {
    const auto v = parse_accept_language("pl-PL, pl;q=0.9, en;q=0.8, *;q=0.1, ar;q=0");
    ASSERT_EQ(v.size(), 5u);
    EXPECT_EQ(v[0].taal, "pl-pl");
    EXPECT_DOUBLE_EQ(v[0].q, 1.0);
    EXPECT_EQ(v[1].taal, "pl");
    EXPECT_DOUBLE_EQ(v[1].q, 0.9);
    EXPECT_EQ(v[2].taal, "en");
    EXPECT_EQ(v[3].taal, "*");
    EXPECT_EQ(v[4].taal, "ar");
    EXPECT_DOUBLE_EQ(v[4].q, 0.0);
    // Weights out of order, spaces and upper case; equal weights keep their order.
    const auto w = parse_accept_language(" tr ;q=0.5 ,UK;Q=0.7,en-GB ; q=0.7");
    ASSERT_EQ(w.size(), 3u);
    EXPECT_EQ(w[0].taal, "uk");
    EXPECT_EQ(w[1].taal, "en-gb");
    EXPECT_EQ(w[2].taal, "tr");
}

TEST(AcceptLanguage, SkipsMalformedRangesAndWeights) {
    const auto v = parse_accept_language("ar;q=2, tr;q=abc, 12-ab, pl;q=0.1234, en-;q=1, , uk;q=0.3, nl;q=1.000");
    ASSERT_EQ(v.size(), 2u);
    EXPECT_EQ(v[0].taal, "nl");
    EXPECT_EQ(v[1].taal, "uk");
    EXPECT_TRUE(parse_accept_language("").empty());
    EXPECT_TRUE(parse_accept_language(",,,;;;").empty());
}

TEST(KiesTaal, QueryFirstThenAcceptLanguageThenDutch) {
    EXPECT_EQ(kies("ar", "en"), "ar");
    EXPECT_EQ(kies("AR", ""), "ar");
    EXPECT_EQ(kies("xx", "tr"), "tr") << "an unknown ?taal= is ignored";
    EXPECT_EQ(kies("", ""), "nl");
    EXPECT_EQ(kies("", "pl-PL,pl;q=0.9,en;q=0.8"), "pl");
    EXPECT_EQ(kies("", "nl;q=0.5, ar"), "ar");
    EXPECT_EQ(kies("", "fr-FR, de;q=0.9, uk;q=0.2"), "uk") << "the best language we have, not the first";
    EXPECT_EQ(kies("", "fr, de;q=0.9"), "nl");
    EXPECT_EQ(kies("", "tr;q=0"), "nl") << "q=0 means not acceptable";
    EXPECT_EQ(kies("", "*;q=0.5, nl;q=0"), "en") << "the wildcard takes our first language that is not refused";
    EXPECT_EQ(kies("", "ar;q=2, tr"), "tr") << "a malformed weight skips its range";
    EXPECT_EQ(kies("", "en-GB;q=0.8, uk-UA"), "uk");
}

TEST(PaginaWoorden, DatesDistancesAndStatusInEachLanguage) {
    using namespace std::chrono;
    // Thursday 3 December 2026, 13:00 in Amsterdam (12:00 UTC).
    const sys_seconds at = sys_days{year{2026} / December / 3} + hours{12};
    EXPECT_EQ(pagina::lange_dag(at), "donderdag 3 december");
    EXPECT_EQ(pagina::lange_dag(at, "en"), "Thursday 3 December");
    EXPECT_EQ(pagina::lange_dag(at, "tr"), "3 Aralık Perşembe");
    EXPECT_EQ(pagina::lange_dag(at, "pl"), "czwartek, 3 grudnia");
    EXPECT_EQ(pagina::lange_dag(at, "uk"), "четвер, 3 грудня");
    EXPECT_EQ(pagina::lange_dag(at, "ar"), "الخميس، 3 ديسمبر");
    EXPECT_EQ(pagina::datum("2026-03-01", "uk"), "1 березня 2026 р.");
    EXPECT_EQ(pagina::datum("2026-03-01"), "1 maart 2026");
    EXPECT_EQ(pagina::wanneer(at, at - hours{1}, "pl"), "dziś 13:00");
    EXPECT_EQ(pagina::wanneer(at, at - hours{24 * 8}, "nl"), "do 3 dec. 13:00");
    EXPECT_EQ(pagina::wanneer(at, at - hours{24 * 8}, "en"), "Thu 3 Dec 13:00");
    EXPECT_EQ(pagina::afstand(1234), "1,2 km");
    EXPECT_EQ(pagina::afstand(1234, "en"), "1.2 km");
    EXPECT_EQ(pagina::afstand(1234, "uk"), "1,2 км");
    EXPECT_EQ(pagina::afstand(1234, "ar"), "1.2 كم");
    EXPECT_EQ(pagina::dienst_label("toeslagen", "en"), "Benefits and allowances (toeslagen)");
    EXPECT_EQ(pagina::dienst_label("digid", "ar"), "DigiD");
    EXPECT_EQ(pagina::dienst_label("iets-nieuws", "tr"), "Iets nieuws");

    rapidjson::Document ip;
    ip.Parse(R"({"status":{"code":"gesloten"},"inloop":true})");
    EXPECT_EQ(pagina::status(ip, at).tekst, "Gesloten");
    EXPECT_EQ(pagina::status(ip, at, "tr").tekst, "Kapalı");
    EXPECT_EQ(pagina::afspraak_tekst(ip, "pl"), "W godzinach przyjęć możesz przyjść bez umawiania.");
}

}  // namespace
}  // namespace ido::service::teksten
