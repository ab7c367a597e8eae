#pragma once
// GET /toegankelijkheid: the accessibility statement (toegankelijkheidsverklaring) in the Dutch model
// (digitoegankelijk.nl), server-rendered, naming the automated tests that back it.
#include "service/http/http_types.hpp"

namespace ido::service {

/// GET /toegankelijkheid
HttpResponse get_toegankelijkheid(const HttpRequest& request);

}  // namespace ido::service
