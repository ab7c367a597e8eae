#include "record/json_names.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace {

std::optional<std::string> repeated(const char* json) {
    rapidjson::Document d;
    d.Parse(json);
    EXPECT_FALSE(d.HasParseError()) << json;
    return ido::record::repeated_name(d);
}

TEST(RecordJsonNames, NamesTheFirstRepeatedMemberByItsPointer) {
    EXPECT_EQ(repeated(R"({"a":1,"b":{"a":2},"c":[{"a":1,"b":2}]})"), std::nullopt);
    EXPECT_EQ(repeated(R"({"a":1,"b":2,"a":3})"), "/a");
    EXPECT_EQ(repeated(R"({"a":{"x":1,"x":2}})"), "/a/x");
    EXPECT_EQ(repeated(R"({"s":[{"n":1},{"n":1,"n":2}]})"), "/s/1/n");
    // RFC 6901: '~' and '/' in a name are escaped; other text is shown as printable ASCII.
    EXPECT_EQ(repeated(R"({"a/b~":1,"a/b~":2})"), "/a~1b~0");
    // Breadth-first: the outer repetition is found before one nested deeper.
    EXPECT_EQ(repeated(R"({"z":{"q":1,"q":2},"y":1,"y":2})"), "/y");
    EXPECT_EQ(repeated("[1,2,3]"), std::nullopt);
}

TEST(RecordJsonNames, HereLooksAtTheObjectsOwnMembersOnly) {
    rapidjson::Document d;
    d.Parse(R"({"features":[{"a":1,"a":2}],"type":"x"})");
    EXPECT_EQ(ido::record::repeated_name_here(d), std::nullopt);
    d.Parse(R"({"features":[],"features":[]})");
    EXPECT_EQ(ido::record::repeated_name_here(d), "/features");
    d.Parse("[]");
    EXPECT_EQ(ido::record::repeated_name_here(d), std::nullopt);
}

TEST(RecordJsonNames, FindsTheRepetitionAmongManyMembers) {
    // 50 000 distinct names and one repeated at the end (an import file may hold such an object).
    std::string json = "{";
    for (int i = 0; i < 50000; ++i) json += "\"k" + std::to_string(i) + "\":0,";
    json += "\"k7\":1}";
    rapidjson::Document d;
    d.Parse(json.c_str());
    EXPECT_EQ(ido::record::repeated_name(d), "/k7");
}

}  // namespace
