// The replica restart of bench/soak (issue 16, part 7) found that stopping the service cut off the
// answer of a write it had already committed: nginx then answered 503 for an applied write, or replayed
// a PUT on the other replica, which refused it with 412 although it was applied. HttpServer::stop() now
// lets the writes in progress answer first, and refuses new writes meanwhile with 503 (nothing applied).
// Here a PATCH is held inside the store while stop() is called: its client must get the 200, and the
// write must be stored.
#include "service/http/api.hpp"
#include "service/http/config.hpp"
#include "service/http/http_server.hpp"
#include "service/http/static_files.hpp"
#include "store/location_editor.hpp"
#include "store/store.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

namespace {

using namespace ido;

// Forwards everything to a real SQLite store; update() first waits until the test lets it go.
class HeldStore final : public store::Store {
public:
    explicit HeldStore(std::unique_ptr<store::Store> real) : real_(std::move(real)) {}

    std::promise<void> entered;  // set when an update is inside the store
    std::shared_future<void> release;
    std::atomic<int> updates{0};

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

    store::WriteResult create(const store::StoredLocation& l, const store::Author& a) override { return real_->create(l, a); }
    store::WriteResult update(std::string_view id, std::int64_t v, const std::string& p, geo::Wgs84 pos, const store::Author& a) override {
        if (updates.fetch_add(1) == 0) {
            entered.set_value();
            release.wait();
        }
        return real_->update(id, v, p, pos, a);
    }
    store::WriteResult remove(std::string_view id, std::int64_t v, const store::Author& a) override { return real_->remove(id, v, a); }
    store::ListResult replace_list(const std::vector<store::ListWrite>& w, const std::vector<store::ListRemoval>& r, const store::Author& a,
                                   std::string_view actie) override {
        return real_->replace_list(w, r, a, actie);
    }
    std::size_t upsert_all(const std::vector<store::StoredLocation>& l, const store::Author& a, std::string_view actie) override {
        return real_->upsert_all(l, a, actie);
    }
    store::WriteResult confirm(std::string_view id, std::int64_t v, const std::string& p, const store::Author& a) override {
        return real_->confirm(id, v, p, a);
    }
    store::MeldingResult add_melding(std::string_view i, std::string_view s, std::string_view t, std::chrono::sys_seconds now) override {
        return real_->add_melding(i, s, t, now);
    }
    store::AfsluitResult close_melding(std::int64_t id, std::int64_t v, std::string_view s, std::string_view t, const store::Author& a,
                                       std::chrono::sys_seconds now) override {
        return real_->close_melding(id, v, s, t, a, now);
    }
    store::Partner create_partner(const store::Partner& p, const store::Author& a) override { return real_->create_partner(p, a); }
    store::WriteResult update_partner(std::int64_t id, std::int64_t v, const store::Partner& p, const store::Author& a) override {
        return real_->update_partner(id, v, p, a);
    }
    store::WriteResult remove_partner(std::int64_t id, std::int64_t v, const store::Author& a) override { return real_->remove_partner(id, v, a); }
    bool set_financing(const store::Financing& f, const store::Author& a) override { return real_->set_financing(f, a); }
    std::size_t record_quarter(const std::vector<store::QuarterFigures>& rows) override { return real_->record_quarter(rows); }

private:
    std::unique_ptr<store::Store> real_;
};

// Sends one request over TCP and returns the whole response ("" when the connection closed without one).
std::string round_trip(std::uint16_t port, const std::string& request) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string response;
    if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0 &&
        send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
        for (;;) {
            pollfd ready{fd, POLLIN, 0};
            if (poll(&ready, 1, 30000) <= 0) break;
            char buffer[4096];
            const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0) break;
            response.append(buffer, static_cast<std::size_t>(n));
            const auto end = response.find("\r\n\r\n");
            if (end == std::string::npos) continue;
            const auto length = response.find("Content-Length: ");
            if (length != std::string::npos && length < end &&
                response.size() >= end + 4 + std::strtoul(response.c_str() + length + 16, nullptr, 10))
                break;
        }
    }
    close(fd);
    return response;
}

std::string patch_request(const std::string& token, const std::string& value) {
    const std::string body = R"({"mededeling":")" + value + R"("})";
    return "PATCH /v1/informatiepunten/IDO-VB-067 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
           "\r\nContent-Type: application/merge-patch+json\r\nIf-Match: *\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

TEST(RegressionSoak, StopAnswersTheWriteInProgress) {
    char dir[] = "/tmp/ido-regression-soak-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    const std::filesystem::path directory = dir;
    auto store = std::make_shared<HeldStore>(store::open_sqlite(directory / "test.db"));
    std::promise<void> let_go;
    store->release = let_go.get_future().share();
    const std::string token = store->create_token(store::Role::beheerder, "", "", "soak", "").second;
    auto loaded = store::open_store_backed_locator(store, std::filesystem::path(IDO_SOURCE_DIR) / "data");
    auto api = std::make_shared<const service::Api>(loaded.locator, service::StaticFiles{}, loaded.editor);
    service::Config config;
    config.address = "127.0.0.1";
    config.port = 0;
    config.threads = 2;
    config.access_log = false;
    service::HttpServer server(config, api);
    server.start();
    const auto port = server.port();

    // A PATCH that is inside the store when the server is told to stop.
    auto held = std::async(std::launch::async, [&] { return round_trip(port, patch_request(token, "eerste")); });
    store->entered.get_future().wait();
    std::thread stopping([&] { server.stop(); });
    // Let stop() begin before the store lets the PATCH go: that is the moment the old stop() cut the
    // answer off. (Had it not begun yet, the test would pass without showing anything, never fail.)
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    let_go.set_value();
    const std::string answer = held.get();
    stopping.join();

    EXPECT_TRUE(answer.starts_with("HTTP/1.1 200")) << "the held write lost its answer: '" << answer << "'";
    EXPECT_EQ(store->updates.load(), 1);  // only the held PATCH wrote
    const auto stored = store->location("IDO-VB-067");
    ASSERT_TRUE(stored);
    EXPECT_NE(stored->properties_json.find("eerste"), std::string::npos);
    std::error_code ignored;
    std::filesystem::remove_all(directory, ignored);
}

}  // namespace
