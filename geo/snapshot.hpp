#pragma once
#include "geo/location.hpp"
#include "geo/location_index.hpp"
#include "geo/municipality_index.hpp"

#include <concepts>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ido::geo {

class Snapshot;

/// Something a layer above derives from one snapshot and keeps for as long as that snapshot lives, such
/// as the service's rendered answers. Because it hangs on the snapshot, it can never be served with another
/// snapshot's data: a write builds a new snapshot, which starts without one. See Snapshot::extension().
class SnapshotExtension {
public:
    virtual ~SnapshotExtension() = default;
};

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
    /// The same tree over the positions in CRS84 degrees (x = lon, y = lat), for boxes only
    /// (LocationIndex::within_box): its distances would be meaningless. A lon/lat box then needs no
    /// reprojection, whose image in RD would be no rectangle.
    const LocationIndex& lon_lat_index() const { return lon_lat_index_; }

    /// Location by id, nullptr when unknown.
    const Location* find(std::string_view id) const;
    /// Index (into locations()) of the first location whose id is greater than `id`; for paging by id.
    std::size_t first_after(std::string_view id) const;
    /// Locations that lie inside municipality `municipality` (index into municipalities().all()),
    /// ascending by id. Computed once at build from the positions (point in polygon).
    const std::vector<std::size_t>& locations_in(std::size_t municipality) const { return by_municipality_[municipality]; }
    /// Municipality (index) whose polygon contains location `location`; npos if none.
    std::size_t municipality_of(std::size_t location) const { return municipality_of_[location]; }
    /// Index into locations() of a location of this snapshot.
    std::size_t index_of(const Location& location) const { return static_cast<std::size_t>(&location - locations_.data()); }

    /// The extension of type T of this snapshot, constructed as T(*this) on the first call (thread-safe,
    /// once) and destroyed with the snapshot. T must be thread-safe itself: every reader shares it. One
    /// extension type per program (the service's); asking for another type is a programming error.
    template <class T>
        requires std::derived_from<T, SnapshotExtension> && std::constructible_from<T, const Snapshot&>
    T& extension() const {
        std::call_once(extension_once_, [this] { extension_ = std::make_unique<T>(*this); });
        auto* typed = dynamic_cast<T*>(extension_.get());
        if (typed == nullptr) throw std::logic_error("Snapshot::extension: a second extension type");
        return *typed;
    }

private:
    std::vector<Location> locations_;   // sorted by id
    std::shared_ptr<const MunicipalityIndex> municipalities_;
    LocationIndex index_;
    LocationIndex lon_lat_index_;
    std::unordered_map<std::string_view, std::size_t> by_id_;  // views into locations_[i].id
    std::vector<std::vector<std::size_t>> by_municipality_;
    std::vector<std::size_t> municipality_of_;
    // Last, so it is destroyed first: it may refer to the members above.
    mutable std::once_flag extension_once_;
    mutable std::unique_ptr<SnapshotExtension> extension_;
};

}  // namespace ido::geo
