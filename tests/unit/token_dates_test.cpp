// The dates of a token's life (store/token_dates.hpp): expiry, its default, the once-a-day last use.
#include "store/token_dates.hpp"

#include <gtest/gtest.h>

#include <chrono>

using namespace ido::store;
using namespace std::chrono;

namespace {

system_clock::time_point at(int y, unsigned m, unsigned d, int hour = 12) {
    return sys_days(year_month_day(year(y), month(m), day(d))) + hours(hour);
}

Token with(std::string geldig_tot, std::optional<std::string> laatst_gebruikt = std::nullopt) {
    Token t;
    t.geldig_tot = std::move(geldig_tot);
    t.laatst_gebruikt = std::move(laatst_gebruikt);
    return t;
}

}  // namespace

TEST(TokenDates, UtcDateIsTheCalendarDayInUtc) {
    EXPECT_EQ(utc_date(at(2026, 12, 1, 0)), "2026-12-01");
    EXPECT_EQ(utc_date(at(2026, 12, 31, 23) + minutes(59)), "2026-12-31");
    EXPECT_EQ(utc_date(at(2027, 1, 1, 0)), "2027-01-01");
}

TEST(TokenDates, TheDefaultExpiryIsTheSameDayAYearLater) {
    EXPECT_EQ(default_token_expiry(at(2026, 12, 1)), "2027-12-01");
    EXPECT_EQ(default_token_expiry(at(2027, 3, 1)), "2028-03-01");
    // 29 February has no twin in the next year: the last day of February instead, never 1 March.
    EXPECT_EQ(default_token_expiry(at(2028, 2, 29)), "2029-02-28");
}

TEST(TokenDates, OnlyRealDaysInTheIsoFormAreDates) {
    EXPECT_TRUE(is_calendar_date("2027-12-31"));
    EXPECT_TRUE(is_calendar_date("2028-02-29"));
    EXPECT_FALSE(is_calendar_date("2027-02-29"));
    EXPECT_FALSE(is_calendar_date("2027-13-01"));
    EXPECT_FALSE(is_calendar_date("2027-00-10"));
    EXPECT_FALSE(is_calendar_date("2027-1-01"));
    EXPECT_FALSE(is_calendar_date("2027-01-01T00:00:00Z"));
    EXPECT_FALSE(is_calendar_date("2027/01/01"));
    EXPECT_FALSE(is_calendar_date(""));
}

TEST(TokenDates, ATokenWorksThroughItsLastDayAndNotAfter) {
    EXPECT_FALSE(is_expired(with("2026-12-01"), "2026-11-30"));
    EXPECT_FALSE(is_expired(with("2026-12-01"), "2026-12-01"));
    EXPECT_TRUE(is_expired(with("2026-12-01"), "2026-12-02"));
    EXPECT_TRUE(is_expired(with("2026-12-01"), "2027-01-01"));
    // No (or no readable) expiry counts as expired, so such a token cannot slip through.
    EXPECT_TRUE(is_expired(with(""), "2026-12-01"));
    EXPECT_TRUE(is_expired(with("nooit"), "2026-12-01"));
}

TEST(TokenDates, OnlyTheFirstUseOfADayIsWritten) {
    EXPECT_TRUE(use_needs_recording(with("2027-01-01"), "2026-12-01"));
    EXPECT_TRUE(use_needs_recording(with("2027-01-01", "2026-11-30"), "2026-12-01"));
    EXPECT_FALSE(use_needs_recording(with("2027-01-01", "2026-12-01"), "2026-12-01"));
}
