#include "exchange/import.hpp"

#include "exchange/csv_import.hpp"
#include "exchange/geojson_import.hpp"
#include "exchange/json_access.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ido::exchange {
namespace {

// Refuses content that is not UTF-8, naming the lines; returns false when there were problems.
bool check_encoding(std::string_view content, std::vector<ImportProblem>& problems) {
    if (content.starts_with("\xFF\xFE") || content.starts_with("\xFE\xFF")) {
        problems.push_back({0, "", std::string(file_codes::geen_utf8), "Het bestand is UTF-16. Sla het op als UTF-8 (in Excel: CSV UTF-8)."});
        return false;
    }
    const auto bad = text::invalid_utf8_offsets(content, 20);
    if (bad.empty()) return true;
    std::size_t line = 1, at = 0, last_line = 0;
    for (std::size_t offset : bad) {
        line += static_cast<std::size_t>(std::count(content.begin() + static_cast<std::ptrdiff_t>(at), content.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
        at = offset;
        if (line == last_line) continue;
        last_line = line;
        problems.push_back({line, "", std::string(file_codes::geen_utf8),
                            "Regel " + std::to_string(line) + " is geen UTF-8 (waarschijnlijk Windows-1252 of Latin-1). "
                            "Sla het bestand op als UTF-8 (in Excel: CSV UTF-8)."});
    }
    return false;
}

}  // namespace

std::optional<ImportFormat> import_format_for(const std::filesystem::path& file) {
    const std::string extension = lower(file.extension().string());
    if (extension == ".csv") return ImportFormat::csv;
    if (extension == ".geojson" || extension == ".json") return ImportFormat::geojson;
    return std::nullopt;
}

ImportReport validate_import_text(std::string_view content, ImportFormat format, const geo::MunicipalityIndex& municipalities,
                                  const ImportProgress& progress) {
    ImportReport report;
    report.format = format;
    if (!check_encoding(content, report.problems)) return report;
    if (format == ImportFormat::csv) read_csv(content, municipalities, progress, report);
    else read_geojson(content, municipalities, progress, report);
    return report;
}

ImportReport validate_import(const std::filesystem::path& file, const geo::MunicipalityIndex& municipalities, const ImportProgress& progress) {
    const auto format = import_format_for(file);
    if (!format) throw std::invalid_argument("unknown file type (use .csv or .geojson): " + file.string());
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    return validate_import_text(text.str(), *format, municipalities, progress);
}

}  // namespace ido::exchange
