#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "geo/hours/amsterdam_time.hpp"
#include "geo/hours/hours.hpp"

namespace {

using ido::hours::State;
using ido::hours::Status;

ido::hours::Schedule schedule(const std::string& expression) {
  auto result = ido::hours::parse(expression);
  if (auto* error = std::get_if<ido::hours::ParseError>(&result)) {
    ADD_FAILURE() << expression << ": " << error->message;
    return std::get<ido::hours::Schedule>(ido::hours::parse(""));
  }
  return std::get<ido::hours::Schedule>(result);
}

std::chrono::sys_seconds at(const char* rfc3339) { return ido::hours::parse_rfc3339(rfc3339).value(); }

std::string fmt(const std::optional<std::chrono::sys_seconds>& t) {
  return t ? ido::hours::format_amsterdam(*t) : std::string("-");
}

Status status(const std::string& expression, const char* when) { return ido::hours::evaluate(schedule(expression), at(when)); }

TEST(HoursEvaluate, WeekdayRangeOpenAndClosed) {
  const auto s = status("Mo-Fr 14:00-17:00; Sa 10:00-15:00", "2026-01-07T15:00:00+01:00");  // Wednesday
  EXPECT_EQ(s.state, State::open);
  EXPECT_EQ(fmt(s.open_tot), "2026-01-07T17:00:00+01:00");
  EXPECT_EQ(fmt(s.volgende_opening), "2026-01-08T14:00:00+01:00");
  const auto c = status("Mo-Fr 14:00-17:00; Sa 10:00-15:00", "2026-01-10T16:00:00+01:00");  // Saturday
  EXPECT_EQ(c.state, State::gesloten);
  EXPECT_FALSE(c.open_tot);
  EXPECT_EQ(fmt(c.volgende_opening), "2026-01-12T14:00:00+01:00");
  EXPECT_EQ(fmt(c.volgende_wijziging), "2026-01-12T14:00:00+01:00");
}

TEST(HoursEvaluate, EmptyExpressionIsUnknownNotClosed) {
  const auto s = status("", "2026-01-07T15:00:00+01:00");
  EXPECT_EQ(s.state, State::onbekend);
  EXPECT_FALSE(s.open_tot);
  EXPECT_FALSE(s.volgende_opening);
}

TEST(HoursEvaluate, LaterRuleOverridesTheWholeDay) {
  // We: only 12-14, not 10-20 as well.
  EXPECT_EQ(status("Mo-Fr 10:00-20:00; We 12:00-14:00", "2026-01-07T11:00:00+01:00").state, State::gesloten);
  EXPECT_EQ(status("Mo-Fr 10:00-20:00; We 12:00-14:00", "2026-01-07T13:00:00+01:00").state, State::open);
  // A closing rule with times only closes those times.
  EXPECT_EQ(status("Mo-Fr 09:00-17:00; We 12:00-13:00 off", "2026-01-07T11:00:00+01:00").state, State::open);
  EXPECT_EQ(status("Mo-Fr 09:00-17:00; We 12:00-13:00 off", "2026-01-07T12:30:00+01:00").state, State::gesloten);
}

TEST(HoursEvaluate, AdditionalRuleAddsInsteadOfOverriding) {
  EXPECT_EQ(status("Mo-Fr 10:00-12:00, We 14:00-16:00", "2026-01-07T11:00:00+01:00").state, State::open);
  EXPECT_EQ(status("Mo-Fr 10:00-12:00; We 14:00-16:00", "2026-01-07T11:00:00+01:00").state, State::gesloten);
}

TEST(HoursEvaluate, PublicHolidays) {
  // Koningsdag 2026 is Monday 27 April.
  const auto s = status("Mo[1] 10:00-12:00; Mo 14:00-16:00; PH off", "2026-04-27T15:00:00+02:00");
  EXPECT_EQ(s.state, State::gesloten);
  EXPECT_EQ(s.opmerking, "Koningsdag");
  // "Mo 14:00-16:00" overrides the whole Monday, also the first one: 14:00, not 10:00.
  EXPECT_EQ(fmt(s.volgende_opening), "2026-05-04T14:00:00+02:00");
  EXPECT_EQ(status("Mo 14:00-16:00; PH 10:00-12:00", "2026-04-27T11:00:00+02:00").state, State::open);
  EXPECT_EQ(status("Mo 14:00-16:00; PH 10:00-12:00", "2026-04-27T15:00:00+02:00").state, State::gesloten);
  // Eerste Kerstdag 2026 is a Friday, Tweede Kerstdag a Saturday.
  EXPECT_EQ(status("Mo-Sa 10:00-17:00; PH off", "2026-12-26T11:00:00+01:00").state, State::gesloten);
  EXPECT_EQ(status("Mo-Sa 10:00-17:00; PH off", "2026-12-28T11:00:00+01:00").state, State::open);
  // Easter Sunday is not in the PH calendar (see docs); Easter Monday is.
  EXPECT_EQ(status("Su 10:00-12:00; PH off", "2026-04-05T11:00:00+02:00").state, State::open);
  EXPECT_EQ(status("Mo 10:00-12:00; PH off", "2026-04-06T11:00:00+02:00").state, State::gesloten);
}

TEST(HoursEvaluate, OddWeeksAcrossTheYearBoundaryWithWeek53) {
  // 2026 has ISO week 53 (Mon 28 Dec 2026 .. Sun 3 Jan 2027); week 1 of 2027 follows (4..10 Jan).
  // Both are odd, so a fortnightly "odd weeks" schedule opens two weeks running.
  const std::string e = "week 1-53/2 Th 14:00-16:00; PH off";
  EXPECT_EQ(status(e, "2026-12-17T15:00:00+01:00").state, State::open);      // week 51
  EXPECT_EQ(status(e, "2026-12-24T15:00:00+01:00").state, State::gesloten);  // week 52
  EXPECT_EQ(status(e, "2026-12-31T15:00:00+01:00").state, State::open);      // week 53
  EXPECT_EQ(status(e, "2027-01-07T15:00:00+01:00").state, State::open);      // week 1
  EXPECT_EQ(status(e, "2027-01-14T15:00:00+01:00").state, State::gesloten);  // week 2
  const auto s = status(e, "2026-12-28T09:00:00+01:00");
  EXPECT_EQ(fmt(s.volgende_opening), "2026-12-31T14:00:00+01:00");
  const auto t = status(e, "2026-12-31T16:00:00+01:00");
  EXPECT_EQ(fmt(t.volgende_opening), "2027-01-07T14:00:00+01:00");
  const auto u = status(e, "2027-01-07T16:00:00+01:00");
  EXPECT_EQ(fmt(u.volgende_opening), "2027-01-21T14:00:00+01:00");
}

TEST(HoursEvaluate, LastWeekdayOfTheMonth) {
  const std::string e = "Mo[-1] 10:00-12:00";
  EXPECT_EQ(status(e, "2026-08-31T11:00:00+02:00").state, State::open);      // last Monday of August
  EXPECT_EQ(status(e, "2026-08-24T11:00:00+02:00").state, State::gesloten);
  const auto s = status(e, "2026-09-01T11:00:00+02:00");
  EXPECT_EQ(fmt(s.volgende_opening), "2026-09-28T10:00:00+02:00");
  EXPECT_EQ(fmt(status("Mo[1] 10:00-12:00", "2026-09-08T11:00:00+02:00").volgende_opening), "2026-10-05T10:00:00+02:00");
}

TEST(HoursEvaluate, RangesPastMidnight) {
  const std::string e = "Fr 22:00-02:00";
  const auto s = status(e, "2026-01-09T23:00:00+01:00");
  EXPECT_EQ(s.state, State::open);
  EXPECT_EQ(fmt(s.open_tot), "2026-01-10T02:00:00+01:00");
  EXPECT_EQ(status(e, "2026-01-10T01:59:00+01:00").state, State::open);
  EXPECT_EQ(status(e, "2026-01-10T02:00:00+01:00").state, State::gesloten);
  EXPECT_EQ(status(e, "2026-01-09T01:00:00+01:00").state, State::gesloten);  // Friday night-early is Thursday's
  // Back-to-back ranges over midnight are one open period.
  const auto m = status("Fr 20:00-24:00; Sa 00:00-03:00", "2026-01-09T21:00:00+01:00");
  EXPECT_EQ(fmt(m.open_tot), "2026-01-10T03:00:00+01:00");
  EXPECT_EQ(fmt(status("Mo 10:00-26:00", "2026-01-05T11:00:00+01:00").open_tot), "2026-01-06T02:00:00+01:00");
  // A later rule for Saturday overrides the part after midnight too (as the reference does).
  EXPECT_EQ(status("Fr 22:00-02:00; Sa 10:00-12:00", "2026-01-10T01:00:00+01:00").state, State::gesloten);
}

TEST(HoursEvaluate, FallbackRule) {
  const std::string e = "Mo-Fr 10:00-12:00; PH off || \"op afspraak\"";
  const auto open = status(e, "2026-01-07T11:00:00+01:00");
  EXPECT_EQ(open.state, State::open);
  const auto other = status(e, "2026-01-07T13:00:00+01:00");
  EXPECT_EQ(other.state, State::onbekend);
  EXPECT_EQ(other.opmerking, "op afspraak");
  EXPECT_EQ(fmt(other.volgende_opening), "2026-01-08T10:00:00+01:00");
}

TEST(HoursEvaluate, CommentsAndUnknown) {
  // Without an explicit modifier a comment makes the rule unknown, as in the reference.
  const auto s = status("Tu 10:00-12:00 \"op afspraak\"", "2026-01-06T11:00:00+01:00");
  EXPECT_EQ(s.state, State::onbekend);
  EXPECT_EQ(s.opmerking, "op afspraak");
  const auto o = status("Tu 10:00-12:00 open \"inloop\"", "2026-01-06T11:00:00+01:00");
  EXPECT_EQ(o.state, State::open);
  EXPECT_EQ(o.opmerking, "inloop");
  EXPECT_EQ(status("Mo-Fr unknown", "2026-01-06T11:00:00+01:00").state, State::onbekend);
}

TEST(HoursEvaluate, DatesMonthsAndYears) {
  const std::string e = "Mo-Fr 10:00-17:00; Jul 14-Aug 25 off";
  EXPECT_EQ(status(e, "2026-07-13T11:00:00+02:00").state, State::open);
  EXPECT_EQ(status(e, "2026-07-14T11:00:00+02:00").state, State::gesloten);
  EXPECT_EQ(status(e, "2026-08-25T11:00:00+02:00").state, State::gesloten);
  EXPECT_EQ(status(e, "2026-08-26T11:00:00+02:00").state, State::open);
  EXPECT_EQ(fmt(status(e, "2026-07-20T11:00:00+02:00").volgende_opening), "2026-08-26T10:00:00+02:00");
  const std::string y = "Mo-Fr 09:00-17:00; 2026 Dec 24 10:00-13:00";
  EXPECT_EQ(status(y, "2026-12-24T09:30:00+01:00").state, State::gesloten);
  EXPECT_EQ(status(y, "2026-12-24T12:00:00+01:00").state, State::open);
  EXPECT_EQ(status(y, "2027-12-24T09:30:00+01:00").state, State::open);
  EXPECT_EQ(status("Dec 20-Jan 05 off; Mo-Su 10:00-12:00", "2027-01-03T11:00:00+01:00").state, State::open);
  EXPECT_EQ(status("Mo-Su 10:00-12:00; Dec 20-Jan 05 off", "2027-01-03T11:00:00+01:00").state, State::gesloten);
  EXPECT_EQ(status("Mo-Su 10:00-12:00; Dec 20-Jan 05 off", "2027-01-06T11:00:00+01:00").state, State::open);
  EXPECT_EQ(status("Jul-Aug Mo 10:00-12:00", "2026-08-31T11:00:00+02:00").state, State::open);
  EXPECT_EQ(status("Jul-Aug Mo 10:00-12:00", "2026-09-07T11:00:00+02:00").state, State::gesloten);
}

TEST(HoursEvaluate, AlwaysOpen) {
  const auto s = status("24/7", "2026-01-06T11:00:00+01:00");
  EXPECT_EQ(s.state, State::open);
  EXPECT_FALSE(s.open_tot);  // beyond the look-ahead
  const auto p = status("24/7; PH off", "2026-12-24T11:00:00+01:00");
  EXPECT_EQ(fmt(p.open_tot), "2026-12-25T00:00:00+01:00");
  EXPECT_EQ(fmt(p.volgende_opening), "2026-12-27T00:00:00+01:00");
}

TEST(HoursEvaluate, SpringForwardDay) {
  // 2026-03-29 (Sunday): the clock jumps from 02:00 to 03:00.
  const std::string e = "Sa 22:00-04:00";
  const auto s = status(e, "2026-03-29T01:30:00+01:00");
  EXPECT_EQ(s.state, State::open);
  EXPECT_EQ(fmt(s.open_tot), "2026-03-29T04:00:00+02:00");  // five hours after 22:00, not six
  const auto closes_in_gap = status("Sa 22:00-02:30", "2026-03-29T01:30:00+01:00");
  EXPECT_EQ(fmt(closes_in_gap.open_tot), "2026-03-29T03:00:00+02:00");
  const auto opening = status("Su 10:00-12:00", "2026-03-29T01:30:00+01:00");
  EXPECT_EQ(fmt(opening.volgende_opening), "2026-03-29T10:00:00+02:00");
  EXPECT_EQ(status("Su 10:00-12:00", "2026-03-29T10:30:00+02:00").state, State::open);
}

TEST(HoursEvaluate, MondayAfterSpringForwardIsNotSaturdayNight) {
  // Documented difference from opening_hours.js, which finds "yesterday" by going back 24 hours and so
  // lands on Saturday 23:xx for Monday 00:00-01:00 after the spring-forward Sunday.
  const std::string e = "Sa 21:00-01:30";
  EXPECT_EQ(status(e, "2026-03-30T00:30:00+02:00").state, State::gesloten);
  const auto s = status(e, "2026-03-29T12:00:00+02:00");
  EXPECT_EQ(fmt(s.volgende_wijziging), "2026-04-04T21:00:00+02:00");
}

TEST(HoursEvaluate, AutumnBackDay) {
  // 2026-10-25 (Sunday): 03:00 CEST becomes 02:00 CET; 02:30 happens twice.
  const std::string e = "Sa 22:00-02:30";
  const auto first = ido::hours::evaluate(schedule(e), at("2026-10-25T02:10:00+02:00"));
  EXPECT_EQ(first.state, State::open);
  EXPECT_EQ(fmt(first.open_tot), "2026-10-25T02:30:00+02:00");
  // In the second 02:10 the wall clock again says before 02:30: open again until the second 02:30.
  const auto second = ido::hours::evaluate(schedule(e), at("2026-10-25T02:10:00+01:00"));
  EXPECT_EQ(second.state, State::open);
  EXPECT_EQ(fmt(second.open_tot), "2026-10-25T02:30:00+01:00");
  const auto day = status("Su 10:00-12:00", "2026-10-25T09:00:00+01:00");
  EXPECT_EQ(fmt(day.volgende_opening), "2026-10-25T10:00:00+01:00");
}

TEST(HoursSlots, NextFourteenDays) {
  const auto list = ido::hours::slots(schedule("Mo 14:00-16:00; We 10:00-12:00; PH off"), at("2026-04-24T00:00:00+02:00"));
  std::vector<std::string> got;
  for (const auto& s : list) got.push_back(fmt(s.begin) + "/" + fmt(s.end));
  // Mo 27 April is Koningsdag.
  EXPECT_EQ(got, (std::vector<std::string>{
                     "2026-04-29T10:00:00+02:00/2026-04-29T12:00:00+02:00",
                     "2026-05-04T14:00:00+02:00/2026-05-04T16:00:00+02:00",
                     "2026-05-06T10:00:00+02:00/2026-05-06T12:00:00+02:00",
                 }));
}

TEST(HoursSlots, MergedOverMidnightAndClipped) {
  const auto list = ido::hours::slots(schedule("Fr 20:00-24:00; Sa 00:00-03:00 open \"nacht\""),
                                      at("2026-01-09T21:00:00+01:00"), std::chrono::days{1});
  ASSERT_EQ(list.size(), 2U);
  EXPECT_EQ(fmt(list[0].begin), "2026-01-09T21:00:00+01:00");  // clipped to the window
  EXPECT_EQ(fmt(list[0].end), "2026-01-10T00:00:00+01:00");
  EXPECT_EQ(list[1].opmerking, "nacht");
  const auto merged = ido::hours::slots(schedule("Fr 20:00-03:00"), at("2026-01-09T00:00:00+01:00"), std::chrono::days{2});
  ASSERT_EQ(merged.size(), 1U);
  EXPECT_EQ(fmt(merged[0].end), "2026-01-10T03:00:00+01:00");
}

TEST(HoursUnion, SeveralSpreekurenTogether) {
  const std::vector<ido::hours::Schedule> parts{schedule("Mo 10:00-12:00"), schedule("Mo 11:00-13:00; PH off"),
                                                schedule("We 10:00-12:00 \"op afspraak\"")};
  const auto s = ido::hours::evaluate(parts, at("2026-01-05T10:30:00+01:00"));
  EXPECT_EQ(s.state, State::open);
  EXPECT_EQ(fmt(s.open_tot), "2026-01-05T13:00:00+01:00");
  const auto w = ido::hours::evaluate(parts, at("2026-01-07T10:30:00+01:00"));
  EXPECT_EQ(w.state, State::onbekend);
  EXPECT_EQ(w.opmerking, "op afspraak");
  EXPECT_EQ(ido::hours::evaluate(std::span<const ido::hours::Schedule>{}, at("2026-01-07T10:30:00+01:00")).state,
            State::onbekend);
  EXPECT_EQ(ido::hours::slots(parts, at("2026-01-05T00:00:00+01:00"), std::chrono::days{7}).size(), 2U);
}

// state_at reads one day where evaluate walks ahead; both must give the same state at every instant,
// also across midnight, on the days the clocks change, on holidays and for the union of spreekuren.
TEST(HoursStateAt, EqualsTheStateOfEvaluate) {
  const std::vector<std::string> expressions{
      "Mo-Fr 09:00-17:00; PH off", "Fr 20:00-03:00 \"nacht\"", "24/7", "off", "",
      "Tu 10:00-12:00 \"op afspraak\"", "Mo-Fr 09:00-12:00; We off || \"op afspraak\"",
      "week 1-53/2 Th 14:00-16:00; PH off", "Mo[1] 13:00-15:00", "Su 01:30-03:30", "2026 Dec 24 10:00-13:00",
      "Jul 14-Aug 25 off; Mo-Sa 10:00-16:00", "Sa 23:00-24:00; Su 00:00-02:00", "PH 10:00-12:00"};
  std::vector<ido::hours::Schedule> all;
  for (const auto& e : expressions) all.push_back(schedule(e));
  // Every 7 minutes over three stretches: the autumn and spring clock changes and Christmas to New Year.
  const std::vector<const char*> starts{"2026-10-23T00:00:00+02:00", "2026-03-27T00:00:00+01:00",
                                        "2026-12-23T00:00:00+01:00"};
  int compared = 0;
  for (const char* start : starts) {
    for (auto t = at(start), end = at(start) + std::chrono::days{5}; t < end; t += std::chrono::minutes{7}) {
      for (std::size_t i = 0; i < all.size(); ++i) {
        ASSERT_EQ(ido::hours::state_at(all[i], t), ido::hours::evaluate(all[i], t).state)
            << expressions[i] << " at " << ido::hours::format_amsterdam(t);
        ++compared;
      }
      const std::span<const ido::hours::Schedule> pair(all.data() + 1, 2), mixed(all.data() + 5, 3);
      ASSERT_EQ(ido::hours::state_at(pair, t), ido::hours::evaluate(pair, t).state) << ido::hours::format_amsterdam(t);
      ASSERT_EQ(ido::hours::state_at(mixed, t), ido::hours::evaluate(mixed, t).state) << ido::hours::format_amsterdam(t);
    }
  }
  EXPECT_GT(compared, 40000);
  EXPECT_EQ(ido::hours::state_at(std::span<const ido::hours::Schedule>{}, at("2026-01-07T10:30:00+01:00")), State::onbekend);
}

TEST(HoursEvaluate, SchedulesAreSharedAndUsableFromSeveralThreads) {
  const auto s = schedule("week 1-53/2 Th 14:00-16:00; PH off");
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, copy = s] {
      for (int k = 0; k < 200; ++k) {
        if (ido::hours::evaluate(copy, at("2026-12-31T15:00:00+01:00")).state != State::open) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
