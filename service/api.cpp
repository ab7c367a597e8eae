#include "service/api.hpp"

#include "geo/dataset.hpp"
#include "geo/transformer.hpp"
#include "service/json_output.hpp"
#include "service/openapi_document.hpp"
#include "service/parameters.hpp"
#include "service/problem.hpp"
#include "service/responses.hpp"
#include "service/endpoints.hpp"
#include "service/write_endpoints.hpp"
#include "service/ogc_features.hpp"
#include "service/query.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>
#include <regex>

namespace ido::service {
namespace {

constexpr std::size_t max_path_bytes = 1024;

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> segments;
    std::size_t start = 1;  // path starts with '/'
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        segments.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return segments;
}

// --- endpoints -------------------------------------------------------------------------------------

// Always 200 while this replica answers reads (from its snapshot, also with the database down), so a
// load balancer keeps it; `schrijven` says whether writes can reach the store now, `dataversie` which
// committed state of the store the snapshot shows (equal on all replicas once a change has spread).
HttpResponse health(const geo::Snapshot& snapshot, const LocationEditor* editor) {
    const bool writable = editor != nullptr && editor->store_reachable();
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("status");
    w.String(editor == nullptr || writable ? "ok" : "beperkt");
    w.Key("schrijven");
    w.Bool(writable);
    if (editor != nullptr) {
        w.Key("dataversie");
        w.Int64(editor->loaded_version());
    }
    w.Key("informatiepunten");
    w.Uint64(snapshot.locations().size());
    w.Key("gemeenten");
    w.Uint64(snapshot.municipalities().all().size());
    w.EndObject();
    auto response = json_response(buffer.GetString(), "/v1/health");
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

HttpResponse static_file(const StaticFiles& files, std::string_view name, const HttpRequest& request, std::string route) {
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

}  // namespace

Api::Api(std::shared_ptr<geo::Locator> locator, StaticFiles widget_files, std::shared_ptr<LocationEditor> editor)
    : locator_(std::move(locator)), widget_files_(std::move(widget_files)), editor_(std::move(editor)) {}

HttpResponse Api::handle_write(const HttpRequest& request, const std::vector<std::string_view>& segments) const {
    const bool collection = segments.size() == 2 && segments[0] == "v1" && segments[1] == "informatiepunten";
    const bool item = segments.size() == 3 && segments[0] == "v1" && segments[1] == "informatiepunten" && !segments[2].empty();
    const bool hours = segments.size() == 4 && segments[0] == "v1" && segments[1] == "informatiepunten" && !segments[2].empty() &&
                       segments[3] == "openingstijden";
    const char* allow = collection ? "GET, POST, OPTIONS" : item ? "GET, PATCH, DELETE, OPTIONS" : hours ? "PUT, OPTIONS" : "GET, OPTIONS";
    if (editor_) {
        WriteContext context{*editor_, *limiter_};
        if (collection && request.method == "POST") return post_informatiepunt(context, request);
        if (item && request.method == "PATCH") return patch_informatiepunt(context, request, segments[2]);
        if (item && request.method == "DELETE") return delete_informatiepunt(context, request, segments[2]);
        if (hours && request.method == "PUT") return put_openingstijden(context, request, segments[2]);
    }
    auto response = problem_response(
        {std::string(codes::methode_niet_toegestaan), "Methode " + printable(request.method, 16) + " is hier niet toegestaan.", {}},
        request.path, "-");
    response.headers.emplace_back("Allow", allow);
    return response;
}

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
    if (request.method != "GET") return handle_write(request, split_path(path));

    // The widget and the finder page.
    if (path == "/") return static_file(widget_files_, "index.html", request, "/");
    if (path == "/embed") return static_file(widget_files_, "embed.html", request, "/embed");
    // The editing page for libraries and municipalities (talks to the write API with a token).
    if (path == "/beheer") return static_file(widget_files_, "beheer.html", request, "/beheer");
    if (path.starts_with("/widget/v1/")) {
        const std::string_view name = path.substr(11);
        if (name.find("..") == std::string_view::npos && name.find('/') == std::string_view::npos)
            return static_file(widget_files_, name, request, "/widget/v1/{bestand}");
    }

    const auto segments = split_path(path);
    const auto snapshot = locator_->snapshot();
    // Exact matches only: a trailing slash gives an empty last segment and falls through to 404 (ADR).
    if (segments.size() >= 1 && segments[0] == "v1") {
        if (segments.size() == 1) return ogc_landing_page(request);
        // OGC API - Features: /v1/conformance and /v1/collections/...
        if (auto ogc = handle_ogc(*snapshot, request, segments)) return std::move(*ogc);
        if (segments.size() == 2) {
            if (segments[1] == "openapi.json") {
                auto response = json_response(std::string(openapi_document()), "/v1/openapi.json");
                response.content_type = "application/vnd.oai.openapi+json;version=3.0";
                return response;
            }
            if (segments[1] == "health") return health(*snapshot, editor_.get());
            if (segments[1] == "informatiepunten")
                return wants_export(request) ? get_export(*snapshot, request) : get_informatiepunten(*snapshot, locator_->geocoder(), request);
            if (segments[1] == "gemeenten") return get_gemeenten(*snapshot, request);
            if (segments[1] == "zoeksuggesties") return get_zoeksuggesties(locator_->geocoder(), request);
        }
        if (segments.size() == 3 && !segments[2].empty()) {
            if (segments[1] == "informatiepunten") return get_informatiepunt(*snapshot, request, segments[2]);
            if (segments[1] == "gemeenten") return get_gemeente(*snapshot, request, segments[2], false);
        }
        if (segments.size() == 4 && segments[1] == "gemeenten" && !segments[2].empty() && segments[3] == "informatiepunten")
            return get_gemeente(*snapshot, request, segments[2], true);
        if (segments.size() == 4 && segments[1] == "informatiepunten" && !segments[2].empty() && segments[3] == "wijzigingen" && editor_) {
            WriteContext context{*editor_, *limiter_};
            return get_wijzigingen(context, request, segments[2]);
        }
    }
    return problem_response({std::string(codes::pad_niet_gevonden), "Deze URL bestaat niet. Zie /v1/openapi.json.", {}}, path, "-");
}

}  // namespace ido::service
