#pragma once
// Which address a request counts under in the per-address limits (failed logins, reports). Behind
// nginx every request comes from nginx's address, so all residents would share one limit; nginx passes
// the client's address in X-Real-IP (deploy/ido-vinder-http.conf). That header is believed only from
// the proxies the operator names (--vertrouwde-proxy): anyone else could write any X-Real-IP and so
// escape the limits. The address is used for the counters in memory only, never logged or stored.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ido::service {

/// The canonical text of an IPv4 or IPv6 address ("127.0.0.1", "2001:db8::1"); an IPv4-mapped IPv6
/// address ("::ffff:127.0.0.1", as a dual-stack socket reports an IPv4 peer) as its IPv4 form. Nothing
/// for anything else (a host name, a port, a list, surrounding white space, brackets).
std::optional<std::string> canonical_ip(std::string_view text);

/// The address a request counts under: the one in `x_real_ip` when the TCP peer is one of `trusted`
/// (canonical forms, see canonical_ip) and the header holds exactly one valid address; else the peer's
/// own address. A trusted proxy that sends no or a garbled header thus counts as one client, which is
/// safe: it can only share a limit, never escape one.
std::string client_address(std::string_view peer, std::optional<std::string_view> x_real_ip, const std::vector<std::string>& trusted);

/// Parses "ADRES[,ADRES...]" (the value of --vertrouwde-proxy): the canonical addresses, or nothing when
/// one of them is not an IP address. An empty text is the empty list.
std::optional<std::vector<std::string>> parse_trusted_proxies(std::string_view text);

}  // namespace ido::service
