#pragma once
#include "geo/location.hpp"

#include <filesystem>
#include <vector>

namespace ido::geo {

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
