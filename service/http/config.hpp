#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ido::service {

/// The database every command uses when neither --db nor IDO_DB names one: an SQLite file, relative
/// to the working directory.
inline constexpr const char* default_database = "var/ido-vinder.db";

/// Every setting of the service, with its default. Read once by `ido-vinder serve` (cli/serve.cpp) from
/// the environment (IDO_*) and then the command line (flags win), validated, and logged at start. A
/// plain struct here, not in cli/: the HTTP adapter (service/http/http_server.hpp) takes it, and service/
/// must not depend on the command-line layer above it.
struct Config {
    std::string address = "0.0.0.0";
    std::uint16_t port = 8080;                       ///< 0 = any free port (tests)
    unsigned threads = 2;                            ///< Pistache I/O threads, which also run the handlers
    std::size_t max_request_bytes = 16 * 1024;       ///< request line + headers + body; more is refused
    std::size_t max_response_bytes = 8 * 1024 * 1024;
    std::chrono::milliseconds header_timeout{5000};  ///< a client has this long to send its headers
    std::chrono::milliseconds body_timeout{10000};
    std::chrono::milliseconds keepalive_timeout{15000};
    std::filesystem::path data_dir = "data";
    std::filesystem::path widget_dir = "web-widget/dist";
    std::string db = default_database;  ///< an SQLite file or a PostgreSQL URI (created/migrated and seeded when new)
    std::chrono::seconds reload_interval{5};          ///< how often to look for changes made outside this process
    bool access_log = true;                          ///< one line per request: method, route, status, time
    bool check_only = false;                         ///< --check: load everything, report, exit

    // --- operations (issue 16): metrics listener and log format ---
    /// Where GET /metrics listens; empty: no metrics listener. Off the public port, loopback by default.
    std::string metrics_address = "127.0.0.1";
    /// Unset: default_metrics_port, or a free port when `port` is 0 (tests, several instances at once).
    std::optional<std::uint16_t> metrics_port;
    enum class LogFormat { tekst, json };
    LogFormat log_format = LogFormat::tekst;  ///< the access log: one text line, or one JSON object per line
    bool zonder_voorbeelden = false;                 ///< --zonder-voorbeelden: a new database gets the seed set without its generated examples
    /// --vertrouwde-proxy: the proxies (canonical IP addresses) whose X-Real-IP names the client for the
    /// per-address limits (service/http/client_address.hpp); empty: the TCP peer is the client.
    std::vector<std::string> vertrouwde_proxies;

    // --- search (issue 15 §2, docs/zoeken.md) ---
    /// --pdok-locatieserver: the Locatieserver `free` endpoint for full street addresses; empty: off (the default).
    std::string pdok_locatieserver;
};

/// The metrics port unless --metrics-adres names one (9464: the port commonly used by Prometheus exporters of applications).
inline constexpr std::uint16_t default_metrics_port = 9464;

}  // namespace ido::service
