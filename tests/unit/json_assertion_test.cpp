// RapidJSON's assertions throw (text/rapidjson_assert.hpp, force-included for every target): a
// document used without checking its shape costs one request a 500, not the whole service an abort.
#include "service/http/api.hpp"
#include "service/http/config.hpp"
#include "service/http/http_server.hpp"
#include "store/location_editor.hpp"
#include "service/http/static_files.hpp"
#include "store/store.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace {

using namespace ido;

TEST(JsonAssertion, PreconditionsThrowALogicError) {
    rapidjson::Document doc;
    doc.Parse(R"({"naam":"Bibliotheek","diensten":1})");
    ASSERT_TRUE(doc.IsObject());
    EXPECT_THROW(static_cast<void>(doc["ontbreekt"]), text::JsonAssertion);   // a member that is not there
    EXPECT_THROW(static_cast<void>(doc["diensten"].GetArray()), text::JsonAssertion);  // a number is no array
    EXPECT_THROW(static_cast<void>(doc["naam"].FindMember("x")), std::logic_error);    // a string is no object
    rapidjson::Document list;
    list.Parse("[1]");
    EXPECT_THROW(static_cast<void>(list[1]), text::JsonAssertion);  // out of range
    // The checks that hold still pass.
    EXPECT_EQ(doc["naam"].GetStringLength(), 11u);
    EXPECT_EQ(list[0].GetInt(), 1);
}

// A help point whose stored record is not a JSON object (written by another replica of another
// version, or by hand), edited with a well-formed PATCH: the merge calls FindMember() on an array.
class BrokenRecord : public ::testing::Test {
protected:
    void SetUp() override {
        char dir[] = "/tmp/ido-json-assertion-XXXXXX";
        ASSERT_NE(mkdtemp(dir), nullptr);
        directory_ = dir;
        store_ = store::open_sqlite(directory_ / "test.db");
        token_ = store_->create_token(store::Role::beheerder, "", "", "json-assertion").second;
        auto loaded = store::open_store_backed_locator(store_, std::filesystem::path(IDO_SOURCE_DIR) / "data");
        api_ = std::make_shared<const service::Api>(loaded.locator, service::StaticFiles{}, loaded.editor);
        // Behind the editor's back, so the snapshot still holds the record as it was.
        const auto stored = store_->location(id);
        ASSERT_TRUE(stored);
        ASSERT_EQ(store_->update(id, stored->version, "[]", stored->position, store::Author{0, "another replica"}).outcome,
                  store::WriteOutcome::ok);
    }
    void TearDown() override {
        api_.reset();
        store_.reset();
        std::error_code ignored;
        std::filesystem::remove_all(directory_, ignored);
    }

    service::HttpRequest patch() const {
        service::HttpRequest request;
        request.method = "PATCH";
        request.path = "/v1/informatiepunten/" + std::string(id);
        request.headers = {{"authorization", "Bearer " + token_}, {"content-type", "application/merge-patch+json"}, {"if-match", "*"}};
        request.body = R"({"mededeling":"Gesloten op 5 december."})";
        request.client = "127.0.0.1";
        return request;
    }

    static constexpr const char* id = "IDO-VB-067";
    std::filesystem::path directory_;
    std::shared_ptr<store::Store> store_;
    std::string token_;
    std::shared_ptr<const service::Api> api_;
};

TEST_F(BrokenRecord, ApiHandleThrowsInsteadOfAborting) {
    EXPECT_THROW(api_->handle(patch()), text::JsonAssertion);
}

// Sends one request over TCP and returns the whole response (status line, headers, body).
std::string exchange(std::uint16_t port, const std::string& request) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string response;
    if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0 &&
        send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
        // Until the body announced by Content-Length is in (the server may keep the connection open).
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

TEST_F(BrokenRecord, TheFirewallAnswersAGeneric500AndTheServiceGoesOn) {
    service::Config config;
    config.address = "127.0.0.1";
    config.port = 0;
    config.threads = 1;
    config.access_log = false;
    service::HttpServer server(config, api_);
    server.start();
    const auto request = patch();
    std::string text = request.method + " " + request.path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto& [name, value] : request.headers) text += name + ": " + value + "\r\n";
    text += "Content-Length: " + std::to_string(request.body.size()) + "\r\n\r\n" + request.body;

    const std::string response = exchange(server.port(), text);
    ASSERT_TRUE(response.starts_with("HTTP/1.1 500")) << response;
    EXPECT_NE(response.find("Content-Type: application/problem+json"), std::string::npos) << response;
    EXPECT_NE(response.find(R"("code":"interne-fout")"), std::string::npos) << response;
    // Nothing of the assertion reaches the client.
    EXPECT_EQ(response.find("RapidJSON"), std::string::npos) << response;
    EXPECT_EQ(response.find("IsObject"), std::string::npos) << response;

    // The same process still serves.
    const std::string health = exchange(server.port(), "GET /v1/informatiepunten/" + std::string(id) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    EXPECT_TRUE(health.starts_with("HTTP/1.1 200")) << health;
    server.stop();
}

}  // namespace
