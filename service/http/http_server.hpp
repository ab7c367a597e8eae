#pragma once
#include "service/http/api.hpp"
#include "service/http/config.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Pistache::Http {
class Endpoint;
}

namespace ido::service {

struct Drain;

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
    /// Stops: first lets the writes in progress finish and answer (refusing new writes with 503, at most
    /// 5 s), then stops accepting and joins the worker threads.
    void stop();

private:
    Config config_;
    std::shared_ptr<const Api> api_;
    std::unique_ptr<Pistache::Http::Endpoint> endpoint_;
    std::shared_ptr<Drain> drain_;
};

// --- request ids and the JSON access log (issue 16); exposed for tests ---
/// The longest X-Request-Id taken over from a proxy (nginx's $request_id has 32 characters).
inline constexpr std::size_t max_request_id_length = 64;
/// Whether a proxy's X-Request-Id may be taken over: 1 to 64 of [A-Za-z0-9._:-], so that it cannot
/// break a log line, smuggle a header or carry anything long enough to hold personal data.
bool valid_request_id(std::string_view id);
/// A new request id: 32 random hex digits.
std::string new_request_id();
/// One access-log line as a JSON object (without the newline): time, level, msg, method, route, status,
/// duration_ms, request_id. Never a query, path parameter or address: the caller passes the template.
std::string access_log_json(std::string_view time, std::string_view method, std::string_view route, int status, long long micros,
                            std::string_view request_id);

/// Headers that every response carries: API-Version, the ADR security headers and CORS for the public
/// API. Exposed for tests. `route` picks the Content-Security-Policy that fits the response.
std::vector<std::pair<std::string, std::string>> standard_headers(const HttpResponse& response);

}  // namespace ido::service
