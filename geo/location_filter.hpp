#pragma once
// Which help points a query keeps: the conditions of the API's filters as plain values, no HTTP.
#include "geo/location.hpp"

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ido::geo {

class Snapshot;

/// An axis-aligned box with its edges included, in RD New metres or in CRS84 degrees (x = lon, y = lat).
/// A CRS84 box is tested on the positions as given, not reprojected: its image in RD is no rectangle.
struct AreaBox {
    enum class Space { rd, lon_lat };
    Space space = Space::lon_lat;
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;

    bool contains(double x, double y) const { return x >= min_x && x <= max_x && y >= min_y && y <= max_y; }
    /// Whether the location lies inside, in this box's space.
    bool contains(const Location& location) const {
        return space == Space::rd ? contains(location.rd.x, location.rd.y) : contains(location.position.lon, location.position.lat);
    }
};

/// Every condition must hold; an unset member keeps every help point.
struct LocationFilter {
    std::vector<std::string> diensten;           ///< each of these service codes must be offered
    std::optional<std::size_t> municipality;     ///< index into Snapshot::municipalities().all()
    std::optional<bool> op_afspraak;             ///< true: help by appointment offered; false: never by appointment
    std::optional<bool> inloop;                  ///< walk-in known to be possible (true) or not (false)
    std::vector<std::chrono::sys_seconds> open_at;  ///< open at each of these instants
    std::optional<AreaBox> box;                  ///< inside this box
    bool zonder_gegenereerd = false;             ///< leave out the generated examples (herkomst.soort gegenereerd)

    bool empty() const {
        return diensten.empty() && !municipality && !op_afspraak && !inloop && open_at.empty() && !box && !zonder_gegenereerd;
    }
    /// Whether the snapshot's location number `index` passes every condition.
    bool accepts(const Snapshot& snapshot, std::size_t index) const;
};

}  // namespace ido::geo
