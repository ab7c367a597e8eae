#include "service/http/routes.hpp"

#include "service/endpoints/bereikbaarheid.hpp"
#include "service/endpoints/bereikbaarheid_parameters.hpp"
#include "service/endpoints/endpoints.hpp"
#include "service/endpoints/meldingen.hpp"
#include "service/endpoints/melding_pagina.hpp"
#include "service/endpoints/gemeente_paginas.hpp"
#include "service/endpoints/gemeentedata.hpp"
#include "service/endpoints/ogc.hpp"
#include "service/endpoints/parameters.hpp"
#include "service/endpoints/sleutel.hpp"
#include "service/endpoints/toegankelijkheid.hpp"
#include "service/endpoints/volledige_lijst.hpp"
#include "service/endpoints/publieke_paginas.hpp"
#include "service/render/problem.hpp"
#include "service/render/responses.hpp"
#include "service/endpoints/writes.hpp"

#include <algorithm>
#include <utility>

namespace ido::service {
namespace {

using Answer = std::optional<HttpResponse>;

// --- handlers: the table's glue from path parameters to the endpoints -------------------------------------

template <const char* Name, const char* Route>
Answer page(const RouteContext& c, const HttpRequest& request, const PathParams&) {
    return get_static_file(c.widget_files, Name, request, Route);
}
constexpr char beheer_html[] = "beheer.html", beheer_route[] = "/beheer";
constexpr char docs_html[] = "api-docs.html", docs_route[] = "/v1/docs";

// The public pages rendered on the server (service/endpoints/publieke_paginas.cpp).
template <bool Embed>
Answer finder(const RouteContext& c, const HttpRequest& request, const PathParams&) {
    return get_finder_page(*c.locator.snapshot(), c.locator.geocoder(), c.widget_files, request, Embed, c.locatieserver);
}
Answer informatiepunt_page(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    return get_informatiepunt_page(*c.locator.snapshot(), c.widget_files, request, p[0]);
}
Answer sitemap(const RouteContext& c, const HttpRequest& request, const PathParams&) { return get_sitemap(*c.locator.snapshot(), request); }
Answer robots(const RouteContext&, const HttpRequest& request, const PathParams&) { return get_robots(request); }

Answer widget_file(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    if (p[0].find("..") != std::string_view::npos) return std::nullopt;
    return get_static_file(c.widget_files, p[0], request, "/widget/v1/{bestand}");
}

Answer landing(const RouteContext&, const HttpRequest& request, const PathParams&) { return ogc_landing_page(request); }
Answer toegankelijkheid(const RouteContext&, const HttpRequest& request, const PathParams&) { return get_toegankelijkheid(request); }

Answer openapi(const RouteContext&, const HttpRequest&, const PathParams&) { return get_openapi(); }

Answer health_check(const RouteContext& c, const HttpRequest&, const PathParams&) { return get_health(*c.locator.snapshot(), c.editor); }

Answer informatiepunten(const RouteContext& c, const HttpRequest& request, const PathParams&) {
    const auto snapshot = c.locator.snapshot();
    return wants_export(request) ? get_export(*snapshot, request) : get_informatiepunten(*snapshot, c.locator.geocoder(), request, c.locatieserver);
}
Answer informatiepunt(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    return get_informatiepunt(*c.locator.snapshot(), request, p[0]);
}
Answer gemeenten(const RouteContext& c, const HttpRequest& request, const PathParams&) {
    return get_gemeenten(*c.locator.snapshot(), request);
}
Answer gemeente(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    return get_gemeente(*c.locator.snapshot(), request, p[0], false);
}
Answer gemeente_informatiepunten(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    return get_gemeente(*c.locator.snapshot(), request, p[0], true);
}
Answer bereikbaarheid(const RouteContext& c, const HttpRequest& request, const PathParams&) {
    return get_bereikbaarheid(*c.locator.snapshot(), c.demand, request);
}
Answer gemeente_bereikbaarheid(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    return get_gemeente_bereikbaarheid(*c.locator.snapshot(), c.demand, request, p[0]);
}
Answer gemeente_advies(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    return get_gemeente_advies(*c.locator.snapshot(), c.demand, request, p[0]);
}
Answer gemeente_overzicht(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    return get_gemeente_overzicht(*c.locator.snapshot(), c.demand, request, p[0]);
}
Answer zoeksuggesties(const RouteContext& c, const HttpRequest& request, const PathParams&) {
    return get_zoeksuggesties(*c.locator.snapshot(), c.locator.geocoder(), request);
}

Answer conformance(const RouteContext&, const HttpRequest& request, const PathParams&) { return ogc_conformance(request); }
Answer collections(const RouteContext& c, const HttpRequest& request, const PathParams&) {
    return ogc_collections(*c.locator.snapshot(), request);
}
Answer collection(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    return ogc_collection(*c.locator.snapshot(), request, p[0]);
}
Answer items(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    return ogc_items(*c.locator.snapshot(), request, p[0]);
}
Answer item(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    return ogc_item(*c.locator.snapshot(), request, p[0], p[1]);
}

// The write API needs the store; without one (read-only) its routes decline, which answers 405.
template <HttpResponse (*Write)(WriteContext&, const HttpRequest&, std::string_view)>
Answer write(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    if (c.editor == nullptr) return std::nullopt;
    WriteContext context{*c.editor, c.limiter};
    return Write(context, request, p[0]);
}
Answer sleutel(const RouteContext& c, const HttpRequest& request, const PathParams&) {
    if (c.editor == nullptr) return std::nullopt;
    WriteContext context{*c.editor, c.limiter};
    return get_sleutel(context, request);
}
Answer post(const RouteContext& c, const HttpRequest& request, const PathParams&) {
    if (c.editor == nullptr) return std::nullopt;
    WriteContext context{*c.editor, c.limiter};
    return post_informatiepunt(context, request);
}

// Reports (meldingen, issue 14): residents post without a token, owners read and close with one; all
// need the store.
template <HttpResponse (*Handler)(MeldingContext&, const HttpRequest&, std::string_view)>
Answer melding(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    if (c.editor == nullptr || c.melding_limits == nullptr) return std::nullopt;
    MeldingContext context{*c.editor, c.limiter, *c.melding_limits};
    return Handler(context, request, p[0]);
}
Answer meldingen(const RouteContext& c, const HttpRequest& request, const PathParams&) {
    if (c.editor == nullptr || c.melding_limits == nullptr) return std::nullopt;
    MeldingContext context{*c.editor, c.limiter, *c.melding_limits};
    return get_meldingen(context, request);
}

// The report form without JavaScript (service/endpoints/melding_pagina.cpp): the reports' context and the page files.
template <HttpResponse (*Handler)(MeldingContext&, const StaticFiles&, const HttpRequest&, std::string_view)>
Answer melding_pagina(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    if (c.editor == nullptr || c.melding_limits == nullptr) return std::nullopt;
    MeldingContext context{*c.editor, c.limiter, *c.melding_limits};
    return Handler(context, c.widget_files, request, p[0]);
}

constexpr std::string_view get = "GET";

std::vector<Route> build_routes() {
    using Names = std::span<const std::string_view>;
    const Names none(no_parameter_names);
    return {
        // The widget and the finder page, and the editing page for libraries and municipalities (talks to
        // the write API with a token).
        {"/", {{get, finder<false>, {Names(finder_parameter_names)}}}},
        {"/embed", {{get, finder<true>, {Names(finder_parameter_names)}}}},
        {"/informatiepunten/{id}", {{get, informatiepunt_page, {}}}},
        {"/informatiepunten/{id}/melding", {{get, melding_pagina<get_melding_formulier>, {}}, {"POST", melding_pagina<post_melding_formulier>, {}}}},
        {"/informatiepunten/{id}/melding/bedankt", {{get, melding_pagina<get_melding_bedankt>, {}}}},
        {"/sitemap.xml", {{get, sitemap, {}}}},
        {"/robots.txt", {{get, robots, {}}}},
        {"/beheer", {{get, page<beheer_html, beheer_route>, {}}}},
        {"/toegankelijkheid", {{get, toegankelijkheid, {}}}},
        {"/widget/v1/{bestand}", {{get, widget_file, {}}}, true},
        {"/gemeenten", {{get, gemeenten_pagina, {}}}},  // the municipal pages (issue 13), docs/gemeentepagina.md
        {"/gemeenten/{gemeentecode}", {{get, gemeente_pagina, {}}}},
        {"/v1", {{get, landing, {none}}}},
        {"/v1/openapi.json", {{get, openapi, {}}}},
        {"/v1/docs", {{get, page<docs_html, docs_route>, {}}}},
        {"/v1/health", {{get, health_check, {}}}},
        {"/v1/informatiepunten",
         {{get, informatiepunten, {Names(informatiepunten_parameter_names), Names(export_parameter_names)}},
          {"POST", post, {}}}},
        {"/v1/informatiepunten/{id}",
         {{get, informatiepunt, {Names(location_view_parameter_names)}},
          {"PATCH", write<patch_informatiepunt>, {}},
          {"DELETE", write<delete_informatiepunt>, {}}}},
        {"/v1/informatiepunten/{id}/openingstijden", {{"PUT", write<put_openingstijden>, {}}}},
        {"/v1/informatiepunten/{id}/wijzigingen", {{get, write<get_wijzigingen>, {none}}}},
        {"/v1/informatiepunten/{id}/meldingen", {{"POST", melding<post_melding>, {}}}},
        {"/v1/informatiepunten/{id}/controle", {{"POST", write<post_controle>, {}}}},
        {"/v1/meldingen", {{get, meldingen, {Names(meldingen_parameter_names)}}}},
        {"/v1/meldingen/{id}", {{get, melding<get_melding>, {none}}, {"PATCH", melding<patch_melding>, {}}}},
        {"/v1/gemeenten", {{get, gemeenten, {Names(gemeenten_parameter_names)}}}},
        {"/v1/gemeenten/{gemeentecode}", {{get, gemeente, {none}}}},
        {"/v1/gemeenten/{gemeentecode}/informatiepunten", {{get, gemeente_informatiepunten, {Names(location_view_parameter_names)}}}},
        {"/v1/gemeenten/{gemeentecode}/bereikbaarheid", {{get, gemeente_bereikbaarheid, {Names(bereikbaarheid_parameter_names)}}}},
        {"/v1/gemeenten/{gemeentecode}/advies", {{get, gemeente_advies, {Names(advies_parameter_names)}}}},
        {"/v1/gemeenten/{gemeentecode}/overzicht", {{get, gemeente_overzicht, {Names(overzicht_parameter_names)}}}},
        // The municipal data (issue 13, section 3): service/endpoints/gemeentedata.hpp.
        {"/v1/gemeenten/{gemeentecode}/partners", {{get, get_partners, {none}}, {"POST", post_partner, {}}}},
        {"/v1/gemeenten/{gemeentecode}/partners/{id}", {{get, get_partner, {none}}, {"PUT", put_partner, {}}, {"DELETE", delete_partner, {}}}},
        {"/v1/gemeenten/{gemeentecode}/financiering", {{get, get_financiering, {none}}}},
        {"/v1/gemeenten/{gemeentecode}/financiering/{jaar}", {{"PUT", put_financiering, {}}}},
        {"/v1/gemeenten/{gemeentecode}/kwartalen", {{get, get_kwartalen, {none}}}},
        {"/v1/gemeenten/{gemeentecode}/rapport", {{get, get_rapport, {Names(rapport_parameter_names)}}}},
        {"/v1/gemeenten/{gemeentecode}/volledige-lijst", {{"POST", post_volledige_lijst, {Names(volledige_lijst_parameter_names)}}}},
        {"/v1/bereikbaarheid", {{get, bereikbaarheid, {Names(bereikbaarheid_parameter_names)}}}},
        {"/v1/zoeksuggesties", {{get, zoeksuggesties, {Names(zoeksuggesties_parameter_names)}}}},
        {"/v1/sleutel", {{get, sleutel, {none}}}},
        // OGC API - Features
        {"/v1/conformance", {{get, conformance, {none}}}},
        {"/v1/collections", {{get, collections, {none}}}},
        {"/v1/collections/{collectionId}", {{get, collection, {none}}}},
        {"/v1/collections/{collectionId}/items", {{get, items, {Names(ogc_items_parameter_names)}}}},
        {"/v1/collections/{collectionId}/items/{featureId}", {{get, item, {Names(ogc_item_parameter_names)}}}},
    };
}

}  // namespace

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> segments;
    std::size_t start = 1;  // path starts with '/'
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        segments.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return segments;
}

bool Route::match(const std::vector<std::string_view>& segments, PathParams& params) const {
    params.clear();
    std::size_t i = 0;
    std::size_t start = 1;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view part = path.substr(start, end - start);
        if (i >= segments.size()) return false;
        if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
            if (segments[i].empty() && !empty_parameter) return false;
            params.push_back(segments[i]);
        } else if (part != segments[i]) {
            return false;
        }
        ++i;
        start = end + 1;
    }
    return i == segments.size();
}

std::string Route::allow() const {
    std::string allow;
    for (const auto& operation : operations) allow += std::string(operation.method) + ", ";
    return allow + "OPTIONS";
}

const std::vector<Route>& routes() {
    static const std::vector<Route> table = build_routes();
    return table;
}

HttpResponse route_request(const RouteContext& context, const HttpRequest& request) {
    const auto segments = split_path(request.path);
    const Route* path_match = nullptr;
    PathParams params;
    for (const auto& route : routes()) {
        if (!route.match(segments, params)) continue;
        if (path_match == nullptr) path_match = &route;
        for (const auto& operation : route.operations)
            if (operation.method == request.method)
                if (auto answer = operation.handler(context, request, params)) return std::move(*answer);
    }
    if (request.method == get)
        return problem_response({std::string(codes::pad_niet_gevonden), "Deze URL bestaat niet. Zie /v1/openapi.json.", {}},
                                request.path, "-");
    auto response = problem_response(
        {std::string(codes::methode_niet_toegestaan), "Methode " + printable(request.method, 16) + " is hier niet toegestaan.", {}},
        request.path, "-");
    response.headers.emplace_back("Allow", path_match != nullptr ? path_match->allow() : "GET, OPTIONS");
    return response;
}

}  // namespace ido::service
