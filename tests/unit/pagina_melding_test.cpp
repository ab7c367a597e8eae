// The report form without JavaScript (service/render/pagina_melding.*): the form's parts, the error
// pattern (summary linking to the fields, the error at the field, aria-invalid), escaping of what the
// resident wrote, and "when to try again" in words.
#include "service/render/pagina_melding.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using namespace ido::service::pagina;

bool has(const std::string& page, const std::string& part) { return page.find(part) != std::string::npos; }

MeldFormulier formulier() {
    MeldFormulier f;
    f.id = "IDO-VB-067";
    f.naam = "Bibliotheek <Overvecht>";
    return f;
}

TEST(MeldFormulier, TheEmptyFormHasItsPartsAndNoErrors) {
    const std::string page = render_meld_formulier(formulier(), {});
    EXPECT_TRUE(has(page, "<form class=\"meldformulier\" method=\"post\" action=\"/informatiepunten/IDO-VB-067/melding\""));
    EXPECT_TRUE(has(page, "<legend>Wat klopt er niet?</legend>"));
    for (const char* soort : {"openingstijden", "adres", "gesloten", "diensten", "anders"})
        EXPECT_TRUE(has(page, std::string("type=\"radio\" name=\"soort\" id=\"soort-") + soort + "\" value=\"" + soort + "\"")) << soort;
    EXPECT_TRUE(has(page, "name=\"toelichting\""));
    EXPECT_TRUE(has(page, "maxlength=\"500\""));
    EXPECT_TRUE(has(page, "500 tekens"));
    EXPECT_TRUE(has(page, "Schrijf geen persoonlijke gegevens op"));
    EXPECT_TRUE(has(page, "<button type=\"submit\""));
    EXPECT_TRUE(has(page, "Bibliotheek &lt;Overvecht&gt;"));  // the name as text
    EXPECT_FALSE(has(page, "Bibliotheek <Overvecht>"));
    EXPECT_FALSE(has(page, "aria-invalid"));
    EXPECT_FALSE(has(page, "foutsamenvatting"));
    EXPECT_TRUE(has(page, "<title>Meld een fout: "));
}

TEST(MeldFormulier, AnErrorIsSummedUpLinkedAndMarkedAtItsField) {
    auto f = formulier();
    f.toelichting = "</textarea><script>x</script>";
    f.fouten.soort = true;
    const std::string page = render_meld_formulier(f, {});
    EXPECT_TRUE(has(page, "<title>Fout: Meld een fout"));
    EXPECT_TRUE(has(page, "class=\"foutsamenvatting\""));
    EXPECT_TRUE(has(page, "<a href=\"#soort-openingstijden\">Kies wat er niet klopt.</a>"));
    EXPECT_TRUE(has(page, "id=\"soort-fout\""));
    EXPECT_TRUE(has(page, "aria-describedby=\"soort-fout\""));
    EXPECT_TRUE(has(page, "aria-invalid=\"true\""));
    // The summary comes before the form.
    EXPECT_LT(page.find("foutsamenvatting"), page.find("<form"));
    // What the resident wrote comes back, as text.
    EXPECT_TRUE(has(page, "&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;</textarea>"));
    EXPECT_FALSE(has(page, "<script>x"));
    // The text itself was fine: not marked.
    EXPECT_FALSE(has(page, "id=\"toelichting-fout\""));
}

TEST(MeldFormulier, ATooLongTextAndAChosenKindKept) {
    auto f = formulier();
    f.soort = "adres";
    f.fouten.toelichting = MeldFouten::Tekst::te_lang;
    const std::string page = render_meld_formulier(f, {});
    EXPECT_TRUE(has(page, "<a href=\"#toelichting\">De uitleg is langer dan 500 tekens. Maak hem korter.</a>"));
    EXPECT_TRUE(has(page, "aria-describedby=\"toelichting-privacy toelichting-tekens toelichting-fout\" aria-invalid=\"true\""));
    EXPECT_TRUE(has(page, "value=\"adres\" checked"));
    EXPECT_FALSE(has(page, "value=\"openingstijden\" checked"));
}

TEST(MeldPaginas, ThankYouAndTooManyAndAway) {
    const std::string bedankt = render_meld_bedankt("IDO-VB-067", "Bieb", {});
    EXPECT_TRUE(has(bedankt, "<h1>Bedankt voor uw melding</h1>"));
    EXPECT_TRUE(has(bedankt, "<a href=\"/informatiepunten/IDO-VB-067\">Terug naar Bieb</a>"));
    const std::string adres = render_meld_te_vaak("IDO-VB-067", "Bieb", true, 1500, {});
    EXPECT_TRUE(has(adres, "al 5 meldingen"));
    EXPECT_TRUE(has(adres, "Probeer het over 25 minuten opnieuw."));
    const std::string dag = render_meld_te_vaak("IDO-VB-067", "Bieb", false, 80000, {});
    EXPECT_TRUE(has(dag, "Probeer het morgen opnieuw."));
    EXPECT_TRUE(has(render_meld_niet_beschikbaar("IDO-VB-067", "Bieb", {}), "Probeer het over een paar minuten opnieuw."));
}

TEST(MeldPaginas, WhenToTryAgainInWords) {
    EXPECT_EQ(wachttijd(1), "over 1 minuut");
    EXPECT_EQ(wachttijd(60), "over 1 minuut");
    EXPECT_EQ(wachttijd(61), "over 2 minuten");
    EXPECT_EQ(wachttijd(3600), "over 60 minuten");
    EXPECT_EQ(wachttijd(2 * 3600 + 1), "over 3 uur");
    EXPECT_EQ(wachttijd(13 * 3600), "morgen");
}

TEST(MeldFormulier, InEnglishAndInArabic) {
    auto en = formulier();
    en.taal = "en";
    const std::string page = render_meld_formulier(en, {});
    EXPECT_TRUE(has(page, "<html lang=\"en\" dir=\"ltr\">"));
    EXPECT_TRUE(has(page, "<legend>What is wrong?</legend>"));
    EXPECT_TRUE(has(page, "<label for=\"soort-adres\">The address</label>"));
    EXPECT_TRUE(has(page, "<label class=\"label\" for=\"toelichting\">Explanation (optional)</label>"));
    EXPECT_TRUE(has(page, "You can use at most 500 characters."));
    EXPECT_TRUE(has(page, "<title>Report a mistake: Bibliotheek &lt;Overvecht&gt; | Information Point Digital Government</title>"));
    // The language rides along in the form's address and the links back, not in a field of the report.
    EXPECT_TRUE(has(page, "action=\"/informatiepunten/IDO-VB-067/melding?taal=en\""));
    EXPECT_TRUE(has(page, "<a href=\"/informatiepunten/IDO-VB-067?taal=en\">Back to Bibliotheek &lt;Overvecht&gt;</a>"));
    EXPECT_FALSE(has(page, "name=\"taal\""));
    EXPECT_FALSE(has(page, "Wat klopt er niet?"));

    auto ar = formulier();
    ar.taal = "ar";
    ar.fouten.soort = true;
    const std::string rtl = render_meld_formulier(ar, {});
    EXPECT_TRUE(has(rtl, "<html lang=\"ar\" dir=\"rtl\">"));
    EXPECT_TRUE(has(rtl, "<legend>ما الخطأ؟</legend>"));
    EXPECT_TRUE(has(rtl, "<label for=\"soort-gesloten\">نقطة المعلومات مغلقة</label>"));
    EXPECT_TRUE(has(rtl, "<a href=\"#soort-openingstijden\">اختر ما هو غير صحيح.</a>"));
    EXPECT_TRUE(has(rtl, "<title>خطأ: أبلغ عن خطأ: "));
    EXPECT_TRUE(has(rtl, "action=\"/informatiepunten/IDO-VB-067/melding?taal=ar\""));
}

TEST(MeldPaginas, TheAnswersInAnotherLanguage) {
    const std::string bedankt = render_meld_bedankt("IDO-VB-067", "Bieb", {}, "pl");
    EXPECT_TRUE(has(bedankt, "<html lang=\"pl\" dir=\"ltr\">"));
    EXPECT_TRUE(has(bedankt, "<h1>Dziękujemy za zgłoszenie</h1>"));
    EXPECT_TRUE(has(bedankt, "<a href=\"/informatiepunten/IDO-VB-067?taal=pl\">Wróć do: Bieb</a>"));
    EXPECT_TRUE(has(render_meld_te_vaak("IDO-VB-067", "Bieb", true, 1500, {}, "en"), "Try again in 25 minutes."));
    EXPECT_TRUE(has(render_meld_te_vaak("IDO-VB-067", "Bieb", false, 80000, {}, "tr"), "Lütfen yarın tekrar deneyin."));
    const std::string weg = render_meld_niet_beschikbaar("IDO-VB-067", "Bieb", {}, "ar");
    EXPECT_TRUE(has(weg, "<html lang=\"ar\" dir=\"rtl\">"));
    EXPECT_TRUE(has(weg, "<h1>لم يُرسل البلاغ</h1>"));
}

TEST(MeldPaginas, WhenToTryAgainInEachLanguage) {
    EXPECT_EQ(wachttijd(61, "en"), "in 2 minutes");
    EXPECT_EQ(wachttijd(2 * 3600 + 1, "en"), "in 3 hours");
    EXPECT_EQ(wachttijd(30, "uk"), "через 1 хвилину");
    EXPECT_EQ(wachttijd(1500, "pl"), "za 25 min");
    EXPECT_EQ(wachttijd(13 * 3600, "ar"), "غداً");
    EXPECT_EQ(wachttijd(1500, "xx"), "over 25 minuten");  // an unknown language reads in Dutch
}

}  // namespace
