#include "geo/location_index.hpp"

#include <algorithm>
#include <cmath>

namespace ido::geo {
namespace {

double distance(RdPoint a, RdPoint b) { return std::hypot(a.x - b.x, a.y - b.y); }

bool nearer(const Neighbour& a, const Neighbour& b) {
    return a.distance_m < b.distance_m || (a.distance_m == b.distance_m && a.index < b.index);
}

}  // namespace

LocationIndex::LocationIndex(std::vector<RdPoint> points) : points_(std::move(points)) {
    for (std::size_t i = 0; i < points_.size(); ++i) {
        geos::geom::Envelope envelope(points_[i].x, points_[i].x, points_[i].y, points_[i].y);
        tree_.insert(envelope, i);
        extent_.expandToInclude(&envelope);
    }
    tree_.build();
}

void LocationIndex::collect(RdPoint origin, double radius_m, const Filter& accept,
                            std::vector<Neighbour>& out) const {
    geos::geom::Envelope query(origin.x - radius_m, origin.x + radius_m, origin.y - radius_m, origin.y + radius_m);
    tree_.query(query, [&](const std::size_t& index) {
        const double d = distance(origin, points_[index]);
        if (d <= radius_m && (!accept || accept(index))) out.push_back({index, d});
    });
}

std::vector<Neighbour> LocationIndex::nearest(RdPoint origin, std::size_t k, const Filter& accept) const {
    std::vector<Neighbour> found;
    if (k == 0 || points_.empty()) return found;

    // Expanding-radius search: every item within r is found by one envelope query, so once at least k
    // accepted items lie within r, the k nearest of them are the k nearest overall (anything outside is
    // farther than r). The first radius is the one that holds about k items at the average density.
    const double area = std::max(extent_.getArea(), 1.0);
    const double density = static_cast<double>(points_.size()) / area;
    double radius = std::max(std::sqrt(static_cast<double>(k) / (M_PI * density)), 100.0);
    // No item is farther than this: the distance to the far corner of the extent.
    const double far = std::hypot(std::max(std::abs(origin.x - extent_.getMinX()), std::abs(origin.x - extent_.getMaxX())),
                                  std::max(std::abs(origin.y - extent_.getMinY()), std::abs(origin.y - extent_.getMaxY())));
    for (;;) {
        found.clear();
        collect(origin, radius, accept, found);
        if (found.size() >= k || radius >= far) break;
        radius = std::min(radius * 2.0, far);
    }
    const std::size_t keep = std::min(k, found.size());
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep), found.end(), nearer);
    found.resize(keep);
    return found;
}

std::vector<Neighbour> LocationIndex::within_radius(RdPoint origin, double radius_m, const Filter& accept) const {
    std::vector<Neighbour> found;
    if (!(radius_m >= 0)) return found;
    collect(origin, radius_m, accept, found);
    std::sort(found.begin(), found.end(), nearer);
    return found;
}

std::vector<std::size_t> LocationIndex::within_box(const RdBox& box) const {
    std::vector<std::size_t> found;
    geos::geom::Envelope query(box.min.x, box.max.x, box.min.y, box.max.y);
    tree_.query(query, [&](const std::size_t& index) { found.push_back(index); });
    std::sort(found.begin(), found.end());
    return found;
}

}  // namespace ido::geo
