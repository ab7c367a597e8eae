#include "cli/import.hpp"

#include "cli/options.hpp"
#include "geo/municipality_index.hpp"
#include "service/http/config.hpp"
#include "exchange/import.hpp"
#include "exchange/plan.hpp"
#include "store/store.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace ido::cli {
namespace {

// Reading, checking, planning and writing help point files is the exchange layer's job
// (exchange/); this file only turns a command line into those calls.
using exchange::import_format_for;
using exchange::ImportFormat;
using exchange::ImportPlan;
using exchange::ImportProblem;
using exchange::plan_import;
using exchange::validate_import;

const std::string& import_usage() {
    // std::string first: a literal in front of a temporary string trips GCC 12's -Wrestrict (bug 105329).
    static const std::string text =
        std::string(
        "usage: ido-vinder import FILE.csv|FILE.geojson [--dry-run] [--db PAD] [--data-dir MAP]\n"
        "\n"
        "Checks every row of the file and lists every problem (row, column, what is wrong). Only when there is\n"
        "none, and without --dry-run, stores all rows in one transaction: all or nothing. Rows are matched by id;\n"
        "unchanged rows are left alone. --db defaults to IDO_DB or ./") + service::default_database + ", --data-dir to\n"
        "IDO_DATA_DIR or ./data (for gemeenten.geojson). A running `ido-vinder serve` picks the import up by\n"
        "itself: within a second on PostgreSQL, within its --reload-interval-s on SQLite. The columns are\n"
        "described in docs/import-export.md.\n"
        "Exit code: 0 imported (or --dry-run without problems), 1 problems (nothing stored), 2 usage.\n";
    return text;
}

void print_problem(const ImportProblem& p, ImportFormat format) {
    std::string where;
    if (p.row > 0) where = (format == ImportFormat::csv ? "rij " : "feature ") + std::to_string(p.row);
    if (!p.field.empty()) where += (where.empty() ? "" : ", ") + std::string(format == ImportFormat::csv ? "kolom " : "veld ") + p.field;
    if (where.empty()) where = "bestand";
    std::printf("%s: %s (%s)\n", where.c_str(), p.message.c_str(), p.code.c_str());
}

}  // namespace

int import_command(const std::vector<std::string>& args, const Environment& environment) {
    if (wants_help(args)) {
        std::fputs(import_usage().c_str(), stdout);
        return 0;
    }
    CLI::App app("import help points from CSV or GeoJSON", "ido-vinder import");
    std::vector<std::string> files;
    bool dry_run = false;
    std::string db_flag, data_dir_flag;
    app.add_option("file", files);
    app.add_flag("--dry-run", dry_run);
    const auto* db_option = app.add_option("--db", db_flag);
    const auto* data_dir_option = app.add_option("--data-dir", data_dir_flag);
    const auto leftovers = parse(app, args);
    auto usage_error = [](const std::string& message) {
        std::fprintf(stderr, "ido-vinder import: %s\n%s", message.c_str(), import_usage().c_str());
        return 2;
    };
    if (!leftovers.error.empty()) return usage_error(leftovers.error);
    if (!leftovers.unknown.empty()) return usage_error("unknown option " + leftovers.unknown.front());
    if (files.size() != 1) return usage_error("give one file to import");
    const std::filesystem::path file = files[0];
    const auto format = import_format_for(file);
    if (!format) return usage_error("the file name must end in .csv or .geojson: " + file.string());
    if (!std::filesystem::is_regular_file(file)) return usage_error("no such file: " + file.string());
    const std::string db = setting(*db_option, db_flag, environment, "IDO_DB", service::default_database);
    const std::filesystem::path data_dir = setting(*data_dir_option, data_dir_flag, environment, "IDO_DATA_DIR", "data");

    const auto started = std::chrono::steady_clock::now();
    try {
        const auto municipalities = geo::MunicipalityIndex::load(data_dir / "gemeenten.geojson");
        auto report = validate_import(file, *municipalities, [](std::size_t done, std::size_t total) {
            if (total >= 500) std::fprintf(stderr, "ido-vinder import: %zu of %zu rows checked\n", done, total);
        });

        // The records as stored now. A dry run does not create a database that is not there.
        std::unique_ptr<store::Store> store;
        std::vector<store::StoredLocation> current;
        if (!dry_run || store::is_postgres_uri(db) || std::filesystem::exists(db)) {
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
        if (dry_run) {
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

}  // namespace ido::cli
