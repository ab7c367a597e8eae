// The address a request counts under in the per-address limits (service/http/client_address.*): a
// trusted proxy's X-Real-IP, else the TCP peer; and the --vertrouwde-proxy option that names the proxies.
#include "cli/serve.hpp"
#include "service/http/client_address.hpp"
#include "service/http/config.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace {

using ido::service::canonical_ip;
using ido::service::client_address;
using ido::service::parse_trusted_proxies;

const std::vector<std::string> nginx{"127.0.0.1"};

TEST(ClientAddress, WithoutTrustedProxiesThePeerCountsAndTheHeaderIsIgnored) {
    EXPECT_EQ(client_address("127.0.0.1", "203.0.113.7", {}), "127.0.0.1");
    EXPECT_EQ(client_address("198.51.100.2", std::nullopt, {}), "198.51.100.2");
}

TEST(ClientAddress, ATrustedPeerPassesTheClientsAddressOn) {
    EXPECT_EQ(client_address("127.0.0.1", "203.0.113.7", nginx), "203.0.113.7");
    EXPECT_EQ(client_address("127.0.0.1", "2001:db8::7", nginx), "2001:db8::7");
    // Two residents behind the same nginx count apart.
    EXPECT_NE(client_address("127.0.0.1", "203.0.113.7", nginx), client_address("127.0.0.1", "203.0.113.8", nginx));
}

TEST(ClientAddress, AnUntrustedPeerCannotChooseItsAddress) {
    // A client talking to the service directly and writing X-Real-IP itself would otherwise get a fresh
    // limit with every request.
    EXPECT_EQ(client_address("198.51.100.2", "203.0.113.7", nginx), "198.51.100.2");
    EXPECT_EQ(client_address("127.0.0.2", "203.0.113.7", nginx), "127.0.0.2");
}

TEST(ClientAddress, AMissingOrGarbledHeaderFromTheProxyCountsAsTheProxy) {
    EXPECT_EQ(client_address("127.0.0.1", std::nullopt, nginx), "127.0.0.1");
    for (const char* garbage : {"", " ", "203.0.113.7, 198.51.100.1", "203.0.113.7:4431", "[2001:db8::7]", "localhost", "203.0.113.256",
                                " 203.0.113.7", "203.0.113.7\r\nX: y", "fe80::1%eth0", "unknown"})
        EXPECT_EQ(client_address("127.0.0.1", std::string_view(garbage), nginx), "127.0.0.1") << "X-Real-IP: '" << garbage << "'";
}

TEST(ClientAddress, FormsOfOneAddressCountAsOne) {
    // A dual-stack socket reports an IPv4 peer as IPv4-mapped IPv6; IPv6 has several spellings.
    EXPECT_EQ(client_address("::ffff:127.0.0.1", "203.0.113.7", nginx), "203.0.113.7");
    EXPECT_EQ(client_address("127.0.0.1", "::ffff:203.0.113.7", nginx), "203.0.113.7");
    EXPECT_EQ(client_address("127.0.0.1", "2001:DB8:0:0::7", nginx), "2001:db8::7");
    EXPECT_EQ(client_address("0:0:0:0:0:0:0:1", "203.0.113.9", {"::1"}), "203.0.113.9");
    EXPECT_EQ(canonical_ip("010.0.0.1"), std::nullopt);  // inet_pton refuses octal-looking forms
}

TEST(TrustedProxies, ParsesAListAndRefusesAnythingElse) {
    EXPECT_EQ(parse_trusted_proxies(""), std::vector<std::string>{});
    EXPECT_EQ(parse_trusted_proxies("127.0.0.1"), nginx);
    EXPECT_EQ(parse_trusted_proxies("127.0.0.1,::1,127.0.0.1"), (std::vector<std::string>{"127.0.0.1", "::1"}));
    for (const char* bad : {"nginx", "127.0.0.1,", ",127.0.0.1", "127.0.0.1, ::1", "127.0.0.0/8", "127.0.0.1:80"})
        EXPECT_EQ(parse_trusted_proxies(bad), std::nullopt) << bad;
}

TEST(TrustedProxies, TheServeOptionAndItsEnvironmentVariable) {
    auto flag = ido::cli::parse_config({"--vertrouwde-proxy", "172.30.8.10,127.0.0.1"}, {});
    ASSERT_TRUE(std::holds_alternative<ido::service::Config>(flag));
    EXPECT_EQ(std::get<ido::service::Config>(flag).vertrouwde_proxies, (std::vector<std::string>{"172.30.8.10", "127.0.0.1"}));
    auto env = ido::cli::parse_config({}, {{"IDO_VERTROUWDE_PROXY", "::1"}});
    ASSERT_TRUE(std::holds_alternative<ido::service::Config>(env));
    EXPECT_EQ(std::get<ido::service::Config>(env).vertrouwde_proxies, std::vector<std::string>{"::1"});
    auto none = ido::cli::parse_config({}, {});
    ASSERT_TRUE(std::holds_alternative<ido::service::Config>(none));
    EXPECT_TRUE(std::get<ido::service::Config>(none).vertrouwde_proxies.empty());
    auto bad = ido::cli::parse_config({"--vertrouwde-proxy", "nginx.local"}, {});
    ASSERT_TRUE(std::holds_alternative<std::vector<std::string>>(bad));
    EXPECT_NE(std::get<std::vector<std::string>>(bad).front().find("--vertrouwde-proxy"), std::string::npos);
}

}  // namespace
