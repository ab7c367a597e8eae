#pragma once
// `ido-vinder import` and `ido-vinder export`: help points from and to CSV or GeoJSON files.
#include <string>
#include <utility>
#include <vector>

namespace ido::cli {

/// `ido-vinder import FILE.csv|FILE.geojson [--dry-run] [--db PATH] [--data-dir DIR]`. Validates every row,
/// prints every problem, and only when there is none (and not --dry-run) stores all records in one
/// transaction. Exit code 0 imported (or dry run clean), 1 problems or nothing imported, 2 usage.
int import_command(const std::vector<std::string>& args, const std::vector<std::pair<std::string, std::string>>& environment);

/// `ido-vinder export --formaat csv|geojson [--gemeente GM0363] [--db PATH] [-o FILE]`. Exit code 0, 1 when
/// the database or the output cannot be opened, 2 usage.
int export_command(const std::vector<std::string>& args, const std::vector<std::pair<std::string, std::string>>& environment);

}  // namespace ido::cli
