#pragma once
// The steps the municipal data endpoints share: the municipality must exist, writes need a token of that
// municipality (or beheerder) and a small JSON body, and a store that is down answers 503.
#include "record/problem_codes.hpp"
#include "service/http/routes.hpp"
#include "service/render/responses.hpp"
#include "store/store.hpp"

#include <rapidjson/document.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace ido::service::gemeentedata {

/// Bodies of the municipal writes are small forms: more than this is refused (413).
inline constexpr std::size_t max_body_bytes = 4096;

/// 404 when the snapshot's municipalities do not know `code`.
std::optional<HttpResponse> unknown_municipality(const RouteContext& c, const HttpRequest& request, std::string_view code,
                                                 const std::string& route);
/// 503 when the service runs without a store (read-only): there is no municipal data then.
HttpResponse without_store(const HttpRequest& request, const std::string& route);
/// The token of the request if it may write the data of municipality `code`; else 401, 403 or 429.
std::variant<store::Token, HttpResponse> authorise(const RouteContext& c, const HttpRequest& request, std::string_view code,
                                                   const std::string& route);
/// The JSON object of the body, or 413, 415 or 400 naming the problem.
std::variant<rapidjson::Document, HttpResponse> parse_body(const HttpRequest& request, const std::string& route);
/// 400 listing the body's problems by JSON pointer.
HttpResponse body_problem(const HttpRequest& request, const std::string& route, const record::FieldProblems& problems);
/// The version named by If-Match ("*" gives nullopt: any version), or 428 / 412.
std::variant<std::optional<std::int64_t>, HttpResponse> if_match(const HttpRequest& request, const std::string& route);
/// Runs `answer`, turning a store outage into 503 with Retry-After.
template <typename Answer>
HttpResponse guarded(const HttpRequest& request, const std::string& route, Answer&& answer) {
    try {
        return answer();
    } catch (const store::StoreUnavailable&) {
        auto response = problem_response({std::string(codes::niet_beschikbaar), "De opslag is even niet bereikbaar. Probeer het over een paar seconden opnieuw.", {}},
                                         request.path, route);
        response.headers.emplace_back("Retry-After", "5");
        return response;
    }
}
/// A JSON answer that is never cached (it changes with every write).
HttpResponse uncached_json(std::string body, const std::string& route, int status = 200);

}  // namespace ido::service::gemeentedata
