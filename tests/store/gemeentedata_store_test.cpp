// The municipal data of the store (issue 13, section 3), the same tests for SQLite and PostgreSQL:
// partners with versions and an audit log, financing figures, and quarterly figures stored once per
// quarter also when two replicas race.
#include "store/store.hpp"
#include "tests/support/postgres_server.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
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

namespace {

struct Backend {
    std::string name;
    std::function<std::string()> new_database;
    std::function<bool(const std::string& db, const std::string& sql)> raw_exec;
};

std::vector<Backend> backends() {
    static const fs::path sqlite_dir = new_temp_dir("ido-gemeentedata-test-sqlite-");
    static int files = 0;
    return {
        {"sqlite", [] { return (sqlite_dir / ("t" + std::to_string(++files) + ".db")).string(); },
         [](const std::string& db, const std::string& sql) {
             sqlite3* handle = nullptr;
             sqlite3_open(db.c_str(), &handle);
             const bool ok = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
             sqlite3_close(handle);
             return ok;
         }},
        {"postgres", [] { return PostgresServer::get().new_database(); }, &PostgresServer::exec},
    };
}

const Author gemeente{3, "gemeente Utrecht"};

Partner taalhuis(const std::string& gemeentecode = "GM0344") {
    Partner p;
    p.gemeentecode = gemeentecode;
    p.naam = "Taalhuis Utrecht";
    p.soort = "taalhuis";
    p.telefoon = "030 123 4567";
    p.website = "https://taalhuis.example.nl";
    return p;
}

QuarterFigures figures(const std::string& kwartaal, const std::string& gebied, std::int64_t inwoners) {
    QuarterFigures f;
    f.kwartaal = kwartaal;
    f.gebied = gebied;
    f.inwoners = inwoners;
    f.gemiddelde_afstand_m = 1234.5678901234;
    f.binnen_1km = inwoners / 4;
    f.binnen_3km = inwoners / 2;
    f.binnen_5km = inwoners - 10;
    f.binnen_10km = inwoners;
    f.uren_per_week = 37.25;
    f.informatiepunten = 7;
    return f;
}

class MunicipalDataContract : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        db_ = GetParam().new_database();
        store_ = open_store(db_);
    }
    std::string db_;
    std::unique_ptr<Store> store_;
};

TEST_P(MunicipalDataContract, APartnerIsStoredPerMunicipalityWithVersionOne) {
    const Partner a = store_->create_partner(taalhuis(), gemeente);
    const Partner b = store_->create_partner(taalhuis("GM0363"), gemeente);
    EXPECT_GT(a.id, 0);
    EXPECT_NE(a.id, b.id);
    EXPECT_EQ(a.versie, 1);
    const auto utrecht = store_->partners("GM0344");
    ASSERT_EQ(utrecht.size(), 1u);
    EXPECT_EQ(utrecht[0].id, a.id);
    EXPECT_EQ(utrecht[0].naam, "Taalhuis Utrecht");
    EXPECT_EQ(utrecht[0].telefoon, "030 123 4567");
    EXPECT_EQ(utrecht[0].email, "");
    EXPECT_EQ(store_->partners("GM0000").size(), 0u);
    ASSERT_TRUE(store_->partner(b.id));
    EXPECT_EQ(store_->partner(b.id)->gemeentecode, "GM0363");
    // None of it is help-point data: the snapshot need not be rebuilt.
    EXPECT_EQ(store_->data_version(), 0);
}

TEST_P(MunicipalDataContract, APartnerUpdateNeedsTheCurrentVersionAndIsAuditedPerField) {
    const Partner a = store_->create_partner(taalhuis(), gemeente);
    Partner changed = a;
    changed.naam = "Taalhuis Utrecht Centrum";
    changed.email = "info@taalhuis.example.nl";
    EXPECT_EQ(store_->update_partner(a.id, 0, changed, gemeente).outcome, WriteOutcome::versie_conflict);
    const auto result = store_->update_partner(a.id, 1, changed, gemeente);
    ASSERT_EQ(result.outcome, WriteOutcome::ok);
    EXPECT_EQ(result.version, 2);
    EXPECT_EQ(store_->partner(a.id)->naam, "Taalhuis Utrecht Centrum");
    EXPECT_EQ(store_->partner(a.id)->versie, 2);
    // The same texts again: no new version, no audit entry.
    EXPECT_EQ(store_->update_partner(a.id, 2, changed, gemeente).version, 2);
    EXPECT_EQ(store_->update_partner(a.id + 100, 1, changed, gemeente).outcome, WriteOutcome::niet_gevonden);

    const auto log = store_->municipal_history("GM0344");
    ASSERT_EQ(log.size(), 3u);
    EXPECT_EQ(log[0].actie, "aangemaakt");
    EXPECT_EQ(log[0].onderwerp, "partner/" + std::to_string(a.id));
    EXPECT_EQ(log[0].oud, "null");
    EXPECT_NE(log[0].nieuw.find("\"naam\":\"Taalhuis Utrecht\""), std::string::npos) << log[0].nieuw;
    EXPECT_EQ(log[1].veld, "naam");
    EXPECT_EQ(log[1].oud, "\"Taalhuis Utrecht\"");
    EXPECT_EQ(log[1].nieuw, "\"Taalhuis Utrecht Centrum\"");
    EXPECT_EQ(log[2].veld, "email");
    EXPECT_EQ(log[2].oud, "null");
    EXPECT_EQ(log[2].token_label, "gemeente Utrecht");
    EXPECT_EQ(log[2].tijd.size(), 20u) << log[2].tijd;
}

TEST_P(MunicipalDataContract, ARemovedPartnerLeavesTheListButKeepsItsHistory) {
    const Partner a = store_->create_partner(taalhuis(), gemeente);
    EXPECT_EQ(store_->remove_partner(a.id, 5, gemeente).outcome, WriteOutcome::versie_conflict);
    ASSERT_EQ(store_->remove_partner(a.id, 1, gemeente).outcome, WriteOutcome::ok);
    EXPECT_TRUE(store_->partners("GM0344").empty());
    EXPECT_FALSE(store_->partner(a.id));
    EXPECT_EQ(store_->remove_partner(a.id, 2, gemeente).outcome, WriteOutcome::niet_gevonden);
    const auto log = store_->municipal_history("GM0344");
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[1].actie, "verwijderd");
    EXPECT_EQ(log[1].nieuw, "null");
}

TEST_P(MunicipalDataContract, TheMunicipalAuditLogIsAppendOnlyEvenInSql) {
    store_->create_partner(taalhuis(), gemeente);
    EXPECT_FALSE(GetParam().raw_exec(db_, "UPDATE gemeente_wijzigingen SET actie = 'niets'"));
    EXPECT_FALSE(GetParam().raw_exec(db_, "DELETE FROM gemeente_wijzigingen"));
    EXPECT_EQ(store_->municipal_history("GM0344").size(), 1u);
}

TEST_P(MunicipalDataContract, AFinancingFigureIsSetPerYearAndAudited) {
    EXPECT_TRUE(store_->set_financing({"GM0344", 2026, 125000.5, "Raadsbesluit begroting 2026", ""}, gemeente));
    EXPECT_TRUE(store_->set_financing({"GM0344", 2025, 98000, "Jaarrekening 2025", ""}, gemeente));
    EXPECT_FALSE(store_->set_financing({"GM0344", 2026, 130000, "Raadsbesluit begrotingswijziging", ""}, gemeente));
    // The same figure again records nothing.
    EXPECT_FALSE(store_->set_financing({"GM0344", 2026, 130000, "Raadsbesluit begrotingswijziging", ""}, gemeente));
    const auto all = store_->financing("GM0344");
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].jaar, 2025);  // by year
    EXPECT_EQ(all[1].jaar, 2026);
    EXPECT_EQ(all[1].bedrag, 130000);
    EXPECT_EQ(all[1].bron, "Raadsbesluit begrotingswijziging");
    EXPECT_EQ(all[1].ingevoerd.size(), 20u) << all[1].ingevoerd;
    EXPECT_TRUE(store_->financing("GM0363").empty());
    const auto log = store_->municipal_history("GM0344");
    ASSERT_EQ(log.size(), 3u);
    EXPECT_EQ(log[0].onderwerp, "financiering/2026");
    EXPECT_EQ(log[2].actie, "gewijzigd");
    EXPECT_EQ(log[2].oud, R"({"bedrag":125000.5,"bron":"Raadsbesluit begroting 2026"})");
}

TEST_P(MunicipalDataContract, AQuarterIsStoredOnceAndComesBackExactlyOldestFirst) {
    EXPECT_FALSE(store_->has_quarter("2026-K4"));
    EXPECT_EQ(store_->record_quarter({figures("2026-K4", "GM0344", 361000), figures("2026-K4", "NL", 17472870)}), 2u);
    EXPECT_TRUE(store_->has_quarter("2026-K4"));
    // Again (a restart, another replica): nothing changes, also not the figures.
    EXPECT_EQ(store_->record_quarter({figures("2026-K4", "GM0344", 1)}), 0u);
    auto earlier = figures("2026-K3", "GM0344", 360000);
    earlier.gemiddelde_afstand_m.reset();
    EXPECT_EQ(store_->record_quarter({earlier}), 1u);
    const auto rows = store_->quarters("GM0344");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].kwartaal, "2026-K3");
    EXPECT_FALSE(rows[0].gemiddelde_afstand_m);
    EXPECT_EQ(rows[1].kwartaal, "2026-K4");
    EXPECT_EQ(rows[1].inwoners, 361000);
    EXPECT_EQ(rows[1].gemiddelde_afstand_m, 1234.5678901234);
    EXPECT_FALSE(rows[1].mediaan_afstand_m);
    EXPECT_EQ(rows[1].binnen_3km, 180500);
    EXPECT_EQ(rows[1].uren_per_week, 37.25);
    EXPECT_EQ(rows[1].informatiepunten, 7);
    EXPECT_EQ(rows[1].vastgelegd.size(), 20u);
    EXPECT_EQ(store_->quarters("NL").size(), 1u);
}

TEST_P(MunicipalDataContract, TwoReplicasRacingToStoreAQuarterStoreItOnce) {
    auto other = open_store(db_);
    std::vector<QuarterFigures> rows;
    for (int m = 0; m < 50; ++m) rows.push_back(figures("2027-K1", "GM" + std::to_string(1000 + m), 1000 + m));
    std::atomic<std::size_t> inserted = 0;
    std::thread a([&] { inserted += store_->record_quarter(rows); });
    std::thread b([&] { inserted += other->record_quarter(rows); });
    a.join();
    b.join();
    EXPECT_EQ(inserted.load(), rows.size());
    EXPECT_EQ(store_->quarters("GM1000").size(), 1u);
}

TEST_P(MunicipalDataContract, ReopeningKeepsTheMunicipalData) {
    store_->create_partner(taalhuis(), gemeente);
    store_->set_financing({"GM0344", 2026, 1, "Begroting", ""}, gemeente);
    store_->record_quarter({figures("2026-K4", "GM0344", 5)});
    store_.reset();
    auto reopened = open_store(db_);
    EXPECT_EQ(reopened->partners("GM0344").size(), 1u);
    EXPECT_EQ(reopened->financing("GM0344").size(), 1u);
    EXPECT_EQ(reopened->quarters("GM0344").size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, MunicipalDataContract, ::testing::ValuesIn(backends()),
                         [](const ::testing::TestParamInfo<Backend>& info) { return info.param.name; });

}  // namespace
