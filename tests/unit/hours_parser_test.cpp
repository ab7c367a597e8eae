#include <gtest/gtest.h>

#include <string>

#include "geo/hours/hours.hpp"

namespace {

using ido::hours::ParseError;
using ido::hours::Schedule;

::testing::AssertionResult accepts(const std::string& expression) {
  const auto result = ido::hours::parse(expression);
  if (const auto* error = std::get_if<ParseError>(&result)) {
    return ::testing::AssertionFailure() << '"' << expression << "\" refused at " << error->position << ": "
                                         << error->message;
  }
  return ::testing::AssertionSuccess();
}

/// Refused, with the error at `position`.
::testing::AssertionResult refuses(const std::string& expression, std::size_t position) {
  const auto result = ido::hours::parse(expression);
  const auto* error = std::get_if<ParseError>(&result);
  if (error == nullptr) return ::testing::AssertionFailure() << '"' << expression << "\" was accepted";
  if (error->position != position) {
    return ::testing::AssertionFailure() << '"' << expression << "\" refused at " << error->position
                                         << " instead of " << position << ": " << error->message;
  }
  if (error->message.empty()) return ::testing::AssertionFailure() << "empty message";
  return ::testing::AssertionSuccess();
}

TEST(HoursParser, AcceptsTheSupportedSubset) {
  for (const char* e : {
           "Mo-Fr 09:00-17:00", "Tu,Th 10:00-12:00", "Mo 09:00-12:00,13:00-17:00", "Fr 22:00-02:00",
           "Sa 20:00-24:00", "Mo 10:00-26:00", "Tu 10:00-10:00", "Su off", "Su closed", "PH off",
           "PH 10:00-12:00", "Sa,PH 10:00-12:00", "PH,Su off", "week 1-53/2 Th 14:00-16:00", "week 02-52/2 Mo 10:00-11:00",
           "week 1,3,5 Mo 10:00-11:00", "week 53 off", "Mo[1] 10:00-12:00", "Mo[-1] 10:00-12:00",
           "Tu[1,3] 10:00-12:00", "We[1-2] 10:00-12:00", "Jul 14-Aug 25 off", "Jul-Aug Mo-Fr 10:00-12:00",
           "Nov-Feb Sa 10:00-12:00", "Dec 24-26 off", "Dec 20-Jan 05 off", "Jan 6 off", "Feb 29 off",
           "2026 Dec 24 10:00-13:00", "2026 Dec 24-2027 Jan 02 off", "2026 Jul-Aug off", "2026-2027 Mo 10:00-12:00",
           "Tu 10:00-12:00 \"op afspraak\"", "Tu 10:00-12:00 open \"inloop\"", "\"op afspraak\"",
           "Mo 14:00-16:00; We 10:00-12:00", "Mo 10:00-12:00, We 14:00-16:00",
           "Mo-Fr 10:00-12:00 || \"op afspraak\"", "Mo-Fr 09:00-17:00; PH off || unknown", "24/7", "24/7; PH off",
           "Mo-Fr 09:00-17:00;", "  Mo - Fr  09:00 - 17:00 ; Sa 10:00-12:00  ", "Mo 9:30-12:30", "Mo-Fr unknown",
           "Sa-Mo 10:00-12:00", "Jun Fr[1] 10:00-12:00", "Jul-Aug Fr[3] 10:00-12:00",
           "Sa-Su 08:00-10:00, 2026 Dec 24 10:00-13:00", "Mo-Fr 09:00-17:00; We 12:00-13:00 off", "2026 Feb 29 off"}) {
    // "2026 Feb 29" does not exist; checked separately below.
    if (std::string(e) == "2026 Feb 29 off") continue;
    EXPECT_TRUE(accepts(e));
  }
  EXPECT_TRUE(accepts("2028 Feb 29 off"));
}

TEST(HoursParser, EmptyExpressionIsUnknownHours) {
  for (const char* e : {"", "   "}) {
    const auto result = ido::hours::parse(e);
    ASSERT_TRUE(std::holds_alternative<Schedule>(result));
    EXPECT_TRUE(std::get<Schedule>(result).unknown_hours());
  }
}

TEST(HoursParser, RefusesImpossibleValuesWithTheirPosition) {
  EXPECT_TRUE(refuses("Feb 30", 4));
  EXPECT_TRUE(refuses("Apr 31 off", 4));
  EXPECT_TRUE(refuses("2026 Feb 29 off", 9));
  EXPECT_TRUE(refuses("Dec 0 off", 4));
  EXPECT_TRUE(refuses("week 0 Mo 10:00-12:00", 5));
  EXPECT_TRUE(refuses("week 54 Mo 10:00-12:00", 5));
  EXPECT_TRUE(refuses("week 1-54/2", 7));
  EXPECT_TRUE(refuses("week 10-5", 8));
  EXPECT_TRUE(refuses("week 1-53/1", 10));
  EXPECT_TRUE(refuses("Mo 25:00-26:00", 3));
  EXPECT_TRUE(refuses("Mo 24:00-26:00", 3));
  EXPECT_TRUE(refuses("Mo 10:00-49:00", 9));
  EXPECT_TRUE(refuses("Mo 10:60-12:00", 6));
  EXPECT_TRUE(refuses("Mo[0] 10:00-12:00", 3));
  EXPECT_TRUE(refuses("Mo[6] 10:00-12:00", 3));
  EXPECT_TRUE(refuses("2027-2026 off", 5));
  EXPECT_TRUE(refuses("2026 Dec 24-2026 Dec 20 off", 12));
}

TEST(HoursParser, RefusesSyntaxOutsideTheSubset) {
  EXPECT_TRUE(refuses("Mo-Fr sunrise-sunset", 6));
  EXPECT_TRUE(refuses("Mo 10:00-sunset", 9));
  EXPECT_TRUE(refuses("Mo 10:00+", 8));
  EXPECT_TRUE(refuses("Mo 10:00", 8));
  EXPECT_TRUE(refuses("Mo 09-18", 3));
  EXPECT_TRUE(refuses("SH off", 0));
  EXPECT_TRUE(refuses("easter off", 0));
  EXPECT_TRUE(refuses("mo-fr 10:00-12:00", 0));
  EXPECT_TRUE(refuses("Mon 10:00-12:00", 0));
  EXPECT_TRUE(refuses("Mo-Fr[1] 10:00-12:00", 5));
  EXPECT_TRUE(refuses("PH Mo-Fr off", 3));
  EXPECT_TRUE(refuses("PH +1 day off", 3));
  EXPECT_TRUE(refuses("Mo 10:00-12:00 off open", 19));
  EXPECT_TRUE(refuses("Mo 10:00-12:00 \"a\" \"b\"", 19));
  EXPECT_TRUE(refuses("Mo 10:00-12:00 \"open", 15));
  EXPECT_TRUE(refuses("Mo 10:00-12:00;; Tu 10:00-12:00", 15));
  EXPECT_TRUE(refuses("Mo 10:00-12:00 ||", 17));
  EXPECT_TRUE(refuses("Mo 10:00-12:00,", 15));
  EXPECT_TRUE(refuses("Jul 14-Aug off", 7));
  EXPECT_TRUE(refuses("2026 Dec 20-Jan 05 off", 12));
  EXPECT_TRUE(refuses("Dec 24,26 off", 7));
  EXPECT_TRUE(refuses("Mo 10:00-12:00 # x", 15));
  EXPECT_TRUE(refuses("Jan-Mar/2 off", 7));
  EXPECT_TRUE(refuses("2026+ off", 4));
}

TEST(HoursParser, ErrorMessageNamesThePosition) {
  const auto result = ido::hours::parse("Mo 10:00-12:00 @");
  const auto& error = std::get<ParseError>(result);
  EXPECT_EQ(error.position, 15U);
  EXPECT_NE(error.message.find("15"), std::string::npos) << error.message;
}

}  // namespace
