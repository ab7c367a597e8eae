#pragma once
// The municipal data endpoints (issue 13, section 3): the partners a municipality directs, its financing
// figures, the coverage figures kept per quarter, and the report for the council. Each takes the route
// table's context directly, so the table adds them with one line each.
#include "geo/coverage/demand.hpp"
#include "geo/snapshot.hpp"
#include "service/http/routes.hpp"
#include "store/store.hpp"

#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ido::service {

using MunicipalAnswer = std::optional<HttpResponse>;

/// GET /v1/gemeenten/{gemeentecode}/partners (public)
MunicipalAnswer get_partners(const RouteContext& c, const HttpRequest& request, const PathParams& p);
/// POST /v1/gemeenten/{gemeentecode}/partners (a token of that municipality, or beheerder)
MunicipalAnswer post_partner(const RouteContext& c, const HttpRequest& request, const PathParams& p);
/// GET /v1/gemeenten/{gemeentecode}/partners/{id} (public, with its ETag)
MunicipalAnswer get_partner(const RouteContext& c, const HttpRequest& request, const PathParams& p);
/// PUT /v1/gemeenten/{gemeentecode}/partners/{id} (If-Match)
MunicipalAnswer put_partner(const RouteContext& c, const HttpRequest& request, const PathParams& p);
/// DELETE /v1/gemeenten/{gemeentecode}/partners/{id} (If-Match)
MunicipalAnswer delete_partner(const RouteContext& c, const HttpRequest& request, const PathParams& p);

/// GET /v1/gemeenten/{gemeentecode}/financiering (public)
MunicipalAnswer get_financiering(const RouteContext& c, const HttpRequest& request, const PathParams& p);
/// PUT /v1/gemeenten/{gemeentecode}/financiering/{jaar}
MunicipalAnswer put_financiering(const RouteContext& c, const HttpRequest& request, const PathParams& p);

/// GET /v1/gemeenten/{gemeentecode}/kwartalen (public)
MunicipalAnswer get_kwartalen(const RouteContext& c, const HttpRequest& request, const PathParams& p);

/// GET /v1/gemeenten/{gemeentecode}/rapport?formaat=xlsx|csv[&tabel=...] (public)
MunicipalAnswer get_rapport(const RouteContext& c, const HttpRequest& request, const PathParams& p);
inline constexpr std::array<std::string_view, 2> rapport_parameter_names{"formaat", "tabel"};

/// The quarter an instant lies in, "2026-K4" (UTC).
std::string quarter_of(std::chrono::sys_seconds when);
/// Stores the coverage figures of every municipality and of the country ("NL") for the current quarter,
/// unless that quarter has figures already (stored by this or another replica). Called when the
/// service starts and after every reload check; cheap when the quarter is there. Returns the rows stored.
std::size_t record_quarter_if_absent(store::Store& store, const geo::Snapshot& snapshot, const std::shared_ptr<const coverage::Demand>& demand,
                                     std::chrono::sys_seconds now);

}  // namespace ido::service
