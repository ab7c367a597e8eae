// The PostgreSQL store: the shared database of several replicas. Same schema, migrations and semantics
// as the SQLite store (store/sqlite_store.cpp); what is specific here:
//   - one connection for queries and writes behind a mutex (writes are few; reads happen only when a
//     snapshot is rebuilt), and a second one that only LISTENs for the changes of other replicas;
//   - every committed change increments data_version and sends NOTIFY in the same transaction, so it
//     reaches the other replicas exactly when it is visible to them;
//   - a lost connection (server restarted, network) makes calls throw StoreUnavailable; the next call
//     reconnects, so the service recovers by itself.
// Durability: PostgreSQL's default synchronous_commit=on flushes the WAL before COMMIT returns, so a
// write that was acknowledged survives a crash of the server or of the replica.
#include "store/store.hpp"
#include "store/token_dates.hpp"

#include "store/json_diff.hpp"
#include "store/meldingen.hpp"
#include "store/municipal_records.hpp"
#include "store/secrets.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>

namespace ido::store {
namespace {

// Versioned migrations: entry i takes the schema from version i to i + 1. Never edit an applied one;
// add a new one. They match the SQLite migrations in meaning; the types are PostgreSQL's own.
const std::vector<const char*> migrations = {
    R"sql(
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
    )sql",
    // Reports from residents (meldingen, issue 14): nothing about the resident; closed ones are deleted
    // after 12 months (purge_meldingen).
    R"sql(
    CREATE TABLE meldingen (
        id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        versie         bigint NOT NULL,
        informatiepunt text NOT NULL,
        soort          text NOT NULL,
        toelichting    text NOT NULL,
        status         text NOT NULL,     -- open, afgehandeld, afgewezen
        ontvangen      timestamptz NOT NULL,
        aantal         bigint NOT NULL,   -- reports merged into this one
        afgesloten     timestamptz,
        antwoord       text
    );
    CREATE INDEX meldingen_open ON meldingen (informatiepunt, soort) WHERE status = 'open';
    CREATE INDEX meldingen_afgesloten ON meldingen (afgesloten) WHERE afgesloten IS NOT NULL;
    )sql",
    // Token lifecycle (issue 16), as in SQLite: every token gets an expiry, those made before it a year
    // from the migration (UTC); the last day of use starts unknown.
    R"sql(
    ALTER TABLE tokens ADD COLUMN geldig_tot date;
    UPDATE tokens SET geldig_tot = ((now() AT TIME ZONE 'UTC')::date + interval '1 year')::date;
    ALTER TABLE tokens ALTER COLUMN geldig_tot SET NOT NULL;
    ALTER TABLE tokens ADD COLUMN laatst_gebruikt date;
    )sql",
    // Issue 13: the municipal data (partners, financing, quarterly coverage figures) and its audit log.
    R"sql(
    CREATE TABLE partners (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        gemeentecode  text NOT NULL,
        versie        bigint NOT NULL,
        naam          text NOT NULL,
        soort         text NOT NULL,
        omschrijving  text NOT NULL,   -- '' when not given, as the other optional texts
        adres         text NOT NULL,
        telefoon      text NOT NULL,
        email         text NOT NULL,
        website       text NOT NULL,
        verwijderd    timestamptz      -- set when removed; the row and its history stay
    );
    CREATE INDEX partners_per_gemeente ON partners (gemeentecode, id);
    CREATE TABLE financiering (
        gemeentecode  text NOT NULL,
        jaar          integer NOT NULL,
        bedrag        double precision NOT NULL,
        bron          text NOT NULL,
        ingevoerd     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (gemeentecode, jaar)
    );
    -- One row per quarter and area; the key makes replicas that race to store a quarter store it once.
    CREATE TABLE kwartaalcijfers (
        kwartaal           text NOT NULL,
        gebied             text NOT NULL,
        vastgelegd         timestamptz NOT NULL DEFAULT now(),
        inwoners           bigint NOT NULL,
        gemiddelde_afstand double precision,
        mediane_afstand    double precision,
        binnen_1km         bigint NOT NULL,
        binnen_3km         bigint NOT NULL,
        binnen_5km         bigint NOT NULL,
        binnen_10km        bigint NOT NULL,
        uren_per_week      double precision NOT NULL,
        informatiepunten   bigint NOT NULL,
        PRIMARY KEY (kwartaal, gebied)
    );
    CREATE TABLE gemeente_wijzigingen (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tijd          timestamptz NOT NULL DEFAULT now(),
        gemeentecode  text NOT NULL,
        onderwerp     text NOT NULL,
        token_id      bigint NOT NULL,
        token_label   text NOT NULL,
        actie         text NOT NULL,
        veld          text NOT NULL,
        oud           text NOT NULL,
        nieuw         text NOT NULL
    );
    CREATE INDEX gemeente_wijzigingen_per_gemeente ON gemeente_wijzigingen (gemeentecode, id);
    CREATE TRIGGER gemeente_wijzigingen_niet_wijzigen BEFORE UPDATE OR DELETE ON gemeente_wijzigingen
        FOR EACH ROW EXECUTE FUNCTION wijzigingen_alleen_toevoegen();
    CREATE TRIGGER gemeente_wijzigingen_niet_legen BEFORE TRUNCATE ON gemeente_wijzigingen
        FOR EACH STATEMENT EXECUTE FUNCTION wijzigingen_alleen_toevoegen();
    )sql",
};

// The channel on which every commit is announced; the payload is the new data_version.
constexpr const char* change_channel = "ido_vinder_wijziging";
// Serialises migrations and the seed load between replicas that start at the same time.
constexpr const char* schema_lock = "SELECT pg_advisory_xact_lock(7346020211)";
// Times as the API shows them (UTC, RFC 3339, whole seconds), the same text the SQLite store keeps.
#define IDO_UTC(column) "to_char(" column " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
// The columns of a report (meldingen), in the order melding_row reads them.
#define IDO_MELDING_SELECT                                                                                                   \
    "SELECT id, versie, informatiepunt, soort, toelichting, status, " IDO_UTC("ontvangen") ", aantal, " IDO_UTC("afgesloten") \
    ", antwoord FROM meldingen"
// A date column as YYYY-MM-DD whatever the server's DateStyle (NULL stays NULL).
#define IDO_DAY(column) "to_char(" column ", 'YYYY-MM-DD')"
// The columns of a partner, in the order read_partner reads them.
#define IDO_PARTNER_COLUMNS "id, gemeentecode, versie, naam, soort, omschrijving, adres, telefoon, email, website"

// Server errors that mean "not possible now, try again" rather than "this request is wrong":
// connection exceptions (class 08), the server shutting down or starting (57P01-57P03), a statement or
// lock timeout (57014, 55P03), a deadlock or serialisation failure (40P01, 40001).
bool is_temporary(const char* sqlstate) {
    if (sqlstate == nullptr) return false;
    const std::string_view s(sqlstate);
    return s.starts_with("08") || s == "57P01" || s == "57P02" || s == "57P03" || s == "57014" || s == "55P03" || s == "40P01" ||
           s == "40001";
}

std::string number(double value) {
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;  // shortest text that reads back exactly
    return std::string(text, end);
}

std::string hex(const std::string& bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out = "\\x";  // bytea's hex input format
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

/// A query result that frees itself.
class Result {
public:
    explicit Result(PGresult* result) : result_(result) {}
    ~Result() { PQclear(result_); }
    Result(Result&& other) noexcept : result_(std::exchange(other.result_, nullptr)) {}
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;

    PGresult* get() const { return result_; }
    int rows() const { return PQntuples(result_); }
    std::string text(int row, int column) const {
        return std::string(PQgetvalue(result_, row, column), static_cast<std::size_t>(PQgetlength(result_, row, column)));
    }
    bool is_null(int row, int column) const { return PQgetisnull(result_, row, column) == 1; }
    std::int64_t integer(int row, int column) const { return std::stoll(text(row, column)); }
    double real(int row, int column) const {
        double value = 0;
        const char* p = PQgetvalue(result_, row, column);
        std::from_chars(p, p + PQgetlength(result_, row, column), value);
        return value;
    }
    std::string bytes(int row, int column) const {
        std::size_t length = 0;
        unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(result_, row, column)), &length);
        if (raw == nullptr) throw std::runtime_error("postgres: bytea out of memory");
        std::string out(reinterpret_cast<char*>(raw), length);
        PQfreemem(raw);
        return out;
    }

private:
    PGresult* result_;
};

/// One libpq connection. Opens lazily and reopens after a loss; every failure to reach the server is
/// a StoreUnavailable.
class Connection {
public:
    explicit Connection(std::string uri) : uri_(std::move(uri)) {}
    ~Connection() { PQfinish(conn_); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Connects if not connected (or the connection was lost).
    void ensure() {
        if (conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK) return;
        // After a failed attempt, fail at once for a second instead of trying again: a server that does
        // not answer at all (a network partition) would otherwise hold every request that needs it for
        // the whole connect timeout.
        if (std::chrono::steady_clock::now() < next_attempt_)
            throw StoreUnavailable("PostgreSQL not reachable (the last attempt to connect failed less than a second ago)");
        PQfinish(conn_);
        // Defaults first, the configured URI last: with expand_dbname, later keywords win, so whatever
        // the operator put in the URI overrides these.
        const char* keys[] = {"connect_timeout", "application_name", "keepalives", "keepalives_idle", "keepalives_interval",
                              "keepalives_count", "options", "dbname", nullptr};
        // Bounded waits everywhere: a stuck statement or a dead server must not hold a request thread.
        const char* values[] = {"3", "ido-vinder", "1", "10", "3", "3",
                                "-c statement_timeout=5000 -c lock_timeout=5000 -c idle_in_transaction_session_timeout=10000 "
                                "-c client_min_messages=warning",
                                uri_.c_str(), nullptr};
        conn_ = PQconnectdbParams(keys, values, 1);
        if (conn_ != nullptr) PQsetNoticeProcessor(conn_, log_notice, nullptr);
        if (PQstatus(conn_) != CONNECTION_OK) {
            std::string message = conn_ ? PQerrorMessage(conn_) : "out of memory";
            PQfinish(conn_);
            conn_ = nullptr;
            next_attempt_ = std::chrono::steady_clock::now() + std::chrono::seconds(1);
            while (!message.empty() && message.back() == '\n') message.pop_back();
            throw StoreUnavailable("cannot connect to PostgreSQL: " + message);
        }
    }

    /// Runs one statement with text parameters; throws on any error.
    Result exec(const char* sql, std::initializer_list<std::string> params = {}) {
        ensure();
        std::vector<const char*> values;
        for (const auto& p : params) values.push_back(p.c_str());
        Result result(PQexecParams(conn_, sql, static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0));
        check(result, sql);
        return result;
    }

    /// Runs a script of statements without parameters (migrations).
    void exec_script(const char* sql) {
        ensure();
        Result result(PQexec(conn_, sql));
        check(result, "migration");
    }

    bool ok() const { return conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK; }
    PGconn* raw() { return conn_; }
    void drop() {
        PQfinish(conn_);
        conn_ = nullptr;
    }

private:
    // The server's warnings (and the FATAL it sends before closing a connection on shutdown) go to the
    // service log with our prefix; NOTICEs are filtered out by client_min_messages.
    static void log_notice(void*, const char* message) {
        std::string text(message);
        while (!text.empty() && text.back() == '\n') text.pop_back();
        std::fprintf(stderr, "ido-vinder: PostgreSQL says: %s\n", text.c_str());
    }

    void check(const Result& result, const char* what) {
        PGresult* r = result.get();
        const ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
        std::string message = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
        while (!message.empty() && message.back() == '\n') message.pop_back();
        const char* sqlstate = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
        if (PQstatus(conn_) != CONNECTION_OK || is_temporary(sqlstate))
            throw StoreUnavailable("PostgreSQL not reachable: " + message);
        throw std::runtime_error(std::string("postgres (") + (sqlstate ? sqlstate : "?") + ") in " +
                                 std::string(what).substr(0, 60) + ": " + message);
    }

    std::string uri_;
    PGconn* conn_ = nullptr;
    std::chrono::steady_clock::time_point next_attempt_{};
};

class PostgresStore final : public Store {
public:
    explicit PostgresStore(std::string uri) : db_(uri), listener_(uri) {
        migrate();
        listen();
    }

    std::vector<StoredLocation> locations() override {
        std::lock_guard lock(mutex_);
        return reading([&] {
            auto r = db_.exec("SELECT id, versie, eigenschappen, lon, lat FROM informatiepunten WHERE verwijderd IS NULL "
                              "ORDER BY id COLLATE \"C\"");  // byte order, as SQLite sorts
            std::vector<StoredLocation> out;
            out.reserve(static_cast<std::size_t>(r.rows()));
            for (int i = 0; i < r.rows(); ++i) out.push_back({r.text(i, 0), r.integer(i, 1), r.text(i, 2), {r.real(i, 4), r.real(i, 3)}});
            return out;
        });
    }

    std::optional<StoredLocation> location(std::string_view id) override {
        std::lock_guard lock(mutex_);
        return reading([&] { return find(id, false, false); });
    }

    std::int64_t data_version() override {
        std::lock_guard lock(mutex_);
        return reading([&] { return counter("data_version"); });
    }

    bool never_filled() override {
        std::lock_guard lock(mutex_);
        return reading([&] { return counter("ooit_gevuld") == 0; });
    }

    std::size_t fill_if_never_filled(const std::vector<StoredLocation>& locations, const Author& author, std::string_view actie) override {
        std::lock_guard lock(mutex_);
        return writing([&] {
            db_.exec(schema_lock);  // a replica starting at the same moment waits here, then finds it filled
            if (counter("ooit_gevuld") != 0) return std::size_t{0};
            return upsert(locations, author, actie);
        });
    }

    WriteResult create(const StoredLocation& location, const Author& author) override {
        std::lock_guard lock(mutex_);
        return writing([&] {
            auto inserted = db_.exec("INSERT INTO informatiepunten (id, versie, eigenschappen, lon, lat) VALUES ($1, 1, $2, $3, $4) "
                                     "ON CONFLICT (id) DO NOTHING RETURNING versie",
                                     {location.id, location.properties_json, number(location.position.lon), number(location.position.lat)});
            if (inserted.rows() == 0) {
                auto existing = db_.exec("SELECT versie FROM informatiepunten WHERE id = $1", {location.id});
                return WriteResult{WriteOutcome::bestaat_al, existing.rows() ? existing.integer(0, 0) : 0};
            }
            audit(location.id, author, "aangemaakt", "", "null", location.properties_json);
            bump();
            return WriteResult{WriteOutcome::ok, 1};
        });
    }

    WriteResult update(std::string_view id, std::int64_t expected_version, const std::string& properties_json, geo::Wgs84 position,
                       const Author& author) override {
        std::lock_guard lock(mutex_);
        return writing([&] {
            // FOR UPDATE: a write through another replica waits for this transaction, then sees the new
            // version and reports a conflict; so no edit overwrites another unseen.
            auto current = find(id, false, true);
            if (!current) return WriteResult{WriteOutcome::niet_gevonden, 0};
            if (current->version != expected_version) return WriteResult{WriteOutcome::versie_conflict, current->version};
            const auto changes = changed_fields(current->properties_json, properties_json, current->position, position);
            if (changes.empty()) return WriteResult{WriteOutcome::ok, current->version};  // nothing to record
            const std::int64_t version = current->version + 1;
            db_.exec("UPDATE informatiepunten SET versie = $1, eigenschappen = $2, lon = $3, lat = $4, gewijzigd = now() WHERE id = $5",
                     {std::to_string(version), properties_json, number(position.lon), number(position.lat), std::string(id)});
            for (const auto& change : changes) audit(std::string(id), author, "gewijzigd", change.field, change.old_json, change.new_json);
            bump();
            return WriteResult{WriteOutcome::ok, version};
        });
    }

    WriteResult remove(std::string_view id, std::int64_t expected_version, const Author& author) override {
        std::lock_guard lock(mutex_);
        return writing([&] {
            auto current = find(id, false, true);
            if (!current) return WriteResult{WriteOutcome::niet_gevonden, 0};
            if (current->version != expected_version) return WriteResult{WriteOutcome::versie_conflict, current->version};
            db_.exec("UPDATE informatiepunten SET versie = versie + 1, verwijderd = now(), gewijzigd = now() WHERE id = $1", {std::string(id)});
            audit(std::string(id), author, "verwijderd", "", current->properties_json, "null");
            bump();
            return WriteResult{WriteOutcome::ok, current->version + 1};
        });
    }

    std::size_t upsert_all(const std::vector<StoredLocation>& locations, const Author& author, std::string_view actie) override {
        std::lock_guard lock(mutex_);
        return writing([&] {
            db_.exec(schema_lock);  // one import at a time, also across replicas
            return upsert(locations, author, actie);
        });
    }

    std::vector<AuditEntry> history(std::string_view id) override {
        std::lock_guard lock(mutex_);
        return reading([&] {
            auto r = db_.exec("SELECT id, " IDO_UTC("tijd") ", informatiepunt, token_id, token_label, actie, veld, oud, nieuw "
                              "FROM wijzigingen WHERE informatiepunt = $1 ORDER BY id",
                              {std::string(id)});
            std::vector<AuditEntry> out;
            for (int i = 0; i < r.rows(); ++i)
                out.push_back({r.integer(i, 0), r.text(i, 1), r.text(i, 2), r.integer(i, 3), r.text(i, 4), r.text(i, 5), r.text(i, 6),
                               r.text(i, 7), r.text(i, 8)});
            return out;
        });
    }

    std::pair<Token, std::string> create_token(Role rol, std::string organisatie, std::string gemeentecode, std::string label,
                                               std::string geldig_tot) override {
        if (geldig_tot.empty()) geldig_tot = default_token_expiry(std::chrono::system_clock::now());
        if (!is_calendar_date(geldig_tot)) throw std::invalid_argument("geldig_tot is not a date YYYY-MM-DD: " + geldig_tot);
        std::lock_guard lock(mutex_);
        return writing([&] {
            const std::string secret = new_token_secret();
            auto r = db_.exec("INSERT INTO tokens (label, rol, organisatie, gemeentecode, hash, geldig_tot) "
                              "VALUES ($1, $2, $3, $4, $5::bytea, $6::date) RETURNING id, " IDO_UTC("aangemaakt"),
                              {label, std::string(to_string(rol)), organisatie, gemeentecode, hex(sha256(secret)), geldig_tot});
            Token token{r.integer(0, 0), label, rol, organisatie, gemeentecode, r.text(0, 1), std::nullopt, geldig_tot, std::nullopt};
            return std::pair{token, secret};
        });
    }

    std::optional<Token> find_token(std::string_view secret) override {
        const std::string hash = sha256(secret);
        std::lock_guard lock(mutex_);
        return reading([&]() -> std::optional<Token> {
            auto r = db_.exec("SELECT id, label, rol, organisatie, gemeentecode, " IDO_UTC("aangemaakt") ", ingetrokken IS NOT NULL, hash, "
                              IDO_DAY("geldig_tot") ", " IDO_DAY("laatst_gebruikt") " FROM tokens WHERE hash = $1::bytea",
                              {hex(hash)});
            if (r.rows() == 0 || r.text(0, 6) == "t") return std::nullopt;
            // The index found the row by its hash; compare once more in constant time before trusting it.
            if (!equal_in_constant_time(r.bytes(0, 7), hash)) return std::nullopt;
            auto rol = role_from_string(r.text(0, 2));
            if (!rol) return std::nullopt;
            Token t{r.integer(0, 0), r.text(0, 1), *rol, r.text(0, 3), r.text(0, 4), r.text(0, 5), std::nullopt, r.text(0, 8), std::nullopt};
            if (!r.is_null(0, 9)) t.laatst_gebruikt = r.text(0, 9);
            return t;
        });
    }

    bool revoke_token(std::int64_t id) override {
        std::lock_guard lock(mutex_);
        return writing([&] {
            auto r = db_.exec("UPDATE tokens SET ingetrokken = now() WHERE id = $1 AND ingetrokken IS NULL RETURNING id", {std::to_string(id)});
            return r.rows() == 1;
        });
    }

    std::vector<Token> tokens() override {
        std::lock_guard lock(mutex_);
        return reading([&] {
            auto r = db_.exec("SELECT id, label, rol, organisatie, gemeentecode, " IDO_UTC("aangemaakt") ", " IDO_UTC("ingetrokken") ", "
                              IDO_DAY("geldig_tot") ", " IDO_DAY("laatst_gebruikt") " FROM tokens ORDER BY id");
            std::vector<Token> out;
            for (int i = 0; i < r.rows(); ++i) {
                Token t{r.integer(i, 0), r.text(i, 1), role_from_string(r.text(i, 2)).value_or(Role::bibliotheek), r.text(i, 3),
                        r.text(i, 4), r.text(i, 5), std::nullopt, r.text(i, 7), std::nullopt};
                if (!r.is_null(i, 6)) t.ingetrokken = r.text(i, 6);
                if (!r.is_null(i, 8)) t.laatst_gebruikt = r.text(i, 8);
                out.push_back(std::move(t));
            }
            return out;
        });
    }

    // --- token lifecycle (issue 16) ---
    void record_token_use(std::int64_t id, std::string_view dag) override {
        std::lock_guard lock(mutex_);
        writing([&] {
            // Never backwards, as in SQLite: a late writer with an older day leaves the newer one.
            db_.exec("UPDATE tokens SET laatst_gebruikt = $2::date WHERE id = $1 AND (laatst_gebruikt IS NULL OR laatst_gebruikt < $2::date)",
                     {std::to_string(id), std::string(dag)});
            return 0;
        });
    }

    bool wait_for_change(std::chrono::milliseconds timeout) override {
        if (!listener_.ok()) {
            try {
                listen();
            } catch (const StoreUnavailable&) {
                std::this_thread::sleep_for(timeout);  // still down; try again on the next call
                return false;
            }
            return true;  // (re)connected: what happened meanwhile was not announced to us
        }
        pollfd fd{PQsocket(listener_.raw()), POLLIN, 0};
        if (poll(&fd, 1, static_cast<int>(timeout.count())) <= 0) return false;
        if (PQconsumeInput(listener_.raw()) == 0 || PQstatus(listener_.raw()) != CONNECTION_OK) {
            // The server went away (restart, network): report it at once, reconnect on the next call.
            listener_.drop();
            mark(false);
            return true;
        }
        bool changed = false;
        while (PGnotify* notice = PQnotifies(listener_.raw())) {
            changed = true;
            PQfreemem(notice);
        }
        return changed;
    }

    bool reachable() const override { return reachable_.load(std::memory_order_relaxed); }

    // --- Reports from residents (meldingen, issue 14) ---------------------------------------------------

    MeldingResult add_melding(std::string_view informatiepunt, std::string_view soort, std::string_view toelichting,
                              std::chrono::sys_seconds now) override {
        std::lock_guard lock(mutex_);
        return writing([&] {
            const std::string id_text(informatiepunt), soort_text(soort);
            // One report of a help point at a time, across replicas: two replicas with the same duplicate
            // cannot both find no open report and both insert. (A key space of its own: the two-int form.)
            db_.exec("SELECT pg_advisory_xact_lock(1414, hashtext($1))", {id_text});
            if (!find(informatiepunt, false, false)) return MeldingResult{MeldingOutcome::niet_gevonden, 0};
            const Author resident{0, "inwoner"};
            auto open = db_.exec("SELECT id, toelichting FROM meldingen WHERE informatiepunt = $1 AND soort = $2 AND status = 'open' ORDER BY id",
                                 {id_text, soort_text});
            for (int i = 0; i < open.rows(); ++i) {
                if (!is_duplicate_melding(open.text(i, 1), toelichting)) continue;
                const std::int64_t id = open.integer(i, 0);
                db_.exec("UPDATE meldingen SET aantal = aantal + 1, versie = versie + 1 WHERE id = $1", {std::to_string(id)});
                audit(id_text, resident, std::string(melding_acties::samengevoegd), "melding", "null", melding_audit_json(id, soort, "open"));
                return MeldingResult{MeldingOutcome::samengevoegd, id};
            }
            auto inserted = db_.exec("INSERT INTO meldingen (versie, informatiepunt, soort, toelichting, status, ontvangen, aantal) "
                                     "VALUES (1, $1, $2, $3, 'open', $4::timestamptz, 1) RETURNING id",
                                     {id_text, soort_text, std::string(toelichting), utc_rfc3339(now)});
            const std::int64_t id = inserted.integer(0, 0);
            audit(id_text, resident, std::string(melding_acties::ontvangen), "melding", "null", melding_audit_json(id, soort, "open"));
            return MeldingResult{MeldingOutcome::opgeslagen, id};
        });
    }

    std::vector<Melding> meldingen(std::string_view status) override {
        std::lock_guard lock(mutex_);
        return reading([&] {
            auto r = db_.exec(IDO_MELDING_SELECT " WHERE $1::text = '' OR status = $1::text ORDER BY id", {std::string(status)});
            std::vector<Melding> out;
            for (int i = 0; i < r.rows(); ++i) out.push_back(melding_row(r, i));
            return out;
        });
    }

    std::optional<Melding> melding(std::int64_t id) override {
        std::lock_guard lock(mutex_);
        return reading([&] { return find_melding(id, false); });
    }

    AfsluitResult close_melding(std::int64_t id, std::int64_t expected_version, std::string_view status, std::string_view antwoord,
                                const Author& author, std::chrono::sys_seconds now) override {
        std::lock_guard lock(mutex_);
        return writing([&] {
            const auto current = find_melding(id, true);
            if (!current) return AfsluitResult{AfsluitOutcome::niet_gevonden, 0};
            if (current->version != expected_version) return AfsluitResult{AfsluitOutcome::versie_conflict, current->version};
            if (current->status != "open") return AfsluitResult{AfsluitOutcome::al_afgesloten, current->version};
            db_.exec("UPDATE meldingen SET status = $1, antwoord = $2, afgesloten = $3::timestamptz, versie = versie + 1 WHERE id = $4",
                     {std::string(status), std::string(antwoord), utc_rfc3339(now), std::to_string(id)});
            const std::string actie(status == "afgewezen" ? melding_acties::afgewezen : melding_acties::afgehandeld);
            audit(current->informatiepunt, author, actie, "melding", melding_audit_json(id, current->soort, "open"),
                  melding_audit_json(id, current->soort, status));
            return AfsluitResult{AfsluitOutcome::ok, current->version + 1};
        });
    }

    std::size_t purge_meldingen(std::chrono::sys_seconds now) override {
        std::lock_guard lock(mutex_);
        return writing([&] {
            auto old = db_.exec("DELETE FROM meldingen WHERE afgesloten IS NOT NULL AND afgesloten < $1::timestamptz "
                                "RETURNING id, informatiepunt, soort, status",
                                {utc_rfc3339(melding_retention_cutoff(now))});
            // In id order, as SQLite writes them, so the two audit logs read the same.
            std::vector<std::pair<std::int64_t, int>> order;
            for (int i = 0; i < old.rows(); ++i) order.emplace_back(old.integer(i, 0), i);
            std::sort(order.begin(), order.end());
            const Author system{};
            for (const auto& [id, i] : order)
                audit(old.text(i, 1), system, std::string(melding_acties::verwijderd), "melding",
                      melding_audit_json(id, old.text(i, 2), old.text(i, 3)), "null");
            return static_cast<std::size_t>(old.rows());
        });
    }

    WriteResult confirm(std::string_view id, std::int64_t expected_version, const std::string& properties_json,
                        const Author& author) override {
        std::lock_guard lock(mutex_);
        return writing([&] {
            auto current = find(id, false, true);
            if (!current) return WriteResult{WriteOutcome::niet_gevonden, 0};
            if (current->version != expected_version) return WriteResult{WriteOutcome::versie_conflict, current->version};
            const auto changes = changed_fields(current->properties_json, properties_json, current->position, current->position);
            if (changes.empty()) {
                const std::string date = laatst_gecontroleerd_json(properties_json);
                audit(std::string(id), author, std::string(melding_acties::gecontroleerd), "laatstGecontroleerd", date, date);
                return WriteResult{WriteOutcome::ok, current->version};
            }
            const std::int64_t version = current->version + 1;
            db_.exec("UPDATE informatiepunten SET versie = $1, eigenschappen = $2, gewijzigd = now() WHERE id = $3",
                     {std::to_string(version), properties_json, std::string(id)});
            for (const auto& change : changes)
                audit(std::string(id), author, std::string(melding_acties::gecontroleerd), change.field, change.old_json, change.new_json);
            bump();
            return WriteResult{WriteOutcome::ok, version};
        });
    }

    // --- Full-list import (volledige lijst, issue 14 section 3) ---
    ListResult replace_list(const std::vector<ListWrite>& writes, const std::vector<ListRemoval>& removals, const Author& author,
                            std::string_view actie) override {
        std::lock_guard lock(mutex_);
        return writing([&] {
            db_.exec(schema_lock);  // one import at a time, also across replicas
            // FOR UPDATE: a write through another replica waits for this transaction, so no version
            // checked here moves before the commit.
            ListResult result;
            for (const auto& w : writes) {
                auto current = find(w.location.id, false, true);
                if (current ? current->version != w.seen_version : w.seen_version != 0) result.conflicts.push_back(w.location.id);
            }
            std::vector<StoredLocation> removed_records;
            for (const auto& r : removals) {
                auto current = find(r.id, false, true);
                if (!current || current->version != r.seen_version) result.conflicts.push_back(r.id);
                else removed_records.push_back(std::move(*current));
            }
            if (!result.conflicts.empty()) return result;  // nothing written; COMMIT of an empty transaction
            std::vector<StoredLocation> locations;
            locations.reserve(writes.size());
            for (const auto& w : writes) locations.push_back(w.location);
            result.changed = upsert(locations, author, actie);
            for (const auto& current : removed_records) {
                db_.exec("UPDATE informatiepunten SET versie = versie + 1, verwijderd = now(), gewijzigd = now() WHERE id = $1", {current.id});
                audit(current.id, author, "verwijderd", "", current.properties_json, "null");
                ++result.removed;
            }
            if (result.removed > 0 && result.changed == 0) bump();  // upsert bumped already when it changed something
            return result;
        });
    }

    // --- municipal data (issue 13): partners, financing, quarterly figures ---------------------------------
    // Not counted in data_version (no NOTIFY): none of it is in the snapshot, and every read comes from
    // the database, so every replica sees a commit at once.

    std::vector<Partner> partners(std::string_view gemeentecode) override {
        std::lock_guard lock(mutex_);
        return reading([&] {
            auto r = db_.exec("SELECT " IDO_PARTNER_COLUMNS " FROM partners WHERE gemeentecode = $1 AND verwijderd IS NULL ORDER BY id",
                              {std::string(gemeentecode)});
            std::vector<Partner> out;
            for (int i = 0; i < r.rows(); ++i) out.push_back(read_partner(r, i));
            return out;
        });
    }

    std::optional<Partner> partner(std::int64_t id) override {
        std::lock_guard lock(mutex_);
        return reading([&] { return find_partner(id, false); });
    }

    Partner create_partner(const Partner& partner, const Author& author) override {
        std::lock_guard lock(mutex_);
        return writing([&] {
            auto r = db_.exec("INSERT INTO partners (gemeentecode, versie, naam, soort, omschrijving, adres, telefoon, email, website) "
                              "VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                              {partner.gemeentecode, partner.naam, partner.soort, partner.omschrijving, partner.adres, partner.telefoon,
                               partner.email, partner.website});
            Partner stored = partner;
            stored.id = r.integer(0, 0);
            stored.versie = 1;
            municipal_audit(stored.gemeentecode, "partner/" + std::to_string(stored.id), author, "aangemaakt", "", "null", partner_json(stored));
            return stored;
        });
    }

    WriteResult update_partner(std::int64_t id, std::int64_t expected_version, const Partner& partner, const Author& author) override {
        std::lock_guard lock(mutex_);
        return writing([&] {
            auto current = find_partner(id, true);  // FOR UPDATE: a concurrent write waits, then sees the new versie
            if (!current) return WriteResult{WriteOutcome::niet_gevonden, 0};
            if (current->versie != expected_version) return WriteResult{WriteOutcome::versie_conflict, current->versie};
            const auto changes = partner_changes(*current, partner);
            if (changes.empty()) return WriteResult{WriteOutcome::ok, current->versie};
            db_.exec("UPDATE partners SET versie = versie + 1, naam = $1, soort = $2, omschrijving = $3, adres = $4, telefoon = $5, email = $6, "
                     "website = $7 WHERE id = $8",
                     {partner.naam, partner.soort, partner.omschrijving, partner.adres, partner.telefoon, partner.email, partner.website,
                      std::to_string(id)});
            for (const auto& change : changes)
                municipal_audit(current->gemeentecode, "partner/" + std::to_string(id), author, "gewijzigd", change.field, change.old_json,
                                change.new_json);
            return WriteResult{WriteOutcome::ok, current->versie + 1};
        });
    }

    WriteResult remove_partner(std::int64_t id, std::int64_t expected_version, const Author& author) override {
        std::lock_guard lock(mutex_);
        return writing([&] {
            auto current = find_partner(id, true);
            if (!current) return WriteResult{WriteOutcome::niet_gevonden, 0};
            if (current->versie != expected_version) return WriteResult{WriteOutcome::versie_conflict, current->versie};
            db_.exec("UPDATE partners SET versie = versie + 1, verwijderd = now() WHERE id = $1", {std::to_string(id)});
            municipal_audit(current->gemeentecode, "partner/" + std::to_string(id), author, "verwijderd", "", partner_json(*current), "null");
            return WriteResult{WriteOutcome::ok, current->versie + 1};
        });
    }

    std::vector<Financing> financing(std::string_view gemeentecode) override {
        std::lock_guard lock(mutex_);
        return reading([&] {
            auto r = db_.exec("SELECT gemeentecode, jaar, bedrag, bron, " IDO_UTC("ingevoerd") " FROM financiering WHERE gemeentecode = $1 ORDER BY jaar",
                              {std::string(gemeentecode)});
            std::vector<Financing> out;
            for (int i = 0; i < r.rows(); ++i)
                out.push_back({r.text(i, 0), static_cast<int>(r.integer(i, 1)), r.real(i, 2), r.text(i, 3), r.text(i, 4)});
            return out;
        });
    }

    bool set_financing(const Financing& financing, const Author& author) override {
        std::lock_guard lock(mutex_);
        return writing([&] {
            // The advisory lock of the row's key: two replicas setting the same new year wait for each other,
            // so both audit entries tell the truth about what was there before.
            db_.exec("SELECT pg_advisory_xact_lock(hashtext($1))", {financing.gemeentecode + "/" + std::to_string(financing.jaar)});
            auto old = db_.exec("SELECT bedrag, bron FROM financiering WHERE gemeentecode = $1 AND jaar = $2 FOR UPDATE",
                                {financing.gemeentecode, std::to_string(financing.jaar)});
            const bool existed = old.rows() == 1;
            const std::string old_json = existed ? financing_json({"", 0, old.real(0, 0), old.text(0, 1), ""}) : "null";
            const std::string new_json = financing_json(financing);
            if (old_json == new_json) return false;
            db_.exec("INSERT INTO financiering (gemeentecode, jaar, bedrag, bron) VALUES ($1, $2, $3, $4) ON CONFLICT (gemeentecode, jaar) "
                     "DO UPDATE SET bedrag = excluded.bedrag, bron = excluded.bron, ingevoerd = now()",
                     {financing.gemeentecode, std::to_string(financing.jaar), number(financing.bedrag), financing.bron});
            municipal_audit(financing.gemeentecode, "financiering/" + std::to_string(financing.jaar), author, existed ? "gewijzigd" : "aangemaakt",
                            "", old_json, new_json);
            return !existed;
        });
    }

    bool has_quarter(std::string_view kwartaal) override {
        std::lock_guard lock(mutex_);
        return reading([&] { return db_.exec("SELECT 1 FROM kwartaalcijfers WHERE kwartaal = $1 LIMIT 1", {std::string(kwartaal)}).rows() == 1; });
    }

    std::size_t record_quarter(const std::vector<QuarterFigures>& rows) override {
        std::lock_guard lock(mutex_);
        return writing([&] {
            std::size_t inserted = 0;
            auto optional = [](const std::optional<double>& v) { return v ? number(*v) : std::string(); };
            for (const auto& r : rows) {
                // NULLIF: libpq's text parameters cannot say NULL through this helper; '' stands for it.
                auto result = db_.exec(
                    "INSERT INTO kwartaalcijfers (kwartaal, gebied, inwoners, gemiddelde_afstand, mediane_afstand, binnen_1km, binnen_3km, "
                    "binnen_5km, binnen_10km, uren_per_week, informatiepunten) VALUES ($1, $2, $3, NULLIF($4, '')::double precision, "
                    "NULLIF($5, '')::double precision, $6, $7, $8, $9, $10, $11) ON CONFLICT (kwartaal, gebied) DO NOTHING RETURNING 1",
                    {r.kwartaal, r.gebied, std::to_string(r.inwoners), optional(r.gemiddelde_afstand_m), optional(r.mediaan_afstand_m),
                     std::to_string(r.binnen_1km), std::to_string(r.binnen_3km), std::to_string(r.binnen_5km), std::to_string(r.binnen_10km),
                     number(r.uren_per_week), std::to_string(r.informatiepunten)});
                inserted += static_cast<std::size_t>(result.rows());
            }
            return inserted;
        });
    }

    std::vector<QuarterFigures> quarters(std::string_view gebied) override {
        std::lock_guard lock(mutex_);
        return reading([&] {
            auto r = db_.exec("SELECT kwartaal, gebied, " IDO_UTC("vastgelegd") ", inwoners, gemiddelde_afstand, mediane_afstand, binnen_1km, "
                              "binnen_3km, binnen_5km, binnen_10km, uren_per_week, informatiepunten FROM kwartaalcijfers WHERE gebied = $1 "
                              "ORDER BY kwartaal COLLATE \"C\"",
                              {std::string(gebied)});
            std::vector<QuarterFigures> out;
            for (int i = 0; i < r.rows(); ++i) {
                QuarterFigures f{r.text(i, 0), r.text(i, 1), r.text(i, 2), r.integer(i, 3), std::nullopt, std::nullopt, r.integer(i, 6),
                                 r.integer(i, 7), r.integer(i, 8), r.integer(i, 9), r.real(i, 10), r.integer(i, 11)};
                if (!r.is_null(i, 4)) f.gemiddelde_afstand_m = r.real(i, 4);
                if (!r.is_null(i, 5)) f.mediaan_afstand_m = r.real(i, 5);
                out.push_back(std::move(f));
            }
            return out;
        });
    }

    std::vector<MunicipalAuditEntry> municipal_history(std::string_view gemeentecode) override {
        std::lock_guard lock(mutex_);
        return reading([&] {
            auto r = db_.exec("SELECT id, " IDO_UTC("tijd") ", gemeentecode, onderwerp, token_id, token_label, actie, veld, oud, nieuw "
                              "FROM gemeente_wijzigingen WHERE gemeentecode = $1 ORDER BY id",
                              {std::string(gemeentecode)});
            std::vector<MunicipalAuditEntry> out;
            for (int i = 0; i < r.rows(); ++i)
                out.push_back({r.integer(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.integer(i, 4), r.text(i, 5), r.text(i, 6),
                               r.text(i, 7), r.text(i, 8), r.text(i, 9)});
            return out;
        });
    }

private:
    void listen() {
        listener_.ensure();
        listener_.exec((std::string("LISTEN ") + change_channel).c_str());
        mark(true);
    }

    void mark(bool reachable) {
        if (reachable_.exchange(reachable) != reachable)
            std::fprintf(stderr, reachable ? "ido-vinder: PostgreSQL reachable\n" : "ido-vinder: PostgreSQL not reachable\n");
    }

    // A read is one statement (or a few that need no transaction): after a lost connection it is simply
    // tried once more on a new one.
    template <typename Read>
    std::invoke_result_t<Read&> reading(Read&& read) {
        try {
            auto out = read();
            mark(true);
            return out;
        } catch (const StoreUnavailable&) {
            if (db_.ok()) throw;  // reachable, but a timeout: not a lost connection
            db_.drop();
        }
        try {
            auto out = read();
            mark(true);
            return out;
        } catch (const StoreUnavailable&) {
            if (!db_.ok()) mark(false);
            throw;
        }
    }

    // A write is one transaction. Only BEGIN is retried after a lost connection (nothing was sent yet);
    // once the transaction has started, a failure rolls back, and a failure during COMMIT leaves the
    // outcome unknown: StoreUnavailable tells the client so, and its next If-Match shows what happened.
    template <typename Write>
    std::invoke_result_t<Write&> writing(Write&& write) {
        try {
            try {
                db_.exec("BEGIN");
            } catch (const StoreUnavailable&) {
                db_.drop();
                db_.exec("BEGIN");
            }
            auto out = write();
            db_.exec("COMMIT");
            mark(true);
            return out;
        } catch (const StoreUnavailable&) {
            if (db_.ok()) {
                PQclear(PQexec(db_.raw(), "ROLLBACK"));  // reachable, but a timeout or deadlock
            } else {
                mark(false);
                db_.drop();
            }
            throw;
        } catch (...) {
            if (db_.ok()) PQclear(PQexec(db_.raw(), "ROLLBACK"));
            throw;
        }
    }

    void migrate() {
        std::lock_guard lock(mutex_);
        writing([&] {
            db_.exec(schema_lock);  // replicas starting together migrate one after the other
            db_.exec("CREATE TABLE IF NOT EXISTS schema_versie (versie integer NOT NULL)");
            auto r = db_.exec("SELECT versie FROM schema_versie");
            if (r.rows() == 0) db_.exec("INSERT INTO schema_versie VALUES (0)");
            const auto version = static_cast<std::size_t>(r.rows() ? r.integer(0, 0) : 0);
            if (version > migrations.size())
                throw std::runtime_error("database schema version " + std::to_string(version) + " is newer than this program knows");
            for (std::size_t v = version; v < migrations.size(); ++v) {
                db_.exec_script(migrations[v]);
                db_.exec("UPDATE schema_versie SET versie = $1", {std::to_string(v + 1)});
            }
            return 0;
        });
    }

    std::optional<StoredLocation> find(std::string_view id, bool include_removed, bool for_update) {
        std::string sql = "SELECT id, versie, eigenschappen, lon, lat FROM informatiepunten WHERE id = $1";
        if (!include_removed) sql += " AND verwijderd IS NULL";
        if (for_update) sql += " FOR UPDATE";
        auto r = db_.exec(sql.c_str(), {std::string(id)});
        if (r.rows() == 0) return std::nullopt;
        return StoredLocation{r.text(0, 0), r.integer(0, 1), r.text(0, 2), {r.real(0, 4), r.real(0, 3)}};
    }

    // Inserts or replaces, inside the caller's transaction; returns how many records changed.
    std::size_t upsert(const std::vector<StoredLocation>& locations, const Author& author, std::string_view actie) {
        std::size_t changed = 0;
        for (const auto& location : locations) {
            auto current = db_.exec("SELECT versie, eigenschappen, lon, lat, verwijderd IS NOT NULL FROM informatiepunten WHERE id = $1 FOR UPDATE",
                                    {location.id});
            const std::string lon = number(location.position.lon), lat = number(location.position.lat);
            if (current.rows() == 0) {
                db_.exec("INSERT INTO informatiepunten (id, versie, eigenschappen, lon, lat) VALUES ($1, 1, $2, $3, $4)",
                         {location.id, location.properties_json, lon, lat});
                audit(location.id, author, std::string(actie), "", "null", location.properties_json);
                ++changed;
                continue;
            }
            const auto changes = changed_fields(current.text(0, 1), location.properties_json, {current.real(0, 3), current.real(0, 2)},
                                                location.position);
            const bool was_removed = current.text(0, 4) == "t";
            if (changes.empty() && !was_removed) continue;
            db_.exec("UPDATE informatiepunten SET versie = versie + 1, eigenschappen = $1, lon = $2, lat = $3, gewijzigd = now(), "
                     "verwijderd = NULL WHERE id = $4",
                     {location.properties_json, lon, lat, location.id});
            for (const auto& change : changes) audit(location.id, author, std::string(actie), change.field, change.old_json, change.new_json);
            ++changed;
        }
        db_.exec("UPDATE teller SET waarde = 1 WHERE naam = 'ooit_gevuld'");
        if (changed > 0) bump();
        return changed;
    }

    void audit(const std::string& id, const Author& author, const std::string& actie, const std::string& veld, const std::string& oud,
               const std::string& nieuw) {
        db_.exec("INSERT INTO wijzigingen (informatiepunt, token_id, token_label, actie, veld, oud, nieuw) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                 {id, std::to_string(author.token_id), author.label, actie, veld, oud, nieuw});
    }

    std::int64_t counter(const char* name) {
        auto r = db_.exec("SELECT waarde FROM teller WHERE naam = $1", {std::string(name)});
        return r.rows() ? r.integer(0, 0) : 0;
    }


    // --- municipal data helpers ---
    static Partner read_partner(const Result& r, int i) {
        return {r.integer(i, 0), r.text(i, 1), r.integer(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5), r.text(i, 6), r.text(i, 7),
                r.text(i, 8), r.text(i, 9)};
    }

    std::optional<Partner> find_partner(std::int64_t id, bool for_update) {
        auto r = db_.exec(for_update ? "SELECT " IDO_PARTNER_COLUMNS " FROM partners WHERE id = $1 AND verwijderd IS NULL FOR UPDATE"
                                     : "SELECT " IDO_PARTNER_COLUMNS " FROM partners WHERE id = $1 AND verwijderd IS NULL",
                          {std::to_string(id)});
        if (r.rows() == 0) return std::nullopt;
        return read_partner(r, 0);
    }

    void municipal_audit(const std::string& gemeentecode, const std::string& onderwerp, const Author& author, const std::string& actie,
                         const std::string& veld, const std::string& oud, const std::string& nieuw) {
        db_.exec("INSERT INTO gemeente_wijzigingen (gemeentecode, onderwerp, token_id, token_label, actie, veld, oud, nieuw) "
                 "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                 {gemeentecode, onderwerp, std::to_string(author.token_id), author.label, actie, veld, oud, nieuw});
    }

    // Inside the write's transaction: the other replicas get the NOTIFY when (and only if) it commits.
    void bump() {
        auto r = db_.exec("UPDATE teller SET waarde = waarde + 1 WHERE naam = 'data_version' RETURNING waarde");
        db_.exec("SELECT pg_notify($1, $2)", {change_channel, r.text(0, 0)});
    }

    // --- Reports (meldingen): reading a row ----------------------------------------------------------------
    static Melding melding_row(const Result& r, int i) {
        Melding m{r.integer(i, 0), r.integer(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5), r.text(i, 6), r.integer(i, 7),
                  std::nullopt, std::nullopt};
        if (!r.is_null(i, 8)) m.afgesloten = r.text(i, 8);
        if (!r.is_null(i, 9)) m.antwoord = r.text(i, 9);
        return m;
    }
    std::optional<Melding> find_melding(std::int64_t id, bool for_update) {
        auto r = db_.exec(for_update ? IDO_MELDING_SELECT " WHERE id = $1 FOR UPDATE" : IDO_MELDING_SELECT " WHERE id = $1", {std::to_string(id)});
        if (r.rows() == 0) return std::nullopt;
        return melding_row(r, 0);
    }

    Connection db_;        // queries and writes, under mutex_
    Connection listener_;  // LISTEN only, used by the one thread in wait_for_change
    std::mutex mutex_;
    std::atomic<bool> reachable_{true};
};

}  // namespace

std::unique_ptr<Store> open_postgres(const std::string& uri) { return std::make_unique<PostgresStore>(uri); }

}  // namespace ido::store
