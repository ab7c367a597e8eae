#include "service/endpoints/gemeentedata_common.hpp"

#include "record/json_names.hpp"
#include "service/http/auth.hpp"
#include "text/utf8.hpp"

#include <rapidjson/error/en.h>

#include <charconv>

namespace ido::service::gemeentedata {

std::optional<HttpResponse> unknown_municipality(const RouteContext& c, const HttpRequest& request, std::string_view code,
                                                 const std::string& route) {
    if (c.locator.snapshot()->municipalities().find(code)) return std::nullopt;
    return problem_response({std::string(codes::niet_gevonden), "Er is geen gemeente met code '" + text::printable(code) + "'.", {}}, request.path,
                            route);
}

HttpResponse without_store(const HttpRequest& request, const std::string& route) {
    return problem_response({std::string(codes::niet_beschikbaar), "Deze dienst draait zonder opslag: er zijn geen gemeentegegevens.", {}},
                            request.path, route);
}

std::variant<store::Token, HttpResponse> authorise(const RouteContext& c, const HttpRequest& request, std::string_view code,
                                                   const std::string& route) {
    auto auth = authenticate(request, c.editor->store(), c.limiter, route);
    if (auto* problem = std::get_if<HttpResponse>(&auth)) return std::move(*problem);
    auto token = std::get<Authenticated>(auth).token;
    // A library's token edits its own help points, never a municipality's data.
    if (!may_create_in(token, std::string(code)))
        return problem_response({std::string(codes::geen_toegang), "Alleen deze gemeente of een beheerder mag dit wijzigen.", {}}, request.path, route);
    return token;
}

HttpResponse body_problem(const HttpRequest& request, const std::string& route, const record::FieldProblems& problems) {
    std::string detail = "Controleer ";
    std::vector<InvalidParam> params;
    for (std::size_t i = 0; i < problems.size(); ++i) {
        detail += (i ? ", " : "") + problems[i].pointer;
        params.push_back({problems[i].pointer, problems[i].code, problems[i].message});
    }
    return problem_response({std::string(codes::ongeldige_inhoud), detail + ".", std::move(params)}, request.path, route);
}

std::variant<rapidjson::Document, HttpResponse> parse_body(const HttpRequest& request, const std::string& route) {
    if (request.body.size() > max_body_bytes)
        return problem_response({std::string(codes::verzoek_te_groot), "Stuur hoogstens " + std::to_string(max_body_bytes) + " bytes.", {}},
                                request.path, route);
    auto type = request.header("content-type");
    if (!type || !type->starts_with("application/json"))
        return problem_response({std::string(codes::mediatype_niet_ondersteund), "Stuur de inhoud als application/json.", {}}, request.path, route);
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(request.body.c_str(), request.body.size());
    namespace fc = record::field_codes;
    if (doc.HasParseError())
        return body_problem(request, route,
                            {{"/", std::string(fc::ongeldige_json), std::string("Geen geldige JSON (positie ") + std::to_string(doc.GetErrorOffset()) +
                                                                      "): " + rapidjson::GetParseError_En(doc.GetParseError())}});
    if (!doc.IsObject()) return body_problem(request, route, {{"/", std::string(fc::ongeldige_json), "Stuur een JSON-object."}});
    // A name twice: validation reads the first, so a second would go in unchecked (record/json_names.hpp).
    if (auto pointer = record::repeated_name(doc))
        return body_problem(request, route, {{*pointer, std::string(fc::ongeldige_json), "Deze naam staat twee keer in hetzelfde object."}});
    return doc;
}

std::variant<std::optional<std::int64_t>, HttpResponse> if_match(const HttpRequest& request, const std::string& route) {
    auto match = request.header("if-match");
    if (!match)
        return problem_response({std::string(codes::voorwaarde_vereist), "Stuur If-Match met de ETag die u bij het lezen kreeg.", {}}, request.path,
                                route);
    std::string_view value = *match;
    if (value == "*") return std::optional<std::int64_t>{};
    if (value.starts_with("W/")) value.remove_prefix(2);
    if (value.size() >= 3 && value.front() == '"' && value.back() == '"') {
        std::int64_t version = 0;
        const auto digits = value.substr(1, value.size() - 2);
        auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), version);
        if (error == std::errc() && end == digits.data() + digits.size()) return std::optional<std::int64_t>{version};
    }
    return problem_response({std::string(codes::versie_conflict), "If-Match hoort bij geen versie.", {}}, request.path, route);
}

HttpResponse uncached_json(std::string body, const std::string& route, int status) {
    auto response = json_response(std::move(body), route);
    response.status = status;
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

}  // namespace ido::service::gemeentedata
