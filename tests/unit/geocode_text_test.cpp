// The text rules on their own: UTF-8 validation, normalisation and edit distance (the CSV reader: text_csv_test.cpp).

#include "geo/geocode/text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using ido::geocode::bounded_edit_distance;
using ido::geocode::normalise;
using ido::geocode::TextProblem;
using ido::geocode::validate_text;

TEST(geocodeText, ValidUtf8Passes) {
    EXPECT_EQ(validate_text("Súdwest-Fryslân"), TextProblem::none);
    EXPECT_EQ(validate_text("’s-Hertogenbosch"), TextProblem::none);
    EXPECT_EQ(validate_text("Херенвен 斯內克 \xF0\x9F\x98\x80"), TextProblem::none);  // Cyrillic, CJK, emoji
    EXPECT_EQ(validate_text(""), TextProblem::none);
}

TEST(geocodeText, InvalidUtf8IsRefused) {
    for (const std::string bad : {"\xC3\x28", "\xFF", "\xFE", "\xC0\x80", "\xC1\xBF", "\xE0\x9F\xBF", "\xF0\x8F\xBF\xBF",
                                  "\xED\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xE2\x82", "\x80", "abc\xBF"}) {
        EXPECT_EQ(validate_text(bad), TextProblem::invalid_utf8) << testing::PrintToString(bad);
    }
}

TEST(geocodeText, ControlCharactersAreRefused) {
    EXPECT_EQ(validate_text(std::string("a\0b", 3)), TextProblem::control_char);
    EXPECT_EQ(validate_text("a\tb"), TextProblem::control_char);
    EXPECT_EQ(validate_text("a\rb"), TextProblem::control_char);
    EXPECT_EQ(validate_text("a\x1B[31m"), TextProblem::control_char);
    EXPECT_EQ(validate_text("a\x7F"), TextProblem::control_char);
    EXPECT_EQ(validate_text("a\xC2\x9F"), TextProblem::control_char);  // U+009F
    EXPECT_EQ(validate_text("a\xC2\xA0"), TextProblem::none);          // U+00A0 no-break space is fine
}

TEST(geocodeText, NormaliseFoldsCaseAccentsAndPunctuation) {
    EXPECT_EQ(normalise("Súdwest-Fryslân"), "sudwest fryslan");
    EXPECT_EQ(normalise("'s-Hertogenbosch"), "s hertogenbosch");
    EXPECT_EQ(normalise("’s-Hertogenbosch"), "s hertogenbosch");
    EXPECT_EQ(normalise("s-hertogenbosch"), "s hertogenbosch");
    EXPECT_EQ(normalise("  Den   Haag  "), "den haag");
    EXPECT_EQ(normalise("Bergen (NH.)"), "bergen nh");
    EXPECT_EQ(normalise("1e Exloërmond"), "1e exloermond");
    EXPECT_EQ(normalise("Tull en 't Waal"), "tull en t waal");
    EXPECT_EQ(normalise("ÀÉÎÕÜ çñ ß æ Œ"), "aeiou cn ss ae oe");
    EXPECT_EQ(normalise("Ĳsselstein"), "ijsselstein");
    EXPECT_EQ(normalise("Łódź"), "lodz");
    EXPECT_EQ(normalise("St. Michielsgestel"), "sint michielsgestel");
    EXPECT_EQ(normalise("Stad"), "stad");  // only the token "st" is expanded
    EXPECT_EQ(normalise("Den\xC2\xA0Haag"), "den haag");
    EXPECT_EQ(normalise("Херенвен"), "Херенвен");  // other scripts are kept as they are
    EXPECT_EQ(normalise("'-., "), "");
}

TEST(geocodeText, EditDistanceCountsTranspositionsOnce) {
    EXPECT_EQ(bounded_edit_distance("utrecht", "utrecht", 2), 0);
    EXPECT_EQ(bounded_edit_distance("utrect", "utrecht", 2), 1);
    EXPECT_EQ(bounded_edit_distance("groningne", "groningen", 2), 1);
    EXPECT_EQ(bounded_edit_distance("amsterdm", "amsterdam", 2), 1);
    EXPECT_EQ(bounded_edit_distance("kitten", "sitting", 3), 3);
    EXPECT_EQ(bounded_edit_distance("kitten", "sitting", 2), std::nullopt);
    EXPECT_EQ(bounded_edit_distance("a", "abcd", 2), std::nullopt);
    EXPECT_EQ(bounded_edit_distance("", "ab", 2), 2);
}

}  // namespace
