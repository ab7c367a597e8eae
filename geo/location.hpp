#pragma once
#include "geo/coordinates.hpp"

#include <string>
#include <vector>

namespace ido::geo {

/// One help point as the indexes and filters see it. The fields a query filters or sorts on are typed;
/// everything else the API shows is kept as a ready JSON fragment, so a response of hundreds of
/// locations is assembled without re-serialising each record.
struct Location {
    std::string id;
    std::string naam;
    std::string gemeentecode;
    Wgs84 position;
    RdPoint rd;                          ///< position in RD New, computed once at load
    std::vector<std::string> diensten;   ///< service codes, sorted
    bool op_afspraak = false;            ///< all help is by appointment
    bool inloop = false;                 ///< walk-in possible
    std::string openingstijden;          ///< OSM opening_hours of the whole location; empty = unknown
    std::vector<std::string> spreekuur_namen;        ///< per help desk, in data order
    std::vector<std::string> spreekuur_openingstijden;  ///< per help desk, OSM opening_hours
    /// The public fields as JSON object members without the enclosing braces, e.g. `"id":"X","naam":"Y"`.
    std::string properties_json;
};

}  // namespace ido::geo
