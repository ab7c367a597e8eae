// The store's contract, the same tests for SQLite and PostgreSQL: versions and optimistic concurrency,
// the audit log, tokens, exact round trips, two connections (two replicas) on one database. Then what
// only PostgreSQL does: announcing changes to other replicas, and surviving a server restart.
#include "store/secrets.hpp"
#include "store/store.hpp"
#include "store/token_dates.hpp"
#include "tests/support/postgres_server.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace ido::store;
using ido::test::PostgresServer;
using ido::test::new_temp_dir;
using namespace std::chrono_literals;

namespace {

/// One kind of store, as the tests need it: a fresh database, a second connection to it (a second
/// replica), and raw SQL behind the store's back.
struct Backend {
    std::string name;
    std::function<std::string()> new_database;
    std::function<bool(const std::string& db, const std::string& sql)> raw_exec;
};

std::vector<Backend> backends() {
    static const fs::path sqlite_dir = new_temp_dir("ido-store-test-sqlite-");
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

StoredLocation location(const std::string& id, const std::string& properties = R"({"naam":"Bibliotheek","diensten":["digid"]})",
                        ido::geo::Wgs84 position = {52.0907, 5.1214}) {
    return {id, 1, properties, position};
}

const Author systeem{0, "systeem"};
const Author bibliotheek{7, "bibliotheek Utrecht"};

class StoreContract : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        db_ = GetParam().new_database();
        store_ = open_store(db_);
    }
    std::unique_ptr<Store> second_connection() { return open_store(db_); }

    std::string db_;
    std::unique_ptr<Store> store_;
};

TEST_P(StoreContract, ANewStoreIsEmptyAndWasNeverFilled) {
    EXPECT_TRUE(store_->never_filled());
    EXPECT_TRUE(store_->locations().empty());
    EXPECT_EQ(store_->data_version(), 0);
    EXPECT_TRUE(store_->reachable());
}

TEST_P(StoreContract, TheSeedSetIsLoadedOnceOnly) {
    EXPECT_EQ(store_->fill_if_never_filled({location("A"), location("B")}, systeem, "geimporteerd"), 2u);
    EXPECT_FALSE(store_->never_filled());
    EXPECT_EQ(store_->data_version(), 1);
    // A second replica starting later, or a restart, leaves the data (and any edits) alone.
    EXPECT_EQ(second_connection()->fill_if_never_filled({location("A", R"({"naam":"anders"})")}, systeem, "geimporteerd"), 0u);
    EXPECT_EQ(store_->location("A")->properties_json, R"({"naam":"Bibliotheek","diensten":["digid"]})");
    EXPECT_EQ(store_->data_version(), 1);
}

TEST_P(StoreContract, IdsAreNeverReused) {
    EXPECT_EQ(store_->create(location("A"), bibliotheek).outcome, WriteOutcome::ok);
    const auto again = store_->create(location("A"), bibliotheek);
    EXPECT_EQ(again.outcome, WriteOutcome::bestaat_al);
    EXPECT_EQ(again.version, 1);
    ASSERT_EQ(store_->remove("A", 1, bibliotheek).outcome, WriteOutcome::ok);
    EXPECT_EQ(store_->create(location("A"), bibliotheek).outcome, WriteOutcome::bestaat_al);
}

TEST_P(StoreContract, AnUpdateNeedsTheCurrentVersionAndIsAuditedPerField) {
    store_->create(location("A"), systeem);
    const std::string changed = R"({"naam":"Bibliotheek Centrum","diensten":["digid"],"mededeling":"Gesloten"})";
    const auto stale = store_->update("A", 0, changed, {52.0907, 5.1214}, bibliotheek);
    EXPECT_EQ(stale.outcome, WriteOutcome::versie_conflict);
    EXPECT_EQ(stale.version, 1);
    const auto result = store_->update("A", 1, changed, {52.1, 5.2}, bibliotheek);
    ASSERT_EQ(result.outcome, WriteOutcome::ok);
    EXPECT_EQ(result.version, 2);
    EXPECT_EQ(store_->update("B", 1, changed, {52.1, 5.2}, bibliotheek).outcome, WriteOutcome::niet_gevonden);

    const auto stored = store_->location("A");
    EXPECT_EQ(stored->version, 2);
    EXPECT_EQ(stored->properties_json, changed);
    const auto history = store_->history("A");
    ASSERT_EQ(history.size(), 4u);  // aangemaakt, then naam, mededeling and geometrie
    EXPECT_EQ(history[0].actie, "aangemaakt");
    std::vector<std::string> fields;
    for (std::size_t i = 1; i < history.size(); ++i) {
        EXPECT_EQ(history[i].actie, "gewijzigd");
        EXPECT_EQ(history[i].token_id, 7);
        EXPECT_EQ(history[i].token_label, "bibliotheek Utrecht");
        EXPECT_EQ(history[i].tijd.size(), 20u) << history[i].tijd;  // 2026-11-28T19:04:05Z
        EXPECT_EQ(history[i].tijd.back(), 'Z');
        fields.push_back(history[i].veld);
    }
    EXPECT_EQ(fields, (std::vector<std::string>{"naam", "mededeling", "geometrie"}));
    EXPECT_EQ(history[1].oud, R"("Bibliotheek")");
    EXPECT_EQ(history[1].nieuw, R"("Bibliotheek Centrum")");
    EXPECT_EQ(history[2].oud, "null");
}

TEST_P(StoreContract, AnUpdateThatChangesNothingIsNotAVersion) {
    store_->create(location("A"), systeem);
    const auto before = store_->data_version();
    const auto same = store_->update("A", 1, location("A").properties_json, location("A").position, bibliotheek);
    EXPECT_EQ(same.outcome, WriteOutcome::ok);
    EXPECT_EQ(same.version, 1);
    EXPECT_EQ(store_->data_version(), before);
    EXPECT_EQ(store_->history("A").size(), 1u);
}

TEST_P(StoreContract, ARemovedHelpPointLeavesQueriesButKeepsItsHistory) {
    store_->create(location("A"), systeem);
    store_->create(location("B"), systeem);
    EXPECT_EQ(store_->remove("A", 2, bibliotheek).outcome, WriteOutcome::versie_conflict);
    EXPECT_EQ(store_->remove("A", 1, bibliotheek).outcome, WriteOutcome::ok);
    EXPECT_FALSE(store_->location("A"));
    ASSERT_EQ(store_->locations().size(), 1u);
    EXPECT_EQ(store_->locations()[0].id, "B");
    const auto history = store_->history("A");
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[1].actie, "verwijderd");
    EXPECT_EQ(history[1].nieuw, "null");
}

TEST_P(StoreContract, AnImportChangesOnlyWhatChangedAndBringsBackWhatWasRemoved) {
    store_->upsert_all({location("A"), location("B"), location("C")}, systeem, "geimporteerd");
    store_->remove("C", 1, bibliotheek);
    const auto version = store_->data_version();
    EXPECT_EQ(store_->upsert_all({location("A"), location("B", R"({"naam":"Nieuw"})"), location("C")}, systeem, "geimporteerd"), 2u);
    EXPECT_EQ(store_->data_version(), version + 1);
    EXPECT_EQ(store_->location("A")->version, 1);
    EXPECT_EQ(store_->location("B")->version, 2);
    EXPECT_TRUE(store_->location("C"));
    EXPECT_EQ(store_->upsert_all({location("A")}, systeem, "geimporteerd"), 0u);
    EXPECT_EQ(store_->data_version(), version + 1);
}

TEST_P(StoreContract, PropertiesAndPositionsComeBackExactly) {
    // Key order, escapes and non-ASCII text byte for byte; coordinates to the last bit.
    const std::string properties = R"({"z":1,"a":"Café \"De Pijp\"\n","ü":[true,null,1.5e-7],"nested":{"b":2,"a":1}})";
    const ido::geo::Wgs84 position{52.123456789012345, 0.1 + 0.2};
    store_->create({"X", 1, properties, position}, systeem);
    for (const auto& stored : {*store_->location("X"), store_->locations().at(0)}) {
        EXPECT_EQ(stored.properties_json, properties);
        EXPECT_EQ(stored.position.lon, position.lon);
        EXPECT_EQ(stored.position.lat, position.lat);
    }
}

TEST_P(StoreContract, LocationsAreOrderedByIdInByteOrder) {
    for (const char* id : {"b", "B", "a-2", "a_1", "A"}) store_->create(location(id), systeem);
    std::vector<std::string> ids;
    for (const auto& l : store_->locations()) ids.push_back(l.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"A", "B", "a-2", "a_1", "b"}));
}

TEST_P(StoreContract, TokensAreFoundByTheirSecretOnlyAndCanBeRevoked) {
    auto [token, secret] = store_->create_token(Role::gemeente, "", "GM0344", "gemeente Utrecht");
    EXPECT_GT(token.id, 0);
    EXPECT_TRUE(secret.starts_with("idov_"));
    EXPECT_EQ(token.aangemaakt.size(), 20u);
    const auto found = store_->find_token(secret);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, token.id);
    EXPECT_EQ(found->rol, Role::gemeente);
    EXPECT_EQ(found->gemeentecode, "GM0344");
    EXPECT_FALSE(store_->find_token(secret + "x"));
    EXPECT_FALSE(store_->find_token(""));
    EXPECT_TRUE(store_->revoke_token(token.id));
    EXPECT_FALSE(store_->revoke_token(token.id));
    EXPECT_FALSE(store_->find_token(secret));
    const auto all = store_->tokens();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_TRUE(all[0].ingetrokken);
}

// The SQLite store keeps its prepared statements for the next call: each call must see its own
// parameters, and a finished read must not keep its snapshot (the other connection's writes show).
TEST_P(StoreContract, RepeatedReadsSeeTheirOwnParametersAndTheLatestWrites) {
    const auto a = store_->create_token(Role::beheerder, "", "", "a");
    const auto b = store_->create_token(Role::gemeente, "", "GM0344", "b");
    for (int round = 0; round < 3; ++round) {
        ASSERT_TRUE(store_->find_token(a.second));
        EXPECT_EQ(store_->find_token(a.second)->id, a.first.id);
        EXPECT_FALSE(store_->find_token(a.second + "x"));
        ASSERT_TRUE(store_->find_token(b.second));
        EXPECT_EQ(store_->find_token(b.second)->gemeentecode, "GM0344");
    }
    auto other = second_connection();
    store_->create(location("A"), systeem);
    store_->create(location("B", R"({"naam":"B"})"), systeem);
    for (std::int64_t version = 1; version <= 3; ++version) {
        ASSERT_TRUE(store_->location("A"));
        EXPECT_EQ(store_->location("A")->version, version);
        EXPECT_EQ(store_->location("B")->properties_json, R"({"naam":"B"})");
        EXPECT_EQ(store_->data_version(), other->data_version());
        const std::string naam = R"({"naam":"versie )" + std::to_string(version + 1) + R"("})";
        ASSERT_EQ(other->update("A", version, naam, {52, 5}, bibliotheek).outcome, WriteOutcome::ok);
        EXPECT_EQ(store_->location("A")->properties_json, naam);
    }
}

TEST_P(StoreContract, TheAuditLogIsAppendOnlyEvenInSql) {
    store_->create(location("A"), systeem);
    EXPECT_FALSE(GetParam().raw_exec(db_, "UPDATE wijzigingen SET actie = 'niets'"));
    EXPECT_FALSE(GetParam().raw_exec(db_, "DELETE FROM wijzigingen"));
    EXPECT_EQ(store_->history("A").size(), 1u);
}

TEST_P(StoreContract, ASecondReplicaSeesCommittedWritesAndCannotOverwriteThemUnseen) {
    auto other = second_connection();
    store_->create(location("A"), systeem);
    EXPECT_EQ(other->data_version(), store_->data_version());
    ASSERT_TRUE(other->location("A"));
    // Both read version 1; the first write wins, the second is told of the conflict.
    EXPECT_EQ(store_->update("A", 1, R"({"naam":"eerste"})", {52, 5}, bibliotheek).outcome, WriteOutcome::ok);
    const auto second = other->update("A", 1, R"({"naam":"tweede"})", {52, 5}, bibliotheek);
    EXPECT_EQ(second.outcome, WriteOutcome::versie_conflict);
    EXPECT_EQ(second.version, 2);
    EXPECT_EQ(other->location("A")->properties_json, R"({"naam":"eerste"})");
}

TEST_P(StoreContract, ConcurrentWritersThroughTwoConnectionsLoseNoUpdate) {
    store_->create({"A", 1, R"({"teller":0})", {52, 5}}, systeem);
    auto other = second_connection();
    constexpr int per_writer = 40;
    std::atomic<int> conflicts = 0;
    // Each writer adds one to "teller" per_writer times, reading first and retrying on a conflict.
    auto writer = [&](Store& store) {
        for (int done = 0; done < per_writer;) {
            const auto current = *store.location("A");
            const int value = std::stoi(current.properties_json.substr(10));
            const auto result = store.update("A", current.version, R"({"teller":)" + std::to_string(value + 1) + "}", {52, 5}, bibliotheek);
            if (result.outcome == WriteOutcome::ok) ++done;
            else if (result.outcome == WriteOutcome::versie_conflict) ++conflicts;
            else FAIL() << "unexpected outcome";
        }
    };
    std::thread a(writer, std::ref(*store_)), b(writer, std::ref(*other));
    a.join();
    b.join();
    const auto final_state = *store_->location("A");
    EXPECT_EQ(final_state.properties_json, R"({"teller":)" + std::to_string(2 * per_writer) + "}");
    EXPECT_EQ(final_state.version, 1 + 2 * per_writer);
    EXPECT_EQ(store_->history("A").size(), 1u + 2 * per_writer);
    std::printf("%s: %d conflicts resolved by retrying\n", GetParam().name.c_str(), conflicts.load());
}

TEST_P(StoreContract, ReopeningKeepsEverything) {
    store_->create(location("A"), systeem);
    store_->create_token(Role::beheerder, "", "", "beheer");
    store_.reset();
    auto reopened = open_store(db_);
    EXPECT_EQ(reopened->locations().size(), 1u);
    EXPECT_EQ(reopened->tokens().size(), 1u);
    EXPECT_EQ(reopened->data_version(), 1);
}

// --- Full-list import (volledige lijst): writes and removals in one transaction, only at the seen versions ---

TEST_P(StoreContract, AFullListWritesAndRemovesInOneTransaction) {
    ASSERT_EQ(store_->create(location("A"), bibliotheek).outcome, WriteOutcome::ok);
    ASSERT_EQ(store_->create(location("B"), bibliotheek).outcome, WriteOutcome::ok);
    const auto before = store_->data_version();
    const auto result = store_->replace_list({{location("A", R"({"naam":"Bibliotheek A"})"), 1}, {location("C"), 0}}, {{"B", 1}},
                                             Author{0, "import lijst.csv"}, "geimporteerd");
    EXPECT_TRUE(result.conflicts.empty());
    EXPECT_EQ(result.changed, 2u);
    EXPECT_EQ(result.removed, 1u);
    EXPECT_GT(store_->data_version(), before);
    EXPECT_EQ(store_->location("A")->version, 2);
    EXPECT_TRUE(store_->location("C"));
    // Soft: B is gone from queries, its row and history stay, and its id is not free again.
    EXPECT_FALSE(store_->location("B"));
    const auto history = store_->history("B");
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history.back().actie, "verwijderd");
    EXPECT_EQ(history.back().token_label, "import lijst.csv");
    EXPECT_EQ(store_->create(location("B"), bibliotheek).outcome, WriteOutcome::bestaat_al);
}

TEST_P(StoreContract, AFullListWritesNothingWhenARecordMovedSinceThePlan) {
    ASSERT_EQ(store_->create(location("A"), bibliotheek).outcome, WriteOutcome::ok);
    ASSERT_EQ(store_->create(location("B"), bibliotheek).outcome, WriteOutcome::ok);
    // Someone edits B through the API after the plan saw version 1.
    ASSERT_EQ(store_->update("B", 1, R"({"naam":"Nieuw"})", {52.0907, 5.1214}, bibliotheek).outcome, WriteOutcome::ok);
    const auto before = store_->data_version();
    auto result = store_->replace_list({{location("A", R"({"naam":"Bibliotheek A"})"), 1}, {location("C"), 0}}, {{"B", 1}}, systeem,
                                       "geimporteerd");
    EXPECT_EQ(result.conflicts, std::vector<std::string>{"B"});
    EXPECT_EQ(result.changed + result.removed, 0u);
    EXPECT_EQ(store_->data_version(), before);
    EXPECT_EQ(store_->location("A")->version, 1);
    EXPECT_FALSE(store_->location("C"));
    EXPECT_TRUE(store_->location("B"));
    // A write of a record the plan saw as absent, that exists now, is a conflict too; so is a changed version.
    result = store_->replace_list({{location("A"), 0}}, {}, systeem, "geimporteerd");
    EXPECT_EQ(result.conflicts, std::vector<std::string>{"A"});
    result = store_->replace_list({{location("B", R"({"naam":"X"})"), 1}}, {}, systeem, "geimporteerd");
    EXPECT_EQ(result.conflicts, std::vector<std::string>{"B"});
    EXPECT_EQ(store_->data_version(), before);
}

TEST_P(StoreContract, AFullListOfOnlyRemovalsCountsAsAChange) {
    ASSERT_EQ(store_->create(location("A"), bibliotheek).outcome, WriteOutcome::ok);
    const auto before = store_->data_version();
    const auto result = store_->replace_list({}, {{"A", 1}}, systeem, "geimporteerd");
    EXPECT_EQ(result.removed, 1u);
    EXPECT_GT(store_->data_version(), before);  // replicas reload
    EXPECT_TRUE(store_->locations().empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract, ::testing::ValuesIn(backends()),
                         [](const ::testing::TestParamInfo<Backend>& info) { return info.param.name; });

// --- PostgreSQL only: replicas and outages ---------------------------------------------------------------

TEST(PostgresReplicas, ACommitIsAnnouncedToTheOtherReplicasAtOnce) {
    const std::string db = PostgresServer::get().new_database();
    auto replica_a = open_postgres(db);
    auto replica_b = open_postgres(db);
    EXPECT_FALSE(replica_b->wait_for_change(50ms)) << "nothing happened yet";
    const auto start = std::chrono::steady_clock::now();
    replica_a->create(location("A"), systeem);
    EXPECT_TRUE(replica_b->wait_for_change(5s));
    const auto delay = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    EXPECT_EQ(replica_b->data_version(), replica_a->data_version());
    std::printf("announced after %lld ms\n", static_cast<long long>(delay.count()));
    // A write that fails (conflict) or changes nothing announces nothing.
    replica_a->update("A", 99, "{}", {52, 5}, systeem);
    EXPECT_FALSE(replica_b->wait_for_change(200ms));
}

TEST(PostgresReplicas, ReplicasStartingTogetherMigrateAndSeedOnce) {
    const std::string db = PostgresServer::get().new_database();
    std::vector<StoredLocation> seed;
    for (int i = 0; i < 50; ++i) seed.push_back(location("P" + std::to_string(i)));
    std::atomic<std::size_t> filled = 0;
    std::atomic<int> failures = 0;
    std::vector<std::thread> replicas;
    for (int i = 0; i < 4; ++i)
        replicas.emplace_back([&] {
            try {
                auto store = open_postgres(db);
                if (store->never_filled()) filled += store->fill_if_never_filled(seed, systeem, "geimporteerd");
            } catch (const std::exception& e) {
                std::printf("replica failed: %s\n", e.what());
                ++failures;
            }
        });
    for (auto& t : replicas) t.join();
    EXPECT_EQ(failures, 0);
    EXPECT_EQ(filled, seed.size());
    auto store = open_postgres(db);
    EXPECT_EQ(store->locations().size(), seed.size());
    EXPECT_EQ(store->data_version(), 1);
}

TEST(PostgresOutage, WritesFailAsUnavailableWhileTheServerIsDownAndWorkAgainAfter) {
    auto& server = PostgresServer::get();
    const std::string db = server.new_database();
    auto store = open_postgres(db);
    auto watcher = open_postgres(db);
    store->create(location("A"), systeem);
    while (watcher->wait_for_change(100ms)) {
    }

    server.stop();
    const auto stopped = std::chrono::steady_clock::now();
    EXPECT_THROW(store->update("A", 1, R"({"naam":"tijdens"})", {52, 5}, bibliotheek), StoreUnavailable);
    EXPECT_FALSE(store->reachable());
    EXPECT_THROW(store->locations(), StoreUnavailable);
    EXPECT_THROW(store->find_token("idov_x"), StoreUnavailable);
    // Nothing should wait for a connect timeout: a refused connection fails at once, and for a second
    // after a failed attempt no new one is made. Printed, not asserted (tests never assert timing):
    // bench/timings.sh collects it.
    std::printf("calls to the stopped server answered %lld ms after the stop\n",
                static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - stopped).count()));
    // The listening replica notices the lost connection by itself, without being asked to write.
    for (int i = 0; i < 20 && watcher->reachable(); ++i) watcher->wait_for_change(100ms);
    EXPECT_FALSE(watcher->reachable());

    server.start();
    // The same store objects, not reopened: a later call reconnects. (Within a second of a failed
    // attempt a call fails at once without trying, so retry as a client told "Retry-After" would.)
    std::optional<WriteResult> result;
    for (int i = 0; i < 50 && !result; ++i) {
        try {
            result = store->update("A", 1, R"({"naam":"erna"})", {52, 5}, bibliotheek);
        } catch (const StoreUnavailable&) {
            std::this_thread::sleep_for(100ms);
        }
    }
    ASSERT_TRUE(result) << "no reconnection within 5 s";
    EXPECT_EQ(result->outcome, WriteOutcome::ok);
    EXPECT_TRUE(store->reachable());
    bool told = false;
    for (int i = 0; i < 50 && !told; ++i) told = watcher->wait_for_change(100ms);
    EXPECT_TRUE(told) << "after reconnecting, the watcher must check for what it missed";
    EXPECT_TRUE(watcher->reachable());
    EXPECT_EQ(watcher->location("A")->properties_json, R"({"naam":"erna"})");
}

TEST(PostgresConfig, PasswordsAreKeptOutOfLogs) {
    EXPECT_EQ(redacted("postgresql://ido:geheim@db:5432/ido_vinder"), "postgresql://ido:***@db:5432/ido_vinder");
    EXPECT_EQ(redacted("postgres://ido@db/ido?sslmode=require&password=geheim"), "postgres://ido@db/ido?sslmode=require&password=***");
    EXPECT_EQ(redacted("postgresql://ido@db:5432/ido_vinder"), "postgresql://ido@db:5432/ido_vinder");
    EXPECT_EQ(redacted("var/ido-vinder.db"), "var/ido-vinder.db");
    EXPECT_TRUE(is_postgres_uri("postgres://x"));
    EXPECT_FALSE(is_postgres_uri("var/postgresql://.db"));
}

TEST(PostgresConfig, AnUnreachableServerIsReportedAsUnavailable) {
    // Port 1: nothing listens there; the connection is refused at once.
    EXPECT_THROW(open_postgres("postgresql://ido@127.0.0.1:1/ido_vinder?connect_timeout=2"), StoreUnavailable);
}

// --- token lifecycle (issue 16): expiry, last use, the migration of existing tokens ---

std::string today_utc() { return utc_date(std::chrono::system_clock::now()); }

TEST_P(StoreContract, ATokenHasAnExpiryGivenOrAYearByDefault) {
    const auto [given, given_secret] = store_->create_token(Role::beheerder, "", "", "kort", "2031-02-28");
    EXPECT_EQ(given.geldig_tot, "2031-02-28");
    EXPECT_EQ(store_->find_token(given_secret)->geldig_tot, "2031-02-28");
    const auto [plain, plain_secret] = store_->create_token(Role::beheerder, "", "", "standaard");
    EXPECT_EQ(plain.geldig_tot, default_token_expiry(std::chrono::system_clock::now()));
    EXPECT_EQ(store_->find_token(plain_secret)->geldig_tot, plain.geldig_tot);
    EXPECT_EQ(store_->tokens().at(1).geldig_tot, plain.geldig_tot);
    EXPECT_THROW(store_->create_token(Role::beheerder, "", "", "fout", "2031-02-30"), std::invalid_argument);
    EXPECT_EQ(store_->tokens().size(), 2u);
}

TEST_P(StoreContract, AnExpiredTokenIsStillFoundWithItsExpirySoTheServiceCanSaySo) {
    const auto [token, secret] = store_->create_token(Role::gemeente, "", "GM0344", "oud", "2031-01-01");
    ASSERT_TRUE(GetParam().raw_exec(db_, "UPDATE tokens SET geldig_tot = '2020-01-31'"));
    const auto found = store_->find_token(secret);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->geldig_tot, "2020-01-31");
    EXPECT_TRUE(is_expired(*found, today_utc()));
    // Revoked stays not found, expired or not.
    store_->revoke_token(token.id);
    EXPECT_FALSE(store_->find_token(secret));
}

TEST_P(StoreContract, TheLastUseIsADayThatOnlyMovesForward) {
    const auto [token, secret] = store_->create_token(Role::beheerder, "", "", "gebruik");
    EXPECT_FALSE(store_->find_token(secret)->laatst_gebruikt);
    EXPECT_FALSE(store_->tokens().at(0).laatst_gebruikt);
    store_->record_token_use(token.id, "2026-12-01");
    EXPECT_EQ(store_->find_token(secret)->laatst_gebruikt, "2026-12-01");
    store_->record_token_use(token.id, "2026-11-30");  // a late writer with an older day
    EXPECT_EQ(store_->tokens().at(0).laatst_gebruikt, "2026-12-01");
    store_->record_token_use(token.id, "2026-12-02");
    EXPECT_EQ(second_connection()->find_token(secret)->laatst_gebruikt, "2026-12-02");
    EXPECT_FALSE(use_needs_recording(*store_->find_token(secret), "2026-12-02"));
    EXPECT_TRUE(use_needs_recording(*store_->find_token(secret), "2026-12-03"));
}

// The schema of the first release (the stores' first migration, verbatim), with one token made then:
// opening it applies every later migration, as an upgrade in the field does.
const char* const first_release_sqlite = R"sql(
    CREATE TABLE informatiepunten (
        id            TEXT PRIMARY KEY,
        versie        INTEGER NOT NULL,
        eigenschappen TEXT NOT NULL,      -- the public properties, a JSON object
        lon           REAL NOT NULL,
        lat           REAL NOT NULL,
        gewijzigd     TEXT NOT NULL,
        verwijderd    TEXT                -- set when removed; the row and its history stay
    );
    CREATE TABLE wijzigingen (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        tijd           TEXT NOT NULL,
        informatiepunt TEXT NOT NULL,
        token_id       INTEGER NOT NULL,
        token_label    TEXT NOT NULL,
        actie          TEXT NOT NULL,
        veld           TEXT NOT NULL,
        oud            TEXT NOT NULL,
        nieuw          TEXT NOT NULL
    );
    CREATE INDEX wijzigingen_per_informatiepunt ON wijzigingen (informatiepunt, id);
    -- The audit log is append-only, also for anyone with a SQL shell who forgets.
    CREATE TRIGGER wijzigingen_niet_wijzigen BEFORE UPDATE ON wijzigingen BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TRIGGER wijzigingen_niet_verwijderen BEFORE DELETE ON wijzigingen BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TABLE tokens (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        label        TEXT NOT NULL,
        rol          TEXT NOT NULL,
        organisatie  TEXT NOT NULL,
        gemeentecode TEXT NOT NULL,
        hash         BLOB NOT NULL UNIQUE,  -- SHA-256 of the secret; the secret is never stored
        aangemaakt   TEXT NOT NULL,
        ingetrokken  TEXT
    );
    CREATE TABLE teller (naam TEXT PRIMARY KEY, waarde INTEGER NOT NULL);
    INSERT INTO teller VALUES ('data_version', 0), ('ooit_gevuld', 0);
    )sql";
const char* const first_release_postgres = R"sql(
    CREATE TABLE informatiepunten (
        id            text PRIMARY KEY,
        versie        bigint NOT NULL,
        -- the public properties, a JSON object, kept as text byte for byte: jsonb would reorder the keys,
        -- and the API's answers and ETags must not depend on which store is used
        eigenschappen text NOT NULL,
        lon           double precision NOT NULL,
        lat           double precision NOT NULL,
        gewijzigd     timestamptz NOT NULL DEFAULT now(),
        verwijderd    timestamptz             -- set when removed; the row and its history stay
    );
    CREATE TABLE wijzigingen (
        id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tijd           timestamptz NOT NULL DEFAULT now(),
        informatiepunt text NOT NULL,
        token_id       bigint NOT NULL,
        token_label    text NOT NULL,
        actie          text NOT NULL,
        veld           text NOT NULL,
        oud            text NOT NULL,
        nieuw          text NOT NULL
    );
    CREATE INDEX wijzigingen_per_informatiepunt ON wijzigingen (informatiepunt, id);
    -- The audit log is append-only, also for anyone with a SQL shell who forgets.
    CREATE FUNCTION wijzigingen_alleen_toevoegen() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$;
    CREATE TRIGGER wijzigingen_niet_wijzigen BEFORE UPDATE OR DELETE ON wijzigingen
        FOR EACH ROW EXECUTE FUNCTION wijzigingen_alleen_toevoegen();
    CREATE TRIGGER wijzigingen_niet_legen BEFORE TRUNCATE ON wijzigingen
        FOR EACH STATEMENT EXECUTE FUNCTION wijzigingen_alleen_toevoegen();
    CREATE TABLE tokens (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        label        text NOT NULL,
        rol          text NOT NULL,
        organisatie  text NOT NULL,
        gemeentecode text NOT NULL,
        hash         bytea NOT NULL UNIQUE,   -- SHA-256 of the secret; the secret is never stored
        aangemaakt   timestamptz NOT NULL DEFAULT now(),
        ingetrokken  timestamptz
    );
    CREATE TABLE teller (naam text PRIMARY KEY, waarde bigint NOT NULL);
    INSERT INTO teller VALUES ('data_version', 0), ('ooit_gevuld', 0);
    )sql";

TEST_P(StoreContract, TheMigrationGivesTokensOfAnOlderReleaseAYear) {
    const std::string db = GetParam().new_database();
    const bool sqlite = GetParam().name == "sqlite";
    std::string sql = sqlite ? first_release_sqlite : first_release_postgres;
    sql += sqlite ? "PRAGMA user_version = 1;" : "CREATE TABLE schema_versie (versie integer NOT NULL); INSERT INTO schema_versie VALUES (1);";
    const std::string secret = "idov_van_voor_de_vervaldatum";
    const std::string hash = ido::store::sha256(secret);
    std::string hex;
    for (unsigned char c : hash) {
        static constexpr char digits[] = "0123456789abcdef";
        hex += digits[c >> 4];
        hex += digits[c & 15];
    }
    sql += std::string("INSERT INTO tokens (label, rol, organisatie, gemeentecode, hash, aangemaakt) VALUES ('oud', 'beheerder', '', '', ") +
           (sqlite ? "X'" + hex + "', '2025-01-01T00:00:00Z');" : "'\\x" + hex + "'::bytea, now());");
    ASSERT_TRUE(GetParam().raw_exec(db, sql));
    const std::string before = default_token_expiry(std::chrono::system_clock::now());
    auto upgraded = open_store(db);
    const auto found = upgraded->find_token(secret);
    ASSERT_TRUE(found) << "the token of the older release must survive the upgrade";
    const std::string after = default_token_expiry(std::chrono::system_clock::now());
    // A year from the migration (both bounds, in case the test runs across midnight UTC).
    EXPECT_TRUE(found->geldig_tot == before || found->geldig_tot == after) << found->geldig_tot;
    EXPECT_FALSE(found->laatst_gebruikt);
    EXPECT_FALSE(is_expired(*found, today_utc()));
}

}  // namespace
