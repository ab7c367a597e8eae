#pragma once
// Export of help points as CSV, one row per help point, for spreadsheets.
#include "store/store.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ido::exchange {

/// All given help points as CSV (UTF-8 with a byte order mark, CRLF, RFC 4180 quoting, formulas
/// neutralised as text/csv.hpp says), header first; the columns are csv_columns(). Every row carries the
/// record's version and `geexporteerd` (the export moment, UTC to the second; empty leaves the cells
/// empty), so that a full-list import of the file can tell what changed since (export_marks.hpp).
std::string export_csv(const std::vector<store::StoredLocation>& locations, std::string_view geexporteerd = {});

}  // namespace ido::exchange
