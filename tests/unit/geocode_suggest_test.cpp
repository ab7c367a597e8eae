// Suggestions for the search box, and loading failures.

#include "../geocode/test_data.hpp"
#include "geo/geocode/geocoder.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace {

using ido::geocode::Geocoder;
using ido::geocode::MatchKind;
using ido::geocode::Suggestion;
using ido::geocode::testing::data_dir;
using ido::geocode::testing::shared_geocoder;

std::vector<std::string> labels(const std::vector<Suggestion>& s) {
    std::vector<std::string> out;
    for (const auto& x : s) out.push_back(x.label);
    return out;
}

TEST(geocodeSuggest, UtrPutsTheMunicipalityThenTheCityFirst) {
    const auto s = shared_geocoder().suggest("utr");
    ASSERT_GE(s.size(), 3u);
    EXPECT_EQ(s[0].label, "Gemeente Utrecht");
    EXPECT_EQ(s[0].kind, MatchKind::gemeente);
    EXPECT_EQ(s[0].gemeentecode, "GM0344");
    EXPECT_EQ(s[1].label, "Utrecht (gemeente Utrecht)");
    EXPECT_EQ(s[1].kind, MatchKind::woonplaats);
    EXPECT_EQ(s[2].label, "Gemeente Utrechtse Heuvelrug");
}

TEST(geocodeSuggest, ExactNameBeatsALargerPrefixMatch) {
    // "ede" is a town of ~120,000 (gemeente Ede); "Edam" and "Eden..." only start with it.
    const auto s = shared_geocoder().suggest("ede");
    ASSERT_GE(s.size(), 2u);
    EXPECT_EQ(s[0].label, "Gemeente Ede");
    EXPECT_EQ(s[1].label, "Ede (gemeente Ede)");
    // "Utrecht" typed in full: the exact names first although nothing else is larger anyway; and
    // "Hoorn" exactly before "Hoorn..." prefixes such as Hoornaar.
    const auto hoorn = labels(shared_geocoder().suggest("hoorn"));
    ASSERT_GE(hoorn.size(), 3u);
    EXPECT_EQ(hoorn[0], "Gemeente Hoorn");
    EXPECT_EQ(hoorn[1], "Hoorn (gemeente Hoorn)");
    EXPECT_EQ(hoorn[2], "Hoorn (gemeente Terschelling)");
}

TEST(geocodeSuggest, DenBFindsDenBoschThroughItsAlternateName) {
    const auto s = labels(shared_geocoder().suggest("den b"));
    ASSERT_GE(s.size(), 3u);
    EXPECT_EQ(s[0], "Gemeente 's-Hertogenbosch");
    EXPECT_EQ(s[1], "'s-Hertogenbosch (gemeente 's-Hertogenbosch)");
    EXPECT_NE(std::find(s.begin(), s.end(), "Den Burg (gemeente Texel)"), s.end());
}

TEST(geocodeSuggest, ApostropheAndHyphenVariantsAgree) {
    const auto a = labels(shared_geocoder().suggest("'s-her"));
    const auto b = labels(shared_geocoder().suggest("s her"));
    const auto c = labels(shared_geocoder().suggest("’s-Her"));
    ASSERT_FALSE(a.empty());
    EXPECT_EQ(a, b);
    EXPECT_EQ(a, c);
    EXPECT_EQ(a[0], "Gemeente 's-Hertogenbosch");
}

TEST(geocodeSuggest, PostcodePrefixListsPc4sInOrder) {
    const auto s = shared_geocoder().suggest("351");
    ASSERT_EQ(s.size(), 5u);  // 3511..3515 exist in the data
    EXPECT_EQ(s[0].label, "3511 Utrecht");
    EXPECT_EQ(s[0].kind, MatchKind::postcode);
    EXPECT_EQ(s[0].name, "3511");
    EXPECT_EQ(s[4].label, "3515 Utrecht");
    const auto with_letters = shared_geocoder().suggest("3511 a");
    ASSERT_EQ(with_letters.size(), 1u);
    EXPECT_EQ(with_letters[0].label, "3511 Utrecht");
}

TEST(geocodeSuggest, RijswijkShowsTheMunicipalityThenEachPlaceOnce) {
    const auto s = labels(shared_geocoder().suggest("Rijswijk"));
    ASSERT_GE(s.size(), 4u);
    EXPECT_EQ(s[0], "Gemeente Rijswijk");
    EXPECT_EQ(s[1], "Rijswijk (gemeente Rijswijk)");
    EXPECT_EQ(s[2], "Rijswijk (NB), gemeente Altena");
    EXPECT_EQ(s[3], "Rijswijk (GLD), gemeente Buren");
}

TEST(geocodeSuggest, NoLabelTwiceAndLimitHonoured) {
    for (const char* prefix : {"a", "s", "den", "ber", "nieuw", "ho", "1", "oost"}) {
        const auto s = shared_geocoder().suggest(prefix, 25);
        EXPECT_EQ(s.size(), 25u) << prefix;
        const auto l = labels(s);
        EXPECT_EQ(std::set<std::string>(l.begin(), l.end()).size(), l.size()) << prefix;
    }
    EXPECT_EQ(shared_geocoder().suggest("a", 3).size(), 3u);
    EXPECT_EQ(shared_geocoder().suggest("a", 0).size(), 0u);
    EXPECT_EQ(shared_geocoder().suggest("a", 100000).size(), Geocoder::max_suggestions);
}

TEST(geocodeSuggest, EveryLabelStartsWithAMatchingNameOrIsItsMunicipality) {
    // One- and two-letter prefixes use official names only, so no exonym ("Swolle") slips in.
    for (const auto& s : shared_geocoder().suggest("s", 50)) {
        EXPECT_TRUE(s.label.starts_with("S") || s.label.starts_with("Gemeente S") || s.label.starts_with("'s") ||
                    s.label.starts_with("Gemeente 's"))
            << s.label;
    }
}

TEST(geocodeSuggest, BadInputGivesNothing) {
    EXPECT_TRUE(shared_geocoder().suggest("").empty());
    EXPECT_TRUE(shared_geocoder().suggest("   ").empty());
    EXPECT_TRUE(shared_geocoder().suggest("\xC3\x28").empty());
    EXPECT_TRUE(shared_geocoder().suggest("utr\x01").empty());
    EXPECT_TRUE(shared_geocoder().suggest(std::string(10 * 1024, 'u')).empty());
    EXPECT_TRUE(shared_geocoder().suggest("zzzzqq").empty());
}

TEST(geocodeLoad, MissingDirectoryIsAValueNotAnException) {
    const auto r = Geocoder::load("/nonexistent/ido-geocode-data");
    EXPECT_EQ(r.geocoder, nullptr);
    ASSERT_TRUE(r.error.has_value());
    EXPECT_EQ(r.error->code, "bestand-ontbreekt");
}

TEST(geocodeLoad, BrokenFileIsReported) {
    const auto dir = std::filesystem::temp_directory_path() / ("ido_geocode_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    std::filesystem::create_directories(dir);
    for (const char* f : {"pc4.csv", "woonplaatsen_pc4.csv", "plaatsen_geonames.csv", "gemeenten.csv"}) {
        std::filesystem::copy_file(data_dir() / f, dir / f, std::filesystem::copy_options::overwrite_existing);
    }
    {
        std::ofstream out(dir / "pc4.csv", std::ios::app);
        out << "3511,not-a-number,5.1,Utrecht,GM0344,Utrecht,Utrecht,GM0344,x,,0,\n";
    }
    const auto r = Geocoder::load(dir);
    std::filesystem::remove_all(dir);
    EXPECT_EQ(r.geocoder, nullptr);
    ASSERT_TRUE(r.error.has_value());
    EXPECT_EQ(r.error->code, "bestand-ongeldig");
    EXPECT_NE(r.error->message.find("pc4.csv"), std::string::npos);
}

}  // namespace
