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
#include "tests/support/forwarding_store.hpp"

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

class RefusingStore final : public test::ForwardingStore {
public:
    using ForwardingStore::ForwardingStore;

    // Every attempted write is followed by a rebuild of the snapshot (LocationEditor::write), which asks
    // for locations() and data_version(). Nothing is ever written, so both are read from SQLite once
    // (after the seed load) and kept: the rebuild then costs the building of a one-record snapshot only.
    std::vector<store::StoredLocation> locations() override {
        if (!target_) {
            if (real().never_filled()) return {};
            target_ = real().location(target_id);
            version_ = real().data_version();
        }
        std::vector<store::StoredLocation> only;
        if (target_) only.push_back(*target_);
        return only;
    }
    std::optional<store::StoredLocation> location(std::string_view id) override {
        if (target_ && id == target_id) return target_;
        return real().location(id);
    }
    std::int64_t data_version() override { return target_ ? version_ : real().data_version(); }

    // The writes this fuzzer aims at: checked, then refused at the last moment (the store never grows).
    // Everything else, the municipal data included, is passed through.
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
    store::WriteResult confirm(std::string_view, std::int64_t expected_version, const std::string& properties_json, const store::Author&) override {
        reached_store = true;
        check_record(properties_json);
        return {store::WriteOutcome::versie_conflict, expected_version + 1};
    }

private:
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
