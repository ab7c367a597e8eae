#include "cli/import.hpp"

#include "geo/municipality_index.hpp"
#include "service/import_export.hpp"
#include "store/store.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <regex>

namespace ido::cli {
namespace {

// Reading, checking, planning and writing help point files is the exchange layer's job
// (service/import_export.hpp); this file only turns a command line into those calls.
using service::export_csv;
using service::export_geojson;
using service::import_format_for;
using service::ImportFormat;
using service::ImportPlan;
using service::ImportProblem;
using service::in_municipality;
using service::plan_import;
using service::validate_import;

constexpr const char* import_usage =
    "usage: ido-vinder import FILE.csv|FILE.geojson [--dry-run] [--db PAD] [--data-dir MAP]\n"
    "\n"
    "Checks every row of the file and lists every problem (row, column, what is wrong). Only when there is\n"
    "none, and without --dry-run, stores all rows in one transaction: all or nothing. Rows are matched by id;\n"
    "unchanged rows are left alone. --db defaults to IDO_DB or ./var/ido-vinder.db, --data-dir to\n"
    "IDO_DATA_DIR or ./data (for gemeenten.geojson). A running `ido-vinder serve` picks the import up by\n"
    "itself: within a second on PostgreSQL, within its --reload-interval-s on SQLite. The columns are\n"
    "described in docs/import-export.md.\n"
    "Exit code: 0 imported (or --dry-run without problems), 1 problems (nothing stored), 2 usage.\n";

constexpr const char* export_usage =
    "usage: ido-vinder export --formaat csv|geojson [--gemeente GM0363] [--db PAD] [-o BESTAND]\n"
    "\n"
    "Writes all current help points (or those of one municipality) to BESTAND, or to standard output.\n"
    "The CSV has the columns of docs/import-export.md; the GeoJSON the shape of data/informatiepunten.geojson.\n"
    "An export imported again changes nothing.\n";

struct Options {
    std::map<std::string, std::string> values;
    std::vector<std::string> positional;
    bool dry_run = false;
    std::string error;
};

Options parse(const std::vector<std::string>& args, const std::vector<std::string>& with_value) {
    Options o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--dry-run") {
            o.dry_run = true;
        } else if (std::find(with_value.begin(), with_value.end(), a) != with_value.end()) {
            if (i + 1 >= args.size()) {
                o.error = a + " needs a value";
                return o;
            }
            o.values[a] = args[++i];
        } else if (a.starts_with("-") && a != "-") {
            o.error = "unknown option " + a;
            return o;
        } else {
            o.positional.push_back(a);
        }
    }
    return o;
}

std::string setting(const Options& o, const std::string& flag, const std::vector<std::pair<std::string, std::string>>& environment,
                    const std::string& variable, std::string fallback) {
    for (const auto& [name, value] : environment)
        if (name == variable && !value.empty()) fallback = value;
    if (auto it = o.values.find(flag); it != o.values.end()) return it->second;
    return fallback;
}

bool wants_help(const std::vector<std::string>& args) {
    return std::find(args.begin(), args.end(), "--help") != args.end() || std::find(args.begin(), args.end(), "-h") != args.end();
}

void print_problem(const ImportProblem& p, ImportFormat format) {
    std::string where;
    if (p.row > 0) where = (format == ImportFormat::csv ? "rij " : "feature ") + std::to_string(p.row);
    if (!p.field.empty()) where += (where.empty() ? "" : ", ") + std::string(format == ImportFormat::csv ? "kolom " : "veld ") + p.field;
    if (where.empty()) where = "bestand";
    std::printf("%s: %s (%s)\n", where.c_str(), p.message.c_str(), p.code.c_str());
}

}  // namespace

int import_command(const std::vector<std::string>& args, const std::vector<std::pair<std::string, std::string>>& environment) {
    if (wants_help(args)) {
        std::fputs(import_usage, stdout);
        return 0;
    }
    const Options o = parse(args, {"--db", "--data-dir"});
    auto usage_error = [](const std::string& message) {
        std::fprintf(stderr, "ido-vinder import: %s\n%s", message.c_str(), import_usage);
        return 2;
    };
    if (!o.error.empty()) return usage_error(o.error);
    if (o.positional.size() != 1) return usage_error("give one file to import");
    const std::filesystem::path file = o.positional[0];
    const auto format = import_format_for(file);
    if (!format) return usage_error("the file name must end in .csv or .geojson: " + file.string());
    if (!std::filesystem::is_regular_file(file)) return usage_error("no such file: " + file.string());
    const std::string db = setting(o, "--db", environment, "IDO_DB", "var/ido-vinder.db");
    const std::filesystem::path data_dir = setting(o, "--data-dir", environment, "IDO_DATA_DIR", "data");

    const auto started = std::chrono::steady_clock::now();
    try {
        const auto municipalities = geo::MunicipalityIndex::load(data_dir / "gemeenten.geojson");
        auto report = validate_import(file, *municipalities, [](std::size_t done, std::size_t total) {
            if (total >= 500) std::fprintf(stderr, "ido-vinder import: %zu of %zu rows checked\n", done, total);
        });

        // The records as stored now. A dry run does not create a database that is not there.
        std::unique_ptr<store::Store> store;
        std::vector<store::StoredLocation> current;
        if (!o.dry_run || store::is_postgres_uri(db) || std::filesystem::exists(db)) {
            store = store::open_store(db);
            current = store->locations();
        }
        ImportPlan plan;
        if (report.ok()) {
            plan = plan_import(report, current);
            report.problems.insert(report.problems.end(), plan.problems.begin(), plan.problems.end());
        }
        for (const auto& p : report.problems) print_problem(p, report.format);
        if (!report.ok()) {
            std::printf("%zu problem%s in %s; nothing imported.\n", report.problems.size(), report.problems.size() == 1 ? "" : "s",
                        file.filename().c_str());
            return 1;
        }
        if (o.dry_run) {
            std::printf("%s: %zu rows, no problems. Dry run: would add %zu, change %zu, leave %zu unchanged.\n",
                        file.filename().c_str(), report.rows, plan.nieuw, plan.gewijzigd, plan.ongewijzigd);
            return 0;
        }
        std::fprintf(stderr, "ido-vinder import: storing %zu records in one transaction\n", plan.writes.size());
        const auto changed = store->upsert_all(plan.writes, store::Author{0, "import " + file.filename().string()}, "geimporteerd");
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
        std::printf("%s: %zu row%s imported: %zu new, %zu changed, %zu unchanged (%lld ms).\n", file.filename().c_str(), report.rows,
                    report.rows == 1 ? "" : "s",
                    plan.nieuw, plan.gewijzigd, plan.ongewijzigd, static_cast<long long>(ms));
        if (changed != plan.writes.size())
            std::fprintf(stderr, "ido-vinder import: note: the store changed %zu records, the plan %zu (a concurrent write?)\n", changed,
                         plan.writes.size());
        if (changed > 0) std::fprintf(stderr, "ido-vinder import: a running `ido-vinder serve` picks this up by itself (within its reload interval)\n");
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ido-vinder import: %s; nothing imported\n", e.what());
        return 1;
    }
}

int export_command(const std::vector<std::string>& args, const std::vector<std::pair<std::string, std::string>>& environment) {
    if (wants_help(args)) {
        std::fputs(export_usage, stdout);
        return 0;
    }
    const Options o = parse(args, {"--formaat", "--gemeente", "--db", "-o"});
    auto usage_error = [](const std::string& message) {
        std::fprintf(stderr, "ido-vinder export: %s\n%s", message.c_str(), export_usage);
        return 2;
    };
    if (!o.error.empty()) return usage_error(o.error);
    if (o.dry_run || !o.positional.empty()) return usage_error("unexpected argument");
    const auto formaat = o.values.find("--formaat");
    if (formaat == o.values.end() || (formaat->second != "csv" && formaat->second != "geojson"))
        return usage_error("--formaat must be csv or geojson");
    const auto gemeente = o.values.find("--gemeente");
    if (gemeente != o.values.end() && !std::regex_match(gemeente->second, std::regex("GM[0-9]{4}")))
        return usage_error("--gemeente takes a code like GM0363");
    const std::string db = setting(o, "--db", environment, "IDO_DB", "var/ido-vinder.db");
    try {
        if (!store::is_postgres_uri(db) && !std::filesystem::exists(db)) throw std::runtime_error("no database at " + db);
        auto locations = store::open_store(db)->locations();
        if (gemeente != o.values.end()) locations = in_municipality(locations, gemeente->second);
        const std::string text = formaat->second == "csv" ? export_csv(locations) : export_geojson(locations);
        if (auto out = o.values.find("-o"); out != o.values.end() && out->second != "-") {
            // Written beside the target and renamed, so a reader never sees half a file.
            const std::filesystem::path target = out->second;
            const std::filesystem::path partial = target.string() + ".part";
            {
                std::ofstream file(partial, std::ios::binary | std::ios::trunc);
                if (!file || !file.write(text.data(), static_cast<std::streamsize>(text.size())) || !file.flush())
                    throw std::runtime_error("cannot write " + partial.string());
            }
            std::filesystem::rename(partial, target);
        } else {
            std::fwrite(text.data(), 1, text.size(), stdout);
            std::fflush(stdout);
        }
        std::fprintf(stderr, "ido-vinder export: %zu help points\n", locations.size());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ido-vinder export: %s\n", e.what());
        return 1;
    }
}

}  // namespace ido::cli
