#include "service/render/coverage_json.hpp"

#include "geo/hours/amsterdam_time.hpp"
#include "service/render/json_output.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ido::service {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void string(Writer& w, std::string_view text) { w.String(text.data(), static_cast<rapidjson::SizeType>(text.size())); }

// Distances in whole metres: the analysis is straight-line over a PC4 point, so decimetres would only
// suggest a precision the method does not have.
void metres(Writer& w, std::optional<double> value) {
    if (value && std::isfinite(*value)) w.Int64(std::llround(*value));
    else w.Null();
}

// The witte vlekken of the largest threshold: those are the residents furthest from help, and with the
// default thresholds the list beyond 1 km would be most of the rural PC4s. Every vlek carries its own
// distance, so a shorter threshold's gaps can be read off by asking for it as the largest.
const coverage::ThresholdCoverage* largest(const coverage::CoverageFigures& figures) {
    const coverage::ThresholdCoverage* best = nullptr;
    for (const auto& t : figures.drempels)
        if (best == nullptr || t.drempel_m > best->drempel_m) best = &t;
    return best;
}

void write_figures(Writer& w, const coverage::CoverageFigures& figures, const coverage::CoverageOptions& options, bool with_gaps) {
    w.Key("inwoners");
    w.Int64(figures.inwoners);
    w.Key("gemiddeldeAfstand");
    metres(w, figures.gemiddelde_afstand_m);
    w.Key("medianeAfstand");
    metres(w, figures.mediaan_afstand_m);
    w.Key("binnen");
    w.StartArray();
    for (const auto& t : figures.drempels) {
        w.StartObject();
        w.Key("afstand");
        metres(w, t.drempel_m);
        w.Key("inwoners");
        w.Int64(t.inwoners_binnen);
        w.Key("aandeel");
        if (t.aandeel) w.Double(*t.aandeel);
        else w.Null();
        w.EndObject();
    }
    w.EndArray();
    if (with_gaps) {
        const auto* gaps = largest(figures);
        const std::size_t total = gaps != nullptr ? gaps->witte_vlekken.size() : 0;
        w.Key("witteVlekken");
        w.StartArray();
        for (std::size_t i = 0; i < std::min(total, max_witte_vlekken); ++i) {
            const auto& gap = gaps->witte_vlekken[i];
            w.StartObject();
            w.Key("postcode");
            string(w, gap.pc4);
            w.Key("woonplaats");
            if (gap.woonplaatsen.empty()) w.Null();
            else string(w, gap.woonplaatsen.front());
            w.Key("inwoners");
            w.Int64(gap.inwoners);
            w.Key("afstand");
            metres(w, gap.afstand_m);
            w.EndObject();
        }
        w.EndArray();
        w.Key("aantalWitteVlekken");
        w.Uint64(total);
    }
    w.Key("meegeteld");
    w.StartArray();
    if (options.soorten.empty())
        for (auto soort : coverage::herkomst_soorten) string(w, soort);
    else
        for (const auto& soort : options.soorten) string(w, soort);
    w.EndArray();
    w.Key("bevolkingPeildatum");
    w.String(bevolking_peildatum);
    w.Key("methode");
    w.String("hemelsbreed");
}

void write_municipality(Writer& w, const coverage::MunicipalityCoverage& m, const coverage::CoverageOptions& options, bool with_gaps) {
    w.StartObject();
    w.Key("gemeentecode");
    string(w, m.gemeentecode);
    w.Key("naam");
    string(w, m.gemeentenaam);
    w.Key("aantalInformatiepunten");
    w.Uint64(m.informatiepunten);
    write_figures(w, m.cijfers, options, with_gaps);
    w.EndObject();
}

// Hours to the minute (two decimals of an hour are 36 seconds): the averages over four weeks would
// otherwise print fifteen meaningless digits.
void hour_figure(Writer& w, double value) { w.Double(std::round(value * 100) / 100); }

void write_hours(Writer& w, const coverage::HoursFigures& h) {
    w.StartObject();
    w.Key("perWeek");
    hour_figure(w, h.per_week);
    w.Key("inloop");
    hour_figure(w, h.inloop);
    w.Key("opAfspraak");
    hour_figure(w, h.op_afspraak);
    w.Key("werkwijzeOnbekend");
    hour_figure(w, h.werkwijze_onbekend);
    w.Key("avond");
    hour_figure(w, h.avond);
    w.Key("zaterdag");
    hour_figure(w, h.zaterdag);
    w.EndObject();
}

void strings(Writer& w, const char* key, const std::vector<std::string>& values) {
    w.Key(key);
    w.StartArray();
    for (const auto& v : values) string(w, v);
    w.EndArray();
}

}  // namespace

std::string overview_json(const coverage::MunicipalityOverview& o, const std::vector<std::string>& soorten) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    w.Key("gemeentecode");
    string(w, o.gemeentecode);
    w.Key("naam");
    string(w, o.gemeentenaam);
    w.Key("vanaf");
    w.String(hours::format_amsterdam(o.vanaf));
    w.Key("tot");
    w.String(hours::format_amsterdam(o.tot));
    w.Key("inwoners");
    w.Int64(o.inwoners);
    w.Key("uren");
    write_hours(w, o.uren);
    w.Key("urenPer10000Inwoners");
    if (o.uren_per_10000_inwoners) hour_figure(w, *o.uren_per_10000_inwoners);
    else w.Null();
    strings(w, "aangebodenDiensten", o.aangeboden_diensten);
    strings(w, "ontbrekendeDiensten", o.ontbrekende_diensten);
    strings(w, "teControleren", o.te_controleren);
    w.Key("informatiepunten");
    w.StartArray();
    for (const auto& l : o.locaties) {
        w.StartObject();
        w.Key("id");
        string(w, l.id);
        w.Key("naam");
        string(w, l.naam);
        w.Key("herkomst");
        string(w, l.soort);
        strings(w, "diensten", l.diensten);
        w.Key("uren");
        write_hours(w, l.uren);
        w.Key("tijdenOnbekend");
        w.Bool(l.tijden_onbekend);
        w.Key("laatstGecontroleerd");
        if (l.laatst_gecontroleerd) string(w, *l.laatst_gecontroleerd);
        else w.Null();
        w.Key("teControleren");
        w.Bool(l.te_controleren);
        w.EndObject();
    }
    w.EndArray();
    w.Key("meegeteld");
    w.StartArray();
    if (soorten.empty())
        for (auto soort : coverage::herkomst_soorten) string(w, soort);
    else
        for (const auto& soort : soorten) string(w, soort);
    w.EndArray();
    w.EndObject();
    return buffer.GetString();
}

std::string municipality_coverage_json(const coverage::MunicipalityCoverage& figures, const coverage::CoverageOptions& options) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    write_municipality(w, figures, options, true);
    return buffer.GetString();
}

std::string advice_json(const coverage::Advice& advice) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    const auto share = [&](std::int64_t within) {
        if (advice.inwoners > 0) w.Double(static_cast<double>(within) / static_cast<double>(advice.inwoners));
        else w.Null();
    };
    w.StartObject();
    w.Key("gemeentecode");
    string(w, advice.gemeentecode);
    w.Key("naam");
    string(w, advice.gemeentenaam);
    w.Key("binnen");
    metres(w, advice.drempel_m);
    w.Key("inwoners");
    w.Int64(advice.inwoners);
    w.Key("aandeelNu");
    share(advice.binnen_voor);
    w.Key("locaties");
    w.StartArray();
    std::int64_t within = advice.binnen_voor;
    for (const auto& site : advice.locaties) {
        within += site.winst;
        w.StartObject();
        w.Key("geometrie");
        const std::string point = point_json(site.positie);
        w.RawValue(point.data(), point.size(), rapidjson::kObjectType);
        const bool library = site.soort == coverage::SiteKind::bibliotheek;
        w.Key("soort");
        w.String(library ? "bibliotheek" : "postcode");
        if (library) {
            w.Key("id");
            string(w, site.id);
            w.Key("naam");
            string(w, site.naam);
        } else {
            w.Key("postcode");
            string(w, site.pc4);
            w.Key("woonplaats");
            string(w, site.naam);
        }
        w.Key("extraInwonersBinnen");
        w.Int64(site.winst);
        w.Key("aandeelNa");
        share(within);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return buffer.GetString();
}

std::string national_coverage_json(const coverage::NationalCoverage& figures, const coverage::CoverageOptions& options) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    w.Key("aantalInformatiepunten");
    w.Uint64(figures.informatiepunten);
    write_figures(w, figures.land, options, true);
    w.Key("gemeenten");
    w.StartArray();
    for (const auto& m : figures.gemeenten) write_municipality(w, m, options, false);
    w.EndArray();
    w.EndObject();
    return buffer.GetString();
}

}  // namespace ido::service
