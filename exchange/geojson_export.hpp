#pragma once
// Export of help points as GeoJSON.
#include "store/store.hpp"

#include <string>
#include <vector>

namespace ido::exchange {

/// All given help points as a GeoJSON FeatureCollection in the shape of data/informatiepunten.geojson
/// (one feature per line, coordinates [lon, lat] in the shortest form that reads back exactly).
std::string export_geojson(const std::vector<store::StoredLocation>& locations);

}  // namespace ido::exchange
