#pragma once
// Plain value types for positions. WGS84 and RD New are distinct types so that the compiler refuses a
// mix-up (the mapbox/geometry.hpp idea); conversion between them goes through geo::Transformer.

namespace ido::geo {

/// A position on the WGS84 ellipsoid in decimal degrees (CRS84 / EPSG:4326 datum).
struct Wgs84 {
    double lat = 0.0;
    double lon = 0.0;
    friend bool operator==(const Wgs84&, const Wgs84&) = default;
};

/// A position in RD New (EPSG:28992, Amersfoort / RD New) in metres.
struct RdPoint {
    double x = 0.0;
    double y = 0.0;
    friend bool operator==(const RdPoint&, const RdPoint&) = default;
};

/// A rectangle in WGS84 degrees; min <= max on both axes.
struct Wgs84Box {
    Wgs84 min;
    Wgs84 max;
};

}  // namespace ido::geo
