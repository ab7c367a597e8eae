#pragma once
// `ido-vinder export`: the help points in the database to a CSV or GeoJSON file.
#include "cli/options.hpp"

#include <string>
#include <vector>

namespace ido::cli {

/// `ido-vinder export --formaat csv|geojson [--gemeente GM0363] [--db PATH] [-o FILE]`. Exit code 0, 1 when
/// the database or the output cannot be opened, 2 usage.
int export_command(const std::vector<std::string>& args, const Environment& environment);

}  // namespace ido::cli
