#pragma once
#include "service/http/api.hpp"
#include "service/http/config.hpp"

#include <cstdint>
#include <memory>

namespace Pistache::Http {
class Endpoint;
}

namespace ido::service {

/// The Pistache side of the service: listens, converts each request into an HttpRequest for the Api,
/// writes the answer with the headers every response carries, and keeps any exception from reaching
/// a client (Pistache 0.0.5 would put its text into a 500 body).
class HttpServer {
public:
    HttpServer(const Config& config, std::shared_ptr<const Api> api);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// Binds and starts serving on Pistache's worker threads; returns at once.
    void start();
    /// The bound port (useful with port 0).
    std::uint16_t port() const;
    /// Stops accepting and joins the worker threads.
    void stop();

private:
    Config config_;
    std::shared_ptr<const Api> api_;
    std::unique_ptr<Pistache::Http::Endpoint> endpoint_;
};

/// Headers that every response carries: API-Version, the ADR security headers and CORS for the public
/// API. Exposed for tests. `route` picks the Content-Security-Policy that fits the response.
std::vector<std::pair<std::string, std::string>> standard_headers(const HttpResponse& response);

}  // namespace ido::service
