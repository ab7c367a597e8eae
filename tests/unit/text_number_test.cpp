// Finite decimal numbers (text/number.hpp).
#include "text/number.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using ido::text::parse_finite;

TEST(TextNumber, ReadsDecimalsAndExponents) {
    EXPECT_EQ(parse_finite("52.1"), 52.1);
    EXPECT_EQ(parse_finite("-4"), -4.0);
    EXPECT_EQ(parse_finite("5e-1"), 0.5);
    EXPECT_EQ(parse_finite("0"), 0.0);
    EXPECT_EQ(parse_finite("4.8922"), 4.8922);
}

TEST(TextNumber, RefusesWhatIsNotAFiniteDecimal) {
    for (std::string bad : {"", "nan", "NaN", "inf", "-inf", "infinity", "0x1p3", "1e999", "+1", " 1", "1 ", "1,5", "1.2.3", "52.1abc", "e5"})
        EXPECT_FALSE(parse_finite(bad).has_value()) << bad;
}

}  // namespace
