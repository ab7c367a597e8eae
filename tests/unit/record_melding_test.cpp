// The body rules of a report and of closing one (record/melding.hpp): every problem with its pointer and
// code, characters counted as code points, control characters refused, line breaks allowed.
#include "record/melding.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using ido::record::FieldProblems;

// The problems of a body, as "pointer code" strings.
std::vector<std::string> melding_problems(const std::string& json) {
    rapidjson::Document doc;
    doc.Parse(json.c_str(), json.size());
    EXPECT_FALSE(doc.HasParseError()) << json;
    FieldProblems problems;
    ido::record::validate_melding(doc, problems);
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(p.pointer + " " + p.code);
    return out;
}

std::vector<std::string> afsluiting_problems(const std::string& json) {
    rapidjson::Document doc;
    doc.Parse(json.c_str(), json.size());
    FieldProblems problems;
    ido::record::validate_afsluiting(doc, problems);
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(p.pointer + " " + p.code);
    return out;
}

std::string repeated(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

using Problems = std::vector<std::string>;

TEST(RecordMelding, EveryKindWithOrWithoutTextIsAReport) {
    for (const auto soort : ido::record::melding_soorten) {
        EXPECT_EQ(melding_problems(R"({"soort":")" + std::string(soort) + R"("})"), Problems{});
        EXPECT_EQ(melding_problems(R"({"soort":")" + std::string(soort) + R"(","toelichting":"Regel 1\nRegel 2\tmet tab"})"), Problems{});
    }
    EXPECT_EQ(melding_problems(R"({"soort":"anders","toelichting":null})"), Problems{});
}

TEST(RecordMelding, TheKindIsRequiredAndFromTheList) {
    EXPECT_EQ(melding_problems(R"({})"), Problems{"/soort ontbrekend-veld"});
    EXPECT_EQ(melding_problems(R"({"soort":"Adres"})"), Problems{"/soort ongeldige-waarde"});
    EXPECT_EQ(melding_problems(R"({"soort":1})"), Problems{"/soort ongeldige-waarde"});
}

TEST(RecordMelding, FiveHundredCharactersAreCountedAsCodePoints) {
    EXPECT_EQ(melding_problems(R"({"soort":"anders","toelichting":")" + repeated("a", 500) + R"("})"), Problems{});
    EXPECT_EQ(melding_problems(R"({"soort":"anders","toelichting":")" + repeated("a", 501) + R"("})"), Problems{"/toelichting ongeldige-waarde"});
    // 500 emoji are 2000 bytes and 500 characters.
    EXPECT_EQ(melding_problems(R"({"soort":"anders","toelichting":")" + repeated("\xF0\x9F\x98\x80", 500) + R"("})"), Problems{});
    EXPECT_EQ(melding_problems(R"({"soort":"anders","toelichting":")" + repeated("\xF0\x9F\x98\x80", 501) + R"("})"),
              Problems{"/toelichting ongeldige-waarde"});
}

TEST(RecordMelding, ControlCharactersUnknownFieldsAndOtherTypesAreRefused) {
    EXPECT_EQ(melding_problems(R"({"soort":"anders","toelichting":"a\u0000b"})"), Problems{"/toelichting ongeldige-waarde"});
    EXPECT_EQ(melding_problems(R"({"soort":"anders","toelichting":"a\u001bb"})"), Problems{"/toelichting ongeldige-waarde"});
    EXPECT_EQ(melding_problems(R"({"soort":"anders","toelichting":"a\u0085b"})"), Problems{"/toelichting ongeldige-waarde"});
    EXPECT_EQ(melding_problems(R"({"soort":"anders","toelichting":["x"]})"), Problems{"/toelichting ongeldige-waarde"});
    EXPECT_EQ(melding_problems(R"({"soort":"anders","email":"a@b.nl"})"), Problems{"/email onbekend-veld"});
}

TEST(RecordMelding, ClosingNeedsAClosingStatusAndAnAnswer) {
    EXPECT_EQ(afsluiting_problems(R"({"status":"afgehandeld","antwoord":"Aangepast"})"), Problems{});
    EXPECT_EQ(afsluiting_problems(R"({"status":"afgewezen","antwoord":"Klopt al"})"), Problems{});
    EXPECT_EQ(afsluiting_problems(R"({"status":"open","antwoord":"x"})"), Problems{"/status ongeldige-waarde"});
    EXPECT_EQ(afsluiting_problems(R"({"antwoord":"x"})"), Problems{"/status ontbrekend-veld"});
    EXPECT_EQ(afsluiting_problems(R"({"status":"afgehandeld"})"), Problems{"/antwoord ontbrekend-veld"});
    EXPECT_EQ(afsluiting_problems(R"({"status":"afgehandeld","antwoord":" \n "})"), Problems{"/antwoord ontbrekend-veld"});
    EXPECT_EQ(afsluiting_problems(R"({"status":"afgehandeld","antwoord":")" + repeated("a", 1001) + R"("})"), Problems{"/antwoord ongeldige-waarde"});
}

}  // namespace
