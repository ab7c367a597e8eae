#pragma once
#include "geo/coordinates.hpp"
#include "service/problem.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace ido::service {

using QueryPairs = std::vector<std::pair<std::string, std::string>>;

/// GET /v1/informatiepunten: with a position, the nearest help points; without, all of them by id, paged.
struct InformatiepuntenParameters {
    std::optional<geo::Wgs84> origin;   ///< lat + lon
    std::size_t limit = 10;             ///< 1..100 with a position (default 10); 1..1000 without (default 100)
    std::optional<std::string> after;   ///< `na`: paging cursor, the last id of the previous page
};

/// GET /v1/gemeenten: all municipalities, or the one containing lat + lon.
struct GemeentenParameters {
    std::optional<geo::Wgs84> point;
};

/// Parses and validates; returns the parameters, or every problem found (never only the first).
std::variant<InformatiepuntenParameters, std::vector<InvalidParam>> parse_informatiepunten_parameters(const QueryPairs& query);
std::variant<GemeentenParameters, std::vector<InvalidParam>> parse_gemeenten_parameters(const QueryPairs& query);

}  // namespace ido::service
