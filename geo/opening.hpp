#pragma once
#include "geo/location.hpp"

#include <chrono>

namespace ido::geo {

/// The opening status of a help point: the union of its help desks' schedules (open when any desk is
/// open), or the location's own `openingstijden` when it lists no desks.
hours::Status opening_status(const Location& location, std::chrono::sys_seconds at);

/// `opening_status(location, at).state` without the look-ahead: what a filter on "open at t" asks.
hours::State opening_state(const Location& location, std::chrono::sys_seconds at);

}  // namespace ido::geo
