#include "cli/import.hpp"

#include "cli/options.hpp"
#include "geo/municipality_index.hpp"
#include "service/http/config.hpp"
#include "exchange/full_list.hpp"
#include "exchange/import.hpp"
#include "exchange/plan.hpp"
#include "record/codes.hpp"
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
        "       ido-vinder import FILE --volledige-lijst [--gemeente GM0344 ...] [--dry-run] [--db PAD] [--data-dir MAP]\n"
        "\n"
        "Checks every row of the file and lists every problem (row, column, what is wrong). Only when there is\n"
        "none, and without --dry-run, stores all rows in one transaction: all or nothing. Rows are matched by id;\n"
        "unchanged rows are left alone. --db defaults to IDO_DB or ./") + service::default_database + ", --data-dir to\n"
        "IDO_DATA_DIR or ./data (for gemeenten.geojson). A running `ido-vinder serve` picks the import up by\n"
        "itself: within a second on PostgreSQL, within its --reload-interval-s on SQLite. The columns are\n"
        "described in docs/import-export.md.\n"
        "\n"
        "--volledige-lijst: the file is the complete list of the municipalities its rows lie in (or of those named\n"
        "with --gemeente, repeatable; then a row elsewhere is a problem). Records of those municipalities that the\n"
        "file lacks are removed (soft: their history stays), in the same transaction. The report names every record\n"
        "added, changed and removed. A record changed in the store since the file was exported is a CONFLICT:\n"
        "nothing is stored. To resolve one, export again (`ido-vinder export`), make your changes in that file and\n"
        "import it. The check needs the export's columns versie and geexporteerd; the report says when a file\n"
        "lacks them (older exports), and then changes since the export cannot be seen.\n"
        "Exit code: 0 imported (or --dry-run without problems), 1 problems or conflicts (nothing stored), 2 usage.\n";
    return text;
}

void print_problem(const ImportProblem& p, ImportFormat format) {
    std::string where;
    if (p.row > 0) where = (format == ImportFormat::csv ? "rij " : "feature ") + std::to_string(p.row);
    if (!p.field.empty()) where += (where.empty() ? "" : ", ") + std::string(format == ImportFormat::csv ? "kolom " : "veld ") + p.field;
    if (where.empty()) where = "bestand";
    std::printf("%s: %s (%s)\n", where.c_str(), p.message.c_str(), p.code.c_str());
}

void print_entries(const char* title, const char* mark, const std::vector<exchange::ListEntry>& entries) {
    std::printf("%s: %zu\n", title, entries.size());
    for (const auto& e : entries) std::printf("  %s %s  %s\n", mark, e.id.c_str(), e.naam.c_str());
}

// The full-list import: plan against the store, report every record, write in one transaction.
int import_full_list(const std::filesystem::path& file, exchange::ImportReport& report, store::Store* store,
                     const std::vector<store::StoredLocation>& current, const std::vector<std::string>& gemeenten, bool dry_run) {
    exchange::FullListPlan plan;
    if (report.ok()) {
        plan = exchange::plan_full_list(report, current, gemeenten,
                                        [&](std::string_view id) { return store ? store->history(id) : std::vector<store::AuditEntry>{}; });
        report.problems.insert(report.problems.end(), plan.problems.begin(), plan.problems.end());
    }
    for (const auto& p : report.problems) print_problem(p, report.format);
    if (!report.ok()) {
        std::printf("%zu problem%s in %s; nothing imported.\n", report.problems.size(), report.problems.size() == 1 ? "" : "s",
                    file.filename().c_str());
        return 1;
    }
    std::string scope;
    for (const auto& code : plan.gemeenten) scope += (scope.empty() ? "" : ", ") + code;
    std::printf("%s: complete list of %s (%zu rows)%s\n", file.filename().c_str(), scope.empty() ? "no municipality" : scope.c_str(),
                report.rows, dry_run ? ", dry run" : "");
    print_entries("added", "+", plan.toegevoegd);
    print_entries("changed", "~", plan.gewijzigd);
    print_entries("removed", "-", plan.verwijderd);
    std::printf("unchanged: %zu\n", plan.ongewijzigd);
    if (plan.zonder_versie > 0)
        std::printf("note: %zu row%s without versie: changes in the store since the export cannot be seen there\n", plan.zonder_versie,
                    plan.zonder_versie == 1 ? "" : "s");
    if (plan.zonder_exportmoment)
        std::printf("note: the file has no geexporteerd: removals are not checked for changes since the export\n");
    auto print_conflicts = [&](const std::vector<exchange::ListConflict>& conflicts) {
        std::printf("CONFLICTS: %zu\n", conflicts.size());
        for (const auto& c : conflicts) std::printf("  ! %s  %s: %s\n", c.id.c_str(), c.naam.c_str(), c.reden.c_str());
        std::printf("Nothing imported. Export again, make your changes in the new file and import that.\n");
        return 1;
    };
    if (!plan.conflicten.empty()) return print_conflicts(plan.conflicten);
    if (dry_run) {
        std::printf("Dry run: nothing stored.\n");
        return 0;
    }
    const auto result = store->replace_list(plan.writes, plan.removals, store::Author{0, "import " + file.filename().string()}, "geimporteerd");
    if (!result.conflicts.empty()) {
        // Someone wrote between the plan and the transaction.
        std::vector<exchange::ListConflict> moved;
        for (const auto& id : result.conflicts) moved.push_back({id, "", "Gewijzigd terwijl de import liep."});
        return print_conflicts(moved);
    }
    std::printf("Stored in one transaction: %zu written, %zu removed.\n", result.changed, result.removed);
    if (result.changed + result.removed > 0)
        std::fprintf(stderr, "ido-vinder import: a running `ido-vinder serve` picks this up by itself (within its reload interval)\n");
    return 0;
}

}  // namespace

int import_command(const std::vector<std::string>& args, const Environment& environment) {
    if (wants_help(args)) {
        std::fputs(import_usage().c_str(), stdout);
        return 0;
    }
    CLI::App app("import help points from CSV or GeoJSON", "ido-vinder import");
    std::vector<std::string> files;
    bool dry_run = false, full_list = false;
    std::vector<std::string> gemeenten;
    std::string db_flag, data_dir_flag;
    app.add_option("file", files);
    app.add_flag("--dry-run", dry_run);
    app.add_flag("--volledige-lijst", full_list);
    app.add_option("--gemeente", gemeenten);
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
    if (!gemeenten.empty() && !full_list) return usage_error("--gemeente belongs to --volledige-lijst");
    for (const auto& code : gemeenten)
        if (!record::is_gemeentecode(code)) return usage_error("--gemeente takes a code like GM0344: " + code);
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
        if (full_list) {
            for (const auto& code : gemeenten)
                if (!municipalities->find(code)) return usage_error("unknown municipality " + code + " (not in gemeenten.geojson)");
            return import_full_list(file, report, store.get(), current, gemeenten, dry_run);
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
