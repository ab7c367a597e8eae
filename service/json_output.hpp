#pragma once
#include "geo/coordinates.hpp"
#include "geo/location.hpp"
#include "geo/municipality_index.hpp"

#include <optional>
#include <string>

namespace ido::service {

/// A GeoJSON Point in CRS84: [lon, lat], 8 decimals (about 1 mm).
std::string point_json(geo::Wgs84 position);

/// One help point as the API shows it: its public fields, `geometrie`, and `afstand` (metres, one
/// decimal) when the request had a position. `extra_members` (e.g. `"status":{...}`) is appended as is.
std::string location_json(const geo::Location& location, std::optional<double> distance_m,
                          const std::string& extra_members = {});

/// One municipality: code, name, province, population and its number of help points.
std::string municipality_json(const geo::Municipality& municipality, std::size_t help_points);

/// JSON string literal (quoted, escaped) for a value.
std::string json_string(std::string_view value);

}  // namespace ido::service
