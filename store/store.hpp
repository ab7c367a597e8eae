#pragma once
// The persistent store of help points, write tokens and the audit log. SQLite is the embedded default;
// PostgreSQL is the shared store of several replicas. Both implement this interface with the same
// semantics: durable acknowledged writes, optimistic concurrency, an append-only audit log.
#include "geo/coordinates.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ido::store {

/// A help point as stored: its public properties (a JSON object, as the API shows them, without the
/// computed members), its position and a version that every write increments (the ETag).
struct StoredLocation {
    std::string id;
    std::int64_t version = 0;
    std::string properties_json;
    geo::Wgs84 position;
};

/// What a token may do.
enum class Role {
    bibliotheek,  ///< edit the help points of one organisation (`organisatie` equal to the token's)
    gemeente,     ///< edit, create and remove the help points of one municipality
    beheerder,    ///< everything
};
std::string_view to_string(Role role);
std::optional<Role> role_from_string(std::string_view text);

/// A write token as stored: never the secret itself, only its SHA-256.
struct Token {
    std::int64_t id = 0;
    std::string label;
    Role rol = Role::bibliotheek;
    std::string organisatie;    ///< for Role::bibliotheek
    std::string gemeentecode;   ///< for Role::gemeente
    std::string aangemaakt;     ///< creation time, UTC RFC 3339
    std::optional<std::string> ingetrokken;
    // Token lifecycle (store/token_dates.hpp): UTC calendar days, YYYY-MM-DD.
    std::string geldig_tot;                      ///< the last day the token is accepted
    std::optional<std::string> laatst_gebruikt;  ///< the last day it was used (recorded once a day)
};

/// One line of the audit log: who changed which field of which help point, from what to what.
struct AuditEntry {
    std::int64_t id = 0;
    std::string tijd;           ///< UTC RFC 3339
    std::string informatiepunt;
    std::int64_t token_id = 0;  ///< 0 for the system (seed load, command-line import)
    std::string token_label;
    std::string actie;          ///< "aangemaakt", "gewijzigd", "verwijderd", "geimporteerd"
    std::string veld;           ///< top-level field ("spreekuren", "contact", "geometrie", ...), empty for the whole record
    std::string oud;            ///< JSON text of the old value ("null" when none)
    std::string nieuw;          ///< JSON text of the new value
};

/// Who writes: a token, or the system itself (seed load, command-line import).
struct Author {
    std::int64_t token_id = 0;
    std::string label = "systeem";
};

enum class WriteOutcome { ok, niet_gevonden, versie_conflict, bestaat_al };

struct WriteResult {
    WriteOutcome outcome = WriteOutcome::ok;
    std::int64_t version = 0;   ///< the version after the write (or the current one on a conflict)
};

/// The database cannot be reached (down, restarting, network): a temporary condition, answered with 503.
/// Thrown instead of std::runtime_error so that callers can tell it from a fault. When it comes out of
/// a write, the write may or may not have been committed (the connection broke around the commit); the
/// client finds out with its next If-Match.
class StoreUnavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// --- Reports from residents (meldingen, issue 14) ------------------------------------------------------
// A resident says something about a help point is wrong; its owner closes the report. A report holds
// nothing about the resident: no name, no address, no client address. Closed reports are deleted 12
// months after they were closed (purge_meldingen).

/// One report as stored.
struct Melding {
    std::int64_t id = 0;
    std::int64_t version = 1;            ///< every change (a merged duplicate, closing) increments it: the ETag
    std::string informatiepunt;
    std::string soort;                   ///< openingstijden, adres, gesloten, diensten, anders
    std::string toelichting;             ///< the resident's text, may be empty
    std::string status;                  ///< open, afgehandeld, afgewezen
    std::string ontvangen;               ///< UTC RFC 3339
    std::int64_t aantal = 1;             ///< how many reports were merged into this one
    std::optional<std::string> afgesloten;  ///< UTC RFC 3339, when closed
    std::optional<std::string> antwoord;    ///< the owner's answer, when closed
};

enum class MeldingOutcome {
    opgeslagen,     ///< stored as a new report
    samengevoegd,   ///< a duplicate of an open report, counted there (see is_duplicate_melding)
    niet_gevonden,  ///< the help point does not exist or was removed
};
struct MeldingResult {
    MeldingOutcome outcome = MeldingOutcome::opgeslagen;
    std::int64_t id = 0;  ///< the report's id (the open one it was merged into, for samengevoegd)
};

enum class AfsluitOutcome { ok, niet_gevonden, versie_conflict, al_afgesloten };
struct AfsluitResult {
    AfsluitOutcome outcome = AfsluitOutcome::ok;
    std::int64_t version = 0;  ///< the version after closing (or the current one on a conflict)
};


// --- Municipal data (issue 13, section 3): partners, financing, quarterly coverage figures -------------

/// A local partner organisation a municipality directs as *regisseur* (a Taalhuis, a tax help desk, ...).
/// Optional texts are empty when not given.
struct Partner {
    std::int64_t id = 0;
    std::string gemeentecode;
    std::int64_t versie = 0;    ///< incremented by every write (the ETag)
    std::string naam;
    std::string soort;          ///< "taalhuis", "belastingspreekuur", "formulierenhulp", "schuldhulp", "anders"
    std::string omschrijving;
    std::string adres;
    std::string telefoon;
    std::string email;
    std::string website;
};

/// The grant amount a municipality spends on the IDO in one year, with where the figure comes from.
struct Financing {
    std::string gemeentecode;
    int jaar = 0;
    double bedrag = 0;          ///< euro
    std::string bron;           ///< the municipality's own statement of the source (never empty)
    std::string ingevoerd;      ///< when it was last entered, UTC RFC 3339
};

/// The coverage figures of one area (a municipality, or "NL" for the country) as kept for one quarter.
struct QuarterFigures {
    std::string kwartaal;       ///< "2026-K4"
    std::string gebied;         ///< gemeentecode, or "NL"
    std::string vastgelegd;     ///< when the row was stored, UTC RFC 3339 (set by the store)
    std::int64_t inwoners = 0;
    std::optional<double> gemiddelde_afstand_m;
    std::optional<double> mediaan_afstand_m;
    std::int64_t binnen_1km = 0, binnen_3km = 0, binnen_5km = 0, binnen_10km = 0;
    double uren_per_week = 0;
    std::int64_t informatiepunten = 0;
};

/// One line of the municipal audit log (partners and financing), in the shape of AuditEntry: `onderwerp`
/// names what changed ("partner/12", "financiering/2026").
struct MunicipalAuditEntry {
    std::int64_t id = 0;
    std::string tijd;
    std::string gemeentecode;
    std::string onderwerp;
    std::int64_t token_id = 0;
    std::string token_label;
    std::string actie;          ///< "aangemaakt", "gewijzigd", "verwijderd"
    std::string veld;           ///< empty for the whole record
    std::string oud;            ///< JSON text ("null" when none)
    std::string nieuw;
};

/// The municipal data of a store; the same semantics in both stores (tests/store/gemeentedata_test.cpp).
class MunicipalData {
public:
    virtual ~MunicipalData() = default;

    /// The municipality's partners that are not removed, by id.
    virtual std::vector<Partner> partners(std::string_view gemeentecode) = 0;
    /// One partner (not removed), or nullopt.
    virtual std::optional<Partner> partner(std::int64_t id) = 0;
    /// Stores a new partner (its id and versie are assigned: versie 1); audited as "aangemaakt".
    virtual Partner create_partner(const Partner& partner, const Author& author) = 0;
    /// Replaces a partner's texts if its versie is still `expected_version`; one audit entry per changed field.
    virtual WriteResult update_partner(std::int64_t id, std::int64_t expected_version, const Partner& partner, const Author& author) = 0;
    /// Removes a partner if its versie is still `expected_version`; its audit entries stay.
    virtual WriteResult remove_partner(std::int64_t id, std::int64_t expected_version, const Author& author) = 0;

    /// The municipality's financing figures, by year.
    virtual std::vector<Financing> financing(std::string_view gemeentecode) = 0;
    /// Sets (creates or replaces) one year's figure; audited. Returns whether it was new.
    virtual bool set_financing(const Financing& financing, const Author& author) = 0;

    /// Whether figures for `kwartaal` were stored (by any replica).
    virtual bool has_quarter(std::string_view kwartaal) = 0;
    /// Stores one quarter's figures of every area at once, all or nothing; rows whose (kwartaal, gebied)
    /// exists already are left alone (unique key: replicas racing to store the same quarter store it
    /// once). Returns how many rows were inserted.
    virtual std::size_t record_quarter(const std::vector<QuarterFigures>& rows) = 0;
    /// The stored quarters of one area, oldest first.
    virtual std::vector<QuarterFigures> quarters(std::string_view gebied) = 0;

    /// The municipal audit log of one municipality, oldest first.
    virtual std::vector<MunicipalAuditEntry> municipal_history(std::string_view gemeentecode) = 0;
};

// --- Full-list import (volledige lijst, issue 14 section 3) -------------------------------------------
// A file that is the complete list of some municipalities: its records are written and the records of
// those municipalities it lacks are removed, in one transaction, only if nothing moved since it was planned.

/// One record to write, with the version the plan saw (0: the plan saw no live record with this id).
struct ListWrite {
    StoredLocation location;
    std::int64_t seen_version = 0;
};
/// One record to remove (soft, as Store::remove), with the version the plan saw.
struct ListRemoval {
    std::string id;
    std::int64_t seen_version = 0;
};
struct ListResult {
    std::vector<std::string> conflicts;  ///< ids whose version is no longer the one seen; then nothing was written
    std::size_t changed = 0;             ///< records written (new, changed or restored)
    std::size_t removed = 0;
};

class Store : public MunicipalData {
public:
    virtual ~Store() = default;

    /// All help points that are not removed, ordered by id.
    virtual std::vector<StoredLocation> locations() = 0;
    /// One help point (not removed), or nullopt.
    virtual std::optional<StoredLocation> location(std::string_view id) = 0;
    /// A counter that every committed change increments; replicas compare it to see whether to reload.
    virtual std::int64_t data_version() = 0;
    /// True when no help point was ever stored (a new database: load the seed set).
    virtual bool never_filled() = 0;

    /// Fills a database that was never filled (the seed set), all or nothing; does nothing and returns 0
    /// when it was filled before, also when another process filled it a moment ago.
    virtual std::size_t fill_if_never_filled(const std::vector<StoredLocation>& locations, const Author& author,
                                             std::string_view actie) = 0;

    /// Creates a help point; bestaat_al when the id exists (also when removed: ids are never reused).
    virtual WriteResult create(const StoredLocation& location, const Author& author) = 0;
    /// Replaces a help point's properties and position if its version is still `expected_version`;
    /// the audit log gets one entry per changed top-level field. In one transaction, durable on return.
    virtual WriteResult update(std::string_view id, std::int64_t expected_version, const std::string& properties_json,
                               geo::Wgs84 position, const Author& author) = 0;
    /// Removes a help point from queries; its row and history stay.
    virtual WriteResult remove(std::string_view id, std::int64_t expected_version, const Author& author) = 0;
    /// Creates or replaces many help points at once, all or nothing (seed load, import).
    /// Unchanged records are left alone (no new version, no audit entry). Returns how many changed.
    virtual std::size_t upsert_all(const std::vector<StoredLocation>& locations, const Author& author, std::string_view actie) = 0;
    /// The audit log of one help point, oldest first.
    virtual std::vector<AuditEntry> history(std::string_view id) = 0;

    /// Creates a token and returns it with its secret: the only time the secret exists outside the client.
    /// `geldig_tot` is its last valid day (YYYY-MM-DD); empty gives default_token_expiry (a year).
    virtual std::pair<Token, std::string> create_token(Role rol, std::string organisatie, std::string gemeentecode,
                                                       std::string label, std::string geldig_tot = {}) = 0;
    /// The token with this secret, if it exists and is not revoked. An expired token is found too (with
    /// its geldig_tot), so that the caller can say it expired; service/http/auth.cpp refuses it.
    virtual std::optional<Token> find_token(std::string_view secret) = 0;
    virtual bool revoke_token(std::int64_t id) = 0;
    virtual std::vector<Token> tokens() = 0;

    // --- token lifecycle (issue 16) ---
    /// Records `dag` (YYYY-MM-DD) as the day token `id` was last used. The caller writes only the first
    /// use of a day (use_needs_recording), so reads with a token do not each write to the store.
    virtual void record_token_use(std::int64_t id, std::string_view dag) = 0;

    /// Waits up to `timeout` for a change committed by another process, and returns true when one may
    /// have happened (then compare data_version()). PostgreSQL is told by NOTIFY, and also answers true
    /// after reconnecting, since notifications may have been missed; SQLite has no notifications and
    /// only waits. Called by one thread (the service's reloader), never concurrently with itself.
    virtual bool wait_for_change(std::chrono::milliseconds timeout) = 0;
    /// Whether the database answered the last time it was asked (false while it is down): the health
    /// endpoint reports it, since writes fail while it is false.
    virtual bool reachable() const = 0;

    // --- Reports from residents (meldingen, issue 14); shared rules in store/meldingen.hpp ----------------

    /// Stores a report of a help point that exists and is not removed, or merges it into an open report
    /// of the same help point and kind when is_duplicate_melding says so (aantal + 1, a new version).
    /// The help point's audit log gets "melding-ontvangen" or "melding-samengevoegd", naming the report's
    /// id and kind but never its text. One transaction; two replicas cannot store the same duplicate twice.
    virtual MeldingResult add_melding(std::string_view informatiepunt, std::string_view soort, std::string_view toelichting,
                                      std::chrono::sys_seconds now) = 0;
    /// The reports with this status ("" for all), oldest first.
    virtual std::vector<Melding> meldingen(std::string_view status) = 0;
    virtual std::optional<Melding> melding(std::int64_t id) = 0;
    /// Closes an open report (status afgehandeld or afgewezen) with the owner's answer, if its version is
    /// still `expected_version`; audited as "melding-afgehandeld" / "melding-afgewezen" (without the texts).
    virtual AfsluitResult close_melding(std::int64_t id, std::int64_t expected_version, std::string_view status,
                                        std::string_view antwoord, const Author& author, std::chrono::sys_seconds now) = 0;
    /// Deletes the reports closed before melding_retention_cutoff(now) and audits each deletion
    /// ("melding-verwijderd"); returns how many. Open reports are never deleted.
    virtual std::size_t purge_meldingen(std::chrono::sys_seconds now) = 0;
    /// "Still correct": stores `properties_json` (the record with only laatstGecontroleerd changed) if the
    /// version is still `expected_version`, and always adds one audit entry "gecontroleerd" for the field
    /// laatstGecontroleerd, also when it already held that date (then no new version).
    virtual WriteResult confirm(std::string_view id, std::int64_t expected_version, const std::string& properties_json,
                                const Author& author) = 0;

    // --- Full-list import (volledige lijst, issue 14 section 3) ---
    /// Writes `writes` as upsert_all does (audited as `actie`; unchanged ones are left alone) and removes
    /// `removals` as remove() does (soft, audited "verwijderd"), all in one transaction, but only if every
    /// record is still at the version the plan saw: a live record at seen_version (a write with
    /// seen_version 0: no live record). Otherwise nothing is written and `conflicts` lists the ids that moved.
    virtual ListResult replace_list(const std::vector<ListWrite>& writes, const std::vector<ListRemoval>& removals, const Author& author,
                                    std::string_view actie) = 0;
};

/// Opens (creating if needed) an SQLite database, applies the migrations, and sets WAL mode with
/// synchronous=FULL so that a write that returned survives a crash or power loss.
/// Throws std::runtime_error when the file cannot be opened or migrated.
std::unique_ptr<Store> open_sqlite(const std::filesystem::path& path);

/// Connects to PostgreSQL (a libpq URI, `postgresql://user@host:port/database`), applies the migrations
/// (serialised between processes by an advisory lock) and listens for changes of other replicas.
/// Throws StoreUnavailable when the server cannot be reached, std::runtime_error on other faults.
std::unique_ptr<Store> open_postgres(const std::string& uri);

/// True for a PostgreSQL URI (`postgresql://` or `postgres://`); anything else is an SQLite file.
bool is_postgres_uri(std::string_view db);
/// Opens the store that `db` names: a PostgreSQL URI or an SQLite file.
std::unique_ptr<Store> open_store(const std::string& db);
/// `db` with any password replaced by "***", for logs.
std::string redacted(std::string_view db);

}  // namespace ido::store
