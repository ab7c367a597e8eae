#include "service/endpoints/endpoints.hpp"

#include "service/render/problem.hpp"
#include "service/render/responses.hpp"

#include <utility>

namespace ido::service {

HttpResponse get_static_file(const StaticFiles& files, std::string_view name, const HttpRequest& request, std::string route) {
    const StaticFiles::File* file = files.find(name);
    if (file == nullptr)
        return problem_response({std::string(codes::pad_niet_gevonden), "Dit bestand bestaat niet (is de widget gebouwd?).", {}},
                                request.path, std::move(route));
    HttpResponse response;
    response.content_type = file->content_type;
    response.route = std::move(route);
    response.headers.emplace_back("ETag", file->etag);
    response.headers.emplace_back("Cache-Control", "public, max-age=300");
    if (auto match = request.header("if-none-match"); match && *match == file->etag) {
        response.status = 304;
        return response;
    }
    response.body = file->body;
    return response;
}

}  // namespace ido::service
