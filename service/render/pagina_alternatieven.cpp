#include "service/render/pagina_alternatieven.hpp"

#include "service/render/html.hpp"
#include "service/render/pagina_opmaak.hpp"
#include "service/render/teksten.hpp"

namespace ido::service::pagina {

std::optional<GeenHulpReden> geen_hulp_dichtbij(const rapidjson::Value& informatiepunten, bool with_distance,
                                                std::chrono::sys_seconds now) {
    if (!informatiepunten.IsArray() || informatiepunten.Empty()) return GeenHulpReden::geen_resultaten;
    if (with_distance) {
        double nearest = -1;
        for (const auto& ip : informatiepunten.GetArray()) {
            const auto it = ip.IsObject() ? ip.FindMember("afstand") : ip.MemberEnd();
            if (ip.IsObject() && it != ip.MemberEnd() && it->value.IsNumber())
                if (nearest < 0 || it->value.GetDouble() < nearest) nearest = it->value.GetDouble();
        }
        if (nearest > ver_weg_m) return GeenHulpReden::te_ver;
    }
    for (const auto& ip : informatiepunten.GetArray()) {
        const rapidjson::Value* s = member(ip, "status");
        if (s && text(*s, "code") == "open") return std::nullopt;
        if (!komende_slots(ip, now, beschikbaar_dagen).empty()) return std::nullopt;
    }
    return GeenHulpReden::niet_open;
}

std::string alternatieven_html(GeenHulpReden reden, std::string_view taal) {
    auto p = [taal](std::string_view sleutel) { return html::escape(teksten::tekst(taal, sleutel)); };
    std::string out = "<section class=\"alternatieven\" aria-labelledby=\"alternatieven-kop\">\n<h2 id=\"alternatieven-kop\">";
    const char* soort = reden == GeenHulpReden::geen_resultaten ? "geen" : reden == GeenHulpReden::te_ver ? "ver" : "dicht";
    out += p(std::string("alternatieven.kop.") + soort) + "</h2>\n<p>" + p(std::string("alternatieven.uitleg.") + soort) + "</p>\n";
    out += "<h3>DigiHulplijn</h3>\n<p>" + p("alternatieven.bel") + " <a href=\"tel:08001508\">0800-1508</a>. " + p("alternatieven.whatsapp") +
           " " + p("alternatieven.wat") + "</p>\n</section>\n";
    return out;
}

}  // namespace ido::service::pagina
