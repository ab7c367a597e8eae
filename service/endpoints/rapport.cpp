// The report for the council (issue 13): the municipality's locations, hours, services, coverage (with
// the stored quarters) and this year's change log, as one XLSX workbook or one table as CSV.
#include "service/endpoints/gemeentedata.hpp"
#include "service/endpoints/gemeentedata_common.hpp"
#include "service/endpoints/parameters.hpp"
#include "service/http/query.hpp"
#include "service/render/report_files.hpp"
#include "service/render/report_tables.hpp"
#include "service/render/snapshot_answers.hpp"

#include <algorithm>
#include <chrono>
#include <variant>

namespace ido::service {
namespace {

using namespace gemeentedata;

const std::string route = "/v1/gemeenten/{gemeentecode}/rapport";

std::string current_year_prefix(std::chrono::sys_seconds at) {
    const std::chrono::year_month_day day(std::chrono::floor<std::chrono::days>(at));
    return std::to_string(static_cast<int>(day.year())) + "-";
}

}  // namespace

MunicipalAnswer get_rapport(const RouteContext& c, const HttpRequest& request, const PathParams& p) {
    QueryParams query(request.query, {rapport_parameter_names.begin(), rapport_parameter_names.end()});
    const auto formaat = query.get("formaat");
    const auto tabel = query.get("tabel");
    if (!formaat) query.add_problem("formaat", param_codes::ontbrekende_parameter, "Kies xlsx of csv.");
    else if (*formaat != "xlsx" && *formaat != "csv") query.add_problem("formaat", param_codes::ongeldige_waarde, "Kies xlsx of csv.");
    if (formaat == "csv" && !tabel)
        query.add_problem("tabel", param_codes::ontbrekende_parameter, "Kies locaties, openingstijden, diensten, bereikbaarheid of wijzigingen.");
    if (tabel && std::find(report_table_names.begin(), report_table_names.end(), *tabel) == report_table_names.end())
        query.add_problem("tabel", param_codes::ongeldige_waarde, "Kies locaties, openingstijden, diensten, bereikbaarheid of wijzigingen.");
    if (tabel && formaat == "xlsx") query.add_problem("tabel", param_codes::ongeldige_waarde, "Een xlsx-bestand heeft alle tabellen; tabel hoort bij csv.");
    if (!query.ok()) return invalid_parameters(query.problems(), request.path, route);
    if (auto problem = unknown_municipality(c, request, p[0], route)) return problem;
    if (!c.demand)
        return problem_response({std::string(codes::niet_beschikbaar), "De bevolkingsgegevens zijn niet geladen.", {}}, request.path, route);

    return guarded(request, route, [&] {
        const auto snapshot = c.locator.snapshot();
        const auto& analysis = SnapshotAnswers::of(*snapshot).coverage(c.demand);
        const auto at = now();
        auto overview = coverage::municipality_overview(analysis, p[0], {at, {}});
        auto figures = analysis.municipality(p[0], {});
        const auto* o = std::get_if<coverage::MunicipalityOverview>(&overview);
        const auto* f = std::get_if<coverage::MunicipalityCoverage>(&figures);
        if (o == nullptr || f == nullptr) return problem_response({std::string(codes::interne_fout), "", {}}, request.path, route);
        ReportInput input{*snapshot, *o, *f, {}, {}};
        if (c.editor != nullptr) {
            input.kwartalen = c.editor->store().quarters(p[0]);
            // This year's changes of the municipality's help points, oldest first.
            const std::string year = current_year_prefix(at);
            for (const auto& l : snapshot->locations()) {
                if (l.gemeentecode != p[0]) continue;
                for (auto& entry : c.editor->store().history(l.id))
                    if (entry.tijd.starts_with(year)) input.wijzigingen.emplace_back(l.naam, std::move(entry));
            }
            std::stable_sort(input.wijzigingen.begin(), input.wijzigingen.end(),
                             [](const auto& a, const auto& b) { return a.second.id < b.second.id; });
        }
        const auto tables = report_tables(input);
        HttpResponse response;
        response.route = route;
        response.headers.emplace_back("Cache-Control", "no-store");
        const std::string name = "rapport-" + std::string(p[0]);
        if (*formaat == "xlsx") {
            response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            response.body = report_xlsx(tables);
            response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
        } else {
            const auto& table = *std::find_if(tables.begin(), tables.end(), [&](const ReportTable& t) { return t.naam == *tabel; });
            response.content_type = "text/csv; charset=utf-8";
            response.body = report_csv(table);
            response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "-" + table.naam + ".csv\"");
        }
        return response;
    });
}

}  // namespace ido::service
