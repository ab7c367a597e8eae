#include "service/render/pagina_melding.hpp"

#include "record/melding.hpp"
#include "service/endpoints/ogc.hpp"
#include "service/render/html.hpp"

#include <array>
#include <string>
#include <string_view>
#include <utility>

namespace ido::service::pagina {
namespace {

using html::escape;

// --- the page texts (plain Dutch, B1), all in one place so that they can move into the language table
// (service/render/teksten.*) as one block. The kinds' labels are the widget's (web-widget/src/teksten.js).
namespace tekst {
constexpr std::string_view titel_formulier = "Meld een fout";
constexpr std::string_view titel_achter = " | Informatiepunt Digitale Overheid";
constexpr std::string_view titel_fout = "Fout: ";
constexpr std::string_view kop_formulier = "Meld een fout in de gegevens van ";
constexpr std::string_view inleiding =
    "Klopt er iets niet op de pagina van dit informatiepunt? Laat het ons weten. De bibliotheek of gemeente kijkt ernaar en past de "
    "gegevens aan als dat nodig is. U krijgt geen antwoord terug.";
constexpr std::string_view legend = "Wat klopt er niet?";
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> soorten{{{"openingstijden", "De openingstijden"},
                                                                                 {"adres", "Het adres"},
                                                                                 {"gesloten", "Het informatiepunt is gesloten"},
                                                                                 {"diensten", "De diensten"},
                                                                                 {"anders", "Iets anders"}}};
constexpr std::string_view label_toelichting = "Uitleg (niet verplicht)";
constexpr std::string_view privacy = "Schrijf geen persoonlijke gegevens op, zoals uw naam, e-mailadres of telefoonnummer.";
constexpr std::string_view tekens_hint = "U kunt hoogstens 500 tekens gebruiken.";
constexpr std::string_view verstuur = "Melding versturen";
constexpr std::string_view terug = "Terug naar ";
constexpr std::string_view samenvatting_kop = "Er is een probleem";
constexpr std::string_view fout_soort = "Kies wat er niet klopt.";
constexpr std::string_view fout_te_lang = "De uitleg is langer dan 500 tekens. Maak hem korter.";
constexpr std::string_view fout_ongeldig = "De uitleg bevat tekens die we niet kunnen gebruiken. Haal ze weg.";
constexpr std::string_view fout_formulier = "Het formulier kwam niet goed bij ons aan. Vul het opnieuw in en verstuur het nog een keer.";
constexpr std::string_view fout_prefix = "Fout: ";
constexpr std::string_view titel_bedankt = "Bedankt voor uw melding";
constexpr std::string_view bedankt =
    "Uw melding is verstuurd. De bibliotheek of gemeente kijkt ernaar en past de gegevens aan als dat nodig is.";
constexpr std::string_view titel_te_vaak = "Te veel meldingen";
constexpr std::string_view te_vaak_adres = "Vanaf uw internetverbinding zijn het afgelopen uur al 5 meldingen verstuurd. Dat is het maximum.";
constexpr std::string_view te_vaak_informatiepunt = "Over dit informatiepunt zijn vandaag al veel meldingen gedaan. Dat is het maximum per dag.";
constexpr std::string_view probeer_opnieuw = "Probeer het ";  // + wachttijd + " opnieuw."
constexpr std::string_view titel_niet_beschikbaar = "Melding niet verstuurd";
constexpr std::string_view niet_beschikbaar = "Het versturen lukt nu niet. Dat ligt aan ons. Probeer het over een paar minuten opnieuw.";
}  // namespace tekst

std::string s(std::string_view v) { return std::string(v); }

std::string pagina_url(const std::string& id) { return "/informatiepunten/" + query_encode(id); }

std::string terug_link(const std::string& id, const std::string& naam) {
    return "<p><a href=\"" + escape(pagina_url(id)) + "\">" + escape(s(tekst::terug) + naam) + "</a></p>\n";
}

// The document around a page's content: the site's header and footer, noindex (a form and its answers
// are no pages to find), the page styles.
std::string document(const std::string& titel, const std::string& inhoud, const Bestanden& bestanden) {
    html::Page page;
    page.title = titel + s(tekst::titel_achter);
    page.noindex = true;
    page.stylesheets = {bestanden.pagina_css};
    page.body = kop() + "<main id=\"inhoud\" tabindex=\"-1\">\n<div class=\"breed meldpagina\">\n" + inhoud + "</div>\n</main>\n" + voet();
    return html::render_document(page);
}

std::string_view fout_toelichting(MeldFouten::Tekst t) {
    return t == MeldFouten::Tekst::te_lang ? tekst::fout_te_lang : tekst::fout_ongeldig;
}

}  // namespace

std::string wachttijd(long seconden) {
    if (seconden > 12 * 3600) return "morgen";
    const long minuten = (seconden + 59) / 60;
    if (minuten <= 1) return "over 1 minuut";
    if (minuten < 120) return "over " + std::to_string(minuten) + " minuten";
    return "over " + std::to_string((minuten + 59) / 60) + " uur";
}

std::string render_meld_formulier(const MeldFormulier& f, const Bestanden& bestanden) {
    const auto& fouten = f.fouten;
    const std::string eerste_keuze = "soort-" + s(tekst::soorten.front().first);
    std::string b = "<p class=\"terug\"><a href=\"" + escape(pagina_url(f.id)) + "\">" + escape(s(tekst::terug) + f.naam) + "</a></p>\n";
    if (fouten.any()) {
        // GOV.UK / NL Design System: the summary first, each error a link to its field.
        b += "<div class=\"foutsamenvatting\" role=\"alert\" aria-labelledby=\"foutsamenvatting-kop\">\n<h2 id=\"foutsamenvatting-kop\">" +
             s(tekst::samenvatting_kop) + "</h2>\n<ul>\n";
        if (fouten.formulier) b += "<li><a href=\"#" + eerste_keuze + "\">" + s(tekst::fout_formulier) + "</a></li>\n";
        if (fouten.soort) b += "<li><a href=\"#" + eerste_keuze + "\">" + s(tekst::fout_soort) + "</a></li>\n";
        if (fouten.toelichting != MeldFouten::Tekst::goed)
            b += "<li><a href=\"#toelichting\">" + s(fout_toelichting(fouten.toelichting)) + "</a></li>\n";
        b += "</ul>\n</div>\n";
    }
    b += "<h1>" + escape(s(tekst::kop_formulier) + f.naam) + "</h1>\n<p class=\"inleiding\">" + s(tekst::inleiding) + "</p>\n";
    b += "<form class=\"meldformulier\" method=\"post\" action=\"" + escape(pagina_url(f.id) + "/melding") +
         "\" accept-charset=\"utf-8\" novalidate>\n";

    b += std::string("<div class=\"veld") + (fouten.soort ? " veld-fout" : "") + "\">\n<fieldset" +
         (fouten.soort ? " aria-describedby=\"soort-fout\"" : "") + ">\n<legend>" + s(tekst::legend) + "</legend>\n";
    if (fouten.soort)
        b += "<p class=\"foutmelding\" id=\"soort-fout\"><span class=\"vh\">" + s(tekst::fout_prefix) + "</span>" + s(tekst::fout_soort) + "</p>\n";
    for (const auto& [code, label] : tekst::soorten) {
        const std::string id = "soort-" + s(code);
        b += "<div class=\"keuze\"><input type=\"radio\" name=\"soort\" id=\"" + id + "\" value=\"" + s(code) + "\"" +
             (f.soort == code ? " checked" : "") + (fouten.soort ? " aria-invalid=\"true\"" : "") + "><label for=\"" + id + "\">" + s(label) +
             "</label></div>\n";
    }
    b += "</fieldset>\n</div>\n";

    const bool tekst_fout = fouten.toelichting != MeldFouten::Tekst::goed;
    b += std::string("<div class=\"veld") + (tekst_fout ? " veld-fout" : "") + "\">\n<label class=\"label\" for=\"toelichting\">" +
         s(tekst::label_toelichting) + "</label>\n<p class=\"hint\" id=\"toelichting-privacy\">" + s(tekst::privacy) +
         "</p>\n<p class=\"hint\" id=\"toelichting-tekens\">" + s(tekst::tekens_hint) + "</p>\n";
    if (tekst_fout)
        b += "<p class=\"foutmelding\" id=\"toelichting-fout\"><span class=\"vh\">" + s(tekst::fout_prefix) + "</span>" +
             s(fout_toelichting(fouten.toelichting)) + "</p>\n";
    b += "<textarea id=\"toelichting\" name=\"toelichting\" rows=\"5\" maxlength=\"" + std::to_string(record::max_toelichting_tekens) +
         "\" aria-describedby=\"toelichting-privacy toelichting-tekens" + (tekst_fout ? " toelichting-fout" : "") + "\"" +
         (tekst_fout ? " aria-invalid=\"true\"" : "") + ">" + escape(f.toelichting) + "</textarea>\n</div>\n";
    b += "<button type=\"submit\" class=\"knop\">" + s(tekst::verstuur) + "</button>\n</form>\n";
    return document((fouten.any() ? s(tekst::titel_fout) : std::string()) + s(tekst::titel_formulier) + ": " + f.naam, b, bestanden);
}

std::string render_meld_bedankt(const std::string& id, const std::string& naam, const Bestanden& bestanden) {
    const std::string b = "<h1>" + s(tekst::titel_bedankt) + "</h1>\n<p class=\"inleiding\">" + s(tekst::bedankt) + "</p>\n" + terug_link(id, naam);
    return document(s(tekst::titel_bedankt), b, bestanden);
}

std::string render_meld_te_vaak(const std::string& id, const std::string& naam, bool van_adres, long wacht_seconden, const Bestanden& bestanden) {
    const std::string b = "<h1>" + s(tekst::titel_te_vaak) + "</h1>\n<p>" + s(van_adres ? tekst::te_vaak_adres : tekst::te_vaak_informatiepunt) +
                          "</p>\n<p><strong>" + s(tekst::probeer_opnieuw) + wachttijd(wacht_seconden) + " opnieuw.</strong></p>\n" +
                          terug_link(id, naam);
    return document(s(tekst::titel_te_vaak), b, bestanden);
}

std::string render_meld_niet_beschikbaar(const std::string& id, const std::string& naam, const Bestanden& bestanden) {
    const std::string b = "<h1>" + s(tekst::titel_niet_beschikbaar) + "</h1>\n<p>" + s(tekst::niet_beschikbaar) + "</p>\n" + terug_link(id, naam);
    return document(s(tekst::titel_niet_beschikbaar), b, bestanden);
}

}  // namespace ido::service::pagina
