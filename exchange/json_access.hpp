#pragma once
// RapidJSON helpers of the exchange code: checked member access (never operator[] on input), in-place
// member updates that keep the key order, and the number and JSON text forms a round trip needs.
#include <rapidjson/document.h>

#include <string>
#include <string_view>

namespace ido::exchange {

// Every JSON text read here keeps full double precision, so a coordinate exported in its shortest
// exact form reads back as the very same double (a round trip must not move anything).
inline constexpr unsigned parse_flags = rapidjson::kParseFullPrecisionFlag | rapidjson::kParseValidateEncodingFlag;

std::string serialise(const rapidjson::Value& v);

/// The member `key` of an object, or nullptr (also when `object` is no object).
const rapidjson::Value* member(const rapidjson::Value& object, std::string_view key);
rapidjson::Value* member(rapidjson::Value& object, std::string_view key);

/// Sets a member in place (keeping its position, so nested objects keep their key order) or appends it.
void set_member(rapidjson::Value& object, std::string_view key, rapidjson::Value value, rapidjson::Document::AllocatorType& a);

/// The string value, or "" when absent or not a string.
std::string_view as_text(const rapidjson::Value* v);

/// Without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);
/// ASCII lower case.
std::string lower(std::string_view text);

/// Shortest decimal text that reads back as exactly this double (std::to_chars guarantees that).
std::string number_text(double value);

}  // namespace ido::exchange
