#pragma once
// A full-list import (`import --volledige-lijst`, POST /v1/gemeenten/{gemeentecode}/volledige-lijst):
// the file is the complete list of the municipalities it covers, so the records of those municipalities
// that it lacks are removed. What it would add, change and remove, and what it must not touch because
// the record changed in the store since the file was exported (a conflict), is planned here; writing is
// Store::replace_list, in one transaction.
#include "exchange/import.hpp"
#include "store/store.hpp"

#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ido::exchange {

/// Problem code of a row that lies outside the municipalities the list is for.
inline constexpr std::string_view buiten_de_lijst = "buiten-de-lijst";

/// A help point the plan names: its id and name, for the report.
struct ListEntry {
    std::string id;
    std::string naam;
};

/// A record the file may not overwrite or remove: it changed in the store since the export.
struct ListConflict {
    std::string id;
    std::string naam;
    std::string reden;  ///< plain Dutch
};

struct FullListPlan {
    std::set<std::string> gemeenten;          ///< the municipalities the list is complete for
    std::vector<ListEntry> toegevoegd, gewijzigd, verwijderd;
    std::size_t ongewijzigd = 0;
    std::vector<ListConflict> conflicten;
    std::vector<ImportProblem> problems;      ///< rows outside the scope, and what plan_import finds
    std::size_t zonder_versie = 0;            ///< rows without `versie`: not checked for conflicts
    bool zonder_exportmoment = false;         ///< no `geexporteerd`: removals not checked for conflicts
    /// For Store::replace_list: empty when there are problems or conflicts.
    std::vector<store::ListWrite> writes;
    std::vector<store::ListRemoval> removals;
    bool ok() const { return problems.empty() && conflicten.empty(); }
};

/// The audit log of one help point (Store::history), to see changes after the export moment.
using HistoryLookup = std::function<std::vector<store::AuditEntry>(std::string_view id)>;

/// Plans a full-list import of a validated file (report.ok()) against the current records
/// (Store::locations()). `gemeenten` names the municipalities the list is complete for; empty takes
/// those of the file's rows (their `gemeentecode`, as the import filled it from the position), and a row
/// outside named municipalities is a problem. A record the file would change is a conflict when its
/// stored version differs from the row's `versie`; a record it would remove is a conflict when the audit
/// log shows a change at or after the file's `geexporteerd` (the same second counts: better a conflict
/// too many than a change lost); a row whose record was removed since the export is a conflict too.
FullListPlan plan_full_list(const ImportReport& report, const std::vector<store::StoredLocation>& current,
                            const std::vector<std::string>& gemeenten, const HistoryLookup& history);

}  // namespace ido::exchange
