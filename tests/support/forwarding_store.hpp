#pragma once
// A store decorator that hands every call to a real store. Tests and fuzz targets that must hold,
// refuse or record some calls derive from it and override only those: one place to follow when
// store::Store gains a method, instead of a hand-written forward in every decorator.
#include "store/store.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ido::test {

class ForwardingStore : public store::Store {
public:
    explicit ForwardingStore(std::unique_ptr<store::Store> real) : real_(std::move(real)) {}

    store::Store& real() { return *real_; }

    // --- help points ---
    std::vector<store::StoredLocation> locations() override { return real_->locations(); }
    std::optional<store::StoredLocation> location(std::string_view id) override { return real_->location(id); }
    std::int64_t data_version() override { return real_->data_version(); }
    bool never_filled() override { return real_->never_filled(); }
    std::size_t fill_if_never_filled(const std::vector<store::StoredLocation>& l, const store::Author& a, std::string_view actie) override {
        return real_->fill_if_never_filled(l, a, actie);
    }
    store::WriteResult create(const store::StoredLocation& l, const store::Author& a) override { return real_->create(l, a); }
    store::WriteResult update(std::string_view id, std::int64_t v, const std::string& p, geo::Wgs84 pos, const store::Author& a) override {
        return real_->update(id, v, p, pos, a);
    }
    store::WriteResult remove(std::string_view id, std::int64_t v, const store::Author& a) override { return real_->remove(id, v, a); }
    std::size_t upsert_all(const std::vector<store::StoredLocation>& l, const store::Author& a, std::string_view actie) override {
        return real_->upsert_all(l, a, actie);
    }
    std::vector<store::AuditEntry> history(std::string_view id) override { return real_->history(id); }
    store::WriteResult confirm(std::string_view id, std::int64_t v, const std::string& p, const store::Author& a) override {
        return real_->confirm(id, v, p, a);
    }
    store::ListResult replace_list(const std::vector<store::ListWrite>& w, const std::vector<store::ListRemoval>& r, const store::Author& a,
                                   std::string_view actie) override {
        return real_->replace_list(w, r, a, actie);
    }

    // --- tokens ---
    std::pair<store::Token, std::string> create_token(store::Role rol, std::string organisatie, std::string gemeentecode, std::string label,
                                                      std::string geldig_tot) override {
        return real_->create_token(rol, std::move(organisatie), std::move(gemeentecode), std::move(label), std::move(geldig_tot));
    }
    std::optional<store::Token> find_token(std::string_view secret) override { return real_->find_token(secret); }
    bool revoke_token(std::int64_t id) override { return real_->revoke_token(id); }
    std::vector<store::Token> tokens() override { return real_->tokens(); }
    void record_token_use(std::int64_t id, std::string_view dag) override { real_->record_token_use(id, dag); }

    // --- replicas ---
    bool wait_for_change(std::chrono::milliseconds timeout) override { return real_->wait_for_change(timeout); }
    bool reachable() const override { return real_->reachable(); }

    // --- reports ---
    store::MeldingResult add_melding(std::string_view i, std::string_view s, std::string_view t, std::chrono::sys_seconds now) override {
        return real_->add_melding(i, s, t, now);
    }
    std::vector<store::Melding> meldingen(std::string_view status) override { return real_->meldingen(status); }
    std::optional<store::Melding> melding(std::int64_t id) override { return real_->melding(id); }
    store::AfsluitResult close_melding(std::int64_t id, std::int64_t v, std::string_view s, std::string_view t, const store::Author& a,
                                       std::chrono::sys_seconds now) override {
        return real_->close_melding(id, v, s, t, a, now);
    }
    std::size_t purge_meldingen(std::chrono::sys_seconds now) override { return real_->purge_meldingen(now); }

    // --- municipal data ---
    std::vector<store::Partner> partners(std::string_view g) override { return real_->partners(g); }
    std::optional<store::Partner> partner(std::int64_t id) override { return real_->partner(id); }
    store::Partner create_partner(const store::Partner& p, const store::Author& a) override { return real_->create_partner(p, a); }
    store::WriteResult update_partner(std::int64_t id, std::int64_t v, const store::Partner& p, const store::Author& a) override {
        return real_->update_partner(id, v, p, a);
    }
    store::WriteResult remove_partner(std::int64_t id, std::int64_t v, const store::Author& a) override { return real_->remove_partner(id, v, a); }
    std::vector<store::Financing> financing(std::string_view g) override { return real_->financing(g); }
    bool set_financing(const store::Financing& f, const store::Author& a) override { return real_->set_financing(f, a); }
    bool has_quarter(std::string_view k) override { return real_->has_quarter(k); }
    std::size_t record_quarter(const std::vector<store::QuarterFigures>& rows) override { return real_->record_quarter(rows); }
    std::vector<store::QuarterFigures> quarters(std::string_view g) override { return real_->quarters(g); }
    std::vector<store::MunicipalAuditEntry> municipal_history(std::string_view g) override { return real_->municipal_history(g); }

private:
    std::unique_ptr<store::Store> real_;
};

}  // namespace ido::test
