// An import made with the command line while the service runs reaches the API without a restart.
#include "server_process.hpp"

#include <cstdio>
#include <fstream>

using ido::test::ServerProcess;

TEST(Reload, ImportWhileRunningIsPickedUp) {
    ServerProcess server({"--reload-interval-s", "1"}, "reload-contract-server.log");
    httplib::Client client("127.0.0.1", server.port());
    auto csv = client.Get("/v1/informatiepunten?formaat=csv&gemeente=GM0344");
    ASSERT_TRUE(csv);
    ASSERT_EQ(csv->status, 200);
    std::string edited = csv->body;
    const std::string from = "Voorbeeldlocatie Vleuten (gegenereerd)", to = "Voorbeeldlocatie Vleuten hernoemd (gegenereerd)";
    const auto at = edited.find(from);
    ASSERT_NE(at, std::string::npos);
    edited.replace(at, from.size(), to);
    const std::string file = server.db_path() + ".import.csv";
    std::ofstream(file) << edited;
    const std::string command = std::string(IDO_BINARY) + " import '" + file + "' --db '" + server.db_path() + "' --data-dir '" IDO_SOURCE_DIR "/data' 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    bool seen = false;
    for (int i = 0; i < 50 && !seen; ++i) {
        auto one = client.Get("/v1/informatiepunten/GEN-GM0344-01");
        seen = one && one->body.find(to) != std::string::npos;
        if (!seen) usleep(100 * 1000);
    }
    EXPECT_TRUE(seen) << "the import did not reach the API within 5 s";
    EXPECT_EQ(server.stop(), 0);
}
