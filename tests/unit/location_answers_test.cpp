// The fast path of a location in an answer (OpeningMembers::append_location: the head rendered once per
// snapshot, the opening members from the per-minute cache) gives exactly, byte for byte, what the generic
// location_json gives: for every shipped location, in both CRSs, with and without a distance (at
// distances from several positions) and for "now" as well as an explicit `tijdstip`.
#include "geo/hours/amsterdam_time.hpp"
#include "geo/locator.hpp"
#include "geo/transformer.hpp"
#include "service/render/json_output.hpp"
#include "service/render/snapshot_answers.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

using ido::service::Crs;
using ido::service::OpeningMembers;
using ido::service::SnapshotAnswers;

namespace {

const std::shared_ptr<ido::geo::Locator>& shipped() {
    static auto locator = ido::geo::Locator::from_data_directory(IDO_SOURCE_DIR "/data");
    return locator;
}

// The straight-line distance in RD from `from` to the location: any double will do for the comparison,
// but these are the kind of values a nearest query writes.
double distance(ido::geo::RdPoint from, const ido::geo::Location& location) {
    return std::hypot(location.rd.x - from.x, location.rd.y - from.y);
}

}  // namespace

TEST(LocationAnswers, FastPathEqualsGenericForEveryShippedLocation) {
    const auto snapshot = shipped()->snapshot();
    ASSERT_GT(snapshot->locations().size(), 500u);
    std::vector<ido::geo::RdPoint> positions;
    for (const ido::geo::Wgs84 p : {ido::geo::Wgs84{52.0907, 5.1214}, ido::geo::Wgs84{52.3731, 4.8922},
                                    ido::geo::Wgs84{50.8514, 5.6910}, ido::geo::Wgs84{53.2012, 5.7999}}) {
        const auto rd = ido::geo::Transformer::to_rd(p);
        ASSERT_TRUE(rd.has_value());
        positions.push_back(*rd);
    }
    std::vector<std::optional<std::chrono::sys_seconds>> moments{std::nullopt};
    for (const char* t : {"2026-12-24T13:59:59+01:00", "2026-03-29T01:30:17Z", "2027-07-01T10:00:00+02:00"}) {
        const auto parsed = ido::hours::parse_rfc3339(t);
        ASSERT_TRUE(parsed.has_value()) << t;
        moments.push_back(*parsed);
    }
    int compared = 0;
    for (const auto& moment : moments) {
        const OpeningMembers opening(*snapshot, moment);
        for (const Crs crs : {Crs::crs84, Crs::rd_new}) {
            for (std::size_t i = 0; i < snapshot->locations().size(); ++i) {
                const auto& location = snapshot->locations()[i];
                const std::string members = ido::service::opening_members_json(location, opening.at());
                std::vector<std::optional<double>> distances{std::nullopt, 0.0, 0.04, 0.05, 0.15, 1234.25};
                for (const auto& from : positions) distances.push_back(distance(from, location));
                for (const auto& d : distances) {
                    std::string fast = "prefix";  // appends, never replaces
                    opening.append_location(fast, i, d, crs);
                    ASSERT_EQ(fast, "prefix" + ido::service::location_json(location, d, members, crs))
                        << location.id << " crs " << static_cast<int>(crs) << " distance " << d.value_or(-1);
                    ++compared;
                }
            }
        }
    }
    EXPECT_GT(compared, 4 * 2 * 500 * 10);
}

// The head is rendered once per snapshot and CRS: the same object on every call, and a new snapshot
// (a write) has its own.
TEST(LocationAnswers, HeadsBelongToTheirSnapshot) {
    const auto snapshot = shipped()->snapshot();
    const auto& answers = SnapshotAnswers::of(*snapshot);
    EXPECT_EQ(&answers.location_head(3, Crs::crs84), &answers.location_head(3, Crs::crs84));
    EXPECT_NE(answers.location_head(3, Crs::crs84), answers.location_head(3, Crs::rd_new));
    EXPECT_EQ(answers.location_head(3, Crs::rd_new), ido::service::location_json_head(snapshot->locations()[3], Crs::rd_new));
    EXPECT_THROW((void)answers.location_head(snapshot->locations().size(), Crs::crs84), std::out_of_range);
}
