#pragma once
// RapidJSON's assertions throw instead of aborting. Force-included into every target that links the
// `rapidjson` CMake target (see the top CMakeLists.txt), before any RapidJSON header.
//
// Why: RapidJSON checks its preconditions (operator[] of a member that is not there, GetArray() on a
// number, FindMember() on a non-object) with RAPIDJSON_ASSERT, which is assert(): with NDEBUG
// undefined behaviour, without it an abort of the whole service for one bad document. Thrown, the
// failure reaches the HTTP adapter's exception firewall (service/http/http_server.cpp), which answers that
// one request with a generic 500 problem+json, and the command-line tools, which report it. Valhalla
// does the same (baldr/rapidjson_utils.h).
#include <stdexcept>
#include <string>

namespace ido::text {

/// A RapidJSON precondition that did not hold: a bug of ours (a document used without checking its
/// shape), never the input's fault alone. A std::logic_error, so the firewalls that catch
/// std::exception catch it.
class JsonAssertion : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

[[noreturn]] inline void json_assertion_failed(const char* condition, const char* file, int line) {
    throw JsonAssertion(std::string("RapidJSON assertion failed: ") + condition + " (" + file + ":" + std::to_string(line) + ")");
}

}  // namespace ido::text

// An expression, not an `if`, so that it is safe in every statement position RapidJSON uses it in.
#define RAPIDJSON_ASSERT(x) (static_cast<bool>(x) ? static_cast<void>(0) : ::ido::text::json_assertion_failed(#x, __FILE__, __LINE__))
// Tells RapidJSON that RAPIDJSON_ASSERT throws. Releases after 1.1.0 then check the preconditions of
// their noexcept functions with RAPIDJSON_NOEXCEPT_ASSERT, which must not throw there
// (std::terminate): keep it the plain assert those releases default to.
#define RAPIDJSON_ASSERT_THROWS 1
#ifndef RAPIDJSON_NOEXCEPT_ASSERT
#include <cassert>
#define RAPIDJSON_NOEXCEPT_ASSERT(x) assert(x)
#endif
// RapidJSON 1.1.0 (Debian 12's rapidjson-dev) has no RAPIDJSON_NOEXCEPT_ASSERT: its noexcept
// functions (GenericValue(Type), the move assignment, GenericStringRef's constructors) call
// RAPIDJSON_ASSERT itself, and a throw from them would be std::terminate, the abort this header is
// meant to avoid. Dropping RapidJSON's noexcept makes them ordinary functions that may throw; the only
// cost is that containers of RapidJSON values may not rely on a noexcept move (none here do, and
// GenericValue cannot be copied, so std::vector still moves it).
#define RAPIDJSON_HAS_CXX11_NOEXCEPT 0
