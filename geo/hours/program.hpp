#pragma once
/// @file
/// Internal representation of a parsed expression (not part of the public API). The rule list mirrors
/// the evaluation model of the reference implementation (opening_hours.js, `getStatePair`): a range
/// past midnight becomes a second, "wrapped" rule whose date selectors look at the previous day.

#include <optional>
#include <string>
#include <vector>

namespace ido::hours::detail {

struct YearRange {
  int from = 0;
  int to = 0;
};

/// A month, month range, month-day or month-day range. Day 0 means "whole month" (from: the 1st,
/// to: the last day). With years it is one absolute period, without it recurs every year (and may wrap
/// over New Year, e.g. `Dec 20-Jan 05`).
struct DateRange {
  std::optional<int> from_year;
  std::optional<int> to_year;
  unsigned from_month = 1;
  unsigned from_day = 0;
  unsigned to_month = 1;
  unsigned to_day = 0;
};

/// ISO week numbers from..to, every `step`th week counted from `from`.
struct WeekRange {
  unsigned from = 1;
  unsigned to = 53;
  unsigned step = 1;
};

/// One element of a weekday list: a weekday range (0 = Mo .. 6 = Su, may wrap: `Sa-Mo`), a weekday
/// restricted to its nth occurrences in the month (`Mo[1]`, `Mo[-1]`), or `PH`.
struct WeekdayItem {
  enum class Kind { range, nth, public_holiday };
  Kind kind = Kind::range;
  unsigned from = 0;
  unsigned to = 0;
  std::vector<int> nth;
};

/// Minutes after local midnight, [from, to), to <= 1440 (the part after midnight is in the wrapped rule).
struct TimeRange {
  int from = 0;
  int to = 0;
};

struct Rule {
  std::vector<YearRange> years;
  std::vector<DateRange> dates;
  std::vector<WeekRange> weeks;
  std::vector<WeekdayItem> weekdays;
  std::vector<TimeRange> times;  ///< Empty: the whole day.
  bool open = true;               ///< "meaning" in opening_hours.js.
  bool unknown = false;
  std::optional<std::string> comment;
  bool fallback = false;    ///< Follows `||`.
  bool additional = false;  ///< Follows `,` (does not override earlier rules for the day).
  bool wrapped = false;     ///< The after-midnight part of the previous rule; dates shift by one day.
  bool has_ph = false;      ///< A `PH` occurs among the selectors (its name becomes the comment).

  [[nodiscard]] bool has_date() const {
    return !years.empty() || !dates.empty() || !weeks.empty() || !weekdays.empty();
  }
};

struct Program {
  std::string expression;
  bool empty = false;
  std::vector<Rule> rules;
};

}  // namespace ido::hours::detail
