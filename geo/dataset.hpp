#pragma once
#include "geo/location.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ido::geo {

/// One feature of a help-point GeoJSON file: its id, its properties as JSON text, its position.
struct Feature {
    std::string id;
    std::string properties_json;
    Wgs84 position;
};

/// Reads and validates every feature of a help-point GeoJSON file (each record as make_location would
/// build it), sorted by id. Throws std::runtime_error naming the feature and the problem.
std::vector<Feature> read_features(const std::filesystem::path& geojson);

/// Builds a Location from its properties (a JSON object as stored) and position. Throws
/// std::runtime_error when a required field is missing or an opening-hours expression is invalid.
Location make_location(std::string_view properties_json, Wgs84 position, std::int64_t version);

/// Reads the help points from a GeoJSON FeatureCollection of Points (the seed set
/// `data/informatiepunten.geojson`, or an export of the same shape), sorted by id.
/// Throws std::runtime_error naming the feature and the field when the file is not of that shape: it runs
/// at start-up, where refusing to start beats serving half a dataset.
std::vector<Location> load_locations(const std::filesystem::path& geojson);

/// Whether a WGS84 position lies in the box around the Netherlands (land, territorial waters and a
/// margin for border towns): 50.6-53.8 N, 3.1-7.4 E. Not a border test; it keeps queries and imports
/// from the other side of the world out of a national service.
bool near_netherlands(Wgs84 position);

}  // namespace ido::geo
