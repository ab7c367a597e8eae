#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

namespace ido::service {

/// Every setting of the service, with its default. Read once in main from the environment (IDO_*)
/// and then the command line (flags win), validated, and logged at start.
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
    std::string db = "var/ido-vinder.db";  ///< an SQLite file or a PostgreSQL URI (created/migrated and seeded when new)
    std::chrono::seconds reload_interval{5};          ///< how often to look for changes made outside this process
    bool access_log = true;                          ///< one line per request: method, route, status, time
    bool check_only = false;                         ///< --check: load everything, report, exit
};

/// Parses `serve` options. Returns the config, or the list of problems (all of them, not the first).
std::variant<Config, std::vector<std::string>> parse_config(const std::vector<std::string>& args,
                                                              const std::vector<std::pair<std::string, std::string>>& environment);

/// The help text for `ido-vinder serve --help`.
std::string config_usage();

/// One line per effective setting, for the start-up log.
std::vector<std::string> describe(const Config& config);

}  // namespace ido::service
