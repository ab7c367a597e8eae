#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ido::service {

/// What was wrong with one query parameter; listed in a 400's `invalidParams`.
struct InvalidParam {
    std::string name;     ///< the parameter as the client sent it, e.g. "lat"
    std::string code;     ///< stable code, e.g. "ongeldige-coordinaat"
    std::string reason;   ///< plain-language explanation (Dutch)
};

/// An expected failure, carried as a value up to the HTTP layer: a stable code (one row of the error
/// table) and the detail for this case. Tests assert the code, never the wording.
struct Problem {
    std::string code;
    std::string detail;
    std::vector<InvalidParam> invalid_params;
};

/// One row of the error table: what a problem code means over HTTP.
struct ProblemKind {
    std::string_view code;
    int status;
    std::string_view title;
};

/// The error table. Every code the service can answer with is here, and nowhere else.
const ProblemKind& problem_kind(std::string_view code);

/// Problem codes (the first column of the table), as constants so a typo fails to compile.
namespace codes {
inline constexpr std::string_view ongeldige_parameters = "ongeldige-parameters";
inline constexpr std::string_view niet_gevonden = "niet-gevonden";
inline constexpr std::string_view pad_niet_gevonden = "pad-niet-gevonden";
inline constexpr std::string_view methode_niet_toegestaan = "methode-niet-toegestaan";
inline constexpr std::string_view verzoek_te_groot = "verzoek-te-groot";
inline constexpr std::string_view niet_geauthenticeerd = "niet-geauthenticeerd";
inline constexpr std::string_view sleutel_verlopen = "sleutel-verlopen";
inline constexpr std::string_view geen_toegang = "geen-toegang";
inline constexpr std::string_view bestaat_al = "bestaat-al";
inline constexpr std::string_view versie_conflict = "versie-conflict";
inline constexpr std::string_view voorwaarde_vereist = "voorwaarde-vereist";
inline constexpr std::string_view mediatype_niet_ondersteund = "mediatype-niet-ondersteund";
inline constexpr std::string_view ongeldige_inhoud = "ongeldige-inhoud";
inline constexpr std::string_view te_veel_verzoeken = "te-veel-verzoeken";
inline constexpr std::string_view niet_beschikbaar = "niet-beschikbaar";
inline constexpr std::string_view interne_fout = "interne-fout";
// Reports (meldingen, issue 14): closing one that is closed.
inline constexpr std::string_view al_afgesloten = "al-afgesloten";
// A municipality's full list (volledige lijst, issue 14) with invalid rows or conflicts: nothing stored.
inline constexpr std::string_view lijst_afgewezen = "lijst-afgewezen";
}  // namespace codes

/// Codes for one invalid parameter (`invalidParams[].code`).
namespace param_codes {
inline constexpr std::string_view onbekende_parameter = "onbekende-parameter";
inline constexpr std::string_view ontbrekende_parameter = "ontbrekende-parameter";
inline constexpr std::string_view herhaalde_parameter = "herhaalde-parameter";
inline constexpr std::string_view ongeldig_getal = "ongeldig-getal";
inline constexpr std::string_view ongeldige_coordinaat = "ongeldige-coordinaat";
inline constexpr std::string_view buiten_nederland = "buiten-nederland";
inline constexpr std::string_view buiten_bereik = "buiten-bereik";
inline constexpr std::string_view ongeldige_waarde = "ongeldige-waarde";
inline constexpr std::string_view ongeldige_tekens = "ongeldige-tekens";
inline constexpr std::string_view te_lang = "te-lang";
// The coverage endpoints (service/render/coverage_problems.cpp).
inline constexpr std::string_view ongeldig_aantal = "ongeldig-aantal";
inline constexpr std::string_view dubbele_waarde = "dubbele-waarde";
inline constexpr std::string_view geen_informatiepunten = "geen-informatiepunten";
}  // namespace param_codes

/// The RFC 9457 problem+json body for a problem; `instance` is the request path.
std::string problem_json(const Problem& problem, std::string_view instance);

}  // namespace ido::service
