// Fuzzes the import file parsers of `ido-vinder import` (exchange/csv_import.cpp, geojson_import.cpp):
// validate_import_text (encoding, CSV structure and header, every field of every row, duplicate ids,
// positions inside the municipality, services, opening hours, dates) and plan_import against the
// shipped help points (the merge of a CSV row into a stored record, the loadability check after it).
// The full-list import (`--volledige-lijst`) reuses both.
//
// Input layout: the first byte picks the format (bit 0: 0 CSV, 1 GeoJSON), the rest is the file.
// The municipalities and the current records (the shipped data/informatiepunten.geojson, read through
// the same GeoJSON importer) are loaded once.
//
// Checks besides ASan/UBSan:
// - every problem has a code and a message, and a row within the file (0 = the file as a whole);
// - a file without problems gave a record for every row; records come in file order, with distinct
//   valid ids, and what would be stored is a JSON object with a text `naam`;
// - the plan writes exactly its new and changed records;
// - an import is idempotent: planning the same file again over the records as the first plan would
//   leave them changes nothing (no new, no changed record, no new problem).
#include "exchange/import.hpp"
#include "exchange/plan.hpp"
#include "fuzz/fuzz_data.hpp"
#include "geo/municipality_index.hpp"
#include "record/validate.hpp"
#include "store/store.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

using namespace ido;

struct Fixture {
    std::shared_ptr<const geo::MunicipalityIndex> municipalities;
    std::vector<store::StoredLocation> current;
};

const Fixture& fixture() {
    static const Fixture instance = [] {
        Fixture f;
        f.municipalities = geo::MunicipalityIndex::load(fuzz::data_dir() / "gemeenten.geojson");
        auto shipped = exchange::validate_import(fuzz::data_dir() / "informatiepunten.geojson", *f.municipalities);
        if (shipped.records.empty()) std::abort();
        for (auto& r : shipped.records) {
            r.location.version = 1;
            f.current.push_back(std::move(r.location));
        }
        return f;
    }();
    return instance;
}

bool is_text_naam_object(const std::string& json) {
    rapidjson::Document doc;
    doc.Parse(json.c_str(), json.size());
    return !doc.HasParseError() && doc.IsObject() && doc.HasMember("naam") && doc["naam"].IsString();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)fixture();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto& f = fixture();
    const auto format = (data[0] & 1) ? exchange::ImportFormat::geojson : exchange::ImportFormat::csv;
    const std::string_view content(reinterpret_cast<const char*>(data + 1), size - 1);
    const auto report = exchange::validate_import_text(content, format, *f.municipalities);

    // CSV numbers rows as a spreadsheet does (the header is row 1), GeoJSON features from 1; a file that
    // is not UTF-8 names the line of its first bad byte. Either way no row lies beyond the file's lines
    // (a bare CR ends a line too, as in a spreadsheet: counting every CR and LF is an upper bound).
    const std::size_t last_row = format == exchange::ImportFormat::csv ? report.rows + 1 : report.rows;
    const auto breaks = std::count_if(content.begin(), content.end(), [](char c) { return c == '\n' || c == '\r'; });
    const std::size_t lines = static_cast<std::size_t>(breaks) + 1;
    for (const auto& p : report.problems)
        if (p.code.empty() || p.message.empty() || p.row > std::max(last_row, lines)) std::abort();
    if (report.records.size() > report.rows) std::abort();
    if (report.ok() && report.records.size() != report.rows) std::abort();
    std::set<std::string> ids;
    std::size_t previous_row = 0;
    for (const auto& r : report.records) {
        // (Bound by the lines, not rows + 1: with bare CRs the rows are numbered by lines; see fuzz/README.md.)
        if (r.row <= previous_row || r.row > std::max(last_row, lines)) std::abort();
        previous_row = r.row;
        if (!record::is_id(r.location.id) || !ids.insert(r.location.id).second) std::abort();
        if (!is_text_naam_object(r.location.properties_json)) std::abort();
    }

    const auto plan = exchange::plan_import(report, f.current);
    if (plan.writes.size() != plan.nieuw + plan.gewijzigd) std::abort();
    if (plan.nieuw + plan.gewijzigd + plan.ongewijzigd > report.records.size()) std::abort();
    for (const auto& w : plan.writes)
        if (!is_text_naam_object(w.properties_json)) std::abort();

    // The records as they would be after this import: written ones replaced, the others as stored.
    std::unordered_map<std::string, const store::StoredLocation*> after;
    for (const auto& l : f.current)
        if (ids.count(l.id)) after[l.id] = &l;
    for (const auto& w : plan.writes) after[w.id] = &w;
    std::vector<store::StoredLocation> stored_after;
    for (const auto& [id, l] : after) stored_after.push_back(*l);
    const auto again = exchange::plan_import(report, stored_after);
    if (again.nieuw != 0 || again.gewijzigd != 0 || again.problems.size() > plan.problems.size()) std::abort();
    return 0;
}
