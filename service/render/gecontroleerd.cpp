#include "service/render/gecontroleerd.hpp"

#include "service/render/html.hpp"
#include "service/render/pagina_opmaak.hpp"
#include "service/render/teksten.hpp"

namespace ido::service::pagina {

Gecontroleerd gecontroleerd(std::string_view laatst, std::string_view vandaag, std::string_view taal) {
    // Month and year only (the widget's Intl month-and-year): when the data was checked matters to the
    // month, not the day.
    const std::string maand = laatst.size() == 10 ? maand_jaar(laatst, taal) : std::string();
    if (maand.empty()) return {std::string(teksten::tekst(taal, "ip.niet_gecontroleerd")), false};
    Gecontroleerd out{teksten::tekst(taal, "ip.gecontroleerd_in", {{"maand", maand}}), false};
    // A year ago: the same date one year earlier ("2025-12-01" for "2026-12-01"); ISO dates compare as text.
    if (vandaag.size() == 10 && !datum(vandaag).empty()) {
        const int jaar = std::stoi(std::string(vandaag.substr(0, 4)));
        const std::string grens = std::to_string(jaar - 1) + std::string(vandaag.substr(4));
        out.oud = std::string(laatst) < grens;
    }
    return out;
}

std::string gecontroleerd_html(std::string_view laatst, std::chrono::sys_seconds now, std::string_view taal) {
    const auto regel = gecontroleerd(laatst, lokale_datum(now), taal);
    std::string out = "<p class=\"gecontroleerd\">" + html::escape(regel.tekst);
    if (regel.oud) out += " <strong class=\"gecontroleerd-oud\">" + html::escape(teksten::tekst(taal, "ip.gecontroleerd_oud")) + "</strong>";
    return out + "</p>\n";
}

}  // namespace ido::service::pagina
