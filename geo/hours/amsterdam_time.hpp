#pragma once
/// @file
/// Europe/Amsterdam wall time and RFC 3339 instants for the `tijdstip`/`openOp` API parameters.

#include <date/tz.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ido::hours {

/// The Europe/Amsterdam zone from the system tz database (looked up once).
[[nodiscard]] const date::time_zone& amsterdam();

/// Wall-clock time in Amsterdam at instant `t`. In the repeated hour of the autumn transition two
/// instants share one wall time.
[[nodiscard]] date::local_seconds to_local(std::chrono::sys_seconds t);

/// The instant of Amsterdam wall time `local`, resolved as a wall-clock rule needs it: a time in the
/// spring gap (e.g. 02:30 on 2026-03-29) maps to the end of the gap (03:00 CEST); a time in the repeated
/// autumn hour maps to its first occurrence, unless that is before `not_before`, then to the second.
[[nodiscard]] std::chrono::sys_seconds to_sys(date::local_seconds local,
                                              std::chrono::sys_seconds not_before = std::chrono::sys_seconds::min());

/// Parses an RFC 3339 date-time with offset or `Z` (e.g. `2026-12-24T10:00:00+01:00`,
/// `2026-12-24T09:00:00.5Z`); fractional seconds are truncated. Empty on any syntax or range error.
[[nodiscard]] std::optional<std::chrono::sys_seconds> parse_rfc3339(std::string_view text);

/// Formats an instant as Amsterdam local time with its offset, e.g. `2026-12-24T10:00:00+01:00`.
[[nodiscard]] std::string format_amsterdam(std::chrono::sys_seconds t);

}  // namespace ido::hours
