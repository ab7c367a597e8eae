#pragma once
// The report's tables as files: an XLSX workbook (Debian's libxlsxwriter) with one sheet per table, and
// one table as CSV (text/csv.hpp: RFC 4180, byte order mark, formulas neutralised).
#include "service/render/report_tables.hpp"

#include <string>
#include <vector>

namespace ido::service {

/// The workbook's bytes: per table a sheet with a bold header row, numbers as numbers, column widths
/// from the longest cell. Throws std::runtime_error when libxlsxwriter fails (a full temporary disk).
std::string report_xlsx(const std::vector<ReportTable>& tables);
/// One table as CSV, header first; numbers in their shortest exact text with a decimal point.
std::string report_csv(const ReportTable& table);

}  // namespace ido::service
