#pragma once
// The write side of the API: libraries, municipalities and administrators keep their help points up
// to date. Every write needs a bearer token scoped to what it changes, and If-Match with the current
// ETag, so that no edit silently overwrites another.
#include "service/http/auth.hpp"
#include "service/http/http_types.hpp"
#include "store/location_editor.hpp"

#include <string_view>

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

}  // namespace ido::service
