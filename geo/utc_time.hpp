#pragma once
// The current time as UTC RFC 3339 with whole seconds ("2026-11-28T19:04:05Z"): the stored times of the
// SQLite store, OGC's timeStamp and the access log's first column. (Times shown to residents are
// Amsterdam time: geo/hours/amsterdam_time.hpp.)
#include <string>

namespace ido::geo {

std::string utc_now_rfc3339();

}  // namespace ido::geo
