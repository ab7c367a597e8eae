// The optional PDOK Locatieserver (docs/zoeken.md) over real HTTP: ido-vinder serve pointed at a local
// stand-in (tests/pdok/stand_in.py, answers built from documented Locatieserver examples). An address
// resolves through it; a slow, failing or absent PDOK falls back to the offline answer, never a 5xx;
// the cache saves the second call; after failures the circuit stops asking.
#include "server_process.hpp"

#include "../support/json_access.hpp"  // before any RapidJSON header: its checked RAPIDJSON_ASSERT

#include <csignal>
#include <memory>

using namespace ido::test;

namespace {

// The stand-in as a child process; it prints "port N" once it listens.
class StandIn {
public:
    explicit StandIn(std::vector<std::string> extra = {}) {
        int out[2];
        if (pipe(out) != 0) throw std::runtime_error("pipe failed");
        pid_ = fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            dup2(out[1], STDOUT_FILENO);
            close(out[0]);
            std::vector<std::string> args{"python3", IDO_SOURCE_DIR "/tests/pdok/stand_in.py"};
            args.insert(args.end(), extra.begin(), extra.end());
            std::vector<char*> argv;
            for (auto& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            execvp("python3", argv.data());
            _exit(127);
        }
        close(out[1]);
        std::string line;
        char c;
        while (read(out[0], &c, 1) == 1 && c != '\n') line.push_back(c);
        close(out[0]);
        if (!line.starts_with("port ")) throw std::runtime_error("the PDOK stand-in did not start");
        port_ = std::stoi(line.substr(5));
    }
    ~StandIn() { stop(); }
    StandIn(const StandIn&) = delete;
    StandIn& operator=(const StandIn&) = delete;

    void stop() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = 0;
    }
    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/free"; }
    // How many /free requests reached it.
    int requests() const {
        httplib::Client client("127.0.0.1", port_);
        client.set_read_timeout(5, 0);
        auto r = client.Get("/aantal");
        return r && r->status == 200 ? std::stoi(r->body) : -1;
    }

private:
    pid_t pid_ = 0;
    int port_ = 0;
};

rapidjson::Document search(const ServerProcess& server, const std::string& zoek) {
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(10, 0);
    auto result = client.Get("/v1/informatiepunten?limit=1&zoek=" + httplib::detail::encode_query_param(zoek));
    rapidjson::Document document;
    EXPECT_TRUE(result) << zoek;
    if (!result) return document;
    EXPECT_EQ(result->status, 200) << zoek << "\n" << result->body.substr(0, 400);
    document.Parse(result->body.c_str());
    EXPECT_FALSE(document.HasParseError()) << zoek;
    return document;
}

std::string str(const rapidjson::Value& v) { return v.IsString() ? v.GetString() : "(null)"; }

}  // namespace

TEST(Pdok, AnAddressResolvesThroughItAndTheCacheSavesTheSecondCall) {
    StandIn pdok;
    ServerProcess server({"--pdok-locatieserver", pdok.url()}, "pdok-contract-server.log");
    auto d = search(server, "Koolmees 1 Nieuwegein");
    EXPECT_EQ(str(json_at(d, "/zoeklocatie/methode")), "pdok");
    EXPECT_EQ(str(json_at(d, "/zoeklocatie/gebruikt")), "Koolmees 1, 3435RA Nieuwegein");
    EXPECT_EQ(str(json_at(d, "/zoeklocatie/gemeentecode")), "GM0356");
    EXPECT_EQ(str(json_at(d, "/zoeklocatie/postcode")), "3435 RA");
    EXPECT_NEAR(json_number(d, "/zoekpunt/coordinates/0"), 5.07000962, 1e-5);
    EXPECT_NEAR(json_number(d, "/zoekpunt/coordinates/1"), 52.0266669, 1e-5);
    EXPECT_EQ(pdok.requests(), 1);
    // Typed again, differently: answered from the cache.
    auto again = search(server, "koolmees 1, nieuwegein");
    EXPECT_EQ(str(json_at(again, "/zoeklocatie/methode")), "pdok");
    EXPECT_EQ(pdok.requests(), 1);
    // Only full addresses go to PDOK: a place, a postcode and a name never do.
    search(server, "Nieuwegein");
    search(server, "3435 RA");
    search(server, "Bibliotheek Overvecht");
    EXPECT_EQ(pdok.requests(), 1);
    // An address PDOK does not know: the offline answer.
    auto unknown = search(server, "Onbekendeweg 9 Nieuwegein");
    EXPECT_EQ(str(json_at(unknown, "/zoeklocatie/methode")), "adres");
    EXPECT_EQ(str(json_at(unknown, "/zoeklocatie/gemeentecode")), "GM0356");
    EXPECT_EQ(server.stop(), 0);
    EXPECT_EQ(server.log().find("Koolmees"), std::string::npos);  // the typed text is not logged
}

TEST(Pdok, SlowFailingOrAbsentFallsBackToTheOfflineAnswer) {
    StandIn slow({"--vertraging", "3"});  // past the 800 ms timeout
    StandIn failing({"--status", "503"});
    StandIn gone;
    const std::string gone_url = gone.url();
    gone.stop();  // nothing listens there any more
    for (const std::string& url : {slow.url(), failing.url(), gone_url}) {
        ServerProcess server({"--pdok-locatieserver", url}, "pdok-contract-fallback-server.log");
        auto d = search(server, "Koolmees 1 Nieuwegein");
        EXPECT_EQ(str(json_at(d, "/zoeklocatie/methode")), "adres") << url;
        EXPECT_EQ(str(json_at(d, "/zoeklocatie/gebruikt")), "Nieuwegein") << url;
        EXPECT_EQ(server.stop(), 0) << url;
    }
}

TEST(Pdok, AfterFailuresTheCircuitStopsAsking) {
    StandIn failing({"--status", "500"});
    ServerProcess server({"--pdok-locatieserver", failing.url()}, "pdok-contract-circuit-server.log");
    // Three failures open the circuit (service/pdok/locatieserver.hpp); different texts, so no cache.
    for (const char* q : {"Koolmees 1 Nieuwegein", "Koolmees 2 Nieuwegein", "Koolmees 3 Nieuwegein"}) search(server, q);
    EXPECT_EQ(failing.requests(), 3);
    auto d = search(server, "Koolmees 4 Nieuwegein");
    EXPECT_EQ(str(json_at(d, "/zoeklocatie/methode")), "adres");
    EXPECT_EQ(failing.requests(), 3);
    EXPECT_EQ(server.stop(), 0);
}

TEST(Pdok, OffByDefaultAndTheLogSaysSo) {
    ServerProcess server({}, "pdok-contract-off-server.log");
    auto d = search(server, "Koolmees 1 Nieuwegein");
    EXPECT_EQ(str(json_at(d, "/zoeklocatie/methode")), "adres");
    EXPECT_EQ(server.stop(), 0);
    EXPECT_NE(server.log().find("config pdok-locatieserver=uit"), std::string::npos);
}
