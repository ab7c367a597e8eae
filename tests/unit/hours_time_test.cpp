#include <gtest/gtest.h>

#include "geo/hours/amsterdam_time.hpp"

namespace {

using std::chrono::sys_seconds;
using namespace std::chrono_literals;

sys_seconds utc(int y, unsigned m, unsigned d, int h, int mi) {
  return sys_seconds{date::sys_days{date::year{y} / m / d}} + std::chrono::hours{h} + std::chrono::minutes{mi};
}

TEST(HoursTime, ParsesRfc3339WithOffsetOrZ) {
  using ido::hours::parse_rfc3339;
  EXPECT_EQ(parse_rfc3339("2026-12-24T10:00:00+01:00"), utc(2026, 12, 24, 9, 0));
  EXPECT_EQ(parse_rfc3339("2026-12-24T09:00:00Z"), utc(2026, 12, 24, 9, 0));
  EXPECT_EQ(parse_rfc3339("2026-07-01T12:30:15.999+02:00"), utc(2026, 7, 1, 10, 30) + 15s);
  EXPECT_EQ(parse_rfc3339("2026-07-01t10:30:00z"), utc(2026, 7, 1, 10, 30));
  EXPECT_EQ(parse_rfc3339("2026-07-01T10:30:00-05:30"), utc(2026, 7, 1, 16, 0));
}

TEST(HoursTime, RefusesMalformedInstants) {
  using ido::hours::parse_rfc3339;
  for (const char* bad : {"", "2026-12-24", "2026-12-24T10:00:00", "2026-12-24 10:00:00Z", "2026-02-30T10:00:00Z",
                          "2026-12-24T24:00:00Z", "2026-12-24T10:60:00Z", "2026-12-24T10:00:60Z",
                          "2026-12-24T10:00:00+1:00", "2026-12-24T10:00:00+01:00x", "2026-12-24T10:00:00.Z",
                          "26-12-24T10:00:00Z"}) {
    EXPECT_FALSE(parse_rfc3339(bad)) << bad;
  }
}

TEST(HoursTime, FormatsLocalTimeWithOffset) {
  EXPECT_EQ(ido::hours::format_amsterdam(utc(2026, 12, 24, 9, 0)), "2026-12-24T10:00:00+01:00");
  EXPECT_EQ(ido::hours::format_amsterdam(utc(2026, 7, 1, 8, 0)), "2026-07-01T10:00:00+02:00");
}

TEST(HoursTime, SpringForwardGapMapsToTheEndOfTheGap) {
  // 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00 UTC); 02:30 does not exist.
  const date::local_seconds gap = date::local_days{date::year{2026} / 3 / 29} + 2h + 30min;
  EXPECT_EQ(ido::hours::to_sys(gap), utc(2026, 3, 29, 1, 0));
  EXPECT_EQ(ido::hours::format_amsterdam(utc(2026, 3, 29, 1, 0)), "2026-03-29T03:00:00+02:00");
  EXPECT_EQ(ido::hours::format_amsterdam(utc(2026, 3, 29, 0, 59)), "2026-03-29T01:59:00+01:00");
}

TEST(HoursTime, AutumnRepeatedHourHasTwoInstants) {
  // 2026-10-25: 03:00 CEST falls back to 02:00 CET; 02:30 happens at 00:30 and at 01:30 UTC.
  const date::local_seconds twice = date::local_days{date::year{2026} / 10 / 25} + 2h + 30min;
  EXPECT_EQ(ido::hours::to_sys(twice), utc(2026, 10, 25, 0, 30));
  EXPECT_EQ(ido::hours::to_sys(twice, utc(2026, 10, 25, 0, 31)), utc(2026, 10, 25, 1, 30));
  EXPECT_EQ(ido::hours::format_amsterdam(utc(2026, 10, 25, 0, 30)), "2026-10-25T02:30:00+02:00");
  EXPECT_EQ(ido::hours::format_amsterdam(utc(2026, 10, 25, 1, 30)), "2026-10-25T02:30:00+01:00");
  EXPECT_EQ(ido::hours::to_local(utc(2026, 10, 25, 0, 30)), ido::hours::to_local(utc(2026, 10, 25, 1, 30)));
}

}  // namespace
