#pragma once
// The one route table of the service: every path template, its methods and their handlers. The router,
// the route label of the access log and metrics (HttpResponse::route), the Allow header of a 405 and the
// test against the paths of service/openapi.json all read it, so a route is written down once.
#include "geo/coverage/demand.hpp"
#include "geo/locator.hpp"
#include "service/endpoints/meldingen.hpp"
#include "service/http/auth.hpp"
#include "service/http/http_types.hpp"
#include "store/location_editor.hpp"
#include "service/http/static_files.hpp"
#include "service/pdok/locatieserver.hpp"

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ido::service {

/// What the handlers answer from.
struct RouteContext {
    const geo::Locator& locator;
    const StaticFiles& widget_files;
    store::LocationEditor* editor;        ///< null: read-only, the write operations answer 405
    FailedLoginLimiter& limiter;
    std::shared_ptr<const coverage::Demand> demand;  ///< null: the coverage endpoints answer 503
    MeldingLimits* melding_limits = nullptr;  ///< the reports' rate limits (service/endpoints/meldingen.hpp)
    pdok::Locatieserver* locatieserver = nullptr;  ///< the optional PDOK Locatieserver (docs/zoeken.md); null: off
};

/// The values of a template's `{name}` segments, in order.
using PathParams = std::vector<std::string_view>;

/// One method of a route. A handler may decline (nullopt): then the request is not this route's, and
/// routing goes on (e.g. a write without a store, a widget file name with "..").
struct Operation {
    std::string_view method;
    std::optional<HttpResponse> (*handler)(const RouteContext& context, const HttpRequest& request, const PathParams& params);
    /// The query names the operation's parameter parsers accept (all of them together); none when it
    /// reads no query at all.
    std::vector<std::span<const std::string_view>> query_names;
};

struct Route {
    /// The template: literal segments and `{name}` segments that match one non-empty segment. It is
    /// also the route label of the answer (never the concrete path).
    std::string_view path;
    std::vector<Operation> operations;
    /// Whether a `{name}` segment may also match an empty segment (for a file name the handler checks).
    bool empty_parameter = false;

    /// Whether the path (split at '/', see split_path) matches; fills `params` when it does.
    bool match(const std::vector<std::string_view>& segments, PathParams& params) const;
    /// The value of the Allow header: the route's methods in table order, then OPTIONS.
    std::string allow() const;
};

/// The table, in matching order.
const std::vector<Route>& routes();

/// The segments of a path that starts with '/': "/v1/a" gives {"v1", "a"}, "/" gives {""}, and a
/// trailing slash an empty last segment (so "/v1/" matches no route: exact paths only, ADR).
std::vector<std::string_view> split_path(std::string_view path);

/// Answers a request of any method but OPTIONS from the table: the first route whose template and
/// method match and whose handler answers; else 404 for a GET, else 405 with the Allow of the first
/// route with that path ("GET, OPTIONS" for a path that has none).
HttpResponse route_request(const RouteContext& context, const HttpRequest& request);

}  // namespace ido::service
