// Fuzzes the JSON request bodies of the write API through Api::handle, the real code path: the media
// type check, JSON parsing, validation of every field (PATCH, PUT openingstijden, POST), and for bodies
// that pass, the merge-patch / record building and geo::make_location up to the store's write.
//
// Input layout: the first byte picks the request (mod 3), the rest is the body:
//   0  PATCH /v1/informatiepunten/IDO-VB-067               Content-Type: application/merge-patch+json
//   1  PUT   /v1/informatiepunten/IDO-VB-067/openingstijden Content-Type: application/json
//   2  POST  /v1/informatiepunten                          Content-Type: application/json
// Every request carries a valid administrator token and If-Match "1" (the current version).
//
// The store is a temporary SQLite file, seeded once with the shipped data and one token, behind a
// decorator that refuses every write at the last moment (update: version conflict, create: exists),
// after checking that the record the service would store is a JSON object. So the store never grows,
// every execution sees the same state, and the fuzzer spends its time on validation and merge logic.
// The decorator also shows the snapshot only the target help point, so that the index rebuild after
// each attempted write stays cheap.
#include "fuzz/fuzz_data.hpp"
#include "service/http/api.hpp"
#include "service/http/http_types.hpp"
#include "store/location_editor.hpp"
#include "service/http/static_files.hpp"
#include "store/store.hpp"

#include <rapidjson/document.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unistd.h>

namespace {

using namespace ido;

const std::string target_id = "IDO-VB-067";

bool reached_store = false;  // set by the decorator when a body got through validation to a write

void check_record(const std::string& properties_json) {
    rapidjson::Document doc;
    doc.Parse(properties_json.c_str(), properties_json.size());
    // What the service would store must be a JSON object with a text name.
    if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("naam") || !doc["naam"].IsString()) std::abort();
}

class RefusingStore final : public store::Store {
public:
    explicit RefusingStore(std::unique_ptr<store::Store> real) : real_(std::move(real)) {}

    // Every attempted write is followed by a rebuild of the snapshot (LocationEditor::write), which asks
    // for locations() and data_version(). Nothing is ever written, so both are read from SQLite once
    // (after the seed load) and kept: the rebuild then costs the building of a one-record snapshot only.
    std::vector<store::StoredLocation> locations() override {
        if (!target_) {
            if (real_->never_filled()) return {};
            target_ = real_->location(target_id);
            version_ = real_->data_version();
        }
        std::vector<store::StoredLocation> only;
        if (target_) only.push_back(*target_);
        return only;
    }
    std::optional<store::StoredLocation> location(std::string_view id) override {
        if (target_ && id == target_id) return target_;
        return real_->location(id);
    }
    std::int64_t data_version() override { return target_ ? version_ : real_->data_version(); }
    bool never_filled() override { return real_->never_filled(); }
    std::size_t fill_if_never_filled(const std::vector<store::StoredLocation>& l, const store::Author& a, std::string_view actie) override {
        return real_->fill_if_never_filled(l, a, actie);
    }
    store::WriteResult create(const store::StoredLocation& location, const store::Author&) override {
        reached_store = true;
        check_record(location.properties_json);
        return {store::WriteOutcome::bestaat_al, 0};
    }
    store::WriteResult update(std::string_view, std::int64_t expected_version, const std::string& properties_json, geo::Wgs84,
                              const store::Author&) override {
        reached_store = true;
        check_record(properties_json);
        return {store::WriteOutcome::versie_conflict, expected_version + 1};
    }
    store::WriteResult remove(std::string_view, std::int64_t expected_version, const store::Author&) override {
        return {store::WriteOutcome::versie_conflict, expected_version + 1};
    }
    std::size_t upsert_all(const std::vector<store::StoredLocation>& l, const store::Author& a, std::string_view actie) override {
        return real_->upsert_all(l, a, actie);
    }
    std::vector<store::AuditEntry> history(std::string_view id) override { return real_->history(id); }
    std::pair<store::Token, std::string> create_token(store::Role rol, std::string organisatie, std::string gemeentecode,
                                                      std::string label, std::string geldig_tot) override {
        return real_->create_token(rol, std::move(organisatie), std::move(gemeentecode), std::move(label), std::move(geldig_tot));
    }
    std::optional<store::Token> find_token(std::string_view secret) override { return real_->find_token(secret); }
    bool revoke_token(std::int64_t id) override { return real_->revoke_token(id); }
    std::vector<store::Token> tokens() override { return real_->tokens(); }
    void record_token_use(std::int64_t id, std::string_view dag) override { real_->record_token_use(id, dag); }
    bool wait_for_change(std::chrono::milliseconds timeout) override { return real_->wait_for_change(timeout); }
    bool reachable() const override { return real_->reachable(); }
    store::MeldingResult add_melding(std::string_view informatiepunt, std::string_view soort, std::string_view toelichting,
                                     std::chrono::sys_seconds now) override {
        return real_->add_melding(informatiepunt, soort, toelichting, now);
    }
    std::vector<store::Melding> meldingen(std::string_view status) override { return real_->meldingen(status); }
    std::optional<store::Melding> melding(std::int64_t id) override { return real_->melding(id); }
    store::AfsluitResult close_melding(std::int64_t id, std::int64_t expected_version, std::string_view status, std::string_view antwoord,
                                       const store::Author& author, std::chrono::sys_seconds now) override {
        return real_->close_melding(id, expected_version, status, antwoord, author, now);
    }
    std::size_t purge_meldingen(std::chrono::sys_seconds now) override { return real_->purge_meldingen(now); }
    store::WriteResult confirm(std::string_view, std::int64_t expected_version, const std::string& properties_json, const store::Author&) override {
        reached_store = true;
        check_record(properties_json);
        return {store::WriteOutcome::versie_conflict, expected_version + 1};
    }
    store::ListResult replace_list(const std::vector<store::ListWrite>& w, const std::vector<store::ListRemoval>& r, const store::Author& a,
                                   std::string_view actie) override {
        return real_->replace_list(w, r, a, actie);
    }
    // The municipal data (issue 13) is not what this fuzzer aims at: passed through.
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
    std::optional<store::StoredLocation> target_;
    std::int64_t version_ = 0;
};

struct Fixture {
    std::unique_ptr<service::Api> api;
    std::string token;
};

const Fixture& fixture() {
    static const Fixture instance = [] {
        char dir[] = "/tmp/ido-write-fuzz-XXXXXX";
        if (mkdtemp(dir) == nullptr) std::abort();
        const std::filesystem::path db = std::filesystem::path(dir) / "fuzz.db";
        auto store = std::make_shared<RefusingStore>(store::open_sqlite(db));
        const std::string secret = store->create_token(store::Role::beheerder, "", "", "fuzz", "").second;
        auto loaded = store::open_store_backed_locator(store, fuzz::data_dir());
        // The database stays open; its directory is removed at once (Linux keeps the open files).
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
        return Fixture{std::make_unique<service::Api>(loaded.locator, service::StaticFiles{}, loaded.editor), secret};
    }();
    return instance;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)fixture();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto& f = fixture();
    service::HttpRequest request;
    const int kind = data[0] % 3;
    request.method = kind == 0 ? "PATCH" : kind == 1 ? "PUT" : "POST";
    request.path = kind == 0 ? "/v1/informatiepunten/" + target_id
                 : kind == 1 ? "/v1/informatiepunten/" + target_id + "/openingstijden"
                             : "/v1/informatiepunten";
    request.headers = {{"authorization", "Bearer " + f.token},
                       {"content-type", kind == 0 ? "application/merge-patch+json" : "application/json"},
                       {"if-match", "\"1\""}};
    request.body.assign(reinterpret_cast<const char*>(data + 1), size - 1);
    request.client = "127.0.0.1";

    reached_store = false;
    const auto response = f.api->handle(request);
    // Every answer is a client error or the refusal of the decorator; never a server fault.
    if (response.status < 400 || response.status > 499) std::abort();
    if (response.content_type != "application/problem+json") std::abort();
    // A body that reached the store got the store's refusal (412 / 409), and only such a body did.
    const bool refused = response.status == 412 || response.status == 409;
    if (refused != reached_store) std::abort();
    return 0;
}
