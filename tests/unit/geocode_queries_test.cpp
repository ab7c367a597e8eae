// Real-world queries a resident types, with the municipality they must land in. The expected codes
// come from CBS's municipality list (gemeenten.csv) and from knowing where the places are, not from
// running the geocoder.

#include "../geocode/test_data.hpp"
#include "geo/geocode/geocoder.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

namespace {

using ido::geocode::ErrorCode;
using ido::geocode::MatchKind;
using ido::geocode::MatchMethod;
using ido::geocode::testing::shared_geocoder;

struct QueryCase {
    std::string_view query;
    std::string_view gemeentecode;             // of the best-ranked candidate
    std::optional<MatchKind> kind = std::nullopt;
    std::optional<MatchMethod> method = std::nullopt;
    std::optional<bool> ambiguous = false;     // nullopt: not checked
    std::string_view name = {};                // the data name of the best candidate, when checked
};

std::ostream& operator<<(std::ostream& os, const QueryCase& c) { return os << '"' << c.query << '"'; }

constexpr auto W = MatchKind::woonplaats;
constexpr auto P = MatchKind::plaats;
constexpr auto G = MatchKind::gemeente;
constexpr auto PC = MatchKind::postcode;
constexpr auto PC6 = MatchKind::postcode6;
constexpr auto EX = MatchMethod::exact;
constexpr auto ALT = MatchMethod::alternatieve_naam;
constexpr auto TYPO = MatchMethod::spelfout;

const QueryCase kCases[] = {
    // Large towns, as typed.
    {"Amsterdam", "GM0363", W, EX},
    {"amsterdam", "GM0363", W, EX},
    {"AMSTERDAM", "GM0363", W, EX},
    {"Rotterdam", "GM0599", W, EX},
    {"Utrecht", "GM0344", W, EX, false, "Utrecht"},
    {"Eindhoven", "GM0772", W, EX},
    {"Groningen", "GM0014", W, EX},
    {"Tilburg", "GM0855", W, EX},
    {"Almere", "GM0034"},
    {"Breda", "GM0758"},
    {"Nijmegen", "GM0268"},
    {"Apeldoorn", "GM0200"},
    {"Haarlem", "GM0392"},
    {"Arnhem", "GM0202"},
    {"Enschede", "GM0153"},
    {"Amersfoort", "GM0307"},
    {"Zwolle", "GM0193", W, EX, false},  // a hamlet "Zwolle" in Oost Gelre does not make it ambiguous
    {"Leiden", "GM0546"},
    {"Maastricht", "GM0935"},
    {"Dordrecht", "GM0505"},
    {"Zoetermeer", "GM0637"},
    {"Delft", "GM0503"},
    {"Deventer", "GM0150"},
    {"Alkmaar", "GM0361"},
    {"Venlo", "GM0983"},
    {"Leeuwarden", "GM0080"},
    {"Assen", "GM0106"},
    {"Lelystad", "GM0995"},
    {"Middelburg", "GM0687"},
    {"Heerlen", "GM0917"},
    {"Emmen", "GM0114"},
    {"Hilversum", "GM0402"},
    {"Gouda", "GM0513"},
    {"Roermond", "GM0957"},
    {"Vlissingen", "GM0718"},
    {"Den Helder", "GM0400", W, EX},
    {"den helder", "GM0400", W, EX},
    {"Den-Helder", "GM0400", W, EX},
    // Places whose municipality has another name (mergers).
    {"Emmeloord", "GM0171", W, EX},
    {"Sneek", "GM1900", W, EX},
    {"Drachten", "GM0090"},
    {"Hoofddorp", "GM0394"},
    {"Weesp", "GM0363"},
    {"Heerhugowaard", "GM1980"},
    {"Brielle", "GM1992"},
    {"Hellevoetsluis", "GM1992"},
    {"Veghel", "GM1948"},
    {"Uden", "GM1991"},
    {"Zierikzee", "GM1676"},
    {"Franeker", "GM1949"},
    {"Joure", "GM1940"},
    {"Bolsward", "GM1900"},
    {"Sittard", "GM1883"},
    {"Dokkum", "GM1970"},
    {"Volendam", "GM0385"},
    {"Bussum", "GM1942"},
    {"Naarden", "GM1942"},
    {"Monnickendam", "GM0852"},
    {"Den Burg", "GM0448"},
    {"Winschoten", "GM1895"},
    {"Capelle aan den IJssel", "GM0502"},
    {"Scheveningen", "GM0518", P, EX},
    // Frisian and other alternate names.
    {"Ljouwert", "GM0080", W, ALT, false, "Leeuwarden"},
    {"Snits", "GM1900", W, ALT, false, "Sneek"},
    {"Harns", "GM0072", W, ALT, false, "Harlingen"},
    {"Frjentsjer", "GM1949", W, ALT, false, "Franeker"},
    {"Boalsert", "GM1900", W, ALT, false, "Bolsward"},
    {"It Hearrenfean", "GM0074", W, ALT, false, "Heerenveen"},
    {"Grou", "GM0080", W, EX},
    {"Grouw", "GM0080", W, ALT},
    // Municipalities.
    {"Súdwest-Fryslân", "GM1900", G, EX},
    {"Sudwest Fryslan", "GM1900", G, EX},
    {"súdwest fryslân", "GM1900", G, EX},
    {"Gemeente Súdwest-Fryslân", "GM1900", G, EX},
    {"gemeente sudwest-fryslan", "GM1900", G, EX},
    {"Dantumadiel", "GM1891", G, EX},
    {"Noordoostpolder", "GM0171", G, EX},
    {"Gemeente Noardeast-Fryslân", "GM1970", G, EX},
    {"Tytsjerksteradiel", "GM0737", G, EX},
    {"De Fryske Marren", "GM1940", G, EX},
    {"Waadhoeke", "GM1949", G, EX},
    {"Het Hogeland", "GM1966", G, EX},
    {"Hoeksche Waard", "GM1963", G, EX},
    {"Westland", "GM1783", G, EX},
    {"Dijk en Waard", "GM1980", G, EX},
    {"Voorne aan Zee", "GM1992", G, EX},
    {"Gemeente Utrecht", "GM0344", G, EX},
    {"gemeente Groningen", "GM0014", G, EX},
    {"Gemeente Bergen (L.)", "GM0893", G, EX},
    {"Gemeente Bergen NH", "GM0373", G},
    // One name, several places: ranked candidates, flagged.
    {"Rijswijk", "GM0603", W, EX, true},
    {"Rijswijk (ZH)", "GM0603", W, EX, false},
    {"Rijswijk ZH", "GM0603", W, EX, false},
    {"Rijswijk (NB)", "GM1959", W, EX, false},
    {"Rijswijk NB", "GM1959", W, EX, false},
    {"Rijswijk (GLD)", "GM0214", W, EX, false},
    {"Rijswijk Gld", "GM0214", W, EX, false},
    {"Hengelo", "GM0164", W, EX, true},
    {"Hengelo (Gld)", "GM1876", W, EX, false},
    {"Hengelo GD", "GM1876", W, EX, false},
    {"Hengelo OV", "GM0164", W, EX, false},
    {"Bergen", "GM0373", W, EX, true},
    {"Bergen (NH)", "GM0373", W, EX, false},
    {"Bergen NH", "GM0373", W, EX, false},
    {"Bergen L", "GM0893", W, EX, false},
    {"Bergen (L)", "GM0893", W, EX, false},
    {"Bergen LB", "GM0893", W, EX, false},
    {"Bergen op Zoom", "GM0748", W, EX, false},
    {"Oosterhout", "GM0826", W, EX, true},
    {"Valkenburg", std::string_view{}, W, EX, true},
    {"Hoorn", "GM0405", W, EX, true},
    {"Nes", "GM0060", W, EX, true},
    // 's-Hertogenbosch and 's-Gravenhage in every spelling.
    {"Den Bosch", "GM0796", W, ALT, false, "'s-Hertogenbosch"},
    {"den bosch", "GM0796", W, ALT, false, "'s-Hertogenbosch"},
    {"'s-Hertogenbosch", "GM0796", W, EX, false, "'s-Hertogenbosch"},
    {"’s-Hertogenbosch", "GM0796", W, EX, false, "'s-Hertogenbosch"},
    {"s-hertogenbosch", "GM0796", W, EX, false, "'s-Hertogenbosch"},
    {"'s Hertogenbosch", "GM0796", W, EX, false, "'s-Hertogenbosch"},
    {"Hertogenbosch", "GM0796", W, ALT, false, "'s-Hertogenbosch"},
    {"Gemeente 's-Hertogenbosch", "GM0796", G, EX},
    {"Den Haag", "GM0518", W, ALT, false, "'s-Gravenhage"},
    {"den haag", "GM0518", W, ALT, false, "'s-Gravenhage"},
    {"'s-Gravenhage", "GM0518", W, EX, false, "'s-Gravenhage"},
    {"s gravenhage", "GM0518", W, EX, false, "'s-Gravenhage"},
    {"The Hague", "GM0518", W, ALT, false, "'s-Gravenhage"},
    {"Gemeente Den Haag", "GM0518", G, ALT},
    {"Sint-Michielsgestel", "GM0845", W, EX},
    {"St. Michielsgestel", "GM0845", W, EX},
    {"Sint Michielsgestel", "GM0845", W, EX},
    {"1e Exloërmond", "GM1681", W, EX},
    {"1e Exloermond", "GM1681", W, EX},
    // Small typos: distance 1 for >= 4 letters, 2 for >= 8; larger places win ties.
    {"Utrect", "GM0344", W, TYPO, false, "Utrecht"},
    {"Amsterdm", "GM0363", W, TYPO, false, "Amsterdam"},
    {"Groningne", "GM0014", W, TYPO, false, "Groningen"},
    {"Rotterdm", "GM0599", W, TYPO},
    {"Eindhovn", "GM0772", W, TYPO},
    {"Eindhovne", "GM0772", W, TYPO},
    {"Leewarden", "GM0080", W, ALT},  // GeoNames lists this spelling itself
    {"De Jouwer", "GM1940", W, ALT, false, "Joure"},  // not the hamlet De Jouwer in Westerkwartier
    {"Maarssen", "GM1904", W, EX, false},   // not Achttienhoven, which lists "Maarssen" as a former name
    {"Nijmegn", "GM0268", W, TYPO},
    {"Maastrict", "GM0935", W, TYPO},
    {"Leeuwardn", "GM0080", W, TYPO},
    // Two letters more or fewer than the name (the scan visits names by length: +-2 must be reached).
    {"Rotterdammm", "GM0599", W, TYPO, false, "Rotterdam"},
    {"Grningn", "GM0014", W, TYPO, false, "Groningen"},
    {"Apeldoron", "GM0200", W, TYPO},
    {"Arnehm", "GM0202", W, TYPO},
    {"Zwole", "GM0193", W, TYPO},
    {"Dantumadeel", "GM1891", G, TYPO},
    {"Noordoospolder", "GM0171", G, TYPO},
    // Words around the name.
    {"Utrecht centrum", "GM0344", W, EX},
    {"utrecht centraal", "GM0344", W, EX},
    {"  Utrecht  ", "GM0344", W, EX},
    // Postcodes.
    {"3511", "GM0344", PC},
    {"3511AB", "GM0344", PC6},
    {"3511 AB", "GM0344", PC6},
    {"3511 ab", "GM0344", PC6},
    {" 3511  AB ", "GM0344", PC6},
    {"1011", "GM0363", PC},
    {"2511", "GM0518", PC},
    {"8911", "GM0080", PC},
    {"6211", "GM0935", PC},
    {"1781", "GM0400", PC},
    {"8301", "GM0171", PC},
    {"7551", "GM0164", PC},
    {"2281 AB", "GM0603", PC6},
    {"5211", "GM0796", PC},
};

class GeocodeQueries : public ::testing::TestWithParam<QueryCase> {};

TEST_P(GeocodeQueries, LandsInTheExpectedMunicipality) {
    const auto& c = GetParam();
    const auto result = shared_geocoder().geocode(c.query);
    ASSERT_TRUE(result.ok()) << to_string(result.error->code);
    ASSERT_FALSE(result.candidates.empty());
    const auto& best = result.best();
    if (!c.gemeentecode.empty()) {
        EXPECT_EQ(best.gemeentecode, c.gemeentecode) << best.name;
    }
    if (c.kind) {
        EXPECT_EQ(to_string(best.kind), to_string(*c.kind)) << best.name;
    }
    if (c.method) {
        EXPECT_EQ(to_string(best.method), to_string(*c.method)) << best.name;
    }
    if (c.ambiguous) {
        EXPECT_EQ(result.ambiguous, *c.ambiguous);
    }
    if (!c.name.empty()) {
        EXPECT_EQ(best.name, c.name);
    }
    if (best.method == MatchMethod::spelfout) {
        EXPECT_GE(best.edit_distance, 1);
        EXPECT_LE(best.edit_distance, 2);
    } else {
        EXPECT_EQ(best.edit_distance, 0);
    }
    // Every answer lies in the Netherlands' bounding box and has a sensible precision.
    EXPECT_GT(best.position.lat, 50.7);
    EXPECT_LT(best.position.lat, 53.6);
    EXPECT_GT(best.position.lon, 3.3);
    EXPECT_LT(best.position.lon, 7.3);
    EXPECT_GE(best.precision_m, 500);
    EXPECT_LE(best.precision_m, 30000);
    EXPECT_FALSE(best.nauwkeurigheid.empty());
}

INSTANTIATE_TEST_SUITE_P(geocodeRealWorld, GeocodeQueries, ::testing::ValuesIn(kCases));

TEST(geocodeQueryTable, HasAtLeastOneHundredCases) { EXPECT_GE(std::size(kCases), 100u); }

TEST(geocodeAmbiguity, RijswijkListsAllThreePlacesLargestFirst) {
    const auto r = shared_geocoder().geocode("Rijswijk");
    ASSERT_TRUE(r.ok());
    ASSERT_TRUE(r.ambiguous);
    ASSERT_EQ(r.candidates.size(), 3u);
    EXPECT_EQ(r.candidates[0].gemeentecode, "GM0603");
    EXPECT_EQ(r.candidates[0].provincie, "Zuid-Holland");
    EXPECT_EQ(r.candidates[1].gemeentecode, "GM1959");  // Rijswijk (NB), ~1,900 inhabitants
    EXPECT_EQ(r.candidates[2].gemeentecode, "GM0214");  // Rijswijk (GLD), ~340
}

TEST(geocodeAmbiguity, HengeloAndBergenHaveTwoMunicipalities) {
    const auto hengelo = shared_geocoder().geocode("Hengelo");
    ASSERT_TRUE(hengelo.ok());
    ASSERT_EQ(hengelo.candidates.size(), 2u);
    EXPECT_EQ(hengelo.candidates[1].gemeentecode, "GM1876");
    EXPECT_EQ(hengelo.candidates[1].provincie, "Gelderland");
    const auto bergen = shared_geocoder().geocode("Bergen");
    ASSERT_TRUE(bergen.ok());
    ASSERT_EQ(bergen.candidates.size(), 2u);
    EXPECT_EQ(bergen.candidates[1].gemeentecode, "GM0893");
}

TEST(geocodeAmbiguity, ValkenburgIsInSouthHollandAndLimburg) {
    const auto r = shared_geocoder().geocode("Valkenburg");
    ASSERT_TRUE(r.ok());
    ASSERT_TRUE(r.ambiguous);
    std::vector<std::string> codes;
    for (const auto& c : r.candidates) codes.push_back(c.gemeentecode);
    EXPECT_NE(std::find(codes.begin(), codes.end(), "GM0537"), codes.end());  // Katwijk
    EXPECT_NE(std::find(codes.begin(), codes.end(), "GM0994"), codes.end());  // Valkenburg aan de Geul
}

TEST(geocodeDetails, PostcodeSixIsAnsweredWithItsPc4AndSaysSo) {
    const auto r = shared_geocoder().geocode(" 3511ab ");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.best().kind, MatchKind::postcode6);
    EXPECT_EQ(r.best().postcode, "3511 AB");
    const auto pc4 = shared_geocoder().geocode("3511");
    ASSERT_TRUE(pc4.ok());
    EXPECT_EQ(pc4.best().postcode, "3511");
    EXPECT_EQ(r.best().position, pc4.best().position);
    EXPECT_EQ(r.best().precision_m, 1500);
    EXPECT_EQ(r.best().nauwkeurigheid, "hoog");
}

TEST(geocodeDetails, GenericWordIsReportedAsIgnored) {
    const auto r = shared_geocoder().geocode("Utrecht centraal");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.ignored_words, "centraal");
    EXPECT_TRUE(shared_geocoder().geocode("Utrecht").ignored_words.empty());
}

TEST(geocodeDetails, AlternateNameMatchReportsTheNameThatMatched) {
    const auto r = shared_geocoder().geocode("snits");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.best().matched_name, "Snits");
    EXPECT_EQ(r.best().name, "Sneek");
    EXPECT_EQ(r.best().gemeentenaam, "Súdwest-Fryslân");
}

TEST(geocodeDetails, MunicipalityPrecisionFollowsItsArea) {
    const auto small = shared_geocoder().geocode("Gemeente Rijswijk");    // 1,398 ha
    const auto large = shared_geocoder().geocode("Súdwest-Fryslân");      // 52,270 ha
    ASSERT_TRUE(small.ok());
    ASSERT_TRUE(large.ok());
    EXPECT_NEAR(small.best().precision_m, 2110, 50);
    EXPECT_NEAR(large.best().precision_m, 12900, 100);
    EXPECT_EQ(large.best().nauwkeurigheid, "laag");
}

TEST(geocodeTypos, ShortNamesAndLargeDistancesAreNotGuessed) {
    // "Ede" has 3 letters: no typo tolerance. "Utrcht" is distance 1 and found; "Amxxxrdam" is 3 from
    // "amsterdam" and is not.
    EXPECT_EQ(shared_geocoder().geocode("Edx").error.value_or(ido::geocode::GeocodeError{}).code, ErrorCode::niet_gevonden);
    EXPECT_TRUE(shared_geocoder().geocode("Utrcht").ok());
    const auto far = shared_geocoder().geocode("Amxxxrdam");
    ASSERT_FALSE(far.ok());
    EXPECT_EQ(far.error->code, ErrorCode::niet_gevonden);
}

TEST(geocodeTypos, TransposedLettersCountAsOneEdit) {
    const auto r = shared_geocoder().geocode("Utrehct");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.best().gemeentecode, "GM0344");
    EXPECT_EQ(r.best().edit_distance, 1);
}

struct ErrorCase {
    std::string query;
    ErrorCode code;
};
std::ostream& operator<<(std::ostream& os, const ErrorCase& c) { return os << '"' << c.query << '"'; }

class GeocodeErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(GeocodeErrors, GivesTheStableCodeAndADutchMessage) {
    const auto r = shared_geocoder().geocode(GetParam().query);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(to_string(r.error->code), to_string(GetParam().code));
    EXPECT_FALSE(r.error->message.empty());
    EXPECT_TRUE(r.candidates.empty());
    EXPECT_FALSE(r.ambiguous);
}

INSTANTIATE_TEST_SUITE_P(
    geocodeBadInput, GeocodeErrors,
    ::testing::Values(ErrorCase{"", ErrorCode::lege_zoekterm}, ErrorCase{"   ", ErrorCode::lege_zoekterm},
                      ErrorCase{"'-.,", ErrorCode::lege_zoekterm},
                      ErrorCase{std::string(10 * 1024, 'a'), ErrorCode::te_lang},
                      ErrorCase{std::string(201, 'a'), ErrorCode::te_lang},
                      ErrorCase{"Utrecht\x01", ErrorCode::ongeldige_tekens},
                      ErrorCase{"Utrecht\n", ErrorCode::ongeldige_tekens},
                      ErrorCase{"Utr\techt", ErrorCode::ongeldige_tekens},
                      ErrorCase{std::string("Utrecht\0", 8), ErrorCode::ongeldige_tekens},
                      ErrorCase{"Utrecht\x7F", ErrorCode::ongeldige_tekens},
                      ErrorCase{"Utrecht\xC2\x85", ErrorCode::ongeldige_tekens},  // U+0085, a C1 control
                      ErrorCase{"\xC3\x28", ErrorCode::ongeldige_tekens},
                      ErrorCase{"\xFF", ErrorCode::ongeldige_tekens},
                      ErrorCase{"Utrecht\xC3", ErrorCode::ongeldige_tekens},       // truncated
                      ErrorCase{"\xC0\xAF", ErrorCode::ongeldige_tekens},          // overlong '/'
                      ErrorCase{"\xE0\x80\xAF", ErrorCode::ongeldige_tekens},      // overlong '/'
                      ErrorCase{"\xF0\x80\x80\xAF", ErrorCode::ongeldige_tekens},  // overlong '/'
                      ErrorCase{"\xED\xA0\x80", ErrorCode::ongeldige_tekens},      // surrogate U+D800
                      ErrorCase{"\xF4\x90\x80\x80", ErrorCode::ongeldige_tekens},  // above U+10FFFF
                      ErrorCase{"\x80Utrecht", ErrorCode::ongeldige_tekens},       // lone continuation
                      ErrorCase{"0123", ErrorCode::ongeldige_postcode},
                      ErrorCase{"351", ErrorCode::ongeldige_postcode},
                      ErrorCase{"35111", ErrorCode::ongeldige_postcode},
                      ErrorCase{"3511 ABC", ErrorCode::ongeldige_postcode},
                      ErrorCase{"3511 A", ErrorCode::ongeldige_postcode},
                      ErrorCase{"3511 SS", ErrorCode::ongeldige_postcode},  // PostNL never issues SA, SD, SS
                      ErrorCase{"0000 AA", ErrorCode::ongeldige_postcode},
                      ErrorCase{"1000", ErrorCode::niet_gevonden},  // valid form, not in the data
                      ErrorCase{"1010 AB", ErrorCode::niet_gevonden},
                      ErrorCase{"Atlantis", ErrorCode::niet_gevonden},
                      // A street address without a known postcode or place (with one it answers since issue 15:
                      // tests/unit/geocode_address_test.cpp has "Oudegracht 1 Utrecht" and "3511 AB Utrecht").
                      ErrorCase{"Oudegracht 1", ErrorCode::niet_gevonden},
                      ErrorCase{"xq", ErrorCode::niet_gevonden}));

TEST(geocodeErrors, ExactlyTwoHundredBytesIsStillAccepted) {
    const auto r = shared_geocoder().geocode(std::string(200, 'a'));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->code, ErrorCode::niet_gevonden);
}

TEST(geocodeErrors, CodesHaveTheirWireSpelling) {
    EXPECT_EQ(to_string(ErrorCode::lege_zoekterm), "lege-zoekterm");
    EXPECT_EQ(to_string(ErrorCode::te_lang), "te-lang");
    EXPECT_EQ(to_string(ErrorCode::ongeldige_tekens), "ongeldige-tekens");
    EXPECT_EQ(to_string(ErrorCode::ongeldige_postcode), "ongeldige-postcode");
    EXPECT_EQ(to_string(ErrorCode::niet_gevonden), "niet-gevonden");
    EXPECT_EQ(to_string(MatchMethod::alternatieve_naam), "alternatieve-naam");
    EXPECT_EQ(to_string(MatchKind::postcode6), "postcode6");
}

}  // namespace
