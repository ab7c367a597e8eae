#pragma once
// The write side of the API: libraries, municipalities and administrators keep their help points up
// to date. Every write needs a bearer token scoped to what it changes, and If-Match with the current
// ETag, so that no edit silently overwrites another.
#include "service/http/auth.hpp"
#include "service/http/http_types.hpp"
#include "store/location_editor.hpp"

#include <rapidjson/document.h>

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ido::service {

struct WriteContext {
    store::LocationEditor& editor;
    FailedLoginLimiter& limiter;
};

/// PUT /v1/informatiepunten/{id}/openingstijden
HttpResponse put_openingstijden(WriteContext& context, const HttpRequest& request, std::string_view id);
/// PATCH /v1/informatiepunten/{id}
HttpResponse patch_informatiepunt(WriteContext& context, const HttpRequest& request, std::string_view id);
/// POST /v1/informatiepunten
HttpResponse post_informatiepunt(WriteContext& context, const HttpRequest& request);
/// DELETE /v1/informatiepunten/{id}
HttpResponse delete_informatiepunt(WriteContext& context, const HttpRequest& request, std::string_view id);
/// GET /v1/informatiepunten/{id}/wijzigingen
HttpResponse get_wijzigingen(WriteContext& context, const HttpRequest& request, std::string_view id);

// --- Reports and confirmation (issue 14) -------------------------------------------------------------------

/// POST /v1/informatiepunten/{id}/controle: "still correct", sets laatstGecontroleerd to today (Amsterdam).
HttpResponse post_controle(WriteContext& context, const HttpRequest& request, std::string_view id);
/// The JSON object of a write's body, or its problem (415 not JSON, 400 not UTF-8 JSON, not an object, a
/// name twice): the one body parser of the write side, also for the reports (service/endpoints/meldingen.cpp).
std::variant<rapidjson::Document, HttpResponse> parse_json_body(const HttpRequest& request, const std::string& route);
/// 400 ongeldige-inhoud naming every problem by its JSON pointer.
HttpResponse json_body_problem(const HttpRequest& request, const std::string& route, std::vector<InvalidParam> problems);

}  // namespace ido::service
