#pragma once
// Reading the rows of a CSV import file: the header, then one help point per row, built into a record
// as stored and validated.
#include "exchange/import.hpp"
#include "geo/municipality_index.hpp"

#include <string_view>

namespace ido::exchange {

/// Validates every row of `content` (already known to be UTF-8) into `report`.
void read_csv(std::string_view content, const geo::MunicipalityIndex& municipalities, const ImportProgress& progress, ImportReport& report);

}  // namespace ido::exchange
