#include "geo/coverage/advice.hpp"

#include <algorithm>
#include <tuple>

namespace ido::coverage {
namespace {

struct Candidate {
    SiteKind kind;
    std::string id;
    std::string naam;
    std::string pc4;
    geo::Wgs84 position;
    geo::RdPoint rd;
    std::int64_t gain = 0;
    bool open = true;  // still on offer (no help point or chosen site within 100 m)
};

// Library buildings first, then the lowest PC4 (a library without a postcode after those with one),
// then the id: an order that does not depend on the order of the input files.
bool before(const Candidate& a, const Candidate& b) {
    const auto key = [](const Candidate& c) {
        return std::make_tuple(c.kind == SiteKind::bibliotheek ? 0 : 1, c.pc4.empty() ? 1 : 0, std::string_view(c.pc4),
                               std::string_view(c.id));
    };
    return key(a) < key(b);
}

}  // namespace

std::string_view to_string(SiteKind kind) { return kind == SiteKind::bibliotheek ? "bibliotheek" : "pc4"; }

CoverageResult<Advice> advise(const CoverageAnalysis& analysis, std::string_view gemeentecode, const AdviceOptions& options) {
    // Validate through the same rules as a coverage question, with the one threshold.
    auto resolved = analysis.resolve({{options.drempel_m}, options.soorten, options.extra_posities});
    std::vector<CoverageError> problems;
    const auto m = analysis.municipality_index(gemeentecode);
    if (!m) problems.push_back({ErrorCode::onbekende_gemeente, "gemeentecode", "Deze gemeente bestaat niet."});
    if (auto* p = std::get_if<std::vector<CoverageError>>(&resolved))
        for (auto& e : *p) {
            if (e.veld == "drempels[0]") e.veld = "drempel";
            problems.push_back(std::move(e));
        }
    if (options.aantal < 1 || options.aantal > max_advies_locaties)
        problems.push_back({ErrorCode::ongeldig_aantal_locaties, "aantal",
                            "Vraag 1 tot en met " + std::to_string(max_advies_locaties) + " locaties."});
    if (!problems.empty()) return problems;
    Counting counting = std::get<Counting>(std::move(resolved));
    if (!analysis.anything_counts(counting))
        return std::vector<CoverageError>{{ErrorCode::geen_informatiepunten, "soorten", "Er telt geen enkel informatiepunt mee."}};

    const Demand& demand = analysis.demand();
    const double t = options.drempel_m;
    Advice out;
    out.gemeentecode = analysis.snapshot().municipalities().all()[*m].gemeentecode;
    out.gemeentenaam = analysis.snapshot().municipalities().all()[*m].naam;
    out.drempel_m = t;

    // The municipality's residents beyond the threshold: the only ones a site can gain.
    std::vector<char> beyond(demand.pc4s.size(), 0);
    for (const std::size_t p : analysis.pc4s_in(*m)) {
        const std::int64_t w = demand.pc4s[p].inwoners;
        out.inwoners += w;
        if (analysis.reach(counting, p).afstand_m <= t) out.binnen_voor += w;
        else if (w > 0) beyond[p] = 1;
    }

    std::vector<Candidate> candidates;
    for (const std::size_t b : analysis.libraries_in(*m)) {
        const auto& lib = demand.bibliotheken[b];
        candidates.push_back({SiteKind::bibliotheek, lib.id, lib.naam, lib.postcode.substr(0, std::min<std::size_t>(4, lib.postcode.size())),
                              lib.position, lib.rd});
    }
    for (const std::size_t p : analysis.pc4s_in(*m)) {
        const auto& area = demand.pc4s[p];
        candidates.push_back({SiteKind::pc4, area.pc4, area.woonplaatsen.empty() ? std::string() : area.woonplaatsen.front(),
                              area.pc4, area.position, area.rd});
    }
    std::sort(candidates.begin(), candidates.end(), before);
    for (auto& c : candidates) c.open = analysis.reach_of(counting, c.rd).afstand_m > kandidaat_min_afstand_m;
    out.kandidaten = static_cast<std::size_t>(std::count_if(candidates.begin(), candidates.end(), [](const Candidate& c) { return c.open; }));

    const auto& index = analysis.pc4_index();
    const auto accept = [&](std::size_t p) { return beyond[p] != 0; };
    const auto evaluate = [&](Candidate& c) {
        c.gain = 0;
        for (const auto& n : index.within_radius(c.rd, t, accept)) c.gain += demand.pc4s[n.index].inwoners;
    };
    for (auto& c : candidates)
        if (c.open) evaluate(c);

    out.binnen_na = out.binnen_voor;
    for (std::size_t round = 0; round < options.aantal; ++round) {
        // The first open candidate with the largest gain: candidates are in tie-break order already.
        const Candidate* best = nullptr;
        for (const auto& c : candidates)
            if (c.open && (best == nullptr || c.gain > best->gain)) best = &c;
        if (best == nullptr || best->gain == 0) break;  // nobody left to bring within reach
        Site site{best->kind, best->id, best->naam, best->pc4, best->position, best->gain, {}};
        const geo::RdPoint chosen = best->rd;
        for (const auto& n : index.within_radius(chosen, t, accept)) {
            site.nieuw_binnen.push_back(demand.pc4s[n.index].pc4);
            beyond[n.index] = 0;
        }
        std::sort(site.nieuw_binnen.begin(), site.nieuw_binnen.end());
        out.binnen_na += site.winst;
        out.locaties.push_back(std::move(site));
        // Only candidates within 2 t of the chosen site share PC4s with it, so only their gains change.
        for (auto& c : candidates) {
            if (!c.open) continue;
            const double d = rd_distance(c.rd, chosen);
            if (d <= kandidaat_min_afstand_m) c.open = false;  // the chosen site is a help point now
            else if (d <= 2 * t + 0.001) evaluate(c);  // 1 mm of slack for rounding
        }
    }
    return out;
}

}  // namespace ido::coverage
