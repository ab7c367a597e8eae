// Found by fuzz/import_fuzz (2026-12-02, crash-960ecb28…, minimised): a GeoJSON feature whose properties
// hold "inloop" twice. The checks read the first, the stored copy kept both, and planning the same file
// again over what the first plan wrote found the record changed: an import that is never idempotent
// (each run a new version and audit entry). Now the feature is refused and nothing is imported.
#include "exchange/import.hpp"
#include "exchange/plan.hpp"
#include "geo/municipality_index.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

TEST(RegressionImport, ANameTwiceInAFeatureIsRefused) {
    static const auto municipalities = ido::geo::MunicipalityIndex::load(IDO_SOURCE_DIR "/data/gemeenten.geojson");
    const std::string file =
        R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[4.8,52.371]},)"
        R"("properties":{"id":"I","naam":"d","gemeentecode":"GM0363","spreekuren":[{"naam":"o","diensten":[],"openingstijden":""}],)"
        R"("inloop":true,"inloop":[]}}]})";
    const auto report = ido::exchange::validate_import_text(file, ido::exchange::ImportFormat::geojson, *municipalities);
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_EQ(report.problems[0].row, 1u);
    EXPECT_EQ(report.problems[0].field, "inloop");
    EXPECT_EQ(report.problems[0].code, "ongeldige-json");
    EXPECT_TRUE(report.records.empty());
    EXPECT_TRUE(ido::exchange::plan_import(report, {}).writes.empty());
}

}  // namespace
