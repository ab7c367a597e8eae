#pragma once
#include <string_view>

namespace ido::service {

/// The OpenAPI 3 document (service/openapi.json), compiled into the binary so that the service needs
/// no source tree at run time.
std::string_view openapi_document();

}  // namespace ido::service
