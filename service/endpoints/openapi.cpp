#include "service/endpoints/endpoints.hpp"

#include "service/openapi_document.hpp"
#include "service/render/responses.hpp"

#include <string>

namespace ido::service {

HttpResponse get_openapi() {
    auto response = json_response(std::string(openapi_document()), "/v1/openapi.json");
    response.content_type = "application/vnd.oai.openapi+json;version=3.0";
    return response;
}

}  // namespace ido::service
