#include "geo/opening.hpp"

namespace ido::geo {

hours::Status opening_status(const Location& location, std::chrono::sys_seconds at) {
    if (location.spreekuur_schedules.empty()) return hours::evaluate(location.schedule, at);
    return hours::evaluate(std::span<const hours::Schedule>(location.spreekuur_schedules), at);
}

hours::State opening_state(const Location& location, std::chrono::sys_seconds at) {
    if (location.spreekuur_schedules.empty()) return hours::state_at(location.schedule, at);
    return hours::state_at(std::span<const hours::Schedule>(location.spreekuur_schedules), at);
}

}  // namespace ido::geo
