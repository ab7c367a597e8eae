#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ido::service {

/// A request as the API sees it: no Pistache type leaks past the HTTP adapter, so the whole API can be
/// exercised in unit tests without a socket.
struct HttpRequest {
    std::string method;                                        ///< "GET", "OPTIONS", ...
    std::string path;                                          ///< undecoded path, e.g. "/v1/gemeenten/GM0363"
    std::vector<std::pair<std::string, std::string>> query;    ///< name/value pairs as sent (%-encoded)
    std::vector<std::pair<std::string, std::string>> headers;  ///< names lower-cased
    std::string body;
    /// The client's address, used only to slow down repeated failed logins; never logged.
    std::string client;

    std::optional<std::string_view> header(std::string_view lower_name) const {
        for (const auto& [name, value] : headers)
            if (name == lower_name) return value;
        return std::nullopt;
    }
};

/// A response before it is written: status, content type, body and any extra headers.
/// The HTTP adapter adds the headers every response carries (API-Version, security headers).
struct HttpResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    /// A body shared with a cache (the municipality list of a snapshot), sent instead of `body` without
    /// being copied per request; it stays alive for as long as the response needs it.
    std::shared_ptr<const std::string> shared_body;
    std::vector<std::pair<std::string, std::string>> headers;
    /// The route template that answered ("/v1/gemeenten/{gemeentecode}"), for the access log and
    /// metrics: never the concrete path, which may hold a postcode or a position.
    std::string route = "-";

    /// The bytes to send: `shared_body` when set, else `body`.
    std::string_view payload() const { return shared_body ? std::string_view(*shared_body) : std::string_view(body); }
};

}  // namespace ido::service
