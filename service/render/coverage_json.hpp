#pragma once
// The JSON of the coverage endpoints (GET /v1/bereikbaarheid, /v1/gemeenten/{gemeentecode}/bereikbaarheid).
#include "geo/coverage/advice.hpp"
#include "geo/coverage/coverage.hpp"
#include "geo/coverage/overview.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace ido::service {

/// At most this many witte vlekken in one answer: the largest by residents. A policy officer acts on the
/// few biggest gaps; the total count (`aantalWitteVlekken`) says how many more there are.
inline constexpr std::size_t max_witte_vlekken = 25;
/// The reference date of the population figures (CBS 83503NED, geo/coverage/demand.hpp).
inline constexpr const char* bevolking_peildatum = "2021-01-01";

/// One municipality's figures, with its witte vlekken (those beyond the largest of the thresholds).
std::string municipality_coverage_json(const coverage::MunicipalityCoverage& figures, const coverage::CoverageOptions& options);
/// The country's figures, and every municipality's without witte vlekken.
std::string national_coverage_json(const coverage::NationalCoverage& figures, const coverage::CoverageOptions& options);

/// The overview of one municipality: hours per week, services, records due for a check. `soorten` are
/// the counted soorten as asked (empty = all).
std::string overview_json(const coverage::MunicipalityOverview& overview, const std::vector<std::string>& soorten);
/// The advice: the sites in the order chosen, each with what it adds given the ones before it.
std::string advice_json(const coverage::Advice& advice);

}  // namespace ido::service
