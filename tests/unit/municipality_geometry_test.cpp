// The OGC geometry of the municipalities (SnapshotAnswers::municipality_geometry) is built once per
// snapshot and kept with it: the same object for every request on that snapshot, a fresh one for a new
// snapshot, and every polygon present in both CRSs.
#include "geo/locator.hpp"
#include "service/render/snapshot_answers.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace {

using ido::service::SnapshotAnswers;

TEST(MunicipalityGeometry, BuiltOncePerSnapshot) {
    const auto locator = ido::geo::Locator::from_data_directory(IDO_SOURCE_DIR "/data");
    const auto snapshot = locator->snapshot();
    const auto& first = SnapshotAnswers::of(*snapshot).municipality_geometry();
    EXPECT_EQ(&first, &SnapshotAnswers::of(*snapshot).municipality_geometry());

    const std::size_t n = snapshot->municipalities().all().size();
    ASSERT_GE(n, 300u);
    ASSERT_EQ(first.geometry_crs84.size(), n);
    ASSERT_EQ(first.geometry_rd.size(), n);
    ASSERT_EQ(first.envelope_rd.size(), n);
    for (std::size_t m = 0; m < n; ++m) {
        EXPECT_NE(first.geometry_rd[m], "null") << m;
        // Inside the EPSG:28992 area, and the CRS84 envelope inside the Netherlands' degrees.
        EXPECT_GE(first.envelope_rd[m][0], -7000.0) << m;
        EXPECT_LE(first.envelope_rd[m][3], 629000.0) << m;
        EXPECT_GT(first.envelope_crs84[m][1], 50.0) << m;
        EXPECT_LT(first.envelope_crs84[m][3], 54.0) << m;
    }

    // A write swaps in a new snapshot (sharing the municipality index): it builds its own geometry.
    const auto next = std::make_shared<const ido::geo::Snapshot>(
        snapshot->locations(), std::shared_ptr<const ido::geo::MunicipalityIndex>(snapshot, &snapshot->municipalities()));
    const auto& second = SnapshotAnswers::of(*next).municipality_geometry();
    EXPECT_NE(&second, &first);
    EXPECT_EQ(second.geometry_rd, first.geometry_rd);
    EXPECT_EQ(second.geometry_crs84, first.geometry_crs84);
}

}  // namespace
