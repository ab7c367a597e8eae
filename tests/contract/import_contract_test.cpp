// Contract test of `ido-vinder import` and `ido-vinder export`: the real binary against a temporary
// database, then the real server on that database, which serves what was imported.
#include "server_process.hpp"

#include "../support/json_access.hpp"  // before any RapidJSON header: its checked RAPIDJSON_ASSERT

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

// ServerProcess, the private servers and the shape-checked JSON readers (tests/support/json_access.hpp).
using namespace ido::test;

namespace {

namespace fs = std::filesystem;

struct Run {
    int exit_code = -1;
    std::string out;
};

// Runs the binary with `args` (already shell-quoted), stdout captured, stderr to the log.
Run cli(const std::string& args) {
    Run run;
    FILE* pipe = popen((std::string(IDO_BINARY) + " " + args + " 2>>import-contract-cli.log").c_str(), "r");
    if (!pipe) return run;
    char buffer[512];
    while (fgets(buffer, sizeof buffer, pipe)) run.out += buffer;
    const int status = pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

class ImportContract : public ::testing::Test {
protected:
    void SetUp() override {
        char pattern[] = "/tmp/ido-import-contract-XXXXXX";
        ASSERT_NE(mkdtemp(pattern), nullptr);
        dir_ = pattern;
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path write(const std::string& name, const std::string& content) {
        std::ofstream(dir_ / name, std::ios::binary) << content;
        return dir_ / name;
    }
    std::string db_args() const { return "--db '" + (dir_ / "ido.db").string() + "'"; }
    std::string import_args(const fs::path& file) const {
        return "import '" + file.string() + "' " + db_args() + " --data-dir '" IDO_SOURCE_DIR "/data'";
    }

    fs::path dir_;
};

const std::string good_csv =
    "id,naam,organisatie,straat,huisnummer,postcode,woonplaats,gemeentecode,lat,lon,openingstijden,diensten,opAfspraak,inloop,website\r\n"
    "IMP-CONTRACT,\"Bibliotheek Neude, Utrecht\",Bibliotheek Utrecht,Neude,11,3512 AE,Utrecht,GM0344,52.0930,5.1190,"
    "\"Mo-Fr 10:00-12:00; PH off\",digid;toeslagen,nee,ja,https://www.bibliotheekutrecht.nl/\r\n";

}  // namespace

TEST_F(ImportContract, ImportExportAndServe) {
    // A file with errors: exit 1, every problem listed, nothing stored.
    const auto bad = cli(import_args(IDO_SOURCE_DIR "/tests/fixtures/import/fouten.csv"));
    EXPECT_EQ(bad.exit_code, 1) << bad.out;
    EXPECT_NE(bad.out.find("rij 7, kolom openingstijden"), std::string::npos) << bad.out;
    EXPECT_NE(bad.out.find("(gemeente-klopt-niet)"), std::string::npos) << bad.out;
    // Usage: exit 2.
    EXPECT_EQ(cli("import " + db_args()).exit_code, 2);
    EXPECT_EQ(cli("export --formaat pdf " + db_args()).exit_code, 2);

    // A dry run of a good file stores nothing; the real import stores it.
    const auto file = write("bibliotheken.csv", good_csv);
    EXPECT_EQ(cli(import_args(file) + " --dry-run").exit_code, 0);
    EXPECT_EQ(cli("export --formaat csv " + db_args()).out.find("IMP-CONTRACT"), std::string::npos);
    const auto imported = cli(import_args(file));
    ASSERT_EQ(imported.exit_code, 0) << imported.out;

    // Export both formats, and import them again: nothing changes (the version stays 1, below).
    ASSERT_EQ(cli("export --formaat csv -o '" + (dir_ / "uit.csv").string() + "' " + db_args()).exit_code, 0);
    ASSERT_EQ(cli("export --formaat geojson --gemeente GM0344 -o '" + (dir_ / "uit.geojson").string() + "' " + db_args()).exit_code, 0);
    EXPECT_NE(read(dir_ / "uit.csv").find("\"Bibliotheek Neude, Utrecht\""), std::string::npos);
    EXPECT_NE(read(dir_ / "uit.geojson").find("\"id\":\"IMP-CONTRACT\""), std::string::npos);
    EXPECT_EQ(cli(import_args(dir_ / "uit.csv")).exit_code, 0);
    EXPECT_EQ(cli(import_args(dir_ / "uit.geojson")).exit_code, 0);
    const auto empty = cli("export --formaat geojson --gemeente GM0363 " + db_args());
    EXPECT_EQ(empty.exit_code, 0);
    EXPECT_EQ(empty.out.find("Feature\""), std::string::npos);

    // The server on that database serves the imported record.
    ServerProcess server({}, "import-contract-server.log", (dir_ / "ido.db").string());
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(10, 0);
    auto one = client.Get("/v1/informatiepunten/IMP-CONTRACT");
    ASSERT_TRUE(one);
    ASSERT_EQ(one->status, 200) << one->body;
    EXPECT_EQ(one->get_header_value("ETag"), "\"1\"");
    rapidjson::Document doc;
    doc.Parse(one->body.c_str());
    ASSERT_TRUE(doc.IsObject()) << one->body;
    EXPECT_EQ(json_string(doc, "/naam"), "Bibliotheek Neude, Utrecht");
    EXPECT_EQ(json_string(doc, "/openingstijden"), "Mo-Fr 10:00-12:00; PH off");
    EXPECT_EQ(json_string(doc, "/gemeentecode"), "GM0344");
    auto list = client.Get("/v1/gemeenten/GM0344/informatiepunten");
    ASSERT_TRUE(list);
    EXPECT_EQ(list->status, 200);
    EXPECT_NE(list->body.find("IMP-CONTRACT"), std::string::npos);
}
