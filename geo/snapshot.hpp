#pragma once
#include "geo/location.hpp"
#include "geo/location_index.hpp"
#include "geo/municipality_index.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ido::geo {

/// One immutable, consistent view of all help points and their indexes. Requests hold a
/// `std::shared_ptr<const Snapshot>` for their whole lifetime; an update builds a new snapshot and the
/// Locator swaps it in, so readers never wait and never see half an update.
class Snapshot {
public:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    Snapshot(std::vector<Location> locations, std::shared_ptr<const MunicipalityIndex> municipalities);

    const std::vector<Location>& locations() const { return locations_; }
    const MunicipalityIndex& municipalities() const { return *municipalities_; }
    const LocationIndex& index() const { return index_; }

    /// Location by id, nullptr when unknown.
    const Location* find(std::string_view id) const;
    /// Index (into locations()) of the first location whose id is greater than `id`; for paging by id.
    std::size_t first_after(std::string_view id) const;
    /// Locations that lie inside municipality `municipality` (index into municipalities().all()),
    /// ascending by id. Computed once at build from the positions (point in polygon).
    const std::vector<std::size_t>& locations_in(std::size_t municipality) const { return by_municipality_[municipality]; }
    /// Municipality (index) whose polygon contains location `location`; npos if none.
    std::size_t municipality_of(std::size_t location) const { return municipality_of_[location]; }

private:
    std::vector<Location> locations_;   // sorted by id
    std::shared_ptr<const MunicipalityIndex> municipalities_;
    LocationIndex index_;
    std::unordered_map<std::string_view, std::size_t> by_id_;  // views into locations_[i].id
    std::vector<std::vector<std::size_t>> by_municipality_;
    std::vector<std::size_t> municipality_of_;
};

}  // namespace ido::geo
