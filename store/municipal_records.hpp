#pragma once
// What both stores share for the municipal data: the JSON text of a partner and of a financing figure
// (as the audit log keeps them) and the per-field changes of a partner, so that the SQLite and the
// PostgreSQL store write the same audit entries.
#include "store/json_diff.hpp"
#include "store/store.hpp"

#include <string>
#include <vector>

namespace ido::store {

/// The partner's texts as a JSON object in API field order (empty texts as null), without id and versie.
std::string partner_json(const Partner& partner);
/// The fields whose text differs between two versions of a partner, in API field order.
std::vector<FieldChange> partner_changes(const Partner& old_partner, const Partner& new_partner);
/// {"bedrag": ..., "bron": ...} of a financing figure.
std::string financing_json(const Financing& financing);

}  // namespace ido::store
