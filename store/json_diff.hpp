#pragma once
#include "geo/coordinates.hpp"

#include <string>
#include <vector>

namespace ido::store {

/// One changed top-level field, with the old and new values as JSON text ("null" when absent).
struct FieldChange {
    std::string field;
    std::string old_json;
    std::string new_json;
};

/// The top-level fields that differ between two JSON objects (in the order of the new object, then
/// removed ones), plus "geometrie" when the position moved. What the audit log records for an update.
std::vector<FieldChange> changed_fields(const std::string& old_properties, const std::string& new_properties,
                                        geo::Wgs84 old_position, geo::Wgs84 new_position);

}  // namespace ido::store
