#pragma once
// The one validator of a help point record. It takes a RapidJSON value from outside (a request body,
// a GeoJSON feature's properties, a record built from a CSV row) and returns EVERY problem with its
// code and JSON pointer. It only reads through FindMember and Is*() checks: a crafted value cannot
// make it abort. The write API and the import both call it; the import maps pointers to rows and
// columns.
#include "record/problem_codes.hpp"

#include <rapidjson/document.h>

#include <initializer_list>
#include <string>
#include <string_view>

namespace ido::record {

/// Members of `object` whose name is not in `allowed` (onbekend-veld), at `pointer` + "/" + name.
void check_keys(const rapidjson::Value& object, const std::string& pointer, std::initializer_list<std::string_view> allowed,
                FieldProblems& problems);

/// A list of 1 to 10 help desks (PUT .../openingstijden, POST, spreekuren_json of an import), at `pointer`.
void validate_spreekuren(const rapidjson::Value& spreekuren, const std::string& pointer, FieldProblems& problems);

/// The fields a PATCH may change and a POST may set, where present: naam (required when
/// `naam_required`), organisatie, mededeling, adres, contact, diensten, laatstGecontroleerd. `object`
/// must be a JSON object.
void validate_fields(const rapidjson::Value& object, bool naam_required, FieldProblems& problems);

/// A help point id: 1 to 64 letters, digits, '-' or '_'.
bool is_id(std::string_view text);

/// A whole record as stored (an import): validate_fields with naam required, and id, woonplaats,
/// gemeentenaam, openingstijden, opAfspraak, inloop, herkomst, coordinaatPrecisie and status.
/// `with_spreekuren`: check spreekuren too (they come from outside, not derived); `known_keys_only`:
/// refuse members the schema does not have. The position and gemeentecode need the municipalities and
/// are checked by the caller. `record` must be a JSON object.
void validate_record(const rapidjson::Value& record, bool with_spreekuren, bool known_keys_only, FieldProblems& problems);

}  // namespace ido::record
