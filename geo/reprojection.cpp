#include "geo/reprojection.hpp"

#include "geo/transformer.hpp"

#include <geos/geom/Coordinate.h>
#include <geos/geom/CoordinateFilter.h>

namespace ido::geo {
namespace {

// Transforms every vertex from CRS84 (x = lon, y = lat) to RD New in place.
class ToRdFilter : public geos::geom::CoordinateFilter {
public:
    void filter_rw(geos::geom::Coordinate* c) const override {
        auto rd = Transformer::to_rd(Wgs84{c->y, c->x});
        if (!rd) {
            failed_ = true;
            return;
        }
        c->x = rd->x;
        c->y = rd->y;
    }
    bool failed() const { return failed_; }

private:
    mutable bool failed_ = false;
};

}  // namespace

std::unique_ptr<geos::geom::Geometry> to_rd(const geos::geom::Geometry& crs84) {
    auto copy = crs84.clone();
    ToRdFilter filter;
    copy->apply_rw(&filter);
    if (filter.failed()) return nullptr;
    copy->geometryChanged();
    return copy;
}

}  // namespace ido::geo
