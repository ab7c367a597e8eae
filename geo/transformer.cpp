#include "geo/transformer.hpp"

#include <proj.h>

#include <cmath>
#include <mutex>
#include <stdexcept>

namespace ido::geo {
namespace {

PJ_CONTEXT* offline_context() {
    PJ_CONTEXT* context = proj_context_create();
    if (context == nullptr) throw std::runtime_error("PROJ: cannot create a context");
    proj_context_set_enable_network(context, 0);  // never fetch grids from the internet
    return context;
}

// The transformation, built once per process: proj_create_crs_to_crs searches PROJ's SQLite database
// for the candidate operations, about 137 million instructions (40-170 ms; bench/http/README.md).
// Threads copy it with proj_clone (under a millisecond, the same results; PROJ's documentation of
// proj_clone: the clone may be used in another thread when it has its own context, and by one thread
// at a time). The prototype itself is only read, under the mutex, while cloning.
class Prototype {
public:
    Prototype() : context_(offline_context()) {
        PJ* raw = proj_create_crs_to_crs(context_, "EPSG:4326", "EPSG:28992", nullptr);
        if (raw == nullptr) throw std::runtime_error("PROJ: no transformation EPSG:4326 -> EPSG:28992");
        // EPSG:4326 is lat, lon in PROJ; normalise to lon, lat (x, y) so both sides are easting first.
        transformation_ = proj_normalize_for_visualization(context_, raw);
        proj_destroy(raw);
        if (transformation_ == nullptr) throw std::runtime_error("PROJ: cannot normalise the axis order");
    }
    ~Prototype() {
        proj_destroy(transformation_);
        proj_context_destroy(context_);
    }
    Prototype(const Prototype&) = delete;
    Prototype& operator=(const Prototype&) = delete;

    static Prototype& instance() {
        static Prototype prototype;
        return prototype;
    }

    /// A copy of the transformation that lives in `context`.
    PJ* clone_into(PJ_CONTEXT* context) {
        std::lock_guard lock(mutex_);
        return proj_clone(context, transformation_);
    }

private:
    std::mutex mutex_;
    PJ_CONTEXT* context_;
    PJ* transformation_ = nullptr;
};

// One PROJ context and one transformation per thread: a PJ must not be used by two threads at once.
class ThreadTransformation {
public:
    ThreadTransformation() : context_(offline_context()), transformation_(Prototype::instance().clone_into(context_)) {
        if (transformation_ == nullptr) {
            proj_context_destroy(context_);
            throw std::runtime_error("PROJ: cannot copy the transformation EPSG:4326 -> EPSG:28992");
        }
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
    PJ* transformation_;
};

const ThreadTransformation& transformation() {
    thread_local ThreadTransformation instance;
    return instance;
}

}  // namespace

void Transformer::warm_up() { Prototype::instance(); }

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
