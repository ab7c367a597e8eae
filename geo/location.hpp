#pragma once
#include "geo/coordinates.hpp"
#include "geo/hours/hours.hpp"

#include <cstdint>
#include <optional>

#include <string>
#include <vector>

namespace ido::geo {

/// One help point as the indexes and filters see it. The fields a query filters or sorts on are typed;
/// everything else the API shows is kept as a ready JSON fragment, so a response of hundreds of
/// locations is assembled without re-serialising each record.
struct Location {
    std::string id;
    std::string naam;
    std::string organisatie;             ///< empty when unknown; a `bibliotheek` token's scope
    std::string gemeentecode;
    std::int64_t version = 1;            ///< store version, the ETag
    Wgs84 position;
    RdPoint rd;                          ///< position in RD New, computed once at load
    std::vector<std::string> diensten;   ///< service codes, sorted
    std::optional<bool> op_afspraak;     ///< all help is by appointment; nullopt = unknown
    std::optional<bool> inloop;          ///< walk-in possible; nullopt = unknown
    bool gegenereerd = false;            ///< `herkomst.soort` is `gegenereerd`: a fictitious example of the seed set
    bool afspraak_mogelijk = false;      ///< at least one help desk works by appointment
    std::string openingstijden;          ///< OSM opening_hours of the whole location; empty = unknown
    /// The parsed `openingstijden` (the union of all help desks' schedules).
    hours::Schedule schedule = std::get<hours::Schedule>(hours::parse(""));
    /// Per help desk (spreekuur), in data order: its name and parsed schedule.
    std::vector<std::string> spreekuur_namen;
    std::vector<hours::Schedule> spreekuur_schedules;
    /// The public fields as JSON object members without the enclosing braces, e.g. `"id":"X","naam":"Y"`.
    std::string properties_json;
    /// The record exactly as stored (data field names), for exports that must round-trip.
    std::string stored_json;
};

}  // namespace ido::geo
