// The coverage figures kept per quarter (issue 13): so that next year's report to the council compares
// with this year's. Stored once per quarter and area, by whichever replica gets there first.
#include "geo/coverage/overview.hpp"
#include "service/endpoints/gemeentedata.hpp"
#include "service/endpoints/gemeentedata_common.hpp"
#include "service/http/query.hpp"
#include "service/render/snapshot_answers.hpp"

#include <chrono>
#include <cmath>
#include <variant>

namespace ido::service {
namespace {

using namespace gemeentedata;

const std::string route = "/v1/gemeenten/{gemeentecode}/kwartalen";

// The thresholds kept, in metres; the columns of the store (binnen_1km ...).
constexpr double kept_thresholds[] = {1000, 3000, 5000, 10000};

// Whole metres and hours to two decimals, as GET .../bereikbaarheid and .../overzicht write them.
void write_metres(JsonWriter& w, const std::optional<double>& v) {
    if (v && std::isfinite(*v)) w.Int64(std::llround(*v));
    else w.Null();
}

void write_quarter(JsonWriter& w, const store::QuarterFigures& q) {
    w.StartObject();
    w.Key("kwartaal");
    w.String(q.kwartaal);
    w.Key("vastgelegd");
    w.String(q.vastgelegd);
    w.Key("inwoners");
    w.Int64(q.inwoners);
    w.Key("gemiddeldeAfstand");
    write_metres(w, q.gemiddelde_afstand_m);
    w.Key("medianeAfstand");
    write_metres(w, q.mediaan_afstand_m);
    w.Key("binnen");
    w.StartArray();
    const std::int64_t within[] = {q.binnen_1km, q.binnen_3km, q.binnen_5km, q.binnen_10km};
    for (std::size_t i = 0; i < 4; ++i) {
        w.StartObject();
        w.Key("afstand");
        w.Int(static_cast<int>(kept_thresholds[i]));
        w.Key("inwoners");
        w.Int64(within[i]);
        w.Key("aandeel");
        if (q.inwoners > 0) w.Double(static_cast<double>(within[i]) / static_cast<double>(q.inwoners));
        else w.Null();
        w.EndObject();
    }
    w.EndArray();
    w.Key("urenPerWeek");
    w.Double(std::round(q.uren_per_week * 100) / 100);
    w.Key("informatiepunten");
    w.Int64(q.informatiepunten);
    w.EndObject();
}

store::QuarterFigures row(const std::string& kwartaal, const std::string& gebied, const coverage::CoverageFigures& f, double hours,
                          std::size_t informatiepunten) {
    store::QuarterFigures q;
    q.kwartaal = kwartaal;
    q.gebied = gebied;
    q.inwoners = f.inwoners;
    q.gemiddelde_afstand_m = f.gemiddelde_afstand_m;
    q.mediaan_afstand_m = f.mediaan_afstand_m;
    std::int64_t* within[] = {&q.binnen_1km, &q.binnen_3km, &q.binnen_5km, &q.binnen_10km};
    for (std::size_t i = 0; i < 4 && i < f.drempels.size(); ++i) *within[i] = f.drempels[i].inwoners_binnen;
    q.uren_per_week = hours;
    q.informatiepunten = static_cast<std::int64_t>(informatiepunten);
    return q;
}

}  // namespace

std::string quarter_of(std::chrono::sys_seconds when) {
    const std::chrono::year_month_day day(std::chrono::floor<std::chrono::days>(when));
    const unsigned quarter = (static_cast<unsigned>(day.month()) - 1) / 3 + 1;
    return std::to_string(static_cast<int>(day.year())) + "-K" + std::to_string(quarter);
}

std::size_t record_quarter_if_absent(store::Store& store, const geo::Snapshot& snapshot, const std::shared_ptr<const coverage::Demand>& demand,
                                     std::chrono::sys_seconds now) {
    if (!demand) return 0;
    const std::string kwartaal = quarter_of(now);
    if (store.has_quarter(kwartaal)) return 0;
    const auto& analysis = SnapshotAnswers::of(snapshot).coverage(demand);
    coverage::CoverageOptions options;
    options.drempels_m.assign(std::begin(kept_thresholds), std::end(kept_thresholds));
    auto national = analysis.national(options);
    const auto* figures = std::get_if<coverage::NationalCoverage>(&national);
    if (figures == nullptr) return 0;
    std::vector<store::QuarterFigures> rows;
    double national_hours = 0;
    for (const auto& m : figures->gemeenten) {
        // The same hours as GET .../overzicht: the coming four weeks from now, all help points counted.
        double hours = 0;
        auto overview = coverage::municipality_overview(analysis, m.gemeentecode, {now, {}});
        if (const auto* o = std::get_if<coverage::MunicipalityOverview>(&overview)) hours = o->uren.per_week;
        national_hours += hours;
        rows.push_back(row(kwartaal, m.gemeentecode, m.cijfers, hours, m.informatiepunten));
    }
    rows.push_back(row(kwartaal, "NL", figures->land, national_hours, figures->informatiepunten));
    return store.record_quarter(rows);
}

MunicipalAnswer get_kwartalen(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    QueryParams query(request.query, {});
    if (!query.ok()) return invalid_parameters(query.problems(), request.path, route);
    if (auto problem = unknown_municipality(c, request, p[0], route)) return problem;
    if (c.editor == nullptr) return without_store(request, route);
    return guarded(request, route, [&] {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        w.Key("gemeentecode");
        w.String(p[0].data(), static_cast<rapidjson::SizeType>(p[0].size()));
        w.Key("kwartalen");
        w.StartArray();
        for (const auto& q : c.editor->store().quarters(p[0])) write_quarter(w, q);
        w.EndArray();
        // The country's figures of the same quarters, to compare with.
        w.Key("land");
        w.StartArray();
        for (const auto& q : c.editor->store().quarters("NL")) write_quarter(w, q);
        w.EndArray();
        w.EndObject();
        return uncached_json(buffer.GetString(), route);
    });
}

}  // namespace ido::service
