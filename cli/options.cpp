#include "cli/options.hpp"

#include <algorithm>

namespace ido::cli {

bool wants_help(const std::vector<std::string>& args) {
    return std::find(args.begin(), args.end(), "--help") != args.end() || std::find(args.begin(), args.end(), "-h") != args.end();
}

Leftovers parse(CLI::App& app, const std::vector<std::string>& args) {
    app.set_help_flag();
    app.allow_extras();
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    for (auto* option : app.get_options()) option->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    Leftovers leftovers;
    // CLI11 takes the arguments last first.
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        leftovers.error = e.what();
        return leftovers;
    }
    leftovers.unknown = app.remaining();
    return leftovers;
}

std::string setting(const CLI::Option& flag, const std::string& value, const Environment& environment, std::string_view variable,
                    std::string fallback) {
    if (flag.count() > 0) return value;
    for (const auto& [name, text] : environment)
        if (name == variable && !text.empty()) fallback = text;
    return fallback;
}

}  // namespace ido::cli
