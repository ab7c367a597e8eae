#include "geo/coverage/overview.hpp"

#include "geo/hours/amsterdam_time.hpp"
#include "geo/hours/hours.hpp"

#include <date/date.h>

#include <algorithm>
#include <charconv>
#include <span>
#include <system_error>

namespace ido::coverage {
namespace {

using namespace std::chrono_literals;

enum class Mode { inloop, op_afspraak, onbekend };

// Adds one open period, cut at local midnight and 18:00 so each piece is wholly evening or not, and
// wholly on one day (a period may run past midnight).
void add(HoursFigures& h, const hours::Slot& slot, Mode mode) {
    auto t = slot.begin;
    while (t < slot.end) {
        const date::local_seconds local = hours::to_local(t);
        const date::local_days day = date::floor<date::days>(local);
        const auto time_of_day = local - day;
        const date::local_seconds next = time_of_day < 18h ? day + 18h : day + date::days{1};
        auto boundary = hours::to_sys(next, t);
        if (boundary <= t) boundary = t + 1h;  // cannot happen with a sane tz database; never loop forever
        const auto end = std::min(slot.end, boundary);
        const double part = std::chrono::duration<double, std::ratio<3600>>(end - t).count();
        h.per_week += part;
        (mode == Mode::inloop ? h.inloop : mode == Mode::op_afspraak ? h.op_afspraak : h.werkwijze_onbekend) += part;
        if (time_of_day >= 18h) h.avond += part;
        if (date::weekday{day} == date::Saturday) h.zaterdag += part;
        t = end;
    }
}

void add(HoursFigures& to, const HoursFigures& h) {
    to.per_week += h.per_week;
    to.inloop += h.inloop;
    to.op_afspraak += h.op_afspraak;
    to.werkwijze_onbekend += h.werkwijze_onbekend;
    to.avond += h.avond;
    to.zaterdag += h.zaterdag;
}

void scale(HoursFigures& h, double f) {
    for (double* v : {&h.per_week, &h.inloop, &h.op_afspraak, &h.werkwijze_onbekend, &h.avond, &h.zaterdag}) *v *= f;
}

Mode mode_of(std::optional<bool> op_afspraak, const hours::Slot& slot) {
    if (op_afspraak) return *op_afspraak ? Mode::op_afspraak : Mode::inloop;
    // e.g. `Mo 10:00-12:00 open "op afspraak"` on a desk that does not say
    return slot.opmerking.find("afspraak") != std::string::npos ? Mode::op_afspraak : Mode::onbekend;
}

std::optional<date::year_month_day> parse_date(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int y = 0;
    unsigned m = 0, d = 0;
    const char* s = text.data();
    if (std::from_chars(s, s + 4, y).ec != std::errc() || std::from_chars(s + 5, s + 7, m).ec != std::errc() ||
        std::from_chars(s + 8, s + 10, d).ec != std::errc())
        return std::nullopt;
    const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return ymd;
}

// The first day that is not "more than controle_maanden months ago" (29 February maps to the month's end).
date::year_month_day check_cutoff(std::chrono::sys_seconds vanaf) {
    const date::year_month_day today{date::floor<date::days>(hours::to_local(vanaf))};
    date::year_month_day cutoff = today - date::months{controle_maanden};
    if (!cutoff.ok()) cutoff = date::year_month_day{date::year_month_day_last{cutoff.year(), date::month_day_last{cutoff.month()}}};
    return cutoff;
}

}  // namespace

LocationOverview location_overview(const CoverageAnalysis& analysis, std::size_t index, std::chrono::sys_seconds vanaf) {
    const geo::Location& location = analysis.snapshot().locations()[index];
    const LocationFacts& facts = analysis.facts(index);
    LocationOverview out;
    out.id = location.id;
    out.naam = location.naam;
    out.soort = facts.soort;
    out.diensten = location.diensten;
    out.laatst_gecontroleerd = facts.laatst_gecontroleerd;

    const std::chrono::seconds span = std::chrono::days{7 * overzicht_weken};
    bool any_known = false;
    const auto add_schedule = [&](const hours::Schedule& schedule, std::optional<bool> op_afspraak) {
        if (schedule.unknown_hours()) return;
        any_known = true;
        for (const auto& slot : hours::slots(schedule, vanaf, span))
            if (slot.state == hours::State::open) add(out.uren, slot, mode_of(op_afspraak, slot));
    };
    if (!location.spreekuur_schedules.empty()) {
        for (std::size_t d = 0; d < location.spreekuur_schedules.size(); ++d) {
            std::optional<bool> op_afspraak = facts.spreekuur_op_afspraak[d];
            if (!op_afspraak && location.op_afspraak.value_or(false)) op_afspraak = true;  // all help is by appointment
            add_schedule(location.spreekuur_schedules[d], op_afspraak);
        }
    } else {
        std::optional<bool> op_afspraak;
        if (location.op_afspraak.value_or(false)) op_afspraak = true;
        else if (location.op_afspraak == false && location.inloop == true) op_afspraak = false;
        add_schedule(location.schedule, op_afspraak);
    }
    scale(out.uren, 1.0 / overzicht_weken);
    out.tijden_onbekend = !any_known;

    const auto checked = out.laatst_gecontroleerd ? parse_date(*out.laatst_gecontroleerd) : std::nullopt;
    out.te_controleren = !checked || *checked < check_cutoff(vanaf);
    return out;
}

CoverageResult<MunicipalityOverview> municipality_overview(const CoverageAnalysis& analysis, std::string_view gemeentecode,
                                                           const OverviewOptions& options) {
    std::vector<CoverageError> problems;
    const auto m = analysis.municipality_index(gemeentecode);
    if (!m) problems.push_back({ErrorCode::onbekende_gemeente, "gemeentecode", "Deze gemeente bestaat niet."});
    CoverageOptions question;
    question.soorten = options.soorten;
    auto resolved = analysis.resolve(question);
    if (auto* p = std::get_if<std::vector<CoverageError>>(&resolved)) problems.insert(problems.end(), p->begin(), p->end());
    if (!problems.empty()) return problems;
    const Counting& counting = std::get<Counting>(resolved);

    MunicipalityOverview out;
    const auto& municipality = analysis.snapshot().municipalities().all()[*m];
    out.gemeentecode = municipality.gemeentecode;
    out.gemeentenaam = municipality.naam;
    out.vanaf = options.vanaf;
    out.tot = options.vanaf + std::chrono::days{7 * overzicht_weken};
    for (const std::size_t p : analysis.pc4s_in(*m)) out.inwoners += analysis.demand().pc4s[p].inwoners;

    std::vector<std::string> offered;
    for (const std::size_t l : analysis.snapshot().locations_in(*m)) {
        if (!analysis.counts(counting, l)) continue;
        LocationOverview lo = location_overview(analysis, l, options.vanaf);
        add(out.uren, lo.uren);
        offered.insert(offered.end(), lo.diensten.begin(), lo.diensten.end());
        if (lo.te_controleren) out.te_controleren.push_back(lo.id);
        out.locaties.push_back(std::move(lo));
    }
    if (out.inwoners > 0) out.uren_per_10000_inwoners = out.uren.per_week * 10000.0 / static_cast<double>(out.inwoners);

    std::sort(offered.begin(), offered.end());
    offered.erase(std::unique(offered.begin(), offered.end()), offered.end());
    for (const auto code : dienst_codes) {
        if (std::binary_search(offered.begin(), offered.end(), std::string(code))) out.aangeboden_diensten.emplace_back(code);
        else out.ontbrekende_diensten.emplace_back(code);
    }
    for (const auto& code : offered)  // codes outside the list (a newer record) still show as offered
        if (std::find(dienst_codes.begin(), dienst_codes.end(), code) == dienst_codes.end()) out.aangeboden_diensten.push_back(code);
    return out;
}

}  // namespace ido::coverage
