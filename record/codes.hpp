#pragma once
// The code lists of a help point record: the services (diensten), the kinds of origin (herkomst
// soorten) and the CBS municipality code. One home, so that the API, the import and the OpenAPI
// document cannot drift apart.
#include <string>
#include <string_view>
#include <vector>

namespace ido::record {

/// The service codes a help point or desk may list, in the order the API documents them.
const std::vector<std::string>& diensten();
/// Whether `code` is one of diensten().
bool is_dienst(std::string_view code);

/// Where a record comes from (`herkomst.soort`): the seed set's kinds, "beheer" (the write API) and
/// "import" (the import's default).
const std::vector<std::string>& herkomst_soorten();

/// A CBS municipality code: "GM" and four digits (GM0363).
bool is_gemeentecode(std::string_view text);

}  // namespace ido::record
