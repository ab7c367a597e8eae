#include "service/render/pagina_informatiepunt.hpp"

#include "service/endpoints/ogc.hpp"
#include "service/render/gecontroleerd.hpp"
#include "service/render/html.hpp"
#include "service/render/pagina_alternatieven.hpp"
#include "service/render/pagina_kader.hpp"
#include "service/render/pagina_opmaak.hpp"

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
                                  const Bestanden& bestanden) {
    const std::string id(text(ip, "id"));
    const std::string naam(text(ip, "naam"));
    const std::string url = base_url + "/informatiepunten/" + query_encode(id);
    const bool voorbeeld = is_voorbeeld(ip);
    html::Page page;
    page.title = naam + " | Informatiepunt Digitale Overheid";
    const auto regels = adres_regels(ip);
    std::string adres;
    for (const auto& r : regels) adres += (adres.empty() ? "" : ", ") + r;
    page.description = "Gratis hulp bij de digitale overheid bij " + naam + (adres.empty() ? "" : ", " + adres) +
                       ". Spreekuren, adres en hoe u een afspraak maakt.";
    page.canonical = url;
    page.noindex = voorbeeld;  // a generated example is not a place to send anyone
    page.stylesheets = {bestanden.pagina_css};
    page.head_extra = "<script type=\"application/ld+json\">" + html::script_safe_json(informatiepunt_json_ld(ip, now, url)) + "</script>\n";

    std::string b = kop() + "<main id=\"inhoud\" tabindex=\"-1\">\n<div class=\"breed informatiepunt\">\n";
    b += "<p class=\"terug niet-printen\"><a href=\"/\">Zoek een ander informatiepunt</a></p>\n";
    b += "<h1>" + escape(naam) + "</h1>\n";
    b += "<p class=\"ondertitel\">Informatiepunt Digitale Overheid: gratis hulp bij DigiD, toeslagen, belastingen en andere zaken van de overheid.</p>\n";
    if (voorbeeld)
        b += "<p class=\"label-voorbeeld groot\"><strong>Voorbeeld, geen echte locatie</strong>. Dit informatiepunt is verzonnen om de "
             "website te testen. Ga er niet naartoe.</p>\n";
    else if (is_onbevestigd(ip))
        b += "<p class=\"label-voorbeeld label-onbevestigd groot\"><strong>Niet bevestigd</strong>. Dit is een echte bibliotheek. Of hier "
             "ook een informatiepunt is, is niet zeker. Neem eerst contact op.</p>\n";
    if (!text(ip, "organisatie").empty() && text(ip, "organisatie") != naam) b += "<p class=\"organisatie\">" + escape(text(ip, "organisatie")) + "</p>\n";
    const auto st = status(ip, now);
    b += "<p class=\"status status-" + st.code + "\">" + escape(st.tekst) + "</p>\n";

    b += "<div class=\"kolommen\">\n<section aria-labelledby=\"kop-adres\">\n<h2 id=\"kop-adres\">Adres</h2>\n<p class=\"adres\">";
    for (std::size_t i = 0; i < regels.size(); ++i) b += (i ? "<br>" : "") + escape(regels[i]);
    if (!text(ip, "gemeentenaam").empty()) b += (regels.empty() ? "" : "<br>") + std::string("Gemeente ") + escape(text(ip, "gemeentenaam"));
    b += "</p>\n";
    if (const auto route = route_url(ip); !route.empty())
        b += "<p class=\"niet-printen\"><a class=\"knop-link\" href=\"" + escape(route) + "\">Route plannen</a></p>\n";
    b += "</section>\n";

    b += "<section aria-labelledby=\"kop-contact\">\n<h2 id=\"kop-contact\">Contact</h2>\n";
    std::string contact;
    if (const rapidjson::Value* ct = member(ip, "contact")) {
        if (const auto tel = text(*ct, "telefoon"); !tel.empty())
            contact += "<li>Telefoon: <a href=\"" + escape(tel_href(tel)) + "\">" + escape(tel) + "</a></li>\n";
        if (const auto mail = text(*ct, "email"); !mail.empty())
            contact += "<li>E-mail: <a href=\"mailto:" + escape(mail) + "\">" + escape(mail) + "</a></li>\n";
        if (const auto web = veilige_url(text(*ct, "website")); !web.empty())
            contact += "<li>Website: <a href=\"" + escape(web) + "\">" + escape(web) + "</a></li>\n";
    }
    b += contact.empty() ? "<p>Er zijn geen contactgegevens bekend.</p>\n" : "<ul class=\"contact\">\n" + contact + "</ul>\n";
    b += "</section>\n</div>\n";

    b += "<section aria-labelledby=\"kop-spreekuren\">\n<h2 id=\"kop-spreekuren\">Spreekuren deze week</h2>\n";
    const auto slots = komende_slots(ip, now, beschikbaar_dagen);
    if (slots.empty()) {
        const rapidjson::Value* k = member(ip, "komendeSpreekuren");
        b += k ? "<p>Er zijn de komende 7 dagen geen spreekuren bekend. Neem contact op om te vragen wanneer u terecht kunt.</p>\n"
               : "<p>De tijden zijn niet bekend. Neem contact op om te vragen wanneer u terecht kunt.</p>\n";
        b += alternatieven_html(GeenHulpReden::niet_open);
    } else {
        b += "<table class=\"spreekuren\">\n<caption class=\"vh\">Spreekuren in de komende 7 dagen</caption>\n"
             "<thead><tr><th scope=\"col\">Dag</th><th scope=\"col\">Tijd</th><th scope=\"col\">Spreekuur</th></tr></thead>\n<tbody>\n";
        for (const auto& slot : slots) {
            b += "<tr><td>" + escape(lange_dag(slot.begin)) + "</td><td>" + tijd(slot.begin) + (slot.eind ? "–" + tijd(*slot.eind) : "") +
                 "</td><td>" + escape(slot.spreekuur) + (slot.opmerking.empty() ? "" : " (" + escape(slot.opmerking) + ")") + "</td></tr>\n";
        }
        b += "</tbody>\n</table>\n";
    }
    b += "</section>\n";

    b += "<section aria-labelledby=\"kop-afspraak\">\n<h2 id=\"kop-afspraak\">Afspraak maken</h2>\n<p>" + escape(afspraak_tekst(ip)) + "</p>\n";
    const auto info = afspraak_info(ip);
    if (!info.empty()) {
        b += "<ul>\n";
        for (const auto& x : info) b += "<li>" + tekst_of_link(x) + "</li>\n";
        b += "</ul>\n";
    } else if (!contact.empty() && afspraak_tekst(ip).find("afspraak nodig") != std::string::npos) {
        b += "<p>Maak een afspraak via de contactgegevens hierboven.</p>\n";
    }
    b += "</section>\n";

    if (const rapidjson::Value* d = member(ip, "diensten"); d && d->IsArray() && !d->Empty()) {
        b += "<section aria-labelledby=\"kop-diensten\">\n<h2 id=\"kop-diensten\">Hier helpen ze u met</h2>\n<ul class=\"diensten\">\n";
        for (const auto& c : d->GetArray())
            if (c.IsString()) b += "<li>" + escape(dienst_label(c.GetString())) + "</li>\n";
        b += "</ul>\n</section>\n";
    }

    b += gecontroleerd_html(text(ip, "laatstGecontroleerd"), now);
    b += "<p class=\"meld niet-printen\"><a href=\"" + escape(meld_href(ip)) + "\">Meld een fout in deze gegevens</a></p>\n";
    b += "<p class=\"alleen-printen\">Meer informatiepunten: " + escape(base_url.empty() ? std::string("/") : base_url + "/") + "</p>\n";
    b += "</div>\n</main>\n" + voet();
    page.body = std::move(b);
    return html::render_document(page);
}

std::string render_niet_gevonden(const Bestanden& bestanden) {
    html::Page page;
    page.title = "Pagina niet gevonden | Informatiepunt Digitale Overheid";
    page.noindex = true;
    page.stylesheets = {bestanden.pagina_css};
    page.body = kop() +
                "<main id=\"inhoud\" tabindex=\"-1\">\n<div class=\"breed\">\n<h1>Dit informatiepunt kennen we niet</h1>\n"
                "<p>Misschien is het adres van deze pagina niet goed, of bestaat het informatiepunt niet meer.</p>\n"
                "<p><a href=\"/\">Zoek een informatiepunt bij u in de buurt</a></p>\n</div>\n</main>\n" +
                voet();
    return html::render_document(page);
}

}  // namespace ido::service::pagina
