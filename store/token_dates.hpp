#pragma once
// The dates of a token's life: its expiry (geldig_tot, the last day it is valid) and its last use.
// Both are calendar days in UTC, YYYY-MM-DD, so they compare as text and mean the same in both stores.
#include "store/store.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ido::store {

/// The UTC calendar day of `when`, YYYY-MM-DD.
std::string utc_date(std::chrono::system_clock::time_point when);

/// The expiry a token gets when none is given: the same day a year after `now` (28 February for a
/// token made on 29 February).
std::string default_token_expiry(std::chrono::system_clock::time_point now);

/// Whether `text` is a real calendar day written YYYY-MM-DD (no 2026-02-30, no 2026-2-3).
bool is_calendar_date(std::string_view text);

/// Whether `token` has expired on `today` (YYYY-MM-DD): its last valid day lies before it. A token
/// without an expiry (never made by this program) counts as expired, so it cannot be used unnoticed.
bool is_expired(const Token& token, std::string_view today);

/// Whether a use on `today` should be written: only the first use of each day, so that the requests of
/// a busy token do not each cost a write (the day is all `token list` shows).
bool use_needs_recording(const Token& token, std::string_view today);

}  // namespace ido::store
