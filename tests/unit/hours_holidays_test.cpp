#include <gtest/gtest.h>

#include <map>
#include <string>

#include "geo/hours/holidays.hpp"

namespace {

using namespace date::literals;

// Hand-written from the Dutch government calendar (rijksoverheid.nl) and checked against a printed
// Easter table; not computed, so it can catch a computus mistake.
struct Year {
  int year;
  const char* goede_vrijdag;
  const char* pasen;
  const char* koningsdag;
  const char* hemelvaart;
  const char* pinksteren;
};
constexpr Year years[] = {
    {2024, "03-29", "03-31", "04-27", "05-09", "05-19"}, {2025, "04-18", "04-20", "04-26", "05-29", "06-08"},
    {2026, "04-03", "04-05", "04-27", "05-14", "05-24"}, {2027, "03-26", "03-28", "04-27", "05-06", "05-16"},
    {2028, "04-14", "04-16", "04-27", "05-25", "06-04"}, {2029, "03-30", "04-01", "04-27", "05-10", "05-20"},
    {2030, "04-19", "04-21", "04-27", "05-30", "06-09"}, {2031, "04-11", "04-13", "04-26", "05-22", "06-01"},
    {2032, "03-26", "03-28", "04-27", "05-06", "05-16"}, {2033, "04-15", "04-17", "04-27", "05-26", "06-05"},
    {2034, "04-07", "04-09", "04-27", "05-18", "05-28"}, {2035, "03-23", "03-25", "04-27", "05-03", "05-13"},
};

std::string iso(date::year_month_day d) { return date::format("%F", d); }
std::string next_day(int year, const char* md) {
  const date::year_month_day d{date::year{year}, date::month{static_cast<unsigned>(std::stoi(std::string(md).substr(0, 2)))},
                               date::day{static_cast<unsigned>(std::stoi(std::string(md).substr(3, 2)))}};
  return iso(date::year_month_day{date::sys_days{d} + date::days{1}});
}

TEST(HoursHolidays, EveryHoliday2024To2035MatchesTheHandWrittenList) {
  for (const Year& y : years) {
    const std::string prefix = std::to_string(y.year) + "-";
    std::map<std::string, std::string> expected{
        {"Nieuwjaarsdag", prefix + "01-01"},
        {"Goede Vrijdag", prefix + y.goede_vrijdag},
        {"Eerste Paasdag", prefix + y.pasen},
        {"Tweede Paasdag", next_day(y.year, y.pasen)},
        {"Koningsdag", prefix + y.koningsdag},
        {"Bevrijdingsdag", prefix + "05-05"},
        {"Hemelvaartsdag", prefix + y.hemelvaart},
        {"Eerste Pinksterdag", prefix + y.pinksteren},
        {"Tweede Pinksterdag", next_day(y.year, y.pinksteren)},
        {"Eerste Kerstdag", prefix + "12-25"},
        {"Tweede Kerstdag", prefix + "12-26"},
    };
    const auto holidays = ido::hours::dutch_holidays(y.year);
    ASSERT_EQ(holidays.size(), 11U) << y.year;
    std::map<std::string, std::string> actual;
    for (const auto& h : holidays) actual[std::string(h.naam)] = iso(h.datum);
    EXPECT_EQ(actual, expected) << y.year;
    EXPECT_EQ(iso(ido::hours::easter_sunday(y.year)), prefix + y.pasen);
  }
}

TEST(HoursHolidays, KoningsdagMovesToSaturdayWhenThe27thIsASunday) {
  // 27 April is a Sunday in 2025 and 2031.
  EXPECT_EQ(ido::hours::public_holiday(2025_y / date::April / 26), "Koningsdag");
  EXPECT_FALSE(ido::hours::public_holiday(2025_y / date::April / 27));
  EXPECT_EQ(ido::hours::public_holiday(2031_y / date::April / 26), "Koningsdag");
}

TEST(HoursHolidays, PublicHolidayCalendarLeavesOutTheSundays) {
  // Eerste Paasdag and Eerste Pinksterdag are holidays by law but not in the PH calendar of the
  // reference implementation (they are always Sundays); see docs/openingstijden.md.
  EXPECT_FALSE(ido::hours::public_holiday(2026_y / date::April / 5));
  EXPECT_FALSE(ido::hours::public_holiday(2026_y / date::May / 24));
  EXPECT_EQ(ido::hours::public_holiday(2026_y / date::April / 6), "Tweede Paasdag");
  EXPECT_EQ(ido::hours::public_holiday(2026_y / date::April / 3), "Goede Vrijdag");
  EXPECT_EQ(ido::hours::public_holiday(2026_y / date::May / 5), "Bevrijdingsdag");
  EXPECT_EQ(ido::hours::public_holiday(2026_y / date::December / 26), "Tweede Kerstdag");
  EXPECT_FALSE(ido::hours::public_holiday(2026_y / date::December / 27));
  int ph = 0;
  for (const auto& h : ido::hours::dutch_holidays(2030)) ph += h.ph ? 1 : 0;
  EXPECT_EQ(ph, 9);
}

TEST(HoursHolidays, HemelvaartOnBevrijdingsdagKeepsBoth) {
  // 2016: Easter 27 March, so Hemelvaartsdag fell on 5 May.
  const auto holidays = ido::hours::dutch_holidays(2016);
  int on_5_may = 0;
  for (const auto& h : holidays) on_5_may += h.datum == 2016_y / date::May / 5 ? 1 : 0;
  EXPECT_EQ(on_5_may, 2);
  EXPECT_TRUE(ido::hours::public_holiday(2016_y / date::May / 5));
}

TEST(HoursHolidays, PublicHolidayLookupAgreesWithTheListForEveryDay1950To2100) {
  for (int y = 1950; y <= 2100; ++y) {
    const auto list = ido::hours::dutch_holidays(y);
    for (date::sys_days d{date::year{y} / 1 / 1}; d <= date::sys_days{date::year{y} / 12 / 31}; d += date::days{1}) {
      std::optional<std::string_view> expected;
      for (const auto& h : list) {
        if (h.ph && h.datum == date::year_month_day{d} && !expected) expected = h.naam;
      }
      ASSERT_EQ(ido::hours::public_holiday(date::year_month_day{d}), expected) << date::format("%F", d);
    }
  }
}

}  // namespace
