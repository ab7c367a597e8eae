#pragma once
#include "geo/coverage/demand.hpp"
#include "geo/locator.hpp"
#include "service/endpoints/meldingen.hpp"
#include "service/http/auth.hpp"
#include "service/http/http_types.hpp"
#include "store/location_editor.hpp"
#include "service/http/static_files.hpp"
#include "service/pdok/locatieserver.hpp"

#include <memory>
#include <string>

namespace ido::service {

/// The v1 REST API: routes a request to its endpoint and answers it. Knows nothing of sockets; the
/// HTTP adapter (service/http/http_server.hpp) converts Pistache requests into HttpRequest and back.
class Api {
public:
    /// `editor` may be null: then the API is read-only (writes answer 405). `demand` (the residents per
    /// PC4, loaded once at start) may be null: then the coverage endpoints answer 503.
    /// `locatieserver` (the optional PDOK Locatieserver, docs/zoeken.md) may be null: off.
    Api(std::shared_ptr<geo::Locator> locator, StaticFiles widget_files, std::shared_ptr<store::LocationEditor> editor = nullptr,
        std::shared_ptr<const coverage::Demand> demand = nullptr, std::shared_ptr<pdok::Locatieserver> locatieserver = nullptr);

    /// Answers one request. Expected failures come back as problem+json responses; this function
    /// does not throw for any input (the adapter still guards it with a firewall).
    HttpResponse handle(const HttpRequest& request) const;

    static constexpr const char* version = "1.0.0";

private:
    std::shared_ptr<geo::Locator> locator_;
    StaticFiles widget_files_;
    std::shared_ptr<store::LocationEditor> editor_;
    std::shared_ptr<const coverage::Demand> demand_;
    std::unique_ptr<FailedLoginLimiter> limiter_ = std::make_unique<FailedLoginLimiter>();
    std::unique_ptr<MeldingLimits> melding_limits_ = std::make_unique<MeldingLimits>();
    std::shared_ptr<pdok::Locatieserver> locatieserver_;
};

}  // namespace ido::service
