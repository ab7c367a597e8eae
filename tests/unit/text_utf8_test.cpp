// UTF-8 validation (text/utf8.hpp): RFC 3629 with and without control characters.
#include "text/utf8.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using ido::text::invalid_utf8_offsets;
using ido::text::is_clean_utf8;
using ido::text::is_utf8;

TEST(TextUtf8, CleanRefusesMalformedAndControls) {
    EXPECT_TRUE(is_clean_utf8("S\xC3\xBA" "dwest-Frysl\xC3\xA2n"));
    EXPECT_TRUE(is_clean_utf8("\xF0\x9F\x98\x80"));    // U+1F600
    EXPECT_FALSE(is_clean_utf8("\xC3\x28"));          // bad continuation
    EXPECT_FALSE(is_clean_utf8("\xFF"));
    EXPECT_FALSE(is_clean_utf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(is_clean_utf8("\xE0\x80\xAF"));      // overlong, three bytes
    EXPECT_FALSE(is_clean_utf8("\xED\xA0\x80"));      // surrogate
    EXPECT_FALSE(is_clean_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    EXPECT_FALSE(is_clean_utf8("\xE2\x82"));          // truncated
    EXPECT_FALSE(is_clean_utf8(std::string("a\0b", 3)));
    EXPECT_FALSE(is_clean_utf8("a\tb"));
    EXPECT_FALSE(is_clean_utf8("a\x7F"));
    EXPECT_FALSE(is_clean_utf8("\xC2\x85"));          // C1 control NEL
}

TEST(TextUtf8, PlainUtf8AllowsControls) {
    EXPECT_TRUE(is_utf8("regel 1\r\nregel 2\t\xC2\x85"));
    EXPECT_FALSE(is_utf8("caf\xE9"));                 // Latin-1
    EXPECT_FALSE(is_utf8("\xED\xBF\xBF"));
}

TEST(TextUtf8, OffsetsOfEveryBadSequenceUpToALimit) {
    EXPECT_EQ(invalid_utf8_offsets("a\xE9" "b\xC3\xA9\xFF", 10), (std::vector<std::size_t>{1, 5}));
    EXPECT_EQ(invalid_utf8_offsets("\xFF\xFF\xFF", 2), (std::vector<std::size_t>{0, 1}));
    EXPECT_TRUE(invalid_utf8_offsets("", 10).empty());
}

TEST(TextUtf8, PrintableEchoesAsciiOnly) {
    EXPECT_EQ(ido::text::printable("caf\xC3\xA9"), "caf??");
    EXPECT_EQ(ido::text::printable("abcdef", 3), "abc...");
}

}  // namespace
