#pragma once
// One JSON rule for every body and file the service reads: a name stands at most once in an object.
// RFC 8259 leaves repeated names to the receiver. Here validation looks a member up by name (the first
// one), while a merge or a copy takes every member, so a second one would be stored unchecked, and an
// import would find the record "changed" on every run. Bodies and files with a repeated name are refused.
#include <rapidjson/document.h>

#include <optional>
#include <string>

namespace ido::record {

/// The JSON Pointer (RFC 6901; names made printable) of the first member, breadth-first, whose name
/// stands earlier in the same object; nullopt when every object's names are distinct.
std::optional<std::string> repeated_name(const rapidjson::Value& root);

/// As repeated_name, for the members of `object` itself only (not what they hold): "/name" or nullopt.
std::optional<std::string> repeated_name_here(const rapidjson::Value& object);

}  // namespace ido::record
