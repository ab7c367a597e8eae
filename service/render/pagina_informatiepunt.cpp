#include "service/render/pagina_informatiepunt.hpp"

#include "service/endpoints/ogc.hpp"
#include "service/render/gecontroleerd.hpp"
#include "service/render/html.hpp"
#include "service/render/pagina_alternatieven.hpp"
#include "service/render/pagina_kader.hpp"
#include "service/render/pagina_opmaak.hpp"
#include "service/render/pagina_taalkeuze.hpp"
#include "service/render/teksten.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>

namespace ido::service::pagina {
namespace {

using html::append_escaped;
using html::escape;

// A link for an appointment text: a URL, a phone number, or the text itself.
std::string tekst_of_link(const std::string& s) {
    if (const auto url = veilige_url(s); !url.empty()) return "<a href=\"" + escape(url) + "\">" + escape(s) + "</a>";
    if (is_telefoonnummer(s)) return "<a href=\"" + escape(tel_href(s)) + "\">" + escape(s) + "</a>";
    return escape(s);
}

// The report form, which works without JavaScript (service/render/pagina_melding.cpp).
std::string meld_href(const rapidjson::Value& ip) { return "/informatiepunten/" + query_encode(text(ip, "id")) + "/melding"; }

}  // namespace

std::string informatiepunt_json_ld(const rapidjson::Value& ip, std::chrono::sys_seconds now, const std::string& url) {
    static constexpr std::array<const char*, 7> days{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    auto str = [&w](const char* key, std::string_view value) {
        if (value.empty()) return;
        w.Key(key);
        w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    };
    const std::string naam(text(ip, "naam"));
    w.StartObject();
    str("@context", "https://schema.org");
    str("@type", "GovernmentService");
    str("name", "Hulp bij de digitale overheid: " + naam);
    str("serviceType", "Informatiepunt Digitale Overheid");
    str("description", "Gratis hulp bij DigiD, toeslagen, belastingen en andere zaken van de overheid.");
    str("url", url);
    w.Key("provider");
    w.StartObject();
    str("@type", "Organization");
    str("name", text(ip, "organisatie").empty() ? naam : std::string(text(ip, "organisatie")));
    w.EndObject();
    if (!text(ip, "gemeentenaam").empty()) {
        w.Key("areaServed");
        w.StartObject();
        str("@type", "AdministrativeArea");
        str("name", text(ip, "gemeentenaam"));
        w.EndObject();
    }
    w.Key("availableChannel");
    w.StartObject();
    str("@type", "ServiceChannel");
    str("name", naam);
    w.Key("serviceLocation");
    w.StartObject();
    str("@type", "Place");
    str("name", naam);
    if (const rapidjson::Value* a = member(ip, "adres")) {
        w.Key("address");
        w.StartObject();
        str("@type", "PostalAddress");
        const std::string straat = std::string(text(*a, "straat")) + (text(*a, "huisnummer").empty() ? "" : " " + std::string(text(*a, "huisnummer")));
        str("streetAddress", straat);
        str("postalCode", text(*a, "postcode"));
        str("addressLocality", text(*a, "woonplaats").empty() ? text(ip, "woonplaats") : text(*a, "woonplaats"));
        str("addressCountry", "NL");
        w.EndObject();
    }
    if (const rapidjson::Value* g = member(ip, "geometrie")) {
        const rapidjson::Value* c = member(*g, "coordinates");
        if (c && c->IsArray() && c->Size() == 2 && (*c)[0].IsNumber() && (*c)[1].IsNumber()) {
            w.Key("geo");
            w.StartObject();
            str("@type", "GeoCoordinates");
            w.Key("latitude");
            w.Double((*c)[1].GetDouble());
            w.Key("longitude");
            w.Double((*c)[0].GetDouble());
            w.EndObject();
        }
    }
    if (const rapidjson::Value* ct = member(ip, "contact")) str("telephone", text(*ct, "telefoon"));
    // The spreekuren as they fall in the coming week: each slot one specification valid on its day
    // (schema.org has no way to say "every second Tuesday"; dated slots are what the engine knows).
    const auto slots = komende_slots(ip, now, beschikbaar_dagen);
    if (!slots.empty()) {
        w.Key("openingHoursSpecification");
        w.StartArray();
        for (const auto& slot : slots) {
            if (!slot.eind) continue;
            w.StartObject();
            str("@type", "OpeningHoursSpecification");
            str("dayOfWeek", std::string("https://schema.org/") + days[weekdag(slot.begin)]);
            str("opens", tijd(slot.begin) + ":00");
            // A slot that runs past midnight closes at the end of its day here.
            str("closes", lokale_datum(*slot.eind) == lokale_datum(slot.begin) ? tijd(*slot.eind) + ":00" : "23:59:00");
            str("validFrom", lokale_datum(slot.begin));
            str("validThrough", lokale_datum(slot.begin));
            w.EndObject();
        }
        w.EndArray();
    }
    w.EndObject();
    if (const rapidjson::Value* ct = member(ip, "contact"); ct && !text(*ct, "telefoon").empty()) {
        w.Key("servicePhone");
        w.StartObject();
        str("@type", "ContactPoint");
        str("telephone", text(*ct, "telefoon"));
        w.EndObject();
    }
    w.EndObject();
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

std::string render_informatiepunt(const rapidjson::Value& ip, std::chrono::sys_seconds now, const std::string& base_url,
                                  const Bestanden& bestanden, std::string_view taal, std::string_view query_zonder_taal,
                                  std::string_view gevraagd) {
    auto t = [taal](std::string_view sleutel) { return escape(teksten::tekst(taal, sleutel)); };
    const std::string id(text(ip, "id"));
    const std::string naam(text(ip, "naam"));
    const std::string pad = "/informatiepunten/" + query_encode(id);
    const std::string url = base_url + pad;
    const bool voorbeeld = is_voorbeeld(ip);
    html::Page page;
    page.lang = std::string(taal);
    page.dir = std::string(teksten::richting(taal));
    page.title = teksten::tekst(taal, "ip.titel", {{"naam", naam}});
    const auto regels = adres_regels(ip);
    std::string adres;
    for (const auto& r : regels) adres += (adres.empty() ? "" : ", ") + r;
    page.description = teksten::tekst(taal, "ip.beschrijving", {{"naam", naam}, {"adres", adres.empty() ? "" : ", " + adres}});
    page.canonical = canonical_url(base_url, pad, gevraagd);
    page.noindex = voorbeeld;  // a generated example is not a place to send anyone
    page.stylesheets = {bestanden.pagina_css};
    page.head_extra = "<script type=\"application/ld+json\">" + html::script_safe_json(informatiepunt_json_ld(ip, now, url)) + "</script>\n" +
                      hreflang_links(base_url, pad, "");

    std::string b = kop(taal, "kop.naar_inhoud", taalkeuze_html(taal, pad, query_zonder_taal)) + "<main id=\"inhoud\" tabindex=\"-1\">\n<div class=\"breed informatiepunt\">\n";
    b += "<p class=\"terug niet-printen\"><a href=\"" + escape(taal_href("/", "", taal, true)) + "\">" + t("ip.terug") + "</a></p>\n";
    b += "<h1>" + escape(naam) + "</h1>\n";
    b += "<p class=\"ondertitel\">" + t("ip.ondertitel") + "</p>\n";
    if (voorbeeld)
        b += "<p class=\"label-voorbeeld groot\"><strong>" + t("label.voorbeeld") + "</strong>. " + t("ip.voorbeeld_uitleg") + "</p>\n";
    else if (is_onbevestigd(ip))
        b += "<p class=\"label-voorbeeld label-onbevestigd groot\"><strong>" + t("label.niet_bevestigd") + "</strong>. " +
             t("ip.onbevestigd_uitleg") + "</p>\n";
    if (!text(ip, "organisatie").empty() && text(ip, "organisatie") != naam) b += "<p class=\"organisatie\">" + escape(text(ip, "organisatie")) + "</p>\n";
    const auto st = status(ip, now, taal);
    b += "<p class=\"status status-" + st.code + "\">" + escape(st.tekst) + "</p>\n";

    b += "<div class=\"kolommen\">\n<section aria-labelledby=\"kop-adres\">\n<h2 id=\"kop-adres\">" + t("ip.adres") + "</h2>\n<p class=\"adres\">";
    for (std::size_t i = 0; i < regels.size(); ++i) b += (i ? "<br>" : "") + escape(regels[i]);
    if (!text(ip, "gemeentenaam").empty()) b += (regels.empty() ? "" : "<br>") + escape(teksten::tekst(taal, "ip.gemeente", {{"gemeente", text(ip, "gemeentenaam")}}));
    b += "</p>\n";
    if (const auto route = route_url(ip); !route.empty())
        b += "<p class=\"niet-printen\"><a class=\"knop-link\" href=\"" + escape(route) + "\">" + t("route") + "</a></p>\n";
    b += "</section>\n";

    b += "<section aria-labelledby=\"kop-contact\">\n<h2 id=\"kop-contact\">" + t("ip.contact") + "</h2>\n";
    std::string contact;
    if (const rapidjson::Value* ct = member(ip, "contact")) {
        if (const auto tel = text(*ct, "telefoon"); !tel.empty())
            contact += "<li>" + t("ip.telefoon") + ": <a href=\"" + escape(tel_href(tel)) + "\">" + escape(tel) + "</a></li>\n";
        if (const auto mail = text(*ct, "email"); !mail.empty())
            contact += "<li>" + t("ip.email") + ": <a href=\"mailto:" + escape(mail) + "\">" + escape(mail) + "</a></li>\n";
        if (const auto web = veilige_url(text(*ct, "website")); !web.empty())
            contact += "<li>" + t("ip.website") + ": <a href=\"" + escape(web) + "\">" + escape(web) + "</a></li>\n";
    }
    b += contact.empty() ? "<p>" + t("ip.geen_contact") + "</p>\n" : "<ul class=\"contact\">\n" + contact + "</ul>\n";
    b += "</section>\n</div>\n";

    b += "<section aria-labelledby=\"kop-spreekuren\">\n<h2 id=\"kop-spreekuren\">" + t("ip.spreekuren") + "</h2>\n";
    const auto slots = komende_slots(ip, now, beschikbaar_dagen);
    if (slots.empty()) {
        const rapidjson::Value* k = member(ip, "komendeSpreekuren");
        b += "<p>" + t(k ? "ip.geen_spreekuren" : "ip.tijden_onbekend") + "</p>\n";
        b += alternatieven_html(GeenHulpReden::niet_open, taal);
    } else {
        b += "<table class=\"spreekuren\">\n<caption class=\"vh\">" + t("ip.spreekuren_caption") + "</caption>\n<thead><tr><th scope=\"col\">" +
             t("ip.kolom_dag") + "</th><th scope=\"col\">" + t("ip.kolom_tijd") + "</th><th scope=\"col\">" + t("ip.kolom_spreekuur") +
             "</th></tr></thead>\n<tbody>\n";
        for (const auto& slot : slots) {
            b += "<tr><td>" + escape(lange_dag(slot.begin, taal)) + "</td><td>" + tijd(slot.begin) + (slot.eind ? "–" + tijd(*slot.eind) : "") +
                 "</td><td>" + escape(slot.spreekuur) + (slot.opmerking.empty() ? "" : " (" + escape(slot.opmerking) + ")") + "</td></tr>\n";
        }
        b += "</tbody>\n</table>\n";
    }
    b += "</section>\n";

    const std::string afspraak = afspraak_tekst(ip, taal);
    b += "<section aria-labelledby=\"kop-afspraak\">\n<h2 id=\"kop-afspraak\">" + t("ip.afspraak") + "</h2>\n<p>" + escape(afspraak) + "</p>\n";
    const auto info = afspraak_info(ip);
    if (!info.empty()) {
        b += "<ul>\n";
        for (const auto& x : info) b += "<li>" + tekst_of_link(x) + "</li>\n";
        b += "</ul>\n";
    } else if (!contact.empty() && (afspraak == teksten::tekst(taal, "afspraak.nodig") || afspraak == teksten::tekst(taal, "afspraak.soms"))) {
        b += "<p>" + t("ip.afspraak_hoe") + "</p>\n";
    }
    b += "</section>\n";

    if (const rapidjson::Value* d = member(ip, "diensten"); d && d->IsArray() && !d->Empty()) {
        b += "<section aria-labelledby=\"kop-diensten\">\n<h2 id=\"kop-diensten\">" + t("ip.diensten") + "</h2>\n<ul class=\"diensten\">\n";
        for (const auto& c : d->GetArray())
            if (c.IsString()) b += "<li>" + escape(dienst_label(c.GetString(), taal)) + "</li>\n";
        b += "</ul>\n</section>\n";
    }

    // "Gecontroleerd in oktober 2026." (issue 14), month and year in every language, as the widget says it.
    b += gecontroleerd_html(text(ip, "laatstGecontroleerd"), now, taal);
    b += "<p class=\"meld niet-printen\"><a href=\"" + escape(taal_href(meld_href(ip), "", taal, true)) + "\">" + t("ip.meld") + "</a></p>\n";
    b += "<p class=\"alleen-printen\">" + t("ip.meer") + " " + escape(base_url.empty() ? std::string("/") : base_url + "/") + "</p>\n";
    b += "</div>\n</main>\n" + voet(taal);
    page.body = std::move(b);
    return html::render_document(page);
}

std::string render_niet_gevonden(const Bestanden& bestanden, std::string_view taal) {
    auto t = [taal](std::string_view sleutel) { return escape(teksten::tekst(taal, sleutel)); };
    html::Page page;
    page.lang = std::string(taal);
    page.dir = std::string(teksten::richting(taal));
    page.title = std::string(teksten::tekst(taal, "niet_gevonden.titel"));
    page.noindex = true;
    page.stylesheets = {bestanden.pagina_css};
    page.body = kop(taal) + "<main id=\"inhoud\" tabindex=\"-1\">\n<div class=\"breed\">\n<h1>" + t("niet_gevonden.kop") + "</h1>\n<p>" +
                t("niet_gevonden.uitleg") + "</p>\n<p><a href=\"" + escape(taal_href("/", "", taal, true)) + "\">" + t("niet_gevonden.link") +
                "</a></p>\n</div>\n</main>\n" + voet(taal);
    return html::render_document(page);
}

}  // namespace ido::service::pagina
