#include "service/http/client_address.hpp"

#include <algorithm>
#include <array>

#include <arpa/inet.h>
#include <netinet/in.h>

namespace ido::service {

std::optional<std::string> canonical_ip(std::string_view text) {
    // inet_pton wants a terminated string and accepts only the plain forms (no port, no brackets, no
    // white space, no zone), which is what X-Real-IP from nginx's $remote_addr holds.
    if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
    const std::string terminated(text);
    std::array<char, INET6_ADDRSTRLEN> out{};
    in_addr v4{};
    if (inet_pton(AF_INET, terminated.c_str(), &v4) == 1) {
        if (inet_ntop(AF_INET, &v4, out.data(), out.size()) == nullptr) return std::nullopt;
        return std::string(out.data());
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, terminated.c_str(), &v6) != 1) return std::nullopt;
    if (IN6_IS_ADDR_V4MAPPED(&v6)) {
        std::copy_n(v6.s6_addr + 12, 4, reinterpret_cast<unsigned char*>(&v4.s_addr));
        if (inet_ntop(AF_INET, &v4, out.data(), out.size()) == nullptr) return std::nullopt;
        return std::string(out.data());
    }
    if (inet_ntop(AF_INET6, &v6, out.data(), out.size()) == nullptr) return std::nullopt;
    return std::string(out.data());
}

std::string client_address(std::string_view peer, std::optional<std::string_view> x_real_ip, const std::vector<std::string>& trusted) {
    auto own = canonical_ip(peer);
    std::string peer_address = own ? std::move(*own) : std::string(peer);
    if (trusted.empty() || !x_real_ip) return peer_address;
    if (std::find(trusted.begin(), trusted.end(), peer_address) == trusted.end()) return peer_address;
    if (auto forwarded = canonical_ip(*x_real_ip)) return std::move(*forwarded);
    return peer_address;
}

std::optional<std::vector<std::string>> parse_trusted_proxies(std::string_view text) {
    std::vector<std::string> addresses;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const auto item = text.substr(0, comma);
        auto address = canonical_ip(item);
        if (!address) return std::nullopt;
        if (std::find(addresses.begin(), addresses.end(), *address) == addresses.end()) addresses.push_back(std::move(*address));
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
        if (text.empty()) return std::nullopt;  // "a," names an empty address
    }
    return addresses;
}

}  // namespace ido::service
