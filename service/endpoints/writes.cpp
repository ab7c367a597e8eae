#include "service/endpoints/writes.hpp"

#include "geo/dataset.hpp"
#include "geo/hours/amsterdam_time.hpp"
#include "record/derivation.hpp"
#include "record/json_names.hpp"
#include "record/problem_codes.hpp"
#include "record/validate.hpp"
#include "service/render/json_output.hpp"
#include "service/endpoints/parameters.hpp"
#include "service/http/query.hpp"
#include "service/render/responses.hpp"
#include "store/secrets.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace ido::service {
namespace {

using rapidjson::Document;
using rapidjson::Value;

// --- validation of JSON bodies ------------------------------------------------------------------------

// Collects every problem of a body, named by JSON pointer ("/spreekuren/0/openingstijden"), in the
// order found: record/'s validator adds to the same list.
struct BodyProblems {
    ido::record::FieldProblems list;
    void add(const std::string& pointer, std::string_view code, std::string reason) {
        list.push_back({pointer, std::string(code), std::move(reason)});
    }
    std::vector<InvalidParam> params() && {
        std::vector<InvalidParam> out;
        for (auto& p : list) out.push_back({std::move(p.pointer), std::move(p.code), std::move(p.message)});
        return out;
    }
};

// --- building the stored record -------------------------------------------------------------------------

std::string serialise(const Value& v) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    v.Accept(writer);
    return buffer.GetString();
}

void set(Document& doc, const char* key, Value value) {
    auto& a = doc.GetAllocator();
    if (auto it = doc.FindMember(key); it != doc.MemberEnd()) it->value = std::move(value);
    else doc.AddMember(Value(key, a), std::move(value), a);
}

// Copies the normalised help desks into the record, and derives the location-level fields from them
// (record/derivation.hpp): the services offered, appointment-only, walk-in, and (for one desk) the
// location's opening hours.
void apply_spreekuren(Document& doc, const Value& spreekuren) {
    auto& a = doc.GetAllocator();
    const ido::record::DeskSummary summary = ido::record::summarise_spreekuren(spreekuren);
    Value desks = ido::record::normalised_spreekuren(spreekuren, a);
    // One desk: its hours are the location's. Several: the location's status is their union (see
    // geo::opening_status), which one OSM expression cannot always say, so the field is null.
    Value hours;
    if (desks.Size() == 1)
        if (auto it = desks[0].FindMember("openingstijden"); it != desks[0].MemberEnd()) hours.CopyFrom(it->value, a);
    set(doc, "openingstijden", std::move(hours));
    set(doc, "spreekuren", std::move(desks));
    set(doc, "diensten", ido::record::code_list(summary.diensten, a));
    set(doc, "opAfspraak", ido::record::json_bool(summary.op_afspraak));
    set(doc, "inloop", ido::record::json_bool(summary.inloop));
}

// Object members merged per RFC 7396 (JSON Merge Patch): null removes a value.
void merge_object(Document& doc, const char* key, const Value& patch) {
    auto& a = doc.GetAllocator();
    auto it = doc.FindMember(key);
    if (it == doc.MemberEnd() || !it->value.IsObject()) {
        set(doc, key, Value(rapidjson::kObjectType));
        it = doc.FindMember(key);
    }
    for (const auto& m : patch.GetObject()) {
        if (auto old = it->value.FindMember(m.name); old != it->value.MemberEnd()) old->value = Value(m.value, a);
        else it->value.AddMember(Value(m.name, a), Value(m.value, a), a);
    }
}

// --- shared steps -----------------------------------------------------------------------------------------

HttpResponse body_problem(const HttpRequest& request, const std::string& route, std::vector<InvalidParam> problems) {
    std::string detail = "Controleer ";
    for (std::size_t i = 0; i < problems.size(); ++i) detail += (i ? ", " : "") + problems[i].name;
    return problem_response({std::string(codes::ongeldige_inhoud), detail + ".", std::move(problems)}, request.path, route);
}


// The JSON body, or the problem: wrong media type, not JSON, not an object.
std::variant<Document, HttpResponse> parse_body(const HttpRequest& request, const std::string& route) {
    auto type = request.header("content-type");
    const bool json = type && (type->starts_with("application/json") || type->starts_with("application/merge-patch+json"));
    if (!json)
        return problem_response({std::string(codes::mediatype_niet_ondersteund), "Stuur de inhoud als application/json.", {}}, request.path, route);
    Document doc;
    // Validate the encoding: a body must be UTF-8.
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(request.body.c_str(), request.body.size());
    if (doc.HasParseError())
        return body_problem(request, route, {{"/", std::string(ido::record::field_codes::ongeldige_json), std::string("Geen geldige JSON (positie ") + std::to_string(doc.GetErrorOffset()) +
                                                                         "): " + rapidjson::GetParseError_En(doc.GetParseError())}});
    if (!doc.IsObject()) return body_problem(request, route, {{"/", std::string(ido::record::field_codes::ongeldige_json), "Stuur een JSON-object."}});
    if (auto pointer = record::repeated_name(doc))
        return body_problem(request, route, {{*pointer, std::string(ido::record::field_codes::ongeldige_json), "Deze naam staat twee keer in hetzelfde object."}});
    return doc;
}

// The version the client says it edits (If-Match), or the problem (428 missing, 412 stale).
std::variant<std::int64_t, HttpResponse> expected_version(const HttpRequest& request, const geo::Location& location, const std::string& route) {
    auto match = request.header("if-match");
    if (!match)
        return problem_response({std::string(codes::voorwaarde_vereist), "Stuur If-Match met de ETag die u bij het lezen kreeg.", {}},
                                request.path, route);
    std::string_view value = *match;
    if (value == "*") return location.version;
    if (value.starts_with("W/")) value.remove_prefix(2);
    if (value.size() >= 3 && value.front() == '"' && value.back() == '"') {
        std::int64_t version = 0;
        const auto digits = value.substr(1, value.size() - 2);
        auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), version);
        if (error == std::errc() && end == digits.data() + digits.size()) return version;
    }
    return problem_response({std::string(codes::versie_conflict), "If-Match hoort bij geen versie van dit informatiepunt.", {}}, request.path, route);
}

// The request's token and the help point it wants to change, once both are allowed; else the problem.
struct Target {
    store::Token token;
    const geo::Location* location;
};
std::variant<Target, HttpResponse> authorised_target(WriteContext& context, const std::shared_ptr<const geo::Snapshot>& snapshot,
                                                     const HttpRequest& request, std::string_view id, const std::string& route) {
    auto auth = authenticate(request, context.editor.store(), context.limiter, route);
    if (auto* problem = std::get_if<HttpResponse>(&auth)) return std::move(*problem);
    const auto& token = std::get<Authenticated>(auth).token;
    const geo::Location* location = record::is_id(id) ? snapshot->find(id) : nullptr;
    if (location == nullptr)
        return problem_response({std::string(codes::niet_gevonden), "Er is geen informatiepunt met id '" + printable(id) + "'.", {}}, request.path, route);
    if (!may_edit(token, *location))
        return problem_response({std::string(codes::geen_toegang), "Deze sleutel mag dit informatiepunt niet wijzigen.", {}}, request.path, route);
    return Target{token, location};
}

HttpResponse answer_with_location(store::LocationEditor& editor, std::string_view id, int status, const std::string& route) {
    auto snapshot = editor.snapshot();
    const geo::Location* location = snapshot->find(id);
    if (location == nullptr) return problem_response({std::string(codes::interne_fout), "", {}}, "", route);
    HttpResponse response = json_response(location_json(*location, std::nullopt, opening_members_json(*location, now())), route);
    response.status = status;
    response.headers.emplace_back("ETag", "\"" + std::to_string(location->version) + "\"");
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

HttpResponse write_outcome(store::LocationEditor& editor, const store::WriteResult& result, std::string_view id, const HttpRequest& request,
                           const std::string& route) {
    switch (result.outcome) {
        case store::WriteOutcome::ok: return answer_with_location(editor, id, 200, route);
        case store::WriteOutcome::niet_gevonden:
            return problem_response({std::string(codes::niet_gevonden), "Dit informatiepunt bestaat niet meer.", {}}, request.path, route);
        case store::WriteOutcome::versie_conflict: {
            auto response = problem_response({std::string(codes::versie_conflict),
                                              "Iemand anders heeft dit informatiepunt intussen gewijzigd. Lees het opnieuw en probeer het dan nog eens.", {}},
                                             request.path, route);
            response.headers.emplace_back("ETag", "\"" + std::to_string(result.version) + "\"");
            return response;
        }
        case store::WriteOutcome::bestaat_al:
            return problem_response({std::string(codes::bestaat_al), "Er is al een informatiepunt met dit id.", {}}, request.path, route);
    }
    return problem_response({std::string(codes::interne_fout), "", {}}, request.path, route);
}

// Applies `change` to the stored record of `target` and writes it, if the version still matches.
template <typename Change>
HttpResponse update(WriteContext& context, const HttpRequest& request, const Target& target, std::int64_t version, const std::string& route,
                    Change&& change) {
    const store::Author author{target.token.id, target.token.label};
    const std::string id = target.location->id;
    auto result = context.editor.write([&](store::Store& store) {
        auto stored = store.location(id);
        if (!stored) return store::WriteResult{store::WriteOutcome::niet_gevonden, 0};
        Document doc;
        doc.Parse(stored->properties_json.c_str());
        change(doc);
        const std::string properties = serialise(doc);
        geo::make_location(properties, stored->position, version);  // refuse a record the index could not load
        return store.update(id, version, properties, stored->position, author);
    });
    return write_outcome(context.editor, result, id, request, route);
}

// The common start of an edit of an existing help point: allowed token, current If-Match, JSON body.
struct Edit {
    Target target;
    std::int64_t version;
    Document body;
    // Keeps the snapshot that target.location points into alive: a concurrent write swaps in a new one.
    std::shared_ptr<const geo::Snapshot> snapshot;
};
std::variant<Edit, HttpResponse> prepare_edit(WriteContext& context, const HttpRequest& request, std::string_view id, const std::string& route) {
    auto snapshot = context.editor.snapshot();
    auto target = authorised_target(context, snapshot, request, id, route);
    if (auto* problem = std::get_if<HttpResponse>(&target)) return std::move(*problem);
    auto version = expected_version(request, *std::get<Target>(target).location, route);
    if (auto* problem = std::get_if<HttpResponse>(&version)) return std::move(*problem);
    auto body = parse_body(request, route);
    if (auto* problem = std::get_if<HttpResponse>(&body)) return std::move(*problem);
    return Edit{std::get<Target>(target), std::get<std::int64_t>(version), std::move(std::get<Document>(body)), std::move(snapshot)};
}

}  // namespace

static HttpResponse put_openingstijden_in_store(WriteContext& context, const HttpRequest& request, std::string_view id) {
    const std::string route = "/v1/informatiepunten/{id}/openingstijden";
    auto prepared = prepare_edit(context, request, id, route);
    if (auto* problem = std::get_if<HttpResponse>(&prepared)) return std::move(*problem);
    auto& edit = std::get<Edit>(prepared);
    const Document& doc = edit.body;
    BodyProblems problems;
    ido::record::check_keys(doc, "", {"spreekuren"}, problems.list);
    if (auto it = doc.FindMember("spreekuren"); it == doc.MemberEnd()) problems.add("/spreekuren", ido::record::field_codes::ontbrekend_veld, "Geef de spreekuren.");
    else ido::record::validate_spreekuren(it->value, "/spreekuren", problems.list);
    if (!problems.list.empty()) return body_problem(request, route, std::move(problems).params());
    return update(context, request, edit.target, edit.version, route, [&](Document& record) { apply_spreekuren(record, doc["spreekuren"]); });
}

static HttpResponse patch_informatiepunt_in_store(WriteContext& context, const HttpRequest& request, std::string_view id) {
    const std::string route = "/v1/informatiepunten/{id}";
    auto prepared = prepare_edit(context, request, id, route);
    if (auto* problem = std::get_if<HttpResponse>(&prepared)) return std::move(*problem);
    auto& edit = std::get<Edit>(prepared);
    const Document& doc = edit.body;
    BodyProblems problems;
    ido::record::check_keys(doc, "", {"naam", "organisatie", "adres", "contact", "diensten", "laatstGecontroleerd", "mededeling"}, problems.list);
    if (doc.ObjectEmpty()) problems.add("/", ido::record::field_codes::ontbrekend_veld, "Geef minstens een veld om te wijzigen.");
    ido::record::validate_fields(doc, false, problems.list);
    if (!problems.list.empty()) return body_problem(request, route, std::move(problems).params());
    const auto& token = edit.target.token;
    // Moving a help point to another organisation changes who may edit it: not for a library itself.
    if (doc.HasMember("organisatie") && token.rol == store::Role::bibliotheek)
        return problem_response({std::string(codes::geen_toegang), "Een bibliotheek kan de organisatie niet wijzigen.", {}}, request.path, route);
    return update(context, request, edit.target, edit.version, route, [&](Document& record) {
        auto& a = record.GetAllocator();
        for (const auto& m : doc.GetObject()) {
            const std::string name = m.name.GetString();
            if (name == "adres" || name == "contact") {
                merge_object(record, name.c_str(), m.value);
                // The top-level woonplaats (what search and the list show) mirrors adres.woonplaats, as POST sets it.
                if (name == "adres" && m.value.HasMember("woonplaats")) set(record, "woonplaats", Value(record["adres"]["woonplaats"], a));
            } else if (name == "diensten") {
                set(record, "diensten", ido::record::code_list(ido::record::code_set(m.value), a));
            } else {
                set(record, name.c_str(), Value(m.value, a));
            }
        }
    });
}

static HttpResponse post_informatiepunt_in_store(WriteContext& context, const HttpRequest& request) {
    const std::string route = "/v1/informatiepunten";
    auto auth = authenticate(request, context.editor.store(), context.limiter, route);
    if (auto* problem = std::get_if<HttpResponse>(&auth)) return std::move(*problem);
    const auto& token = std::get<Authenticated>(auth).token;
    if (token.rol == store::Role::bibliotheek)
        return problem_response({std::string(codes::geen_toegang), "Alleen een gemeente of beheerder kan informatiepunten toevoegen.", {}}, request.path, route);
    auto body = parse_body(request, route);
    if (auto* problem = std::get_if<HttpResponse>(&body)) return std::move(*problem);
    const Document& doc = std::get<Document>(body);
    BodyProblems problems;
    ido::record::check_keys(doc, "", {"id", "naam", "organisatie", "adres", "contact", "diensten", "spreekuren", "laatstGecontroleerd", "mededeling", "geometrie"},
               problems.list);
    if (auto it = doc.FindMember("id"); it != doc.MemberEnd() && (!it->value.IsString() || !ido::record::is_id(it->value.GetString())))
        problems.add("/id", ido::record::field_codes::ongeldige_waarde, "Een id is 1 tot 64 letters, cijfers, - of _.");
    ido::record::validate_fields(doc, true, problems.list);
    if (auto it = doc.FindMember("spreekuren"); it != doc.MemberEnd()) ido::record::validate_spreekuren(it->value, "/spreekuren", problems.list);
    std::optional<geo::Wgs84> position;
    auto geometry = doc.FindMember("geometrie");
    if (geometry == doc.MemberEnd() || !geometry->value.IsObject() || !geometry->value.HasMember("coordinates") ||
        !geometry->value["coordinates"].IsArray() || geometry->value["coordinates"].Size() != 2 ||
        !geometry->value["coordinates"][0].IsNumber() || !geometry->value["coordinates"][1].IsNumber()) {
        problems.add("/geometrie", ido::record::field_codes::ongeldige_waarde, "Geef een GeoJSON Point in CRS84: {\"type\":\"Point\",\"coordinates\":[lon, lat]}.");
    } else {
        position = geo::Wgs84{geometry->value["coordinates"][1].GetDouble(), geometry->value["coordinates"][0].GetDouble()};
        if (!geo::near_netherlands(*position)) {
            problems.add("/geometrie", ido::record::field_codes::buiten_nederland, "Dit punt ligt niet in Nederland.");
            position.reset();
        }
    }
    std::optional<std::size_t> municipality;
    if (position) {
        municipality = context.editor.municipalities().containing(*position);
        if (!municipality) problems.add("/geometrie", ido::record::field_codes::buiten_nederland, "Dit punt ligt in geen enkele gemeente.");
    }
    if (!problems.list.empty()) return body_problem(request, route, std::move(problems).params());
    const auto& gemeente = context.editor.municipalities().all()[*municipality];
    if (!may_create_in(token, gemeente.gemeentecode))
        return problem_response({std::string(codes::geen_toegang), "Deze sleutel mag geen informatiepunten toevoegen in " + gemeente.naam + ".", {}},
                                request.path, route);

    // The record, in the field order of the seed set.
    Document record(rapidjson::kObjectType);
    auto& a = record.GetAllocator();
    const std::string id = doc.HasMember("id") ? std::string(doc["id"].GetString()) : "IDO-" + gemeente.gemeentecode + "-" + store::random_hex(4);
    auto copy = [&](const char* key) { return doc.HasMember(key) ? Value(doc[key], a) : Value(); };
    record.AddMember("id", Value(id.c_str(), a), a);
    record.AddMember("naam", copy("naam"), a);
    record.AddMember("organisatie", copy("organisatie"), a);
    Value adres(rapidjson::kObjectType);
    for (const char* key : {"straat", "huisnummer", "postcode", "woonplaats"})
        adres.AddMember(Value(key, a), doc.HasMember("adres") && doc["adres"].HasMember(key) ? Value(doc["adres"][key], a) : Value(), a);
    record.AddMember("adres", adres, a);
    record.AddMember("woonplaats", Value(record["adres"]["woonplaats"], a), a);
    record.AddMember("gemeentecode", Value(gemeente.gemeentecode.c_str(), a), a);
    record.AddMember("gemeentenaam", Value(gemeente.naam.c_str(), a), a);
    if (doc.HasMember("spreekuren")) {
        apply_spreekuren(record, doc["spreekuren"]);
    } else {
        Document desk;
        desk.Parse(R"([{"naam":"Informatiepunt Digitale Overheid","diensten":[],"openingstijden":"","opAfspraak":null}])");
        apply_spreekuren(record, desk);
    }
    if (doc.HasMember("diensten")) {
        set(record, "diensten", ido::record::code_list(ido::record::code_set(doc["diensten"]), a));
    }
    Value contact(rapidjson::kObjectType);
    for (const char* key : {"telefoon", "email", "website"})
        contact.AddMember(Value(key, a), doc.HasMember("contact") && doc["contact"].HasMember(key) ? Value(doc["contact"][key], a) : Value(), a);
    record.AddMember("contact", contact, a);
    record.AddMember("laatstGecontroleerd", copy("laatstGecontroleerd"), a);
    record.AddMember("mededeling", copy("mededeling"), a);
    Value herkomst(rapidjson::kObjectType);
    herkomst.AddMember("soort", "beheer", a);
    herkomst.AddMember("bron", Value(), a);
    herkomst.AddMember("toelichting", "Ingevoerd via de beheer-API door een gemeente of beheerder.", a);
    herkomst.AddMember("peildatum", Value(), a);
    record.AddMember("herkomst", herkomst, a);
    record.AddMember("coordinaatPrecisie", "gebouw", a);
    record.AddMember("status", "actief", a);

    const std::string properties = serialise(record);
    geo::make_location(properties, *position, 1);
    const store::Author author{token.id, token.label};
    auto result = context.editor.write([&](store::Store& store) { return store.create({id, 1, properties, *position}, author); });
    if (result.outcome != store::WriteOutcome::ok) return write_outcome(context.editor, result, id, request, route);
    auto response = answer_with_location(context.editor, id, 201, route);
    response.headers.emplace_back("Location", "/v1/informatiepunten/" + id);
    return response;
}

static HttpResponse delete_informatiepunt_in_store(WriteContext& context, const HttpRequest& request, std::string_view id) {
    const std::string route = "/v1/informatiepunten/{id}";
    auto snapshot = context.editor.snapshot();
    auto target = authorised_target(context, snapshot, request, id, route);
    if (auto* problem = std::get_if<HttpResponse>(&target)) return std::move(*problem);
    const Target& t = std::get<Target>(target);
    if (!may_create_in(t.token, t.location->gemeentecode))
        return problem_response({std::string(codes::geen_toegang), "Alleen een gemeente of beheerder kan informatiepunten verwijderen.", {}},
                                request.path, route);
    auto version = expected_version(request, *t.location, route);
    if (auto* problem = std::get_if<HttpResponse>(&version)) return std::move(*problem);
    const store::Author author{t.token.id, t.token.label};
    const std::string location_id = t.location->id;
    auto result = context.editor.write([&](store::Store& store) { return store.remove(location_id, std::get<std::int64_t>(version), author); });
    if (result.outcome != store::WriteOutcome::ok) return write_outcome(context.editor, result, location_id, request, route);
    HttpResponse response;
    response.status = 204;
    response.content_type.clear();
    response.route = route;
    return response;
}

static HttpResponse get_wijzigingen_in_store(WriteContext& context, const HttpRequest& request, std::string_view id) {
    const std::string route = "/v1/informatiepunten/{id}/wijzigingen";
    QueryParams query(request.query, {});
    if (!query.ok()) return invalid_parameters(query.problems(), request.path, route);
    // The log names the tokens that wrote; it is for those who may edit this help point.
    auto snapshot = context.editor.snapshot();
    auto target = authorised_target(context, snapshot, request, id, route);
    if (auto* problem = std::get_if<HttpResponse>(&target)) return std::move(*problem);
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("wijzigingen");
    w.StartArray();
    for (const auto& entry : context.editor.store().history(std::get<Target>(target).location->id)) {
        w.StartObject();
        w.Key("id");
        w.Int64(entry.id);
        w.Key("tijd");
        w.String(entry.tijd);
        w.Key("actie");
        w.String(entry.actie);
        w.Key("veld");
        if (entry.veld.empty()) w.Null();
        else w.String(entry.veld);
        w.Key("oud");
        w.RawValue(entry.oud.data(), entry.oud.size(), rapidjson::kObjectType);
        w.Key("nieuw");
        w.RawValue(entry.nieuw.data(), entry.nieuw.size(), rapidjson::kObjectType);
        w.Key("door");
        w.StartObject();
        w.Key("tokenId");
        w.Int64(entry.token_id);
        w.Key("label");
        w.String(entry.token_label);
        w.EndObject();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    auto response = json_response(buffer.GetString(), route);
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

// The store may be a database server that is down or restarting (PostgreSQL): then every write and every
// token check fails with StoreUnavailable. That is answered as 503 with Retry-After, while reads go on
// from the in-memory snapshot. A write that failed this way may or may not have been committed (the
// connection broke around the commit); the client's next read or If-Match tells.
template <typename Handler>
static HttpResponse unless_store_unavailable(const HttpRequest& request, const char* route, Handler&& handler) {
    try {
        return handler();
    } catch (const store::StoreUnavailable&) {
        auto response = problem_response({std::string(codes::niet_beschikbaar),
                                          "De opslag is even niet bereikbaar. Lees het informatiepunt over een paar seconden opnieuw: "
                                          "als uw wijziging er niet in staat, probeer het dan nog eens.",
                                          {}},
                                         request.path, route);
        response.headers.emplace_back("Retry-After", "5");
        return response;
    }
}

// --- Confirmation (issue 14): "still correct" ------------------------------------------------------------

// Today's date in Amsterdam, as laatstGecontroleerd holds it: a check at 00:30 on 1 December is a check
// on 1 December, not on 30 November (UTC).
static std::string amsterdam_today() {
    const auto local = hours::to_local(now());
    const std::chrono::year_month_day day(std::chrono::floor<std::chrono::days>(std::chrono::local_seconds(local.time_since_epoch())));
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                  static_cast<unsigned>(day.day()));
    return text;
}

static HttpResponse post_controle_in_store(WriteContext& context, const HttpRequest& request, std::string_view id) {
    const std::string route = "/v1/informatiepunten/{id}/controle";
    auto snapshot = context.editor.snapshot();
    auto target = authorised_target(context, snapshot, request, id, route);
    if (auto* problem = std::get_if<HttpResponse>(&target)) return std::move(*problem);
    const Target& t = std::get<Target>(target);
    auto version = expected_version(request, *t.location, route);
    if (auto* problem = std::get_if<HttpResponse>(&version)) return std::move(*problem);
    // No body: the action says all. A body would be a client that expects it to mean something.
    if (!request.body.empty())
        return body_problem(request, route, {{"/", std::string(ido::record::field_codes::onbekend_veld), "Stuur geen inhoud mee."}});
    const store::Author author{t.token.id, t.token.label};
    const std::string location_id = t.location->id;
    const std::string today = amsterdam_today();
    auto result = context.editor.write([&](store::Store& store) {
        auto stored = store.location(location_id);
        if (!stored) return store::WriteResult{store::WriteOutcome::niet_gevonden, 0};
        Document doc;
        doc.Parse(stored->properties_json.c_str());
        set(doc, "laatstGecontroleerd", Value(today.c_str(), doc.GetAllocator()));
        return store.confirm(location_id, std::get<std::int64_t>(version), serialise(doc), author);
    });
    return write_outcome(context.editor, result, location_id, request, route);
}

HttpResponse post_controle(WriteContext& context, const HttpRequest& request, std::string_view id) {
    return unless_store_unavailable(request, "/v1/informatiepunten/{id}/controle", [&] { return post_controle_in_store(context, request, id); });
}

std::variant<rapidjson::Document, HttpResponse> parse_json_body(const HttpRequest& request, const std::string& route) {
    return parse_body(request, route);
}

HttpResponse json_body_problem(const HttpRequest& request, const std::string& route, std::vector<InvalidParam> problems) {
    return body_problem(request, route, std::move(problems));
}

HttpResponse put_openingstijden(WriteContext& context, const HttpRequest& request, std::string_view id) {
    return unless_store_unavailable(request, "/v1/informatiepunten/{id}/openingstijden", [&] { return put_openingstijden_in_store(context, request, id); });
}

HttpResponse patch_informatiepunt(WriteContext& context, const HttpRequest& request, std::string_view id) {
    return unless_store_unavailable(request, "/v1/informatiepunten/{id}", [&] { return patch_informatiepunt_in_store(context, request, id); });
}

HttpResponse post_informatiepunt(WriteContext& context, const HttpRequest& request) {
    return unless_store_unavailable(request, "/v1/informatiepunten", [&] { return post_informatiepunt_in_store(context, request); });
}

HttpResponse delete_informatiepunt(WriteContext& context, const HttpRequest& request, std::string_view id) {
    return unless_store_unavailable(request, "/v1/informatiepunten/{id}", [&] { return delete_informatiepunt_in_store(context, request, id); });
}

HttpResponse get_wijzigingen(WriteContext& context, const HttpRequest& request, std::string_view id) {
    return unless_store_unavailable(request, "/v1/informatiepunten/{id}/wijzigingen", [&] { return get_wijzigingen_in_store(context, request, id); });
}

}  // namespace ido::service
