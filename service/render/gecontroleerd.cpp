#include "service/render/gecontroleerd.hpp"

#include "service/render/pagina_opmaak.hpp"

namespace ido::service::pagina {
namespace {

// The page texts of this line (plain Dutch), in one place for the language table (service/render/teksten.*).
constexpr std::string_view tekst_gecontroleerd_in = "Gecontroleerd in ";
constexpr std::string_view tekst_niet_gecontroleerd = "Nog niet gecontroleerd.";
constexpr std::string_view tekst_oud = "Dit is meer dan een jaar geleden gecontroleerd. Bel voor u gaat.";

}  // namespace

Gecontroleerd gecontroleerd(std::string_view laatst, std::string_view vandaag) {
    // datum() checks the date and writes it "14 oktober 2026" with the pages' one month table; the
    // month and year are what follows the day.
    const std::string woorden = laatst.size() == 10 ? datum(laatst) : std::string();
    const auto spatie = woorden.find(' ');
    if (spatie == std::string::npos) return {std::string(tekst_niet_gecontroleerd), false};
    Gecontroleerd out{std::string(tekst_gecontroleerd_in) + woorden.substr(spatie + 1) + ".", false};
    // A year ago: the same date one year earlier ("2025-12-01" for "2026-12-01"); ISO dates compare as text.
    if (vandaag.size() == 10 && !datum(vandaag).empty()) {
        const int jaar = std::stoi(std::string(vandaag.substr(0, 4)));
        const std::string grens = std::to_string(jaar - 1) + std::string(vandaag.substr(4));
        out.oud = std::string(laatst) < grens;
    }
    return out;
}

std::string gecontroleerd_html(std::string_view laatst, std::chrono::sys_seconds now) {
    const auto regel = gecontroleerd(laatst, lokale_datum(now));
    if (!regel.oud) return "<p class=\"gecontroleerd\">" + regel.tekst + "</p>\n";
    return "<p class=\"gecontroleerd\">" + regel.tekst + " <strong class=\"gecontroleerd-oud\">" + std::string(tekst_oud) + "</strong></p>\n";
}

}  // namespace ido::service::pagina
