#include "service/parameters.hpp"

#include "geo/dataset.hpp"
#include "service/query.hpp"

#include <algorithm>

namespace ido::service {
namespace {

enum class Reach { netherlands, anywhere };

// lat and lon come as a pair; each must be a finite number in range. With Reach::netherlands the
// position must also lie near the Netherlands, where a nearest help point means something.
std::optional<geo::Wgs84> position(QueryParams& query, Reach reach) {
    const bool has_lat = query.sent("lat"), has_lon = query.sent("lon");
    if (!has_lat && !has_lon) return std::nullopt;
    if (has_lat != has_lon) {
        query.add_problem(has_lat ? "lon" : "lat", param_codes::ontbrekende_parameter, "Geef lat en lon samen.");
        return std::nullopt;
    }
    auto lat = query.number("lat");
    auto lon = query.number("lon");
    bool ok = lat && lon;
    if (lat && (*lat < -90 || *lat > 90)) {
        query.add_problem("lat", param_codes::ongeldige_coordinaat, "De breedtegraad (lat) ligt tussen -90 en 90.");
        ok = false;
    }
    if (lon && (*lon < -180 || *lon > 180)) {
        query.add_problem("lon", param_codes::ongeldige_coordinaat, "De lengtegraad (lon) ligt tussen -180 en 180.");
        ok = false;
    }
    if (!ok) return std::nullopt;
    const geo::Wgs84 point{*lat, *lon};
    if (reach == Reach::netherlands && !geo::near_netherlands(point)) {
        query.add_problem("lat", param_codes::buiten_nederland,
                          "Dit punt ligt ver buiten Nederland. Geef een punt in Nederland (WGS84, bijvoorbeeld lat=52.09&lon=5.12).");
        return std::nullopt;
    }
    return point;
}

bool valid_cursor(std::string_view id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

}  // namespace

std::variant<InformatiepuntenParameters, std::vector<InvalidParam>> parse_informatiepunten_parameters(const QueryPairs& pairs) {
    QueryParams query(pairs, {"lat", "lon", "limit", "na"});
    InformatiepuntenParameters params;
    params.origin = position(query, Reach::netherlands);
    const bool positioned = query.sent("lat") || query.sent("lon");
    if (positioned) {
        params.limit = 10;
        if (auto limit = query.integer("limit", 1, 100)) params.limit = static_cast<std::size_t>(*limit);
        if (query.has("na"))
            query.add_problem("na", param_codes::ongeldige_waarde, "'na' hoort bij de lijst zonder positie; bij lat/lon geeft limit het aantal.");
    } else {
        params.limit = 100;
        if (auto limit = query.integer("limit", 1, 1000)) params.limit = static_cast<std::size_t>(*limit);
        if (auto after = query.get("na")) {
            if (valid_cursor(*after)) params.after = std::string(*after);
            else query.add_problem("na", param_codes::ongeldige_waarde, "Geef het id van het laatste informatiepunt van de vorige pagina.");
        }
    }
    if (!query.ok()) return query.problems();
    return params;
}

std::variant<GemeentenParameters, std::vector<InvalidParam>> parse_gemeenten_parameters(const QueryPairs& pairs) {
    QueryParams query(pairs, {"lat", "lon"});
    GemeentenParameters params;
    // Anywhere on earth is a valid question; outside the Netherlands the answer is an empty list.
    params.point = position(query, Reach::anywhere);
    if (!query.ok()) return query.problems();
    return params;
}

}  // namespace ido::service
