#pragma once
// `ido-vinder serve`: its options (environment IDO_*, then flags) and the running service.
#include "cli/options.hpp"
#include "service/http/config.hpp"

#include <string>
#include <variant>
#include <vector>

namespace ido::cli {

/// Parses `serve` options. Returns the config, or the list of problems (all of them, not the first).
std::variant<service::Config, std::vector<std::string>> parse_config(const std::vector<std::string>& args, const Environment& environment);

/// The help text for `ido-vinder serve --help`.
std::string config_usage();

/// One line per effective setting, for the start-up log.
std::vector<std::string> describe(const service::Config& config);

/// `ido-vinder serve [options]`: loads the data, serves until SIGINT/SIGTERM. Returns the exit code.
int serve_command(const std::vector<std::string>& args, const Environment& environment);

}  // namespace ido::cli
