#include "service/render/pagina_finder.hpp"

#include "service/endpoints/ogc.hpp"
#include "service/render/html.hpp"
#include "service/render/pagina_alternatieven.hpp"
#include "service/render/pagina_kader.hpp"
#include "service/render/pagina_opmaak.hpp"
#include "service/render/pagina_taalkeuze.hpp"
#include "service/render/teksten.hpp"

#include <algorithm>

namespace ido::service::pagina {
namespace {

using html::append_escaped;
using html::escape;

// A text of the page's language, escaped for HTML (service/render/teksten.cpp).
std::string t(const FinderVraag& vraag, std::string_view sleutel) { return escape(teksten::tekst(vraag.pagina_taal, sleutel)); }

// The form, with the same labels and hints as the widget's (web-widget/src/teksten.js), so a reader
// who sees the page before and after the script runs reads the same words.
void append_form(std::string& out, const FinderVraag& vraag, const std::vector<std::string>& extra_diensten) {
    out += "<form class=\"zoekform\" role=\"search\" method=\"get\" action=\"";
    out += vraag.embed ? "/embed" : "/";
    out += "\">\n";
    {
        // The language asked for in the address stays with the search (else Accept-Language decides again).
        for (const auto& [name, value] : {std::pair{"gemeente", &vraag.gemeente}, {"taal", &vraag.taal}, {"kaart", &vraag.kaart}}) {
            if (value->empty() || (!vraag.embed && std::string_view(name) != "taal")) continue;
            out += "<input type=\"hidden\" name=\"";
            out += name;
            out += "\" value=\"" + escape(*value) + "\">\n";
        }
    }
    out += "<label class=\"label\" for=\"ido-zoek\">" + t(vraag, "zoek.label") + "</label>\n"
           "<p class=\"hint\" id=\"ido-hint\">" + t(vraag, "zoek.hint") + "</p>\n"
           "<div class=\"zoekrij\"><input class=\"invoer\" id=\"ido-zoek\" name=\"zoek\" type=\"text\" autocomplete=\"off\" "
           "aria-describedby=\"ido-hint\" enterkeyhint=\"search\" value=\"" +
           escape(vraag.zoek) + "\"><button class=\"knop\" type=\"submit\">" + t(vraag, "zoek.knop") + "</button></div>\n";
    out += "<fieldset class=\"filters\"><legend class=\"vh\">" + t(vraag, "filter.label") + "</legend>\n"
           "<div class=\"filter-nuopen\"><input type=\"checkbox\" id=\"ido-nuopen\" name=\"openNu\" value=\"true\"";
    if (vraag.open_nu) out += " checked";
    out += "><label for=\"ido-nuopen\">" + t(vraag, "filter.nu_open") + "</label></div>\n"
           "<div class=\"filter-dienst\"><label for=\"ido-dienst\">" + t(vraag, "filter.dienst") + "</label><select id=\"ido-dienst\" name=\"dienst\">"
           "<option value=\"\">" + t(vraag, "filter.alle") + "</option>";
    std::vector<std::string> codes(dienst_codes().begin(), dienst_codes().end());
    for (const auto& c : extra_diensten)
        if (std::find(codes.begin(), codes.end(), c) == codes.end()) codes.push_back(c);
    if (!vraag.dienst.empty() && std::find(codes.begin(), codes.end(), vraag.dienst) == codes.end()) codes.push_back(vraag.dienst);
    for (const auto& c : codes) {
        out += "<option value=\"" + escape(c) + "\"";
        if (c == vraag.dienst) out += " selected";
        out += ">" + escape(dienst_label(c, vraag.pagina_taal)) + "</option>";
    }
    out += "</select></div>\n</fieldset>\n</form>\n";
}

std::string slot_tekst(const Slot& slot, std::chrono::sys_seconds now, std::string_view taal) {
    std::string out = wanneer(slot.begin, now, taal);
    if (slot.eind) out += "–" + tijd(*slot.eind);
    return out;
}

void append_item(std::string& out, const rapidjson::Value& ip, std::size_t nr, std::chrono::sys_seconds now, const FinderVraag& vraag) {
    const std::string_view taal = vraag.pagina_taal;
    const std::string id(text(ip, "id"));
    const std::string naam(text(ip, "naam"));
    out += "<li class=\"item\" data-id=\"" + escape(id) + "\"><span class=\"nr\" aria-hidden=\"true\">" + std::to_string(nr) +
           "</span><div class=\"item-tekst\">\n<h2 class=\"item-kop\"><a href=\"/informatiepunten/" + escape(id) + "\">" +
           escape(naam) + "</a></h2>\n";
    if (is_voorbeeld(ip)) out += "<p class=\"label-voorbeeld\">" + t(vraag, "label.voorbeeld") + "</p>\n";
    if (is_onbevestigd(ip)) out += "<p class=\"label-voorbeeld label-onbevestigd\">" + t(vraag, "label.niet_bevestigd") + "</p>\n";
    out += "<p class=\"item-plek\">";
    const auto afst = ip.FindMember("afstand");
    if (afst != ip.MemberEnd() && afst->value.IsNumber())
        out += "<span class=\"afstand\">" + afstand(afst->value.GetDouble(), taal) + "</span> · ";
    const auto regels = adres_regels(ip);
    std::string adres;
    for (const auto& r : regels) adres += (adres.empty() ? "" : ", ") + r;
    append_escaped(out, adres);
    out += "</p>\n";
    const auto st = status(ip, now, taal);
    out += "<p class=\"status status-" + st.code + "\">" + escape(st.tekst) + "</p>\n";
    const auto slots = komende_slots(ip, now, beschikbaar_dagen);
    if (!slots.empty()) {
        out += "<p class=\"item-slots\">" + t(vraag, "item.slots") + " ";
        for (std::size_t i = 0; i < std::min<std::size_t>(slots.size(), 3); ++i) {
            if (i) out += ", ";
            append_escaped(out, slot_tekst(slots[i], now, taal));
        }
        out += "</p>\n";
    }
    out += "<p class=\"item-afspraak\">" + escape(afspraak_tekst(ip, taal)) + "</p>\n";
    if (const auto route = route_url(ip); !route.empty())
        out += "<p class=\"item-route\"><a href=\"" + escape(route) + "\">" + t(vraag, "route") + "<span class=\"vh\"> " +
               escape(teksten::tekst(taal, "route.naar", {{"naam", naam}})) + "</span></a></p>\n";
    out += "</div></li>\n";
}

std::string aantal_tekst(std::string_view taal, std::size_t n, const std::string& plek, const std::string& gemeente) {
    const std::string count = std::to_string(n);
    const char* vorm = n == 0 ? ".geen" : n == 1 ? ".een" : ".veel";
    if (!plek.empty()) return teksten::tekst(taal, std::string("aantal_bij") + vorm, {{"n", count}, {"plek", plek}});
    if (!gemeente.empty()) return teksten::tekst(taal, std::string("aantal_in") + vorm, {{"n", count}, {"gemeente", gemeente}});
    return teksten::tekst(taal, std::string("aantal") + vorm, {{"n", count}});
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
    out += "<p class=\"melding\" role=\"alert\">" + escape(teksten::tekst(vraag.pagina_taal, "melding.kandidaten", {{"zoek", vraag.zoek}})) +
           "</p>\n<ul class=\"kandidaten\">\n";
    std::size_t n = 0;
    for (const auto& k : kandidaten.GetArray()) {
        if (!k.IsObject() || ++n > 8) continue;
        const std::string label = std::string(text(k, "naam")) + " (" + std::string(text(k, "gemeentenaam")) + ", " +
                                  std::string(text(k, "provincie")) + ")";
        // The candidate's own name with its municipality, which the geocoder tells apart.
        std::string href = vraag.embed ? "/embed?" : "/?";
        href += "zoek=" + query_encode(std::string(text(k, "naam")) + " " + std::string(text(k, "gemeentenaam")));
        if (vraag.embed && !vraag.gemeente.empty()) href += "&gemeente=" + query_encode(vraag.gemeente);
        if (!vraag.taal.empty()) href += "&taal=" + query_encode(vraag.taal);
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
    const rapidjson::Value* kandidaten = nullptr;
    if (antwoord.api) {
        if (const rapidjson::Value* k = member(*antwoord.api, "kandidaten"); k && k->IsArray() && !k->Empty()) kandidaten = k;
        if (const rapidjson::Value* g = member(*antwoord.api, "gemeente")) gemeente_naam = text(*g, "naam");
        if (const rapidjson::Value* z = member(*antwoord.api, "zoeklocatie")) plek = text(*z, "naam");
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

    const std::string_view taal = vraag.pagina_taal;
    const std::string pad = vraag.embed ? "/embed" : "/";
    page.lang = std::string(taal);
    page.dir = std::string(teksten::richting(taal));
    std::string widget;
    // The element the widget upgrades; its attributes are the widget's configuration (web-widget/README.md).
    // On `/` the language choice is in the page header (it switches the whole page); on /embed the widget
    // is the page and shows the same list as its first element (web-widget/src/taalkeuze.js).
    widget += vraag.embed ? "<ido-vinder uit-url taal=\"" + std::string(taal) + "\">\n"
                          : "<ido-vinder taal=\"" + std::string(taal) + "\" kop=\"uit\" taalkeuze=\"uit\">\n";
    widget += "<div class=\"ido-server\" data-ido-server>\n";
    if (vraag.embed) {
        widget += taalkeuze_html(taal, pad, vraag.query_zonder_taal);
        widget += "<h2 class=\"kop\">" +
                  escape(gemeente_naam.empty() ? teksten::tekst(taal, "widget.titel")
                                               : teksten::tekst(taal, "widget.titel_gemeente", {{"gemeente", gemeente_naam}})) +
                  "</h2>\n";
    }
    append_form(widget, vraag, extra_diensten);
    widget += "<button type=\"button\" class=\"knop knop-tweede locatie alleen-js\" data-ido-locatie disabled>" + t(vraag, "locatie.knop") + "</button>\n";
    if (!antwoord.melding.empty()) {
        widget += "<p class=\"melding\" role=\"alert\">" + escape(antwoord.melding) + "</p>\n";
    } else if (kandidaten) {
        append_kandidaten(widget, vraag, *kandidaten);
    } else if (antwoord.api) {
        widget += "<p class=\"aantal\" role=\"status\">" + escape(aantal_tekst(taal, lijst.size(), plek, gemeente_naam)) + "</p>\n";
        if (!lijst.empty()) {
            widget += "<ol class=\"lijst\" aria-label=\"" + t(vraag, "finder.lijst") + "\">\n";
            for (std::size_t i = 0; i < lijst.size(); ++i) append_item(widget, *lijst[i], i + 1, antwoord.now, vraag);
            widget += "</ol>\n";
        } else if (vraag.open_nu || !vraag.dienst.empty()) {
            widget += "<p class=\"uitleg-leeg\">" + t(vraag, "finder.geen_resultaat_tip") + "</p>\n";
        }
        if (antwoord.zoekresultaat) {
            rapidjson::Value leeg(rapidjson::kArrayType);
            const rapidjson::Value* ips = member(*antwoord.api, "informatiepunten");
            if (auto reden = geen_hulp_dichtbij(ips ? *ips : leeg, true, antwoord.now)) widget += alternatieven_html(*reden, taal);
        }
    } else {
        widget += "<p class=\"uitleg-leeg\">" + t(vraag, "finder.begin") + "</p>\n";
    }
    widget += "</div>\n</ido-vinder>\n";

    if (vraag.embed) {
        page.title = gemeente_naam.empty() ? std::string(teksten::tekst(taal, "embed.titel"))
                                           : teksten::tekst(taal, "embed.titel_gemeente", {{"gemeente", gemeente_naam}});
        page.noindex = true;  // the iframe page: its content is on the site's own pages
        page.description = gemeente_naam.empty() ? std::string(teksten::tekst(taal, "embed.beschrijving"))
                                                 : teksten::tekst(taal, "embed.beschrijving_gemeente", {{"gemeente", gemeente_naam}});
        page.body = "<main id=\"inhoud\" class=\"embed\">\n<h1 class=\"vh\">" + escape(page.title) + "</h1>\n" + widget + "</main>";
        return html::render_document(page);
    }
    page.title = vraag.zoek.empty() ? std::string(teksten::tekst(taal, "finder.titel"))
                                    : teksten::tekst(taal, "finder.titel_zoek", {{"plek", plek.empty() ? vraag.zoek : plek}});
    page.description = std::string(teksten::tekst(taal, "finder.beschrijving"));
    // The finder itself is canonical at "/?taal=xx" and, without the parameter, at "/" (x-default); a
    // search page names no canonical (pointing it at "/" would say the results are the empty form,
    // which they are not).
    if (vraag.zoek.empty()) {
        page.canonical = canonical_url(base_url, "/", vraag.taal);
        page.head_extra += hreflang_links(base_url, "/", "");
    }
    page.body = kop(taal, "kop.naar_zoekfunctie", taalkeuze_html(taal, pad, vraag.query_zonder_taal)) +
                "<main id=\"inhoud\" tabindex=\"-1\">\n<div class=\"breed\">\n<h1>" + t(vraag, "finder.h1") + "</h1>\n"
                "<p class=\"inleiding\">" + t(vraag, "finder.inleiding") + "</p>\n" +
                widget + "</div>\n</main>\n" + voet(taal);
    return html::render_document(page);
}

}  // namespace ido::service::pagina
