#pragma once
#include "geo/coordinates.hpp"
#include "geo/location.hpp"
#include "geo/municipality_index.hpp"
#include "service/crs.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <chrono>
#include <optional>
#include <string>

namespace ido::service {

/// A GeoJSON Point in `crs`: CRS84 [lon, lat] to 8 decimals, or RD New [x, y] to the millimetre.
std::string point_json(geo::Wgs84 position, Crs crs = Crs::crs84);

/// One help point as the API shows it: its public fields, `geometrie`, and `afstand` (metres, one
/// decimal) when the request had a position. `extra_members` (e.g. `"status":{...}`) is appended as is.
std::string location_json(const geo::Location& location, std::optional<double> distance_m,
                          const std::string& extra_members = {}, Crs crs = Crs::crs84);

/// The computed opening members of a location at instant `at`, ready to pass as `extra_members`:
/// `"status":{code, openTot, volgendeOpening, opmerking, peilmoment}` and `"komendeSpreekuren":[...]`, the
/// slots of every help desk in the 14 days from `at`, in order (times as Europe/Amsterdam RFC 3339).
std::string opening_members_json(const geo::Location& location, std::chrono::sys_seconds at);

/// One municipality as a JSON object into an open writer (so a list needs no buffer per item).
void write_municipality(rapidjson::Writer<rapidjson::StringBuffer>& w, const geo::Municipality& municipality, std::size_t help_points);

/// One municipality: code, name, province, population and its number of help points.
std::string municipality_json(const geo::Municipality& municipality, std::size_t help_points);

/// JSON string literal (quoted, escaped) for a value.
std::string json_string(std::string_view value);

}  // namespace ido::service
