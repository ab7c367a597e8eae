#include "service/render/pagina_finder.hpp"

#include "service/endpoints/ogc.hpp"
#include "service/render/html.hpp"
#include "service/render/pagina_alternatieven.hpp"
#include "service/render/pagina_kader.hpp"
#include "service/render/pagina_opmaak.hpp"

#include <algorithm>

namespace ido::service::pagina {
namespace {

using html::append_escaped;
using html::escape;

// The form, with the same labels and hints as the widget's (web-widget/src/teksten.js), so a reader
// who sees the page before and after the script runs reads the same words.
void append_form(std::string& out, const FinderVraag& vraag, const std::vector<std::string>& extra_diensten) {
    out += "<form class=\"zoekform\" role=\"search\" method=\"get\" action=\"";
    out += vraag.embed ? "/embed" : "/";
    out += "\">\n";
    if (vraag.embed) {
        for (const auto& [name, value] : {std::pair{"gemeente", &vraag.gemeente}, {"taal", &vraag.taal}, {"kaart", &vraag.kaart}}) {
            if (value->empty()) continue;
            out += "<input type=\"hidden\" name=\"";
            out += name;
            out += "\" value=\"" + escape(*value) + "\">\n";
        }
    }
    out += "<label class=\"label\" for=\"ido-zoek\">Uw postcode of woonplaats</label>\n"
           "<p class=\"hint\" id=\"ido-hint\">Bijvoorbeeld 3511 AB of Utrecht</p>\n"
           "<div class=\"zoekrij\"><input class=\"invoer\" id=\"ido-zoek\" name=\"zoek\" type=\"text\" autocomplete=\"off\" "
           "aria-describedby=\"ido-hint\" enterkeyhint=\"search\" value=\"" +
           escape(vraag.zoek) + "\"><button class=\"knop\" type=\"submit\">Zoeken</button></div>\n";
    out += "<fieldset class=\"filters\"><legend class=\"vh\">Filters</legend>\n"
           "<div class=\"filter-nuopen\"><input type=\"checkbox\" id=\"ido-nuopen\" name=\"openNu\" value=\"true\"";
    if (vraag.open_nu) out += " checked";
    out += "><label for=\"ido-nuopen\">Alleen wat nu open is</label></div>\n"
           "<div class=\"filter-dienst\"><label for=\"ido-dienst\">Hulp bij</label><select id=\"ido-dienst\" name=\"dienst\">"
           "<option value=\"\">Alles</option>";
    std::vector<std::string> codes(dienst_codes().begin(), dienst_codes().end());
    for (const auto& c : extra_diensten)
        if (std::find(codes.begin(), codes.end(), c) == codes.end()) codes.push_back(c);
    if (!vraag.dienst.empty() && std::find(codes.begin(), codes.end(), vraag.dienst) == codes.end()) codes.push_back(vraag.dienst);
    for (const auto& c : codes) {
        out += "<option value=\"" + escape(c) + "\"";
        if (c == vraag.dienst) out += " selected";
        out += ">" + escape(dienst_label(c)) + "</option>";
    }
    out += "</select></div>\n</fieldset>\n</form>\n";
}

std::string slot_tekst(const Slot& slot, std::chrono::sys_seconds now) {
    std::string out = wanneer(slot.begin, now);
    if (slot.eind) out += "–" + tijd(*slot.eind);
    return out;
}

void append_item(std::string& out, const rapidjson::Value& ip, std::size_t nr, std::chrono::sys_seconds now) {
    const std::string id(text(ip, "id"));
    const std::string naam(text(ip, "naam"));
    out += "<li class=\"item\" data-id=\"" + escape(id) + "\"><span class=\"nr\" aria-hidden=\"true\">" + std::to_string(nr) +
           "</span><div class=\"item-tekst\">\n<h2 class=\"item-kop\"><a href=\"/informatiepunten/" + escape(id) + "\">" +
           escape(naam) + "</a></h2>\n";
    if (is_voorbeeld(ip)) out += "<p class=\"label-voorbeeld\">Voorbeeld, geen echte locatie</p>\n";
    if (is_onbevestigd(ip)) out += "<p class=\"label-voorbeeld label-onbevestigd\">Niet bevestigd</p>\n";
    out += "<p class=\"item-plek\">";
    const auto afst = ip.FindMember("afstand");
    if (afst != ip.MemberEnd() && afst->value.IsNumber())
        out += "<span class=\"afstand\">" + afstand(afst->value.GetDouble()) + "</span> · ";
    const auto regels = adres_regels(ip);
    std::string adres;
    for (const auto& r : regels) adres += (adres.empty() ? "" : ", ") + r;
    append_escaped(out, adres);
    out += "</p>\n";
    const auto st = status(ip, now);
    out += "<p class=\"status status-" + st.code + "\">" + escape(st.tekst) + "</p>\n";
    const auto slots = komende_slots(ip, now, beschikbaar_dagen);
    if (!slots.empty()) {
        out += "<p class=\"item-slots\">Volgende spreekuren: ";
        for (std::size_t i = 0; i < std::min<std::size_t>(slots.size(), 3); ++i) {
            if (i) out += ", ";
            append_escaped(out, slot_tekst(slots[i], now));
        }
        out += "</p>\n";
    }
    out += "<p class=\"item-afspraak\">" + escape(afspraak_tekst(ip)) + "</p>\n";
    if (const auto route = route_url(ip); !route.empty())
        out += "<p class=\"item-route\"><a href=\"" + escape(route) + "\">Route plannen<span class=\"vh\"> naar " + escape(naam) +
               "</span></a></p>\n";
    out += "</div></li>\n";
}

std::string aantal_tekst(std::size_t n, const std::string& plek, const std::string& gemeente) {
    const std::string count = std::to_string(n);
    if (!plek.empty())
        return n == 0 ? "Geen informatiepunten gevonden bij " + plek + "."
               : n == 1 ? "1 informatiepunt gevonden bij " + plek + "."
                        : count + " informatiepunten gevonden bij " + plek + ", dichtstbijzijnde eerst.";
    if (!gemeente.empty())
        return n == 0 ? "Geen informatiepunten gevonden in " + gemeente + "."
               : n == 1 ? "1 informatiepunt in " + gemeente + "."
                        : count + " informatiepunten in " + gemeente + ".";
    return n == 0 ? "Geen informatiepunten gevonden." : n == 1 ? "1 informatiepunt gevonden." : count + " informatiepunten gevonden.";
}

// The results, filtered as the widget filters a municipality's list (filterLokaal): a search is
// filtered by the API itself.
std::vector<const rapidjson::Value*> zichtbaar(const rapidjson::Value& lijst, const FinderVraag& vraag, bool zoekresultaat) {
    std::vector<const rapidjson::Value*> out;
    if (!lijst.IsArray()) return out;
    for (const auto& ip : lijst.GetArray()) {
        if (!ip.IsObject()) continue;
        if (!zoekresultaat) {
            const rapidjson::Value* s = member(ip, "status");
            if (vraag.open_nu && !(s && text(*s, "code") == "open")) continue;
            if (!vraag.dienst.empty()) {
                const rapidjson::Value* d = member(ip, "diensten");
                bool found = false;
                if (d && d->IsArray())
                    for (const auto& c : d->GetArray()) found = found || (c.IsString() && vraag.dienst == c.GetString());
                if (!found) continue;
            }
        }
        out.push_back(&ip);
    }
    if (!zoekresultaat)
        std::stable_sort(out.begin(), out.end(), [](const rapidjson::Value* a, const rapidjson::Value* b) { return text(*a, "naam") < text(*b, "naam"); });
    return out;
}

void append_kandidaten(std::string& out, const FinderVraag& vraag, const rapidjson::Value& kandidaten) {
    out += "<p class=\"melding\" role=\"alert\">Er zijn meer plaatsen met de naam „" + escape(vraag.zoek) + "”. Welke bedoelt u?</p>\n<ul class=\"kandidaten\">\n";
    std::size_t n = 0;
    for (const auto& k : kandidaten.GetArray()) {
        if (!k.IsObject() || ++n > 8) continue;
        const std::string label = std::string(text(k, "naam")) + " (" + std::string(text(k, "gemeentenaam")) + ", " +
                                  std::string(text(k, "provincie")) + ")";
        // The candidate's own name with its municipality, which the geocoder tells apart.
        std::string href = vraag.embed ? "/embed?" : "/?";
        href += "zoek=" + query_encode(std::string(text(k, "naam")) + " " + std::string(text(k, "gemeentenaam")));
        if (vraag.embed && !vraag.gemeente.empty()) href += "&gemeente=" + query_encode(vraag.gemeente);
        out += "<li><a href=\"" + escape(href) + "\">" + escape(label) + "</a></li>\n";
    }
    out += "</ul>\n";
}

}  // namespace

std::string render_finder(const FinderVraag& vraag, const FinderAntwoord& antwoord, const std::string& base_url, const Bestanden& bestanden) {
    html::Page page;
    page.stylesheets = {bestanden.pagina_css};
    page.scripts = {bestanden.widget_js};
    page.head_extra = "<noscript><link rel=\"stylesheet\" href=\"" + html::escape(bestanden.zonder_js_css) + "\"></noscript>\n";

    std::vector<const rapidjson::Value*> lijst;
    std::string gemeente_naam;
    std::string plek;
    std::string gebruikt;
    const rapidjson::Value* kandidaten = nullptr;
    if (antwoord.api) {
        if (const rapidjson::Value* k = member(*antwoord.api, "kandidaten"); k && k->IsArray() && !k->Empty()) kandidaten = k;
        if (const rapidjson::Value* g = member(*antwoord.api, "gemeente")) gemeente_naam = text(*g, "naam");
        if (const rapidjson::Value* z = member(*antwoord.api, "zoeklocatie")) {
            plek = text(*z, "naam");
            gebruikt = text(*z, "gebruikt");
        }
        if (antwoord.zoekresultaat && plek.empty()) plek = vraag.zoek;
        if (const rapidjson::Value* ips = member(*antwoord.api, "informatiepunten"))
            lijst = zichtbaar(*ips, vraag, antwoord.zoekresultaat);
    }
    std::vector<std::string> extra_diensten;
    for (const auto* ip : lijst)
        if (const rapidjson::Value* d = member(*ip, "diensten"); d && d->IsArray())
            for (const auto& c : d->GetArray())
                if (c.IsString()) extra_diensten.emplace_back(c.GetString());
    std::sort(extra_diensten.begin(), extra_diensten.end());
    extra_diensten.erase(std::unique(extra_diensten.begin(), extra_diensten.end()), extra_diensten.end());

    std::string widget;
    // The element the widget upgrades; its attributes are the widget's configuration (web-widget/README.md).
    widget += vraag.embed ? "<ido-vinder uit-url>\n" : "<ido-vinder taal=\"nl\" kop=\"uit\">\n";
    widget += "<div class=\"ido-server\" data-ido-server>\n";
    if (vraag.embed)
        widget += "<h2 class=\"kop\">" +
                  escape(gemeente_naam.empty() ? "Hulp bij de digitale overheid" : "Hulp bij de digitale overheid in " + gemeente_naam) +
                  "</h2>\n";
    append_form(widget, vraag, extra_diensten);
    widget += "<button type=\"button\" class=\"knop knop-tweede locatie alleen-js\" data-ido-locatie disabled>Gebruik mijn locatie</button>\n";
    if (!antwoord.melding.empty()) {
        widget += "<p class=\"melding\" role=\"alert\">" + escape(antwoord.melding) + "</p>\n";
    } else if (kandidaten) {
        append_kandidaten(widget, vraag, *kandidaten);
    } else if (antwoord.api) {
        widget += "<p class=\"aantal\" role=\"status\">" + escape(aantal_tekst(lijst.size(), plek, gemeente_naam)) + "</p>\n";
        // Which part of a longer text was searched on (docs/zoeken.md): "Stationsplein 1 Zwolle" -> Zwolle.
        if (!gebruikt.empty()) widget += "<p class=\"gezocht-op\">Gezocht op: " + escape(gebruikt) + "</p>\n";
        if (!lijst.empty()) {
            widget += "<ol class=\"lijst\" aria-label=\"Informatiepunten\">\n";
            for (std::size_t i = 0; i < lijst.size(); ++i) append_item(widget, *lijst[i], i + 1, antwoord.now);
            widget += "</ol>\n";
        } else if (vraag.open_nu || !vraag.dienst.empty()) {
            widget += "<p class=\"uitleg-leeg\">Zet de filters uit of zoek op een andere plek.</p>\n";
        }
        if (antwoord.zoekresultaat) {
            rapidjson::Value leeg(rapidjson::kArrayType);
            const rapidjson::Value* ips = member(*antwoord.api, "informatiepunten");
            if (auto reden = geen_hulp_dichtbij(ips ? *ips : leeg, true, antwoord.now)) widget += alternatieven_html(*reden);
        }
    } else {
        widget += "<p class=\"uitleg-leeg\">Typ uw postcode of woonplaats. U ziet dan de informatiepunten bij u in de buurt.</p>\n";
    }
    widget += "</div>\n</ido-vinder>\n";

    if (vraag.embed) {
        page.title = gemeente_naam.empty() ? "Informatiepunten Digitale Overheid" : "Informatiepunten Digitale Overheid in " + gemeente_naam;
        page.noindex = true;  // the iframe page: its content is on the site's own pages
        page.description = "Informatiepunten Digitale Overheid" + (gemeente_naam.empty() ? std::string() : " in " + gemeente_naam) +
                           ": gratis hulp bij DigiD, toeslagen, belastingen en andere zaken van de overheid.";
        page.body = "<main id=\"inhoud\" class=\"embed\">\n<h1 class=\"vh\">" + escape(page.title) + "</h1>\n" + widget + "</main>";
        return html::render_document(page);
    }
    page.title = vraag.zoek.empty() ? "Informatiepunt Digitale Overheid bij u in de buurt | ido-vinder"
                                    : "Informatiepunten bij " + (plek.empty() ? vraag.zoek : plek) + " | ido-vinder";
    page.description = "Vind een Informatiepunt Digitale Overheid bij u in de buurt. Daar helpen ze u gratis met DigiD, toeslagen, "
                       "belastingen en andere zaken van de overheid.";
    // The finder itself is canonical at "/"; a search page names no canonical (pointing it at "/" would
    // say the results are the empty form, which they are not).
    if (vraag.zoek.empty()) page.canonical = base_url + "/";
    page.body = kop("Naar de zoekfunctie") +
                "<main id=\"inhoud\" tabindex=\"-1\">\n<div class=\"breed\">\n<h1>Gratis hulp bij de digitale overheid</h1>\n"
                "<p class=\"inleiding\">Moet u iets regelen met DigiD, de Belastingdienst, toeslagen of uw gemeente, en lukt dat niet "
                "goed op de computer of telefoon? Bij een Informatiepunt Digitale Overheid helpen ze u. Meestal in de bibliotheek. Het "
                "is gratis en u hoeft geen lid te zijn.</p>\n" +
                widget + "</div>\n</main>\n" + voet();
    return html::render_document(page);
}

}  // namespace ido::service::pagina
