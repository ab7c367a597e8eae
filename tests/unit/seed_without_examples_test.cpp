// Running without the generated examples of the seed set: `serve --zonder-voorbeelden` (and
// IDO_ZONDER_VOORBEELDEN) fills a new database with the real records only, and the API's
// `zonderVoorbeelden=true` leaves the generated ones out of a list that has them.
#include "cli/serve.hpp"
#include "geo/dataset.hpp"
#include "service/http/api.hpp"
#include "service/http/config.hpp"
#include "service/http/static_files.hpp"
#include "store/location_editor.hpp"
#include "store/store.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>
#include <variant>
#include <vector>

namespace {

using namespace ido;

const std::filesystem::path data_dir = std::filesystem::path(IDO_SOURCE_DIR) / "data";

std::variant<service::Config, std::vector<std::string>> parse(const std::vector<std::string>& args, const cli::Environment& env = {}) {
    return cli::parse_config(args, env);
}

TEST(ZonderVoorbeelden, ServeOptionFlagAndEnvironment) {
    EXPECT_FALSE(std::get<service::Config>(parse({})).zonder_voorbeelden);
    EXPECT_TRUE(std::get<service::Config>(parse({"--zonder-voorbeelden"})).zonder_voorbeelden);
    EXPECT_TRUE(std::get<service::Config>(parse({}, {{"IDO_ZONDER_VOORBEELDEN", "on"}})).zonder_voorbeelden);
    EXPECT_FALSE(std::get<service::Config>(parse({}, {{"IDO_ZONDER_VOORBEELDEN", "off"}})).zonder_voorbeelden);
    // The flag wins over the environment.
    EXPECT_TRUE(std::get<service::Config>(parse({"--zonder-voorbeelden"}, {{"IDO_ZONDER_VOORBEELDEN", "off"}})).zonder_voorbeelden);
    auto bad = parse({}, {{"IDO_ZONDER_VOORBEELDEN", "misschien"}});
    ASSERT_TRUE(std::holds_alternative<std::vector<std::string>>(bad));
    EXPECT_NE(std::get<std::vector<std::string>>(bad).front().find("IDO_ZONDER_VOORBEELDEN"), std::string::npos);
    bool described = false;
    for (const auto& line : cli::describe(std::get<service::Config>(parse({"--zonder-voorbeelden"}))))
        described = described || line == "zonder-voorbeelden=on";
    EXPECT_TRUE(described);
}

// The seed set's records by kind, counted from the file itself.
struct Counts {
    std::size_t real = 0, generated = 0;
};
Counts seed_counts() {
    Counts c;
    for (const auto& f : geo::read_features(data_dir / "informatiepunten.geojson"))
        (geo::make_location(f.properties_json, f.position, 1).gegenereerd ? c.generated : c.real)++;
    return c;
}

class TempDir {
public:
    TempDir() {
        char dir[] = "/tmp/ido-zonder-voorbeelden-XXXXXX";
        if (mkdtemp(dir) == nullptr) std::abort();
        path = dir;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    std::filesystem::path path;
};

TEST(ZonderVoorbeelden, SeedLoadLeavesTheGeneratedRecordsOut) {
    const Counts counts = seed_counts();
    ASSERT_GT(counts.real, 0u);
    ASSERT_GT(counts.generated, 0u);
    TempDir dir;
    auto loaded = store::open_store_backed_locator(store::open_sqlite(dir.path / "zonder.db"), data_dir, store::Seed::zonder_voorbeelden);
    EXPECT_EQ(loaded.seeded, counts.real);
    const auto snapshot = loaded.locator->snapshot();
    EXPECT_EQ(snapshot->locations().size(), counts.real);
    for (const auto& l : snapshot->locations()) EXPECT_FALSE(l.gegenereerd) << l.id;

    auto all = store::open_store_backed_locator(store::open_sqlite(dir.path / "alles.db"), data_dir);
    EXPECT_EQ(all.seeded, counts.real + counts.generated);
}

service::HttpResponse get(const service::Api& api, const std::string& path, const std::string& query) {
    service::HttpRequest request;
    request.method = "GET";
    request.path = path;
    // "a=1&b=2" into name/value pairs, as the HTTP layer hands them over (no %-escapes used here).
    std::string rest = query;
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string pair = rest.substr(0, amp);
        const auto eq = pair.find('=');
        request.query.emplace_back(pair.substr(0, eq), eq == std::string::npos ? "" : pair.substr(eq + 1));
        rest = amp == std::string::npos ? "" : rest.substr(amp + 1);
    }
    request.client = "127.0.0.1";
    return api.handle(request);
}

// Counts the records of a list answer by herkomst.soort gegenereerd or not.
Counts answer_counts(const std::string& body) {
    rapidjson::Document doc;
    doc.Parse(body.c_str());
    Counts c;
    if (!doc.IsObject() || !doc.HasMember("informatiepunten")) return c;
    for (const auto& ip : doc["informatiepunten"].GetArray())
        (std::string(ip["herkomst"]["soort"].GetString()) == "gegenereerd" ? c.generated : c.real)++;
    return c;
}

TEST(ZonderVoorbeelden, ApiFilterLeavesTheGeneratedRecordsOutOfEveryList) {
    TempDir dir;
    auto loaded = store::open_store_backed_locator(store::open_sqlite(dir.path / "api.db"), data_dir);
    const service::Api api(loaded.locator, service::StaticFiles{}, loaded.editor);
    const Counts seed = seed_counts();

    // The whole list, one page of 1000: with the filter exactly the real records.
    const auto all = answer_counts(get(api, "/v1/informatiepunten", "limit=1000").body);
    EXPECT_EQ(all.generated, seed.generated);
    const auto real = answer_counts(get(api, "/v1/informatiepunten", "limit=1000&zonderVoorbeelden=true").body);
    EXPECT_EQ(real.generated, 0u);
    EXPECT_EQ(real.real, seed.real);
    EXPECT_EQ(answer_counts(get(api, "/v1/informatiepunten", "limit=1000&zonderVoorbeelden=false").body).generated, seed.generated);

    // Nearest to a place with generated records nearby (Zwolle): still `limit` answers, none generated.
    const auto near = answer_counts(get(api, "/v1/informatiepunten", "zoek=Zwolle&limit=20").body);
    ASSERT_GT(near.generated, 0u);
    const auto near_real = answer_counts(get(api, "/v1/informatiepunten", "zoek=Zwolle&limit=20&zonderVoorbeelden=true").body);
    EXPECT_EQ(near_real.generated, 0u);
    EXPECT_EQ(near_real.real, 20u);

    const auto bad = get(api, "/v1/informatiepunten", "zonderVoorbeelden=ja");
    EXPECT_EQ(bad.status, 400);
    EXPECT_NE(bad.body.find("zonderVoorbeelden"), std::string::npos);
}

}  // namespace
