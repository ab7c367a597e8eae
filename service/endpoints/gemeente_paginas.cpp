#include "service/endpoints/gemeente_paginas.hpp"

#include "geo/coverage/advice.hpp"
#include "geo/coverage/coverage.hpp"
#include "geo/coverage/overview.hpp"
#include "geo/reprojection.hpp"
#include "geo/transformer.hpp"
#include "service/endpoints/parameters.hpp"
#include "service/http/query.hpp"
#include "service/render/gemeente_html.hpp"
#include "service/render/gemeente_kaart.hpp"
#include "service/render/html.hpp"
#include "service/render/snapshot_answers.hpp"

#include <geos/geom/Envelope.h>
#include <geos/geom/GeometryFactory.h>
#include <geos/geom/Point.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace ido::service {
namespace {

constexpr const char* national_route = "/gemeenten";
constexpr const char* municipal_route = "/gemeenten/{gemeentecode}";
// Help points across the border: the nearest this many, at most this far from the border.
constexpr std::size_t over_de_grens_aantal = 5;
constexpr double over_de_grens_max_m = 10000;
// "Similar size": the municipalities whose residents (CBS 2021, per PC4) are nearest in number.
constexpr std::size_t vergelijkbaar_aantal = 10;
// The national map: Douglas-Peucker at 250 m keeps every municipality recognisable at the size the
// page shows it (about 600 px for 300 km) and makes the SVG a fraction of the full polygons.
constexpr double national_tolerance_m = 250;

HttpResponse page_response(int status, std::string body, const char* route) {
    auto response = html::html_response(std::move(body), route);
    response.status = status;
    return response;
}

HttpResponse problem(int status, std::string_view title, std::string_view text, const char* route) {
    return page_response(status, gemeente_html::problem_page(title, text), route);
}

// What /gemeenten needs from one snapshot: the national figures of the default question (the same call
// the cached GET /v1/bereikbaarheid answer makes) and the choropleth, built once per snapshot. The page
// itself is only the table in the order asked, rendered per request (342 rows, well under a millisecond).
struct NationalPage {
    coverage::NationalCoverage figures;
    std::string map_svg;
};

std::shared_ptr<const NationalPage> build_national(const geo::Snapshot& snapshot, const coverage::CoverageAnalysis& analysis) {
    auto result = analysis.national(coverage::CoverageOptions{});
    auto* figures = std::get_if<coverage::NationalCoverage>(&result);
    if (figures == nullptr) return nullptr;
    auto page = std::make_shared<NationalPage>();
    page->figures = std::move(*figures);
    std::vector<std::string> paths;
    kaart::RdBox box{1e18, 1e18, -1e18, -1e18};
    for (const auto& m : page->figures.gemeenten) {
        std::string path;
        if (const auto index = snapshot.municipalities().find(m.gemeentecode))
            if (auto rd = geo::to_rd(snapshot.municipalities().geometry(*index))) {
                path = kaart::path_data(*rd, national_tolerance_m);
                const auto* env = rd->getEnvelopeInternal();
                box = {std::min(box[0], env->getMinX()), std::min(box[1], env->getMinY()), std::max(box[2], env->getMaxX()),
                       std::max(box[3], env->getMaxY())};
            }
        paths.push_back(std::move(path));
    }
    page->map_svg = gemeente_html::national_map(page->figures, paths, kaart::view_box(box, 2000));
    return page;
}

// One entry per snapshot, keyed by a weak pointer so that an old snapshot is not kept alive by the cache.
std::shared_ptr<const NationalPage> national_of(const std::shared_ptr<const geo::Snapshot>& snapshot,
                                                const coverage::CoverageAnalysis& analysis) {
    static std::mutex mutex;
    static std::weak_ptr<const geo::Snapshot> cached_for;
    static std::shared_ptr<const NationalPage> cached;
    std::lock_guard lock(mutex);
    if (cached && cached_for.lock() == snapshot) return cached;
    cached = build_national(*snapshot, analysis);
    cached_for = snapshot;
    return cached;
}

std::string decoded(std::string_view raw) { return percent_decode(raw).value_or(std::string()); }

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(separator, start), text.size());
        if (end > start) parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

std::optional<double> number(std::string_view text) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

}  // namespace

std::optional<HttpResponse> gemeenten_pagina(const RouteContext& context, const HttpRequest& request, const PathParams&) {
    if (!context.demand) return problem(503, "Niet beschikbaar", "De bevolkingsgegevens zijn niet geladen.", national_route);
    const auto snapshot = context.locator.snapshot();
    const auto& analysis = SnapshotAnswers::of(*snapshot).coverage(context.demand);
    const auto national = national_of(snapshot, analysis);
    if (!national) return problem(503, "Niet beschikbaar", "Er zijn geen informatiepunten om mee te rekenen.", national_route);
    std::string sorteer;
    for (const auto& [name, value] : request.query)
        if (name == "sorteer") sorteer = decoded(value);
    return page_response(200, gemeente_html::national_page(national->figures, national->map_svg, sorteer), national_route);
}

std::optional<HttpResponse> gemeente_pagina(const RouteContext& context, const HttpRequest& request, const PathParams& params) {
    const std::string code(params.at(0));
    if (!context.demand) return problem(503, "Niet beschikbaar", "De bevolkingsgegevens zijn niet geladen.", municipal_route);
    const auto snapshot = context.locator.snapshot();
    const auto& analysis = SnapshotAnswers::of(*snapshot).coverage(context.demand);
    const auto m = analysis.municipality_index(code);
    if (!m)
        return problem(404, "Deze gemeente bestaat niet",
                       "We kennen geen gemeente met deze code. Een code ziet eruit als GM0363 (Amsterdam).", municipal_route);
    const auto national = national_of(snapshot, analysis);
    auto base = analysis.municipality(code, {});
    auto* figures = std::get_if<coverage::MunicipalityCoverage>(&base);
    if (figures == nullptr || !national)
        return problem(503, "Niet beschikbaar", "Er zijn geen informatiepunten om mee te rekenen.", municipal_route);
    const auto& demand = analysis.demand();

    gemeente_html::MunicipalPage page;
    page.cijfers = *figures;
    page.land = &national->figures;
    for (std::size_t pc4 : analysis.pc4s_in(*m))
        page.postcodes.emplace_back(demand.pc4s[pc4].pc4, demand.pc4s[pc4].woonplaatsen.empty() ? "" : demand.pc4s[pc4].woonplaatsen.front());

    // The what-if: PC4s chosen in the form (their interior point) or positions from a map click.
    coverage::CoverageOptions what_if;
    std::vector<std::string> chosen;
    for (const auto& [name, raw] : request.query) {
        const std::string value = decoded(raw);
        if (name == "extraPostcode") {
            for (auto pc4 : split(value, ',')) {
                const auto& in = analysis.pc4s_in(*m);
                const auto it = std::find_if(in.begin(), in.end(), [&](std::size_t i) { return demand.pc4s[i].pc4 == pc4; });
                if (it == in.end()) page.fout = "Postcode " + std::string(pc4) + " ligt niet in deze gemeente.";
                else {
                    what_if.extra_posities.push_back(demand.pc4s[*it].position);
                    chosen.emplace_back(pc4);
                }
            }
        } else if (name == "extraLocaties") {
            for (auto pair : split(value, ';')) {
                const auto comma = pair.find(',');
                const auto lat = comma == std::string_view::npos ? std::nullopt : number(pair.substr(0, comma));
                const auto lon = comma == std::string_view::npos ? std::nullopt : number(pair.substr(comma + 1));
                if (!lat || !lon) page.fout = "Een extra locatie is geen positie (lat,lon).";
                else what_if.extra_posities.push_back({*lat, *lon});
            }
        }
    }
    if (what_if.extra_posities.size() > coverage::max_extra_posities)
        page.fout = "Kies hoogstens " + std::to_string(coverage::max_extra_posities) + " extra locaties.";
    for (const auto& position : what_if.extra_posities)
        if (!snapshot->municipalities().containing(position)) page.fout = "Een extra locatie ligt niet in Nederland.";
    if (page.fout.empty() && !what_if.extra_posities.empty()) {
        auto result = analysis.municipality(code, what_if);
        if (auto* with = std::get_if<coverage::MunicipalityCoverage>(&result))
            page.wat_als = gemeente_html::WhatIf{what_if.extra_posities, chosen, *with};
        else page.fout = "Met deze extra locaties kunnen we niet rekenen.";
    }

    // Similar size: the ten municipalities whose number of residents is nearest (ties: by code).
    std::vector<const coverage::MunicipalityCoverage*> others;
    for (const auto& other : national->figures.gemeenten)
        if (other.gemeentecode != code) others.push_back(&other);
    const auto gap = [&](const coverage::MunicipalityCoverage* o) { return std::llabs(o->cijfers.inwoners - figures->cijfers.inwoners); };
    std::stable_sort(others.begin(), others.end(), [&](auto* a, auto* b) { return gap(a) < gap(b); });
    others.resize(std::min(others.size(), vergelijkbaar_aantal));
    page.vergelijkbaar = others;

    const auto vanaf = now();
    if (auto overview = coverage::municipality_overview(analysis, code, {vanaf, {}}); auto* o = std::get_if<coverage::MunicipalityOverview>(&overview))
        page.overzicht = std::move(*o);
    for (const auto& row : page.overzicht.locaties)
        if (const auto* location = snapshot->find(row.id)) page.binnen.push_back({location, row, std::nullopt});

    // Across the border: distance from each other help point to the municipality's polygon, in RD.
    const auto outline = geo::to_rd(snapshot->municipalities().geometry(*m));
    if (outline) {
        auto envelope = *outline->getEnvelopeInternal();
        envelope.expandBy(over_de_grens_max_m);
        const auto factory = geos::geom::GeometryFactory::create();
        std::vector<std::pair<double, std::size_t>> near;
        for (std::size_t i = 0; i < snapshot->locations().size(); ++i) {
            const auto& l = snapshot->locations()[i];
            if (snapshot->municipality_of(i) == *m || !envelope.contains(l.rd.x, l.rd.y)) continue;
            // createPoint(Coordinate) hands over a raw pointer in GEOS 3.11: own it.
            const std::unique_ptr<geos::geom::Point> point(factory->createPoint(geos::geom::Coordinate(l.rd.x, l.rd.y)));
            const double d = outline->distance(point.get());
            if (d <= over_de_grens_max_m) near.emplace_back(d, i);
        }
        std::sort(near.begin(), near.end());
        for (std::size_t k = 0; k < std::min(near.size(), over_de_grens_aantal); ++k)
            page.over_de_grens.push_back({&snapshot->locations()[near[k].second],
                                          coverage::location_overview(analysis, near[k].second, vanaf), near[k].first});
    }

    coverage::AdviceOptions advice_options;
    advice_options.drempel_m = 3000;
    advice_options.aantal = 3;
    if (auto advice = coverage::advise(analysis, code, advice_options); auto* a = std::get_if<coverage::Advice>(&advice)) page.advies = std::move(*a);

    // The map, drawn from the same analysis: each PC4's nearest counted help point (with the what-if
    // positions when asked, so the map shows the new situation).
    if (outline) {
        const auto* env = outline->getEnvelopeInternal();
        const kaart::RdBox box{env->getMinX(), env->getMinY(), env->getMaxX(), env->getMaxY()};
        const double size = std::max(box[2] - box[0], box[3] - box[1]);
        const auto counting = analysis.resolve(page.wat_als ? what_if : coverage::CoverageOptions{});
        std::vector<gemeente_html::MapPc4> pc4s;
        if (const auto* c = std::get_if<coverage::Counting>(&counting))
            for (std::size_t pc4 : analysis.pc4s_in(*m)) {
                const auto reach = analysis.reach(*c, pc4);
                const auto& area = demand.pc4s[pc4];
                pc4s.push_back({area.rd, area.pc4, reach.afstand_m, area.inwoners > 0 && reach.afstand_m > 3000});
            }
        std::vector<const geo::Location*> points;
        for (const auto& row : page.binnen) points.push_back(row.location);
        for (const auto& row : page.over_de_grens) points.push_back(row.location);
        std::vector<geo::RdPoint> advised, extra;
        if (page.advies)
            for (const auto& site : page.advies->locaties)
                if (auto rd = geo::Transformer::to_rd(site.positie)) advised.push_back(*rd);
        if (page.wat_als)
            for (const auto& position : page.wat_als->posities)
                if (auto rd = geo::Transformer::to_rd(position)) extra.push_back(*rd);
        page.kaart_svg = gemeente_html::municipal_map(kaart::path_data(*outline, 0), kaart::view_box(box, size * 0.05), pc4s, points, advised,
                                                      extra, figures->gemeentenaam, size / 150);
    }
    return page_response(page.fout.empty() ? 200 : 400, gemeente_html::municipal_page(page), municipal_route);
}

}  // namespace ido::service
