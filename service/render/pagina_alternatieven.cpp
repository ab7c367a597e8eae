#include "service/render/pagina_alternatieven.hpp"

#include "service/render/pagina_opmaak.hpp"

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

std::string alternatieven_html(GeenHulpReden reden) {
    std::string out = "<section class=\"alternatieven\" aria-labelledby=\"alternatieven-kop\">\n<h2 id=\"alternatieven-kop\">";
    switch (reden) {
    case GeenHulpReden::geen_resultaten:
        out += "Geen informatiepunt gevonden</h2>\n<p>We vinden hier geen informatiepunt. U kunt ook op een andere manier hulp krijgen.</p>\n";
        break;
    case GeenHulpReden::te_ver:
        out += "Geen informatiepunt dichtbij</h2>\n<p>Het dichtstbijzijnde informatiepunt is meer dan 10 kilometer hier vandaan. U kunt ook op een andere manier hulp krijgen.</p>\n";
        break;
    case GeenHulpReden::niet_open:
        out += "De komende 7 dagen geen spreekuur</h2>\n<p>Deze informatiepunten hebben de komende 7 dagen geen spreekuur dat wij kennen. U kunt ook op een andere manier hulp krijgen.</p>\n";
        break;
    }
    out += "<h3>DigiHulplijn</h3>\n"
           "<p>Bel gratis met de DigiHulplijn: <a href=\"tel:08001508\">0800-1508</a>. "
           "Of stuur een WhatsApp-bericht naar hetzelfde nummer. "
           "Zij helpen u met vragen over de digitale overheid, zoals DigiD, toeslagen en belastingen.</p>\n</section>\n";
    return out;
}

}  // namespace ido::service::pagina
