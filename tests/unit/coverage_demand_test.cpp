// Tests of the demand loader (geo/coverage/demand.hpp): the shipped files have the CBS totals, and a
// malformed file stops the start instead of weighing with half of it.
#include "geo/coverage/demand.hpp"
#include "geo/transformer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>
#include <string>

using namespace ido;

namespace {

const coverage::Demand& shipped() {
    static const auto demand = coverage::load_demand(IDO_SOURCE_DIR "/data");
    return demand;
}

// A data directory with the given two files, under the test's temporary directory.
std::filesystem::path directory(const std::string& name, const std::string& pc4s, const std::string& libraries) {
    const auto dir = std::filesystem::temp_directory_path() / ("coverage_demand_test_" + name);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "pc4_bevolking.csv") << pc4s;
    std::ofstream(dir / "bibliotheekgebouwen.csv") << libraries;
    return dir;
}

const std::string pc4_header = "pc4,inwoners,lat,lon,gemeentecode,woonplaatsen\n";
const std::string library_header = "id,naam,straat,huisnummer,postcode,plaats,gemeentecode,lat,lon\n";
const std::string library_row = "BIB-SL-001,Bibliotheek Oosterwolde,Quadoelenweg,29,8431LN,Oosterwolde,GM0085,52.992265,6.287698\n";

}  // namespace

TEST(DemandShipped, HasTheCbsTotals) {
    const auto& d = shipped();
    EXPECT_EQ(d.pc4s.size(), 4067u);
    EXPECT_EQ(d.inwoners(), 17472870);  // CBS 83503NED, 1 January 2021, over the PC4s
    std::set<std::string> municipalities;
    std::size_t secret = 0;
    for (const auto& a : d.pc4s) {
        municipalities.insert(a.gemeentecode);
        secret += a.inwoners_geheim ? 1 : 0;
        if (a.inwoners_geheim) {
            EXPECT_EQ(a.inwoners, 0) << a.pc4;
        }
        EXPECT_FALSE(a.woonplaatsen.empty()) << a.pc4;
        // RD New of the Netherlands (Kadaster): x 0..300 km, y 300..625 km
        EXPECT_TRUE(a.rd.x > 0 && a.rd.x < 300000 && a.rd.y > 300000 && a.rd.y < 625000) << a.pc4;
    }
    EXPECT_EQ(secret, 2u);
    EXPECT_EQ(municipalities.size(), 342u);
    EXPECT_TRUE(std::is_sorted(d.pc4s.begin(), d.pc4s.end(), [](const auto& a, const auto& b) { return a.pc4 < b.pc4; }));
    EXPECT_EQ(d.bibliotheken.size(), 106u);  // only categorie openbare_bibliotheek
    for (const auto& b : d.bibliotheken) {
        EXPECT_FALSE(b.naam.empty()) << b.id;
        const auto back = geo::Transformer::to_rd(b.position);
        ASSERT_TRUE(back);
        EXPECT_LT(std::hypot(back->x - b.rd.x, back->y - b.rd.y), 0.001) << b.id;
    }
    // "Hilversum|Loosdrecht" in the file: several places, the main one first
    const auto it = std::find_if(d.pc4s.begin(), d.pc4s.end(), [](const auto& a) { return a.woonplaatsen.size() > 1; });
    EXPECT_NE(it, d.pc4s.end());
}

TEST(DemandFiles, AreRead) {
    const auto dir = directory("good", pc4_header + "3511,1205,52.0907,5.1214,GM0344,Utrecht\n3165,,51.88,4.38,GM0613,Rhoon|Poortugaal\n",
                               library_header + library_row);
    const auto d = coverage::load_demand(dir);
    ASSERT_EQ(d.pc4s.size(), 2u);
    EXPECT_EQ(d.pc4s[0].pc4, "3165");  // sorted by pc4
    EXPECT_TRUE(d.pc4s[0].inwoners_geheim);
    EXPECT_EQ(d.pc4s[0].woonplaatsen, (std::vector<std::string>{"Rhoon", "Poortugaal"}));
    EXPECT_EQ(d.pc4s[1].inwoners, 1205);
    EXPECT_NEAR(d.pc4s[1].rd.x, 136784, 50);  // the Dom tower check value of the architecture notes
    EXPECT_NEAR(d.pc4s[1].rd.y, 455860, 50);
    EXPECT_EQ(d.inwoners(), 1205);
    ASSERT_EQ(d.bibliotheken.size(), 1u);
    EXPECT_EQ(d.bibliotheken[0].postcode, "8431LN");
}

TEST(DemandFiles, MalformedFilesAreRefused) {
    const auto refused = [](const std::string& name, const std::string& pc4s, const std::string& libraries = library_header) {
        EXPECT_THROW(coverage::load_demand(directory(name, pc4s, libraries)), std::runtime_error) << name;
    };
    refused("count", pc4_header + "3511,veel,52.09,5.12,GM0344,Utrecht\n");
    refused("negative", pc4_header + "3511,-5,52.09,5.12,GM0344,Utrecht\n");
    refused("pc4", pc4_header + "351,5,52.09,5.12,GM0344,Utrecht\n");
    refused("lat", pc4_header + "3511,5,noord,5.12,GM0344,Utrecht\n");
    refused("twice", pc4_header + "3511,5,52.09,5.12,GM0344,Utrecht\n3511,5,52.09,5.12,GM0344,Utrecht\n");
    refused("column", "pc4,inwoners,lat,lon,woonplaatsen\n3511,5,52.09,5.12,Utrecht\n");
    refused("fields", pc4_header + "3511,5,52.09\n");
    refused("library", pc4_header, library_header + ",Naamloos,,,,,GM0344,52.09,5.12\n");
    EXPECT_THROW(coverage::load_demand(std::filesystem::temp_directory_path() / "coverage_demand_test_missing"), std::runtime_error);
}
