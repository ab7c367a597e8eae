// Reports from residents (meldingen) in both stores, the same tests for SQLite and PostgreSQL: storing,
// merging duplicates, closing with optimistic concurrency, the audit entries (never the texts), the
// retention purge with an injected "now", and confirming a help point.
#include "store/meldingen.hpp"
#include "store/store.hpp"
#include "tests/support/postgres_server.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace ido::store;
using ido::test::PostgresServer;
using ido::test::new_temp_dir;
using namespace std::chrono;

namespace {

struct Backend {
    std::string name;
    std::function<std::string()> new_database;
};

std::vector<Backend> backends() {
    static const fs::path sqlite_dir = new_temp_dir("ido-meldingen-test-sqlite-");
    static int files = 0;
    return {
        {"sqlite", [] { return (sqlite_dir / ("t" + std::to_string(++files) + ".db")).string(); }},
        {"postgres", [] { return PostgresServer::get().new_database(); }},
    };
}

// 1 December 2026, 12:00 UTC, and days from it: the tests' clock.
sys_seconds day(int offset) { return sys_days(year(2026) / December / 1) + hours(12) + days(offset); }

const Author bibliotheek{7, "bibliotheek Utrecht"};

class MeldingenContract : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        db_ = GetParam().new_database();
        store_ = open_store(db_);
        store_->create({"A", 1, R"({"naam":"Bibliotheek A","laatstGecontroleerd":null})", {52.09, 5.12}}, Author{});
        store_->create({"B", 1, R"({"naam":"Bibliotheek B"})", {52.10, 5.13}}, Author{});
    }
    std::vector<AuditEntry> report_entries(const std::string& id) {
        std::vector<AuditEntry> out;
        for (auto& e : store_->history(id))
            if (e.veld == "melding") out.push_back(std::move(e));
        return out;
    }
    std::string db_;
    std::unique_ptr<Store> store_;
};

TEST_P(MeldingenContract, AReportIsStoredOpenWithItsTimeAndAuditedWithoutItsText) {
    const auto result = store_->add_melding("A", "openingstijden", "Op maandag dicht", day(0));
    ASSERT_EQ(result.outcome, MeldingOutcome::opgeslagen);
    const auto stored = store_->melding(result.id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->informatiepunt, "A");
    EXPECT_EQ(stored->soort, "openingstijden");
    EXPECT_EQ(stored->toelichting, "Op maandag dicht");
    EXPECT_EQ(stored->status, "open");
    EXPECT_EQ(stored->ontvangen, "2026-12-01T12:00:00Z");
    EXPECT_EQ(stored->aantal, 1);
    EXPECT_EQ(stored->version, 1);
    EXPECT_FALSE(stored->afgesloten);
    EXPECT_FALSE(stored->antwoord);
    const auto audit = report_entries("A");
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].actie, melding_acties::ontvangen);
    EXPECT_EQ(audit[0].token_label, "inwoner");
    EXPECT_EQ(audit[0].nieuw, melding_audit_json(result.id, "openingstijden", "open"));
    for (const auto& e : store_->history("A")) EXPECT_EQ(e.nieuw.find("maandag"), std::string::npos) << e.nieuw;
    // A report is no change of the help point: no new version, no rebuild of the replicas' index.
    EXPECT_EQ(store_->location("A")->version, 1);
}

TEST_P(MeldingenContract, AReportOfAnUnknownOrRemovedHelpPointIsNotStored) {
    EXPECT_EQ(store_->add_melding("X", "adres", "", day(0)).outcome, MeldingOutcome::niet_gevonden);
    ASSERT_EQ(store_->remove("B", 1, Author{}).outcome, WriteOutcome::ok);
    EXPECT_EQ(store_->add_melding("B", "adres", "", day(0)).outcome, MeldingOutcome::niet_gevonden);
    EXPECT_TRUE(store_->meldingen("").empty());
}

TEST_P(MeldingenContract, ADuplicateOfAnOpenReportIsMergedNotStoredTwice) {
    const auto first = store_->add_melding("A", "adres", "De ingang is om de hoek", day(0));
    // The same text up to case and white space, or no text at all: the same report, counted once more.
    const auto same = store_->add_melding("A", "adres", "  de ingang is  om de HOEK ", day(1));
    const auto empty = store_->add_melding("A", "adres", "", day(1));
    EXPECT_EQ(same.outcome, MeldingOutcome::samengevoegd);
    EXPECT_EQ(same.id, first.id);
    EXPECT_EQ(empty.outcome, MeldingOutcome::samengevoegd);
    EXPECT_EQ(empty.id, first.id);
    // Other text, another kind or another help point: a report of its own.
    EXPECT_EQ(store_->add_melding("A", "adres", "Het huisnummer is 12", day(1)).outcome, MeldingOutcome::opgeslagen);
    EXPECT_EQ(store_->add_melding("A", "gesloten", "De ingang is om de hoek", day(1)).outcome, MeldingOutcome::opgeslagen);
    EXPECT_EQ(store_->add_melding("B", "adres", "De ingang is om de hoek", day(1)).outcome, MeldingOutcome::opgeslagen);
    const auto merged = store_->melding(first.id);
    EXPECT_EQ(merged->aantal, 3);
    EXPECT_EQ(merged->version, 3);
    EXPECT_EQ(merged->toelichting, "De ingang is om de hoek");
    EXPECT_EQ(merged->ontvangen, "2026-12-01T12:00:00Z");
    EXPECT_EQ(store_->meldingen("open").size(), 4u);
    const auto audit = report_entries("A");
    ASSERT_EQ(audit.size(), 5u);
    EXPECT_EQ(audit[1].actie, melding_acties::samengevoegd);
    EXPECT_EQ(audit[2].actie, melding_acties::samengevoegd);
}

TEST_P(MeldingenContract, AClosedReportIsNoLongerADuplicate) {
    const auto first = store_->add_melding("A", "diensten", "", day(0));
    ASSERT_EQ(store_->close_melding(first.id, 1, "afgehandeld", "Aangepast", bibliotheek, day(1)).outcome, AfsluitOutcome::ok);
    const auto again = store_->add_melding("A", "diensten", "", day(2));
    EXPECT_EQ(again.outcome, MeldingOutcome::opgeslagen);
    EXPECT_NE(again.id, first.id);
}

TEST_P(MeldingenContract, ClosingNeedsTheCurrentVersionAndAnOpenReport) {
    const auto id = store_->add_melding("A", "gesloten", "Er hangt een briefje", day(0)).id;
    store_->add_melding("A", "gesloten", "", day(0));  // merged: version 2
    const auto stale = store_->close_melding(id, 1, "afgewezen", "Klopt niet", bibliotheek, day(1));
    EXPECT_EQ(stale.outcome, AfsluitOutcome::versie_conflict);
    EXPECT_EQ(stale.version, 2);
    EXPECT_EQ(store_->close_melding(id + 100, 1, "afgewezen", "x", bibliotheek, day(1)).outcome, AfsluitOutcome::niet_gevonden);
    const auto closed = store_->close_melding(id, 2, "afgewezen", "Het briefje is oud", bibliotheek, day(1));
    ASSERT_EQ(closed.outcome, AfsluitOutcome::ok);
    EXPECT_EQ(closed.version, 3);
    EXPECT_EQ(store_->close_melding(id, 3, "afgehandeld", "toch", bibliotheek, day(1)).outcome, AfsluitOutcome::al_afgesloten);
    const auto stored = store_->melding(id);
    EXPECT_EQ(stored->status, "afgewezen");
    EXPECT_EQ(stored->antwoord, "Het briefje is oud");
    EXPECT_EQ(stored->afgesloten, "2026-12-02T12:00:00Z");
    EXPECT_TRUE(store_->meldingen("open").empty());
    EXPECT_EQ(store_->meldingen("afgewezen").size(), 1u);
    EXPECT_TRUE(store_->meldingen("afgehandeld").empty());
    const auto audit = report_entries("A");
    ASSERT_EQ(audit.size(), 3u);
    EXPECT_EQ(audit[2].actie, melding_acties::afgewezen);
    EXPECT_EQ(audit[2].token_id, bibliotheek.token_id);
    EXPECT_EQ(audit[2].oud, melding_audit_json(id, "gesloten", "open"));
    EXPECT_EQ(audit[2].nieuw, melding_audit_json(id, "gesloten", "afgewezen"));
    for (const auto& e : store_->history("A")) EXPECT_EQ(e.nieuw.find("briefje"), std::string::npos) << e.nieuw;
}

TEST_P(MeldingenContract, ClosedReportsAreDeletedTwelveMonthsAfterClosingOpenOnesNever) {
    const auto old_one = store_->add_melding("A", "adres", "oud", day(-400)).id;
    const auto recent = store_->add_melding("A", "diensten", "recent", day(-400)).id;
    const auto still_open = store_->add_melding("A", "anders", "open", day(-400)).id;
    store_->close_melding(old_one, 1, "afgehandeld", "ja", bibliotheek, day(-366));
    store_->close_melding(recent, 1, "afgehandeld", "ja", bibliotheek, day(-364));
    EXPECT_EQ(store_->purge_meldingen(day(0)), 1u);
    EXPECT_FALSE(store_->melding(old_one));
    EXPECT_TRUE(store_->melding(recent));
    EXPECT_TRUE(store_->melding(still_open));
    EXPECT_EQ(store_->purge_meldingen(day(0)), 0u);  // nothing twice
    // A day later than 12 months after closing, the second goes too; the open one stays.
    EXPECT_EQ(store_->purge_meldingen(day(2)), 1u);
    EXPECT_TRUE(store_->melding(still_open));
    const auto audit = report_entries("A");
    ASSERT_EQ(audit.size(), 7u);
    EXPECT_EQ(audit[5].actie, melding_acties::verwijderd);
    EXPECT_EQ(audit[5].oud, melding_audit_json(old_one, "adres", "afgehandeld"));
    EXPECT_EQ(audit[5].token_id, 0);
    EXPECT_EQ(audit[6].oud, melding_audit_json(recent, "diensten", "afgehandeld"));
}

TEST_P(MeldingenContract, TwoReplicasMergeTheSameDuplicateOnce) {
    auto other = open_store(db_);
    constexpr int per_replica = 10;
    auto reporter = [](Store& store) {
        for (int i = 0; i < per_replica; ++i) store.add_melding("A", "openingstijden", "Dicht op dinsdag", day(0));
    };
    std::thread a(reporter, std::ref(*store_)), b(reporter, std::ref(*other));
    a.join();
    b.join();
    const auto open = store_->meldingen("open");
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].aantal, 2 * per_replica);
}

TEST_P(MeldingenContract, ConfirmingSetsTheDateAndIsAuditedAlsoWhenTheDateDidNotChange) {
    const std::string confirmed = R"({"naam":"Bibliotheek A","laatstGecontroleerd":"2026-12-01"})";
    EXPECT_EQ(store_->confirm("A", 0, confirmed, bibliotheek).outcome, WriteOutcome::versie_conflict);
    EXPECT_EQ(store_->confirm("X", 1, confirmed, bibliotheek).outcome, WriteOutcome::niet_gevonden);
    const auto first = store_->confirm("A", 1, confirmed, bibliotheek);
    ASSERT_EQ(first.outcome, WriteOutcome::ok);
    EXPECT_EQ(first.version, 2);
    EXPECT_EQ(store_->location("A")->properties_json, confirmed);
    const auto again = store_->confirm("A", 2, confirmed, bibliotheek);  // the same day once more
    EXPECT_EQ(again.outcome, WriteOutcome::ok);
    EXPECT_EQ(again.version, 2);
    const auto history = store_->history("A");
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history[1].actie, melding_acties::gecontroleerd);
    EXPECT_EQ(history[1].veld, "laatstGecontroleerd");
    EXPECT_EQ(history[1].oud, "null");
    EXPECT_EQ(history[1].nieuw, "\"2026-12-01\"");
    EXPECT_EQ(history[2].actie, melding_acties::gecontroleerd);
    EXPECT_EQ(history[2].oud, "\"2026-12-01\"");
    EXPECT_EQ(history[2].nieuw, "\"2026-12-01\"");
}

TEST_P(MeldingenContract, ReportsSurviveReopening) {
    const auto id = store_->add_melding("A", "adres", "tekst", day(0)).id;
    store_.reset();
    auto reopened = open_store(db_);
    ASSERT_TRUE(reopened->melding(id));
    EXPECT_EQ(reopened->melding(id)->toelichting, "tekst");
}

INSTANTIATE_TEST_SUITE_P(Backends, MeldingenContract, ::testing::ValuesIn(backends()),
                         [](const ::testing::TestParamInfo<Backend>& info) { return info.param.name; });

// --- The shared rules, without a database -----------------------------------------------------------------

TEST(MeldingRules, TheRetentionCutoffIsTheSameInstantAYearEarlier) {
    EXPECT_EQ(melding_retention_cutoff(day(0)), sys_days(year(2025) / December / 1) + hours(12));
    // 29 February has no date a year earlier: 28 February.
    EXPECT_EQ(melding_retention_cutoff(sys_days(year(2028) / February / 29) + minutes(5)), sys_days(year(2027) / February / 28) + minutes(5));
}

TEST(MeldingRules, ADuplicateAddsNoText) {
    EXPECT_TRUE(is_duplicate_melding("Dicht op maandag", ""));
    EXPECT_TRUE(is_duplicate_melding("Dicht op maandag", " \n "));
    EXPECT_TRUE(is_duplicate_melding("Dicht op maandag", "dicht  OP\tmaandag"));
    EXPECT_FALSE(is_duplicate_melding("Dicht op maandag", "Dicht op dinsdag"));
    EXPECT_FALSE(is_duplicate_melding("", "Dicht op dinsdag"));
}

TEST(MeldingRules, TimesAreUtcRfc3339) {
    EXPECT_EQ(utc_rfc3339(day(0)), "2026-12-01T12:00:00Z");
}

}  // namespace
