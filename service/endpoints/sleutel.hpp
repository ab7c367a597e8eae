#pragma once
// GET /v1/sleutel: what the sent token may do (role, organisation or municipality, expiry), so that a
// holder can check a token before using it, and see when to ask for a new one. Never the secret.
#include "service/endpoints/writes.hpp"
#include "service/http/http_types.hpp"

namespace ido::service {

/// GET /v1/sleutel
HttpResponse get_sleutel(WriteContext& context, const HttpRequest& request);

}  // namespace ido::service
