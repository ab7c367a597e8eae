#pragma once
#include "geo/coordinates.hpp"

#include <optional>

namespace ido::geo {

/// WGS84 <-> RD New (EPSG:28992) through PROJ.
///
/// Debian's proj-data has no RDNAPTRANS(TM) grid, so PROJ picks a Helmert transformation
/// (EPSG:15739 "Amersfoort to WGS 84 (3)"), accurate to about 1 m: ample for finding a help point,
/// not for surveying. A PJ object must not be shared between threads, so every thread lazily gets
/// its own PROJ context and transformation objects (thread_local); calls are safe from any thread.
/// The transformation is looked up in PROJ's database once per process (the slow part, ~100 ms) and
/// copied per thread with proj_clone (under a millisecond).
class Transformer {
public:
    /// Does the once-per-process lookup now (at start-up), so that no request pays for it.
    static void warm_up();
    /// RD coordinates of a WGS84 position; nullopt when PROJ cannot transform it.
    static std::optional<RdPoint> to_rd(Wgs84 position);
    /// WGS84 position of RD coordinates; nullopt when PROJ cannot transform them.
    static std::optional<Wgs84> to_wgs84(RdPoint position);
};

}  // namespace ido::geo
