#pragma once
// The one option parser of every command (serve, token, import, export): CLI11.
//
// Why CLI11 (Debian's libcli11-dev) and not cxxopts: it parses `--name value` and `--name=value`,
// short options (`-o`), flags and positionals in one pass, takes the last of a repeated option by a
// per-parser policy, and with allow_extras() hands back the unknown arguments instead of throwing on
// the first, so a command can list every problem of a command line at once. Each command keeps its
// own environment fallback (IDO_*, flags win), because the environment is passed in (tests give their
// own) rather than read by the parser from the process.
#include <CLI/CLI.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ido::cli {

/// The IDO_* environment variables, name and value, as main found them (tests pass their own).
using Environment = std::vector<std::pair<std::string, std::string>>;

/// Whether --help or -h is anywhere on the command line: the help wins over every other problem.
bool wants_help(const std::vector<std::string>& args);

/// What a command line left after parsing: the arguments no option took (unknown options, and
/// positionals a parser has no place for), and a parse error (a value missing) when there was one.
struct Leftovers {
    std::vector<std::string> unknown;
    std::string error;
};

/// Parses `args` (without the command name) into the options declared on `app`. Never throws: a
/// parse error is returned in `error`. The parser gets no help flag (see wants_help), keeps unknown
/// arguments, and lets a repeated option's last value win.
Leftovers parse(CLI::App& app, const std::vector<std::string>& args);

/// The value of a setting: the flag's value when it was given, else the environment variable when it
/// is set and not empty, else `fallback`.
std::string setting(const CLI::Option& flag, const std::string& value, const Environment& environment, std::string_view variable,
                    std::string fallback);

}  // namespace ido::cli
