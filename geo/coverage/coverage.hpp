#pragma once
/// @file
/// How far residents live from the nearest help point, per municipality and for the whole country.
/// Since 1 January 2023 the municipalities direct the IDO network and pay for it from a specific grant
/// (SPUK, Staatscourant 2022-33992); these are the figures they need for that role.
///
/// Demand is the population per four-digit postcode (CBS, 1 January 2021; geo/coverage/demand.hpp), each
/// PC4 at an interior point of its polygon. The distance of a PC4 is the straight-line distance in RD New
/// metres to the nearest *counted* help point anywhere in the country, because residents cross municipal
/// borders (CBS measures its own "afstand tot bibliotheek" the same way, but by road). Method, choices
/// and the comparison with CBS: docs/bereikbaarheid.md.

#include "geo/coordinates.hpp"
#include "geo/coverage/demand.hpp"
#include "geo/coverage/errors.hpp"
#include "geo/coverage/location_facts.hpp"
#include "geo/location_index.hpp"
#include "geo/snapshot.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ido::coverage {

/// At most this many thresholds in one question.
inline constexpr std::size_t max_drempels = 8;
/// The range of a threshold, in metres (edges included).
inline constexpr double min_drempel_m = 100;
inline constexpr double max_drempel_m = 50000;
/// At most this many what-if positions in one question.
inline constexpr std::size_t max_extra_posities = 10;
/// The `herkomst.soort` values a record can have: the three of the seed data (data/README.md), `beheer`
/// (entered through the management API) and `import` (an import that named none). An import may carry
/// any other text; such a record counts only when all soorten count.
inline constexpr std::array<std::string_view, 5> herkomst_soorten{"ido-voorbeeld", "bibliotheekgebouw", "gegenereerd", "beheer",
                                                                  "import"};

/// The question: which thresholds, which help points count, and which extra (what-if) positions count
/// as help points too.
struct CoverageOptions {
    /// Distances in metres; 1..max_drempels values, each min_drempel_m..max_drempel_m, no duplicates.
    /// Figures come back in this order.
    std::vector<double> drempels_m{1000, 3000, 5000, 10000};
    /// The `herkomst.soort` values that count (e.g. only `ido-voorbeeld`: confirmed IDOs); empty = all.
    std::vector<std::string> soorten;
    /// What-if: positions treated as help points (at most max_extra_posities, each in the Netherlands' box).
    std::vector<geo::Wgs84> extra_posities;
};

/// A validated CoverageOptions, as the analysis uses it.
struct Counting {
    /// One bit per herkomst_soorten entry, plus one for any other soort (set only when all count).
    unsigned mask = 0;
    std::vector<double> drempels_m;
    std::vector<geo::Wgs84> extra_posities;
    std::vector<geo::RdPoint> extra_rd;  ///< the same positions in RD New
};

/// The nearest counted help point of a point (a PC4, a candidate site).
struct Reach {
    double afstand_m = std::numeric_limits<double>::infinity();  ///< infinity when nothing counts
    std::size_t location = geo::Snapshot::npos;  ///< index into Snapshot::locations(); npos for a what-if position
    std::size_t extra = geo::Snapshot::npos;     ///< index into Counting::extra_posities when that is nearest
};

/// A *witte vlek*: a PC4 with residents whose nearest counted help point lies beyond a threshold.
struct Gap {
    std::string pc4;
    std::vector<std::string> woonplaatsen;
    std::int64_t inwoners = 0;
    double afstand_m = 0;                      ///< to the nearest counted help point
    std::string informatiepunt_id;             ///< that help point; empty when it is a what-if position
    std::optional<std::size_t> extra_positie;  ///< index of the what-if position when that is nearest
};

/// The figures for one threshold.
struct ThresholdCoverage {
    double drempel_m = 0;
    std::int64_t inwoners_binnen = 0;  ///< residents whose nearest counted help point is at most drempel_m away
    std::int64_t inwoners_buiten = 0;
    std::optional<double> aandeel;     ///< inwoners_binnen / inwoners (0..1); nullopt without residents
    /// The PC4s beyond the threshold that have residents, largest first (ties: lowest PC4).
    std::vector<Gap> witte_vlekken;
};

/// Population-weighted distance figures of a set of PC4s.
struct CoverageFigures {
    std::int64_t inwoners = 0;
    std::size_t pc4s = 0;
    /// Σ residents × distance / Σ residents; nullopt without residents.
    std::optional<double> gemiddelde_afstand_m;
    /// The smallest distance d such that at least half of the residents live within d (weighted lower
    /// median); nullopt without residents.
    std::optional<double> mediaan_afstand_m;
    std::vector<ThresholdCoverage> drempels;  ///< in the order of CoverageOptions::drempels_m
};

/// Coverage of one municipality's residents (who may be served from across the border).
struct MunicipalityCoverage {
    std::string gemeentecode;
    std::string gemeentenaam;
    std::size_t informatiepunten = 0;  ///< counted help points inside the municipality
    CoverageFigures cijfers;
};

/// Coverage of the whole country, and of every municipality (ordered by gemeentecode).
struct NationalCoverage {
    std::size_t informatiepunten = 0;  ///< counted help points in the snapshot (what-if positions not included)
    CoverageFigures land;
    std::vector<MunicipalityCoverage> gemeenten;
};

/// The coverage analysis of one snapshot: build it once per snapshot (about 10 ms on the shipped data)
/// and ask it any number of questions from any number of threads.
///
/// Cost: building finds each PC4's nearest help point through an R-tree (PC4s × log help points); a
/// question with a `soorten` filter builds the same once for that set of soorten and keeps it; what-if
/// positions add PC4s × at most 10. Nothing ever scans all PC4s × all help points.
class CoverageAnalysis {
public:
    /// `snapshot` must outlive the analysis (keep the analysis beside, or inside, the snapshot).
    /// Throws std::invalid_argument when a PC4 or library building names a gemeentecode the snapshot's
    /// municipalities do not know: the two data files do not belong together.
    CoverageAnalysis(const geo::Snapshot& snapshot, std::shared_ptr<const Demand> demand);

    CoverageAnalysis(const CoverageAnalysis&) = delete;
    CoverageAnalysis& operator=(const CoverageAnalysis&) = delete;

    /// The figures of the whole country and of every municipality.
    CoverageResult<NationalCoverage> national(const CoverageOptions& options = {}) const;
    /// The figures of one municipality (`GM0363`).
    CoverageResult<MunicipalityCoverage> municipality(std::string_view gemeentecode, const CoverageOptions& options = {}) const;

    // ---- building blocks (the advice and the overview use these; so do the tests) ----

    /// Validates the options, returning every problem.
    CoverageResult<Counting> resolve(const CoverageOptions& options) const;
    /// Whether location `location` (index into Snapshot::locations()) counts.
    bool counts(const Counting& counting, std::size_t location) const;
    /// Whether anything counts at all (a help point, or a what-if position).
    bool anything_counts(const Counting& counting) const;
    /// The nearest counted help point or what-if position of PC4 `pc4` (index into Demand::pc4s).
    /// Ties: the lowest location index; a what-if position only when strictly nearer.
    Reach reach(const Counting& counting, std::size_t pc4) const;
    /// The same for any point.
    Reach reach_of(const Counting& counting, geo::RdPoint point) const;
    /// Index (into Snapshot::municipalities().all()) of a gemeentecode.
    std::optional<std::size_t> municipality_index(std::string_view gemeentecode) const;
    /// PC4s (indexes into Demand::pc4s, ascending) whose interior point lies in municipality `m`.
    const std::vector<std::size_t>& pc4s_in(std::size_t m) const { return pc4s_by_municipality_[m]; }
    /// Library buildings (indexes into Demand::bibliotheken, ascending) of municipality `m`.
    const std::vector<std::size_t>& libraries_in(std::size_t m) const { return libraries_by_municipality_[m]; }
    /// Municipality of PC4 `pc4`.
    std::size_t municipality_of_pc4(std::size_t pc4) const { return municipality_of_pc4_[pc4]; }
    /// An R-tree over the PC4 interior points (index = index into Demand::pc4s).
    const geo::LocationIndex& pc4_index() const { return pc4_index_; }
    /// The typed facts of location `location`.
    const LocationFacts& facts(std::size_t location) const { return facts_[location]; }

    const geo::Snapshot& snapshot() const { return snapshot_; }
    const Demand& demand() const { return *demand_; }

    /// The figures of the given PC4s with their reaches (parallel vectors); exposed so that a caller
    /// with its own reaches (e.g. after placing new sites) computes them the same way.
    CoverageFigures figures(const Counting& counting, const std::vector<std::size_t>& pc4s,
                            const std::vector<Reach>& reaches) const;

private:
    // The counted help points of one mask, their R-tree, and every PC4's nearest among them.
    struct Field {
        std::vector<std::size_t> members;   // location indexes, ascending
        geo::LocationIndex index;           // over the members' RD points (index = position in members)
        std::vector<Reach> reach;           // per PC4, without what-if positions
    };
    static constexpr std::size_t mask_count = std::size_t{1} << (herkomst_soorten.size() + 1);
    const Field& field(unsigned mask) const;
    Reach with_extras(Reach base, const Counting& counting, geo::RdPoint point) const;
    Gap gap(std::size_t pc4, const Reach& reach, const Counting& counting) const;

    const geo::Snapshot& snapshot_;
    std::shared_ptr<const Demand> demand_;
    std::vector<LocationFacts> facts_;
    std::vector<unsigned> soort_bit_;   // per location
    std::vector<std::size_t> municipality_of_pc4_;
    std::vector<std::vector<std::size_t>> pc4s_by_municipality_;
    std::vector<std::vector<std::size_t>> libraries_by_municipality_;
    geo::LocationIndex pc4_index_;
    mutable std::array<std::once_flag, mask_count> field_once_;
    mutable std::array<std::unique_ptr<const Field>, mask_count> fields_;
};

/// Straight-line distance in RD New metres, computed exactly as geo::LocationIndex does (so a brute-force
/// check gets the same bits).
double rd_distance(geo::RdPoint a, geo::RdPoint b);

}  // namespace ido::coverage
