#pragma once
#include "geo/location.hpp"
#include "service/http/http_types.hpp"
#include "service/render/problem.hpp"
#include "store/store.hpp"

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>
#include <variant>

namespace ido::service {

/// Slows down guessing: after `max_failures` failed authentications from one client address within
/// `window`, further attempts from it are refused (429) until the window has passed. Kept in memory
/// only; addresses are never logged.
class FailedLoginLimiter {
public:
    explicit FailedLoginLimiter(int max_failures = 10, std::chrono::seconds window = std::chrono::seconds(60))
        : max_failures_(max_failures), window_(window) {}

    /// Seconds to wait before trying again, 0 when this client may try now.
    long retry_after(const std::string& client);
    void record_failure(const std::string& client);

private:
    struct Entry {
        int failures = 0;
        std::chrono::steady_clock::time_point window_start;
    };
    int max_failures_;
    std::chrono::seconds window_;
    std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
};

/// Who made a write request, or the problem response (401 or 429) to give instead.
struct Authenticated {
    store::Token token;
};
std::variant<Authenticated, HttpResponse> authenticate(const HttpRequest& request, store::Store& store, FailedLoginLimiter& limiter,
                                                       const std::string& route);

/// Whether a token may edit this help point: a library its own organisation's, a municipality those
/// inside it, an administrator all.
bool may_edit(const store::Token& token, const geo::Location& location);
/// Whether a token may create or remove help points in a municipality (gemeente or beheerder only).
bool may_create_in(const store::Token& token, const std::string& gemeentecode);

}  // namespace ido::service
