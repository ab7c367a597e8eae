#pragma once
// Answers and parts of answers derived from one data snapshot, computed once and kept with it.
#include "geo/coverage/coverage.hpp"
#include "geo/coverage/demand.hpp"
#include "geo/name_index.hpp"
#include "geo/snapshot.hpp"
#include "service/endpoints/crs.hpp"
#include "service/render/opening_cache.hpp"

#include <array>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ido::service {

/// A response body that is fixed for a snapshot, with its entity tag.
struct FixedBody {
    std::shared_ptr<const std::string> body;  ///< shared with the responses that send it
    std::string etag;  ///< strong, quoted: a hash of the body, the same on every instance that has the same data
};

/// The GeoJSON geometry of every municipality in both CRSs and its envelope in both (index as in
/// MunicipalityIndex::all()). Transforming all vertices to RD costs tens of milliseconds (logged when
/// built), which a page of polygons should not pay each time. Every geometry is a MultiPolygon, also a
/// municipality of one piece: GDAL and QGIS take a layer's type from the first features they read, and
/// a mix gave a Polygon layer with MultiPolygon rows (tests/gis).
struct MunicipalityGeometry {
    std::vector<std::string> geometry_crs84, geometry_rd;
    std::vector<std::array<double, 4>> envelope_crs84, envelope_rd;  // min x, min y, max x, max y
};

/// What the service derives from one snapshot: the municipality list (built once, on first use) and the
/// per-minute opening members of each location. It hangs on the snapshot (geo::SnapshotExtension), so a
/// write, which swaps in a new snapshot, starts from nothing, and a request still holding the old
/// snapshot gets the old snapshot's answers, consistent with the rest of its answer.
class SnapshotAnswers : public geo::SnapshotExtension {
public:
    explicit SnapshotAnswers(const geo::Snapshot& snapshot);

    /// The answers of `snapshot` (created on first use).
    static SnapshotAnswers& of(const geo::Snapshot& snapshot) { return snapshot.extension<SnapshotAnswers>(); }

    /// The body of GET /v1/gemeenten (every municipality), built on the first call.
    const FixedBody& municipality_list() const;
    /// The geometry of the snapshot's municipalities for the OGC collection, built on the first call.
    const MunicipalityGeometry& municipality_geometry() const;
    /// The help points by name (search `zoek=Bibliotheek Overvecht`, suggestions), built on the first call.
    const geo::NameIndex& names() const;
    /// The per-minute cache of the opening members of this snapshot's locations.
    OpeningCache& opening() { return opening_; }
    /// location_json_head of the snapshot's location number `index` in `crs`; every location's head in
    /// that CRS is rendered on the first call (a nearest answer then copies ten of them instead of
    /// formatting the coordinates: `snprintf` was a sixth of its instructions, bench/http/README.md).
    const std::string& location_head(std::size_t index, Crs crs) const;
    /// The coverage analysis of this snapshot, built on the first call (about 10 ms). `demand` is the
    /// process's one demand data set, loaded at start; the first caller's is kept.
    const coverage::CoverageAnalysis& coverage(const std::shared_ptr<const coverage::Demand>& demand) const;
    /// The body of GET /v1/bereikbaarheid for the default question, built on the first call: every
    /// municipality's figures change only with the data.
    const FixedBody& national_coverage(const std::shared_ptr<const coverage::Demand>& demand) const;

private:
    const geo::Snapshot& snapshot_;  // the owner: outlives this object
    mutable std::once_flag municipality_list_once_;
    mutable FixedBody municipality_list_;
    mutable std::once_flag municipality_geometry_once_;
    mutable MunicipalityGeometry municipality_geometry_;
    static constexpr std::size_t crs_count = 2;  // Crs::crs84, Crs::rd_new
    mutable std::once_flag heads_once_[crs_count];
    mutable std::vector<std::string> heads_[crs_count];
    mutable std::once_flag coverage_once_;
    mutable std::unique_ptr<const coverage::CoverageAnalysis> coverage_;
    mutable std::once_flag national_coverage_once_;
    mutable FixedBody national_coverage_;
    mutable std::once_flag names_once_;
    mutable std::unique_ptr<const geo::NameIndex> names_;
    OpeningCache opening_;
};

/// The opening members of the locations in one answer. For "now" they come from the snapshot's
/// per-minute cache; for an explicit `tijdstip` (a request about another moment) they are computed
/// afresh, so such a request can never get a cached answer for another instant.
class OpeningMembers {
public:
    OpeningMembers(const geo::Snapshot& snapshot, std::optional<std::chrono::sys_seconds> tijdstip);

    /// The instant the answer is about.
    std::chrono::sys_seconds at() const { return at_; }
    /// opening_members_json(location, at()) for a location of the snapshot.
    std::string operator()(const geo::Location& location) const;
    /// Appends location_json(snapshot's location `index`, distance_m, (*this)(that location), crs) to `out`:
    /// the same bytes, from the pre-rendered head and the opening cache.
    void append_location(std::string& out, std::size_t index, std::optional<double> distance_m, Crs crs) const;

private:
    const geo::Snapshot& snapshot_;
    std::chrono::sys_seconds at_;
    bool explicit_time_;
    std::string peilmoment_;
};

/// `"` + 16 hex digits of a 64-bit FNV-1a hash of `body` + `"`: a strong ETag derived from the content.
std::string content_etag(std::string_view body);

}  // namespace ido::service
