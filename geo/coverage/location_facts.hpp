#pragma once
/// @file
/// The few record fields the coverage analysis needs that geo::Location does not type: where a record
/// comes from (`herkomst.soort`), when it was last checked, and per help desk whether it works by
/// appointment. Read once per snapshot from the location's JSON.

#include "geo/location.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ido::coverage {

/// Typed facts of one help point for the coverage analysis.
struct LocationFacts {
    std::string soort;                               ///< `herkomst.soort`; empty when absent
    std::optional<std::string> laatst_gecontroleerd; ///< `laatstGecontroleerd` (YYYY-MM-DD) when set
    /// Per help desk, in the order of Location::spreekuur_schedules: its `opAfspraak` (nullopt = unknown).
    std::vector<std::optional<bool>> spreekuur_op_afspraak;
};

/// Reads the facts from `location.properties_json`. Fields that are missing or of another type are left
/// empty (the store's validator already refused malformed records; this never throws on them).
LocationFacts location_facts(const geo::Location& location);

}  // namespace ido::coverage
