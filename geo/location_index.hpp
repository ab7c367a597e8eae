#pragma once
#include "geo/coordinates.hpp"

#include <geos/geom/Envelope.h>
#include <geos/index/strtree/TemplateSTRtree.h>

#include <cstddef>
#include <functional>
#include <vector>

namespace ido::geo {

/// An item found near a point, with its distance in metres.
struct Neighbour {
    std::size_t index;   ///< position in the vector the index was built from
    double distance_m;
};

/// An axis-aligned rectangle in RD New metres.
struct RdBox {
    RdPoint min;
    RdPoint max;
};

/// R-tree over point locations in RD New (EPSG:28992).
///
/// Distances are planar Euclidean in RD metres. RD is a conformal double-stereographic projection
/// whose scale factor stays within about 1 +/- 1e-4 over the Netherlands (Kadaster, "Het stelsel van
/// de Rijksdriehoeksmeting"), so a distance of 50 km is off by at most a few metres: far below the
/// uncertainty of the positions themselves, and it keeps the tree, the radius and the distance in one
/// unit. Positions outside the Netherlands are refused before they get here.
///
/// Built once from a fixed list and immutable afterwards: the GEOS STR tree is built in the
/// constructor, after which its queries only read, so one index may serve many threads.
class LocationIndex {
public:
    /// Accepts an item by its index; used to filter while searching (e.g. "offers digid").
    using Filter = std::function<bool(std::size_t)>;

    explicit LocationIndex(std::vector<RdPoint> points);

    /// The k nearest accepted items to `origin`, nearest first; ties broken by index.
    std::vector<Neighbour> nearest(RdPoint origin, std::size_t k, const Filter& accept = {}) const;
    /// All accepted items within `radius_m` of `origin`, nearest first.
    std::vector<Neighbour> within_radius(RdPoint origin, double radius_m, const Filter& accept = {}) const;
    /// Indexes of all items inside the RD rectangle (edges included), ascending.
    std::vector<std::size_t> within_box(const RdBox& box) const;

    std::size_t size() const { return points_.size(); }
    const RdPoint& point(std::size_t index) const { return points_[index]; }

private:
    void collect(RdPoint origin, double radius_m, const Filter& accept, std::vector<Neighbour>& out) const;

    std::vector<RdPoint> points_;
    geos::geom::Envelope extent_;
    // GEOS' query() is not const because it builds the tree on first use; the constructor builds it,
    // so later queries only read the tree and are safe to run concurrently.
    mutable geos::index::strtree::TemplateSTRtree<std::size_t> tree_;
};

}  // namespace ido::geo
