#pragma once
#include "geo/coordinates.hpp"
#include "geo/location.hpp"
#include "geo/hours/hours.hpp"
#include "geo/municipality_index.hpp"
#include "geo/snapshot.hpp"
#include "service/endpoints/crs.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ido::service {

/// A GeoJSON Point in `crs`: CRS84 [lon, lat] to 8 decimals, or RD New [x, y] to the millimetre.
std::string point_json(geo::Wgs84 position, Crs crs = Crs::crs84);

/// One help point as the API shows it: its public fields, `geometrie`, and `afstand` (metres, one
/// decimal) when the request had a position. `extra_members` (e.g. `"status":{...}`) is appended as is.
std::string location_json(const geo::Location& location, std::optional<double> distance_m,
                          const std::string& extra_members = {}, Crs crs = Crs::crs84);

/// The part of location_json that depends on the location and the CRS only: `{`, the public fields,
/// `,"geometrie":` and the point. Rendered once per snapshot (SnapshotAnswers::location_head).
std::string location_json_head(const geo::Location& location, Crs crs);
/// The help point as an OGC API - Features GeoJSON Feature: `id`, the point in `crs` and the same public
/// fields as `properties` (no opening members: the collection is the static data).
std::string location_feature_json(const geo::Location& location, Crs crs);
/// Appends `,"afstand":` and the distance in metres with one decimal, as location_json writes it.
void append_distance(std::string& out, double distance_m);

/// The computed opening members of a location at instant `at`, ready to pass as `extra_members`:
/// `"status":{code, openTot, volgendeOpening, opmerking, peilmoment}` and `"komendeSpreekuren":[...]`, the
/// slots of every help desk in the 14 days from `at`, in order (times as Europe/Amsterdam RFC 3339).
std::string opening_members_json(const geo::Location& location, std::chrono::sys_seconds at);

// The parts opening_members_json is made of, shared with the per-minute cache (opening_cache.hpp) so
// that both write the same bytes.

/// One slot of one help desk (`desk` points into the Location).
struct DeskSlot {
    const std::string* desk;
    hours::Slot slot;
};
/// The slots of every help desk of `location` in [from, from + span), ordered by begin (desks in data
/// order on equal begins); the location's own hours when it lists no desks.
std::vector<DeskSlot> upcoming_slots(const geo::Location& location, std::chrono::sys_seconds from, std::chrono::seconds span);
/// One element of `komendeSpreekuren`: {"spreekuur","begin","eind","status","opmerking"}.
std::string slot_json(const DeskSlot& slot);
/// `"status":{"code":..,"openTot":..,"volgendeOpening":..,"opmerking":..,"peilmoment":"`: the status
/// member up to the one value that changes every second.
std::string status_json_head(const hours::Status& status);
/// Appends the `status` member (`status_head` from status_json_head, then `peilmoment`) and the start
/// of `"komendeSpreekuren":[`; the caller appends the slots (comma-separated) and the closing `]`.
void begin_opening_members(std::string& out, std::string_view status_head, std::string_view peilmoment);

/// One municipality as a JSON object into an open writer (so a list needs no buffer per item).
void write_municipality(rapidjson::Writer<rapidjson::StringBuffer>& w, const geo::Municipality& municipality, std::size_t help_points);

/// The body of GET /v1/gemeenten: every municipality of the snapshot with its number of help points.
std::string municipality_list_json(const geo::Snapshot& snapshot);
/// The same shape for the municipalities `indexes` (into municipalities().all()) only.
std::string municipality_list_json(const geo::Snapshot& snapshot, std::span<const std::size_t> indexes);

/// One municipality: code, name, province, population and its number of help points.
std::string municipality_json(const geo::Municipality& municipality, std::size_t help_points);

/// JSON string literal (quoted, escaped) for a value.
std::string json_string(std::string_view value);

}  // namespace ido::service
