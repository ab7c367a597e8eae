// The CSV reader and writer (text/csv.hpp): RFC 4180 quoting, strict errors for data files, and the
// formula neutralisation that write -> read undoes for every string.
#include "text/csv.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace {

using ido::text::CsvCells;
using ido::text::CsvTable;
using ido::text::CsvWriter;
using ido::text::neutralise_formula;
using ido::text::parse_csv;
using ido::text::restore_formula;

TEST(TextCsv, QuotedFieldsWithCommasQuotesAndNewlines) {
    const auto t = CsvTable::parse("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\n");
    ASSERT_TRUE(t.has_value());
    ASSERT_EQ(t->rows().size(), 2u);
    EXPECT_EQ(t->rows()[0][1], "x, y");
    EXPECT_EQ(t->rows()[0][2], "say \"hi\"");
    EXPECT_EQ(t->rows()[1][1], "two\nlines");
    EXPECT_EQ(t->rows()[1][2], "");
    EXPECT_EQ(t->column("c"), 2u);
    EXPECT_EQ(t->column("d"), std::nullopt);
}

TEST(TextCsv, CrLfAndNoFinalNewline) {
    const auto t = CsvTable::parse("a,b\r\n1,2\r\n3,4");
    ASSERT_TRUE(t.has_value());
    ASSERT_EQ(t->rows().size(), 2u);
    EXPECT_EQ(t->rows()[1][1], "4");
}

TEST(TextCsv, MalformedInputIsAnErrorNotAGuess) {
    std::string error;
    EXPECT_FALSE(CsvTable::parse("a,b\n1,\"open\n", &error).has_value());
    EXPECT_NE(error.find("never closed"), std::string::npos);
    EXPECT_FALSE(CsvTable::parse("a,b\n1,2,3\n", &error).has_value());
    EXPECT_NE(error.find("fields"), std::string::npos);
    EXPECT_FALSE(CsvTable::parse("", &error).has_value());
}

TEST(TextCsv, ReaderGivesRowNumbersAndFlagsStrayQuotes) {
    const auto parsed = parse_csv("a,b\n\"x\ny\",1\nz\"q,2\n");
    ASSERT_FALSE(parsed.unclosed_row);
    ASSERT_EQ(parsed.records.size(), 3u);
    EXPECT_EQ(parsed.records[1].row, 2u);  // a record, not a line: the quoted line break does not count
    EXPECT_EQ(parsed.records[2].row, 3u);
    EXPECT_FALSE(parsed.records[1].malformed);
    EXPECT_TRUE(parsed.records[2].malformed);
    EXPECT_EQ(parse_csv("a\n\"open\n").unclosed_row, 2u);
    std::string error;
    EXPECT_FALSE(CsvTable::parse("a,b\n1,x\"y\n", &error).has_value());
    EXPECT_NE(error.find("quote"), std::string::npos);
}

TEST(TextCsv, ByteOrderMarkIsSkipped) {
    const auto t = CsvTable::parse("\xEF\xBB\xBFid,naam\r\n1,a\r\n");
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(t->column("id"), 0u);
}

TEST(TextCsv, WriterQuotesAndEndsRecordsWithCrLf) {
    CsvWriter w;
    w.row({"id", "naam"});
    w.row({"1", "Bieb \"De Hoek\", Zuid"});
    w.row({"2", "twee\nregels"});
    EXPECT_EQ(w.text(), "\xEF\xBB\xBFid,naam\r\n1,\"Bieb \"\"De Hoek\"\", Zuid\"\r\n2,\"twee\nregels\"\r\n");
}

// OWASP "CSV injection": every trigger gets a leading quote, also behind quotes that are already there;
// a quote before anything else is left alone.
TEST(TextCsv, FormulasAreNeutralised) {
    for (std::string trigger : {"=", "+", "-", "@", "\t", "\r"}) {
        for (std::string cell : {trigger + "1+1", "'" + trigger + "1", "''" + trigger}) {
            EXPECT_EQ(neutralise_formula(cell), "'" + cell) << testing::PrintToString(cell);
            EXPECT_EQ(restore_formula(neutralise_formula(cell)), cell);
        }
    }
    for (std::string plain : {"", "Bieb", "1=1", " =1", "52.37", "[{\"naam\":1}]", "'s-Gravenhage", "'", "''", "'a=1"}) {
        EXPECT_EQ(neutralise_formula(plain), plain) << plain;
        EXPECT_EQ(restore_formula(plain), plain) << plain;
    }
    CsvWriter w;
    w.row({R"x(=HYPERLINK("http://example.org","klik"))x"});
    EXPECT_EQ(w.text(), std::string(ido::text::utf8_bom) + R"x("'=HYPERLINK(""http://example.org"",""klik"")")x" + "\r\n");
    // Read as written, the neutralised cell is text a spreadsheet shows, not a formula it runs.
    EXPECT_EQ(parse_csv(w.text()).records[0].cells[0], R"x('=HYPERLINK("http://example.org","klik"))x");
    EXPECT_EQ(parse_csv(w.text(), CsvCells::restore_formulas).records[0].cells[0], R"x(=HYPERLINK("http://example.org","klik"))x");
}

// write -> read (restoring formulas) gives back every string: random cells over an alphabet of the
// characters that matter (triggers, the escape, quotes, separators, line breaks, UTF-8), many of them
// starting with a trigger or with "'".
TEST(TextCsv, WriteThenReadIsTheIdentity) {
    const std::vector<std::string> alphabet{"=", "+", "-", "@", "\t", "\r", "\n", "'", "\"", ",", ";", " ", "a", "Z", "0",
                                            "\xC3\xA9", "\xE2\x82\xAC", "\r\n"};
    std::mt19937 random(20261201);
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1), length(0, 12), cells(1, 5);
    std::size_t with_trigger = 0, with_quote = 0, quoted_trigger = 0;
    for (int round = 0; round < 5000; ++round) {
        std::vector<std::string> row(cells(random));
        for (auto& cell : row) {
            const std::size_t n = length(random);
            for (std::size_t i = 0; i < n; ++i) cell += alphabet[pick(random)];
            if (!cell.empty() && std::string("=+-@\t\r").find(cell.front()) != std::string::npos) ++with_trigger;
            if (cell.starts_with('\'')) ++with_quote;
            if (cell.size() > 1 && cell[0] == '\'' && std::string("=+-@\t\r").find(cell[1]) != std::string::npos) ++quoted_trigger;
        }
        // A row of one empty cell is an empty line, which reads as a record of one empty cell too.
        CsvWriter w;
        w.row(row);
        const auto parsed = parse_csv(w.text(), CsvCells::restore_formulas);
        ASSERT_FALSE(parsed.unclosed_row) << testing::PrintToString(row);
        ASSERT_EQ(parsed.records.size(), 1u) << testing::PrintToString(row);
        ASSERT_FALSE(parsed.records[0].malformed) << testing::PrintToString(row);
        ASSERT_EQ(parsed.records[0].cells, row) << testing::PrintToString(w.text());
    }
    // The generator really produced the interesting cases.
    EXPECT_GT(with_trigger, 1000u);
    EXPECT_GT(with_quote, 200u);
    EXPECT_GT(quoted_trigger, 100u);
}

}  // namespace
