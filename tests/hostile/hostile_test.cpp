// Slow and hostile clients: slowloris headers, a body that never ends, a thousand idle connections,
// oversized headers, pipelined requests and idle keep-alive connections, all at once, while a normal
// client keeps asking for the nearest help points: every one of its requests must be answered. Its
// latency and how soon each kind of connection is closed are printed, not asserted (bench/timings.sh). First against the service
// alone (its own timeouts from service/http/config.hpp: headers 5 s, body 10 s, keep-alive 15 s, 16 KiB), then
// against nginx in front of it with the shipped deploy/ configuration, which also covers what Pistache
// 0.0.5 cannot do (pipelining, problem+json for its own refusals, per-client rate limits).
//
// Loopback only; every loop is bounded in count and in time. About 45 s in total.
#include "server_process.hpp"

#include <httplib.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// The service's defaults (service/http/config.hpp); the test runs the binary without overriding them.
constexpr auto header_timeout = 5s;
constexpr auto body_timeout = 10s;
constexpr auto keepalive_timeout = 15s;
// Scheduling slack on a shared two-core machine: how long past nginx's keep-alive timeout the nginx
// attack is watched (its dripped bodies stay open, so that watch always runs to its end).
constexpr auto slack = 3s;
// How long the attack on the service alone is watched at most: a bound that only catches a connection
// the service never closes. The watch ends as soon as every connection is closed (normally after the
// keep-alive timeout). How soon each group is closed is measured, not asserted: bench/timings.sh.
constexpr auto liveness = 2 * keepalive_timeout;

int connect_to(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

bool send_all(int fd, const std::string& bytes) {
    return send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
}

int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t length = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length);
    close(fd);
    return ntohs(addr.sin_port);
}

/// One hostile connection: what it is, when it was opened, what came back, and when it was closed.
struct Victim {
    std::string group;
    int fd = -1;
    Clock::time_point opened;
    bool drip = false;                        ///< sends one more byte every second
    std::string received;
    std::optional<Clock::duration> closed_after;
};

/// Count of "HTTP/1.1 NNN" status lines in what a connection received.
int answers(const std::string& received) {
    int n = 0;
    for (std::size_t at = received.find("HTTP/1.1 "); at != std::string::npos; at = received.find("HTTP/1.1 ", at + 1)) ++n;
    return n;
}

std::string first_status(const std::string& received) {
    return received.size() >= 12 && received.starts_with("HTTP/1.1 ") ? received.substr(9, 3) : "";
}

/// The normal client: a fresh connection per request (the worst case for the server), every 100 ms,
/// until stopped or 300 requests. Records status and latency of each.
class Prober {
public:
    explicit Prober(int port) : port_(port) {
        thread_ = std::thread([this] {
            for (int i = 0; i < 300 && !stop_; ++i) {
                const auto start = Clock::now();
                httplib::Client client("127.0.0.1", port_);
                client.set_connection_timeout(5, 0);
                client.set_read_timeout(5, 0);
                auto result = client.Get("/v1/informatiepunten?lat=52.0907&lon=5.1214&limit=10");
                const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
                {
                    std::lock_guard lock(mutex_);
                    latencies_ms_.push_back(ms);
                    statuses_.push_back(result ? result->status : -1);
                }
                std::this_thread::sleep_for(100ms);
            }
        });
    }
    ~Prober() { finish(); }

    /// How many requests were made.
    std::size_t count() {
        std::lock_guard lock(mutex_);
        return statuses_.size();
    }

    void finish() {
        stop_ = true;
        if (thread_.joinable()) thread_.join();
    }

    /// Every status 200, and the latency percentiles, as one line for the log.
    std::string summary(int& failures, double& max_ms, double& p99_ms) {
        std::lock_guard lock(mutex_);
        failures = static_cast<int>(std::count_if(statuses_.begin(), statuses_.end(), [](int s) { return s != 200; }));
        auto sorted = latencies_ms_;
        std::sort(sorted.begin(), sorted.end());
        max_ms = sorted.empty() ? 0 : sorted.back();
        const auto pct = [&](double p) { return sorted.empty() ? 0.0 : sorted[static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1))]; };
        p99_ms = pct(0.99);
        char line[200];
        std::snprintf(line, sizeof line, "%zu normal requests during the attack: %d failed; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
                      sorted.size(), failures, pct(0.5), pct(0.9), pct(0.99), max_ms);
        return line;
    }

private:
    int port_;
    std::atomic<bool> stop_{false};
    std::mutex mutex_;
    std::vector<double> latencies_ms_;
    std::vector<int> statuses_;
    std::thread thread_;
};

/// Opens every hostile connection against `port`, then watches them all (poll) for at most
/// `watch_for`, dripping bytes into the slow ones, until each is closed by the server.
struct Attack {
    int idle = 1000, slowloris = 50, endless_body = 20, oversized = 5, pipelined = 5, keepalive_idle = 20;
    std::string host = "127.0.0.1";

    std::vector<Victim> run(int port, Clock::duration watch_for) const {
        std::vector<Victim> victims;
        const auto open = [&](const std::string& group, const std::string& first_bytes, bool drip) {
            Victim v{group, connect_to(port), Clock::now(), drip, {}, {}};
            if (v.fd >= 0 && !first_bytes.empty()) send_all(v.fd, first_bytes);
            victims.push_back(std::move(v));
        };
        const std::string request = "GET /v1/health HTTP/1.1\r\nHost: " + host + "\r\nConnection: keep-alive\r\n\r\n";
        for (int i = 0; i < slowloris; ++i) open("slowloris", "GET /v1/health HTTP/1.1\r\nHost: " + host + "\r\nX-Slow: ", true);
        // Content-Length under every limit (so it is not refused at once), but the body never comes.
        for (int i = 0; i < endless_body; ++i)
            open("endless-body", "GET /v1/health HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 12000\r\n\r\nx", true);
        for (int i = 0; i < oversized; ++i)
            open("oversized-headers", "GET /v1/health HTTP/1.1\r\nHost: " + host + "\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n", false);
        for (int i = 0; i < pipelined; ++i) open("pipelined", request + request + request, false);
        for (int i = 0; i < keepalive_idle; ++i) open("keepalive-idle", request, false);
        for (int i = 0; i < idle; ++i) open("idle", "", false);

        const auto deadline = Clock::now() + watch_for;
        auto next_drip = Clock::now() + 1s;
        std::vector<pollfd> fds;
        while (Clock::now() < deadline) {
            fds.clear();
            std::vector<std::size_t> index;
            for (std::size_t i = 0; i < victims.size(); ++i)
                if (victims[i].fd >= 0 && !victims[i].closed_after) {
                    fds.push_back({victims[i].fd, POLLIN, 0});
                    index.push_back(i);
                }
            if (fds.empty()) break;
            if (poll(fds.data(), fds.size(), 50) > 0) {
                for (std::size_t k = 0; k < fds.size(); ++k) {
                    if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
                    Victim& v = victims[index[k]];
                    char buffer[8192];
                    const ssize_t n = recv(v.fd, buffer, sizeof buffer, MSG_DONTWAIT);
                    if (n > 0) {
                        if (v.received.size() < 65536) v.received.append(buffer, static_cast<std::size_t>(n));
                    } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
                        v.closed_after = Clock::now() - v.opened;
                    }
                }
            }
            if (Clock::now() >= next_drip) {
                next_drip += 1s;
                for (auto& v : victims)
                    if (v.drip && v.fd >= 0 && !v.closed_after && send(v.fd, "a", 1, MSG_NOSIGNAL | MSG_DONTWAIT) < 0 &&
                        errno != EAGAIN && errno != EWOULDBLOCK)
                        v.closed_after = Clock::now() - v.opened;
            }
        }
        for (auto& v : victims)
            if (v.fd >= 0) close(v.fd);
        return victims;
    }
};

struct GroupResult {
    int count = 0, failed_to_connect = 0, still_open = 0;
    double slowest_close_s = 0;
    std::map<std::string, int> first_statuses;
    int min_answers = 1 << 30, max_answers = 0;
};

std::map<std::string, GroupResult> summarise(const std::vector<Victim>& victims) {
    std::map<std::string, GroupResult> groups;
    for (const auto& v : victims) {
        auto& g = groups[v.group];
        ++g.count;
        if (v.fd < 0) {
            ++g.failed_to_connect;
            continue;
        }
        if (!v.closed_after) ++g.still_open;
        else g.slowest_close_s = std::max(g.slowest_close_s, std::chrono::duration<double>(*v.closed_after).count());
        ++g.first_statuses[first_status(v.received).empty() ? "none" : first_status(v.received)];
        g.min_answers = std::min(g.min_answers, answers(v.received));
        g.max_answers = std::max(g.max_answers, answers(v.received));
    }
    for (const auto& [name, g] : groups) {
        std::string statuses;
        for (const auto& [status, n] : g.first_statuses) statuses += " " + status + "x" + std::to_string(n);
        std::printf("  %-18s %4d connections, %d not connected, %d still open, slowest close %.1f s, first status%s, answers %d..%d\n",
                    name.c_str(), g.count, g.failed_to_connect, g.still_open, g.slowest_close_s, statuses.c_str(), g.min_answers, g.max_answers);
    }
    return groups;
}

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// A server per test: the nginx test stops its server at the end (to see nginx's 503), and the attack
// of one test must not leave connections or limits behind for the other, whatever the order.
class HostileClients : public ::testing::Test {
protected:
    // A log per case: CTest runs the cases as separate processes, possibly at the same time.
    void SetUp() override {
        const std::string log = std::string("hostile-") + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".log";
        server_ = std::make_unique<ido::test::ServerProcess>(std::vector<std::string>{"--access-log", "off"}, log);
    }
    void TearDown() override { server_.reset(); }
    std::unique_ptr<ido::test::ServerProcess> server_;
};

TEST_F(HostileClients, ServiceShedsThemAndKeepsAnswering) {
    std::printf("service alone on port %d (its timeouts: headers %.0f s, body %.0f s, keep-alive %.0f s):\n", server_->port(), seconds(header_timeout),
                seconds(body_timeout), seconds(keepalive_timeout));
    Prober prober(server_->port());
    const auto victims = Attack{}.run(server_->port(), liveness);
    prober.finish();
    auto groups = summarise(victims);

    // Connection-level limits: the service closes every hostile connection by itself. (Within its
    // timeouts: measured by bench/timings.sh, against header_timeout, body_timeout, keepalive_timeout.)
    for (const char* name : {"idle", "slowloris"}) {
        EXPECT_EQ(groups[name].failed_to_connect, 0) << name;
        EXPECT_EQ(groups[name].still_open, 0) << name;
    }
    EXPECT_EQ(groups["endless-body"].still_open, 0);
    EXPECT_EQ(groups["keepalive-idle"].still_open, 0);
    EXPECT_EQ(groups["keepalive-idle"].first_statuses["200"], groups["keepalive-idle"].count);
    // Over 16 KiB: refused (Pistache answers 413 itself, as text/plain, not problem+json: nginx fixes that).
    EXPECT_EQ(groups["oversized-headers"].first_statuses["413"], groups["oversized-headers"].count);
    EXPECT_EQ(groups["oversized-headers"].still_open, 0);
    // Pipelining: Pistache 0.0.5 answers the first request and drops the rest (see SECURITY.md); the
    // connection is still closed by the keep-alive timeout. nginx in front answers all three (below).
    EXPECT_EQ(groups["pipelined"].first_statuses["200"], groups["pipelined"].count);
    EXPECT_GE(groups["pipelined"].min_answers, 1);
    EXPECT_EQ(groups["pipelined"].still_open, 0);

    // The attack did not block the normal client: every one of its requests was answered with 200
    // (each within its client's 5 s timeouts). Its latency is printed, not asserted: bench/timings.sh.
    int failures = 0;
    double max_ms = 0, p99_ms = 0;
    std::printf("  %s\n", prober.summary(failures, max_ms, p99_ms).c_str());
    EXPECT_EQ(failures, 0);
    EXPECT_GT(prober.count(), 0u);

    ASSERT_TRUE(server_->alive());
    httplib::Client client("127.0.0.1", server_->port());
    auto health = client.Get("/v1/health");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
}

// --- nginx in front, with the shipped deploy/ configuration --------------------------------------------

class Nginx {
public:
    Nginx(int upstream_port) {
        namespace fs = std::filesystem;
        prefix_ = fs::path(IDO_HOSTILE_WORK_DIR) / "nginx";
        fs::remove_all(prefix_);
        fs::create_directories(prefix_ / "logs");
        fs::create_directories(prefix_ / "tmp");
        port_ = free_port();
        const std::string p = prefix_.string(), src = IDO_SOURCE_DIR;
        std::ofstream conf(prefix_ / "nginx.conf");
        conf << "worker_processes 1;\ndaemon off;\npid " << p << "/nginx.pid;\nerror_log " << p << "/logs/error.log info;\n"
             << "events { worker_connections 4096; }\n"
             << "http {\n"
             << "  client_body_temp_path " << p << "/tmp/body;\n  proxy_temp_path " << p << "/tmp/proxy;\n"
             << "  fastcgi_temp_path " << p << "/tmp/fastcgi;\n  uwsgi_temp_path " << p << "/tmp/uwsgi;\n  scgi_temp_path " << p << "/tmp/scgi;\n"
             << "  include " << src << "/deploy/ido-vinder-http.conf;\n"
             << "  access_log " << p << "/logs/access.log ido_privacy;\n"
             << "  upstream ido_vinder { server 127.0.0.1:" << upstream_port
             << " max_fails=0; keepalive 32; keepalive_timeout 10s; keepalive_requests 100000; }\n"
             << "  upstream ido_vinder_meldingen { hash $binary_remote_addr consistent; server 127.0.0.1:" << upstream_port
             << " max_fails=0; keepalive 8; }\n"
             << "  server {\n    listen 127.0.0.1:" << port_ << ";\n    set $ido_root " << src << ";\n"
             << "    include " << src << "/deploy/ido-vinder-site.conf;\n  }\n}\n";
        conf.close();
        pid_ = fork();
        if (pid_ == 0) {
            const std::string conf_path = p + "/nginx.conf";
            execlp("nginx", "nginx", "-p", p.c_str(), "-c", conf_path.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        for (int i = 0; i < 50; ++i) {
            const int fd = connect_to(port_);
            if (fd >= 0) {
                close(fd);
                return;
            }
            std::this_thread::sleep_for(100ms);
        }
    }
    ~Nginx() {
        if (pid_ > 0) {
            kill(pid_, SIGQUIT);
            for (int i = 0; i < 50 && waitpid(pid_, nullptr, WNOHANG) == 0; ++i) std::this_thread::sleep_for(100ms);
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    int port() const { return port_; }
    std::string log(const char* name) const {
        std::ifstream in(prefix_ / "logs" / name);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }

private:
    std::filesystem::path prefix_;
    int port_ = 0;
    pid_t pid_ = -1;
};

bool have_nginx() { return std::system("command -v nginx >/dev/null 2>&1") == 0; }

TEST_F(HostileClients, NginxInFrontShedsThemAndFixesWhatPistacheCannot) {
    if (!have_nginx()) GTEST_SKIP() << "nginx not installed (apt-get install nginx-light)";
    Nginx nginx(server_->port());
    std::printf("nginx on port %d in front of the service on %d:\n", nginx.port(), server_->port());
    {
        Prober prober(nginx.port());
        Attack attack;
        attack.keepalive_idle = 10;  // stays under the per-address rate limit together with the prober
        // nginx's client_header_timeout is counted from the first byte (total); its keep-alive is 15 s.
        const auto victims = attack.run(nginx.port(), keepalive_timeout + slack);
        prober.finish();
        auto groups = summarise(victims);
        for (const char* name : {"idle", "slowloris"}) EXPECT_EQ(groups[name].still_open, 0) << name;
        // nginx's client_body_timeout is per read, not total: a body dripped at one byte a second stays
        // open at nginx (bounded by client_max_body_size 16k and limit_conn), but never reaches the
        // service: nginx buffers the whole body before it proxies. So no closing time is asserted here.
        EXPECT_EQ(groups["keepalive-idle"].still_open, 0);
        EXPECT_EQ(groups["keepalive-idle"].first_statuses["200"], groups["keepalive-idle"].count);
        // Oversized headers: 400 with the problem+json body, connection closed at once.
        EXPECT_EQ(groups["oversized-headers"].first_statuses["400"], groups["oversized-headers"].count);
        for (const auto& v : victims)
            if (v.group == "oversized-headers") {
                EXPECT_NE(v.received.find("application/problem+json"), std::string::npos);
                EXPECT_NE(v.received.find("\"code\":\"ongeldig-verzoek\""), std::string::npos);
            }
        // Pipelining: all three answered, in order.
        EXPECT_EQ(groups["pipelined"].min_answers, 3);
        int failures = 0;
        double max_ms = 0, p99_ms = 0;
        std::printf("  %s\n", prober.summary(failures, max_ms, p99_ms).c_str());
        EXPECT_EQ(failures, 0);
        EXPECT_GT(prober.count(), 0u);
    }
    // Per-address rate limit: 20 requests/s with a burst of 40; a burst of 120 gets 429 problem+json.
    {
        httplib::Client client("127.0.0.1", nginx.port());
        client.set_keep_alive(true);
        int ok = 0, limited = 0, other = 0;
        std::string body, type;
        for (int i = 0; i < 120; ++i) {
            auto r = client.Get("/v1/gemeenten/GM0363");
            if (!r) ++other;
            else if (r->status == 200) ++ok;
            else if (r->status == 429) {
                ++limited;
                body = r->body;
                type = r->get_header_value("Content-Type");
            } else ++other;
        }
        std::printf("  burst of 120 requests: %d answered, %d limited (429), %d other\n", ok, limited, other);
        EXPECT_GE(ok, 40);
        EXPECT_GE(limited, 1);
        EXPECT_EQ(other, 0);
        EXPECT_EQ(type, "application/problem+json");
        EXPECT_NE(body.find("\"code\":\"te-veel-verzoeken\""), std::string::npos);
        std::this_thread::sleep_for(2500ms);  // let the bucket refill
    }
    // The widget straight from disk, with CORS and nosniff (skipped when the widget is not built).
    if (std::filesystem::exists(std::filesystem::path(IDO_SOURCE_DIR) / "web-widget/dist/ido-vinder.js")) {
        httplib::Client client("127.0.0.1", nginx.port());
        auto r = client.Get("/widget/v1/ido-vinder.js");
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 200);
        EXPECT_EQ(r->get_header_value("Access-Control-Allow-Origin"), "*");
        EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
    }
    // Nothing personal in nginx's access log: no query strings, no client address.
    const std::string access = nginx.log("access.log");
    EXPECT_NE(access.find("/v1/informatiepunten"), std::string::npos);
    EXPECT_EQ(access.find("lat="), std::string::npos);
    EXPECT_EQ(access.find("127.0.0.1"), std::string::npos);

    // The service gone: 503 problem+json from nginx, not an HTML error page.
    ASSERT_EQ(server_->stop(), 0);
    httplib::Client client("127.0.0.1", nginx.port());
    auto r = client.Get("/v1/gemeenten");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 503);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_NE(r->body.find("\"code\":\"niet-beschikbaar\""), std::string::npos);
}

// The production nginx.conf (TLS, HTTP/2, the redirect) is valid: `nginx -t` with the placeholders
// replaced by a throw-away self-signed certificate and this checkout.
TEST(DeployConfig, ProductionNginxConfPassesNginxT) {
    if (!have_nginx() || std::system("command -v openssl >/dev/null 2>&1") != 0) GTEST_SKIP() << "needs nginx and openssl";
    namespace fs = std::filesystem;
    const fs::path work = fs::path(IDO_HOSTILE_WORK_DIR) / "nginx-t";
    fs::remove_all(work);
    fs::create_directories(work / "logs");
    const std::string w = work.string(), src = IDO_SOURCE_DIR;
    ASSERT_EQ(std::system(("openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout " + w + "/key.pem -out " + w +
                           "/cert.pem >/dev/null 2>&1").c_str()),
              0);
    std::ifstream in(src + "/deploy/nginx.conf");
    std::stringstream text;
    text << in.rdbuf();
    std::string conf = text.str();
    const auto replace = [&](const std::string& from, const std::string& to) {
        for (std::size_t at = conf.find(from); at != std::string::npos; at = conf.find(from, at + to.size())) conf.replace(at, from.size(), to);
    };
    replace("/etc/ssl/ido-vinder/fullchain.pem", w + "/cert.pem");
    replace("/etc/ssl/ido-vinder/privkey.pem", w + "/key.pem");
    replace("/opt/ido-vinder", src);
    replace("/var/log/nginx", w + "/logs");
    replace("SERVER_NAME", "localhost");
    conf = "pid " + w + "/nginx.pid;\n" + conf;
    std::ofstream(work / "nginx.conf") << conf;
    const std::string command = "nginx -t -q -p " + w + " -c " + w + "/nginx.conf -g 'error_log " + w + "/logs/error.log;' 2>" + w + "/nginx-t.txt";
    const int status = std::system(command.c_str());
    std::ifstream out(work / "nginx-t.txt");
    std::stringstream output;
    output << out.rdbuf();
    EXPECT_EQ(status, 0) << output.str();
}

}  // namespace
