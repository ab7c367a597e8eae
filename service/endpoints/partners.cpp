// The partners a municipality directs as *regisseur* (issue 13): a Taalhuis, a tax help desk, form help.
// Public to read (the widget shows them), written with a token of that municipality or a beheerder.
#include "record/municipal.hpp"
#include "service/endpoints/gemeentedata.hpp"
#include "service/endpoints/gemeentedata_common.hpp"
#include "service/http/query.hpp"

#include <charconv>

namespace ido::service {
namespace {

using namespace gemeentedata;

const std::string list_route = "/v1/gemeenten/{gemeentecode}/partners";
const std::string item_route = "/v1/gemeenten/{gemeentecode}/partners/{id}";

void write_partner(JsonWriter& w, const store::Partner& p) {
    w.StartObject();
    w.Key("id");
    w.Int64(p.id);
    for (const auto& [name, value] : {std::pair{"naam", &p.naam}, {"soort", &p.soort}, {"omschrijving", &p.omschrijving}, {"adres", &p.adres},
                                      {"telefoon", &p.telefoon}, {"email", &p.email}, {"website", &p.website}}) {
        w.Key(name);
        if (value->empty()) w.Null();
        else w.String(value->c_str(), static_cast<rapidjson::SizeType>(value->size()));
    }
    w.Key("versie");
    w.Int64(p.versie);
    w.EndObject();
}

std::string partner_body(const store::Partner& p) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    write_partner(w, p);
    return buffer.GetString();
}

HttpResponse with_etag(HttpResponse response, std::int64_t versie) {
    response.headers.emplace_back("ETag", "\"" + std::to_string(versie) + "\"");
    return response;
}

// The partner's texts from a validated body (absent and null are both "not given").
store::Partner from_body(const rapidjson::Document& body, std::string_view gemeentecode) {
    store::Partner p;
    p.gemeentecode = std::string(gemeentecode);
    auto text = [&](const char* key) {
        auto it = body.FindMember(key);
        return it != body.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString(), it->value.GetStringLength()) : std::string();
    };
    p.naam = text("naam");
    p.soort = text("soort");
    p.omschrijving = text("omschrijving");
    p.adres = text("adres");
    p.telefoon = text("telefoon");
    p.email = text("email");
    p.website = text("website");
    return p;
}

// A validated partner body, or the problem.
std::variant<store::Partner, HttpResponse> partner_from_request(const HttpRequest& request, std::string_view code, const std::string& route) {
    auto body = parse_body(request, route);
    if (auto* problem = std::get_if<HttpResponse>(&body)) return std::move(*problem);
    const auto& doc = std::get<rapidjson::Document>(body);
    record::FieldProblems problems;
    record::validate_partner(doc, problems);
    if (!problems.empty()) return body_problem(request, route, problems);
    return from_body(doc, code);
}

HttpResponse partner_not_found(const HttpRequest& request, const std::string& route) {
    return problem_response({std::string(codes::niet_gevonden), "Deze gemeente heeft geen partner met dit id.", {}}, request.path, route);
}

// The stored partner of path {gemeentecode}/{id}: another municipality's id is not found here.
std::optional<store::Partner> find(const RouteContext& c, std::string_view code, std::string_view id_text) {
    std::int64_t id = 0;
    auto [end, error] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
    if (error != std::errc() || end != id_text.data() + id_text.size() || id <= 0) return std::nullopt;
    auto partner = c.editor->store().partner(id);
    if (!partner || partner->gemeentecode != code) return std::nullopt;
    return partner;
}

HttpResponse conflict(const HttpRequest& request, const std::string& route, std::int64_t current) {
    auto response = problem_response({std::string(codes::versie_conflict), "Iemand anders heeft deze partner intussen gewijzigd. Lees hem opnieuw.", {}},
                                     request.path, route);
    return with_etag(std::move(response), current);
}

}  // namespace

MunicipalAnswer get_partners(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    QueryParams query(request.query, {});
    if (!query.ok()) return invalid_parameters(query.problems(), request.path, list_route);
    if (auto problem = unknown_municipality(c, request, p[0], list_route)) return problem;
    if (c.editor == nullptr) return without_store(request, list_route);
    return guarded(request, list_route, [&] {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        w.Key("partners");
        w.StartArray();
        for (const auto& partner : c.editor->store().partners(p[0])) write_partner(w, partner);
        w.EndArray();
        w.EndObject();
        return uncached_json(buffer.GetString(), list_route);
    });
}

MunicipalAnswer get_partner(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    QueryParams query(request.query, {});
    if (!query.ok()) return invalid_parameters(query.problems(), request.path, item_route);
    if (auto problem = unknown_municipality(c, request, p[0], item_route)) return problem;
    if (c.editor == nullptr) return without_store(request, item_route);
    return guarded(request, item_route, [&] {
        auto partner = find(c, p[0], p[1]);
        if (!partner) return partner_not_found(request, item_route);
        return with_etag(uncached_json(partner_body(*partner), item_route), partner->versie);
    });
}

MunicipalAnswer post_partner(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    if (c.editor == nullptr) return std::nullopt;  // read-only: 405
    if (auto problem = unknown_municipality(c, request, p[0], list_route)) return problem;
    return guarded(request, list_route, [&] {
        auto token = authorise(c, request, p[0], list_route);
        if (auto* problem = std::get_if<HttpResponse>(&token)) return std::move(*problem);
        auto partner = partner_from_request(request, p[0], list_route);
        if (auto* problem = std::get_if<HttpResponse>(&partner)) return std::move(*problem);
        const auto& t = std::get<store::Token>(token);
        const auto stored = c.editor->store().create_partner(std::get<store::Partner>(partner), {t.id, t.label});
        auto response = with_etag(uncached_json(partner_body(stored), list_route, 201), stored.versie);
        response.headers.emplace_back("Location", "/v1/gemeenten/" + stored.gemeentecode + "/partners/" + std::to_string(stored.id));
        return response;
    });
}

MunicipalAnswer put_partner(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    if (c.editor == nullptr) return std::nullopt;
    if (auto problem = unknown_municipality(c, request, p[0], item_route)) return problem;
    return guarded(request, item_route, [&] {
        auto token = authorise(c, request, p[0], item_route);
        if (auto* problem = std::get_if<HttpResponse>(&token)) return std::move(*problem);
        auto current = find(c, p[0], p[1]);
        if (!current) return partner_not_found(request, item_route);
        auto version = if_match(request, item_route);
        if (auto* problem = std::get_if<HttpResponse>(&version)) return std::move(*problem);
        auto partner = partner_from_request(request, p[0], item_route);
        if (auto* problem = std::get_if<HttpResponse>(&partner)) return std::move(*problem);
        const auto& t = std::get<store::Token>(token);
        const std::int64_t expected = std::get<std::optional<std::int64_t>>(version).value_or(current->versie);
        const auto result = c.editor->store().update_partner(current->id, expected, std::get<store::Partner>(partner), {t.id, t.label});
        if (result.outcome == store::WriteOutcome::niet_gevonden) return partner_not_found(request, item_route);
        if (result.outcome == store::WriteOutcome::versie_conflict) return conflict(request, item_route, result.version);
        auto stored = c.editor->store().partner(current->id);
        if (!stored) return partner_not_found(request, item_route);  // removed in the meantime
        return with_etag(uncached_json(partner_body(*stored), item_route), stored->versie);
    });
}

MunicipalAnswer delete_partner(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    if (c.editor == nullptr) return std::nullopt;
    if (auto problem = unknown_municipality(c, request, p[0], item_route)) return problem;
    return guarded(request, item_route, [&] {
        auto token = authorise(c, request, p[0], item_route);
        if (auto* problem = std::get_if<HttpResponse>(&token)) return std::move(*problem);
        auto current = find(c, p[0], p[1]);
        if (!current) return partner_not_found(request, item_route);
        auto version = if_match(request, item_route);
        if (auto* problem = std::get_if<HttpResponse>(&version)) return std::move(*problem);
        const auto& t = std::get<store::Token>(token);
        const std::int64_t expected = std::get<std::optional<std::int64_t>>(version).value_or(current->versie);
        const auto result = c.editor->store().remove_partner(current->id, expected, {t.id, t.label});
        if (result.outcome == store::WriteOutcome::niet_gevonden) return partner_not_found(request, item_route);
        if (result.outcome == store::WriteOutcome::versie_conflict) return conflict(request, item_route, result.version);
        HttpResponse response;
        response.status = 204;
        response.content_type.clear();
        response.route = item_route;
        return response;
    });
}

}  // namespace ido::service
