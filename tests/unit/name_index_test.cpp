// Help points found by name (issue 15): the seed set's names as residents type them. The expected ids
// are read from data/informatiepunten.geojson and data/bibliotheekgebouwen.csv, not from running the index.

#include "geo/locator.hpp"
#include "geo/name_index.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

namespace {

using ido::geo::NameIndex;
using ido::geo::NameRank;

const ido::geo::Snapshot& snapshot() {
    static const auto locator = ido::geo::Locator::from_data_directory(IDO_SOURCE_DIR "/data");
    static const auto kept = locator->snapshot();
    return *kept;
}

const NameIndex& names() {
    static const NameIndex index(snapshot().locations(), snapshot().municipalities());
    return index;
}

std::string best_id(std::string_view query) {
    const auto r = names().find(query);
    if (r.matches.empty() || r.ambiguous) return {};
    return snapshot().locations()[r.matches.front().location].id;
}

struct NameCase {
    std::string_view query;
    std::string_view id;  // empty: no single help point
};

std::ostream& operator<<(std::ostream& os, const NameCase& c) { return os << '"' << c.query << '"'; }

const NameCase kCases[] = {
    {"Bibliotheek Overvecht", "IDO-VB-067"},
    {"bibliotheek overvecht", "IDO-VB-067"},
    {"BIBLIOTHEEK   OVERVECHT", "IDO-VB-067"},
    {"IDO Bibliotheek Overvecht", "IDO-VB-067"},
    {"De Bibliotheek Overvecht", "IDO-VB-067"},
    {"Bibliotheek Overvecht Utrecht", "IDO-VB-067"},  // with its municipality
    {"OBA Oosterdok", "BIB-SL-028"},                   // half typed: Oosterdokskade
    {"oba oosterdokskade", "BIB-SL-028"},
    {"OBA Banne Amsterdam", "BIB-SL-021"},
    {"Bibliotheek Zwolle", "IDO-VB-104"},
    {"Bieb Zaanstreek", "IDO-VB-100"},                 // "De Bieb voor de Zaanstreek" without its filler words
    {"Bibliotheek Súdwest", ""},                       // six libraries in Súdwest-Fryslân: no single one
    {"Bibliotheek Ypenburg", "BIB-SL-066"},
    {"Bibliotheek Utrecht Neude", "BIB-SL-016"},
    {"Bibliotheek", ""},                               // ambiguous
    {"OBA", ""},                                       // ambiguous
    {"Bibliotheek Haarlem", ""},                       // Centrum and Schalkwijk
    {"IDO", ""},                                       // only a filler word
    {"Overvecht Bibliotheken", ""},                    // whole tokens only: "bibliotheken" is not "bibliotheek"
};

class NameQueries : public ::testing::TestWithParam<NameCase> {};

TEST_P(NameQueries, FindTheHelpPointItself) { EXPECT_EQ(best_id(GetParam().query), GetParam().id); }

INSTANTIATE_TEST_SUITE_P(Table, NameQueries, ::testing::ValuesIn(kCases));

TEST(NameIndex, ExactBeatsPrefixBeatsContained) {
    // "Bibliotheek Haarlem Centrum" is an exact name; "Bibliotheek Haarlem" a prefix of two names.
    const auto exact = names().find("Bibliotheek Haarlem Centrum");
    ASSERT_FALSE(exact.matches.empty());
    EXPECT_EQ(exact.matches.front().rank, NameRank::exact);
    EXPECT_FALSE(exact.ambiguous);
    const auto prefix = names().find("Bibliotheek Haarlem");
    ASSERT_GE(prefix.matches.size(), 2u);
    EXPECT_EQ(prefix.matches.front().rank, NameRank::prefix);
    EXPECT_TRUE(prefix.ambiguous);
    for (std::size_t i = 1; i < prefix.matches.size(); ++i) EXPECT_LE(prefix.matches[i - 1].rank, prefix.matches[i].rank);
}

TEST(NameIndex, APlaceNameIsNoSingleHelpPoint) {
    // Utrecht Neude and Utrecht Zuilen carry the place in their names; the geocoder answers "Utrecht" first.
    EXPECT_TRUE(names().find("Utrecht").ambiguous);
    // A token only in the municipality's name is not enough: "Amsterdam" alone is in no OBA name.
    for (const auto& m : names().find("Amsterdam", 100).matches)
        EXPECT_NE(snapshot().locations()[m.location].naam.find("Amsterdam"), std::string::npos);
}

TEST(NameIndex, RefusesWhatTheGeocoderRefuses) {
    EXPECT_TRUE(names().find("Bibliotheek\x01").matches.empty());
    EXPECT_TRUE(names().find("Bibliotheek \xC3").matches.empty());
    EXPECT_TRUE(names().find(std::string(201, 'a')).matches.empty());
    EXPECT_TRUE(names().find("").matches.empty());
}

TEST(NameIndex, LimitKeepsTheBest) {
    const auto r = names().find("Bibliotheek", 3);
    EXPECT_EQ(r.matches.size(), 3u);
    EXPECT_TRUE(r.ambiguous);
}

TEST(NameIndex, TokensFoldCaseAccentsAndFillerWords) {
    EXPECT_EQ(NameIndex::tokens("IDO  Bibliotheek Súdwest-Fryslân"), (std::vector<std::string>{"bibliotheek", "sudwest", "fryslan"}));
}

}  // namespace
