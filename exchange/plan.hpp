#pragma once
// Import planning: what a validated import file would change in the store.
#include "exchange/import.hpp"
#include "store/store.hpp"

#include <cstddef>
#include <vector>

namespace ido::exchange {

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

}  // namespace ido::exchange
