#pragma once
// `ido-vinder import`: help points from a CSV or GeoJSON file into the database.
#include "cli/options.hpp"

#include <string>
#include <vector>

namespace ido::cli {

/// `ido-vinder import FILE.csv|FILE.geojson [--dry-run] [--db PATH] [--data-dir DIR]`. Validates every row,
/// prints every problem, and only when there is none (and not --dry-run) stores all records in one
/// transaction. Exit code 0 imported (or dry run clean), 1 problems or nothing imported, 2 usage.
int import_command(const std::vector<std::string>& args, const Environment& environment);

}  // namespace ido::cli
