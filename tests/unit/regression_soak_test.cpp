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
#include "tests/support/forwarding_store.hpp"

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
class HeldStore final : public test::ForwardingStore {
public:
    using ForwardingStore::ForwardingStore;

    std::promise<void> entered;  // set when an update is inside the store
    std::shared_future<void> release;
    std::atomic<int> updates{0};

    store::WriteResult update(std::string_view id, std::int64_t v, const std::string& p, geo::Wgs84 pos, const store::Author& a) override {
        if (updates.fetch_add(1) == 0) {
            entered.set_value();
            release.wait();
        }
        return ForwardingStore::update(id, v, p, pos, a);
    }
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
