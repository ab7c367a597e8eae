#pragma once
// Export of help points as CSV, one row per help point, for spreadsheets.
#include "store/store.hpp"

#include <string>
#include <vector>

namespace ido::exchange {

/// All given help points as CSV (UTF-8 with a byte order mark, CRLF, RFC 4180 quoting, formulas
/// neutralised as text/csv.hpp says), header first; the columns are csv_columns().
std::string export_csv(const std::vector<store::StoredLocation>& locations);

}  // namespace ido::exchange
