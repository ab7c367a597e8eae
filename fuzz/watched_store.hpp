#pragma once
// Shared by the fuzz targets of the report and municipal writes: a store decorator over a real SQLite
// store that forwards every read and intercepts every write. An intercepted write is recorded (which
// method, with what) and answered as the real store answers a successful one, without storing it, so
// every execution sees the same state and the store never grows. The harness then checks that a
// refused body reached no write method at all (nothing stored), and that an accepted one reached
// exactly one, with values the validator allowed.
#include "store/store.hpp"
#include "tests/support/forwarding_store.hpp"

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

class WatchedStore final : public test::ForwardingStore {
public:
    WatchedStore(std::unique_ptr<store::Store> real, WriteLog& log) : ForwardingStore(std::move(real)), log_(log) {}

    // Reads and the set-up writes (seed load, tokens, usage days) are forwarded: not what the targets check.

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
        const auto current = real().melding(id);
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
        const auto current = real().partner(id);
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

    WriteLog& log_;
};

}  // namespace ido::fuzz
