// ido-vinder: the command-line entry point. It only dispatches to the commands (cli/serve, token,
// import, export), each of which parses its own options with the one parser (cli/options.hpp).
#include "cli/export.hpp"
#include "cli/import.hpp"
#include "cli/options.hpp"
#include "cli/serve.hpp"
#include "cli/token.hpp"
#include "service/http/api.hpp"

#include <cstdio>
#include <iostream>
#include <string>
#include <utility>
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

// The IDO_* variables of the process, for the commands' environment fallback.
ido::cli::Environment environment() {
    ido::cli::Environment env;
    for (char** e = environ; e && *e; ++e) {
        std::string entry(*e);
        if (auto eq = entry.find('='); eq != std::string::npos && entry.starts_with("IDO_"))
            env.emplace_back(entry.substr(0, eq), entry.substr(eq + 1));
    }
    return env;
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
    if (command == "serve") return ido::cli::serve_command(args, environment());
    if (command == "token") return ido::cli::token_command(args, environment());
    if (command == "import") return ido::cli::import_command(args, environment());
    if (command == "export") return ido::cli::export_command(args, environment());
    if (command == "version" || command == "--version") {
        std::cout << "ido-vinder " << ido::service::Api::version << "\n";
        return 0;
    }
    std::fprintf(stderr, "ido-vinder: unknown command '%s'\n%s", command.c_str(), usage);
    return 2;
}
