#include "service/http/api.hpp"

#include "service/http/compression.hpp"
#include "service/http/routes.hpp"
#include "service/render/problem.hpp"
#include "service/render/responses.hpp"
#include "service/http/query.hpp"

namespace ido::service {
namespace {

constexpr std::size_t max_path_bytes = 1024;

}  // namespace

Api::Api(std::shared_ptr<geo::Locator> locator, StaticFiles widget_files, std::shared_ptr<store::LocationEditor> editor,
         std::shared_ptr<const coverage::Demand> demand, std::shared_ptr<pdok::Locatieserver> locatieserver)
    : locator_(std::move(locator)), widget_files_(std::move(widget_files)), editor_(std::move(editor)), demand_(std::move(demand)),
      locatieserver_(std::move(locatieserver)) {}

HttpResponse Api::handle(const HttpRequest& request) const {
    const std::string_view path = request.path;
    if (path.empty() || path.front() != '/' || path.size() > max_path_bytes || !is_clean_utf8(path))
        return problem_response({std::string(codes::pad_niet_gevonden), "Deze URL is ongeldig.", {}}, path, "-");

    if (request.method == "OPTIONS") {
        // CORS preflight, open to every origin: reads are public, and writes authenticate with a bearer
        // token (never a cookie), so a foreign page cannot make a browser write on someone's behalf.
        HttpResponse response;
        response.status = 204;
        response.content_type.clear();
        response.route = "OPTIONS";
        response.headers.emplace_back("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
        response.headers.emplace_back("Access-Control-Allow-Headers", "Accept, Accept-Crs, Authorization, Content-Type, If-Match");
        response.headers.emplace_back("Access-Control-Max-Age", "86400");
        return response;
    }
    auto response = route_request({*locator_, widget_files_, editor_.get(), *limiter_, demand_, melding_limits_.get(), locatieserver_.get()}, request);
    compress_if_asked(response, request);  // JSON lists and pages above a few kB, when the client accepts gzip
    return response;
}

}  // namespace ido::service
