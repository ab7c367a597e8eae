#pragma once
// Shape-checked reading of parsed JSON in tests. A test that reads an answer with RapidJSON's
// operator[] or Get*() on a member that is missing or of another type hits RAPIDJSON_ASSERT: an abort
// in a debug build, undefined behaviour (usually a crash) with NDEBUG. Either way one surprising answer
// ends the whole binary and hides every other result. Here:
//  - json_at(value, "/a/0/b") and the typed readers below (json_string(item, "/adres/woonplaats")) record one gtest failure at the caller's
//    line, naming the JSON pointer and what was there instead, and return a neutral value (null, "",
//    0, false, an empty array), so the test goes on and fails with a message;
//  - RAPIDJSON_ASSERT throws, as a net under any access not written with these helpers: gtest reports
//    the exception as a failure of that one test. Include this header before any RapidJSON header.
#ifdef RAPIDJSON_RAPIDJSON_H_
#error "include tests/support/json_access.hpp before any RapidJSON header, or its RAPIDJSON_ASSERT has no effect"
#endif
#ifndef RAPIDJSON_ASSERT
#include <stdexcept>
#define RAPIDJSON_ASSERT(x) \
    ((x) ? static_cast<void>(0) : throw std::logic_error("RapidJSON: " #x " does not hold (unchecked access to a JSON value)"))
#endif

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/pointer.h>

#include <cstdint>
#include <source_location>
#include <string>

namespace ido::test {

inline const char* json_type(const rapidjson::Value& value) {
    switch (value.GetType()) {
        case rapidjson::kNullType: return "null";
        case rapidjson::kFalseType:
        case rapidjson::kTrueType: return "a boolean";
        case rapidjson::kObjectType: return "an object";
        case rapidjson::kArrayType: return "an array";
        case rapidjson::kStringType: return "a string";
        case rapidjson::kNumberType: return "a number";
    }
    return "?";
}

namespace detail {
/// The value at `pointer`, or nullptr after recording a failure at `at`.
inline const rapidjson::Value* json_find(const rapidjson::Value& root, const std::string& pointer, const std::source_location& at) {
    const rapidjson::Pointer path(pointer.c_str(), pointer.size());
    if (!path.IsValid()) {
        ADD_FAILURE_AT(at.file_name(), static_cast<int>(at.line())) << "not a JSON pointer: \"" << pointer << "\"";
        return nullptr;
    }
    const rapidjson::Value* found = path.Get(root);
    if (found == nullptr)
        ADD_FAILURE_AT(at.file_name(), static_cast<int>(at.line()))
            << "no JSON value at \"" << pointer << "\" (the value read from is " << json_type(root) << ")";
    return found;
}

/// The value at `pointer` if it is of the kind `is` accepts; otherwise nullptr after a failure.
template <typename Is>
const rapidjson::Value* json_typed(const rapidjson::Value& root, const std::string& pointer, const char* expected, Is is,
                                   const std::source_location& at) {
    const rapidjson::Value* value = json_find(root, pointer, at);
    if (value == nullptr) return nullptr;
    if (is(*value)) return value;
    ADD_FAILURE_AT(at.file_name(), static_cast<int>(at.line()))
        << "expected " << expected << " at \"" << pointer << "\", found " << json_type(*value);
    return nullptr;
}
}  // namespace detail

/// The value at a JSON pointer (RFC 6901; "" is the value itself). Missing: a failure and null.
inline const rapidjson::Value& json_at(const rapidjson::Value& root, const std::string& pointer,
                                       std::source_location at = std::source_location::current()) {
    static const rapidjson::Value null;
    const rapidjson::Value* found = detail::json_find(root, pointer, at);
    return found != nullptr ? *found : null;
}

/// The string at `pointer`, or "" and a failure.
inline std::string json_string(const rapidjson::Value& root, const std::string& pointer = "",
                               std::source_location at = std::source_location::current()) {
    const auto* value = detail::json_typed(root, pointer, "a string", [](const rapidjson::Value& v) { return v.IsString(); }, at);
    return value != nullptr ? std::string(value->GetString(), value->GetStringLength()) : std::string();
}

/// The number at `pointer` as a double, or 0 and a failure.
inline double json_number(const rapidjson::Value& root, const std::string& pointer = "", std::source_location at = std::source_location::current()) {
    const auto* value = detail::json_typed(root, pointer, "a number", [](const rapidjson::Value& v) { return v.IsNumber(); }, at);
    return value != nullptr ? value->GetDouble() : 0.0;
}

/// The integer at `pointer`, or 0 and a failure.
inline std::int64_t json_int(const rapidjson::Value& root, const std::string& pointer = "", std::source_location at = std::source_location::current()) {
    const auto* value = detail::json_typed(root, pointer, "an integer", [](const rapidjson::Value& v) { return v.IsInt64(); }, at);
    return value != nullptr ? value->GetInt64() : 0;
}

/// The non-negative integer at `pointer`, or 0 and a failure.
inline std::uint64_t json_uint(const rapidjson::Value& root, const std::string& pointer = "", std::source_location at = std::source_location::current()) {
    const auto* value = detail::json_typed(root, pointer, "a non-negative integer", [](const rapidjson::Value& v) { return v.IsUint64(); }, at);
    return value != nullptr ? value->GetUint64() : 0;
}

/// The boolean at `pointer`, or false and a failure.
inline bool json_bool(const rapidjson::Value& root, const std::string& pointer = "", std::source_location at = std::source_location::current()) {
    const auto* value = detail::json_typed(root, pointer, "a boolean", [](const rapidjson::Value& v) { return v.IsBool(); }, at);
    return value != nullptr && value->GetBool();
}

/// The elements of the array at `pointer`, for a range-for; not an array: a failure and no elements.
inline rapidjson::Value::ConstArray json_array(const rapidjson::Value& root, const std::string& pointer = "",
                                               std::source_location at = std::source_location::current()) {
    static const rapidjson::Value empty(rapidjson::kArrayType);
    const auto* value = detail::json_typed(root, pointer, "an array", [](const rapidjson::Value& v) { return v.IsArray(); }, at);
    return value != nullptr ? value->GetArray() : empty.GetArray();
}

/// The length of the array at `pointer`, or 0 and a failure.
inline rapidjson::SizeType json_size(const rapidjson::Value& root, const std::string& pointer = "",
                                     std::source_location at = std::source_location::current()) {
    return json_array(root, pointer, at).Size();
}

/// Whether `pointer` names a value (no failure either way): for answers whose shape is optional.
inline bool json_has(const rapidjson::Value& root, const std::string& pointer) {
    const rapidjson::Pointer path(pointer.c_str(), pointer.size());
    return path.IsValid() && path.Get(root) != nullptr;
}

}  // namespace ido::test
