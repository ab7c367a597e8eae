// The per-minute cache of opening members (service/render/opening_cache.hpp) and the per-snapshot answers
// (service/render/snapshot_answers.hpp) give exactly, byte for byte, what computing afresh gives: for every
// shipped location at many instants (any second of a minute, DST changes, open and closed), across a
// minute boundary, and across a data change (a new snapshot never serves the old one's data).
#include "geo/dataset.hpp"
#include "geo/hours/amsterdam_time.hpp"
#include "geo/locator.hpp"
#include "service/http/api.hpp"
#include "service/render/json_output.hpp"
#include "service/render/opening_cache.hpp"
#include "service/render/responses.hpp"
#include "service/render/snapshot_answers.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>

using ido::geo::Location;
using ido::geo::Snapshot;
using ido::service::MinuteOpening;
using ido::service::OpeningCache;
using ido::service::opening_members_json;
using std::chrono::sys_seconds;

namespace {

const std::shared_ptr<ido::geo::Locator>& shipped() {
    static auto locator = ido::geo::Locator::from_data_directory(IDO_SOURCE_DIR "/data");
    return locator;
}

sys_seconds at(const char* rfc3339) {
    auto t = ido::hours::parse_rfc3339(rfc3339);
    EXPECT_TRUE(t.has_value()) << rfc3339;
    return t.value_or(sys_seconds{});
}

sys_seconds minute_of(sys_seconds t) { return std::chrono::floor<std::chrono::minutes>(t); }

// What the cache answers for `location` at `t`, from an entry computed for t's minute.
std::string cached(const Location& location, sys_seconds t) {
    std::string out;
    MinuteOpening(location, minute_of(t)).render(out, t, ido::hours::format_amsterdam(t));
    return out;
}

// A location with the given desks (name, opening hours); the location's own hours are their union,
// as the data check requires, but only the desks count when there are any.
Location location_with(const std::string& id, const std::vector<std::pair<std::string, std::string>>& desks,
                       std::int64_t version = 1) {
    std::string union_hours;
    std::string spreekuren;
    for (const auto& [name, hours] : desks) {
        if (!spreekuren.empty()) spreekuren += ',';
        spreekuren += R"({"naam":")" + name + R"(","openingstijden":")" + hours + R"(","opAfspraak":false})";
        union_hours += (union_hours.empty() ? "" : ", ") + hours;
    }
    const std::string properties = R"({"id":")" + id + R"(","naam":"Test )" + id + R"(","gemeentecode":"GM0344",)" +
                                   R"("openingstijden":")" + (desks.size() == 1 ? desks[0].second : std::string()) +
                                   R"(","spreekuren":[)" + spreekuren + "]}";
    return ido::geo::make_location(properties, {52.0907, 5.1214}, version);
}

std::shared_ptr<const Snapshot> snapshot_of(std::vector<Location> locations) {
    const auto base = shipped()->snapshot();
    return std::make_shared<const Snapshot>(std::move(locations),
                                            std::shared_ptr<const ido::geo::MunicipalityIndex>(base, &base->municipalities()));
}

}  // namespace

// Every shipped location, 40 random instants each over two years (any second), plus every location at
// instants around both DST changes of 2026: the cached answer equals the fresh one. The counters show
// that the interesting cases occurred: a slot running at `at` (begin clipped) and one running at
// `at` + 14 days (end clipped).
TEST(OpeningCache, EqualsFreshForEveryShippedLocation) {
    const auto snapshot = shipped()->snapshot();
    std::mt19937_64 random(20261128);
    const sys_seconds from = at("2026-01-01T00:00:00Z");
    std::uniform_int_distribution<std::int64_t> offset(0, 2 * 366 * 86400);
    std::vector<sys_seconds> instants;
    for (const char* t : {"2026-03-29T00:59:59Z", "2026-03-29T01:00:00Z", "2026-03-29T01:00:37Z", "2026-10-25T00:30:15Z",
                          "2026-10-25T00:59:59Z", "2026-10-25T01:00:00Z", "2026-10-25T01:30:45Z", "2026-12-24T13:59:59+01:00",
                          "2026-12-24T14:00:00+01:00", "2026-12-24T14:00:01+01:00", "2026-12-23T15:30:29+01:00"})
        instants.push_back(at(t));
    int compared = 0, begin_clipped = 0, end_clipped = 0;
    for (const auto& location : snapshot->locations()) {
        std::vector<sys_seconds> mine = instants;
        for (int i = 0; i < 40; ++i) mine.push_back(from + std::chrono::seconds(offset(random)));
        for (const auto t : mine) {
            const std::string fresh = opening_members_json(location, t);
            ASSERT_EQ(cached(location, t), fresh) << location.id << " at " << ido::hours::format_amsterdam(t);
            ++compared;
            const std::string peil = ido::hours::format_amsterdam(t);
            if (t != minute_of(t) && fresh.find("\"begin\":\"" + peil + "\"") != std::string::npos) ++begin_clipped;
            if (t != minute_of(t) && fresh.find("\"eind\":\"" + ido::hours::format_amsterdam(t + std::chrono::days{14}) + "\"") !=
                                         std::string::npos)
                ++end_clipped;
        }
    }
    EXPECT_GT(compared, 20000);
    EXPECT_GT(begin_clipped, 100);
    EXPECT_GT(end_clipped, 100);
}

// Several desks with slots that begin at the same minute and one that runs through midnight: the order
// of slots that are clipped to the same `at` stays that of the desks, as in the fresh answer.
TEST(OpeningCache, SeveralDesksClippedAtTheSameInstant) {
    const Location location = location_with(
        "T-DESKS", {{"Balie", "Mo-Su 09:00-17:00"}, {"Spreekuur", "Mo-Su 09:00-12:00; PH off"}, {"Nacht", "Mo-Su 22:00-02:00"}});
    for (const char* t : {"2026-12-24T10:15:42+01:00", "2026-12-24T09:00:00+01:00", "2026-12-24T09:00:59+01:00",
                          "2026-12-24T23:59:59+01:00", "2026-12-25T01:59:30+01:00", "2026-03-29T01:59:59+01:00",
                          "2026-10-25T02:30:30+01:00", "2026-10-25T02:30:30+02:00"}) {
        EXPECT_EQ(cached(location, at(t)), opening_members_json(location, at(t))) << t;
    }
}

// The cache itself: the same minute is answered from one entry (also for a later second), the next
// minute from a new one; every answer equals the fresh one.
TEST(OpeningCache, AcrossAMinuteBoundary) {
    const Location location = location_with("T-MINUTE", {{"Balie", "Mo-Fr 10:00-12:00, 13:00-16:30"}});
    OpeningCache cache(1);
    for (const char* t : {"2026-12-22T11:59:00+01:00", "2026-12-22T11:59:01+01:00", "2026-12-22T11:59:59+01:00",
                          "2026-12-22T12:00:00+01:00", "2026-12-22T12:00:30+01:00", "2026-12-22T12:59:59+01:00",
                          "2026-12-22T13:00:00+01:00", "2026-12-22T13:00:01+01:00", "2026-12-22T11:59:30+01:00"}) {
        const auto instant = at(t);
        EXPECT_EQ(cache.members(location, 0, instant, ido::hours::format_amsterdam(instant)), opening_members_json(location, instant))
            << t;
    }
}

// An entry is only ever used for its own minute.
TEST(OpeningCache, RenderRefusesAnotherMinute) {
    const Location location = location_with("T-GUARD", {{"Balie", "Mo-Fr 10:00-12:00"}});
    const MinuteOpening entry(location, at("2026-12-22T11:59:00+01:00"));
    std::string out;
    EXPECT_THROW(entry.render(out, at("2026-12-22T12:00:00+01:00"), "x"), std::logic_error);
    EXPECT_THROW(entry.render(out, at("2026-12-22T11:58:59+01:00"), "x"), std::logic_error);
}

// A write swaps in a new snapshot: its answers are computed from its own data, in the same minute, while
// a request still holding the old snapshot keeps the old (consistent) answer.
TEST(SnapshotAnswers, ADataChangeNeverServesTheOldLocation) {
    const auto before = snapshot_of({location_with("T-A", {{"Balie", "Mo-Su 09:00-17:00"}}), location_with("T-B", {{"Balie", "Tu 10:00-11:00"}})});
    const auto after = snapshot_of({location_with("T-A", {{"Balie", "Sa 13:00-14:00"}}, 2), location_with("T-B", {{"Balie", "Tu 10:00-11:00"}})});
    const auto t = at("2026-12-22T10:30:15+01:00");
    const auto old_answer = ido::service::SnapshotAnswers::of(*before).opening().members(before->locations()[0], 0, t, ido::hours::format_amsterdam(t));
    const auto new_answer = ido::service::SnapshotAnswers::of(*after).opening().members(after->locations()[0], 0, t, ido::hours::format_amsterdam(t));
    EXPECT_EQ(old_answer, opening_members_json(before->locations()[0], t));
    EXPECT_EQ(new_answer, opening_members_json(after->locations()[0], t));
    EXPECT_NE(old_answer, new_answer);
    EXPECT_NE(new_answer.find("\"code\":\"gesloten\""), std::string::npos);
    // The old snapshot's cache is untouched by the new one.
    EXPECT_EQ(ido::service::SnapshotAnswers::of(*before).opening().members(before->locations()[0], 0, t, ido::hours::format_amsterdam(t)),
              old_answer);
}

// Through the API: the same request before and after Locator::replace, within one minute, follows the data.
TEST(SnapshotAnswers, TheApiFollowsASwappedSnapshot) {
    auto locator = std::make_shared<ido::geo::Locator>(snapshot_of({location_with("T-API", {{"Balie", "Mo-Su 00:00-24:00"}})}),
                                                      ido::geocode::Geocoder::load(IDO_SOURCE_DIR "/data").geocoder);
    const ido::service::Api api(locator, ido::service::StaticFiles{});
    ido::service::HttpRequest request;
    request.method = "GET";
    request.path = "/v1/informatiepunten/T-API";
    const auto first = api.handle(request);
    ASSERT_EQ(first.status, 200);
    EXPECT_NE(first.body.find("\"code\":\"open\""), std::string::npos);
    locator->replace(snapshot_of({location_with("T-API", {}, 2)}));
    const auto second = api.handle(request);
    ASSERT_EQ(second.status, 200);
    EXPECT_NE(second.body.find("\"code\":\"onbekend\""), std::string::npos) << second.body;
    EXPECT_EQ(second.body.find("\"code\":\"open\""), std::string::npos);
}

// The municipality list is built once per snapshot, equals a fresh rendering, carries a strong ETag
// derived from its content, and a matching If-None-Match gets 304 without a body.
TEST(SnapshotAnswers, MunicipalityListOncePerSnapshotWithETag) {
    const auto snapshot = shipped()->snapshot();
    const auto& list = ido::service::SnapshotAnswers::of(*snapshot).municipality_list();
    EXPECT_EQ(*list.body, ido::service::municipality_list_json(*snapshot));
    EXPECT_EQ(&list, &ido::service::SnapshotAnswers::of(*snapshot).municipality_list());
    EXPECT_EQ(list.etag, ido::service::content_etag(*list.body));
    ASSERT_EQ(list.etag.size(), 18u);
    EXPECT_EQ(list.etag.front(), '"');
    EXPECT_EQ(list.etag.back(), '"');
    // Another snapshot with other counts has another body and another tag.
    auto fewer = snapshot->locations();
    fewer.resize(10);
    const auto smaller = snapshot_of(std::move(fewer));
    EXPECT_NE(ido::service::SnapshotAnswers::of(*smaller).municipality_list().etag, list.etag);

    const ido::service::Api api(shipped(), ido::service::StaticFiles{});
    ido::service::HttpRequest request;
    request.method = "GET";
    request.path = "/v1/gemeenten";
    const auto full = api.handle(request);
    EXPECT_EQ(full.status, 200);
    EXPECT_EQ(full.payload(), *list.body);
    request.headers.emplace_back("if-none-match", "\"other\", W/" + list.etag);
    const auto not_modified = api.handle(request);
    EXPECT_EQ(not_modified.status, 304);
    EXPECT_TRUE(not_modified.payload().empty());
}

TEST(SnapshotAnswers, IfNoneMatch) {
    using ido::service::if_none_match;
    EXPECT_TRUE(if_none_match("\"abc\"", "\"abc\""));
    EXPECT_TRUE(if_none_match("W/\"abc\"", "\"abc\""));
    EXPECT_TRUE(if_none_match(" \"x\" ,\t\"abc\" ", "\"abc\""));
    EXPECT_TRUE(if_none_match("*", "\"abc\""));
    EXPECT_FALSE(if_none_match("\"abd\"", "\"abc\""));
    EXPECT_FALSE(if_none_match("", "\"abc\""));
    EXPECT_FALSE(if_none_match("abc", "\"abc\""));
    EXPECT_FALSE(if_none_match(",,", "\"abc\""));
}
