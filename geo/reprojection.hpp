#pragma once
// Reprojection of GEOS geometries (the municipality polygons) from CRS84 to RD New.
#include <geos/geom/Geometry.h>

#include <memory>

namespace ido::geo {

/// A copy of a CRS84 geometry (x = lon, y = lat) with every vertex transformed to RD New through
/// geo::Transformer; nullptr when a vertex cannot be transformed.
std::unique_ptr<geos::geom::Geometry> to_rd(const geos::geom::Geometry& crs84);

}  // namespace ido::geo
