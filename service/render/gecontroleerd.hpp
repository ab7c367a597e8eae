#pragma once
// "Gecontroleerd in oktober 2026." on a help point's page (issue 14): when its owner last confirmed the
// data, in words (month and year, in every language: "Checked in October 2026."), and plainly when that
// is more than a year ago. The same rule as the widget's
// gecontroleerdRegel (web-widget/src/melding.js): older than the same calendar date one year before
// today, in Amsterdam.
#include <chrono>
#include <string>
#include <string_view>

namespace ido::service::pagina {

struct Gecontroleerd {
    std::string tekst;  ///< "Gecontroleerd in oktober 2026." or "Nog niet gecontroleerd."
    bool oud = false;   ///< more than a year ago: the page adds a plain warning
};

/// `laatst` is laatstGecontroleerd ("2026-10-14"; empty or malformed: not checked), `vandaag` today's
/// Amsterdam date in the same form; the text in `taal` (service/render/teksten.hpp).
Gecontroleerd gecontroleerd(std::string_view laatst, std::string_view vandaag, std::string_view taal = "nl");

/// The paragraph for the page: the text, and the warning in <strong> when it is old.
std::string gecontroleerd_html(std::string_view laatst, std::chrono::sys_seconds now, std::string_view taal = "nl");

}  // namespace ido::service::pagina
