#pragma once
#include "geo/coordinates.hpp"
#include "geo/location_filter.hpp"
#include "service/endpoints/crs.hpp"
#include "service/http/http_types.hpp"
#include "service/render/problem.hpp"

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace ido::service {

using QueryPairs = std::vector<std::pair<std::string, std::string>>;

/// GET /v1/informatiepunten. With an origin (lat+lon, `zoek` or `postcode`): the nearest matching help
/// points, nearest first, paged by `offset`. Without: all matching help points by id, paged by `na`.
struct InformatiepuntenParameters {
    std::optional<geo::Wgs84> origin;         ///< lat + lon
    std::optional<std::string> zoek;          ///< free text for the geocoder
    std::optional<std::string> postcode;      ///< "3511" or "3511 AB", for the geocoder
    std::size_t limit = 10;                   ///< with an origin 1..100 (default 10); without 1..1000 (default 100)
    std::size_t offset = 0;                   ///< with an origin: results to skip (0..1000)
    std::optional<std::string> after;         ///< without an origin: `na`, the last id of the previous page
    std::optional<double> max_afstand_m;      ///< with an origin: only within this many metres
    std::vector<std::string> diensten;        ///< every one of these services must be offered
    std::optional<bool> op_afspraak;          ///< true: help by appointment offered; false: never by appointment
    std::optional<bool> inloop;               ///< true: walk-in possible; false: no walk-in
    bool zonder_voorbeelden = false;          ///< `zonderVoorbeelden=true`: without the generated examples
    std::optional<std::string> gemeente;      ///< only help points in this municipality (GM code)
    bool open_nu = false;                     ///< only help points open at `tijdstip`
    std::optional<std::chrono::sys_seconds> open_op;   ///< only help points open at this instant
    std::optional<std::chrono::sys_seconds> tijdstip;  ///< the instant for `status` (default: now)
    std::optional<Bbox> bbox;                 ///< only help points inside (`bbox`, `bbox-crs`)
    Crs crs = Crs::crs84;                     ///< output CRS (`crs`, or the `Accept-Crs` header)

    bool has_origin() const { return origin || zoek || postcode; }
};

/// The query facade's filter of these parameters (geo/query.hpp). `municipality` is `gemeente` resolved
/// to its index (the endpoint answers an unknown code itself), `at` the instant of the answer (`openNu`).
geo::LocationFilter location_filter(const InformatiepuntenParameters& params, std::optional<std::size_t> municipality,
                                    std::chrono::sys_seconds at);

/// GET /v1/gemeenten: all municipalities, or the one containing lat + lon.
struct GemeentenParameters {
    std::optional<geo::Wgs84> point;
};

/// The query of a single help point or of a municipality's help points: `tijdstip` and `crs`.
struct LocationViewParameters {
    std::optional<std::chrono::sys_seconds> tijdstip;
    Crs crs = Crs::crs84;
};

/// GET /v1/zoeksuggesties
struct ZoeksuggestiesParameters {
    std::string q;
    std::size_t limit = 10;
    Crs crs = Crs::crs84;
};

class QueryParams;
/// An RFC 3339 instant with a zone from parameter `name`; a problem is recorded when it is malformed.
std::optional<std::chrono::sys_seconds> instant_parameter(QueryParams& query, std::string_view name);
/// The current time, to the second.
std::chrono::sys_seconds now();

/// The query names each parser below accepts (every other name is a problem), as data, so a test can
/// hold them against the parameters service/openapi.json documents. `undocumented_aliases` are accepted
/// spellings the document leaves out on purpose: `bbox-crs`, the OGC name, documented as `bboxCrs`.
inline constexpr std::array<std::string_view, 20> informatiepunten_parameter_names{
    "lat",    "lon",     "zoek",   "postcode", "limit",    "offset", "na",  "maxAfstand", "dienst",  "opAfspraak",
    "inloop", "gemeente", "openNu", "openOp",   "tijdstip", "crs",    "bbox", "bbox-crs",  "bboxCrs", "zonderVoorbeelden"};
inline constexpr std::array<std::string_view, 2> gemeenten_parameter_names{"lat", "lon"};
inline constexpr std::array<std::string_view, 3> zoeksuggesties_parameter_names{"q", "limit", "crs"};
/// parse_location_view_parameters with and without `tijdstip`.
inline constexpr std::array<std::string_view, 2> location_view_parameter_names{"tijdstip", "crs"};
inline constexpr std::array<std::string_view, 0> no_parameter_names{};
inline constexpr std::array<std::string_view, 1> undocumented_aliases{"bbox-crs"};

/// Parses and validates; returns the parameters, or every problem found (never only the first).
/// The request's headers matter for `Accept-Crs`.
std::variant<InformatiepuntenParameters, std::vector<InvalidParam>> parse_informatiepunten_parameters(const HttpRequest& request);
std::variant<GemeentenParameters, std::vector<InvalidParam>> parse_gemeenten_parameters(const HttpRequest& request);
std::variant<ZoeksuggestiesParameters, std::vector<InvalidParam>> parse_zoeksuggesties_parameters(const HttpRequest& request);
/// `with_tijdstip`: whether the view shows opening status (so `tijdstip` is accepted).
std::variant<LocationViewParameters, std::vector<InvalidParam>> parse_location_view_parameters(const HttpRequest& request,
                                                                                               bool with_tijdstip);

}  // namespace ido::service
