#include "geo/utc_time.hpp"

#include <ctime>

namespace ido::geo {

std::string utc_now_rfc3339() {
    char stamp[32];
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return stamp;
}

}  // namespace ido::geo
