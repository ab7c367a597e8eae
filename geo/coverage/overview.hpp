#pragma once
/// @file
/// What a municipality's help points offer: spreekuur hours in the coming four weeks (walk-in or by
/// appointment, evenings, Saturdays), services, and which records are due for a check.

#include "geo/coverage/coverage.hpp"
#include "geo/coverage/errors.hpp"

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ido::coverage {

/// The service codes of the data (data/README.md, field `diensten`), in this order in the answers.
inline constexpr std::array<std::string_view, 11> dienst_codes{
    "digid", "belastingdienst", "toeslagen", "uwv", "svb", "cjib", "cbr", "duo", "zorg", "gemeente", "digitale-vaardigheden"};
/// Hours are averaged over this many weeks from OverviewOptions::vanaf.
inline constexpr int overzicht_weken = 4;
/// A record not checked for more than this many months is due for a check.
inline constexpr int controle_maanden = 12;

/// Spreekuur hours per week (averaged over overzicht_weken weeks). Every help desk counts on its own,
/// so two desks open at the same time give twice the hours. Only `open` periods count: `onbekend`
/// periods and unknown schedules add nothing.
struct HoursFigures {
    double per_week = 0;
    double inloop = 0;              ///< of which walk-in (the desk's `opAfspraak` is false)
    double op_afspraak = 0;         ///< of which by appointment (`opAfspraak` true, or the period's comment says "afspraak")
    double werkwijze_onbekend = 0;  ///< of which neither is known
    double avond = 0;               ///< of which after 18:00 (Europe/Amsterdam)
    double zaterdag = 0;            ///< of which on Saturdays
};

/// One help point of the municipality.
struct LocationOverview {
    std::string id;
    std::string naam;
    std::string soort;                 ///< `herkomst.soort`
    std::vector<std::string> diensten; ///< sorted, as in the record
    HoursFigures uren;
    bool tijden_onbekend = false;      ///< no desk (and not the location) has known opening hours
    std::optional<std::string> laatst_gecontroleerd;
    /// `laatstGecontroleerd` is empty, not a date, or more than controle_maanden months before `vanaf`.
    bool te_controleren = false;
};

/// The overview of one municipality.
struct MunicipalityOverview {
    std::string gemeentecode;
    std::string gemeentenaam;
    std::chrono::sys_seconds vanaf;
    std::chrono::sys_seconds tot;          ///< vanaf + overzicht_weken weeks
    std::int64_t inwoners = 0;             ///< the same residents as the coverage figures (CBS 2021, per PC4)
    HoursFigures uren;                     ///< all counted help points together
    std::optional<double> uren_per_10000_inwoners;  ///< uren.per_week per 10,000 residents
    std::vector<LocationOverview> locaties;         ///< counted help points inside the municipality, by id
    std::vector<std::string> aangeboden_diensten;   ///< offered by at least one location (dienst_codes order, then others)
    std::vector<std::string> ontbrekende_diensten;  ///< dienst_codes offered by no location
    std::vector<std::string> te_controleren;        ///< ids of the locations due for a check
};

/// The question: from when, and which help points count (empty = all, as in CoverageOptions).
struct OverviewOptions {
    std::chrono::sys_seconds vanaf;
    std::vector<std::string> soorten;
};

/// The overview of municipality `gemeentecode`. Hours come from the opening-hours engine (geo/hours/),
/// public holidays included.
CoverageResult<MunicipalityOverview> municipality_overview(const CoverageAnalysis& analysis, std::string_view gemeentecode,
                                                           const OverviewOptions& options);

/// The figures of one location in [vanaf, vanaf + overzicht_weken weeks): exposed for tests.
LocationOverview location_overview(const CoverageAnalysis& analysis, std::size_t location, std::chrono::sys_seconds vanaf);

}  // namespace ido::coverage
