#pragma once
// An independent WGS84 -> RD New transformation straight from PROJ, for tests to check the service's
// coordinates against (the service itself goes through geo::Transformer). Single-threaded tests only.
#include <proj.h>

namespace ido::test {

struct ReferenceRd {
    double x, y;
};

/// RD New (EPSG:28992) of a WGS84 lon/lat, with the pipeline PROJ chooses for EPSG:4326 -> EPSG:28992.
inline ReferenceRd reference_rd(double lon, double lat) {
    static PJ* transform = [] {
        PJ* raw = proj_create_crs_to_crs(PJ_DEFAULT_CTX, "EPSG:4326", "EPSG:28992", nullptr);
        PJ* normalised = proj_normalize_for_visualization(PJ_DEFAULT_CTX, raw);
        proj_destroy(raw);
        return normalised;
    }();
    PJ_COORD out = proj_trans(transform, PJ_FWD, proj_coord(lon, lat, 0, 0));
    return {out.xy.x, out.xy.y};
}

}  // namespace ido::test
