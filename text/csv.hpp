#pragma once
// RFC 4180 CSV, the one reader and the one writer of the project: the import and export of help points
// and the geocoder's derived data files. Quoted fields may hold commas, line breaks and doubled quotes
// (""); a record ends at CRLF, LF or CR. The reader does not guess dialects.
//
// Formula neutralisation (OWASP "CSV injection"): a spreadsheet executes a cell that starts with '=',
// '+', '-', '@', a tab or a carriage return. The writer puts a "'" before such a cell, and before a cell
// of one or more "'" followed by such a character ("'=x" is written "''=x"), so that the rule can be
// undone: restore_formula(neutralise_formula(s)) == s for every s, and an exported file imports back
// unchanged. Other cells, "'s-Gravenhage" among them, are written as they are.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ido::text {

/// The byte order mark the writer puts first, so that Excel reads the file as UTF-8.
inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

/// One record of a CSV text.
struct CsvRecord {
    std::size_t row = 0;             ///< the record number as a spreadsheet shows it (1 = the header)
    std::vector<std::string> cells;
    bool malformed = false;          ///< a quote where RFC 4180 allows none ("a"b, or a"b)
};

/// What to do with neutralised formulas while reading.
enum class CsvCells {
    as_written,        ///< every cell exactly as in the file
    restore_formulas,  ///< undo neutralise_formula (for files this project exported)
};

/// All records of a CSV text; a leading byte order mark is skipped.
struct CsvRecords {
    std::vector<CsvRecord> records;
    /// Set when a quoted field is never closed: the record where it starts. The records from that one on
    /// are not returned.
    std::optional<std::size_t> unclosed_row;
};
CsvRecords parse_csv(std::string_view text, CsvCells cells = CsvCells::as_written);

/// The spreadsheet-safe form of a cell (see the top of this file).
std::string neutralise_formula(std::string_view cell);
/// The inverse of neutralise_formula: drops one leading "'" when the cell, after its leading "'"s,
/// starts with a trigger.
std::string_view restore_formula(std::string_view cell);

/// Writes CSV as the export does: the byte order mark, then records ending in CRLF, fields quoted
/// (RFC 4180) when they hold a comma, a quote or a line break, formulas neutralised.
class CsvWriter {
public:
    CsvWriter();
    void row(const std::vector<std::string>& cells);
    const std::string& text() const { return out_; }

private:
    std::string out_;
};

/// A parsed CSV file with a header row, for data files: every row has the header's number of fields.
class CsvTable {
public:
    /// Parses @p text. Returns std::nullopt when a quoted field is never closed, a quote stands where
    /// RFC 4180 allows none, or a row has a different number of fields than the header (the message
    /// says which record).
    static std::optional<CsvTable> parse(std::string_view text, std::string* error = nullptr);

    /// Reads and parses a file; std::nullopt with @p error set when it cannot be read or parsed.
    static std::optional<CsvTable> read_file(const std::filesystem::path& path, std::string* error = nullptr);

    /// Index of the column named @p name, or std::nullopt.
    std::optional<std::size_t> column(std::string_view name) const;

    const std::vector<std::string>& header() const { return header_; }
    const std::vector<std::vector<std::string>>& rows() const { return rows_; }

private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace ido::text
