#include "service/render/snapshot_answers.hpp"

#include "geo/hours/amsterdam_time.hpp"
#include "geo/reprojection.hpp"
#include "service/render/coverage_json.hpp"
#include "service/render/json_output.hpp"
#include "service/endpoints/parameters.hpp"

#include <geos/geom/Envelope.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <variant>

namespace ido::service {

SnapshotAnswers::SnapshotAnswers(const geo::Snapshot& snapshot) : snapshot_(snapshot), opening_(snapshot.locations().size()) {}

const FixedBody& SnapshotAnswers::municipality_list() const {
    std::call_once(municipality_list_once_, [this] {
        municipality_list_.body = std::make_shared<const std::string>(municipality_list_json(snapshot_));
        municipality_list_.etag = content_etag(*municipality_list_.body);
    });
    return municipality_list_;
}

namespace {

std::array<double, 4> envelope_of(const geos::geom::Geometry& geometry) {
    const auto* env = geometry.getEnvelopeInternal();
    return {env->getMinX(), env->getMinY(), env->getMaxX(), env->getMaxY()};
}

MunicipalityGeometry render_geometry(const geo::MunicipalityIndex& index) {
    const auto start = std::chrono::steady_clock::now();
    MunicipalityGeometry out;
    std::size_t vertices = 0;
    for (std::size_t i = 0; i < index.all().size(); ++i) {
        const auto& geometry = index.geometry(i);
        vertices += geometry.getNumPoints();
        out.geometry_crs84.push_back(polygon_geojson(Crs::crs84, geometry, PolygonForm::always_multi).value_or("null"));
        out.envelope_crs84.push_back(envelope_of(geometry));
        auto rd = geo::to_rd(geometry);
        if (rd) {
            out.geometry_rd.push_back(polygon_geojson(Crs::rd_new, *rd, PolygonForm::always_multi).value_or("null"));
            out.envelope_rd.push_back(envelope_of(*rd));
        } else {
            std::fprintf(stderr, "error: ogc: municipality %s cannot be transformed to RD\n", index.all()[i].gemeentecode.c_str());
            out.geometry_rd.emplace_back("null");
            out.envelope_rd.push_back({std::nan(""), std::nan(""), std::nan(""), std::nan("")});
        }
    }
    const auto took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
    std::fprintf(stderr, "ogc: geometry of %zu municipalities (%zu vertices) rendered in CRS84 and RD in %.1f ms\n",
                 index.all().size(), vertices, static_cast<double>(took.count()) / 1000.0);
    return out;
}

}  // namespace

const geo::NameIndex& SnapshotAnswers::names() const {
    std::call_once(names_once_, [this] { names_ = std::make_unique<const geo::NameIndex>(snapshot_.locations(), snapshot_.municipalities()); });
    return *names_;
}

const MunicipalityGeometry& SnapshotAnswers::municipality_geometry() const {
    std::call_once(municipality_geometry_once_, [this] { municipality_geometry_ = render_geometry(snapshot_.municipalities()); });
    return municipality_geometry_;
}

const std::string& SnapshotAnswers::location_head(std::size_t index, Crs crs) const {
    const auto c = static_cast<std::size_t>(crs);
    std::call_once(heads_once_[c], [this, c, crs] {
        const auto& locations = snapshot_.locations();
        heads_[c].reserve(locations.size());
        for (const auto& location : locations) heads_[c].push_back(location_json_head(location, crs));
    });
    return heads_[c].at(index);
}

const coverage::CoverageAnalysis& SnapshotAnswers::coverage(const std::shared_ptr<const coverage::Demand>& demand) const {
    std::call_once(coverage_once_, [this, &demand] { coverage_ = std::make_unique<const coverage::CoverageAnalysis>(snapshot_, demand); });
    return *coverage_;
}

const FixedBody& SnapshotAnswers::national_coverage(const std::shared_ptr<const coverage::Demand>& demand) const {
    std::call_once(national_coverage_once_, [this, &demand] {
        const coverage::CoverageOptions defaults;
        auto result = coverage(demand).national(defaults);
        // The default question is valid by construction; only a snapshot where nothing counts (no help
        // point at all) has no figures, and that is answered per request.
        if (const auto* figures = std::get_if<coverage::NationalCoverage>(&result)) {
            national_coverage_.body = std::make_shared<const std::string>(national_coverage_json(*figures, defaults));
            national_coverage_.etag = content_etag(*national_coverage_.body);
        }
    });
    return national_coverage_;
}

OpeningMembers::OpeningMembers(const geo::Snapshot& snapshot, std::optional<std::chrono::sys_seconds> tijdstip)
    : snapshot_(snapshot), at_(tijdstip.value_or(now())), explicit_time_(tijdstip.has_value()),
      peilmoment_(explicit_time_ ? std::string() : hours::format_amsterdam(at_)) {}

std::string OpeningMembers::operator()(const geo::Location& location) const {
    if (explicit_time_) return opening_members_json(location, at_);
    return SnapshotAnswers::of(snapshot_).opening().members(location, snapshot_.index_of(location), at_, peilmoment_);
}

void OpeningMembers::append_location(std::string& out, std::size_t index, std::optional<double> distance_m, Crs crs) const {
    auto& answers = SnapshotAnswers::of(snapshot_);
    out += answers.location_head(index, crs);
    if (distance_m) append_distance(out, *distance_m);
    out += ',';  // the opening members are never empty: location_json writes the same comma
    const geo::Location& location = snapshot_.locations()[index];
    if (explicit_time_) out += opening_members_json(location, at_);
    else answers.opening().append_members(out, location, index, at_, peilmoment_);
    out += '}';
}

std::string content_etag(std::string_view body) {
    // FNV-1a, 64 bit (Fowler, Noll, Vo; http://www.isthe.com/chongo/tech/comp/fnv/): not cryptographic,
    // but an ETag only has to change when the body does.
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : body) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    static constexpr char digits[] = "0123456789abcdef";
    std::string etag(18, '"');
    for (int i = 0; i < 16; ++i) etag[static_cast<std::size_t>(16 - i)] = digits[(hash >> (4 * i)) & 0xf];
    return etag;
}

}  // namespace ido::service
