#include "service/endpoints/parameters.hpp"
#include "service/http/query.hpp"

#include <gtest/gtest.h>

using namespace ido::service;

TEST(PercentDecode, DecodesEscapesAndPlus) {
    EXPECT_EQ(percent_decode("a%20b+c%2F"), "a b c/");
    EXPECT_EQ(percent_decode("%C3%BA"), "\xC3\xBA");
    EXPECT_FALSE(percent_decode("%"));
    EXPECT_FALSE(percent_decode("%4"));
    EXPECT_FALSE(percent_decode("%G0"));
}

TEST(CleanUtf8, RefusesInvalidAndControl) {
    EXPECT_TRUE(is_clean_utf8("S\xC3\xBA" "dwest-Frysl\xC3\xA2n"));
    EXPECT_FALSE(is_clean_utf8("\xC3\x28"));          // bad continuation
    EXPECT_FALSE(is_clean_utf8("\xFF"));
    EXPECT_FALSE(is_clean_utf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(is_clean_utf8("\xED\xA0\x80"));      // surrogate
    EXPECT_FALSE(is_clean_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    EXPECT_FALSE(is_clean_utf8(std::string("a\0b", 3)));
    EXPECT_FALSE(is_clean_utf8("a\tb"));
    EXPECT_FALSE(is_clean_utf8("\xC2\x85"));          // C1 control NEL
}

namespace {
HttpRequest get(QueryPairs query) {
    HttpRequest request;
    request.method = "GET";
    request.path = "/v1/informatiepunten";
    request.query = std::move(query);
    return request;
}

std::vector<std::string> codes_of(const std::vector<InvalidParam>& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(p.name + ":" + p.code);
    return out;
}
}  // namespace

TEST(InformatiepuntenParameters, DefaultsAndLimits) {
    auto none = std::get<InformatiepuntenParameters>(parse_informatiepunten_parameters(get({})));
    EXPECT_FALSE(none.origin);
    EXPECT_EQ(none.limit, 100u);
    auto near = std::get<InformatiepuntenParameters>(parse_informatiepunten_parameters(get({{"lat", "52.1"}, {"lon", "5.1"}})));
    ASSERT_TRUE(near.origin);
    EXPECT_DOUBLE_EQ(near.origin->lat, 52.1);
    EXPECT_EQ(near.limit, 10u);
    auto page = std::get<InformatiepuntenParameters>(parse_informatiepunten_parameters(get({{"limit", "1000"}, {"na", "IDO-VB-01"}})));
    EXPECT_EQ(page.limit, 1000u);
    EXPECT_EQ(page.after, "IDO-VB-01");
}

TEST(InformatiepuntenParameters, ReportsEveryProblem) {
    auto result = parse_informatiepunten_parameters(get({{"lat", "nan"}, {"lon", "1e400"}, {"limit", "0"}, {"zoom", "3"}}));
    auto problems = std::get<std::vector<InvalidParam>>(result);
    EXPECT_EQ(codes_of(problems), (std::vector<std::string>{"zoom:onbekende-parameter", "lat:ongeldig-getal",
                                                             "lon:ongeldig-getal", "limit:buiten-bereik"}));
    auto far = std::get<std::vector<InvalidParam>>(parse_informatiepunten_parameters(get({{"lat", "0"}, {"lon", "0"}})));
    EXPECT_EQ(codes_of(far), (std::vector<std::string>{"lat:buiten-nederland"}));
    auto half = std::get<std::vector<InvalidParam>>(parse_informatiepunten_parameters(get({{"lat", "52"}})));
    EXPECT_EQ(codes_of(half), (std::vector<std::string>{"lon:ontbrekende-parameter"}));
    auto bad_lon = std::get<std::vector<InvalidParam>>(parse_informatiepunten_parameters(get({{"lat", "52"}, {"lon", "%FF"}})));
    EXPECT_EQ(codes_of(bad_lon), (std::vector<std::string>{"lon:ongeldige-tekens"}));  // not also "missing"
}

TEST(GemeentenParameters, AnywhereOnEarthIsAQuestion) {
    auto result = parse_gemeenten_parameters(get({{"lat", "-33.9"}, {"lon", "18.4"}}));
    ASSERT_TRUE(std::holds_alternative<GemeentenParameters>(result));
    EXPECT_TRUE(std::get<GemeentenParameters>(result).point);
}
