#pragma once
// Reading the features of a GeoJSON import file (the shape of data/informatiepunten.geojson).
#include "exchange/import.hpp"
#include "geo/municipality_index.hpp"

#include <string_view>

namespace ido::exchange {

/// Validates every feature of `content` (already known to be UTF-8) into `report`.
void read_geojson(std::string_view content, const geo::MunicipalityIndex& municipalities, const ImportProgress& progress, ImportReport& report);

}  // namespace ido::exchange
