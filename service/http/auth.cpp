#include "service/http/auth.hpp"

#include "service/render/responses.hpp"
#include "store/token_dates.hpp"

#include <chrono>
#include <cstdio>

namespace ido::service {

long FailedLoginLimiter::retry_after(const std::string& client) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(client);
    if (it == entries_.end()) return 0;
    const auto elapsed = std::chrono::steady_clock::now() - it->second.window_start;
    if (elapsed >= window_) {
        entries_.erase(it);
        return 0;
    }
    if (it->second.failures < max_failures_) return 0;
    return static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(window_ - elapsed).count()) + 1;
}

void FailedLoginLimiter::record_failure(const std::string& client) {
    std::lock_guard lock(mutex_);
    // Bound the memory an attacker with many addresses can take: forget everything past 100,000.
    if (entries_.size() > 100000) entries_.clear();
    auto& entry = entries_[client];
    const auto now = std::chrono::steady_clock::now();
    if (entry.failures == 0 || now - entry.window_start >= window_) entry = {0, now};
    ++entry.failures;
}

std::variant<Authenticated, HttpResponse> authenticate(const HttpRequest& request, store::Store& store, FailedLoginLimiter& limiter,
                                                       const std::string& route) {
    if (const long wait = limiter.retry_after(request.client); wait > 0) {
        auto response = problem_response({std::string(codes::te_veel_verzoeken), "Te veel mislukte pogingen. Probeer het over " +
                                                                                  std::to_string(wait) + " seconden opnieuw.", {}},
                                         request.path, route);
        response.headers.emplace_back("Retry-After", std::to_string(wait));
        return response;
    }
    auto unauthorised = [&](const std::string& detail) {
        auto response = problem_response({std::string(codes::niet_geauthenticeerd), detail, {}}, request.path, route);
        response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"ido-vinder\"");
        return response;
    };
    auto header = request.header("authorization");
    if (!header) return unauthorised("Stuur een sleutel mee: Authorization: Bearer <token>.");
    constexpr std::string_view scheme = "Bearer ";
    if (header->size() <= scheme.size() || header->substr(0, scheme.size()) != scheme || header->size() > 200) {
        limiter.record_failure(request.client);
        return unauthorised("Stuur de sleutel als Authorization: Bearer <token>.");
    }
    auto token = store.find_token(header->substr(scheme.size()));
    if (!token) {
        limiter.record_failure(request.client);
        return unauthorised("Deze sleutel is onbekend of ingetrokken.");
    }
    // An expired token is a real one: not a guess, so it does not count towards the limiter, and its
    // own code tells the holder to ask for a new one rather than to check what they typed.
    const std::string today = store::utc_date(std::chrono::system_clock::now());
    if (store::is_expired(*token, today)) {
        auto response = problem_response({std::string(codes::sleutel_verlopen),
                                          "Deze sleutel was geldig tot en met " + token->geldig_tot +
                                              ". Vraag de beheerder om een nieuwe sleutel.",
                                          {}},
                                         request.path, route);
        response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"ido-vinder\", error=\"invalid_token\", "
                                                          "error_description=\"The token expired\"");
        return response;
    }
    // The day of last use, written once per token per day (use_needs_recording): `token list` shows
    // the day, and a write per request would put every read with a token on the store's write path.
    if (store::use_needs_recording(*token, today)) {
        try {
            store.record_token_use(token->id, today);
            token->laatst_gebruikt = today;
        } catch (const std::exception& e) {
            // The request itself does not depend on it; the next one tries again.
            std::fprintf(stderr, "ido-vinder: could not record the use of token %lld: %s\n", static_cast<long long>(token->id), e.what());
        }
    }
    return Authenticated{*token};
}

bool may_edit(const store::Token& token, const geo::Location& location) {
    switch (token.rol) {
        case store::Role::beheerder: return true;
        case store::Role::gemeente: return location.gemeentecode == token.gemeentecode;
        case store::Role::bibliotheek: return !token.organisatie.empty() && location.organisatie == token.organisatie;
    }
    return false;
}

bool may_create_in(const store::Token& token, const std::string& gemeentecode) {
    return token.rol == store::Role::beheerder || (token.rol == store::Role::gemeente && token.gemeentecode == gemeentecode);
}

}  // namespace ido::service
