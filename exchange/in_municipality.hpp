#pragma once
// The selection behind an export per municipality.
#include "store/store.hpp"

#include <string_view>
#include <vector>

namespace ido::exchange {

/// The help points of one municipality (`gemeentecode` of the record), for an export per municipality.
std::vector<store::StoredLocation> in_municipality(const std::vector<store::StoredLocation>& locations, std::string_view gemeentecode);

}  // namespace ido::exchange
