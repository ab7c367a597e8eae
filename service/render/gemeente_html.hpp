#pragma once
// The municipal pages for a policy officer (issue 13, section 3): /gemeenten (every municipality, sortable,
// a choropleth of the share within 3 km) and /gemeenten/{gemeentecode} (figures, help points, witte
// vlekken, advice, map, what-if, the panels per duty). Plain HTML that works without JavaScript;
// /widget/v1/gemeente.js adds sorting in place, map clicks and the panels' API calls.
#include "geo/coverage/advice.hpp"
#include "geo/coverage/coverage.hpp"
#include "geo/coverage/overview.hpp"
#include "geo/location.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ido::service::gemeente_html {

/// The sort keys of the national table (`?sorteer=`, a leading '-' for descending).
inline constexpr std::string_view sort_keys[] = {"naam", "code", "inwoners", "gemiddeld", "mediaan",
                                                 "binnen1", "binnen3", "binnen5", "binnen10", "punten"};

/// The choropleth of the share within 3 km: one path per municipality (`paths` parallel to
/// `national.gemeenten`, RD path data from kaart::path_data) inside an SVG with legend and text alternative.
std::string national_map(const coverage::NationalCoverage& national, const std::vector<std::string>& paths, const std::string& view_box);

/// The whole /gemeenten page; `sorteer` as asked (an unknown key sorts by name).
std::string national_page(const coverage::NationalCoverage& national, const std::string& map_svg, std::string_view sorteer);

/// A help point as the municipal page lists it.
struct HelpPointRow {
    const geo::Location* location = nullptr;
    coverage::LocationOverview overzicht;
    std::optional<double> afstand_tot_grens_m;  ///< set for one across the border
};

/// A what-if the page was asked (the form, or a map click through the query).
struct WhatIf {
    std::vector<geo::Wgs84> posities;
    std::vector<std::string> postcodes;  ///< the PC4s chosen in the form, for the text
    coverage::MunicipalityCoverage cijfers;
};

/// Everything the municipal page shows.
struct MunicipalPage {
    coverage::MunicipalityCoverage cijfers;
    const coverage::NationalCoverage* land = nullptr;
    std::vector<const coverage::MunicipalityCoverage*> vergelijkbaar;  ///< the ten nearest by residents
    coverage::MunicipalityOverview overzicht;
    std::vector<HelpPointRow> binnen, over_de_grens;
    std::optional<coverage::Advice> advies;
    std::optional<WhatIf> wat_als;
    std::vector<std::pair<std::string, std::string>> postcodes;  ///< the municipality's PC4s and their main woonplaats
    std::string kaart_svg;                                        ///< from municipal_map
    std::string fout;                                             ///< a problem with the what-if question, shown on the page
};

/// One PC4 on the map with the distance to its nearest counted help point.
struct MapPc4 {
    geo::RdPoint rd;
    std::string pc4;
    double afstand_m = 0;
    bool witte_vlek = false;
};

/// The municipal map: outline, PC4 points coloured by distance, witte vlekken ringed, help points,
/// advised sites, what-if positions; with legend and text alternative. `unit_m`: the size of a marker in metres.
std::string municipal_map(const std::string& outline_path, const std::string& view_box, const std::vector<MapPc4>& pc4s,
                          const std::vector<const geo::Location*>& help_points, const std::vector<geo::RdPoint>& advised,
                          const std::vector<geo::RdPoint>& what_if, std::string_view gemeentenaam, double unit_m);

/// The whole /gemeenten/{gemeentecode} page.
std::string municipal_page(const MunicipalPage& page);

/// A page for an error (404 unknown municipality, 503 without data): title, text, a link back.
std::string problem_page(std::string_view title, std::string_view text);

}  // namespace ido::service::gemeente_html
