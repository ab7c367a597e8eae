#include "service/render/pagina_melding.hpp"

#include "record/melding.hpp"
#include "service/endpoints/ogc.hpp"
#include "service/render/html.hpp"
#include "service/render/pagina_taalkeuze.hpp"
#include "service/render/teksten.hpp"

#include <array>
#include <string>
#include <string_view>

namespace ido::service::pagina {
namespace {

using html::escape;

// The kinds of report, in the order the form lists them; their labels are meld.soort.* in the one table
// of page texts (service/render/teksten.*), the same words as the widget's (web-widget/src/teksten.js).
constexpr std::array<std::string_view, 5> soorten{"openingstijden", "adres", "gesloten", "diensten", "anders"};

// A text of the table, escaped for the page.
std::string t(std::string_view taal, std::string_view sleutel) { return escape(teksten::tekst(taal, sleutel)); }

// The help point's page (or this form's own address) in the page's language: Dutch without ?taal=, the
// others with it, so that a link keeps the language whichever way it was chosen.
std::string pagina_url(const std::string& id, std::string_view taal, std::string_view achter = {}) {
    return taal_href("/informatiepunten/" + query_encode(id) + std::string(achter), "", taal, true);
}

std::string terug_link(const std::string& id, const std::string& naam, std::string_view taal) {
    return "<p><a href=\"" + escape(pagina_url(id, taal)) + "\">" + escape(teksten::tekst(taal, "meld.terug", {{"naam", naam}})) + "</a></p>\n";
}

// The document around a page's content: the site's header and footer, noindex (a form and its answers
// are no pages to find), the page styles, lang and dir of the language.
std::string document(const std::string& titel, const std::string& inhoud, const Bestanden& bestanden, std::string_view taal) {
    html::Page page;
    page.lang = std::string(taal);
    page.dir = std::string(teksten::richting(taal));
    page.title = titel + " | " + std::string(teksten::tekst(taal, "kop.merk"));
    page.noindex = true;
    page.stylesheets = {bestanden.pagina_css};
    page.body = kop(taal) + "<main id=\"inhoud\" tabindex=\"-1\">\n<div class=\"breed meldpagina\">\n" + inhoud + "</div>\n</main>\n" + voet(taal);
    return html::render_document(page);
}

std::string fout_toelichting(MeldFouten::Tekst fout, std::string_view taal) {
    if (fout == MeldFouten::Tekst::te_lang)
        return escape(teksten::tekst(taal, "meld.fout_te_lang", {{"n", std::to_string(record::max_toelichting_tekens)}}));
    return t(taal, "meld.fout_ongeldig");
}

}  // namespace

std::string wachttijd(long seconden, std::string_view taal) {
    if (seconden > 12 * 3600) return std::string(teksten::tekst(taal, "wacht.morgen"));
    const long minuten = (seconden + 59) / 60;
    if (minuten <= 1) return std::string(teksten::tekst(taal, "wacht.minuut"));
    if (minuten < 120) return teksten::tekst(taal, "wacht.minuten", {{"n", std::to_string(minuten)}});
    return teksten::tekst(taal, "wacht.uren", {{"n", std::to_string((minuten + 59) / 60)}});
}

std::string render_meld_formulier(const MeldFormulier& f, const Bestanden& bestanden) {
    const auto& fouten = f.fouten;
    const std::string_view taal = f.taal;
    const std::string eerste_keuze = "soort-" + std::string(soorten.front());
    std::string b = "<p class=\"terug\"><a href=\"" + escape(pagina_url(f.id, taal)) + "\">" +
                    escape(teksten::tekst(taal, "meld.terug", {{"naam", f.naam}})) + "</a></p>\n";
    if (fouten.any()) {
        // GOV.UK / NL Design System: the summary first, each error a link to its field.
        b += "<div class=\"foutsamenvatting\" role=\"alert\" aria-labelledby=\"foutsamenvatting-kop\">\n<h2 id=\"foutsamenvatting-kop\">" +
             t(taal, "meld.samenvatting") + "</h2>\n<ul>\n";
        if (fouten.formulier) b += "<li><a href=\"#" + eerste_keuze + "\">" + t(taal, "meld.fout_formulier") + "</a></li>\n";
        if (fouten.soort) b += "<li><a href=\"#" + eerste_keuze + "\">" + t(taal, "meld.fout_soort") + "</a></li>\n";
        if (fouten.toelichting != MeldFouten::Tekst::goed)
            b += "<li><a href=\"#toelichting\">" + fout_toelichting(fouten.toelichting, taal) + "</a></li>\n";
        b += "</ul>\n</div>\n";
    }
    b += "<h1>" + escape(teksten::tekst(taal, "meld.kop", {{"naam", f.naam}})) + "</h1>\n<p class=\"inleiding\">" + t(taal, "meld.inleiding") +
         "</p>\n";
    // The language rides in the address, not in a field: the report's fields are exactly the API's.
    b += "<form class=\"meldformulier\" method=\"post\" action=\"" + escape(pagina_url(f.id, taal, "/melding")) +
         "\" accept-charset=\"utf-8\" novalidate>\n";

    b += std::string("<div class=\"veld") + (fouten.soort ? " veld-fout" : "") + "\">\n<fieldset" +
         (fouten.soort ? " aria-describedby=\"soort-fout\"" : "") + ">\n<legend>" + t(taal, "meld.vraag") + "</legend>\n";
    if (fouten.soort)
        b += "<p class=\"foutmelding\" id=\"soort-fout\"><span class=\"vh\">" + t(taal, "meld.fout_voor") + "</span>" + t(taal, "meld.fout_soort") +
             "</p>\n";
    for (const auto code : soorten) {
        const std::string id = "soort-" + std::string(code);
        b += "<div class=\"keuze\"><input type=\"radio\" name=\"soort\" id=\"" + id + "\" value=\"" + std::string(code) + "\"" +
             (f.soort == code ? " checked" : "") + (fouten.soort ? " aria-invalid=\"true\"" : "") + "><label for=\"" + id + "\">" +
             t(taal, "meld.soort." + std::string(code)) + "</label></div>\n";
    }
    b += "</fieldset>\n</div>\n";

    const bool tekst_fout = fouten.toelichting != MeldFouten::Tekst::goed;
    b += std::string("<div class=\"veld") + (tekst_fout ? " veld-fout" : "") + "\">\n<label class=\"label\" for=\"toelichting\">" +
         t(taal, "meld.toelichting") + "</label>\n<p class=\"hint\" id=\"toelichting-privacy\">" + t(taal, "meld.privacy") +
         "</p>\n<p class=\"hint\" id=\"toelichting-tekens\">" +
         escape(teksten::tekst(taal, "meld.tekens", {{"n", std::to_string(record::max_toelichting_tekens)}})) + "</p>\n";
    if (tekst_fout)
        b += "<p class=\"foutmelding\" id=\"toelichting-fout\"><span class=\"vh\">" + t(taal, "meld.fout_voor") + "</span>" +
             fout_toelichting(fouten.toelichting, taal) + "</p>\n";
    b += "<textarea id=\"toelichting\" name=\"toelichting\" rows=\"5\" maxlength=\"" + std::to_string(record::max_toelichting_tekens) +
         "\" aria-describedby=\"toelichting-privacy toelichting-tekens" + (tekst_fout ? " toelichting-fout" : "") + "\"" +
         (tekst_fout ? " aria-invalid=\"true\"" : "") + ">" + escape(f.toelichting) + "</textarea>\n</div>\n";
    b += "<button type=\"submit\" class=\"knop\">" + t(taal, "meld.verstuur") + "</button>\n</form>\n";
    return document((fouten.any() ? std::string(teksten::tekst(taal, "meld.fout_voor")) : std::string()) +
                        std::string(teksten::tekst(taal, "meld.titel")) + ": " + f.naam,
                    b, bestanden, taal);
}

std::string render_meld_bedankt(const std::string& id, const std::string& naam, const Bestanden& bestanden, std::string_view taal) {
    const std::string b = "<h1>" + t(taal, "meld.bedankt_titel") + "</h1>\n<p class=\"inleiding\">" + t(taal, "meld.bedankt") + "</p>\n" +
                          terug_link(id, naam, taal);
    return document(std::string(teksten::tekst(taal, "meld.bedankt_titel")), b, bestanden, taal);
}

std::string render_meld_te_vaak(const std::string& id, const std::string& naam, bool van_adres, long wacht_seconden, const Bestanden& bestanden,
                                std::string_view taal) {
    const std::string b = "<h1>" + t(taal, "meld.te_vaak_titel") + "</h1>\n<p>" +
                          t(taal, van_adres ? "meld.te_vaak_adres" : "meld.te_vaak_informatiepunt") + "</p>\n<p><strong>" +
                          escape(teksten::tekst(taal, "meld.probeer", {{"wanneer", wachttijd(wacht_seconden, taal)}})) + "</strong></p>\n" +
                          terug_link(id, naam, taal);
    return document(std::string(teksten::tekst(taal, "meld.te_vaak_titel")), b, bestanden, taal);
}

std::string render_meld_niet_beschikbaar(const std::string& id, const std::string& naam, const Bestanden& bestanden, std::string_view taal) {
    const std::string b = "<h1>" + t(taal, "meld.niet_beschikbaar_titel") + "</h1>\n<p>" + t(taal, "meld.niet_beschikbaar") + "</p>\n" +
                          terug_link(id, naam, taal);
    return document(std::string(teksten::tekst(taal, "meld.niet_beschikbaar_titel")), b, bestanden, taal);
}

}  // namespace ido::service::pagina
