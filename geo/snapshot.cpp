#include "geo/snapshot.hpp"

#include <algorithm>

namespace ido::geo {
namespace {

std::vector<RdPoint> rd_points(const std::vector<Location>& locations) {
    std::vector<RdPoint> points;
    points.reserve(locations.size());
    for (const auto& location : locations) points.push_back(location.rd);
    return points;
}

std::vector<RdPoint> lon_lat_points(const std::vector<Location>& locations) {
    std::vector<RdPoint> points;
    points.reserve(locations.size());
    for (const auto& location : locations) points.push_back({location.position.lon, location.position.lat});
    return points;
}

std::vector<Location> sorted_by_id(std::vector<Location> locations) {
    std::sort(locations.begin(), locations.end(), [](const Location& a, const Location& b) { return a.id < b.id; });
    return locations;
}

}  // namespace

Snapshot::Snapshot(std::vector<Location> locations, std::shared_ptr<const MunicipalityIndex> municipalities)
    : locations_(sorted_by_id(std::move(locations))),
      municipalities_(std::move(municipalities)),
      index_(rd_points(locations_)),
      lon_lat_index_(lon_lat_points(locations_)),
      by_municipality_(municipalities_->all().size()),
      municipality_of_(locations_.size(), npos) {
    by_id_.reserve(locations_.size());
    for (std::size_t i = 0; i < locations_.size(); ++i) {
        by_id_.emplace(locations_[i].id, i);
        if (auto m = municipalities_->containing(locations_[i].position)) {
            municipality_of_[i] = *m;
            by_municipality_[*m].push_back(i);  // ascending, because i is
        }
    }
}

const Location* Snapshot::find(std::string_view id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &locations_[it->second];
}

std::size_t Snapshot::first_after(std::string_view id) const {
    auto it = std::upper_bound(locations_.begin(), locations_.end(), id,
                               [](std::string_view key, const Location& l) { return key < l.id; });
    return static_cast<std::size_t>(it - locations_.begin());
}

}  // namespace ido::geo
