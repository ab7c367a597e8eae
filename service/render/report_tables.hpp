#pragma once
// The tables of the report for the council (issue 13): locaties, openingstijden, diensten,
// bereikbaarheid and wijzigingen of one municipality, as rows of cells that are text or numbers. The
// XLSX and the CSV export render the same tables, so the two files never disagree.
#include "geo/coverage/coverage.hpp"
#include "geo/coverage/overview.hpp"
#include "store/store.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ido::service {

/// One cell: a number (written as a number in a spreadsheet) or text; empty text for "no value".
struct ReportCell {
    std::string text;
    std::optional<double> number;
};

struct ReportTable {
    std::string naam;                    ///< the sheet name and the CSV `tabel`
    std::vector<std::string> kolommen;   ///< the header row
    std::vector<std::vector<ReportCell>> rijen;
};

/// The tables in sheet order.
inline constexpr std::array<std::string_view, 5> report_table_names{"locaties", "openingstijden", "diensten", "bereikbaarheid", "wijzigingen"};

/// What the tables are made of; the store parts are empty when the service runs without a store.
struct ReportInput {
    const geo::Snapshot& snapshot;
    const coverage::MunicipalityOverview& overzicht;
    const coverage::MunicipalityCoverage& bereikbaarheid;   ///< with the default thresholds
    std::vector<store::QuarterFigures> kwartalen;           ///< oldest first
    std::vector<std::pair<std::string, store::AuditEntry>> wijzigingen;  ///< (help point name, entry), oldest first
};

/// All five tables.
std::vector<ReportTable> report_tables(const ReportInput& input);

/// A number's shortest text that reads back exactly (as the CSV writes it).
std::string number_text(double value);

}  // namespace ido::service
