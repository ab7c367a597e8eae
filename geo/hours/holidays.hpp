#pragma once
/// @file
/// Dutch public holidays (Algemene termijnenwet, art. 3) for any Gregorian year.

#include <date/date.h>

#include <optional>
#include <string_view>
#include <vector>

namespace ido::hours {

/// One Dutch public holiday.
struct Holiday {
  date::year_month_day datum;
  std::string_view naam;  ///< Dutch name, e.g. "Tweede Paasdag".
  /// Whether `PH` in an expression matches this day. Eerste Paasdag and Eerste Pinksterdag are
  /// always Sundays and are not in the `PH` calendar of the reference implementation
  /// (`opening_hours`, country nl), so they are not here either; see docs/openingstijden.md.
  bool ph = true;
};

/// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher, as in
/// J. Meeus, "Astronomical Algorithms", 2nd ed., ch. 8).
[[nodiscard]] date::year_month_day easter_sunday(int year);

/// All eleven holidays of the Algemene termijnenwet in `year`, in date order: Nieuwjaarsdag, Goede
/// Vrijdag, Eerste en Tweede Paasdag, Koningsdag (27 April, 26 April when the 27th is a Sunday),
/// Bevrijdingsdag, Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag.
/// Koningsdag follows the current rule for every year (no Koninginnedag before 2014).
[[nodiscard]] std::vector<Holiday> dutch_holidays(int year);

/// The name of the `PH` holiday on `day`, if `PH` matches that day.
[[nodiscard]] std::optional<std::string_view> public_holiday(date::year_month_day day);

}  // namespace ido::hours
