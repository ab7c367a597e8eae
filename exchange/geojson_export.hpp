#pragma once
// Export of help points as GeoJSON.
#include "store/store.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ido::exchange {

/// All given help points as a GeoJSON FeatureCollection in the shape of data/informatiepunten.geojson
/// (one feature per line, coordinates [lon, lat] in the shortest form that reads back exactly). Each
/// feature carries the record's version as a foreign member `versie`, the collection the export moment
/// as `geexporteerd` (left out when empty), for a full-list import's conflict check (export_marks.hpp).
std::string export_geojson(const std::vector<store::StoredLocation>& locations, std::string_view geexporteerd = {});

}  // namespace ido::exchange
