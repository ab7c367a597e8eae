#pragma once
/// @file
/// The demand side of the coverage analysis: where residents live (per four-digit postcode) and the
/// public library buildings that could host a new help point. Loaded once at start-up from data/.

#include "geo/coordinates.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ido::coverage {

/// One four-digit postcode area (PC4) as a population weight.
///
/// Source: CBS StatLine 83503NED "Bevolking per geslacht per postcode", 1 January 2021 (counts rounded
/// to 5 by CBS), at the point on surface of the CBS PC4 polygon; municipality of 2023 by point in
/// polygon. See data/README.md, section "Coverage data".
struct Pc4Area {
    std::string pc4;                        ///< "3511"
    std::int64_t inwoners = 0;              ///< residents; 0 when CBS keeps the figure secret
    bool inwoners_geheim = false;           ///< true when CBS publishes no figure (weighed 0)
    geo::Wgs84 position;                    ///< interior point of the PC4 polygon (always inside it)
    geo::RdPoint rd;                        ///< the same point in RD New, computed once at load
    std::string gemeentecode;               ///< 2023 municipality, "GM0344"
    std::vector<std::string> woonplaatsen;  ///< postal place names (GeoNames spelling), main one first
};

/// A public library building (a polling station in a library at TK2023, PS2023 or TK2025): a candidate
/// site for a new help point.
struct LibraryBuilding {
    std::string id;            ///< "BIB-SL-001"
    std::string naam;
    std::string straat;        ///< empty when the source has no address
    std::string huisnummer;
    std::string postcode;      ///< "8431LN" or empty
    std::string plaats;
    std::string gemeentecode;
    geo::Wgs84 position;
    geo::RdPoint rd;
};

/// Everything the analysis weighs, independent of the help points; shared by all snapshots.
struct Demand {
    std::vector<Pc4Area> pc4s;                  ///< ascending by pc4
    std::vector<LibraryBuilding> bibliotheken;  ///< ascending by id

    /// The sum of all residents (17,472,870 for the shipped 2021 file).
    std::int64_t inwoners() const;
};

/// Reads `pc4_bevolking.csv` and `bibliotheekgebouwen.csv` from a data directory (see data/README.md).
/// Throws std::runtime_error naming the file, the line and the problem: this runs at start-up, where
/// refusing to start beats weighing with half a file.
Demand load_demand(const std::filesystem::path& data_directory);

}  // namespace ido::coverage
