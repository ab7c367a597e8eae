#include "service/render/gemeente_kaart.hpp"

#include <geos/geom/CoordinateSequence.h>
#include <geos/geom/LineString.h>
#include <geos/geom/LinearRing.h>
#include <geos/geom/Polygon.h>
#include <geos/simplify/DouglasPeuckerSimplifier.h>

#include <cmath>
#include <cstdio>
#include <memory>

namespace ido::service::kaart {
namespace {

void append_ring(std::string& out, const geos::geom::LineString& ring) {
    const auto* coordinates = ring.getCoordinatesRO();
    if (coordinates == nullptr || coordinates->size() < 4) return;
    long last_x = 0, last_y = 0;
    bool first = true;
    char buffer[48];
    for (std::size_t i = 0; i + 1 < coordinates->size(); ++i) {  // the closing vertex is Z
        const auto& c = coordinates->getAt(i);
        const long x = std::lround(c.x), y = -std::lround(c.y);
        if (!first && x == last_x && y == last_y) continue;
        std::snprintf(buffer, sizeof buffer, first ? "M%ld,%ld" : " %ld,%ld", x, y);
        out += buffer;
        first = false;
        last_x = x;
        last_y = y;
    }
    out += 'Z';
}

void append_polygons(std::string& out, const geos::geom::Geometry& geometry) {
    if (const auto* polygon = dynamic_cast<const geos::geom::Polygon*>(&geometry)) {
        append_ring(out, *polygon->getExteriorRing());
        for (std::size_t i = 0; i < polygon->getNumInteriorRing(); ++i) append_ring(out, *polygon->getInteriorRingN(i));
        return;
    }
    for (std::size_t i = 0; i < geometry.getNumGeometries(); ++i)
        if (geometry.getGeometryN(i) != &geometry) append_polygons(out, *geometry.getGeometryN(i));
}

}  // namespace

std::string path_data(const geos::geom::Geometry& rd, double tolerance_m) {
    std::string out;
    if (rd.isEmpty()) return out;
    if (tolerance_m > 0) {
        // Douglas-Peucker may drop a sliver island entirely; at a national scale that is what we want.
        const auto simple = geos::simplify::DouglasPeuckerSimplifier::simplify(&rd, tolerance_m);
        if (simple && !simple->isEmpty()) {
            append_polygons(out, *simple);
            return out;
        }
    }
    append_polygons(out, rd);
    return out;
}

std::string view_box(const RdBox& box, double margin_m) {
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "%ld %ld %ld %ld", std::lround(box[0] - margin_m), -std::lround(box[3] + margin_m),
                  std::lround(box[2] - box[0] + 2 * margin_m), std::lround(box[3] - box[1] + 2 * margin_m));
    return buffer;
}

std::string circle_position(geo::RdPoint point) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "cx=\"%ld\" cy=\"%ld\"", std::lround(point.x), -std::lround(point.y));
    return buffer;
}

}  // namespace ido::service::kaart
