#include "cli/export.hpp"

#include "cli/options.hpp"
#include "service/http/config.hpp"
#include "exchange/csv_export.hpp"
#include "exchange/geojson_export.hpp"
#include "exchange/in_municipality.hpp"
#include "geo/utc_time.hpp"
#include "record/codes.hpp"
#include "store/store.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace ido::cli {
namespace {

// Writing help point files is the exchange layer's job (exchange/); this file only
// turns a command line into those calls.
using exchange::export_csv;
using exchange::export_geojson;
using exchange::in_municipality;

constexpr const char* export_usage =
    "usage: ido-vinder export --formaat csv|geojson [--gemeente GM0363] [--db PAD] [-o BESTAND]\n"
    "\n"
    "Writes all current help points (or those of one municipality) to BESTAND, or to standard output.\n"
    "The CSV has the columns of docs/import-export.md; the GeoJSON the shape of data/informatiepunten.geojson.\n"
    "An export imported again changes nothing.\n";

}  // namespace

int export_command(const std::vector<std::string>& args, const Environment& environment) {
    if (wants_help(args)) {
        std::fputs(export_usage, stdout);
        return 0;
    }
    CLI::App app("export help points as CSV or GeoJSON", "ido-vinder export");
    std::string formaat, gemeente_flag, db_flag, out_flag;
    app.add_option("--formaat", formaat);
    const auto* gemeente = app.add_option("--gemeente", gemeente_flag);
    const auto* db_option = app.add_option("--db", db_flag);
    const auto* out = app.add_option("-o", out_flag);
    const auto leftovers = parse(app, args);
    auto usage_error = [](const std::string& message) {
        std::fprintf(stderr, "ido-vinder export: %s\n%s", message.c_str(), export_usage);
        return 2;
    };
    if (!leftovers.error.empty()) return usage_error(leftovers.error);
    if (!leftovers.unknown.empty()) {
        const std::string& first = leftovers.unknown.front();
        return usage_error(first.starts_with("-") && first != "-" ? "unknown option " + first : "unexpected argument");
    }
    if (formaat != "csv" && formaat != "geojson") return usage_error("--formaat must be csv or geojson");
    if (gemeente->count() > 0 && !record::is_gemeentecode(gemeente_flag))
        return usage_error("--gemeente takes a code like GM0363");
    const std::string db = setting(*db_option, db_flag, environment, "IDO_DB", service::default_database);
    try {
        if (!store::is_postgres_uri(db) && !std::filesystem::exists(db)) throw std::runtime_error("no database at " + db);
        // The export's moment (exchange/export_marks.hpp), taken before the read: a change committed
        // in between then counts as after the export, which errs on the side of a conflict.
        const std::string moment = geo::utc_now_rfc3339();
        auto locations = store::open_store(db)->locations();
        if (gemeente->count() > 0) locations = in_municipality(locations, gemeente_flag);
        const std::string text = formaat == "csv" ? export_csv(locations, moment) : export_geojson(locations, moment);
        if (out->count() > 0 && out_flag != "-") {
            // Written beside the target and renamed, so a reader never sees half a file.
            const std::filesystem::path target = out_flag;
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
