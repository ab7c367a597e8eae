#include "service/render/responses.hpp"

#include "service/http/query.hpp"

#include <algorithm>
#include <cstring>

namespace ido::service {

namespace {
constexpr std::size_t max_echoed_path = 1024;
}

HttpResponse json_response(std::string body, std::string route) {
    HttpResponse response;
    response.body = std::move(body);
    response.route = std::move(route);
    return response;
}

HttpResponse fixed_response(const FixedBody& fixed, const HttpRequest& request, std::string route) {
    HttpResponse response;
    response.route = std::move(route);
    response.headers.emplace_back("ETag", fixed.etag);
    if (auto header = request.header("if-none-match"); header && if_none_match(*header, fixed.etag)) {
        response.status = 304;
        response.content_type.clear();
        return response;
    }
    response.shared_body = fixed.body;
    return response;
}

bool if_none_match(std::string_view header, std::string_view etag) {
    const auto opaque = [](std::string_view tag) { return tag.starts_with("W/") ? tag.substr(2) : tag; };
    const auto trim = [](std::string_view text) {
        while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
        return text;
    };
    if (trim(header) == "*") return true;
    while (!header.empty()) {
        const std::size_t comma = std::min(header.find(','), header.size());
        const std::string_view tag = trim(header.substr(0, comma));
        if (!tag.empty() && opaque(tag) == opaque(etag)) return true;
        header.remove_prefix(std::min(comma + 1, header.size()));
    }
    return false;
}

HttpResponse problem_response(const Problem& problem, std::string_view path, std::string route) {
    HttpResponse response;
    response.status = problem_kind(problem.code).status;
    response.content_type = "application/problem+json";
    // Echo the path only when it is plain text of reasonable length; it is client input.
    response.body = problem_json(problem, is_clean_utf8(path) && path.size() <= max_echoed_path ? path : "");
    response.route = std::move(route);
    return response;
}

HttpResponse invalid_parameters(const std::vector<InvalidParam>& params, std::string_view path, std::string route) {
    std::string detail = "Controleer ";
    for (std::size_t i = 0; i < params.size(); ++i) detail += (i ? ", " : "") + params[i].name;
    detail += ".";
    return problem_response({std::string(codes::ongeldige_parameters), detail, params}, path, std::move(route));
}

void write_raw_array(JsonWriter& w, rapidjson::StringBuffer& buffer, const char* key, const std::vector<std::string>& items) {
    w.Key(key);
    w.StartArray();
    for (const auto& item : items) write_raw_value(w, buffer, item);
    w.EndArray();
}

void write_raw_value(JsonWriter& w, rapidjson::StringBuffer& buffer, std::string_view json) {
    // RawValue copies byte by byte (a quarter of a nearest query's instructions, callgrind): let it
    // write only what comes before the value (the comma) and keep its state, then copy the value
    // into the same buffer in one piece. The bytes are the same as RawValue(json) would write.
    w.RawValue(json.data(), 0, rapidjson::kObjectType);
    std::memcpy(buffer.Push(json.size()), json.data(), json.size());
}

void write_link(JsonWriter& w, const char* rel, const std::string& href, const char* type, const char* title) {
    w.StartObject();
    w.Key("rel");
    w.String(rel);
    w.Key("href");
    w.String(href);
    if (type) {
        w.Key("type");
        w.String(type);
    }
    if (title) {
        w.Key("title");
        w.String(title);
    }
    w.EndObject();
}

}  // namespace ido::service
