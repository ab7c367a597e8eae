#pragma once
// The query of the coverage endpoints (GET /v1/bereikbaarheid, /v1/gemeenten/{gemeentecode}/bereikbaarheid):
// syntax here, meaning (ranges, counts, known soorten, the Netherlands' box) in geo/coverage, whose
// errors service/render/coverage_problems.hpp turns into the same invalidParams.
#include "geo/coverage/advice.hpp"
#include "geo/coverage/coverage.hpp"
#include "geo/coverage/overview.hpp"
#include "service/http/http_types.hpp"
#include "service/render/problem.hpp"

#include <array>
#include <string_view>
#include <variant>
#include <vector>

namespace ido::service {

/// The parsed query: the analysis's question, and whether it is the default one (which is cached).
struct BereikbaarheidParameters {
    coverage::CoverageOptions opties;
    bool standaard = true;  ///< no parameter sent: the answer is the snapshot's cached one
};

/// The query names the parser accepts (every other name is a problem), as data for the route table test.
inline constexpr std::array<std::string_view, 3> bereikbaarheid_parameter_names{"afstanden", "herkomst", "extraLocaties"};

/// GET /v1/gemeenten/{gemeentecode}/advies: how many sites (`aantal`, 1..5, default 1) for which
/// distance (`binnen`, metres, 100..50000, default 3000).
struct AdviesParameters {
    coverage::AdviceOptions opties;
};
inline constexpr std::array<std::string_view, 2> advies_parameter_names{"aantal", "binnen"};
std::variant<AdviesParameters, std::vector<InvalidParam>> parse_advies_parameters(const HttpRequest& request);

/// GET /v1/gemeenten/{gemeentecode}/overzicht: from when (`tijdstip`, default now) and which help
/// points count (`herkomst`, as for the figures).
struct OverzichtParameters {
    coverage::OverviewOptions opties;
};
inline constexpr std::array<std::string_view, 2> overzicht_parameter_names{"tijdstip", "herkomst"};
std::variant<OverzichtParameters, std::vector<InvalidParam>> parse_overzicht_parameters(const HttpRequest& request);

/// Parses the lists; returns the options, or every problem found. A list that parses still goes through
/// coverage::CoverageAnalysis::resolve, which checks the values.
std::variant<BereikbaarheidParameters, std::vector<InvalidParam>> parse_bereikbaarheid_parameters(const HttpRequest& request);

}  // namespace ido::service
