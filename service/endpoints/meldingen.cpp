#include "service/endpoints/meldingen.hpp"

#include "record/melding.hpp"
#include "record/problem_codes.hpp"
#include "record/validate.hpp"
#include "service/endpoints/parameters.hpp"
#include "service/endpoints/writes.hpp"
#include "service/http/query.hpp"
#include "service/render/responses.hpp"

#include <rapidjson/document.h>

#include <charconv>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace ido::service {
namespace {

namespace fc = ido::record::field_codes;

const std::string post_route = "/v1/informatiepunten/{id}/meldingen";
const std::string list_route = "/v1/meldingen";
const std::string item_route = "/v1/meldingen/{id}";

std::string etag(std::int64_t version) { return "\"" + std::to_string(version) + "\""; }

// A report's id in a path: a positive whole number; anything else names no report.
std::optional<std::int64_t> report_id(std::string_view text) {
    std::int64_t id = 0;
    if (text.empty() || text.size() > 18) return std::nullopt;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
    return id;
}

// Leading and trailing white space carries nothing; the text in between is kept as written.
std::string trimmed(std::string_view text) {
    const auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
    while (!text.empty() && blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && blank(text.back())) text.remove_suffix(1);
    return std::string(text);
}

HttpResponse too_many(const HttpRequest& request, const std::string& detail, long wait) {
    auto response = problem_response({std::string(codes::te_veel_verzoeken), detail, {}}, request.path, post_route);
    response.headers.emplace_back("Retry-After", std::to_string(wait));
    return response;
}

void write_melding(JsonWriter& w, const store::Melding& m) {
    w.StartObject();
    w.Key("id");
    w.Int64(m.id);
    w.Key("informatiepunt");
    w.String(m.informatiepunt);
    w.Key("soort");
    w.String(m.soort);
    w.Key("toelichting");
    w.String(m.toelichting);
    w.Key("status");
    w.String(m.status);
    w.Key("ontvangen");
    w.String(m.ontvangen);
    w.Key("aantal");
    w.Int64(m.aantal);
    w.Key("afgesloten");
    if (m.afgesloten) w.String(*m.afgesloten);
    else w.Null();
    w.Key("antwoord");
    if (m.antwoord) w.String(*m.antwoord);
    else w.Null();
    w.EndObject();
}

HttpResponse melding_response(const store::Melding& m, const std::string& route) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    write_melding(w, m);
    auto response = json_response(buffer.GetString(), route);
    response.headers.emplace_back("ETag", etag(m.version));
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

// Whether a token may act on a report: the tokens that may edit its help point; an administrator also
// those of a removed help point.
bool may_act_on(const store::Token& token, const geo::Snapshot& snapshot, const store::Melding& m) {
    if (token.rol == store::Role::beheerder) return true;
    const geo::Location* location = snapshot.find(m.informatiepunt);
    return location != nullptr && may_edit(token, *location);
}

// The report the request names, once its token may act on it; else the problem (401, 429, 404, 403).
std::variant<std::pair<store::Token, store::Melding>, HttpResponse> authorised_melding(MeldingContext& context, const HttpRequest& request,
                                                                                       std::string_view id) {
    auto auth = authenticate(request, context.editor.store(), context.login_limiter, item_route);
    if (auto* problem = std::get_if<HttpResponse>(&auth)) return std::move(*problem);
    const auto& token = std::get<Authenticated>(auth).token;
    const auto number = report_id(id);
    auto melding = number ? context.editor.store().melding(*number) : std::nullopt;
    if (!melding)
        return problem_response({std::string(codes::niet_gevonden), "Er is geen melding met id '" + printable(id) + "'.", {}}, request.path, item_route);
    if (!may_act_on(token, *context.editor.snapshot(), *melding))
        return problem_response({std::string(codes::geen_toegang), "Deze sleutel mag deze melding niet zien of afsluiten.", {}}, request.path, item_route);
    return std::pair{token, std::move(*melding)};
}

HttpResponse post_in_store(MeldingContext& context, const HttpRequest& request, std::string_view informatiepunt) {
    auto received = receive_melding(context, informatiepunt, request.client, [&]() -> std::variant<rapidjson::Document, HttpResponse> {
        // application/json only (no merge patch: this is no edit).
        const auto type = request.header("content-type");
        if (!type || !type->starts_with("application/json"))
            return problem_response({std::string(codes::mediatype_niet_ondersteund), "Stuur de melding als application/json.", {}}, request.path,
                                    post_route);
        return parse_json_body(request, post_route);
    });
    switch (received.uitkomst) {
        case MeldingOntvangst::Uitkomst::opgeslagen:
        case MeldingOntvangst::Uitkomst::samengevoegd: break;
        case MeldingOntvangst::Uitkomst::niet_gevonden:
            return problem_response({std::string(codes::niet_gevonden), "Er is geen informatiepunt met id '" + printable(informatiepunt) + "'.", {}},
                                    request.path, post_route);
        case MeldingOntvangst::Uitkomst::verdwenen:
            return problem_response({std::string(codes::niet_gevonden), "Dit informatiepunt bestaat niet meer.", {}}, request.path, post_route);
        case MeldingOntvangst::Uitkomst::te_veel_van_adres:
            return too_many(request, "U hebt het afgelopen uur al 5 meldingen gedaan. Probeer het later nog eens.", received.wacht);
        case MeldingOntvangst::Uitkomst::te_veel_over_informatiepunt:
            return too_many(request, "Over dit informatiepunt zijn vandaag al veel meldingen gedaan. Probeer het morgen nog eens.", received.wacht);
        case MeldingOntvangst::Uitkomst::ongeldig: {
            std::vector<InvalidParam> params;
            for (auto& p : received.problemen) params.push_back({std::move(p.pointer), std::move(p.code), std::move(p.message)});
            return json_body_problem(request, post_route, std::move(params));
        }
        case MeldingOntvangst::Uitkomst::onleesbaar: return std::move(*received.weigering);
    }
    const bool merged = received.uitkomst == MeldingOntvangst::Uitkomst::samengevoegd;
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("id");
    w.Int64(received.id);
    w.Key("samengevoegd");
    w.Bool(merged);
    w.EndObject();
    auto response = json_response(buffer.GetString(), post_route);
    response.status = merged ? 200 : 201;
    if (!merged) response.headers.emplace_back("Location", "/v1/meldingen/" + std::to_string(received.id));
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

HttpResponse list_in_store(MeldingContext& context, const HttpRequest& request) {
    QueryParams query(request.query, {meldingen_parameter_names.begin(), meldingen_parameter_names.end()});
    std::string status;
    if (auto value = query.get("status")) {
        if (ido::record::is_melding_status(*value)) status = std::string(*value);
        else query.add_problem("status", param_codes::ongeldige_waarde, "Geef open, afgehandeld of afgewezen.");
    }
    if (!query.ok()) return invalid_parameters(query.problems(), request.path, list_route);
    auto auth = authenticate(request, context.editor.store(), context.login_limiter, list_route);
    if (auto* problem = std::get_if<HttpResponse>(&auth)) return std::move(*problem);
    const auto& token = std::get<Authenticated>(auth).token;
    const auto snapshot = context.editor.snapshot();
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("meldingen");
    w.StartArray();
    for (const auto& m : context.editor.store().meldingen(status))
        if (may_act_on(token, *snapshot, m)) write_melding(w, m);
    w.EndArray();
    w.EndObject();
    auto response = json_response(buffer.GetString(), list_route);
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

HttpResponse get_in_store(MeldingContext& context, const HttpRequest& request, std::string_view id) {
    QueryParams query(request.query, {});
    if (!query.ok()) return invalid_parameters(query.problems(), request.path, item_route);
    auto found = authorised_melding(context, request, id);
    if (auto* problem = std::get_if<HttpResponse>(&found)) return std::move(*problem);
    return melding_response(std::get<0>(found).second, item_route);
}

HttpResponse patch_in_store(MeldingContext& context, const HttpRequest& request, std::string_view id) {
    auto found = authorised_melding(context, request, id);
    if (auto* problem = std::get_if<HttpResponse>(&found)) return std::move(*problem);
    const auto& [token, melding] = std::get<0>(found);
    const auto match = request.header("if-match");
    if (!match)
        return problem_response({std::string(codes::voorwaarde_vereist), "Stuur If-Match met de ETag die u bij het lezen kreeg.", {}}, request.path,
                                item_route);
    std::optional<std::int64_t> version;
    std::string_view value = *match;
    if (value.starts_with("W/")) value.remove_prefix(2);
    if (value == "*") version = melding.version;
    else if (value.size() >= 3 && value.front() == '"' && value.back() == '"') version = report_id(value.substr(1, value.size() - 2));
    if (!version)
        return problem_response({std::string(codes::versie_conflict), "If-Match hoort bij geen versie van deze melding.", {}}, request.path, item_route);
    auto body = parse_json_body(request, item_route);
    if (auto* problem = std::get_if<HttpResponse>(&body)) return std::move(*problem);
    const rapidjson::Document& doc = std::get<rapidjson::Document>(body);
    ido::record::FieldProblems problems;
    ido::record::validate_afsluiting(doc, problems);
    if (!problems.empty()) {
        std::vector<InvalidParam> params;
        for (auto& p : problems) params.push_back({std::move(p.pointer), std::move(p.code), std::move(p.message)});
        return json_body_problem(request, item_route, std::move(params));
    }
    const std::string status = doc["status"].GetString();
    const std::string antwoord = trimmed({doc["antwoord"].GetString(), doc["antwoord"].GetStringLength()});
    const auto result = context.editor.store().close_melding(melding.id, *version, status, antwoord, {token.id, token.label}, now());
    switch (result.outcome) {
        case store::AfsluitOutcome::ok: break;
        case store::AfsluitOutcome::niet_gevonden:
            return problem_response({std::string(codes::niet_gevonden), "Deze melding bestaat niet meer.", {}}, request.path, item_route);
        case store::AfsluitOutcome::versie_conflict: {
            auto response = problem_response(
                {std::string(codes::versie_conflict), "Deze melding is intussen veranderd. Lees haar opnieuw en probeer het dan nog eens.", {}},
                request.path, item_route);
            response.headers.emplace_back("ETag", etag(result.version));
            return response;
        }
        case store::AfsluitOutcome::al_afgesloten:
            return problem_response({std::string(codes::al_afgesloten), "Deze melding is al afgesloten.", {}}, request.path, item_route);
    }
    auto closed = context.editor.store().melding(melding.id);
    if (!closed) return problem_response({std::string(codes::niet_gevonden), "Deze melding bestaat niet meer.", {}}, request.path, item_route);
    return melding_response(*closed, item_route);
}

// A database server that is down (PostgreSQL) answers 503 with Retry-After, as the other writes do; a
// report that failed this way was not stored unless the connection broke during the commit.
template <typename Handler>
HttpResponse unless_unavailable(const HttpRequest& request, const std::string& route, Handler&& handler) {
    try {
        return handler();
    } catch (const store::StoreUnavailable&) {
        auto response = problem_response(
            {std::string(codes::niet_beschikbaar), "De opslag is even niet bereikbaar. Probeer het over een paar seconden opnieuw.", {}}, request.path,
            route);
        response.headers.emplace_back("Retry-After", "5");
        return response;
    }
}

}  // namespace

MeldingOntvangst receive_melding(MeldingContext& context, std::string_view informatiepunt, const std::string& client, const MeldingLezer& read) {
    using Uitkomst = MeldingOntvangst::Uitkomst;
    MeldingOntvangst out;
    // Unknown and removed help points alike: a removed one is in no snapshot.
    const auto snapshot = context.editor.snapshot();
    const geo::Location* location = ido::record::is_id(informatiepunt) ? snapshot->find(informatiepunt) : nullptr;
    if (location == nullptr) {
        out.uitkomst = Uitkomst::niet_gevonden;
        return out;
    }
    if (const long wait = context.limits.per_address.retry_after(client); wait > 0) {
        out.uitkomst = Uitkomst::te_veel_van_adres;
        out.wacht = wait;
        return out;
    }
    if (const long wait = context.limits.per_informatiepunt.retry_after(location->id); wait > 0) {
        out.uitkomst = Uitkomst::te_veel_over_informatiepunt;
        out.wacht = wait;
        return out;
    }
    auto body = read();
    if (auto* refusal = std::get_if<HttpResponse>(&body)) {
        out.uitkomst = Uitkomst::onleesbaar;
        out.weigering = std::move(*refusal);
        return out;
    }
    const rapidjson::Document& doc = std::get<rapidjson::Document>(body);
    ido::record::validate_melding(doc, out.problemen);
    if (!out.problemen.empty()) {
        out.uitkomst = Uitkomst::ongeldig;
        return out;
    }
    const std::string soort = doc["soort"].GetString();
    const auto text = doc.FindMember("toelichting");
    const std::string toelichting =
        text != doc.MemberEnd() && text->value.IsString() ? trimmed({text->value.GetString(), text->value.GetStringLength()}) : std::string();
    const auto result = context.editor.store().add_melding(location->id, soort, toelichting, now());
    if (result.outcome == store::MeldingOutcome::niet_gevonden) {
        out.uitkomst = Uitkomst::verdwenen;
        return out;
    }
    // Only what was taken in counts: a refused body costs nothing and stores nothing.
    context.limits.per_address.record_failure(client);
    context.limits.per_informatiepunt.record_failure(location->id);
    out.uitkomst = result.outcome == store::MeldingOutcome::samengevoegd ? Uitkomst::samengevoegd : Uitkomst::opgeslagen;
    out.id = result.id;
    return out;
}

HttpResponse post_melding(MeldingContext& context, const HttpRequest& request, std::string_view informatiepunt) {
    return unless_unavailable(request, post_route, [&] { return post_in_store(context, request, informatiepunt); });
}

HttpResponse get_meldingen(MeldingContext& context, const HttpRequest& request) {
    return unless_unavailable(request, list_route, [&] { return list_in_store(context, request); });
}

HttpResponse get_melding(MeldingContext& context, const HttpRequest& request, std::string_view id) {
    return unless_unavailable(request, item_route, [&] { return get_in_store(context, request, id); });
}

HttpResponse patch_melding(MeldingContext& context, const HttpRequest& request, std::string_view id) {
    return unless_unavailable(request, item_route, [&] { return patch_in_store(context, request, id); });
}

}  // namespace ido::service
