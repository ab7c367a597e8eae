#include "service/endpoints/bereikbaarheid_parameters.hpp"

#include "service/endpoints/parameters.hpp"
#include "service/http/query.hpp"

#include <charconv>
#include <cstddef>
#include <optional>
#include <string>

namespace ido::service {
namespace {

// The pieces of `text` between `separator`s, empty pieces included (so "1000,,3000" is caught).
std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    while (true) {
        const auto at = text.find(separator);
        parts.push_back(text.substr(0, at));
        if (at == std::string_view::npos) return parts;
        text = text.substr(at + 1);
    }
}

// A whole or decimal number, the whole text and nothing else (no spaces, no "inf"/"nan").
std::optional<double> number(std::string_view text) {
    if (text.empty() || text.front() == '+') return std::nullopt;
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

std::variant<BereikbaarheidParameters, std::vector<InvalidParam>> parse_bereikbaarheid_parameters(const HttpRequest& request) {
    QueryParams query(request.query, {bereikbaarheid_parameter_names.begin(), bereikbaarheid_parameter_names.end()});
    BereikbaarheidParameters params;
    params.standaard = request.query.empty();
    if (auto text = query.get("afstanden")) {
        params.opties.drempels_m.clear();
        for (auto part : split(*text, ',')) {
            auto value = number(part);
            if (!value) {
                query.add_problem("afstanden", param_codes::ongeldig_getal,
                                  "Geef de afstanden in meters, gescheiden door komma's, bijvoorbeeld afstanden=1000,3000,5000.");
                break;
            }
            params.opties.drempels_m.push_back(*value);
        }
    }
    if (auto text = query.get("herkomst")) {
        for (auto part : split(*text, ',')) params.opties.soorten.emplace_back(part);
    }
    if (auto text = query.get("extraLocaties")) {
        for (auto pair : split(*text, ';')) {
            const auto parts = split(pair, ',');
            std::optional<double> lat, lon;
            if (parts.size() == 2) {
                lat = number(parts[0]);
                lon = number(parts[1]);
            }
            if (!lat || !lon) {
                query.add_problem("extraLocaties", param_codes::ongeldige_coordinaat,
                                  "Geef elke extra locatie als breedtegraad,lengtegraad (WGS84), gescheiden door puntkomma's, "
                                  "bijvoorbeeld extraLocaties=52.09,5.12;52.37,4.89.");
                break;
            }
            params.opties.extra_posities.push_back({*lat, *lon});
        }
    }
    if (!query.ok()) return query.problems();
    return params;
}

std::variant<OverzichtParameters, std::vector<InvalidParam>> parse_overzicht_parameters(const HttpRequest& request) {
    QueryParams query(request.query, {overzicht_parameter_names.begin(), overzicht_parameter_names.end()});
    OverzichtParameters params;
    params.opties.vanaf = instant_parameter(query, "tijdstip").value_or(now());
    if (auto text = query.get("herkomst"))
        for (auto part : split(*text, ',')) params.opties.soorten.emplace_back(part);
    if (!query.ok()) return query.problems();
    return params;
}

std::variant<AdviesParameters, std::vector<InvalidParam>> parse_advies_parameters(const HttpRequest& request) {
    QueryParams query(request.query, {advies_parameter_names.begin(), advies_parameter_names.end()});
    AdviesParameters params;
    if (auto aantal = query.integer("aantal", 1, static_cast<long long>(coverage::max_advies_locaties)))
        params.opties.aantal = static_cast<std::size_t>(*aantal);
    if (auto binnen = query.integer("binnen", static_cast<long long>(coverage::min_drempel_m), static_cast<long long>(coverage::max_drempel_m)))
        params.opties.drempel_m = static_cast<double>(*binnen);
    if (!query.ok()) return query.problems();
    return params;
}

}  // namespace ido::service
