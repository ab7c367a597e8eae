// Street addresses and longer text in the search box (issue 15, "Search as people type"): what the
// geocoder must make of what residents type. The expected postcodes, places and municipality codes come
// from the addresses themselves and CBS's municipality list (gemeenten.csv), not from running the code.

#include "../geocode/test_data.hpp"
#include "geo/geocode/address.hpp"
#include "geo/geocode/geocoder.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

namespace {

using ido::geocode::ErrorCode;
using ido::geocode::MatchKind;
using ido::geocode::QueryReading;
using ido::geocode::parse_address;
using ido::geocode::testing::shared_geocoder;

constexpr auto WHOLE = QueryReading::whole;
constexpr auto ADRES = QueryReading::address;
constexpr auto IN_TEXT = QueryReading::place_in_text;

struct AddressCase {
    std::string_view query;
    std::optional<QueryReading> reading;  // nullopt: the query must be refused with `error`
    std::string_view gemeentecode = {};
    std::string_view used = {};           // GeocodeResult::used (empty for a whole reading)
    std::optional<MatchKind> kind = std::nullopt;
    ErrorCode error = ErrorCode::niet_gevonden;
};

std::ostream& operator<<(std::ostream& os, const AddressCase& c) { return os << '"' << c.query << '"'; }

constexpr auto PC = MatchKind::postcode;
constexpr auto PC6 = MatchKind::postcode6;
constexpr auto W = MatchKind::woonplaats;

const AddressCase kCases[] = {
    // A street address with its place.
    {"Stationsplein 1 Zwolle", ADRES, "GM0193", "Zwolle", W},
    {"Oudegracht 1 Utrecht", ADRES, "GM0344", "Utrecht", W},
    {"3511 AB Utrecht", ADRES, "GM0344", "3511 AB", PC6},  // refused before issue 15
    {"stationsplein 1 zwolle", ADRES, "GM0193", "Zwolle", W},
    {"STATIONSPLEIN 1 ZWOLLE", ADRES, "GM0193", "Zwolle", W},
    {"  Stationsplein   1 ,  Zwolle ,", ADRES, "GM0193", "Zwolle", W},
    {"Stationsplein 1, Zwolle", ADRES, "GM0193", "Zwolle", W},
    {"Stationsplein 1,,Zwolle", ADRES, "GM0193", "Zwolle", W},
    {"1e Jacob van Campenstraat 5 Amsterdam", ADRES, "GM0363", "Amsterdam", W},
    {"2e Hugo de Grootstraat 12 Amsterdam", ADRES, "GM0363", "Amsterdam", W},
    {"Amsterdam, 1e Jacob van Campenstraat 5", ADRES, "GM0363", "Amsterdam", W},
    {"Kerkstraat 12a Utrecht", ADRES, "GM0344", "Utrecht", W},
    {"Kerkstraat 12 a Utrecht", ADRES, "GM0344", "Utrecht", W},
    {"Kerkstraat 12-bis Utrecht", ADRES, "GM0344", "Utrecht", W},
    {"Lange Voorhout 34 Den Haag", ADRES, "GM0518", "'s-Gravenhage", W},
    {"Markt 1 's-Hertogenbosch", ADRES, "GM0796", "'s-Hertogenbosch", W},
    {"Dorpsstraat 1234 Zwolle", ADRES, "GM0193", "Zwolle", W},  // four digits after a street: a house number
    {"Stationsplein 1 Zwole", ADRES, "GM0193", "Zwolle", W},     // a typo in the place
    // A street address with its postcode: the postcode wins, also over a place that disagrees.
    {"Kerkstraat 12, 3511 AB", ADRES, "GM0344", "3511 AB", PC6},
    {"Kerkstraat 12, 3511AB", ADRES, "GM0344", "3511 AB", PC6},
    {"kerkstraat 12 3511 ab", ADRES, "GM0344", "3511 AB", PC6},
    {"3511AB 12", ADRES, "GM0344", "3511 AB", PC6},
    {"3511 AB 12", ADRES, "GM0344", "3511 AB", PC6},
    {"Stationsplein 1, 8011 CW Zwolle", ADRES, "GM0193", "8011 CW", PC6},
    {"Stationsplein 1, 8011 CW Utrecht", ADRES, "GM0193", "8011 CW", PC6},
    {"Kerkstraat 12, 3511", ADRES, "GM0344", "3511", PC},
    {"Kerkstraat 12 3511 Utrecht", ADRES, "GM0344", "3511", PC},
    {"3511 Utrecht", ADRES, "GM0344", "3511", PC},
    {"Kerkstraat 12, 1000 AA Utrecht", ADRES, "GM0344", "Utrecht", W},  // unknown postcode: the place answers
    // Longer text without a number that ends in a place.
    {"Bibliotheek Utrecht", IN_TEXT, "GM0344", "Utrecht", W},
    {"Kerkstraat Zwolle", IN_TEXT, "GM0193", "Zwolle", W},
    // The whole text still goes first.
    {"3511 AB", WHOLE, "GM0344", "", PC6},
    {"Utrecht centrum", WHOLE, "GM0344", "", W},
    {"Den Helder", WHOLE, "GM0400", "", W},
    // Refused: no postcode or place the geocoder knows.
    {"Kerkstraat 12", std::nullopt},
    {"Qwertyplein", std::nullopt},  // (a bare "Kerkstraat" is corrected to the hamlet Bergstraat, as before)
    {"12", std::nullopt, {}, {}, std::nullopt, ErrorCode::ongeldige_postcode},
    {"Hoofdstraat 1 Qwxyzdorp", std::nullopt},
    {"Kerkstraat 12, 0123 AB", std::nullopt},
    {"zzz yyy", std::nullopt},
    {", , ,", std::nullopt, {}, {}, std::nullopt, ErrorCode::lege_zoekterm},
    {"3511 ABC", std::nullopt, {}, {}, std::nullopt, ErrorCode::ongeldige_postcode},
    {"351 AB", std::nullopt, {}, {}, std::nullopt, ErrorCode::ongeldige_postcode},
};

class AddressQueries : public ::testing::TestWithParam<AddressCase> {};

TEST_P(AddressQueries, AnswerForThePartThatCanBePlaced) {
    const auto& c = GetParam();
    const auto r = shared_geocoder().geocode(c.query);
    if (!c.reading) {
        ASSERT_FALSE(r.ok()) << "answered with " << r.best().name;
        EXPECT_EQ(r.error->code, c.error);
        return;
    }
    ASSERT_TRUE(r.ok()) << r.error->message;
    EXPECT_EQ(r.reading, *c.reading);
    EXPECT_EQ(r.best().gemeentecode, c.gemeentecode);
    EXPECT_EQ(r.used, c.used);
    if (c.kind) {
        EXPECT_EQ(r.best().kind, *c.kind);
    }
}

INSTANTIATE_TEST_SUITE_P(Table, AddressQueries, ::testing::ValuesIn(kCases));

TEST(AddressParser, FindsPostcodeHouseNumberAndPlace) {
    const auto a = parse_address("Stationsplein 1, 8011 CW Zwolle");
    EXPECT_EQ(a.postcode_digits, "8011");
    EXPECT_EQ(a.postcode_letters, "CW");
    EXPECT_TRUE(a.house_number);
    EXPECT_TRUE(a.street);
    ASSERT_FALSE(a.places.empty());
    EXPECT_EQ(a.places.front().key, "zwolle");
}

TEST(AddressParser, AnOrdinalStartsTheStreetAndIsNoHouseNumber) {
    const auto a = parse_address("1e Jacob van Campenstraat Amsterdam");
    EXPECT_FALSE(a.house_number);
    EXPECT_FALSE(a.is_address());
    const auto b = parse_address("1e Jacob van Campenstraat 5 Amsterdam");
    EXPECT_TRUE(b.house_number);
    ASSERT_FALSE(b.places.empty());
    EXPECT_EQ(b.places.front().key, "amsterdam");
}

TEST(AddressParser, FourDigitsAfterAStreetAreAHouseNumber) {
    const auto a = parse_address("Dorpsstraat 1234");
    EXPECT_TRUE(a.postcode_digits.empty());
    EXPECT_TRUE(a.house_number);
    const auto b = parse_address("Dorpsstraat 12, 1234");
    EXPECT_EQ(b.postcode_digits, "1234");
}

TEST(AddressParser, LetterPairsPostNlNeverIssuesAreNoPostcode) {
    EXPECT_TRUE(parse_address("Kerkstraat 1, 3511 SS").postcode_letters.empty());
    EXPECT_EQ(parse_address("Kerkstraat 1, 3511 SS").postcode_digits, "3511");  // the PC4 still stands
}

TEST(AddressParser, NoPlaceCandidateHoldsDigits) {
    for (const auto& p : parse_address("Kerkstraat 12 3511 Utrecht 4").places)
        EXPECT_EQ(p.key.find_first_of("0123456789"), std::string::npos) << p.key;
}

TEST(AddressSuggestions, SuggestOnThePlaceOrPostcodeBeingTyped) {
    const auto& g = shared_geocoder();
    const auto place = g.suggest("Stationsplein 1 Zwol", 5);
    ASSERT_FALSE(place.empty());
    EXPECT_EQ(place.front().gemeentecode, "GM0193");
    const auto postcode = g.suggest("Kerkstraat 12, 3511", 5);
    ASSERT_FALSE(postcode.empty());
    EXPECT_EQ(postcode.front().name, "3511");
    EXPECT_TRUE(g.suggest("Kerkstraat 12", 5).empty());
}

}  // namespace
