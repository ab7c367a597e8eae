#include "service/api.hpp"

#include "geo/dataset.hpp"
#include "geo/transformer.hpp"
#include "service/json_output.hpp"
#include "service/openapi_document.hpp"
#include "service/parameters.hpp"
#include "service/problem.hpp"
#include "service/query.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>
#include <regex>

namespace ido::service {
namespace {

constexpr std::size_t max_path_bytes = 1024;

HttpResponse json_response(std::string body, std::string route) {
    HttpResponse response;
    response.body = std::move(body);
    response.route = std::move(route);
    return response;
}

HttpResponse problem_response(const Problem& problem, std::string_view path, std::string route) {
    HttpResponse response;
    response.status = problem_kind(problem.code).status;
    response.content_type = "application/problem+json";
    // Echo the path only when it is plain text; it is client input.
    response.body = problem_json(problem, is_clean_utf8(path) && path.size() <= max_path_bytes ? path : "");
    response.route = std::move(route);
    return response;
}

HttpResponse invalid(const std::vector<InvalidParam>& params, std::string_view path, std::string route) {
    std::string detail = "Controleer ";
    for (std::size_t i = 0; i < params.size(); ++i) detail += (i ? ", " : "") + params[i].name;
    detail += ".";
    return problem_response({std::string(codes::ongeldige_parameters), detail, params}, path, std::move(route));
}

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

// Writes a list of pre-rendered JSON objects as an array member.
void raw_array(rapidjson::Writer<rapidjson::StringBuffer>& w, const char* key, const std::vector<std::string>& items) {
    w.Key(key);
    w.StartArray();
    for (const auto& item : items) w.RawValue(item.data(), item.size(), rapidjson::kObjectType);
    w.EndArray();
}

void link(rapidjson::Writer<rapidjson::StringBuffer>& w, const char* rel, const std::string& href, const char* title = nullptr) {
    w.StartObject();
    w.Key("rel");
    w.String(rel);
    w.Key("href");
    w.String(href);
    w.Key("type");
    w.String("application/json");
    if (title) {
        w.Key("title");
        w.String(title);
    }
    w.EndObject();
}

bool valid_id(std::string_view id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

// --- endpoints -------------------------------------------------------------------------------------

HttpResponse landing_page() {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("titel");
    w.String("ido-vinder: Informatiepunten Digitale Overheid");
    w.Key("beschrijving");
    w.String("Vind het dichtstbijzijnde Informatiepunt Digitale Overheid (IDO): hulp bij DigiD, toeslagen, "
             "belastingen en andere online overheidszaken.");
    w.Key("links");
    w.StartArray();
    link(w, "self", "/v1");
    link(w, "service-desc", "/v1/openapi.json", "OpenAPI-document");
    link(w, "informatiepunten", "/v1/informatiepunten");
    link(w, "gemeenten", "/v1/gemeenten");
    link(w, "status", "/v1/health");
    w.EndArray();
    w.EndObject();
    return json_response(buffer.GetString(), "/v1");
}

HttpResponse health(const geo::Snapshot& snapshot) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("status");
    w.String("ok");
    w.Key("informatiepunten");
    w.Uint64(snapshot.locations().size());
    w.Key("gemeenten");
    w.Uint64(snapshot.municipalities().all().size());
    w.EndObject();
    auto response = json_response(buffer.GetString(), "/v1/health");
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

HttpResponse informatiepunten(const geo::Snapshot& snapshot, const HttpRequest& request) {
    const std::string route = "/v1/informatiepunten";
    auto parsed = parse_informatiepunten_parameters(request.query);
    if (auto* problems = std::get_if<std::vector<InvalidParam>>(&parsed)) return invalid(*problems, request.path, route);
    const auto& params = std::get<InformatiepuntenParameters>(parsed);

    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    std::vector<std::string> items;
    std::optional<std::string> next;
    if (params.origin) {
        // Validated to lie near the Netherlands, so PROJ can transform it.
        const auto rd = geo::Transformer::to_rd(*params.origin);
        if (!rd) return problem_response({std::string(codes::interne_fout), "Transformatie naar RD mislukt.", {}}, request.path, route);
        w.Key("zoekpunt");
        const std::string point = point_json(*params.origin);
        w.RawValue(point.data(), point.size(), rapidjson::kObjectType);
        for (const auto& n : snapshot.index().nearest(*rd, params.limit))
            items.push_back(location_json(snapshot.locations()[n.index], n.distance_m));
    } else {
        const auto& all = snapshot.locations();
        std::size_t i = params.after ? snapshot.first_after(*params.after) : 0;
        for (; i < all.size() && items.size() < params.limit; ++i) items.push_back(location_json(all[i], std::nullopt));
        if (i < all.size() && !items.empty())
            next = "/v1/informatiepunten?limit=" + std::to_string(params.limit) + "&na=" + all[i - 1].id;
    }
    raw_array(w, "informatiepunten", items);
    w.Key("links");
    w.StartArray();
    if (next) link(w, "next", *next, "Volgende pagina");
    w.EndArray();
    w.EndObject();
    return json_response(buffer.GetString(), route);
}

HttpResponse informatiepunt(const geo::Snapshot& snapshot, const HttpRequest& request, std::string_view id) {
    const std::string route = "/v1/informatiepunten/{id}";
    QueryParams query(request.query, {});
    if (!query.ok()) return invalid(query.problems(), request.path, route);
    const geo::Location* location = valid_id(id) ? snapshot.find(id) : nullptr;
    if (location == nullptr)
        return problem_response({std::string(codes::niet_gevonden), "Er is geen informatiepunt met id '" + printable(id) + "'.", {}},
                                request.path, route);
    return json_response(location_json(*location, std::nullopt), route);
}

HttpResponse gemeenten(const geo::Snapshot& snapshot, const HttpRequest& request) {
    const std::string route = "/v1/gemeenten";
    auto parsed = parse_gemeenten_parameters(request.query);
    if (auto* problems = std::get_if<std::vector<InvalidParam>>(&parsed)) return invalid(*problems, request.path, route);
    const auto& params = std::get<GemeentenParameters>(parsed);
    const auto& municipalities = snapshot.municipalities();
    std::vector<std::string> items;
    if (params.point) {
        if (auto m = municipalities.containing(*params.point))
            items.push_back(municipality_json(municipalities.all()[*m], snapshot.locations_in(*m).size()));
    } else {
        for (std::size_t m = 0; m < municipalities.all().size(); ++m)
            items.push_back(municipality_json(municipalities.all()[m], snapshot.locations_in(m).size()));
    }
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    raw_array(w, "gemeenten", items);
    w.EndObject();
    return json_response(buffer.GetString(), route);
}

std::optional<std::size_t> find_municipality(const geo::Snapshot& snapshot, std::string_view code) {
    static const std::regex pattern("GM[0-9]{4}");
    if (code.size() != 6 || !std::regex_match(code.begin(), code.end(), pattern)) return std::nullopt;
    return snapshot.municipalities().find(code);
}

HttpResponse gemeente(const geo::Snapshot& snapshot, const HttpRequest& request, std::string_view code, bool with_locations) {
    const std::string route = with_locations ? "/v1/gemeenten/{gemeentecode}/informatiepunten" : "/v1/gemeenten/{gemeentecode}";
    QueryParams query(request.query, {});
    if (!query.ok()) return invalid(query.problems(), request.path, route);
    auto m = find_municipality(snapshot, code);
    if (!m)
        return problem_response({std::string(codes::niet_gevonden),
                                 "Er is geen gemeente met code '" + printable(code) + "'. Een gemeentecode ziet eruit als GM0363.", {}},
                                request.path, route);
    const auto& in = snapshot.locations_in(*m);
    std::string municipality = municipality_json(snapshot.municipalities().all()[*m], in.size());
    if (!with_locations) return json_response(municipality, route);
    std::vector<std::string> items;
    for (std::size_t i : in) items.push_back(location_json(snapshot.locations()[i], std::nullopt));
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("gemeente");
    w.RawValue(municipality.data(), municipality.size(), rapidjson::kObjectType);
    raw_array(w, "informatiepunten", items);
    w.EndObject();
    return json_response(buffer.GetString(), route);
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

Api::Api(std::shared_ptr<geo::Locator> locator, StaticFiles widget_files)
    : locator_(std::move(locator)), widget_files_(std::move(widget_files)) {}

HttpResponse Api::handle(const HttpRequest& request) const {
    const std::string_view path = request.path;
    if (path.empty() || path.front() != '/' || path.size() > max_path_bytes || !is_clean_utf8(path))
        return problem_response({std::string(codes::pad_niet_gevonden), "Deze URL is ongeldig.", {}}, path, "-");

    if (request.method == "OPTIONS") {
        // CORS preflight: the public API is read-only and open to every origin.
        HttpResponse response;
        response.status = 204;
        response.content_type.clear();
        response.route = "OPTIONS";
        response.headers.emplace_back("Access-Control-Allow-Methods", "GET, OPTIONS");
        response.headers.emplace_back("Access-Control-Allow-Headers", "Accept, Accept-Crs, Content-Type");
        response.headers.emplace_back("Access-Control-Max-Age", "86400");
        return response;
    }
    if (request.method != "GET") {
        auto response = problem_response(
            {std::string(codes::methode_niet_toegestaan), "Methode " + printable(request.method, 16) + " is hier niet toegestaan.", {}},
            path, "-");
        response.headers.emplace_back("Allow", "GET, OPTIONS");
        return response;
    }

    // The widget and the finder page.
    if (path == "/") return static_file(widget_files_, "index.html", request, "/");
    if (path == "/embed") return static_file(widget_files_, "embed.html", request, "/embed");
    if (path.starts_with("/widget/v1/")) {
        const std::string_view name = path.substr(11);
        if (name.find("..") == std::string_view::npos && name.find('/') == std::string_view::npos)
            return static_file(widget_files_, name, request, "/widget/v1/{bestand}");
    }

    const auto segments = split_path(path);
    const auto snapshot = locator_->snapshot();
    // Exact matches only: a trailing slash gives an empty last segment and falls through to 404 (ADR).
    if (segments.size() >= 1 && segments[0] == "v1") {
        if (segments.size() == 1) return landing_page();
        if (segments.size() == 2) {
            if (segments[1] == "openapi.json") {
                auto response = json_response(std::string(openapi_document()), "/v1/openapi.json");
                response.content_type = "application/vnd.oai.openapi+json;version=3.0";
                return response;
            }
            if (segments[1] == "health") return health(*snapshot);
            if (segments[1] == "informatiepunten") return informatiepunten(*snapshot, request);
            if (segments[1] == "gemeenten") return gemeenten(*snapshot, request);
        }
        if (segments.size() == 3 && !segments[2].empty()) {
            if (segments[1] == "informatiepunten") return informatiepunt(*snapshot, request, segments[2]);
            if (segments[1] == "gemeenten") return gemeente(*snapshot, request, segments[2], false);
        }
        if (segments.size() == 4 && segments[1] == "gemeenten" && !segments[2].empty() && segments[3] == "informatiepunten")
            return gemeente(*snapshot, request, segments[2], true);
    }
    return problem_response({std::string(codes::pad_niet_gevonden), "Deze URL bestaat niet. Zie /v1/openapi.json.", {}}, path, "-");
}

}  // namespace ido::service
