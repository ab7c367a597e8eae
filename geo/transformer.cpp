#include "geo/transformer.hpp"

#include <proj.h>

#include <cmath>
#include <stdexcept>

namespace ido::geo {
namespace {

// One PROJ context and one transformation per thread: PROJ objects are not thread-safe.
class ThreadTransformation {
public:
    ThreadTransformation() : context_(proj_context_create()) {
        if (context_ == nullptr) throw std::runtime_error("PROJ: cannot create a context");
        proj_context_set_enable_network(context_, 0);  // never fetch grids from the internet
        PJ* raw = proj_create_crs_to_crs(context_, "EPSG:4326", "EPSG:28992", nullptr);
        if (raw == nullptr) throw std::runtime_error("PROJ: no transformation EPSG:4326 -> EPSG:28992");
        // EPSG:4326 is lat, lon in PROJ; normalise to lon, lat (x, y) so both sides are easting first.
        transformation_ = proj_normalize_for_visualization(context_, raw);
        proj_destroy(raw);
        if (transformation_ == nullptr) throw std::runtime_error("PROJ: cannot normalise the axis order");
    }
    ~ThreadTransformation() {
        proj_destroy(transformation_);
        proj_context_destroy(context_);
    }
    ThreadTransformation(const ThreadTransformation&) = delete;
    ThreadTransformation& operator=(const ThreadTransformation&) = delete;

    std::optional<PJ_COORD> run(PJ_DIRECTION direction, double x, double y) const {
        PJ_COORD in = proj_coord(x, y, 0, 0);
        PJ_COORD out = proj_trans(transformation_, direction, in);
        if (!std::isfinite(out.xy.x) || !std::isfinite(out.xy.y)) return std::nullopt;
        return out;
    }

private:
    PJ_CONTEXT* context_;
    PJ* transformation_ = nullptr;
};

const ThreadTransformation& transformation() {
    thread_local ThreadTransformation instance;
    return instance;
}

}  // namespace

std::optional<RdPoint> Transformer::to_rd(Wgs84 position) {
    auto out = transformation().run(PJ_FWD, position.lon, position.lat);
    if (!out) return std::nullopt;
    return RdPoint{out->xy.x, out->xy.y};
}

std::optional<Wgs84> Transformer::to_wgs84(RdPoint position) {
    auto out = transformation().run(PJ_INV, position.x, position.y);
    if (!out) return std::nullopt;
    return Wgs84{out->xy.y, out->xy.x};
}

}  // namespace ido::geo
