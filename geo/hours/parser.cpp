// Recursive-descent parser for the supported subset of the OSM opening_hours syntax.
// Grammar: docs/openingstijden.md. Semantics follow the reference implementation opening_hours.js
// (v3.15.0); every construct outside the subset is refused with its position instead of guessed at.

#include <date/date.h>

#include <array>
#include <string>
#include <utility>

#include "geo/hours/hours.hpp"
#include "geo/hours/program.hpp"

namespace ido::hours {

namespace {

using detail::DateRange;
using detail::Program;
using detail::Rule;
using detail::TimeRange;
using detail::WeekdayItem;
using detail::WeekRange;
using detail::YearRange;

constexpr std::array<std::string_view, 7> weekday_names{"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
constexpr std::array<std::string_view, 12> month_names{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
// Days per month, February with its leap day: a recurring `Feb 29` is valid (it matches in leap years).
constexpr std::array<unsigned, 12> max_days{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  /// Parses the whole expression into `program`; false with `error()` set on refusal.
  bool run(Program& program) {
    skip_ws();
    if (p_ == s_.size()) {
      program.empty = true;
      return true;
    }
    bool fallback = false;
    bool additional = false;
    while (true) {
      Rule rule;
      rule.fallback = fallback;
      rule.additional = additional;
      bool comma_follows = false;
      if (!parse_rule(rule, comma_follows)) return false;
      push_rule(program, std::move(rule));
      skip_ws();
      if (p_ == s_.size()) return true;
      if (comma_follows) {
        // The comma ended the rule (after a time list, modifier or comment): an additional rule.
        additional = true;
        continue;  // fallback status is kept by the sub-rules of a fallback group, as in opening_hours.js
      }
      if (s_[p_] == ';') {
        ++p_;
        skip_ws();
        if (p_ == s_.size()) return true;  // A trailing ';' is harmless (the reference accepts it too).
        fallback = false;
        additional = false;
        continue;
      }
      if (s_.substr(p_, 2) == "||") {
        p_ += 2;
        skip_ws();
        if (p_ == s_.size()) return fail(p_, "expected a rule after '||'");
        fallback = true;
        additional = false;
        continue;
      }
      return unexpected("';', '||' or ',' between rules, or the end of the expression");
    }
  }

  [[nodiscard]] const ParseError& error() const { return error_; }

 private:
  std::string_view s_;
  std::size_t p_ = 0;
  ParseError error_;

  bool fail(std::size_t pos, std::string message) {
    error_ = ParseError{pos, std::move(message)};
    return false;
  }

  bool unexpected(std::string_view expected) {
    if (p_ >= s_.size()) return fail(p_, "unexpected end of expression, expected " + std::string(expected));
    std::size_t end = p_ + 1;
    while (end < s_.size() && (is_alpha(s_[end]) || is_digit(s_[end])) && (is_alpha(s_[p_]) || is_digit(s_[p_])))
      ++end;
    return fail(p_, "unexpected '" + std::string(s_.substr(p_, end - p_)) + "' at position " + std::to_string(p_) +
                        ", expected " + std::string(expected));
  }

  void skip_ws() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t')) ++p_;
  }
  [[nodiscard]] char peek(std::size_t ahead = 0) const {
    return p_ + ahead < s_.size() ? s_[p_ + ahead] : '\0';
  }
  [[nodiscard]] std::size_t count_digits(std::size_t at) const {
    std::size_t n = 0;
    while (at + n < s_.size() && is_digit(s_[at + n])) ++n;
    return n;
  }
  [[nodiscard]] std::size_t word_length(std::size_t at) const {
    std::size_t n = 0;
    while (at + n < s_.size() && is_alpha(s_[at + n])) ++n;
    return n;
  }
  [[nodiscard]] std::string_view word_at(std::size_t at) const { return s_.substr(at, word_length(at)); }
  [[nodiscard]] std::size_t after_ws(std::size_t at) const {
    while (at < s_.size() && (s_[at] == ' ' || s_[at] == '\t')) ++at;
    return at;
  }

  static int find_name(std::string_view word, const auto& names) {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == word) return static_cast<int>(i);
    return -1;
  }
  [[nodiscard]] int weekday_at(std::size_t at) const { return find_name(word_at(at), weekday_names); }
  [[nodiscard]] int month_at(std::size_t at) const { return find_name(word_at(at), month_names); }
  [[nodiscard]] bool year_at(std::size_t at) const {
    return count_digits(at) == 4 && (at + 4 >= s_.size() || s_[at + 4] != ':');
  }
  /// A day number (1-2 digits) that is not the hour of a time.
  [[nodiscard]] bool day_number_at(std::size_t at) const {
    const std::size_t n = count_digits(at);
    return (n == 1 || n == 2) && (at + n >= s_.size() || s_[at + n] != ':');
  }
  [[nodiscard]] bool time_at(std::size_t at) const {
    const std::size_t n = count_digits(at);
    return (n == 1 || n == 2) && at + n < s_.size() && s_[at + n] == ':';
  }

  bool read_number(unsigned& out, std::size_t max_digits) {
    const std::size_t n = count_digits(p_);
    if (n == 0 || n > max_digits) return unexpected("a number");
    unsigned v = 0;
    for (std::size_t i = 0; i < n; ++i) v = v * 10 + static_cast<unsigned>(s_[p_ + i] - '0');
    out = v;
    p_ += n;
    return true;
  }

  /// Words we know but do not support get a specific message, so nobody thinks they were misread.
  bool refuse_unsupported_word() {
    const std::string_view w = word_at(p_);
    static constexpr std::array<std::string_view, 8> variable_times{"sunrise", "sunset", "dawn", "dusk",
                                                                    "easter", "SH", "week", "PH"};
    for (auto v : variable_times) {
      if (v != w) continue;
      // Appended piece by piece: `"'" + std::string(w)` inserts a one-character literal in front of a
      // temporary, which GCC 12 at -O3 reports as an overlapping memcpy (-Wrestrict, a false positive:
      // GCC bug 105329) and -Werror turns into a failed Release build.
      std::string message(1, '\'');
      message.append(w).append("' at position ").append(std::to_string(p_)).append(" is not supported here");
      return fail(p_, std::move(message));
    }
    return unexpected("a selector, a time range, a modifier or a comment");
  }

  bool parse_rule(Rule& rule, bool& comma_follows) {
    skip_ws();
    const std::size_t rule_start = p_;
    if (s_.substr(p_, 4) == "24/7") {
      p_ += 4;
      rule.times.push_back(TimeRange{0, 1440});
      return parse_tail(rule, comma_follows, rule_start, true);
    }
    // Wide-range selectors: years, months and dates, weeks; then the small ones: weekdays and PH.
    if (year_at(p_)) {
      const std::size_t after_year = after_ws(p_ + 4);
      const bool dated = month_at(after_year) >= 0 && day_number_at(after_ws(after_year + 3));
      if (!dated && !parse_years(rule)) return false;
      skip_ws();
    }
    if (year_at(p_) || month_at(p_) >= 0) {
      if (!parse_dates(rule)) return false;
      skip_ws();
    }
    if (word_at(p_) == "week") {
      if (!parse_weeks(rule)) return false;
      skip_ws();
    }
    if (weekday_at(p_) >= 0 || word_at(p_) == "PH") {
      if (!parse_weekdays(rule)) return false;
      skip_ws();
    }
    if (s_.substr(p_, 4) == "24/7") {
      p_ += 4;
      rule.times.push_back(TimeRange{0, 1440});
      return parse_tail(rule, comma_follows, rule_start, true);
    }
    return parse_tail(rule, comma_follows, rule_start, false);
  }

  /// Time ranges, modifier, comment.
  bool parse_tail(Rule& rule, bool& comma_follows, std::size_t rule_start, bool had_24_7) {
    skip_ws();
    bool any_time = had_24_7;
    if (!had_24_7 && (time_at(p_) || is_digit(peek()))) {
      if (!parse_times(rule, comma_follows)) return false;
      any_time = true;
      if (comma_follows) return true;
    }
    skip_ws();
    bool modifier = false;
    const std::string_view w = word_at(p_);
    if (w == "open" || w == "closed" || w == "off" || w == "unknown") {
      rule.open = (w == "open");
      rule.unknown = (w == "unknown");
      modifier = true;
      p_ += w.size();
      skip_ws();
    }
    if (peek() == '"') {
      const std::size_t start = p_;
      const std::size_t close = s_.find('"', p_ + 1);
      if (close == std::string_view::npos) return fail(start, "comment starting at position " + std::to_string(start) + " is not closed with '\"'");
      rule.comment = std::string(s_.substr(p_ + 1, close - p_ - 1));
      // As in opening_hours.js: a comment without an explicit modifier makes the rule "unknown".
      if (!modifier) {
        rule.open = false;
        rule.unknown = true;
      }
      p_ = close + 1;
      skip_ws();
    }
    if (peek() == ',') {
      ++p_;
      skip_ws();
      if (p_ == s_.size()) return fail(p_, "expected an additional rule after ','");
      comma_follows = true;
    }
    if (!comma_follows && p_ < s_.size() && peek() != ';' && s_.substr(p_, 2) != "||") {
      if (is_alpha(peek())) return refuse_unsupported_word();
      if (peek() == '"') return fail(p_, "only one comment per rule (position " + std::to_string(p_) + ")");
      return unexpected("a time range, a modifier (open, closed, off, unknown), a comment or a rule separator");
    }
    if (p_ == rule_start || (!any_time && !modifier && !rule.comment && !rule.has_date())) {
      return fail(rule_start, "empty rule at position " + std::to_string(rule_start));
    }
    return true;
  }

  bool parse_years(Rule& rule) {
    while (true) {
      YearRange r;
      unsigned y = 0;
      const std::size_t at = p_;
      if (!year_at(p_)) return unexpected("a year (4 digits)");
      if (!read_number(y, 4)) return false;
      if (y < 1900) return fail(at, "year " + std::to_string(y) + " at position " + std::to_string(at) + " is before 1900");
      r.from = r.to = static_cast<int>(y);
      skip_ws();
      if (peek() == '-' && year_at(after_ws(p_ + 1))) {
        p_ = after_ws(p_ + 1);
        const std::size_t to_at = p_;
        if (!read_number(y, 4)) return false;
        if (static_cast<int>(y) <= r.from) return fail(to_at, "year range ending at position " + std::to_string(to_at) + " does not go forward");
        r.to = static_cast<int>(y);
        skip_ws();
      }
      if (peek() == '/' || peek() == '+') return fail(p_, "year periods and open year ranges ('/', '+') are not supported (position " + std::to_string(p_) + ")");
      rule.years.push_back(r);
      if (peek() == ',' && year_at(after_ws(p_ + 1))) {
        p_ = after_ws(p_ + 1);
        continue;
      }
      return true;
    }
  }

  bool check_day(unsigned month, unsigned day, std::optional<int> year, std::size_t at) {
    bool ok = day >= 1 && day <= max_days[month - 1];
    if (ok && year && month == 2 && day == 29) {
      ok = date::year{*year}.is_leap();
    }
    if (!ok) {
      return fail(at, "day " + std::to_string(day) + " does not exist in " + std::string(month_names[month - 1]) +
                          (year ? " " + std::to_string(*year) : std::string{}) + " (position " + std::to_string(at) + ")");
    }
    return true;
  }

  /// One endpoint: [year] month [day]. `day_allowed`: a day number may follow.
  bool parse_date_point(std::optional<int>& year, unsigned& month, unsigned& day, bool& has_day) {
    year.reset();
    if (year_at(p_)) {
      unsigned y = 0;
      if (!read_number(y, 4)) return false;
      year = static_cast<int>(y);
      skip_ws();
    }
    const int m = month_at(p_);
    if (m < 0) {
      if (is_alpha(peek()) && (word_at(p_) == "easter")) return refuse_unsupported_word();
      return unexpected("a month (Jan .. Dec)");
    }
    p_ += 3;
    month = static_cast<unsigned>(m + 1);
    const std::size_t day_at = after_ws(p_);
    has_day = false;
    day = 0;
    if (day_number_at(day_at)) {
      p_ = day_at;
      unsigned d = 0;
      if (!read_number(d, 2)) return false;
      if (!check_day(month, d, year, day_at)) return false;
      day = d;
      has_day = true;
    }
    // "Jun Fr[1]" is read as June and the first Friday of the month, which selects the same days as
    // the reference's "first Friday of June"; ranges between such dates are refused later.
    return true;
  }

  bool parse_dates(Rule& rule) {
    while (true) {
      DateRange r;
      const std::size_t start = p_;
      bool from_day = false;
      if (!parse_date_point(r.from_year, r.from_month, r.from_day, from_day)) return false;
      if (r.from_year && !from_day) return fail(start, "a year before a month needs a day (position " + std::to_string(start) + ")");
      r.to_year = r.from_year;
      r.to_month = r.from_month;
      r.to_day = r.from_day;
      skip_ws();
      if (peek() == '-') {
        ++p_;
        skip_ws();
        const std::size_t to_at = p_;
        if (from_day && day_number_at(p_)) {
          unsigned d = 0;
          if (!read_number(d, 2)) return false;
          if (!check_day(r.from_month, d, r.from_year, to_at)) return false;
          if (d < r.from_day) return fail(to_at, "day range ending at position " + std::to_string(to_at) + " goes backwards; write the month for a range over the month end");
          r.to_day = d;
        } else {
          bool to_day = false;
          if (!parse_date_point(r.to_year, r.to_month, r.to_day, to_day)) return false;
          if (to_day != from_day) return fail(to_at, "a date range needs a day at both ends or at neither (position " + std::to_string(to_at) + ")");
          if (r.from_year.has_value() != r.to_year.has_value()) {
            return fail(to_at, "a dated range needs a year at both ends (position " + std::to_string(to_at) + ")");
          }
          if (r.from_year) {
            const date::year_month_day a{date::year{*r.from_year}, date::month{r.from_month}, date::day{r.from_day}};
            const date::year_month_day b{date::year{*r.to_year}, date::month{r.to_month}, date::day{r.to_day}};
            if (b < a) return fail(to_at, "date range ending at position " + std::to_string(to_at) + " ends before it starts");
          }
        }
        skip_ws();
      }
      if (peek() == '/') return fail(p_, "date periods ('/') are not supported (position " + std::to_string(p_) + ")");
      if (peek() == '+') return fail(p_, "open-ended date ranges ('+') are not supported (position " + std::to_string(p_) + ")");
      rule.dates.push_back(r);
      if (peek() == ',') {
        const std::size_t next = after_ws(p_ + 1);
        if (month_at(next) >= 0 || year_at(next)) {
          p_ = next;
          continue;
        }
        if (day_number_at(next)) return fail(next, "a day list ('Dec 24,26') is not supported; repeat the month (position " + std::to_string(next) + ")");
      }
      return true;
    }
  }

  bool parse_weeks(Rule& rule) {
    p_ += 4;  // "week"
    skip_ws();
    while (true) {
      WeekRange r;
      const std::size_t from_at = p_;
      if (!is_digit(peek())) return unexpected("a week number (1-53)");
      if (!read_number(r.from, 2)) return false;
      if (r.from < 1 || r.from > 53) return fail(from_at, "week " + std::to_string(r.from) + " at position " + std::to_string(from_at) + " is outside 1-53");
      r.to = r.from;
      skip_ws();
      if (peek() == '-') {
        p_ = after_ws(p_ + 1);
        const std::size_t to_at = p_;
        if (!is_digit(peek())) return unexpected("a week number (1-53)");
        if (!read_number(r.to, 2)) return false;
        if (r.to < 1 || r.to > 53) return fail(to_at, "week " + std::to_string(r.to) + " at position " + std::to_string(to_at) + " is outside 1-53");
        if (r.to < r.from) return fail(to_at, "week range ending at position " + std::to_string(to_at) + " goes backwards");
        skip_ws();
        if (peek() == '/') {
          p_ = after_ws(p_ + 1);
          const std::size_t step_at = p_;
          if (!is_digit(peek())) return unexpected("a week period (2-26)");
          if (!read_number(r.step, 2)) return false;
          // The reference refuses /1 and periods above 26; so do we, to stay comparable.
          if (r.step < 2 || r.step > 26) return fail(step_at, "week period " + std::to_string(r.step) + " at position " + std::to_string(step_at) + " is outside 2-26");
          skip_ws();
        }
      }
      rule.weeks.push_back(r);
      if (peek() == ',' && is_digit(peek_after_ws(1))) {
        p_ = after_ws(p_ + 1);
        continue;
      }
      return true;
    }
  }
  [[nodiscard]] char peek_after_ws(std::size_t ahead) const {
    const std::size_t at = after_ws(p_ + ahead);
    return at < s_.size() ? s_[at] : '\0';
  }

  bool parse_weekdays(Rule& rule) {
    while (true) {
      if (word_at(p_) == "PH") {
        p_ += 2;
        WeekdayItem item;
        item.kind = WeekdayItem::Kind::public_holiday;
        rule.weekdays.push_back(item);
        rule.has_ph = true;
        skip_ws();
        if (peek() == '+' || peek() == '-') return fail(p_, "day offsets after PH are not supported (position " + std::to_string(p_) + ")");
        if (weekday_at(p_) >= 0) {
          return fail(p_, "'PH' followed by weekdays (both must hold) is not supported; use 'PH,Mo' for either (position " + std::to_string(p_) + ")");
        }
      } else {
        const int wd = weekday_at(p_);
        if (wd < 0) {
          if (word_at(p_) == "SH") return refuse_unsupported_word();
          return unexpected("a weekday (Mo Tu We Th Fr Sa Su) or PH");
        }
        p_ += 2;
        WeekdayItem item;
        item.from = item.to = static_cast<unsigned>(wd);
        skip_ws();
        if (peek() == '[') {
          ++p_;
          item.kind = WeekdayItem::Kind::nth;
          while (true) {
            skip_ws();
            const std::size_t n_at = p_;
            int n = 0;
            if (!read_signed(n)) return false;
            if (n == 0 || n < -5 || n > 5) return fail(n_at, "nth weekday at position " + std::to_string(n_at) + " must be 1..5 or -1..-5");
            skip_ws();
            int last = n;
            if (peek() == '-' && n > 0) {
              ++p_;
              skip_ws();
              const std::size_t to_at = p_;
              if (!read_signed(last)) return false;
              if (last < n || last > 5) return fail(to_at, "nth weekday range at position " + std::to_string(to_at) + " must go forward within 1..5");
              skip_ws();
            }
            for (int i = n; i <= last; ++i) item.nth.push_back(i);
            if (peek() == ',') {
              ++p_;
              continue;
            }
            if (peek() != ']') return unexpected("']' or ',' in an nth-weekday list");
            ++p_;
            break;
          }
          skip_ws();
          if (peek() == '+' || (peek() == '-' && is_digit(peek_after_ws(1)) && !time_at(after_ws(p_ + 1)))) {
            return fail(p_, "day offsets after an nth weekday are not supported (position " + std::to_string(p_) + ")");
          }
        } else if (peek() == '-' && weekday_at(after_ws(p_ + 1)) >= 0) {
          p_ = after_ws(p_ + 1);
          item.to = static_cast<unsigned>(weekday_at(p_));
          p_ += 2;
          skip_ws();
          if (peek() == '[') return fail(p_, "nth occurrences of a weekday range are not supported; list the weekdays (position " + std::to_string(p_) + ")");
        }
        rule.weekdays.push_back(std::move(item));
      }
      skip_ws();
      if (peek() == ',') {
        const std::size_t next = after_ws(p_ + 1);
        if (weekday_at(next) >= 0 || word_at(next) == "PH") {
          p_ = next;
          continue;
        }
      }
      return true;
    }
  }

  bool read_signed(int& out) {
    bool negative = false;
    if (peek() == '-') {
      negative = true;
      ++p_;
    }
    unsigned v = 0;
    if (!is_digit(peek())) return unexpected("a number");
    if (!read_number(v, 1)) return false;
    out = negative ? -static_cast<int>(v) : static_cast<int>(v);
    return true;
  }

  /// hh:mm, 1-2 digit hours, 2 digit minutes. `extended`: the end of a range, which may run to 48:00.
  bool read_time(int& minutes, bool extended) {
    const std::size_t at = p_;
    const std::size_t n = count_digits(p_);
    if (n == 0 || n > 2) return unexpected("a time (hh:mm)");
    unsigned h = 0;
    if (!read_number(h, 2)) return false;
    if (peek() != ':') {
      if (peek() == '-' || p_ == s_.size() || peek() == ' ' || peek() == ',' || peek() == ';')
        return fail(at, "time at position " + std::to_string(at) + " needs minutes (hh:mm)");
      return unexpected("':' in a time");
    }
    ++p_;
    const std::size_t min_at = p_;
    if (count_digits(p_) != 2) return fail(min_at, "minutes at position " + std::to_string(min_at) + " must be two digits");
    unsigned m = 0;
    if (!read_number(m, 2)) return false;
    if (m > 59) return fail(min_at, "minute " + std::to_string(m) + " at position " + std::to_string(min_at) + " is out of range");
    const unsigned limit = extended ? 48 : 23;
    if (h > limit || (h == 48 && m > 0)) {
      return fail(at, "time " + std::string(s_.substr(at, p_ - at)) + " at position " + std::to_string(at) +
                          (extended ? " is past 48:00" : " is not a time of day (00:00-23:59)"));
    }
    minutes = static_cast<int>(h * 60 + m);
    return true;
  }

  bool parse_times(Rule& rule, bool& comma_follows) {
    while (true) {
      int from = 0;
      int to = 0;
      if (!read_time(from, false)) return false;
      skip_ws();
      if (peek() == '+') return fail(p_, "open end ('+') is not supported (position " + std::to_string(p_) + ")");
      if (peek() != '-') return fail(p_, "expected '-' and an end time at position " + std::to_string(p_) + " (points in time are not supported)");
      p_ = after_ws(p_ + 1);
      if (is_alpha(peek()) || peek() == '(') return fail(p_, "variable times (sunrise, sunset, ...) are not supported (position " + std::to_string(p_) + ")");
      if (!read_time(to, true)) return false;
      // As in opening_hours.js: an end at or before the start means the next day (10:00-10:00 is 24 hours).
      if (to <= from) to += 1440;
      if (to > 2 * 1440) return fail(p_, "time range ending at position " + std::to_string(p_) + " goes past 48:00");
      skip_ws();
      if (peek() == '+' || peek() == '/') return fail(p_, "open ends and periods in time ranges are not supported (position " + std::to_string(p_) + ")");
      raw_times_.push_back(TimeRange{from, to});
      if (peek() == ',') {
        const std::size_t next = after_ws(p_ + 1);
        if (time_at(next)) {
          p_ = next;
          continue;
        }
        // A comma followed by something else separates an additional rule.
        p_ = next;
        if (p_ == s_.size()) return fail(p_, "expected an additional rule after ','");
        comma_follows = true;
      }
      for (const TimeRange& t : raw_times_) rule.times.push_back(t);
      raw_times_.clear();
      return true;
    }
  }

  std::vector<TimeRange> raw_times_;

 public:
  /// Adds the rule, splitting ranges past midnight into a wrapped rule, as opening_hours.js does.
  static void push_rule(Program& program, Rule rule) {
    Rule wrapped;
    bool wraps = false;
    std::vector<TimeRange> day_part;
    for (const TimeRange& t : rule.times) {
      if (t.to > 1440) {
        wraps = true;
        wrapped.times.push_back(TimeRange{0, t.to - 1440});
        day_part.push_back(TimeRange{t.from, 1440});
      } else {
        day_part.push_back(t);
      }
    }
    rule.times = std::move(day_part);
    if (wraps) {
      wrapped.years = rule.years;
      wrapped.dates = rule.dates;
      wrapped.weeks = rule.weeks;
      wrapped.weekdays = rule.weekdays;
      wrapped.has_ph = rule.has_ph;
      wrapped.open = rule.open;
      wrapped.unknown = rule.unknown;
      wrapped.comment = rule.comment;
      wrapped.wrapped = true;  // Not fallback, not additional: exactly as the reference builds it.
      program.rules.push_back(std::move(rule));
      program.rules.push_back(std::move(wrapped));
    } else {
      program.rules.push_back(std::move(rule));
    }
  }
};

}  // namespace

ParseResult parse(std::string_view expression) {
  auto program = std::make_shared<Program>();
  program->expression = std::string(expression);
  Parser parser{program->expression};
  if (!parser.run(*program)) return parser.error();
  return Schedule{std::move(program)};
}

std::string_view Schedule::expression() const noexcept { return program_->expression; }
bool Schedule::unknown_hours() const noexcept { return program_->empty; }

}  // namespace ido::hours
