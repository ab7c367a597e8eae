#include "service/endpoints/endpoints.hpp"

#include "service/http/compression.hpp"
#include "service/render/problem.hpp"
#include "service/render/responses.hpp"

#include <utility>

namespace ido::service {

HttpResponse get_static_file(const StaticFiles& files, std::string_view name, const HttpRequest& request, std::string route) {
    bool immutable = false;
    const StaticFiles::File* file = files.find(name, &immutable);
    if (file == nullptr)
        return problem_response({std::string(codes::pad_niet_gevonden), "Dit bestand bestaat niet (is de widget gebouwd?).", {}},
                                request.path, std::move(route));
    // The build's precompressed copy the client accepts, brotli first (smaller); each encoding has its
    // own ETag, as they are different bytes.
    const std::string* body = &file->body;
    std::string encoding;
    if (file->brotli && accepts_encoding(request, "br")) {
        body = &*file->brotli;
        encoding = "br";
    } else if (file->gzip && accepts_encoding(request, "gzip")) {
        body = &*file->gzip;
        encoding = "gzip";
    }
    const std::string etag = encoding.empty() ? file->etag : file->etag.substr(0, file->etag.size() - 1) + "-" + encoding + "\"";
    HttpResponse response;
    response.content_type = file->content_type;
    response.route = std::move(route);
    response.headers.emplace_back("ETag", etag);
    // A versioned name never changes its bytes: cache it for a year. A plain name (the embed snippet's
    // /widget/v1/ido-vinder.js) changes with every release: a short cache, then revalidate by ETag.
    response.headers.emplace_back("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "public, max-age=300");
    if (file->gzip || file->brotli) response.headers.emplace_back("Vary", "Accept-Encoding");
    if (auto match = request.header("if-none-match"); match && *match == etag) {
        response.status = 304;
        return response;
    }
    if (!encoding.empty()) response.headers.emplace_back("Content-Encoding", encoding);
    response.body = *body;
    return response;
}

}  // namespace ido::service
