#include "geo/hours/holidays.hpp"

#include <algorithm>

namespace ido::hours {

date::year_month_day easter_sunday(int year) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher), J. Meeus, Astronomical Algorithms, ch. 8.
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return date::year{year} / static_cast<unsigned>(month) / static_cast<unsigned>(day);
}

std::vector<Holiday> dutch_holidays(int year) {
  using date::days;
  const date::year y{year};
  const date::sys_days easter{easter_sunday(year)};
  const auto relative = [&](int offset) { return date::year_month_day{easter + days{offset}}; };

  // Koningsdag: the King's birthday, 27 April; on a Sunday it moves to Saturday the 26th
  // (Wet van 2013 tot wijziging van de Algemene termijnenwet, Stb. 2013, 317).
  date::year_month_day koningsdag = y / date::April / 27;
  if (date::weekday{date::sys_days{koningsdag}} == date::Sunday) koningsdag = y / date::April / 26;

  std::vector<Holiday> result{
      {y / date::January / 1, "Nieuwjaarsdag", true},
      {relative(-2), "Goede Vrijdag", true},
      {relative(0), "Eerste Paasdag", false},
      {relative(1), "Tweede Paasdag", true},
      {koningsdag, "Koningsdag", true},
      {y / date::May / 5, "Bevrijdingsdag", true},
      {relative(39), "Hemelvaartsdag", true},
      {relative(49), "Eerste Pinksterdag", false},
      {relative(50), "Tweede Pinksterdag", true},
      {y / date::December / 25, "Eerste Kerstdag", true},
      {y / date::December / 26, "Tweede Kerstdag", true},
  };
  // Stable: on a shared day (Hemelvaartsdag on 5 May, as in 2016) the listed order decides the name.
  std::stable_sort(result.begin(), result.end(),
                   [](const Holiday& l, const Holiday& r) { return l.datum < r.datum; });
  return result;
}

std::optional<std::string_view> public_holiday(date::year_month_day day) {
  // Called for every evaluated day, so no allocation: fixed dates first, Easter only in its season.
  const unsigned m = static_cast<unsigned>(day.month());
  const unsigned d = static_cast<unsigned>(day.day());
  if (m == 1 && d == 1) return "Nieuwjaarsdag";
  if (m == 12 && d == 25) return "Eerste Kerstdag";
  if (m == 12 && d == 26) return "Tweede Kerstdag";
  if (m < 3 || m > 6) return std::nullopt;
  if (m == 4 && (d == 26 || d == 27)) {
    const bool sunday_27 = date::weekday{date::sys_days{day.year() / date::April / 27}} == date::Sunday;
    if ((d == 27) != sunday_27) return "Koningsdag";
  }
  if (m == 5 && d == 5) return "Bevrijdingsdag";
  // Same order as dutch_holidays, so a shared day gets the same name.
  const auto offset = (date::sys_days{day} - date::sys_days{easter_sunday(static_cast<int>(day.year()))}).count();
  switch (offset) {
    case -2: return "Goede Vrijdag";
    case 1: return "Tweede Paasdag";
    case 39: return "Hemelvaartsdag";
    case 50: return "Tweede Pinksterdag";
    default: return std::nullopt;
  }
}

}  // namespace ido::hours
