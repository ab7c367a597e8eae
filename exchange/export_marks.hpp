#pragma once
// The marks an export puts on a file so that a full-list import (full_list.hpp) can tell what changed in
// the store since: each record's version (`versie`) and the moment of the export (`geexporteerd`).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ido::exchange {

/// A record version as an export writes it: a whole number from 1, nothing else (no sign, no spaces
/// inside). nullopt for anything else.
std::optional<std::int64_t> parse_versie(std::string_view text);

/// Whether `text` is an export moment as written: UTC RFC 3339 to the second, "2026-12-01T16:20:00Z"
/// (the form of the audit log's `tijd`, so that the two compare as text).
bool is_export_moment(std::string_view text);

/// The earlier of two export moments (a file pasted together from two exports counts from the oldest).
std::string earliest(const std::optional<std::string>& known, std::string_view next);

}  // namespace ido::exchange
