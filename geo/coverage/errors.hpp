#pragma once
/// @file
/// Expected failures of the coverage analysis: values with a stable code, never exceptions. The HTTP
/// layer maps the codes to problem responses; tests assert the codes, never the message text.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ido::coverage {

/// Stable error codes of the coverage analysis.
enum class ErrorCode {
    onbekende_gemeente,        ///< the gemeentecode is not one of the 342 municipalities
    ongeldig_aantal_drempels,  ///< fewer than 1 or more than max_drempels thresholds
    drempel_buiten_bereik,     ///< a threshold outside min_drempel_m..max_drempel_m (or not a number)
    dubbele_drempel,           ///< the same threshold twice
    onbekende_herkomst,        ///< a `herkomst.soort` that the data does not know
    te_veel_extra_posities,    ///< more than max_extra_posities what-if positions
    ongeldige_coordinaat,      ///< a what-if position that is not a number or not on the globe
    buiten_nederland,          ///< a what-if position outside the Netherlands' box
    ongeldig_aantal_locaties,  ///< an advice for fewer than 1 or more than max_advies_locaties sites
    geen_informatiepunten,     ///< nothing to measure to: no help point counts and no what-if position
};

/// The wire spelling: "onbekende-gemeente", "ongeldig-aantal-drempels", "drempel-buiten-bereik",
/// "dubbele-drempel", "onbekende-herkomst", "te-veel-extra-posities", "ongeldige-coordinaat",
/// "buiten-nederland", "ongeldig-aantal-locaties", "geen-informatiepunten".
std::string_view to_string(ErrorCode code);

/// One expected failure: its code, the input field it concerns (e.g. `drempels[2]`, `extraPosities[0]`;
/// empty when it concerns no single field) and a Dutch message fit for a municipal official.
struct CoverageError {
    ErrorCode code = ErrorCode::onbekende_gemeente;
    std::string veld;
    std::string message;
};

/// Either the answer, or every problem found in the input (validation does not stop at the first).
template <class T>
using CoverageResult = std::variant<T, std::vector<CoverageError>>;

}  // namespace ido::coverage
