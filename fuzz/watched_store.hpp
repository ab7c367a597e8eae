#pragma once
// Shared by the fuzz targets of the report and municipal writes: a store decorator over a real SQLite
// store that forwards every read and intercepts every write. An intercepted write is recorded (which
// method, with what) and answered as the real store answers a successful one, without storing it, so
// every execution sees the same state and the store never grows. The harness then checks that a
// refused body reached no write method at all (nothing stored), and that an accepted one reached
// exactly one, with values the validator allowed.
#include "store/store.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ido::fuzz {

/// What the last input made the service write (reset by the harness before each input).
struct WriteLog {
    int writes = 0;
    std::string method;                 ///< "add_melding", "close_melding", "create_partner", ...
    std::string soort, tekst, status;   ///< add_melding / close_melding arguments
    store::Partner partner;             ///< create_partner / update_partner
    store::Financing financing;         ///< set_financing
    void reset() { *this = WriteLog{}; }
};

class WatchedStore final : public store::Store {
public:
    WatchedStore(std::unique_ptr<store::Store> real, WriteLog& log) : real_(std::move(real)), log_(log) {}

    store::Store& real() { return *real_; }

    // --- reads: forwarded ---
    std::vector<store::StoredLocation> locations() override { return real_->locations(); }
    std::optional<store::StoredLocation> location(std::string_view id) override { return real_->location(id); }
    std::int64_t data_version() override { return real_->data_version(); }
    bool never_filled() override { return real_->never_filled(); }
    std::vector<store::AuditEntry> history(std::string_view id) override { return real_->history(id); }
    std::optional<store::Token> find_token(std::string_view secret) override { return real_->find_token(secret); }
    std::vector<store::Token> tokens() override { return real_->tokens(); }
    bool wait_for_change(std::chrono::milliseconds timeout) override { return real_->wait_for_change(timeout); }
    bool reachable() const override { return real_->reachable(); }
    std::vector<store::Melding> meldingen(std::string_view status) override { return real_->meldingen(status); }
    std::optional<store::Melding> melding(std::int64_t id) override { return real_->melding(id); }
    std::vector<store::Partner> partners(std::string_view g) override { return real_->partners(g); }
    std::optional<store::Partner> partner(std::int64_t id) override { return real_->partner(id); }
    std::vector<store::Financing> financing(std::string_view g) override { return real_->financing(g); }
    bool has_quarter(std::string_view k) override { return real_->has_quarter(k); }
    std::vector<store::QuarterFigures> quarters(std::string_view g) override { return real_->quarters(g); }
    std::vector<store::MunicipalAuditEntry> municipal_history(std::string_view g) override { return real_->municipal_history(g); }

    // --- set-up writes (seed load, tokens, usage days): forwarded, not what the targets check ---
    std::size_t fill_if_never_filled(const std::vector<store::StoredLocation>& l, const store::Author& a, std::string_view actie) override {
        return real_->fill_if_never_filled(l, a, actie);
    }
    std::pair<store::Token, std::string> create_token(store::Role rol, std::string organisatie, std::string gemeentecode, std::string label,
                                                      std::string geldig_tot) override {
        return real_->create_token(rol, std::move(organisatie), std::move(gemeentecode), std::move(label), std::move(geldig_tot));
    }
    bool revoke_token(std::int64_t id) override { return real_->revoke_token(id); }
    void record_token_use(std::int64_t id, std::string_view dag) override { real_->record_token_use(id, dag); }
    std::size_t purge_meldingen(std::chrono::sys_seconds now) override { return real_->purge_meldingen(now); }

    // --- content writes: intercepted and recorded ---
    store::WriteResult create(const store::StoredLocation&, const store::Author&) override { return note("create", store::WriteResult{store::WriteOutcome::ok, 1}); }
    store::WriteResult update(std::string_view, std::int64_t v, const std::string&, geo::Wgs84, const store::Author&) override {
        return note("update", store::WriteResult{store::WriteOutcome::ok, v + 1});
    }
    store::WriteResult remove(std::string_view, std::int64_t v, const store::Author&) override { return note("remove", store::WriteResult{store::WriteOutcome::ok, v + 1}); }
    store::ListResult replace_list(const std::vector<store::ListWrite>& w, const std::vector<store::ListRemoval>& r, const store::Author&,
                                   std::string_view) override {
        return note("replace_list", store::ListResult{{}, w.size(), r.size()});
    }
    std::size_t upsert_all(const std::vector<store::StoredLocation>& l, const store::Author&, std::string_view) override {
        note("upsert_all", 0);
        return l.size();
    }
    store::WriteResult confirm(std::string_view, std::int64_t v, const std::string&, const store::Author&) override {
        return note("confirm", store::WriteResult{store::WriteOutcome::ok, v + 1});
    }
    store::MeldingResult add_melding(std::string_view, std::string_view soort, std::string_view toelichting, std::chrono::sys_seconds) override {
        log_.soort = std::string(soort);
        log_.tekst = std::string(toelichting);
        return note("add_melding", store::MeldingResult{store::MeldingOutcome::opgeslagen, 1000});
    }
    store::AfsluitResult close_melding(std::int64_t id, std::int64_t v, std::string_view status, std::string_view antwoord, const store::Author&,
                                       std::chrono::sys_seconds) override {
        // A stale If-Match is refused as the real store refuses it: not a write.
        const auto current = real_->melding(id);
        if (!current) return {store::AfsluitOutcome::niet_gevonden, 0};
        if (current->version != v) return {store::AfsluitOutcome::versie_conflict, current->version};
        log_.status = std::string(status);
        log_.tekst = std::string(antwoord);
        return note("close_melding", store::AfsluitResult{store::AfsluitOutcome::ok, v + 1});
    }
    store::Partner create_partner(const store::Partner& p, const store::Author&) override {
        log_.partner = p;
        store::Partner stored = p;
        stored.id = 1000;
        stored.versie = 1;
        return note("create_partner", stored);
    }
    store::WriteResult update_partner(std::int64_t id, std::int64_t v, const store::Partner& p, const store::Author&) override {
        const auto current = real_->partner(id);
        if (!current) return {store::WriteOutcome::niet_gevonden, 0};
        if (current->versie != v) return {store::WriteOutcome::versie_conflict, current->versie};
        log_.partner = p;
        return note("update_partner", store::WriteResult{store::WriteOutcome::ok, v + 1});
    }
    store::WriteResult remove_partner(std::int64_t, std::int64_t v, const store::Author&) override {
        return note("remove_partner", store::WriteResult{store::WriteOutcome::ok, v + 1});
    }
    bool set_financing(const store::Financing& f, const store::Author&) override {
        log_.financing = f;
        return note("set_financing", true);
    }
    std::size_t record_quarter(const std::vector<store::QuarterFigures>& rows) override {
        note("record_quarter", 0);
        return rows.size();
    }

private:
    template <typename T>
    T note(const char* method, T answer) {
        ++log_.writes;
        log_.method = method;
        return answer;
    }

    std::unique_ptr<store::Store> real_;
    WriteLog& log_;
};

}  // namespace ido::fuzz
