// The SQLite store: one connection behind a mutex (writes are few and short; reads happen only when a
// snapshot is rebuilt), WAL journal, synchronous=FULL.
#include "store/store.hpp"
#include "store/token_dates.hpp"

#include "store/json_diff.hpp"
#include "store/meldingen.hpp"
#include "store/municipal_records.hpp"
#include "store/secrets.hpp"
#include "geo/utc_time.hpp"

#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <functional>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>

namespace ido::store {
namespace {

// The columns of a partner, in the order read_partner reads them.
#define IDO_PARTNER_COLUMNS "id, gemeentecode, versie, naam, soort, omschrijving, adres, telefoon, email, website"

// Versioned migrations: entry i takes the schema from user_version i to i + 1. Never edit an applied
// one; add a new one.
const std::vector<const char*> migrations = {
    R"sql(
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
    )sql",
    // Reports from residents (meldingen, issue 14): nothing about the resident; closed ones are deleted
    // after 12 months (purge_meldingen).
    R"sql(
    CREATE TABLE meldingen (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        versie         INTEGER NOT NULL,
        informatiepunt TEXT NOT NULL,
        soort          TEXT NOT NULL,
        toelichting    TEXT NOT NULL,
        status         TEXT NOT NULL,     -- open, afgehandeld, afgewezen
        ontvangen      TEXT NOT NULL,
        aantal         INTEGER NOT NULL,  -- reports merged into this one
        afgesloten     TEXT,
        antwoord       TEXT
    );
    CREATE INDEX meldingen_open ON meldingen (informatiepunt, soort) WHERE status = 'open';
    CREATE INDEX meldingen_afgesloten ON meldingen (afgesloten) WHERE afgesloten IS NOT NULL;
    )sql",
    // Token lifecycle (issue 16): every token gets an expiry; those made before it a year from the
    // migration, so an upgrade locks no one out that day. The last day of use starts unknown.
    R"sql(
    ALTER TABLE tokens ADD COLUMN geldig_tot TEXT NOT NULL DEFAULT '';
    UPDATE tokens SET geldig_tot = date('now', '+1 year');
    ALTER TABLE tokens ADD COLUMN laatst_gebruikt TEXT;
    )sql",
    // Issue 13: the municipal data (partners, financing, quarterly coverage figures) and its audit log.
    R"sql(
    CREATE TABLE partners (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        gemeentecode  TEXT NOT NULL,
        versie        INTEGER NOT NULL,
        naam          TEXT NOT NULL,
        soort         TEXT NOT NULL,
        omschrijving  TEXT NOT NULL,   -- '' when not given, as the other optional texts
        adres         TEXT NOT NULL,
        telefoon      TEXT NOT NULL,
        email         TEXT NOT NULL,
        website       TEXT NOT NULL,
        verwijderd    TEXT             -- set when removed; the row and its history stay
    );
    CREATE INDEX partners_per_gemeente ON partners (gemeentecode, id);
    CREATE TABLE financiering (
        gemeentecode  TEXT NOT NULL,
        jaar          INTEGER NOT NULL,
        bedrag        REAL NOT NULL,
        bron          TEXT NOT NULL,
        ingevoerd     TEXT NOT NULL,
        PRIMARY KEY (gemeentecode, jaar)
    );
    -- One row per quarter and area; the key makes replicas that race to store a quarter store it once.
    CREATE TABLE kwartaalcijfers (
        kwartaal           TEXT NOT NULL,
        gebied             TEXT NOT NULL,
        vastgelegd         TEXT NOT NULL,
        inwoners           INTEGER NOT NULL,
        gemiddelde_afstand REAL,
        mediane_afstand    REAL,
        binnen_1km         INTEGER NOT NULL,
        binnen_3km         INTEGER NOT NULL,
        binnen_5km         INTEGER NOT NULL,
        binnen_10km        INTEGER NOT NULL,
        uren_per_week      REAL NOT NULL,
        informatiepunten   INTEGER NOT NULL,
        PRIMARY KEY (kwartaal, gebied)
    );
    CREATE TABLE gemeente_wijzigingen (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        tijd          TEXT NOT NULL,
        gemeentecode  TEXT NOT NULL,
        onderwerp     TEXT NOT NULL,
        token_id      INTEGER NOT NULL,
        token_label   TEXT NOT NULL,
        actie         TEXT NOT NULL,
        veld          TEXT NOT NULL,
        oud           TEXT NOT NULL,
        nieuw         TEXT NOT NULL
    );
    CREATE INDEX gemeente_wijzigingen_per_gemeente ON gemeente_wijzigingen (gemeentecode, id);
    CREATE TRIGGER gemeente_wijzigingen_niet_wijzigen BEFORE UPDATE ON gemeente_wijzigingen BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TRIGGER gemeente_wijzigingen_niet_verwijderen BEFORE DELETE ON gemeente_wijzigingen BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    )sql",
};

// The connection's prepared statements, by their SQL, kept until the store closes. Preparing (parsing and
// planning the SQL) cost more than running the statement for the reads every request makes: the token of
// an authenticated request, a record, a counter. Used under the store's mutex only.
class StatementCache {
public:
    StatementCache() = default;
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;
    ~StatementCache() { clear(); }

    void attach(sqlite3* db) { db_ = db; }
    sqlite3* db() const { return db_; }
    /// Finalizes every statement; the connection cannot close while one is left.
    void clear() {
        for (auto& [sql, entry] : entries_) sqlite3_finalize(entry.stmt);
        entries_.clear();
    }
    /// The statement for `sql`, marked in use; nullptr when it is in use already (a nested use of the same
    /// SQL then prepares its own).
    sqlite3_stmt* borrow(const char* sql) {
        auto it = entries_.find(std::string_view(sql));
        if (it == entries_.end()) {
            sqlite3_stmt* stmt = nullptr;
            if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK)
                throw std::runtime_error(std::string("sqlite prepare: ") + sqlite3_errmsg(db_));
            it = entries_.emplace(sql, Entry{stmt, false}).first;
        }
        if (it->second.busy) return nullptr;
        it->second.busy = true;
        return it->second.stmt;
    }
    /// Resets the statement (ending its read, if any) and clears its parameters for the next use.
    void give_back(sqlite3_stmt* stmt) {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        for (auto& [sql, entry] : entries_)
            if (entry.stmt == stmt) entry.busy = false;
    }

private:
    struct Entry {
        sqlite3_stmt* stmt;
        bool busy;
    };
    sqlite3* db_ = nullptr;
    std::map<std::string, Entry, std::less<>> entries_;
};

class Statement {
public:
    Statement(sqlite3* db, const char* sql) : db_(db) { prepare(sql); }
    /// A statement from the connection's cache (a fresh one if that one is in use).
    Statement(StatementCache& cache, const char* sql) : db_(cache.db()) {
        stmt_ = cache.borrow(sql);
        if (stmt_ != nullptr) cache_ = &cache;
        else prepare(sql);
    }
    ~Statement() {
        if (cache_ != nullptr) cache_->give_back(stmt_);
        else sqlite3_finalize(stmt_);
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int i, std::string_view text) {
        check(sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
        return *this;
    }
    Statement& bind(int i, std::int64_t value) {
        check(sqlite3_bind_int64(stmt_, i, value));
        return *this;
    }
    Statement& bind(int i, double value) {
        check(sqlite3_bind_double(stmt_, i, value));
        return *this;
    }
    Statement& bind_null(int i) {
        check(sqlite3_bind_null(stmt_, i));
        return *this;
    }
    Statement& bind_blob(int i, const std::string& bytes) {
        check(sqlite3_bind_blob(stmt_, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT));
        return *this;
    }
    /// true while a row is available
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw std::runtime_error(std::string("sqlite step: ") + sqlite3_errmsg(db_));
    }
    void run() {
        while (step()) {
        }
    }
    std::string text(int column) const {
        const auto* p = sqlite3_column_text(stmt_, column);
        return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
    }
    bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
    double real(int column) const { return sqlite3_column_double(stmt_, column); }
    std::string blob(int column) const {
        const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
    }

private:
    void prepare(const char* sql) {
        if (sqlite3_prepare_v2(db_, sql, -1, &stmt_, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string("sqlite prepare: ") + sqlite3_errmsg(db_));
    }
    void check(int rc) {
        if (rc != SQLITE_OK) throw std::runtime_error(std::string("sqlite bind: ") + sqlite3_errmsg(db_));
    }
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    StatementCache* cache_ = nullptr;
};

class SqliteStore final : public Store {
public:
    explicit SqliteStore(const std::filesystem::path& path) {
        if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
            std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw std::runtime_error("cannot open database " + path.string() + ": " + message);
        }
        sqlite3_busy_timeout(db_, 5000);
        statements_.attach(db_);
        exec("PRAGMA journal_mode=WAL");
        // FULL: in WAL mode, NORMAL may lose the last transactions on power loss; an acknowledged write
        // must survive, so every commit syncs the WAL.
        exec("PRAGMA synchronous=FULL");
        exec("PRAGMA foreign_keys=ON");
        migrate();
    }
    ~SqliteStore() override {
        statements_.clear();
        sqlite3_close(db_);
    }

    std::vector<StoredLocation> locations() override {
        std::lock_guard lock(mutex_);
        Statement q(statements_, "SELECT id, versie, eigenschappen, lon, lat FROM informatiepunten WHERE verwijderd IS NULL ORDER BY id");
        std::vector<StoredLocation> out;
        while (q.step()) out.push_back({q.text(0), q.integer(1), q.text(2), {q.real(4), q.real(3)}});
        return out;
    }

    std::optional<StoredLocation> location(std::string_view id) override {
        std::lock_guard lock(mutex_);
        return find(id, false);
    }

    std::int64_t data_version() override {
        std::lock_guard lock(mutex_);
        return counter("data_version");
    }

    bool never_filled() override {
        std::lock_guard lock(mutex_);
        return counter("ooit_gevuld") == 0;
    }

    WriteResult create(const StoredLocation& location, const Author& author) override {
        std::lock_guard lock(mutex_);
        Transaction tx(*this);
        if (Statement q(statements_, "SELECT versie FROM informatiepunten WHERE id = ?"); q.bind(1, location.id).step())
            return {WriteOutcome::bestaat_al, q.integer(0)};
        insert(location, 1);
        audit(location.id, author, "aangemaakt", "", "null", location.properties_json);
        bump();
        tx.commit();
        return {WriteOutcome::ok, 1};
    }

    WriteResult update(std::string_view id, std::int64_t expected_version, const std::string& properties_json,
                       geo::Wgs84 position, const Author& author) override {
        std::lock_guard lock(mutex_);
        Transaction tx(*this);
        auto current = find(id, false);
        if (!current) return {WriteOutcome::niet_gevonden, 0};
        if (current->version != expected_version) return {WriteOutcome::versie_conflict, current->version};
        const auto changes = changed_fields(current->properties_json, properties_json, current->position, position);
        if (changes.empty()) return {WriteOutcome::ok, current->version};  // nothing to record
        const std::int64_t version = current->version + 1;
        Statement q(statements_, "UPDATE informatiepunten SET versie = ?, eigenschappen = ?, lon = ?, lat = ?, gewijzigd = ? WHERE id = ?");
        q.bind(1, version).bind(2, properties_json).bind(3, position.lon).bind(4, position.lat).bind(5, geo::utc_now_rfc3339()).bind(6, id).run();
        for (const auto& change : changes) audit(std::string(id), author, "gewijzigd", change.field, change.old_json, change.new_json);
        bump();
        tx.commit();
        return {WriteOutcome::ok, version};
    }

    WriteResult remove(std::string_view id, std::int64_t expected_version, const Author& author) override {
        std::lock_guard lock(mutex_);
        Transaction tx(*this);
        auto current = find(id, false);
        if (!current) return {WriteOutcome::niet_gevonden, 0};
        if (current->version != expected_version) return {WriteOutcome::versie_conflict, current->version};
        Statement q(statements_, "UPDATE informatiepunten SET versie = versie + 1, verwijderd = ?, gewijzigd = ? WHERE id = ?");
        const std::string now = geo::utc_now_rfc3339();
        q.bind(1, now).bind(2, now).bind(3, id).run();
        audit(std::string(id), author, "verwijderd", "", current->properties_json, "null");
        bump();
        tx.commit();
        return {WriteOutcome::ok, current->version + 1};
    }

    std::size_t upsert_all(const std::vector<StoredLocation>& locations, const Author& author, std::string_view actie) override {
        std::lock_guard lock(mutex_);
        Transaction tx(*this);
        const std::size_t changed = upsert(locations, author, actie);
        tx.commit();
        return changed;
    }

    std::size_t fill_if_never_filled(const std::vector<StoredLocation>& locations, const Author& author, std::string_view actie) override {
        std::lock_guard lock(mutex_);
        Transaction tx(*this);  // BEGIN IMMEDIATE: another process filling at the same time waits here
        if (counter("ooit_gevuld") != 0) return 0;
        const std::size_t changed = upsert(locations, author, actie);
        tx.commit();
        return changed;
    }

    std::vector<AuditEntry> history(std::string_view id) override {
        std::lock_guard lock(mutex_);
        Statement q(statements_, "SELECT id, tijd, informatiepunt, token_id, token_label, actie, veld, oud, nieuw FROM wijzigingen "
                         "WHERE informatiepunt = ? ORDER BY id");
        q.bind(1, id);
        std::vector<AuditEntry> out;
        while (q.step())
            out.push_back({q.integer(0), q.text(1), q.text(2), q.integer(3), q.text(4), q.text(5), q.text(6), q.text(7), q.text(8)});
        return out;
    }

    std::pair<Token, std::string> create_token(Role rol, std::string organisatie, std::string gemeentecode, std::string label,
                                               std::string geldig_tot) override {
        if (geldig_tot.empty()) geldig_tot = default_token_expiry(std::chrono::system_clock::now());
        if (!is_calendar_date(geldig_tot)) throw std::invalid_argument("geldig_tot is not a date YYYY-MM-DD: " + geldig_tot);
        std::lock_guard lock(mutex_);
        const std::string secret = new_token_secret();
        Token token{0, std::move(label), rol, std::move(organisatie), std::move(gemeentecode), geo::utc_now_rfc3339(), std::nullopt,
                    std::move(geldig_tot), std::nullopt};
        Statement q(statements_, "INSERT INTO tokens (label, rol, organisatie, gemeentecode, hash, aangemaakt, geldig_tot) VALUES (?, ?, ?, ?, ?, ?, ?)");
        q.bind(1, token.label).bind(2, to_string(rol)).bind(3, token.organisatie).bind(4, token.gemeentecode);
        q.bind_blob(5, sha256(secret)).bind(6, token.aangemaakt).bind(7, token.geldig_tot).run();
        token.id = sqlite3_last_insert_rowid(db_);
        return {token, secret};
    }

    std::optional<Token> find_token(std::string_view secret) override {
        const std::string hash = sha256(secret);
        std::lock_guard lock(mutex_);
        Statement q(statements_, "SELECT id, label, rol, organisatie, gemeentecode, aangemaakt, ingetrokken, hash, geldig_tot, laatst_gebruikt "
                         "FROM tokens WHERE hash = ?");
        q.bind_blob(1, hash);
        if (!q.step() || !q.is_null(6)) return std::nullopt;
        // The index found the row by its hash; compare once more in constant time before trusting it.
        if (!equal_in_constant_time(q.blob(7), hash)) return std::nullopt;
        auto rol = role_from_string(q.text(2));
        if (!rol) return std::nullopt;
        Token t{q.integer(0), q.text(1), *rol, q.text(3), q.text(4), q.text(5), std::nullopt, q.text(8), std::nullopt};
        if (!q.is_null(9)) t.laatst_gebruikt = q.text(9);
        return t;
    }

    bool revoke_token(std::int64_t id) override {
        std::lock_guard lock(mutex_);
        Statement q(statements_, "UPDATE tokens SET ingetrokken = ? WHERE id = ? AND ingetrokken IS NULL");
        q.bind(1, geo::utc_now_rfc3339()).bind(2, id).run();
        return sqlite3_changes(db_) == 1;
    }

    std::vector<Token> tokens() override {
        std::lock_guard lock(mutex_);
        Statement q(statements_, "SELECT id, label, rol, organisatie, gemeentecode, aangemaakt, ingetrokken, geldig_tot, laatst_gebruikt "
                         "FROM tokens ORDER BY id");
        std::vector<Token> out;
        while (q.step()) {
            Token t{q.integer(0), q.text(1), role_from_string(q.text(2)).value_or(Role::bibliotheek), q.text(3), q.text(4), q.text(5),
                    std::nullopt, q.text(7), std::nullopt};
            if (!q.is_null(6)) t.ingetrokken = q.text(6);
            if (!q.is_null(8)) t.laatst_gebruikt = q.text(8);
            out.push_back(std::move(t));
        }
        return out;
    }

    // --- token lifecycle (issue 16) ---
    void record_token_use(std::int64_t id, std::string_view dag) override {
        std::lock_guard lock(mutex_);
        // Never backwards: a request that read the token before midnight and writes after a later one must
        // not put yesterday back.
        Statement q(statements_, "UPDATE tokens SET laatst_gebruikt = ? WHERE id = ? AND (laatst_gebruikt IS NULL OR laatst_gebruikt < ?)");
        q.bind(1, dag).bind(2, id).bind(3, dag).run();
    }

    bool wait_for_change(std::chrono::milliseconds timeout) override {
        // SQLite tells no other process about a commit; the caller compares data_version() on its own schedule.
        std::this_thread::sleep_for(timeout);
        return false;
    }

    bool reachable() const override { return true; }  // a local file: if it fails, it is a fault, not an outage

    // --- Reports from residents (meldingen, issue 14) ---------------------------------------------------

    MeldingResult add_melding(std::string_view informatiepunt, std::string_view soort, std::string_view toelichting,
                              std::chrono::sys_seconds now) override {
        std::lock_guard lock(mutex_);
        Transaction tx(*this);  // BEGIN IMMEDIATE: a second process with the same duplicate waits, then merges
        if (!find(informatiepunt, false)) return {MeldingOutcome::niet_gevonden, 0};
        const Author resident{0, "inwoner"};
        Statement open(statements_, "SELECT id, toelichting FROM meldingen WHERE informatiepunt = ? AND soort = ? AND status = 'open' ORDER BY id");
        open.bind(1, informatiepunt).bind(2, soort);
        while (open.step()) {
            if (!is_duplicate_melding(open.text(1), toelichting)) continue;
            const std::int64_t id = open.integer(0);
            Statement(statements_, "UPDATE meldingen SET aantal = aantal + 1, versie = versie + 1 WHERE id = ?").bind(1, id).run();
            audit(std::string(informatiepunt), resident, std::string(melding_acties::samengevoegd), "melding", "null",
                  melding_audit_json(id, soort, "open"));
            tx.commit();
            return {MeldingOutcome::samengevoegd, id};
        }
        Statement insert(statements_, "INSERT INTO meldingen (versie, informatiepunt, soort, toelichting, status, ontvangen, aantal) "
                              "VALUES (1, ?, ?, ?, 'open', ?, 1)");
        insert.bind(1, informatiepunt).bind(2, soort).bind(3, toelichting).bind(4, utc_rfc3339(now)).run();
        const std::int64_t id = sqlite3_last_insert_rowid(db_);
        audit(std::string(informatiepunt), resident, std::string(melding_acties::ontvangen), "melding", "null",
              melding_audit_json(id, soort, "open"));
        tx.commit();
        return {MeldingOutcome::opgeslagen, id};
    }

    std::vector<Melding> meldingen(std::string_view status) override {
        std::lock_guard lock(mutex_);
        Statement q(statements_, "SELECT id, versie, informatiepunt, soort, toelichting, status, ontvangen, aantal, afgesloten, antwoord "
                         "FROM meldingen WHERE ? = '' OR status = ? ORDER BY id");
        q.bind(1, status).bind(2, status);
        std::vector<Melding> out;
        while (q.step()) out.push_back(melding_row(q));
        return out;
    }

    std::optional<Melding> melding(std::int64_t id) override {
        std::lock_guard lock(mutex_);
        return find_melding(id);
    }

    AfsluitResult close_melding(std::int64_t id, std::int64_t expected_version, std::string_view status, std::string_view antwoord,
                                const Author& author, std::chrono::sys_seconds now) override {
        std::lock_guard lock(mutex_);
        Transaction tx(*this);
        const auto current = find_melding(id);
        if (!current) return {AfsluitOutcome::niet_gevonden, 0};
        if (current->version != expected_version) return {AfsluitOutcome::versie_conflict, current->version};
        if (current->status != "open") return {AfsluitOutcome::al_afgesloten, current->version};
        Statement q(statements_, "UPDATE meldingen SET status = ?, antwoord = ?, afgesloten = ?, versie = versie + 1 WHERE id = ?");
        q.bind(1, status).bind(2, antwoord).bind(3, utc_rfc3339(now)).bind(4, id).run();
        const std::string actie(status == "afgewezen" ? melding_acties::afgewezen : melding_acties::afgehandeld);
        audit(current->informatiepunt, author, actie, "melding", melding_audit_json(id, current->soort, "open"),
              melding_audit_json(id, current->soort, status));
        tx.commit();
        return {AfsluitOutcome::ok, current->version + 1};
    }

    std::size_t purge_meldingen(std::chrono::sys_seconds now) override {
        std::lock_guard lock(mutex_);
        Transaction tx(*this);
        Statement old(statements_, "SELECT id, informatiepunt, soort, status FROM meldingen WHERE afgesloten IS NOT NULL AND afgesloten < ? ORDER BY id");
        old.bind(1, utc_rfc3339(melding_retention_cutoff(now)));
        std::size_t deleted = 0;
        const Author system{};
        while (old.step()) {
            const std::int64_t id = old.integer(0);
            audit(old.text(1), system, std::string(melding_acties::verwijderd), "melding", melding_audit_json(id, old.text(2), old.text(3)), "null");
            Statement(statements_, "DELETE FROM meldingen WHERE id = ?").bind(1, id).run();
            ++deleted;
        }
        tx.commit();
        return deleted;
    }

    WriteResult confirm(std::string_view id, std::int64_t expected_version, const std::string& properties_json,
                        const Author& author) override {
        std::lock_guard lock(mutex_);
        Transaction tx(*this);
        auto current = find(id, false);
        if (!current) return {WriteOutcome::niet_gevonden, 0};
        if (current->version != expected_version) return {WriteOutcome::versie_conflict, current->version};
        const auto changes = changed_fields(current->properties_json, properties_json, current->position, current->position);
        const std::string date = laatst_gecontroleerd_json(properties_json);
        if (changes.empty()) {
            audit(std::string(id), author, std::string(melding_acties::gecontroleerd), "laatstGecontroleerd", date, date);
            tx.commit();
            return {WriteOutcome::ok, current->version};
        }
        const std::int64_t version = current->version + 1;
        Statement q(statements_, "UPDATE informatiepunten SET versie = ?, eigenschappen = ?, gewijzigd = ? WHERE id = ?");
        q.bind(1, version).bind(2, properties_json).bind(3, geo::utc_now_rfc3339()).bind(4, id).run();
        for (const auto& change : changes)
            audit(std::string(id), author, std::string(melding_acties::gecontroleerd), change.field, change.old_json, change.new_json);
        bump();
        tx.commit();
        return {WriteOutcome::ok, version};
    }

    // --- Full-list import (volledige lijst, issue 14 section 3) ---
    ListResult replace_list(const std::vector<ListWrite>& writes, const std::vector<ListRemoval>& removals, const Author& author,
                            std::string_view actie) override {
        std::lock_guard lock(mutex_);
        Transaction tx(*this);  // BEGIN IMMEDIATE: no other writer between the version checks and the writes
        ListResult result;
        for (const auto& w : writes) {
            auto current = find(w.location.id, false);
            if (current ? current->version != w.seen_version : w.seen_version != 0) result.conflicts.push_back(w.location.id);
        }
        for (const auto& r : removals) {
            auto current = find(r.id, false);
            if (!current || current->version != r.seen_version) result.conflicts.push_back(r.id);
        }
        if (!result.conflicts.empty()) return result;  // the destructor rolls back (nothing was written)
        std::vector<StoredLocation> locations;
        locations.reserve(writes.size());
        for (const auto& w : writes) locations.push_back(w.location);
        result.changed = upsert(locations, author, actie);
        const std::string now = geo::utc_now_rfc3339();
        for (const auto& r : removals) {
            auto current = find(r.id, false);
            Statement q(statements_, "UPDATE informatiepunten SET versie = versie + 1, verwijderd = ?, gewijzigd = ? WHERE id = ?");
            q.bind(1, now).bind(2, now).bind(3, r.id).run();
            audit(r.id, author, "verwijderd", "", current->properties_json, "null");
            ++result.removed;
        }
        if (result.removed > 0 && result.changed == 0) bump();  // upsert bumped already when it changed something
        tx.commit();
        return result;
    }

    // --- municipal data (issue 13): partners, financing, quarterly figures ---------------------------------
    // Not counted in data_version: none of it is in the snapshot, and every read comes from the store.

    std::vector<Partner> partners(std::string_view gemeentecode) override {
        std::lock_guard lock(mutex_);
        Statement q(statements_, "SELECT " IDO_PARTNER_COLUMNS " FROM partners WHERE gemeentecode = ? AND verwijderd IS NULL ORDER BY id");
        q.bind(1, gemeentecode);
        std::vector<Partner> out;
        while (q.step()) out.push_back(read_partner(q));
        return out;
    }

    std::optional<Partner> partner(std::int64_t id) override {
        std::lock_guard lock(mutex_);
        return find_partner(id);
    }

    Partner create_partner(const Partner& partner, const Author& author) override {
        std::lock_guard lock(mutex_);
        Transaction tx(*this);
        Statement q(statements_, "INSERT INTO partners (gemeentecode, versie, naam, soort, omschrijving, adres, telefoon, email, website) "
                         "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)");
        q.bind(1, partner.gemeentecode).bind(2, partner.naam).bind(3, partner.soort).bind(4, partner.omschrijving).bind(5, partner.adres);
        q.bind(6, partner.telefoon).bind(7, partner.email).bind(8, partner.website).run();
        Partner stored = partner;
        stored.id = sqlite3_last_insert_rowid(db_);
        stored.versie = 1;
        municipal_audit(stored.gemeentecode, "partner/" + std::to_string(stored.id), author, "aangemaakt", "", "null", partner_json(stored));
        tx.commit();
        return stored;
    }

    WriteResult update_partner(std::int64_t id, std::int64_t expected_version, const Partner& partner, const Author& author) override {
        std::lock_guard lock(mutex_);
        Transaction tx(*this);
        auto current = find_partner(id);
        if (!current) return {WriteOutcome::niet_gevonden, 0};
        if (current->versie != expected_version) return {WriteOutcome::versie_conflict, current->versie};
        const auto changes = partner_changes(*current, partner);
        if (changes.empty()) return {WriteOutcome::ok, current->versie};  // nothing to record
        Statement q(statements_, "UPDATE partners SET versie = versie + 1, naam = ?, soort = ?, omschrijving = ?, adres = ?, telefoon = ?, email = ?, "
                         "website = ? WHERE id = ?");
        q.bind(1, partner.naam).bind(2, partner.soort).bind(3, partner.omschrijving).bind(4, partner.adres).bind(5, partner.telefoon);
        q.bind(6, partner.email).bind(7, partner.website).bind(8, id).run();
        for (const auto& change : changes)
            municipal_audit(current->gemeentecode, "partner/" + std::to_string(id), author, "gewijzigd", change.field, change.old_json, change.new_json);
        tx.commit();
        return {WriteOutcome::ok, current->versie + 1};
    }

    WriteResult remove_partner(std::int64_t id, std::int64_t expected_version, const Author& author) override {
        std::lock_guard lock(mutex_);
        Transaction tx(*this);
        auto current = find_partner(id);
        if (!current) return {WriteOutcome::niet_gevonden, 0};
        if (current->versie != expected_version) return {WriteOutcome::versie_conflict, current->versie};
        Statement q(statements_, "UPDATE partners SET versie = versie + 1, verwijderd = ? WHERE id = ?");
        q.bind(1, geo::utc_now_rfc3339()).bind(2, id).run();
        municipal_audit(current->gemeentecode, "partner/" + std::to_string(id), author, "verwijderd", "", partner_json(*current), "null");
        tx.commit();
        return {WriteOutcome::ok, current->versie + 1};
    }

    std::vector<Financing> financing(std::string_view gemeentecode) override {
        std::lock_guard lock(mutex_);
        Statement q(statements_, "SELECT gemeentecode, jaar, bedrag, bron, ingevoerd FROM financiering WHERE gemeentecode = ? ORDER BY jaar");
        q.bind(1, gemeentecode);
        std::vector<Financing> out;
        while (q.step()) out.push_back({q.text(0), static_cast<int>(q.integer(1)), q.real(2), q.text(3), q.text(4)});
        return out;
    }

    bool set_financing(const Financing& financing, const Author& author) override {
        std::lock_guard lock(mutex_);
        Transaction tx(*this);
        Statement old(statements_, "SELECT bedrag, bron FROM financiering WHERE gemeentecode = ? AND jaar = ?");
        old.bind(1, financing.gemeentecode).bind(2, std::int64_t{financing.jaar});
        const bool existed = old.step();
        const std::string old_json = existed ? financing_json({"", 0, old.real(0), old.text(1), ""}) : "null";
        const std::string new_json = financing_json(financing);
        if (old_json == new_json) return false;  // the same figure again: nothing to record
        Statement q(statements_, "INSERT INTO financiering (gemeentecode, jaar, bedrag, bron, ingevoerd) VALUES (?, ?, ?, ?, ?) "
                         "ON CONFLICT (gemeentecode, jaar) DO UPDATE SET bedrag = excluded.bedrag, bron = excluded.bron, ingevoerd = excluded.ingevoerd");
        q.bind(1, financing.gemeentecode).bind(2, std::int64_t{financing.jaar}).bind(3, financing.bedrag).bind(4, financing.bron);
        q.bind(5, geo::utc_now_rfc3339()).run();
        municipal_audit(financing.gemeentecode, "financiering/" + std::to_string(financing.jaar), author, existed ? "gewijzigd" : "aangemaakt", "",
                        old_json, new_json);
        tx.commit();
        return !existed;
    }

    bool has_quarter(std::string_view kwartaal) override {
        std::lock_guard lock(mutex_);
        Statement q(statements_, "SELECT 1 FROM kwartaalcijfers WHERE kwartaal = ? LIMIT 1");
        return q.bind(1, kwartaal).step();
    }

    std::size_t record_quarter(const std::vector<QuarterFigures>& rows) override {
        std::lock_guard lock(mutex_);
        Transaction tx(*this);  // BEGIN IMMEDIATE: a second process storing the same quarter waits, then inserts nothing
        std::size_t inserted = 0;
        const std::string now = geo::utc_now_rfc3339();
        for (const auto& r : rows) {
            Statement q(statements_, "INSERT INTO kwartaalcijfers (kwartaal, gebied, vastgelegd, inwoners, gemiddelde_afstand, mediane_afstand, binnen_1km, "
                             "binnen_3km, binnen_5km, binnen_10km, uren_per_week, informatiepunten) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT (kwartaal, gebied) DO NOTHING");
            q.bind(1, r.kwartaal).bind(2, r.gebied).bind(3, now).bind(4, r.inwoners);
            bind_optional(q, 5, r.gemiddelde_afstand_m);
            bind_optional(q, 6, r.mediaan_afstand_m);
            q.bind(7, r.binnen_1km).bind(8, r.binnen_3km).bind(9, r.binnen_5km).bind(10, r.binnen_10km).bind(11, r.uren_per_week);
            q.bind(12, r.informatiepunten).run();
            inserted += static_cast<std::size_t>(sqlite3_changes(db_));
        }
        tx.commit();
        return inserted;
    }

    std::vector<QuarterFigures> quarters(std::string_view gebied) override {
        std::lock_guard lock(mutex_);
        Statement q(statements_, "SELECT kwartaal, gebied, vastgelegd, inwoners, gemiddelde_afstand, mediane_afstand, binnen_1km, binnen_3km, binnen_5km, "
                         "binnen_10km, uren_per_week, informatiepunten FROM kwartaalcijfers WHERE gebied = ? ORDER BY kwartaal");
        q.bind(1, gebied);
        std::vector<QuarterFigures> out;
        while (q.step()) {
            QuarterFigures f{q.text(0), q.text(1), q.text(2), q.integer(3), std::nullopt, std::nullopt,
                             q.integer(6), q.integer(7), q.integer(8), q.integer(9), q.real(10), q.integer(11)};
            if (!q.is_null(4)) f.gemiddelde_afstand_m = q.real(4);
            if (!q.is_null(5)) f.mediaan_afstand_m = q.real(5);
            out.push_back(std::move(f));
        }
        return out;
    }

    std::vector<MunicipalAuditEntry> municipal_history(std::string_view gemeentecode) override {
        std::lock_guard lock(mutex_);
        Statement q(statements_, "SELECT id, tijd, gemeentecode, onderwerp, token_id, token_label, actie, veld, oud, nieuw FROM gemeente_wijzigingen "
                         "WHERE gemeentecode = ? ORDER BY id");
        q.bind(1, gemeentecode);
        std::vector<MunicipalAuditEntry> out;
        while (q.step())
            out.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.integer(4), q.text(5), q.text(6), q.text(7), q.text(8), q.text(9)});
        return out;
    }

private:
    // Inserts or replaces, inside the caller's transaction; returns how many records changed.
    std::size_t upsert(const std::vector<StoredLocation>& locations, const Author& author, std::string_view actie) {
        std::size_t changed = 0;
        for (const auto& location : locations) {
            auto current = find(location.id, true);
            if (!current) {
                insert(location, 1);
                audit(location.id, author, std::string(actie), "", "null", location.properties_json);
                ++changed;
                continue;
            }
            const auto changes = changed_fields(current->properties_json, location.properties_json, current->position, location.position);
            const bool was_removed = removed(location.id);
            if (changes.empty() && !was_removed) continue;
            Statement q(statements_, "UPDATE informatiepunten SET versie = versie + 1, eigenschappen = ?, lon = ?, lat = ?, gewijzigd = ?, verwijderd = NULL WHERE id = ?");
            q.bind(1, location.properties_json).bind(2, location.position.lon).bind(3, location.position.lat).bind(4, geo::utc_now_rfc3339()).bind(5, location.id).run();
            for (const auto& change : changes) audit(location.id, author, std::string(actie), change.field, change.old_json, change.new_json);
            ++changed;
        }
        Statement(statements_, "UPDATE teller SET waarde = 1 WHERE naam = 'ooit_gevuld'").run();
        if (changed > 0) bump();
        return changed;
    }

    // BEGIN IMMEDIATE takes the write lock at once (no upgrade deadlock with another process); the
    // destructor rolls back unless commit() was called, so an exception leaves the database unchanged.
    class Transaction {
    public:
        explicit Transaction(SqliteStore& store) : store_(store) { store_.exec("BEGIN IMMEDIATE"); }
        ~Transaction() {
            if (!committed_) sqlite3_exec(store_.db_, "ROLLBACK", nullptr, nullptr, nullptr);
        }
        void commit() {
            store_.exec("COMMIT");
            committed_ = true;
        }

    private:
        SqliteStore& store_;
        bool committed_ = false;
    };

    void exec(const char* sql) {
        char* error = nullptr;
        if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
            std::string message = error ? error : "unknown error";
            sqlite3_free(error);
            throw std::runtime_error(std::string("sqlite: ") + message);
        }
    }

    void migrate() {
        Statement version_query(statements_, "PRAGMA user_version");
        version_query.step();
        const auto version = static_cast<std::size_t>(version_query.integer(0));
        if (version > migrations.size())
            throw std::runtime_error("database schema version " + std::to_string(version) + " is newer than this program knows");
        for (std::size_t v = version; v < migrations.size(); ++v) {
            Transaction tx(*this);
            exec(migrations[v]);
            exec(("PRAGMA user_version = " + std::to_string(v + 1)).c_str());
            tx.commit();
        }
    }

    std::optional<StoredLocation> find(std::string_view id, bool include_removed) {
        Statement q(statements_, include_removed ? "SELECT id, versie, eigenschappen, lon, lat FROM informatiepunten WHERE id = ?"
                                         : "SELECT id, versie, eigenschappen, lon, lat FROM informatiepunten WHERE id = ? AND verwijderd IS NULL");
        q.bind(1, id);
        if (!q.step()) return std::nullopt;
        return StoredLocation{q.text(0), q.integer(1), q.text(2), {q.real(4), q.real(3)}};
    }

    bool removed(std::string_view id) {
        Statement q(statements_, "SELECT verwijderd IS NOT NULL FROM informatiepunten WHERE id = ?");
        return q.bind(1, id).step() && q.integer(0) == 1;
    }

    void insert(const StoredLocation& location, std::int64_t version) {
        Statement q(statements_, "INSERT INTO informatiepunten (id, versie, eigenschappen, lon, lat, gewijzigd) VALUES (?, ?, ?, ?, ?, ?)");
        q.bind(1, location.id).bind(2, version).bind(3, location.properties_json).bind(4, location.position.lon);
        q.bind(5, location.position.lat).bind(6, geo::utc_now_rfc3339()).run();
    }

    void audit(const std::string& id, const Author& author, const std::string& actie, const std::string& veld,
               const std::string& oud, const std::string& nieuw) {
        Statement q(statements_, "INSERT INTO wijzigingen (tijd, informatiepunt, token_id, token_label, actie, veld, oud, nieuw) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        q.bind(1, geo::utc_now_rfc3339()).bind(2, id).bind(3, author.token_id).bind(4, author.label).bind(5, actie).bind(6, veld);
        q.bind(7, oud).bind(8, nieuw).run();
    }

    std::int64_t counter(const char* name) {
        Statement q(statements_, "SELECT waarde FROM teller WHERE naam = ?");
        return q.bind(1, std::string_view(name)).step() ? q.integer(0) : 0;
    }

    void bump() { Statement(statements_, "UPDATE teller SET waarde = waarde + 1 WHERE naam = 'data_version'").run(); }

    // --- Reports (meldingen): reading a row ----------------------------------------------------------------
    static Melding melding_row(const Statement& q) {
        Melding m{q.integer(0), q.integer(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6), q.integer(7), std::nullopt, std::nullopt};
        if (!q.is_null(8)) m.afgesloten = q.text(8);
        if (!q.is_null(9)) m.antwoord = q.text(9);
        return m;
    }
    std::optional<Melding> find_melding(std::int64_t id) {
        Statement q(statements_, "SELECT id, versie, informatiepunt, soort, toelichting, status, ontvangen, aantal, afgesloten, antwoord "
                         "FROM meldingen WHERE id = ?");
        q.bind(1, id);
        if (!q.step()) return std::nullopt;
        return melding_row(q);
    }

    // --- municipal data helpers ---
    static Partner read_partner(const Statement& q) {
        return {q.integer(0), q.text(1), q.integer(2), q.text(3), q.text(4), q.text(5), q.text(6), q.text(7), q.text(8), q.text(9)};
    }

    std::optional<Partner> find_partner(std::int64_t id) {
        Statement q(statements_, "SELECT " IDO_PARTNER_COLUMNS " FROM partners WHERE id = ? AND verwijderd IS NULL");
        q.bind(1, id);
        if (!q.step()) return std::nullopt;
        return read_partner(q);
    }

    static void bind_optional(Statement& q, int i, const std::optional<double>& value) {
        if (value) q.bind(i, *value);
        else q.bind_null(i);
    }

    void municipal_audit(const std::string& gemeentecode, const std::string& onderwerp, const Author& author, const std::string& actie,
                         const std::string& veld, const std::string& oud, const std::string& nieuw) {
        Statement q(statements_, "INSERT INTO gemeente_wijzigingen (tijd, gemeentecode, onderwerp, token_id, token_label, actie, veld, oud, nieuw) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        q.bind(1, geo::utc_now_rfc3339()).bind(2, gemeentecode).bind(3, onderwerp).bind(4, author.token_id).bind(5, author.label);
        q.bind(6, actie).bind(7, veld).bind(8, oud).bind(9, nieuw).run();
    }


    sqlite3* db_ = nullptr;
    StatementCache statements_;
    std::mutex mutex_;
};

}  // namespace

std::unique_ptr<Store> open_sqlite(const std::filesystem::path& path) { return std::make_unique<SqliteStore>(path); }

}  // namespace ido::store
