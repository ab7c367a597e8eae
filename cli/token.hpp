#pragma once
#include "cli/options.hpp"

#include <string>
#include <vector>

namespace ido::cli {

/// `ido-vinder token create|list|revoke ...`: manages write tokens in the database. The secret of a new
/// token is printed once and never stored. Returns the process exit code.
int token_command(const std::vector<std::string>& args, const Environment& environment);

}  // namespace ido::cli
