#include "service/endpoints/bereikbaarheid.hpp"

#include "geo/coverage/advice.hpp"
#include "geo/coverage/overview.hpp"
#include "geo/dataset.hpp"
#include "service/endpoints/bereikbaarheid_parameters.hpp"
#include "service/render/coverage_json.hpp"
#include "service/render/coverage_problems.hpp"
#include "service/render/responses.hpp"
#include "service/render/snapshot_answers.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace ido::service {
namespace {

HttpResponse without_demand(const HttpRequest& request, std::string route) {
    return problem_response({std::string(codes::niet_beschikbaar), "De bevolkingsgegevens zijn niet geladen.", {}}, request.path,
                            std::move(route));
}

// A what-if position must lie in a Dutch municipality, as a help point must (the write API's rule):
// the analysis only checks the Netherlands' box, which includes a strip of North Sea. Positions outside
// the box are the analysis's to report.
std::vector<InvalidParam> outside_municipalities(const geo::Snapshot& snapshot, const coverage::CoverageOptions& options) {
    std::vector<InvalidParam> problems;
    for (const auto& position : options.extra_posities)
        if (geo::near_netherlands(position) && !snapshot.municipalities().containing(position)) {
            problems.push_back({"extraLocaties", std::string(param_codes::buiten_nederland),
                                "Een extra locatie ligt in geen Nederlandse gemeente (bijvoorbeeld in zee)."});
            break;
        }
    return problems;
}

// The problem answer when the analysis refused the question or a what-if position lies at sea: a 404
// for an unknown municipality, else a 400 listing every problem of both checks.
template <class Figures>
std::optional<HttpResponse> rejected(const geo::Snapshot& snapshot, const coverage::CoverageOptions& options,
                                     const coverage::CoverageResult<Figures>& result, const HttpRequest& request, const std::string& route) {
    auto problems = outside_municipalities(snapshot, options);
    const auto* errors = std::get_if<std::vector<coverage::CoverageError>>(&result);
    if (errors == nullptr && problems.empty()) return std::nullopt;
    if (errors != nullptr) {
        auto problem = coverage_problem(*errors);
        if (problem.code != codes::ongeldige_parameters) return problem_response(problem, request.path, route);
        problems.insert(problems.begin(), problem.invalid_params.begin(), problem.invalid_params.end());
    }
    return invalid_parameters(problems, request.path, route);
}

}  // namespace

HttpResponse get_bereikbaarheid(const geo::Snapshot& snapshot, const std::shared_ptr<const coverage::Demand>& demand,
                                const HttpRequest& request) {
    const std::string route = "/v1/bereikbaarheid";
    auto parsed = parse_bereikbaarheid_parameters(request);
    if (auto* problems = std::get_if<std::vector<InvalidParam>>(&parsed)) return invalid_parameters(*problems, request.path, route);
    if (!demand) return without_demand(request, route);
    const auto& params = std::get<BereikbaarheidParameters>(parsed);
    const auto& answers = SnapshotAnswers::of(snapshot);
    if (params.standaard) {
        // The default question changes only with the data: computed and rendered once per snapshot.
        const auto& fixed = answers.national_coverage(demand);
        if (fixed.body) return fixed_response(fixed, request, route);
    }
    auto result = answers.coverage(demand).national(params.opties);
    if (auto problem = rejected(snapshot, params.opties, result, request, route)) return std::move(*problem);
    return json_response(national_coverage_json(std::get<coverage::NationalCoverage>(result), params.opties), route);
}

HttpResponse get_gemeente_bereikbaarheid(const geo::Snapshot& snapshot, const std::shared_ptr<const coverage::Demand>& demand,
                                         const HttpRequest& request, std::string_view gemeentecode) {
    const std::string route = "/v1/gemeenten/{gemeentecode}/bereikbaarheid";
    auto parsed = parse_bereikbaarheid_parameters(request);
    if (auto* problems = std::get_if<std::vector<InvalidParam>>(&parsed)) return invalid_parameters(*problems, request.path, route);
    if (!demand) return without_demand(request, route);
    const auto& params = std::get<BereikbaarheidParameters>(parsed);
    auto result = SnapshotAnswers::of(snapshot).coverage(demand).municipality(gemeentecode, params.opties);
    if (auto problem = rejected(snapshot, params.opties, result, request, route)) return std::move(*problem);
    return json_response(municipality_coverage_json(std::get<coverage::MunicipalityCoverage>(result), params.opties), route);
}

HttpResponse get_gemeente_advies(const geo::Snapshot& snapshot, const std::shared_ptr<const coverage::Demand>& demand,
                                 const HttpRequest& request, std::string_view gemeentecode) {
    const std::string route = "/v1/gemeenten/{gemeentecode}/advies";
    auto parsed = parse_advies_parameters(request);
    if (auto* problems = std::get_if<std::vector<InvalidParam>>(&parsed)) return invalid_parameters(*problems, request.path, route);
    if (!demand) return without_demand(request, route);
    const auto& params = std::get<AdviesParameters>(parsed);
    auto result = coverage::advise(SnapshotAnswers::of(snapshot).coverage(demand), gemeentecode, params.opties);
    if (auto problem = rejected(snapshot, {}, result, request, route)) return std::move(*problem);
    return json_response(advice_json(std::get<coverage::Advice>(result)), route);
}

HttpResponse get_gemeente_overzicht(const geo::Snapshot& snapshot, const std::shared_ptr<const coverage::Demand>& demand,
                                    const HttpRequest& request, std::string_view gemeentecode) {
    const std::string route = "/v1/gemeenten/{gemeentecode}/overzicht";
    auto parsed = parse_overzicht_parameters(request);
    if (auto* problems = std::get_if<std::vector<InvalidParam>>(&parsed)) return invalid_parameters(*problems, request.path, route);
    if (!demand) return without_demand(request, route);
    const auto& params = std::get<OverzichtParameters>(parsed);
    auto result = coverage::municipality_overview(SnapshotAnswers::of(snapshot).coverage(demand), gemeentecode, params.opties);
    if (auto problem = rejected(snapshot, {}, result, request, route)) return std::move(*problem);
    return json_response(overview_json(std::get<coverage::MunicipalityOverview>(result), params.opties.soorten), route);
}

}  // namespace ido::service
