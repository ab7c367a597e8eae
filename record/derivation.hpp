#pragma once
// The location-level fields a help point derives from its help desks (spreekuren): the union of their
// services, appointment-only and walk-in. One derivation for the write API and the import.
#include <rapidjson/document.h>

#include <optional>
#include <set>
#include <string>

namespace ido::record {

struct DeskSummary {
    std::set<std::string> diensten;    ///< the union of the desks' services, sorted
    std::optional<bool> op_afspraak;   ///< true: every desk is by appointment; nullopt: unknown
    std::optional<bool> inloop;        ///< true: some desk takes walk-ins; nullopt: unknown
};

/// The summary of a list of desks. Tolerant: what is not an object, or not a bool, counts as unknown.
/// opAfspraak is true when every desk says true, false when one says false, else unknown; inloop is
/// true when one desk says opAfspraak false, false when all say true, else unknown.
DeskSummary summarise_spreekuren(const rapidjson::Value& spreekuren);

/// The JSON form of an optional bool (null = unknown).
rapidjson::Value json_bool(std::optional<bool> value);

/// The strings of a JSON array (a list of service codes), sorted and without repeats.
std::set<std::string> code_set(const rapidjson::Value& list);

/// A sorted list of codes as a JSON array.
rapidjson::Value code_list(const std::set<std::string>& codes, rapidjson::Document::AllocatorType& a);

/// The stored form of validated desks (see validate_spreekuren): each with naam, its services sorted
/// and without repeats, openingstijden, opAfspraak (null when not a bool), afspraak and toelichting.
rapidjson::Value normalised_spreekuren(const rapidjson::Value& spreekuren, rapidjson::Document::AllocatorType& a);

}  // namespace ido::record
