// The full-list upload of a municipality: read and check the file as `ido-vinder import` does, plan it
// against the store (exchange/full_list.hpp), and write it in one transaction when nothing is wrong.
#include "service/endpoints/volledige_lijst.hpp"

#include "exchange/full_list.hpp"
#include "exchange/import.hpp"
#include "service/endpoints/gemeentedata_common.hpp"
#include "service/http/auth.hpp"
#include "service/http/query.hpp"
#include "service/render/responses.hpp"

#include <chrono>
#include <string>
#include <variant>
#include <vector>

namespace ido::service {
namespace {

using namespace gemeentedata;

const std::string route = "/v1/gemeenten/{gemeentecode}/volledige-lijst";

// Counted per token, in memory: the failed-login limiter counts any event in a window.
FailedLoginLimiter& upload_limiter() {
    static FailedLoginLimiter limiter{max_list_uploads_per_hour, std::chrono::hours(1)};
    return limiter;
}

void ids(JsonWriter& w, const char* key, const std::vector<exchange::ListEntry>& entries) {
    w.Key(key);
    w.StartArray();
    for (const auto& e : entries) w.String(e.id);
    w.EndArray();
}

// The report's members, shared by the 200 answer and the 422 problem.
void write_report(JsonWriter& w, std::string_view code, bool proefdraai, const exchange::FullListPlan& plan,
                  const std::vector<exchange::ImportProblem>& problems, const std::vector<exchange::ListConflict>& conflicts) {
    w.Key("gemeente");
    w.String(code.data(), static_cast<rapidjson::SizeType>(code.size()));
    w.Key("proefdraai");
    w.Bool(proefdraai);
    ids(w, "toegevoegd", plan.toegevoegd);
    ids(w, "gewijzigd", plan.gewijzigd);
    ids(w, "verwijderd", plan.verwijderd);
    w.Key("ongewijzigd");
    w.Uint64(plan.ongewijzigd);
    w.Key("conflicten");
    w.StartArray();
    for (const auto& c : conflicts) {
        w.StartObject();
        w.Key("id");
        w.String(c.id);
        w.Key("reden");
        w.String(c.reden);
        w.EndObject();
    }
    w.EndArray();
    w.Key("problemen");
    w.StartArray();
    for (const auto& p : problems) {
        w.StartObject();
        w.Key("regel");
        w.Uint64(p.row);
        w.Key("veld");
        w.String(p.field);
        w.Key("code");
        w.String(p.code);
        w.Key("melding");
        w.String(p.message);
        w.EndObject();
    }
    w.EndArray();
    // The names, so that a person can read the lists (the ids are what a program uses).
    w.Key("namen");
    w.StartObject();
    for (const auto* list : {&plan.toegevoegd, &plan.gewijzigd, &plan.verwijderd})
        for (const auto& e : *list) {
            w.Key(e.id.c_str(), static_cast<rapidjson::SizeType>(e.id.size()));
            w.String(e.naam);
        }
    for (const auto& c : conflicts)
        if (!c.naam.empty()) {
            w.Key(c.id.c_str(), static_cast<rapidjson::SizeType>(c.id.size()));
            w.String(c.naam);
        }
    w.EndObject();
    w.Key("zonderVersie");
    w.Uint64(plan.zonder_versie);
    w.Key("zonderExportmoment");
    w.Bool(plan.zonder_exportmoment);
}

HttpResponse answer(const HttpRequest& request, std::string_view code, bool proefdraai, const exchange::FullListPlan& plan,
                    const std::vector<exchange::ImportProblem>& problems, const std::vector<exchange::ListConflict>& conflicts) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    const bool refused = !problems.empty() || !conflicts.empty();
    if (refused) {
        // problem+json (RFC 9457) with the report as extension members.
        const ProblemKind& kind = problem_kind(codes::lijst_afgewezen);
        w.Key("type");
        w.String("https://ido-vinder.nl/problemen/" + std::string(kind.code));
        w.Key("title");
        w.String(kind.title.data(), static_cast<rapidjson::SizeType>(kind.title.size()));
        w.Key("status");
        w.Int(kind.status);
        w.Key("detail");
        w.String(!problems.empty() ? "Het bestand heeft " + std::to_string(problems.size()) + " probleem/problemen; er is niets opgeslagen."
                                   : "Er is sinds de export iets gewijzigd (" + std::to_string(conflicts.size()) +
                                         " conflict(en)); er is niets opgeslagen. Exporteer opnieuw, breng uw wijzigingen daarin aan en stuur dat bestand.");
        w.Key("code");
        w.String(kind.code.data(), static_cast<rapidjson::SizeType>(kind.code.size()));
        w.Key("instance");
        w.String(request.path);
    }
    write_report(w, code, proefdraai, plan, problems, conflicts);
    w.EndObject();
    auto response = uncached_json(buffer.GetString(), route, refused ? 422 : 200);
    if (refused) response.content_type = "application/problem+json";
    return response;
}

std::optional<exchange::ImportFormat> format_of(const HttpRequest& request) {
    auto type = request.header("content-type");
    if (!type) return std::nullopt;
    if (type->starts_with("text/csv")) return exchange::ImportFormat::csv;
    if (type->starts_with("application/geo+json")) return exchange::ImportFormat::geojson;
    return std::nullopt;
}

}  // namespace

bool is_list_upload(std::string_view path) {
    constexpr std::string_view prefix = "/v1/gemeenten/", suffix = "/volledige-lijst";
    return path.size() > prefix.size() + suffix.size() && path.starts_with(prefix) && path.ends_with(suffix) &&
           path.substr(prefix.size(), path.size() - prefix.size() - suffix.size()).find('/') == std::string_view::npos;
}

std::optional<HttpResponse> post_volledige_lijst(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    if (c.editor == nullptr) return std::nullopt;  // read-only: 405
    const std::string_view code = p[0];
    if (auto problem = unknown_municipality(c, request, code, route)) return problem;
    return guarded(request, route, [&]() -> HttpResponse {
        auto token = authorise(c, request, code, route);
        if (auto* problem = std::get_if<HttpResponse>(&token)) return std::move(*problem);
        const auto& t = std::get<store::Token>(token);

        const std::string key = "token:" + std::to_string(t.id);
        if (const long wait = upload_limiter().retry_after(key); wait > 0) {
            auto response = problem_response({std::string(codes::te_veel_verzoeken), "Te veel lijsten in een uur. Probeer het over " +
                                                                                      std::to_string(wait) + " seconden opnieuw.", {}},
                                             request.path, route);
            response.headers.emplace_back("Retry-After", std::to_string(wait));
            return response;
        }
        upload_limiter().record_failure(key);

        QueryParams query(request.query, {volledige_lijst_parameter_names.begin(), volledige_lijst_parameter_names.end()});
        const bool proefdraai = query.boolean("proefdraai").value_or(false);
        if (!query.ok()) return invalid_parameters(query.problems(), request.path, route);
        if (request.body.size() > max_list_upload_bytes)
            return problem_response({std::string(codes::verzoek_te_groot), "Stuur hoogstens " + std::to_string(max_list_upload_bytes) + " bytes.", {}},
                                    request.path, route);
        const auto format = format_of(request);
        if (!format)
            return problem_response({std::string(codes::mediatype_niet_ondersteund), "Stuur de lijst als text/csv of application/geo+json.", {}},
                                    request.path, route);

        auto& store = c.editor->store();
        auto report = exchange::validate_import_text(request.body, *format, c.editor->municipalities());
        exchange::FullListPlan plan;
        if (report.ok()) {
            plan = exchange::plan_full_list(report, store.locations(), {std::string(code)},
                                            [&](std::string_view id) { return store.history(id); });
            report.problems.insert(report.problems.end(), plan.problems.begin(), plan.problems.end());
        }
        if (!report.ok() || !plan.conflicten.empty() || proefdraai) return answer(request, code, proefdraai, plan, report.problems, plan.conflicten);

        const auto result = c.editor->write([&](store::Store& s) { return s.replace_list(plan.writes, plan.removals, {t.id, t.label}, "geimporteerd"); });
        if (!result.conflicts.empty()) {
            // Someone wrote between the plan and the transaction: nothing was stored.
            std::vector<exchange::ListConflict> moved;
            for (const auto& id : result.conflicts) moved.push_back({id, "", "Gewijzigd terwijl de lijst werd verwerkt."});
            return answer(request, code, false, plan, {}, moved);
        }
        return answer(request, code, false, plan, {}, {});
    });
}

}  // namespace ido::service
