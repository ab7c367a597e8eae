// ido-vinder: the command-line entry point. `ido-vinder serve` runs the REST service.
#include "geo/locator.hpp"
#include "service/api.hpp"
#include "service/config.hpp"
#include "service/http_server.hpp"
#include "service/import_command.hpp"
#include "service/location_editor.hpp"
#include "service/token_command.hpp"
#include "store/store.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <chrono>
#include <stop_token>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace {

constexpr const char* usage =
    "usage: ido-vinder <command> [options]\n"
    "\n"
    "commands:\n"
    "  serve [options]   run the REST service (ido-vinder serve --help for the options)\n"
    "  token ...         create, list and revoke write tokens (ido-vinder token --help)\n"
    "  import FILE       import help points from CSV or GeoJSON (ido-vinder import --help)\n"
    "  export ...        export help points as CSV or GeoJSON (ido-vinder export --help)\n"
    "  version           print the version\n";

std::vector<std::pair<std::string, std::string>> environment() {
    std::vector<std::pair<std::string, std::string>> env;
    for (char** e = environ; e && *e; ++e) {
        std::string entry(*e);
        if (auto eq = entry.find('='); eq != std::string::npos && entry.starts_with("IDO_"))
            env.emplace_back(entry.substr(0, eq), entry.substr(eq + 1));
    }
    return env;
}

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

int serve(const std::vector<std::string>& args) {
    for (const auto& a : args)
        if (a == "--help" || a == "-h") {
            std::cout << ido::service::config_usage();
            return 0;
        }
    auto parsed = ido::service::parse_config(args, environment());
    if (auto* problems = std::get_if<std::vector<std::string>>(&parsed)) {
        for (const auto& p : *problems) std::fprintf(stderr, "ido-vinder: %s\n", p.c_str());
        std::fprintf(stderr, "%s", ido::service::config_usage().c_str());
        return 2;
    }
    const auto& config = std::get<ido::service::Config>(parsed);
    for (const auto& line : ido::service::describe(config)) std::fprintf(stderr, "ido-vinder: config %s\n", line.c_str());

    // Signals first, before any thread exists, so every thread inherits the mask: SIGPIPE ignored (a
    // client that hangs up mid-response must not kill the process), SIGINT/SIGTERM blocked and taken
    // by sigwait below.
    std::signal(SIGPIPE, SIG_IGN);
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    ido::service::StoreBackedLocator loaded;
    try {
        loaded = ido::service::open_store_backed_locator(open_store_waiting(config.db), config.data_dir);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ido-vinder: cannot load the data: %s\n", e.what());
        return 1;
    }
    if (loaded.seeded > 0) std::fprintf(stderr, "ido-vinder: new database, filled with %zu seed records\n", loaded.seeded);
    auto locator = loaded.locator;
    const auto snapshot = locator->snapshot();
    auto widget = ido::service::StaticFiles::load(config.widget_dir);
    std::fprintf(stderr, "ido-vinder: loaded %zu informatiepunten, %zu gemeenten, %zu widget files\n",
                 snapshot->locations().size(), snapshot->municipalities().all().size(), widget.size());
    if (config.check_only) {
        std::fprintf(stderr, "ido-vinder: check ok\n");
        return 0;
    }

    auto api = std::make_shared<const ido::service::Api>(locator, std::move(widget), loaded.editor);
    ido::service::HttpServer server(config, api);
    try {
        server.start();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ido-vinder: cannot listen on %s:%u: %s\n", config.address.c_str(), config.port, e.what());
        return 1;
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
                failing = false;
            } catch (const std::exception& e) {
                // Once per outage, not every interval: the reads go on from the current snapshot.
                if (!failing) std::fprintf(stderr, "ido-vinder: reload failed, keeping the current data: %s\n", e.what());
                failing = true;
            }
        }
    });

    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
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
    std::fprintf(stderr, "ido-vinder: stopped\n");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << usage;
        return args.empty() ? 2 : 0;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    if (command == "serve") return serve(args);
    if (command == "token") return ido::service::token_command(args, environment());
    if (command == "import") return ido::service::import_command(args, environment());
    if (command == "export") return ido::service::export_command(args, environment());
    if (command == "version" || command == "--version") {
        std::cout << "ido-vinder " << ido::service::Api::version << "\n";
        return 0;
    }
    std::fprintf(stderr, "ido-vinder: unknown command '%s'\n%s", command.c_str(), usage);
    return 2;
}
