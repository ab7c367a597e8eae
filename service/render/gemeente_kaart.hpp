#pragma once
// SVG maps of the municipal pages, drawn in RD New metres (EPSG:28992): the viewBox is the RD box with y
// negated (SVG's y grows downwards, RD's northwards), so no projection beyond the one to RD is needed and
// the page's script can turn a click back into RD with the SVG's own screen matrix. No tiles, no third
// party: only the municipal polygons the service already holds.
#include "geo/coordinates.hpp"

#include <geos/geom/Geometry.h>

#include <array>
#include <string>

namespace ido::service::kaart {

/// min x, min y, max x, max y in RD metres.
using RdBox = std::array<double, 4>;

/// The SVG path data ("M x,y x,y ... Z" per ring, whole metres, y negated) of an RD (Multi)Polygon,
/// simplified with Douglas-Peucker at `tolerance_m` (0: as it is). Empty for an empty geometry.
std::string path_data(const geos::geom::Geometry& rd, double tolerance_m);

/// `viewBox="..."` value for `box` with `margin_m` around it.
std::string view_box(const RdBox& box, double margin_m);

/// "x" and "y" of an RD point in the map's coordinates, for a circle's cx/cy.
std::string circle_position(geo::RdPoint point);

}  // namespace ido::service::kaart
