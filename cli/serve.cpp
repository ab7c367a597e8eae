#include "cli/serve.hpp"

#include "cli/options.hpp"

#include "geo/coverage/coverage.hpp"
#include "geo/coverage/demand.hpp"
#include "geo/locator.hpp"
#include "service/endpoints/gemeentedata.hpp"
#include "service/http/api.hpp"
#include "service/http/client_address.hpp"
#include "service/http/http_server.hpp"
#include "service/http/metrics.hpp"
#include "service/pdok/locatieserver.hpp"
#include "store/location_editor.hpp"
#include "store/meldingen.hpp"
#include "store/store.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <pthread.h>
#include <stop_token>
#include <thread>

namespace ido::cli {
namespace {

using service::Config;

std::optional<unsigned long long> parse_unsigned(const std::string& text, unsigned long long min, unsigned long long max) {
    unsigned long long value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) return std::nullopt;
    return value;
}

std::optional<bool> parse_bool(const std::string& text) {
    if (text == "1" || text == "true" || text == "on" || text == "yes") return true;
    if (text == "0" || text == "false" || text == "off" || text == "no") return false;
    return std::nullopt;
}

// One setting: its flag, its environment variable, and how it sets the config.
struct Setting {
    const char* flag;
    const char* env;
    std::string help;
    bool takes_value;
    // Returns an error text, empty when the value was accepted.
    std::string (*apply)(Config&, const std::string&);
};

std::string bad(const char* what, const std::string& value) { return std::string(what) + ": invalid value '" + value + "'"; }

// --metrics-adres: HOST:PORT (an IPv6 host in brackets), or "uit".
std::string apply_metrics_address(Config& c, const std::string& v) {
    if (v == "uit") {
        c.metrics_address.clear();
        c.metrics_port.reset();
        return std::string();
    }
    const auto colon = v.rfind(':');
    if (colon == std::string::npos || colon == 0) return bad("--metrics-adres", v);
    auto port = parse_unsigned(v.substr(colon + 1), 0, 65535);
    std::string host = v.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (!port || host.empty()) return bad("--metrics-adres", v);
    c.metrics_address = host;
    c.metrics_port = static_cast<std::uint16_t>(*port);
    return std::string();
}

const Setting settings[] = {
    {"--address", "IDO_ADDRESS", "address to listen on (default 0.0.0.0)", true,
     [](Config& c, const std::string& v) { c.address = v; return v.empty() ? bad("--address", v) : std::string(); }},
    {"--port", "IDO_PORT", "TCP port (default 8080; 0 picks a free port)", true,
     [](Config& c, const std::string& v) {
         auto n = parse_unsigned(v, 0, 65535);
         if (!n) return bad("--port", v);
         c.port = static_cast<std::uint16_t>(*n);
         return std::string();
     }},
    {"--threads", "IDO_THREADS", "I/O and handler threads (default: number of cores, 1-256)", true,
     [](Config& c, const std::string& v) {
         auto n = parse_unsigned(v, 1, 256);
         if (!n) return bad("--threads", v);
         c.threads = static_cast<unsigned>(*n);
         return std::string();
     }},
    {"--max-request-bytes", "IDO_MAX_REQUEST_BYTES", "largest accepted request in bytes (default 16384)", true,
     [](Config& c, const std::string& v) {
         auto n = parse_unsigned(v, 1024, 64ull * 1024 * 1024);
         if (!n) return bad("--max-request-bytes", v);
         c.max_request_bytes = *n;
         return std::string();
     }},
    {"--header-timeout-ms", "IDO_HEADER_TIMEOUT_MS", "time a client has to send its headers (default 5000)", true,
     [](Config& c, const std::string& v) {
         auto n = parse_unsigned(v, 10, 600000);
         if (!n) return bad("--header-timeout-ms", v);
         c.header_timeout = std::chrono::milliseconds(*n);
         return std::string();
     }},
    {"--body-timeout-ms", "IDO_BODY_TIMEOUT_MS", "time a client has to send its body (default 10000)", true,
     [](Config& c, const std::string& v) {
         auto n = parse_unsigned(v, 10, 600000);
         if (!n) return bad("--body-timeout-ms", v);
         c.body_timeout = std::chrono::milliseconds(*n);
         return std::string();
     }},
    {"--keepalive-timeout-ms", "IDO_KEEPALIVE_TIMEOUT_MS", "idle keep-alive connections are closed after this (default 15000)", true,
     [](Config& c, const std::string& v) {
         auto n = parse_unsigned(v, 10, 600000);
         if (!n) return bad("--keepalive-timeout-ms", v);
         c.keepalive_timeout = std::chrono::milliseconds(*n);
         return std::string();
     }},
    {"--data-dir", "IDO_DATA_DIR", "directory with informatiepunten.geojson and gemeenten.geojson (default ./data)", true,
     [](Config& c, const std::string& v) { c.data_dir = v; return v.empty() ? bad("--data-dir", v) : std::string(); }},
    {"--db", "IDO_DB", std::string("SQLite database file, or postgresql://user@host:port/database shared by replicas; created and filled with the seed set when new (default ./") +
         service::default_database + ")", true,
     [](Config& c, const std::string& v) { c.db = v; return v.empty() ? bad("--db", v) : std::string(); }},
    {"--widget-dir", "IDO_WIDGET_DIR", "directory with the built widget (default ./web-widget/dist)", true,
     [](Config& c, const std::string& v) { c.widget_dir = v; return std::string(); }},
    {"--reload-interval-s", "IDO_RELOAD_INTERVAL_S", "seconds between checks for changes made outside this process, e.g. an import (default 5)", true,
     [](Config& c, const std::string& v) {
         auto n = parse_unsigned(v, 1, 3600);
         if (!n) return bad("--reload-interval-s", v);
         c.reload_interval = std::chrono::seconds(*n);
         return std::string();
     }},
    {"--access-log", "IDO_ACCESS_LOG", "log one line per request: on/off (default on; never logs query strings or addresses)", true,
     [](Config& c, const std::string& v) {
         auto b = parse_bool(v);
         if (!b) return bad("--access-log", v);
         c.access_log = *b;
         return std::string();
     }},
    {"--check", nullptr, "load the configuration and all data, report, and exit (0 when all is well)", false,
     [](Config& c, const std::string&) { c.check_only = true; return std::string(); }},
    // --- operations (issue 16) ---
    {"--metrics-adres", "IDO_METRICS_ADRES",
     "address:port of the Prometheus metrics (GET /metrics), off the public port; 'uit' for none (default 127.0.0.1:9464, "
     "or a free port when --port is 0)", true,
     [](Config& c, const std::string& v) { return apply_metrics_address(c, v); }},
    {"--log-formaat", "IDO_LOG_FORMAAT", "access log format: tekst (one line per request) or json (one JSON object per line) (default tekst)", true,
     [](Config& c, const std::string& v) {
         if (v == "tekst") c.log_format = Config::LogFormat::tekst;
         else if (v == "json") c.log_format = Config::LogFormat::json;
         else return bad("--log-formaat", v);
         return std::string();
     }},
    // ---- the seed set (data/README.md) ----
    {"--zonder-voorbeelden", "IDO_ZONDER_VOORBEELDEN",
     "fill a new database with the real records of the seed set only, without the generated examples (herkomst.soort gegenereerd); on/off via the environment (default off)",
     false, [](Config& c, const std::string& v) {
         // The flag takes no value (v is empty); the environment variable says on or off.
         auto b = v.empty() ? std::optional<bool>(true) : parse_bool(v);
         if (!b) return bad("IDO_ZONDER_VOORBEELDEN", v);
         c.zonder_voorbeelden = *b;
         return std::string();
     }},
    // ---- the client address behind a proxy (docs/meldingen.md) ----
    {"--vertrouwde-proxy", "IDO_VERTROUWDE_PROXY",
     "ADRES[,ADRES]: the proxies (e.g. nginx at 127.0.0.1) whose X-Real-IP header names the client for the per-address rate limits; "
     "from any other peer the header is ignored (default none)",
     true, [](Config& c, const std::string& v) {
         auto addresses = service::parse_trusted_proxies(v);
         if (!addresses) return bad("--vertrouwde-proxy", v);
         c.vertrouwde_proxies = std::move(*addresses);
         return std::string();
     }},
    // ---- search (docs/zoeken.md) ----
    {"--pdok-locatieserver", "IDO_PDOK_LOCATIESERVER",
     "URL of the PDOK Locatieserver free endpoint (https://api.pdok.nl/bzk/locatieserver/search/v3_1/free) for full street "
     "addresses, asked by the server with an 800 ms timeout, a cache and a fallback to the offline geocoder; 'uit' or empty: off (default off)",
     true, [](Config& c, const std::string& v) {
         if (v.empty() || v == "uit") {
             c.pdok_locatieserver.clear();
             return std::string();
         }
         if (!v.starts_with("http://") && !v.starts_with("https://")) return bad("--pdok-locatieserver", v);
         c.pdok_locatieserver = v;
         return std::string();
     }},
};

// Opens the store; a database that is not reachable yet (a replica started beside its database server)
// is waited for up to 30 s before giving up.
std::unique_ptr<ido::store::Store> open_store_waiting(const std::string& db) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    for (;;) {
        try {
            return ido::store::open_store(db);
        } catch (const ido::store::StoreUnavailable& e) {
            if (std::chrono::steady_clock::now() >= deadline) throw;
            std::fprintf(stderr, "ido-vinder: waiting for the database: %s\n", e.what());
            std::this_thread::sleep_for(std::chrono::seconds(1));
        }
    }
}

double seconds_since_epoch() { return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count(); }

// The gauges of this process, read at each scrape. `last_confirmed` is when the reloader last found the
// snapshot equal to the store: its age, not the snapshot's, says whether a replica lags (a quiet
// service keeps one snapshot for days, and that is fine).
void register_operations_metrics(std::shared_ptr<ido::store::LocationEditor> editor, std::shared_ptr<const std::atomic<double>> last_confirmed) {
    auto& m = ido::service::Metrics::process();
    m.gauge("ido_snapshot_dataversie", "The store's data version the served snapshot was built from (as in /v1/health).",
            [editor] { return static_cast<double>(editor->loaded_version()); });
    m.gauge("ido_snapshot_built_timestamp_seconds", "When the served snapshot was built, seconds since the Unix epoch.",
            [editor] { return editor->snapshot_built_at(); });
    m.gauge("ido_snapshot_staleness_seconds", "Seconds since the snapshot was last confirmed to match the store (grows while the store is unreachable).",
            [last_confirmed] { return seconds_since_epoch() - last_confirmed->load(); });
    m.gauge("ido_snapshot_rebuild_seconds", "How long the last rebuild of the snapshot from the store took.",
            [editor] { return editor->last_rebuild_seconds(); });
    m.gauge("ido_store_up", "1 when the store answered the last time it was asked, 0 while it is unreachable (writes fail then).",
            [editor] { return editor->store_reachable() ? 1.0 : 0.0; });
    // Read from the store at each scrape (every 15 s or so: one query), so every replica reports the
    // same number; NaN while the store is unreachable.
    m.gauge("ido_meldingen_open", "Open reports from residents (meldingen) in the store.",
            [editor] { return static_cast<double>(editor->store().meldingen("open").size()); });
    m.gauge("ido_informatiepunten", "Help points in the served snapshot.",
            [editor] { return static_cast<double>(editor->snapshot()->locations().size()); });
}

}  // namespace

std::variant<Config, std::vector<std::string>> parse_config(const std::vector<std::string>& args, const Environment& environment) {
    Config config;
    config.threads = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::string> problems;

    CLI::App app("run the REST service", "ido-vinder serve");
    std::vector<std::string> values(std::size(settings));
    std::vector<const CLI::Option*> given;
    for (std::size_t i = 0; i < std::size(settings); ++i) {
        const auto& setting = settings[i];
        given.push_back(setting.takes_value ? app.add_option(setting.flag, values[i]) : app.add_flag(setting.flag));
    }
    const auto leftovers = parse(app, args);

    // The environment first, the flags after it: flags win.
    std::map<std::string, std::string> env(environment.begin(), environment.end());
    for (const auto& setting : settings) {
        if (setting.env == nullptr) continue;
        if (auto it = env.find(setting.env); it != env.end()) {
            auto error = setting.apply(config, it->second);
            if (!error.empty()) problems.push_back(std::string(setting.env) + " " + error);
        }
    }
    if (!leftovers.error.empty()) {
        problems.push_back(leftovers.error);
    } else {
        for (std::size_t i = 0; i < std::size(settings); ++i) {
            if (given[i]->count() == 0) continue;
            auto error = settings[i].apply(config, values[i]);
            if (!error.empty()) problems.push_back(error);
        }
    }
    for (const auto& unknown : leftovers.unknown) problems.push_back(std::string("unknown option '").append(unknown, 0, unknown.find('=')).append("'"));
    if (problems.empty()) return config;
    return problems;
}

std::string config_usage() {
    std::string text = "usage: ido-vinder serve [options]\n\noptions (environment variable in brackets):\n";
    for (const auto& setting : settings) {
        text.append("  ").append(setting.flag).append(setting.takes_value ? " VALUE" : "");
        if (setting.env) text.append(" [").append(setting.env).append("]");
        text.append("\n      ").append(setting.help).append("\n");
    }
    return text;
}

std::vector<std::string> describe(const Config& c) {
    return {
        "address=" + c.address,
        "port=" + std::to_string(c.port),
        "threads=" + std::to_string(c.threads),
        "max-request-bytes=" + std::to_string(c.max_request_bytes),
        "header-timeout-ms=" + std::to_string(c.header_timeout.count()),
        "body-timeout-ms=" + std::to_string(c.body_timeout.count()),
        "keepalive-timeout-ms=" + std::to_string(c.keepalive_timeout.count()),
        "data-dir=" + c.data_dir.string(),
        "widget-dir=" + c.widget_dir.string(),
        "db=" + store::redacted(c.db),  // a URI may carry a password
        "reload-interval-s=" + std::to_string(c.reload_interval.count()),
        std::string("access-log=") + (c.access_log ? "on" : "off"),
        // Address and port apart: the log never holds "host:port" (the privacy test looks for client addresses so).
        "metrics-adres=" + (c.metrics_address.empty() ? std::string("uit") : c.metrics_address),
        "metrics-port=" + (c.metrics_port ? std::to_string(*c.metrics_port) : std::string("auto")),
        std::string("log-formaat=") + (c.log_format == Config::LogFormat::json ? "json" : "tekst"),
        std::string("zonder-voorbeelden=") + (c.zonder_voorbeelden ? "on" : "off"),
        // How many, not which: the log holds no addresses at all.
        "vertrouwde-proxy=" + std::to_string(c.vertrouwde_proxies.size()),
        // Whether, not where: the URL is configuration, but "off" or "on" is all an operator needs in the log.
        std::string("pdok-locatieserver=") + (c.pdok_locatieserver.empty() ? "uit" : "aan"),
    };
}

int serve_command(const std::vector<std::string>& args, const Environment& environment) {
    if (wants_help(args)) {
        std::cout << config_usage();
        return 0;
    }
    auto parsed = parse_config(args, environment);
    if (auto* problems = std::get_if<std::vector<std::string>>(&parsed)) {
        for (const auto& p : *problems) std::fprintf(stderr, "ido-vinder: %s\n", p.c_str());
        std::fprintf(stderr, "%s", config_usage().c_str());
        return 2;
    }
    const auto& config = std::get<Config>(parsed);
    for (const auto& line : describe(config)) std::fprintf(stderr, "ido-vinder: config %s\n", line.c_str());

    // Signals first, before any thread exists, so every thread inherits the mask: SIGPIPE ignored (a
    // client that hangs up mid-response must not kill the process), SIGINT/SIGTERM blocked and taken
    // by sigwait below.
    std::signal(SIGPIPE, SIG_IGN);
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    ido::store::StoreBackedLocator loaded;
    try {
        loaded = ido::store::open_store_backed_locator(open_store_waiting(config.db), config.data_dir,
                                                          config.zonder_voorbeelden ? ido::store::Seed::zonder_voorbeelden : ido::store::Seed::alles);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ido-vinder: cannot load the data: %s\n", e.what());
        return 1;
    }
    // The residents per PC4 and the library buildings of the coverage analysis: loaded once, shared by
    // every snapshot. Building one analysis here checks that they belong to the municipalities (it
    // throws when a PC4 names an unknown gemeentecode), so a bad pair refuses to start, also in --check.
    std::shared_ptr<const ido::coverage::Demand> demand;
    try {
        demand = std::make_shared<const ido::coverage::Demand>(ido::coverage::load_demand(config.data_dir));
        const ido::coverage::CoverageAnalysis check(*loaded.locator->snapshot(), demand);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ido-vinder: cannot load the coverage data: %s\n", e.what());
        return 1;
    }
    if (loaded.seeded > 0) std::fprintf(stderr, "ido-vinder: new database, filled with %zu seed records\n", loaded.seeded);
    auto locator = loaded.locator;
    const auto snapshot = locator->snapshot();
    auto widget = ido::service::StaticFiles::load(config.widget_dir);
    std::fprintf(stderr, "ido-vinder: loaded %zu informatiepunten, %zu gemeenten, %zu widget files, %zu PC4s (%lld inwoners), %zu bibliotheekgebouwen\n",
                 snapshot->locations().size(), snapshot->municipalities().all().size(), widget.size(), demand->pc4s.size(),
                 static_cast<long long>(demand->inwoners()), demand->bibliotheken.size());
    if (config.check_only) {
        std::fprintf(stderr, "ido-vinder: check ok\n");
        return 0;
    }

    // The quarter's coverage figures (issue 13), kept once per quarter; checked again after every reload.
    auto keep_quarter = [&] {
        try {
            if (const auto rows = ido::service::record_quarter_if_absent(loaded.editor->store(), *locator->snapshot(), demand,
                                                                         std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())))
                std::fprintf(stderr, "ido-vinder: stored this quarter's coverage figures (%zu areas)\n", rows);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "ido-vinder: could not store this quarter's figures, trying again later: %s\n", e.what());
        }
    };
    keep_quarter();

    // Off by default; when on, only the server asks PDOK, for full street addresses (docs/zoeken.md).
    std::shared_ptr<ido::service::pdok::Locatieserver> locatieserver;
    if (!config.pdok_locatieserver.empty())
        locatieserver = std::make_shared<ido::service::pdok::Locatieserver>(ido::service::pdok::Settings{config.pdok_locatieserver});
    auto api = std::make_shared<const ido::service::Api>(locator, std::move(widget), loaded.editor, demand, std::move(locatieserver));
    ido::service::HttpServer server(config, api);
    try {
        server.start();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ido-vinder: cannot listen on %s:%u: %s\n", config.address.c_str(), config.port, e.what());
        return 1;
    }
    // The metrics listener first, so that its line comes before the "listening on" line that tells
    // tests and scripts the service is ready.
    auto last_confirmed = std::make_shared<std::atomic<double>>(seconds_since_epoch());
    register_operations_metrics(loaded.editor, last_confirmed);
    std::unique_ptr<ido::service::MetricsServer> metrics;
    if (!config.metrics_address.empty()) {
        const std::uint16_t port = config.metrics_port ? *config.metrics_port : config.port == 0 ? 0 : ido::service::default_metrics_port;
        metrics = std::make_unique<ido::service::MetricsServer>(config.metrics_address, port, ido::service::Metrics::process());
        try {
            metrics->start();
        } catch (const std::exception& e) {
            std::fprintf(stderr, "ido-vinder: cannot listen for metrics on %s:%u: %s (choose another with --metrics-adres, or 'uit')\n",
                         config.metrics_address.c_str(), port, e.what());
            return 1;
        }
        std::printf("ido-vinder: metrics on http://%s:%u/metrics\n", config.metrics_address.c_str(), metrics->port());
    }
    // Tests and scripts read this line to learn the port (with --port 0).
    std::printf("ido-vinder: listening on http://%s:%u\n", config.address == "0.0.0.0" ? "127.0.0.1" : config.address.c_str(),
                server.port());
    std::fflush(stdout);

    // Changes made outside this process (another replica, a command-line import) reach the index here:
    // at once when the store announces them (PostgreSQL NOTIFY), and every reload interval in any case,
    // as the safety net for an announcement lost with a connection (and the only way for SQLite).
    std::jthread reloader([&](std::stop_token stop) {
        auto next_check = std::chrono::steady_clock::now() + config.reload_interval;
        bool failing = false;
        while (!stop.stop_requested()) {
            // Short waits, so that a stop request is seen within a quarter of a second.
            const bool announced = loaded.editor->store().wait_for_change(std::chrono::milliseconds(250));
            if (stop.stop_requested()) break;
            if (!announced && std::chrono::steady_clock::now() < next_check) continue;
            next_check = std::chrono::steady_clock::now() + config.reload_interval;
            try {
                if (loaded.editor->reload_if_changed()) std::fprintf(stderr, "ido-vinder: the store changed, index rebuilt\n");
                *last_confirmed = seconds_since_epoch();  // the snapshot is known to match the store now
                keep_quarter();
                failing = false;
            } catch (const std::exception& e) {
                // Once per outage, not every interval: the reads go on from the current snapshot.
                if (!failing) std::fprintf(stderr, "ido-vinder: reload failed, keeping the current data: %s\n", e.what());
                failing = true;
            }
        }
    });

    // Closed reports are kept 12 months (store/meldingen.hpp): deleted at start and then every hour.
    std::jthread report_retention([&](std::stop_token stop) {
        ido::store::purge_meldingen_periodically(loaded.editor->store(), stop, std::chrono::hours(1));
    });

    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    report_retention.request_stop();
    report_retention.join();
    reloader.request_stop();
    reloader.join();
    std::fprintf(stderr, "ido-vinder: signal %d, shutting down\n", signal_number);
    // Bounded shutdown: if Pistache does not finish within 10 s, leave anyway.
    std::thread([] {
        std::this_thread::sleep_for(std::chrono::seconds(10));
        std::fprintf(stderr, "ido-vinder: shutdown took too long, exiting\n");
        std::_Exit(1);
    }).detach();
    server.stop();
    if (metrics) metrics->stop();
    std::fprintf(stderr, "ido-vinder: stopped\n");
    return 0;
}

}  // namespace ido::cli
