#pragma once
/// @file
/// "Where should the next help point go?" For one municipality and one threshold: the candidate sites
/// that bring the most of its residents within the threshold of a help point.

#include "geo/coordinates.hpp"
#include "geo/coverage/coverage.hpp"
#include "geo/coverage/errors.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ido::coverage {

/// At most this many sites in one advice.
inline constexpr std::size_t max_advies_locaties = 5;
/// A candidate with a counted help point (or a what-if position, or an earlier advised site) at most
/// this far away is not offered: there already is one.
inline constexpr double kandidaat_min_afstand_m = 100;

/// The question.
struct AdviceOptions {
    double drempel_m = 3000;  ///< min_drempel_m..max_drempel_m
    std::size_t aantal = 1;   ///< number of sites, 1..max_advies_locaties
    /// Which help points count (empty = all) and what-if positions, as in CoverageOptions.
    std::vector<std::string> soorten;
    std::vector<geo::Wgs84> extra_posities;
};

/// What kind of place a candidate site is.
enum class SiteKind {
    bibliotheek,  ///< a public library building (data/bibliotheekgebouwen.csv)
    pc4,          ///< the interior point of one of the municipality's PC4s
};

/// The wire spelling: "bibliotheek", "pc4".
std::string_view to_string(SiteKind kind);

/// One advised site.
struct Site {
    SiteKind soort = SiteKind::pc4;
    std::string id;    ///< the library building's id, or the PC4 ("3511")
    std::string naam;  ///< the library's name, or the PC4's main woonplaats
    std::string pc4;   ///< the PC4 of the site (a library's from its postcode; empty when it has none)
    geo::Wgs84 positie;
    /// Residents of the municipality whose nearest help point moves from beyond the threshold to within
    /// it, given the sites advised before this one.
    std::int64_t winst = 0;
    std::vector<std::string> nieuw_binnen;  ///< those residents' PC4s, ascending
};

/// The advice for one municipality.
struct Advice {
    std::string gemeentecode;
    std::string gemeentenaam;
    double drempel_m = 0;
    std::int64_t inwoners = 0;
    std::int64_t binnen_voor = 0;  ///< residents within the threshold now
    std::int64_t binnen_na = 0;    ///< ... and with all advised sites
    std::size_t kandidaten = 0;    ///< candidate sites at the start (no help point within 100 m)
    /// In the order chosen. Fewer than asked when no remaining candidate brings anyone within the threshold.
    std::vector<Site> locaties;
};

/// The advice. One site: the candidate with the largest gain; ties: library buildings first, then the
/// lowest PC4, then the lowest id. More sites: greedy, i.e. the best site, then the best given that one,
/// and so on (each round is the one-site advice with the earlier sites as what-if positions). Greedy is
/// not always the best set of sites, but maximum coverage is NP-hard and greedy is within a factor
/// 1 - 1/e of the optimum (Nemhauser, Wolsey & Fisher, Math. Programming 14, 1978).
///
/// Cost: a gain is one radius query on the R-tree over PC4 points; after a round only the candidates
/// within twice the threshold of the chosen site are re-evaluated. No candidate scans all help points.
CoverageResult<Advice> advise(const CoverageAnalysis& analysis, std::string_view gemeentecode,
                              const AdviceOptions& options);

}  // namespace ido::coverage
