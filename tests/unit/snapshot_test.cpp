#include "geo/locator.hpp"

#include <gtest/gtest.h>

#include <set>

using ido::geo::Locator;

namespace {
const std::shared_ptr<Locator>& shipped() {
    static auto locator = Locator::from_data_directory(IDO_SOURCE_DIR "/data");
    return locator;
}
}  // namespace

// The seed set is consistent: every location lies inside the municipality it names, ids are unique,
// and the set has the published size (~600 in ~306 municipalities).
TEST(ShippedData, EveryLocationLiesInItsOwnMunicipality) {
    auto snapshot = shipped()->snapshot();
    const auto& locations = snapshot->locations();
    EXPECT_GE(locations.size(), 550u);
    EXPECT_LE(locations.size(), 650u);
    std::set<std::string> municipalities;
    for (std::size_t i = 0; i < locations.size(); ++i) {
        const auto m = snapshot->municipality_of(i);
        ASSERT_NE(m, ido::geo::Snapshot::npos) << locations[i].id;
        EXPECT_EQ(snapshot->municipalities().all()[m].gemeentecode, locations[i].gemeentecode) << locations[i].id;
        municipalities.insert(locations[i].gemeentecode);
    }
    EXPECT_GE(municipalities.size(), 290u);
    EXPECT_LE(municipalities.size(), 320u);
}

TEST(ShippedData, LookupsAndPaging) {
    auto snapshot = shipped()->snapshot();
    ASSERT_NE(snapshot->find("IDO-VB-01"), nullptr);
    EXPECT_EQ(snapshot->find("nope"), nullptr);
    EXPECT_EQ(snapshot->first_after(""), 0u);
    EXPECT_EQ(snapshot->first_after("~"), snapshot->locations().size());
    const auto& first = snapshot->locations()[0].id;
    EXPECT_EQ(snapshot->first_after(first), 1u);
}

// A swap is atomic: a reader holding the old snapshot keeps a complete, consistent view.
TEST(Locator, ReplaceKeepsOldReadersWhole) {
    auto locator = Locator::from_data_directory(IDO_SOURCE_DIR "/data");
    auto before = locator->snapshot();
    auto smaller = before->locations();
    smaller.resize(10);
    locator->replace(std::make_shared<const ido::geo::Snapshot>(smaller, std::shared_ptr<const ido::geo::MunicipalityIndex>(
                                                                              before, &before->municipalities())));
    EXPECT_EQ(locator->snapshot()->locations().size(), 10u);
    EXPECT_GE(before->locations().size(), 550u);
    EXPECT_EQ(before->index().size(), before->locations().size());
}
