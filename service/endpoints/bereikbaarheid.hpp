#pragma once
// The coverage endpoints (issue 13): how far residents live from a help point, per municipality and for
// the country. The figures come from geo/coverage through the snapshot's one CoverageAnalysis.
#include "geo/coverage/demand.hpp"
#include "geo/snapshot.hpp"
#include "service/http/http_types.hpp"

#include <memory>
#include <string_view>

namespace ido::service {

/// GET /v1/bereikbaarheid. `demand` may be null (an API built without the demand data): 503.
HttpResponse get_bereikbaarheid(const geo::Snapshot& snapshot, const std::shared_ptr<const coverage::Demand>& demand,
                                const HttpRequest& request);
/// GET /v1/gemeenten/{gemeentecode}/bereikbaarheid
HttpResponse get_gemeente_bereikbaarheid(const geo::Snapshot& snapshot, const std::shared_ptr<const coverage::Demand>& demand,
                                         const HttpRequest& request, std::string_view gemeentecode);

/// GET /v1/gemeenten/{gemeentecode}/advies
HttpResponse get_gemeente_advies(const geo::Snapshot& snapshot, const std::shared_ptr<const coverage::Demand>& demand,
                                 const HttpRequest& request, std::string_view gemeentecode);

/// GET /v1/gemeenten/{gemeentecode}/overzicht
HttpResponse get_gemeente_overzicht(const geo::Snapshot& snapshot, const std::shared_ptr<const coverage::Demand>& demand,
                                    const HttpRequest& request, std::string_view gemeentecode);

}  // namespace ido::service
