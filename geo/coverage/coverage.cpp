#include "geo/coverage/coverage.hpp"

#include "geo/dataset.hpp"
#include "geo/transformer.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace ido::coverage {
namespace {

constexpr unsigned all_soorten = (1u << (herkomst_soorten.size() + 1)) - 1;  // the known soorten and "any other"

unsigned soort_bit(std::string_view soort) {
    for (std::size_t i = 0; i < herkomst_soorten.size(); ++i)
        if (herkomst_soorten[i] == soort) return 1u << i;
    return 1u << herkomst_soorten.size();
}

std::vector<geo::RdPoint> pc4_points(const Demand& demand) {
    std::vector<geo::RdPoint> points;
    points.reserve(demand.pc4s.size());
    for (const auto& area : demand.pc4s) points.push_back(area.rd);
    return points;
}

std::string metres(double value) {
    return std::to_string(static_cast<long long>(std::llround(value))) + " m";
}

}  // namespace

double rd_distance(geo::RdPoint a, geo::RdPoint b) {
    const double dx = a.x - b.x, dy = a.y - b.y;
    return std::sqrt(dx * dx + dy * dy);
}

CoverageAnalysis::CoverageAnalysis(const geo::Snapshot& snapshot, std::shared_ptr<const Demand> demand)
    : snapshot_(snapshot),
      demand_(std::move(demand)),
      pc4s_by_municipality_(snapshot.municipalities().all().size()),
      libraries_by_municipality_(snapshot.municipalities().all().size()),
      pc4_index_(pc4_points(*demand_)) {
    const auto& locations = snapshot_.locations();
    facts_.reserve(locations.size());
    for (const auto& location : locations) {
        facts_.push_back(location_facts(location));
        soort_bit_.push_back(soort_bit(facts_.back().soort));
    }
    // The PC4's municipality comes from the demand file (point in polygon at build time, on the same CBS
    // 2023 boundaries), so no polygon test is needed here.
    municipality_of_pc4_.reserve(demand_->pc4s.size());
    for (std::size_t i = 0; i < demand_->pc4s.size(); ++i) {
        const auto m = snapshot_.municipalities().find(demand_->pc4s[i].gemeentecode);
        if (!m) throw std::invalid_argument("pc4 " + demand_->pc4s[i].pc4 + ": unknown gemeentecode " + demand_->pc4s[i].gemeentecode);
        municipality_of_pc4_.push_back(*m);
        pc4s_by_municipality_[*m].push_back(i);
    }
    for (std::size_t i = 0; i < demand_->bibliotheken.size(); ++i) {
        const auto m = snapshot_.municipalities().find(demand_->bibliotheken[i].gemeentecode);
        if (!m) throw std::invalid_argument(demand_->bibliotheken[i].id + ": unknown gemeentecode");
        libraries_by_municipality_[*m].push_back(i);
    }
    field(all_soorten);  // the default question's work, done once here rather than in the first request
}

const CoverageAnalysis::Field& CoverageAnalysis::field(unsigned mask) const {
    std::call_once(field_once_[mask], [&] {
        std::vector<std::size_t> members;
        std::vector<geo::RdPoint> points;
        for (std::size_t i = 0; i < snapshot_.locations().size(); ++i)
            if ((soort_bit_[i] & mask) != 0) {
                members.push_back(i);
                points.push_back(snapshot_.locations()[i].rd);
            }
        geo::LocationIndex index(std::move(points));
        std::vector<Reach> reach(demand_->pc4s.size());
        if (index.size() > 0)
            for (std::size_t p = 0; p < demand_->pc4s.size(); ++p) {
                const auto nearest = index.nearest(demand_->pc4s[p].rd, 1);
                // Ties go to the lower index in the tree, i.e. the lower location index (members ascend).
                reach[p] = {nearest.front().distance_m, members[nearest.front().index], geo::Snapshot::npos};
            }
        fields_[mask] = std::make_unique<const Field>(Field{std::move(members), std::move(index), std::move(reach)});
    });
    return *fields_[mask];
}

CoverageResult<Counting> CoverageAnalysis::resolve(const CoverageOptions& options) const {
    std::vector<CoverageError> problems;
    Counting counting;
    if (options.drempels_m.empty() || options.drempels_m.size() > max_drempels)
        problems.push_back({ErrorCode::ongeldig_aantal_drempels, "drempels",
                            "Geef 1 tot en met " + std::to_string(max_drempels) + " afstanden."});
    for (std::size_t i = 0; i < options.drempels_m.size(); ++i) {
        const double d = options.drempels_m[i];
        const std::string veld = "drempels[" + std::to_string(i) + "]";
        if (!(d >= min_drempel_m && d <= max_drempel_m))  // also refuses NaN
            problems.push_back({ErrorCode::drempel_buiten_bereik, veld,
                                "Een afstand ligt tussen " + metres(min_drempel_m) + " en " + metres(max_drempel_m) + "."});
        else if (std::find(options.drempels_m.begin(), options.drempels_m.begin() + static_cast<std::ptrdiff_t>(i), d) !=
                 options.drempels_m.begin() + static_cast<std::ptrdiff_t>(i))
            problems.push_back({ErrorCode::dubbele_drempel, veld, "Deze afstand staat er al."});
    }
    counting.drempels_m = options.drempels_m;

    counting.mask = options.soorten.empty() ? all_soorten : 0;
    for (std::size_t i = 0; i < options.soorten.size(); ++i) {
        const unsigned bit = soort_bit(options.soorten[i]);
        if (bit == (1u << herkomst_soorten.size()))
            problems.push_back({ErrorCode::onbekende_herkomst, "soorten[" + std::to_string(i) + "]",
                                "Kies uit ido-voorbeeld, bibliotheekgebouw, gegenereerd, beheer en import."});
        else
            counting.mask |= bit;
    }

    if (options.extra_posities.size() > max_extra_posities)
        problems.push_back({ErrorCode::te_veel_extra_posities, "extraPosities",
                            "Geef hoogstens " + std::to_string(max_extra_posities) + " extra posities."});
    for (std::size_t i = 0; i < options.extra_posities.size() && i < max_extra_posities; ++i) {
        const auto p = options.extra_posities[i];
        const std::string veld = "extraPosities[" + std::to_string(i) + "]";
        if (!(std::isfinite(p.lat) && std::isfinite(p.lon) && std::abs(p.lat) <= 90 && std::abs(p.lon) <= 180)) {
            problems.push_back({ErrorCode::ongeldige_coordinaat, veld, "Dit is geen geldige positie."});
            continue;
        }
        // The product's one notion of "in the Netherlands" (geo/dataset.hpp), as for help points themselves.
        if (!geo::near_netherlands(p)) {
            problems.push_back({ErrorCode::buiten_nederland, veld, "Deze positie ligt niet in Nederland."});
            continue;
        }
        auto rd = geo::Transformer::to_rd(p);
        if (!rd) {
            problems.push_back({ErrorCode::ongeldige_coordinaat, veld, "Deze positie kan niet worden omgerekend."});
            continue;
        }
        counting.extra_posities.push_back(p);
        counting.extra_rd.push_back(*rd);
    }
    if (!problems.empty()) return problems;
    return counting;
}

bool CoverageAnalysis::counts(const Counting& counting, std::size_t location) const {
    return (soort_bit_[location] & counting.mask) != 0;
}

bool CoverageAnalysis::anything_counts(const Counting& counting) const {
    return !counting.extra_rd.empty() || !field(counting.mask).members.empty();
}

Reach CoverageAnalysis::with_extras(Reach base, const Counting& counting, geo::RdPoint point) const {
    for (std::size_t e = 0; e < counting.extra_rd.size(); ++e) {
        const double d = rd_distance(point, counting.extra_rd[e]);
        if (d < base.afstand_m) base = {d, geo::Snapshot::npos, e};  // a real help point wins a tie
    }
    return base;
}

Reach CoverageAnalysis::reach(const Counting& counting, std::size_t pc4) const {
    return with_extras(field(counting.mask).reach[pc4], counting, demand_->pc4s[pc4].rd);
}

Reach CoverageAnalysis::reach_of(const Counting& counting, geo::RdPoint point) const {
    const Field& f = field(counting.mask);
    Reach base;
    if (f.index.size() > 0) {
        const auto nearest = f.index.nearest(point, 1);
        base = {nearest.front().distance_m, f.members[nearest.front().index], geo::Snapshot::npos};
    }
    return with_extras(base, counting, point);
}

std::optional<std::size_t> CoverageAnalysis::municipality_index(std::string_view gemeentecode) const {
    return snapshot_.municipalities().find(gemeentecode);
}

Gap CoverageAnalysis::gap(std::size_t pc4, const Reach& reach, const Counting&) const {
    const auto& area = demand_->pc4s[pc4];
    Gap g{area.pc4, area.woonplaatsen, area.inwoners, reach.afstand_m, {}, std::nullopt};
    if (reach.location != geo::Snapshot::npos) g.informatiepunt_id = snapshot_.locations()[reach.location].id;
    if (reach.extra != geo::Snapshot::npos) g.extra_positie = reach.extra;
    return g;
}

CoverageFigures CoverageAnalysis::figures(const Counting& counting, const std::vector<std::size_t>& pc4s,
                                          const std::vector<Reach>& reaches) const {
    CoverageFigures out;
    out.pc4s = pc4s.size();
    // (distance, residents) ordered by distance: the median and every threshold come from one sorted list.
    std::vector<std::pair<double, std::int64_t>> weighted;
    weighted.reserve(pc4s.size());
    double weighted_sum = 0;
    for (std::size_t i = 0; i < pc4s.size(); ++i) {
        const std::int64_t w = demand_->pc4s[pc4s[i]].inwoners;
        out.inwoners += w;
        if (w > 0) {
            weighted_sum += static_cast<double>(w) * reaches[i].afstand_m;
            weighted.emplace_back(reaches[i].afstand_m, w);
        }
    }
    std::sort(weighted.begin(), weighted.end());
    if (out.inwoners > 0) {
        out.gemiddelde_afstand_m = weighted_sum / static_cast<double>(out.inwoners);
        std::int64_t cumulative = 0;
        for (const auto& [d, w] : weighted) {
            cumulative += w;
            if (2 * cumulative >= out.inwoners) {
                out.mediaan_afstand_m = d;
                break;
            }
        }
    }
    for (const double t : counting.drempels_m) {
        ThresholdCoverage tc;
        tc.drempel_m = t;
        for (std::size_t i = 0; i < pc4s.size(); ++i) {
            const std::int64_t w = demand_->pc4s[pc4s[i]].inwoners;
            if (reaches[i].afstand_m <= t) {
                tc.inwoners_binnen += w;
            } else {
                tc.inwoners_buiten += w;
                if (w > 0) tc.witte_vlekken.push_back(gap(pc4s[i], reaches[i], counting));
            }
        }
        if (out.inwoners > 0) tc.aandeel = static_cast<double>(tc.inwoners_binnen) / static_cast<double>(out.inwoners);
        std::sort(tc.witte_vlekken.begin(), tc.witte_vlekken.end(), [](const Gap& a, const Gap& b) {
            return a.inwoners != b.inwoners ? a.inwoners > b.inwoners : a.pc4 < b.pc4;
        });
        out.drempels.push_back(std::move(tc));
    }
    return out;
}

CoverageResult<MunicipalityCoverage> CoverageAnalysis::municipality(std::string_view gemeentecode,
                                                                    const CoverageOptions& options) const {
    auto resolved = resolve(options);
    const auto m = municipality_index(gemeentecode);
    if (!m) {
        auto problems = std::holds_alternative<Counting>(resolved) ? std::vector<CoverageError>{}
                                                                   : std::get<std::vector<CoverageError>>(resolved);
        problems.insert(problems.begin(), {ErrorCode::onbekende_gemeente, "gemeentecode", "Deze gemeente bestaat niet."});
        return problems;
    }
    if (auto* problems = std::get_if<std::vector<CoverageError>>(&resolved)) return std::move(*problems);
    const Counting& counting = std::get<Counting>(resolved);
    if (!anything_counts(counting))
        return std::vector<CoverageError>{{ErrorCode::geen_informatiepunten, "soorten",
                                           "Er telt geen enkel informatiepunt mee."}};
    MunicipalityCoverage out;
    out.gemeentecode = snapshot_.municipalities().all()[*m].gemeentecode;
    out.gemeentenaam = snapshot_.municipalities().all()[*m].naam;
    for (const std::size_t l : snapshot_.locations_in(*m)) out.informatiepunten += counts(counting, l) ? 1 : 0;
    const auto& pc4s = pc4s_in(*m);
    std::vector<Reach> reaches;
    reaches.reserve(pc4s.size());
    for (const std::size_t p : pc4s) reaches.push_back(reach(counting, p));
    out.cijfers = figures(counting, pc4s, reaches);
    return out;
}

CoverageResult<NationalCoverage> CoverageAnalysis::national(const CoverageOptions& options) const {
    auto resolved = resolve(options);
    if (auto* problems = std::get_if<std::vector<CoverageError>>(&resolved)) return std::move(*problems);
    const Counting& counting = std::get<Counting>(resolved);
    if (!anything_counts(counting))
        return std::vector<CoverageError>{{ErrorCode::geen_informatiepunten, "soorten",
                                           "Er telt geen enkel informatiepunt mee."}};
    const std::size_t n = demand_->pc4s.size();
    std::vector<Reach> all(n);
    for (std::size_t p = 0; p < n; ++p) all[p] = reach(counting, p);

    NationalCoverage out;
    out.informatiepunten = field(counting.mask).members.size();
    std::vector<std::size_t> every(n);
    for (std::size_t p = 0; p < n; ++p) every[p] = p;
    out.land = figures(counting, every, all);

    const auto& municipalities = snapshot_.municipalities().all();
    out.gemeenten.reserve(municipalities.size());
    std::vector<Reach> reaches;
    for (std::size_t m = 0; m < municipalities.size(); ++m) {
        MunicipalityCoverage mc;
        mc.gemeentecode = municipalities[m].gemeentecode;
        mc.gemeentenaam = municipalities[m].naam;
        for (const std::size_t l : snapshot_.locations_in(m)) mc.informatiepunten += counts(counting, l) ? 1 : 0;
        reaches.clear();
        for (const std::size_t p : pc4s_in(m)) reaches.push_back(all[p]);
        mc.cijfers = figures(counting, pc4s_in(m), reaches);
        out.gemeenten.push_back(std::move(mc));
    }
    return out;
}

}  // namespace ido::coverage
