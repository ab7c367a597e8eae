#pragma once
// Import and export of help points: CSV (one row per help point, for spreadsheets; columns in
// docs/import-export.md) and GeoJSON (the shape of data/informatiepunten.geojson). Validation reports
// every problem of every row instead of stopping at the first; nothing here writes to the store.
#include "geo/coordinates.hpp"
#include "geo/municipality_index.hpp"
#include "store/store.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ido::service {

enum class ImportFormat { csv, geojson };

/// The format a file name says (".csv", ".geojson" or ".json", any case), or nullopt.
std::optional<ImportFormat> import_format_for(const std::filesystem::path& file);

/// The CSV columns in the order export_csv writes them. On import only id, naam, lat and lon are
/// required; a column that is left out leaves that field of an existing help point alone.
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
};

struct ImportReport {
    ImportFormat format = ImportFormat::csv;
    std::size_t rows = 0;                 ///< data rows or features read
    std::vector<ImportRecord> records;    ///< the records without problems, in file order
    std::vector<ImportProblem> problems;  ///< every problem, in file order
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

/// What an import would do to the store.
struct ImportPlan {
    std::vector<store::StoredLocation> writes;   ///< new and changed records, ready for Store::upsert_all
    std::size_t nieuw = 0;
    std::size_t gewijzigd = 0;
    std::size_t ongewijzigd = 0;
    std::vector<ImportProblem> problems;         ///< conflicts only visible against the stored records
};

/// Compares the report's records with the current ones (Store::locations()): a CSV row is merged into
/// the stored record (columns the file lacks stay as stored, see ImportRecord::blank); a GeoJSON feature
/// replaces it. Unchanged records are not in `writes`. A removed id counts as new (the import restores it).
ImportPlan plan_import(const ImportReport& report, const std::vector<store::StoredLocation>& current);

/// All given help points as CSV (UTF-8 with a byte order mark, CRLF, RFC 4180 quoting), header first.
std::string export_csv(const std::vector<store::StoredLocation>& locations);
/// All given help points as a GeoJSON FeatureCollection in the shape of data/informatiepunten.geojson
/// (one feature per line, coordinates [lon, lat] in the shortest form that reads back exactly).
std::string export_geojson(const std::vector<store::StoredLocation>& locations);
/// The help points of one municipality (`gemeentecode` of the record), for an export per municipality.
std::vector<store::StoredLocation> in_municipality(const std::vector<store::StoredLocation>& locations, std::string_view gemeentecode);

}  // namespace ido::service
