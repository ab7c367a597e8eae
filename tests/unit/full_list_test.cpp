// The full-list import (`import --volledige-lijst`): what a municipality's complete list adds, changes
// and removes, conflicts with changes made since the export, and a round trip that changes nothing, on
// a real SQLite database file through the command itself.
#include "cli/export.hpp"
#include "cli/import.hpp"
#include "exchange/csv_export.hpp"
#include "exchange/full_list.hpp"
#include "exchange/geojson_export.hpp"
#include "exchange/import.hpp"
#include "exchange/in_municipality.hpp"
#include "geo/dataset.hpp"
#include "geo/municipality_index.hpp"
#include "store/store.hpp"
#include "text/csv.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using ido::exchange::ImportFormat;

const fs::path source_dir = IDO_SOURCE_DIR;
// An export moment after every change the tests make before it (the audit log counts in whole seconds,
// so "now" could be the very second of the seed load, which counts as a change after the export).
constexpr const char* after_everything = "2999-01-01T00:00:00Z";

const ido::geo::MunicipalityIndex& municipalities() {
    static auto index = ido::geo::MunicipalityIndex::load(source_dir / "data/gemeenten.geojson");
    return *index;
}

// A temporary directory with a database file holding the seed set.
class SeededStore {
public:
    SeededStore() {
        char pattern[] = "/tmp/ido-full-list-test-XXXXXX";
        if (mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
        dir_ = pattern;
        store_ = ido::store::open_sqlite(db());
        std::vector<ido::store::StoredLocation> seed;
        for (auto& f : ido::geo::read_features(source_dir / "data/informatiepunten.geojson"))
            seed.push_back({f.id, 1, std::move(f.properties_json), f.position});
        store_->upsert_all(seed, ido::store::Author{0, "seed"}, "geimporteerd");
    }
    ~SeededStore() {
        store_.reset();
        fs::remove_all(dir_);
    }
    fs::path db() const { return dir_ / "ido-vinder.db"; }
    fs::path path(const std::string& name) const { return dir_ / name; }
    fs::path file(const std::string& name, const std::string& content) const {
        std::ofstream out(dir_ / name, std::ios::binary);
        out << content;
        return dir_ / name;
    }
    ido::store::Store& store() { return *store_; }
    std::size_t audit_entries() {
        std::size_t n = 0;
        for (const auto& l : store_->locations()) n += store_->history(l.id).size();
        return n;
    }

private:
    fs::path dir_;
    std::unique_ptr<ido::store::Store> store_;
};

int run(int (*command)(const std::vector<std::string>&, const ido::cli::Environment&), std::vector<std::string> args, const fs::path& db) {
    args.insert(args.end(), {"--db", db.string()});
    return command(args, {});
}
int run_import(std::vector<std::string> args, const fs::path& db) {
    args.insert(args.end(), {"--data-dir", (source_dir / "data").string()});
    return run(ido::cli::import_command, std::move(args), db);
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A CSV text edited as a spreadsheet would: rows as cells, the header first.
using Rows = std::vector<std::vector<std::string>>;
std::string edit_csv(const std::string& csv, const std::function<void(Rows&)>& change) {
    Rows rows;
    for (auto& r : ido::text::parse_csv(csv, ido::text::CsvCells::restore_formulas).records) rows.push_back(r.cells);
    change(rows);
    ido::text::CsvWriter out;
    for (const auto& r : rows) out.row(r);
    return out.text();
}
std::size_t column(const Rows& rows, const std::string& name) {
    return static_cast<std::size_t>(std::find(rows[0].begin(), rows[0].end(), name) - rows[0].begin());
}
void drop_row(Rows& rows, const std::string& id) {
    std::erase_if(rows, [&](const auto& r) { return r[0] == id; });
}
std::vector<std::string>& row_of(Rows& rows, const std::string& id) {
    return *std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r[0] == id; });
}

std::vector<std::string> ids(const std::vector<ido::exchange::ListEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.id);
    return out;
}

ido::exchange::FullListPlan plan(SeededStore& s, const std::string& csv, const std::vector<std::string>& gemeenten = {}) {
    const auto report = ido::exchange::validate_import_text(csv, ImportFormat::csv, municipalities());
    EXPECT_TRUE(report.ok()) << (report.problems.empty() ? "" : report.problems[0].message);
    return ido::exchange::plan_full_list(report, s.store().locations(), gemeenten, [&](std::string_view id) { return s.store().history(id); });
}

std::string municipal_export(SeededStore& s, const std::string& code, const std::string& moment) {
    return ido::exchange::export_csv(ido::exchange::in_municipality(s.store().locations(), code), moment);
}

}  // namespace

TEST(FullList, RoundTripThroughTheCommandsChangesNothing) {
    SeededStore s;
    for (const std::string formaat : {"csv", "geojson"}) {
        const auto version = s.store().data_version();
        const auto entries = s.audit_entries();
        const fs::path all = s.path("alles." + formaat), one = s.path("gm0344." + formaat);
        ASSERT_EQ(run(ido::cli::export_command, {"--formaat", formaat, "-o", all.string()}, s.db()), 0);
        ASSERT_EQ(run(ido::cli::export_command, {"--formaat", formaat, "--gemeente", "GM0344", "-o", one.string()}, s.db()), 0);
        EXPECT_EQ(run_import({all.string(), "--volledige-lijst"}, s.db()), 0) << formaat;
        EXPECT_EQ(run_import({one.string(), "--volledige-lijst", "--gemeente", "GM0344"}, s.db()), 0) << formaat;
        EXPECT_EQ(s.store().data_version(), version) << formaat;
        EXPECT_EQ(s.audit_entries(), entries) << formaat;
    }
    EXPECT_EQ(s.store().locations().size(), 600u);
}

TEST(FullList, ExportCarriesVersionAndMoment) {
    SeededStore s;
    const auto csv = municipal_export(s, "GM0344", "2026-12-01T16:20:00Z");
    const auto report = ido::exchange::validate_import_text(csv, ImportFormat::csv, municipalities());
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report.geexporteerd, "2026-12-01T16:20:00Z");
    for (const auto& r : report.records) EXPECT_EQ(r.versie, 1);
    const auto geojson = ido::exchange::export_geojson(s.store().locations(), "2026-12-01T16:20:00Z");
    const auto g = ido::exchange::validate_import_text(geojson, ImportFormat::geojson, municipalities());
    ASSERT_TRUE(g.ok());
    EXPECT_EQ(g.geexporteerd, "2026-12-01T16:20:00Z");
    EXPECT_EQ(g.records.front().versie, 1);
    // The marks are checked, not taken on trust.
    const auto bad = edit_csv(csv, [](Rows& rows) {
        rows[1][column(rows, "versie")] = "twee";
        rows[2][column(rows, "geexporteerd")] = "gisteren";
    });
    const auto b = ido::exchange::validate_import_text(bad, ImportFormat::csv, municipalities());
    ASSERT_EQ(b.problems.size(), 2u);
    EXPECT_EQ(b.problems[0].field, "versie");
    EXPECT_EQ(b.problems[1].field, "geexporteerd");
}

TEST(FullList, NamesWhatItAddsChangesAndRemovesAndTheDryRunWritesNothing) {
    SeededStore s;
    const auto csv = edit_csv(municipal_export(s, "GM0344", after_everything), [](Rows& rows) {
        drop_row(rows, "GEN-GM0344-10");
        row_of(rows, "GEN-GM0344-01")[column(rows, "naam")] = "Bibliotheek Utrecht, nieuwe naam";
        auto added = row_of(rows, "GEN-GM0344-02");
        added[0] = "GM0344-EIGEN-1";
        added[column(rows, "versie")] = "";
        rows.push_back(added);
    });
    const auto p = plan(s, csv);
    EXPECT_TRUE(p.ok());
    EXPECT_EQ(p.gemeenten, std::set<std::string>{"GM0344"});
    EXPECT_EQ(ids(p.toegevoegd), std::vector<std::string>{"GM0344-EIGEN-1"});
    EXPECT_EQ(ids(p.gewijzigd), std::vector<std::string>{"GEN-GM0344-01"});
    EXPECT_EQ(ids(p.verwijderd), std::vector<std::string>{"GEN-GM0344-10"});
    EXPECT_EQ(p.gewijzigd[0].naam, "Bibliotheek Utrecht, nieuwe naam");
    EXPECT_EQ(p.ongewijzigd, 11u);
    EXPECT_EQ(p.zonder_versie, 1u);

    const auto file = s.file("gm0344.csv", csv);
    const auto version = s.store().data_version();
    EXPECT_EQ(run_import({file.string(), "--volledige-lijst", "--dry-run"}, s.db()), 0);
    EXPECT_EQ(s.store().data_version(), version);
    EXPECT_TRUE(s.store().location("GEN-GM0344-10"));

    EXPECT_EQ(run_import({file.string(), "--volledige-lijst"}, s.db()), 0);
    EXPECT_FALSE(s.store().location("GEN-GM0344-10"));
    const auto history = s.store().history("GEN-GM0344-10");
    ASSERT_FALSE(history.empty());
    EXPECT_EQ(history.back().actie, "verwijderd");
    EXPECT_EQ(history.back().token_label, "import gm0344.csv");
    EXPECT_TRUE(s.store().location("GM0344-EIGEN-1"));
    EXPECT_EQ(s.store().location("GEN-GM0344-01")->version, 2);
    EXPECT_EQ(s.store().locations().size(), 600u);  // one out, one in; other municipalities untouched
    // Done: the same file again changes nothing more.
    const auto after = s.store().data_version();
    EXPECT_EQ(run_import({file.string(), "--volledige-lijst"}, s.db()), 0);
    EXPECT_EQ(s.store().data_version(), after);
}

TEST(FullList, ChangesThroughTheApiSinceTheExportAreConflictsAndNothingIsStored) {
    SeededStore s;
    const fs::path exported = s.path("gm0344.csv");
    ASSERT_EQ(run(ido::cli::export_command, {"--formaat", "csv", "--gemeente", "GM0344", "-o", exported.string()}, s.db()), 0);
    // After the export, a library edits two records through the API and the municipality adds one.
    const ido::store::Author api{7, "bibliotheek Utrecht"};
    for (const std::string id : {"GEN-GM0344-01", "GEN-GM0344-02"}) {
        auto l = *s.store().location(id);
        const auto at = l.properties_json.find("\"naam\":\"") + 8;
        l.properties_json.insert(at, "Vernieuwd: ");
        ASSERT_EQ(s.store().update(id, l.version, l.properties_json, l.position, api).outcome, ido::store::WriteOutcome::ok);
    }
    auto extra = *s.store().location("GEN-GM0344-03");
    extra.id = "GM0344-API-1";
    const auto quote = extra.properties_json.find("GEN-GM0344-03");
    extra.properties_json.replace(quote, 13, "GM0344-API-1");
    ASSERT_EQ(s.store().create(extra, api).outcome, ido::store::WriteOutcome::ok);

    // The file, edited from the old export: 01 renamed (conflict), 02 dropped (conflict: it changed),
    // 03 renamed (fine), and GM0344-API-1 is not in it (conflict: it came after the export).
    const auto csv = edit_csv(read(exported), [](Rows& rows) {
        row_of(rows, "GEN-GM0344-01")[column(rows, "naam")] = "Mijn naam";
        row_of(rows, "GEN-GM0344-03")[column(rows, "naam")] = "Ook mijn naam";
        drop_row(rows, "GEN-GM0344-02");
    });
    const auto p = plan(s, csv);
    EXPECT_FALSE(p.ok());
    std::vector<std::string> conflicts;
    for (const auto& c : p.conflicten) conflicts.push_back(c.id);
    std::sort(conflicts.begin(), conflicts.end());
    EXPECT_EQ(conflicts, (std::vector<std::string>{"GEN-GM0344-01", "GEN-GM0344-02", "GM0344-API-1"}));
    EXPECT_TRUE(p.writes.empty());
    EXPECT_TRUE(p.removals.empty());

    const auto version = s.store().data_version();
    const auto file = s.file("bewerkt.csv", csv);
    EXPECT_EQ(run_import({file.string(), "--volledige-lijst"}, s.db()), 1);
    EXPECT_EQ(run_import({file.string(), "--volledige-lijst", "--dry-run"}, s.db()), 1);
    EXPECT_EQ(s.store().data_version(), version);
    EXPECT_TRUE(s.store().location("GEN-GM0344-02"));
    EXPECT_TRUE(s.store().location("GM0344-API-1"));
    EXPECT_EQ(s.store().location("GEN-GM0344-03")->version, 1);

    // The way out the usage text gives: export again, make the change there.
    ASSERT_EQ(run(ido::cli::export_command, {"--formaat", "csv", "--gemeente", "GM0344", "-o", exported.string()}, s.db()), 0);
    const auto again = s.file("opnieuw.csv", edit_csv(read(exported), [](Rows& rows) { row_of(rows, "GEN-GM0344-03")[column(rows, "naam")] = "Ook mijn naam"; }));
    EXPECT_EQ(run_import({again.string(), "--volledige-lijst"}, s.db()), 0);
    EXPECT_EQ(s.store().location("GEN-GM0344-03")->version, 2);
}

TEST(FullList, ARowOutsideTheNamedMunicipalityIsAProblem) {
    SeededStore s;
    const auto csv = edit_csv(municipal_export(s, "GM0344", after_everything), [&](Rows& rows) {
        const auto other = edit_csv(municipal_export(s, "GM0363", after_everything), [](Rows&) {});
        Rows amsterdam;
        for (auto& r : ido::text::parse_csv(other, ido::text::CsvCells::restore_formulas).records) amsterdam.push_back(r.cells);
        rows.push_back(amsterdam[1]);
    });
    const auto report = ido::exchange::validate_import_text(csv, ImportFormat::csv, municipalities());
    ASSERT_TRUE(report.ok());
    const auto p = ido::exchange::plan_full_list(report, s.store().locations(), {"GM0344"}, {});
    ASSERT_EQ(p.problems.size(), 1u);
    EXPECT_EQ(p.problems[0].code, ido::exchange::buiten_de_lijst);
    EXPECT_EQ(p.problems[0].field, "gemeentecode");
    EXPECT_TRUE(p.writes.empty());
    const auto version = s.store().data_version();
    EXPECT_EQ(run_import({s.file("twee.csv", csv).string(), "--volledige-lijst", "--gemeente", "GM0344"}, s.db()), 1);
    EXPECT_EQ(s.store().data_version(), version);
    // Without --gemeente the file covers both municipalities (and then lacks most of Amsterdam).
    const auto both = plan(s, csv);
    EXPECT_EQ(both.gemeenten, (std::set<std::string>{"GM0344", "GM0363"}));
    EXPECT_EQ(both.verwijderd.size(), ido::exchange::in_municipality(s.store().locations(), "GM0363").size() - 1);
    // Usage errors.
    EXPECT_EQ(run_import({s.file("x.csv", csv).string(), "--gemeente", "GM0344"}, s.db()), 2);
    EXPECT_EQ(run_import({s.file("x.csv", csv).string(), "--volledige-lijst", "--gemeente", "Utrecht"}, s.db()), 2);
    EXPECT_EQ(run_import({s.file("x.csv", csv).string(), "--volledige-lijst", "--gemeente", "GM9999"}, s.db()), 2);
}

TEST(FullList, AnOlderFileWithoutTheMarksStillImportsWithoutConflictChecks) {
    SeededStore s;
    const auto csv = edit_csv(municipal_export(s, "GM0344", after_everything), [](Rows& rows) {
        for (auto& r : rows) r.resize(r.size() - 2);  // versie and geexporteerd are the last two columns
        drop_row(rows, "GEN-GM0344-10");
    });
    const auto p = plan(s, csv);
    EXPECT_TRUE(p.ok());
    EXPECT_EQ(p.zonder_versie, 12u);
    EXPECT_TRUE(p.zonder_exportmoment);
    EXPECT_EQ(ids(p.verwijderd), std::vector<std::string>{"GEN-GM0344-10"});
}
