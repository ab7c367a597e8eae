// Reading a PDOK Locatieserver `free` answer (service/pdok/locatieserver.hpp). The answers are the
// stand-in's files (tests/pdok/README.md says where they come from) and hand-made broken ones.

#include "service/pdok/locatieserver.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace {

using ido::service::pdok::parse_free_answer;

std::string fixture(const char* name) {
    std::ifstream in(std::string(IDO_SOURCE_DIR) + "/tests/pdok/antwoorden/" + name);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(PdokAnswer, ReadsTheFirstDocWithACentroid) {
    const auto place = parse_free_answer(fixture("koolmees_1_nieuwegein.json"));
    ASSERT_TRUE(place.has_value());
    EXPECT_DOUBLE_EQ(place->position.lon, 5.07000962);  // POINT(lon lat)
    EXPECT_DOUBLE_EQ(place->position.lat, 52.0266669);
    EXPECT_EQ(place->weergavenaam, "Koolmees 1, 3435RA Nieuwegein");
    EXPECT_EQ(place->type, "adres");
    EXPECT_EQ(place->postcode, "3435RA");
    EXPECT_EQ(place->gemeentecode, "GM0356");
}

TEST(PdokAnswer, NoDocsIsNoPlace) { EXPECT_FALSE(parse_free_answer(fixture("leeg.json")).has_value()); }

TEST(PdokAnswer, SkipsDocsWithoutAUsableCentroid) {
    const std::string body = R"json({"response":{"docs":[
        {"type":"weg","weergavenaam":"zonder punt"},
        {"type":"adres","centroide_ll":"POINT(5.1 abc)"},
        {"type":"adres","centroide_ll":"POINT(-74.0 40.7)"},
        {"type":"adres","weergavenaam":"goed","centroide_ll":"POINT(5.1214 52.0907)","gemeentecode":"344"}]}})json";
    const auto place = parse_free_answer(body);
    ASSERT_TRUE(place.has_value());
    EXPECT_EQ(place->weergavenaam, "goed");
    EXPECT_TRUE(place->gemeentecode.empty());  // not the four digits PDOK writes
}

TEST(PdokAnswer, MalformedAnswersNeverThrow) {
    for (const char* body : {"", "null", "[]", "{", R"json({"response":[]})json", R"json({"response":{"docs":{}}})json", R"json({"response":{"docs":[1,"x",null]}})json",
                             R"json({"response":{"docs":[{"centroide_ll":7}]}})json"}) {
        EXPECT_NO_THROW(EXPECT_FALSE(parse_free_answer(body).has_value()) << body);
    }
}

}  // namespace
