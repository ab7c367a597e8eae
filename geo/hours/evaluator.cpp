// Evaluation: each local day becomes a timeline of [from, to) minute segments with a state, built with
// the rule-matching logic of opening_hours.js (`getStatePair`, v3.15.0) so the two agree; a walker then
// turns segment boundaries into instants in Europe/Amsterdam.

#include <date/iso_week.h>

#include <algorithm>
#include <array>
#include <utility>

#include "geo/hours/amsterdam_time.hpp"
#include "geo/hours/holidays.hpp"
#include "geo/hours/hours.hpp"
#include "geo/hours/program.hpp"

namespace ido::hours {

namespace {

using detail::DateRange;
using detail::Program;
using detail::Rule;
using detail::WeekdayItem;

struct Segment {
  int from = 0;
  int to = 0;
  State state = State::gesloten;
  std::string_view comment;
};

/// Everything the date selectors ask about one local day, computed once per day.
struct DayContext {
  date::year_month_day ymd;
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  unsigned days_in_month = 0;
  unsigned weekday = 0;  // 0 = Monday, as in the grammar.
  unsigned iso_week = 0;
  std::optional<std::string_view> holiday;
};

DayContext make_context(date::local_days local_day) {
  const date::sys_days d{local_day.time_since_epoch()};
  DayContext c;
  c.ymd = date::year_month_day{d};
  c.year = static_cast<int>(c.ymd.year());
  c.month = static_cast<unsigned>(c.ymd.month());
  c.day = static_cast<unsigned>(c.ymd.day());
  c.days_in_month = static_cast<unsigned>((c.ymd.year() / c.ymd.month() / date::last).day());
  c.weekday = (date::weekday{d}.iso_encoding() + 6) % 7;
  c.iso_week = static_cast<unsigned>(iso_week::year_weeknum_weekday{d}.weeknum());
  c.holiday = public_holiday(c.ymd);
  return c;
}

bool matches_date(const DateRange& r, const DayContext& c) {
  if (r.from_year) {
    const date::year_month_day from{date::year{*r.from_year}, date::month{r.from_month}, date::day{r.from_day}};
    const date::year_month_day to{date::year{*r.to_year}, date::month{r.to_month}, date::day{r.to_day}};
    return from <= c.ymd && c.ymd <= to;
  }
  const unsigned key = c.month * 100 + c.day;
  const unsigned from = r.from_month * 100 + (r.from_day == 0 ? 1 : r.from_day);
  const unsigned to = r.to_month * 100 + (r.to_day == 0 ? 31 : r.to_day);
  // A range whose end comes before its start wraps over New Year (Dec 20-Jan 05, Nov-Feb).
  return from <= to ? (from <= key && key <= to) : (key >= from || key <= to);
}

bool matches_weekday(const WeekdayItem& w, const DayContext& c) {
  switch (w.kind) {
    case WeekdayItem::Kind::public_holiday:
      return c.holiday.has_value();
    case WeekdayItem::Kind::range:
      return w.from <= w.to ? (w.from <= c.weekday && c.weekday <= w.to) : (c.weekday >= w.from || c.weekday <= w.to);
    case WeekdayItem::Kind::nth: {
      if (c.weekday != w.from) return false;
      const int from_start = static_cast<int>((c.day - 1) / 7 + 1);
      const int from_end = -static_cast<int>((c.days_in_month - c.day) / 7 + 1);
      return std::any_of(w.nth.begin(), w.nth.end(), [&](int n) { return n == from_start || n == from_end; });
    }
  }
  return false;
}

/// Selectors of different kinds must all hold; within one kind, any element may.
bool matches(const Rule& r, const DayContext& c) {
  if (!r.years.empty() && std::none_of(r.years.begin(), r.years.end(),
                                       [&](const auto& y) { return y.from <= c.year && c.year <= y.to; }))
    return false;
  if (!r.dates.empty() && std::none_of(r.dates.begin(), r.dates.end(), [&](const auto& d) { return matches_date(d, c); }))
    return false;
  if (!r.weeks.empty() && std::none_of(r.weeks.begin(), r.weeks.end(), [&](const auto& w) {
        return w.from <= c.iso_week && c.iso_week <= w.to && (c.iso_week - w.from) % w.step == 0;
      }))
    return false;
  if (!r.weekdays.empty() &&
      std::none_of(r.weekdays.begin(), r.weekdays.end(), [&](const auto& w) { return matches_weekday(w, c); }))
    return false;
  return true;
}

/// Reusable buffers, so that walking many days does not allocate per day.
struct Scratch {
  std::vector<std::size_t> matched;
  std::vector<int> cuts;
  std::vector<Segment> segments;
};

void append(std::vector<Segment>& out, int from, int to, State state, std::string_view comment) {
  if (!out.empty() && out.back().state == state && out.back().comment == comment && out.back().to == from) {
    out.back().to = to;
  } else {
    out.push_back(Segment{from, to, state, comment});
  }
}

/// The day's timeline for one program, into `scratch.segments`.
void day_timeline(const Program& program, date::local_days day, Scratch& scratch) {
  auto& out = scratch.segments;
  out.clear();
  if (program.empty) {
    out.push_back(Segment{0, 1440, State::onbekend, {}});
    return;
  }
  const DayContext today = make_context(day);
  std::optional<DayContext> yesterday;
  const auto& rules = program.rules;

  // Which rules apply today. A normal rule that applies overrides the earlier ones for the whole day;
  // closing rules, additional (',') and fallback ('||') rules and after-midnight parts do not
  // (opening_hours.js getStatePair, the "date overwriting logic").
  auto& matched = scratch.matched;
  matched.clear();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& r = rules[i];
    const DayContext* c = &today;
    if (r.wrapped) {
      if (!yesterday) yesterday = make_context(day - date::days{1});
      c = &*yesterday;
    }
    if (!matches(r, *c)) continue;
    const bool overrides = (r.has_date() || (i > 0 && r.open && !rules[i - 1].has_date())) && (r.open || r.unknown) &&
                           !r.wrapped && !r.additional && !r.fallback;
    if (overrides) matched.clear();
    matched.push_back(i);
  }

  auto& cuts = scratch.cuts;
  cuts.assign({0, 1440});
  for (std::size_t i : matched) {
    for (const auto& t : rules[i].times) {
      cuts.push_back(t.from);
      cuts.push_back(t.to);
    }
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
    const int minute = cuts[k];
    bool open = false;
    bool unknown = false;
    const Rule* decisive = nullptr;
    for (std::size_t i : matched) {
      const Rule& r = rules[i];
      const bool applies =
          r.times.empty() || std::any_of(r.times.begin(), r.times.end(),
                                         [&](const auto& t) { return t.from <= minute && minute < t.to; });
      // A fallback rule only fills in where the rules before it leave the location closed.
      if (applies && (!r.fallback || !(open || unknown))) {
        open = r.open;
        unknown = r.unknown;
        decisive = &r;
      }
    }
    std::string_view comment;
    if (decisive != nullptr) {
      if (decisive->comment) {
        comment = *decisive->comment;
      } else if (decisive->has_ph) {
        const DayContext& c = decisive->wrapped ? *yesterday : today;
        if (c.holiday) comment = *c.holiday;
      }
    }
    append(out, minute, cuts[k + 1], unknown ? State::onbekend : (open ? State::open : State::gesloten), comment);
  }
}

/// Several schedules overlaid: open wins over onbekend, onbekend over gesloten.
class UnionTimeline {
 public:
  explicit UnionTimeline(std::span<const Schedule> schedules) : schedules_(schedules), parts_(schedules.size()) {}

  void operator()(date::local_days day, Scratch& scratch) {
    auto& out = scratch.segments;
    out.clear();
    if (schedules_.empty()) {
      out.push_back(Segment{0, 1440, State::onbekend, {}});
      return;
    }
    auto& cuts = scratch.cuts;
    cuts.clear();
    for (std::size_t i = 0; i < schedules_.size(); ++i) {
      day_timeline(schedules_[i].program(), day, parts_[i]);
      for (const auto& s : parts_[i].segments) cuts.push_back(s.from);
    }
    cuts.push_back(1440);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::vector<std::size_t> position(schedules_.size(), 0);
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
      const int minute = cuts[k];
      State best = State::gesloten;
      std::string_view comment;
      for (std::size_t i = 0; i < schedules_.size(); ++i) {
        const auto& segs = parts_[i].segments;
        while (segs[position[i]].to <= minute) ++position[i];
        const Segment& s = segs[position[i]];
        if (rank(s.state) > rank(best)) {
          best = s.state;
          comment = s.comment;
        }
      }
      append(out, minute, cuts[k + 1], best, comment);
    }
  }

 private:
  static int rank(State s) { return s == State::open ? 2 : (s == State::onbekend ? 1 : 0); }
  std::span<const Schedule> schedules_;
  std::vector<Scratch> parts_;
};

date::local_seconds at_minute(date::local_days day, int minute) {
  return date::local_seconds{day} + std::chrono::minutes{minute};
}

/// Fills `scratch` with the timeline of the local day of `at` and returns that day and the index of the
/// segment that holds `at`.
template <class Timeline>
std::pair<date::local_days, std::size_t> segment_at(Timeline& timeline, std::chrono::sys_seconds at, Scratch& scratch) {
  const date::local_seconds local = to_local(at);
  const date::local_days day = date::floor<date::days>(local);
  const int minute = static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(local - day).count());
  timeline(day, scratch);
  std::size_t index = 0;
  while (index + 1 < scratch.segments.size() && scratch.segments[index].to <= minute) ++index;
  return {day, index};
}

template <class Timeline>
State state_with(Timeline&& timeline, std::chrono::sys_seconds at) {
  Scratch scratch;
  const auto [day, index] = segment_at(timeline, at, scratch);
  return scratch.segments[index].state;
}

template <class Timeline>
Status evaluate_with(Timeline&& timeline, std::chrono::sys_seconds at) {
  Scratch scratch;
  auto [day, index] = segment_at(timeline, at, scratch);

  Status status;
  const Segment& current = scratch.segments[index];
  status.state = current.state;
  status.opmerking = std::string(current.comment);

  // Walk forward over the segments until the next opening (which comes after any state change).
  const State start_state = current.state;
  State previous = start_state;
  const date::local_days last_day = day + look_ahead;
  const std::chrono::sys_seconds limit = at + look_ahead;
  const std::chrono::sys_seconds not_before = at + std::chrono::seconds{1};
  ++index;
  while (true) {
    for (; index < scratch.segments.size(); ++index) {
      const Segment& s = scratch.segments[index];
      if (s.state == previous) continue;
      const std::chrono::sys_seconds instant = to_sys(at_minute(day, s.from), not_before);
      if (instant > limit) return status;
      if (!status.volgende_wijziging) {
        status.volgende_wijziging = instant;
        if (start_state == State::open) status.open_tot = instant;
      }
      if (s.state == State::open) {
        status.volgende_opening = instant;
        return status;
      }
      previous = s.state;
    }
    day += date::days{1};
    if (day > last_day) return status;
    timeline(day, scratch);
    index = 0;
  }
}

template <class Timeline>
std::vector<Slot> slots_with(Timeline&& timeline, std::chrono::sys_seconds from, std::chrono::seconds span) {
  std::vector<Slot> result;
  Scratch scratch;
  const std::chrono::sys_seconds end = from + span;
  const date::local_days first = date::floor<date::days>(to_local(from));
  const date::local_days last = date::floor<date::days>(to_local(end));
  std::chrono::sys_seconds previous = from - std::chrono::days{2};
  for (date::local_days day = first; day <= last; day += date::days{1}) {
    timeline(day, scratch);
    for (const Segment& s : scratch.segments) {
      if (s.state == State::gesloten) continue;
      std::chrono::sys_seconds b = to_sys(at_minute(day, s.from), previous);
      std::chrono::sys_seconds e = to_sys(at_minute(day, s.to), b);
      previous = e;
      b = std::max(b, from);
      e = std::min(e, end);
      if (b >= e) continue;
      if (!result.empty() && result.back().end == b && result.back().state == s.state &&
          result.back().opmerking == s.comment) {
        result.back().end = e;
      } else {
        result.push_back(Slot{b, e, s.state, std::string(s.comment)});
      }
    }
  }
  return result;
}

}  // namespace

std::string_view to_string(State state) noexcept {
  switch (state) {
    case State::open:
      return "open";
    case State::gesloten:
      return "gesloten";
    case State::onbekend:
      return "onbekend";
  }
  return "onbekend";
}

Status evaluate(const Schedule& schedule, std::chrono::sys_seconds at) {
  const Program& program = schedule.program();
  return evaluate_with([&](date::local_days day, Scratch& s) { day_timeline(program, day, s); }, at);
}

Status evaluate(std::span<const Schedule> schedules, std::chrono::sys_seconds at) {
  return evaluate_with(UnionTimeline{schedules}, at);
}

State state_at(const Schedule& schedule, std::chrono::sys_seconds at) {
  const Program& program = schedule.program();
  return state_with([&](date::local_days day, Scratch& s) { day_timeline(program, day, s); }, at);
}

State state_at(std::span<const Schedule> schedules, std::chrono::sys_seconds at) {
  return state_with(UnionTimeline{schedules}, at);
}

std::vector<Slot> slots(const Schedule& schedule, std::chrono::sys_seconds from, std::chrono::seconds span) {
  const Program& program = schedule.program();
  return slots_with([&](date::local_days day, Scratch& s) { day_timeline(program, day, s); }, from, span);
}

std::vector<Slot> slots(std::span<const Schedule> schedules, std::chrono::sys_seconds from, std::chrono::seconds span) {
  return slots_with(UnionTimeline{schedules}, from, span);
}

}  // namespace ido::hours
