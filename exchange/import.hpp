#pragma once
// Reading an import file of help points: CSV (one row per help point, for spreadsheets; columns in
// docs/import-export.md) or GeoJSON (the shape of data/informatiepunten.geojson). Validation reports
// every problem of every row instead of stopping at the first; nothing here writes to the store
// (plan.hpp says what an import would change).
#include "geo/municipality_index.hpp"
#include "store/store.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ido::exchange {

enum class ImportFormat { csv, geojson };

/// Codes of problems with a file as a whole or with its CSV structure (field-level codes:
/// record/problem_codes.hpp).
namespace file_codes {
inline constexpr std::string_view geen_utf8 = "geen-utf8";
inline constexpr std::string_view ongeldige_csv = "ongeldige-csv";
inline constexpr std::string_view leeg_bestand = "leeg-bestand";
inline constexpr std::string_view geen_kopregel = "geen-kopregel";
inline constexpr std::string_view verkeerd_scheidingsteken = "verkeerd-scheidingsteken";
inline constexpr std::string_view onbekende_kolom = "onbekende-kolom";
inline constexpr std::string_view dubbele_kolom = "dubbele-kolom";
inline constexpr std::string_view ontbrekende_kolom = "ontbrekende-kolom";
}  // namespace file_codes

/// The format a file name says (".csv", ".geojson" or ".json", any case), or nullopt.
std::optional<ImportFormat> import_format_for(const std::filesystem::path& file);

/// The CSV columns in the order export_csv writes them. On import only id, naam, lat and lon are
/// required; a column that is left out leaves that field of an existing help point alone. The last two,
/// `versie` and `geexporteerd`, are the export's marks (export_marks.hpp), not fields of the record.
const std::vector<std::string>& csv_columns();

/// One problem of an import file.
struct ImportProblem {
    std::size_t row = 0;   ///< CSV: the row as a spreadsheet numbers it (header = 1); GeoJSON: feature number from 1; 0 = the whole file
    std::string field;     ///< CSV: the column ("lat", "spreekuren_json"); GeoJSON: the property path ("spreekuren/0/openingstijden"); empty = the whole row
    std::string code;      ///< stable code, e.g. "ongeldige-openingstijden"; tests assert these
    std::string message;   ///< plain Dutch, for the person who fixes the file
};

/// One valid record of an import file, as it would be stored when new.
struct ImportRecord {
    std::size_t row = 0;
    store::StoredLocation location;   ///< version 0
    /// CSV only: property paths ("organisatie", "adres/straat") whose cell was empty, and those whose
    /// column the file does not have. plan_import uses them so that an empty cell does not turn a stored
    /// "" into null (or back), and a missing column leaves the stored value alone.
    std::vector<std::string> blank;
    std::vector<std::string> absent;
    /// The record's version when it was exported (CSV column `versie`, GeoJSON feature member `versie`);
    /// nullopt in a file without it. A full-list import uses it to see changes made since the export.
    std::optional<std::int64_t> versie;
};

struct ImportReport {
    ImportFormat format = ImportFormat::csv;
    std::size_t rows = 0;                 ///< data rows or features read
    std::vector<ImportRecord> records;    ///< the records without problems, in file order
    std::vector<ImportProblem> problems;  ///< every problem, in file order
    /// When the file was exported (CSV column `geexporteerd`, the earliest of the rows; GeoJSON member
    /// `geexporteerd` of the collection); nullopt in a file without it (export_marks.hpp).
    std::optional<std::string> geexporteerd;
    bool ok() const { return problems.empty(); }
};

/// Called while validating: rows done so far, and the total.
using ImportProgress = std::function<void(std::size_t done, std::size_t total)>;

/// Reads and validates an import file (format from its extension; see import_format_for). Checks the
/// encoding (UTF-8), the CSV header, every field of every row, duplicate ids, positions (in the
/// Netherlands, inside the municipality named by `gemeentecode`; an empty gemeentecode is filled from the
/// position), service codes, opening hours (with the position of the error) and dates.
ImportReport validate_import(const std::filesystem::path& file, const geo::MunicipalityIndex& municipalities,
                             const ImportProgress& progress = {});
/// The same for content already in memory (an upload).
ImportReport validate_import_text(std::string_view content, ImportFormat format, const geo::MunicipalityIndex& municipalities,
                                  const ImportProgress& progress = {});

}  // namespace ido::exchange
