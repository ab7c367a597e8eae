// Two ido-vinder replicas behind nginx over one PostgreSQL database, all real processes started by
// scripts/cluster.sh in a temporary directory (issue #8):
//   1. a write through one replica becomes visible through the other (issue #8 asks within a second:
//      the delay is printed and measured by bench/timings.sh, not asserted here);
//   2. replica A killed (SIGKILL) under a mixed load through nginx: every read still succeeds, and no
//      write that was acknowledged with a 2xx is missing afterwards;
//   3. PostgreSQL stopped and started again under read load: both replicas keep answering reads, report
//      `schrijven: false` and refuse writes with 503 while it is down, and take writes again on their
//      own once it is back;
//   4. the per-address limit of reports (5 per hour) holds per client address across both replicas.
// The cases share one cluster; each leaves it whole (both replicas and PostgreSQL up), so they run in
// any order (CTest shuffles them). Loopback only; about 30 s on two cores.
#include "../support/json_access.hpp"  // before any RapidJSON header: its checked RAPIDJSON_ASSERT

#include <httplib.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;
// ServerProcess, the private servers and the shape-checked JSON readers (tests/support/json_access.hpp).
using namespace ido::test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

/// Runs a shell command; stdout (trailing newlines removed) and the exit status.
std::pair<std::string, int> run(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return {"", -1};
    char buffer[512];
    while (fgets(buffer, sizeof buffer, pipe)) out += buffer;
    const int status = pclose(pipe);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return {out, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

std::string read_file(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string tail(const fs::path& path, std::size_t lines) {
    std::istringstream in(read_file(path));
    std::vector<std::string> all;
    for (std::string line; std::getline(in, line);) all.push_back(line);
    std::string out;
    for (std::size_t i = all.size() > lines ? all.size() - lines : 0; i < all.size(); ++i) out += all[i] + "\n";
    return out;
}

rapidjson::Document parse(const std::string& body) {
    rapidjson::Document d;
    d.Parse(body.c_str());
    return d;
}

std::string string_member(const rapidjson::Document& d, const char* name) {
    return d.IsObject() && d.HasMember(name) && d[name].IsString() ? d[name].GetString() : "";
}

// --- the cluster -------------------------------------------------------------------------------------

/// Stops the cluster when this test process ends in any way, also by SIGKILL (a CTest timeout): a
/// detached process waits for the end of a pipe that only this process holds, then runs
/// `scripts/cluster.sh stop DIR`. The replicas, nginx and PostgreSQL run in sessions of their own and
/// would outlive the test otherwise. Ended normally (`dismiss`), it exits without doing anything.
class Watchdog {
public:
    explicit Watchdog(const std::string& stop_command) {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
        const pid_t child = fork();
        if (child < 0) throw std::runtime_error("fork failed");
        if (child == 0) {
            // Twice forked and in a session of its own: no longer a descendant of the test when CTest
            // kills the test's process tree.
            setsid();
            if (fork() != 0) _exit(0);
            close(fds[1]);
            const int null = open("/dev/null", O_RDWR);
            for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) dup2(null, fd);
            char byte = 0;
            ssize_t n;
            while ((n = read(fds[0], &byte, 1)) < 0 && errno == EINTR) {
            }
            if (n == 1) _exit(0);  // dismissed
            execl("/bin/sh", "sh", "-c", stop_command.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        close(fds[0]);
        waitpid(child, nullptr, 0);
        write_end_ = fds[1];
    }
    ~Watchdog() { dismiss(); }
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;
    void dismiss() {
        if (write_end_ < 0) return;
        (void)!write(write_end_, "x", 1);
        close(write_end_);
        write_end_ = -1;
    }

private:
    int write_end_ = -1;
};

/// scripts/cluster.sh start in a fresh temporary directory, and stop (always) at the end.
class Cluster {
public:
    Cluster() {
        if (run("command -v nginx").second != 0)
            throw std::runtime_error("nginx is not installed: run scripts/install-deps.sh (the cluster test does not skip)");
        if (run("ls /usr/lib/postgresql/*/bin/pg_ctl").second != 0)
            throw std::runtime_error("the PostgreSQL server is not installed: run scripts/install-deps.sh (the cluster test does not skip)");
        std::string dir = (fs::temp_directory_path() / "ido-vinder-cluster-XXXXXX").string();
        if (mkdtemp(dir.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        dir_ = dir;
        const std::string script = IDO_SOURCE_DIR "/scripts/cluster.sh";
        stop_command_ = quoted(script) + " stop " + quoted(dir_.string()) + " >/dev/null 2>&1";
        watchdog_ = std::make_unique<Watchdog>(stop_command_ + "; rm -rf " + quoted(dir_.string()));

        const auto started = Clock::now();
        auto [out, status] = run("IDO_BINARY=" + quoted(IDO_BINARY) + " " + quoted(script) + " start " + quoted(dir_.string()) + " 2>&1");
        std::printf("%s\n", out.c_str());
        if (status != 0) {
            diagnostics();
            stop();
            std::error_code ignored;
            fs::remove_all(dir_, ignored);
            watchdog_->dismiss();
            throw std::runtime_error("scripts/cluster.sh start failed (exit " + std::to_string(status) + ")");
        }
        std::printf("cluster started in %.1f s\n", ms_since(started) / 1000);
        std::istringstream env(read_file(dir_ / "cluster.env"));
        for (std::string line; std::getline(env, line);) {
            const auto eq = line.find('=');
            if (eq == std::string::npos || line.starts_with("#")) continue;
            const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
            const auto port = [&] { return std::stoi(value.substr(value.rfind(':') + 1)); };
            if (key == "IDO_CLUSTER_URL") nginx_port = port();
            if (key == "IDO_REPLICA_A_URL") a_port = port();
            if (key == "IDO_REPLICA_B_URL") b_port = port();
            if (key == "IDO_DB") db = value;
        }
        if (nginx_port == 0 || a_port == 0 || b_port == 0 || db.empty()) throw std::runtime_error("incomplete cluster.env");
    }
    ~Cluster() {
        stop();
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
        watchdog_->dismiss();
    }
    Cluster(const Cluster&) = delete;
    Cluster& operator=(const Cluster&) = delete;

    void stop() const { (void)!std::system(stop_command_.c_str()); }

    pid_t replica_pid(char name) const { return std::atoi(read_file(dir_ / (std::string("replica-") + name + ".pid")).c_str()); }

    /// SIGKILL, as a crash or a pulled plug would, and wait until it is gone (or a zombie).
    void kill_replica(char name) const {
        const pid_t pid = replica_pid(name);
        ASSERT_GT(pid, 0);
        ASSERT_EQ(::kill(pid, SIGKILL), 0);
        for (int i = 0; i < 100; ++i) {
            const std::string stat = read_file("/proc/" + std::to_string(pid) + "/stat");
            const auto close = stat.rfind(')');
            if (stat.empty() || (close != std::string::npos && stat.size() > close + 2 && stat[close + 2] == 'Z')) return;
            std::this_thread::sleep_for(20ms);
        }
        FAIL() << "replica " << name << " (pid " << pid << ") did not die";
    }

    int script(const std::string& args) const {
        auto [out, status] = run("IDO_BINARY=" + quoted(IDO_BINARY) + " " + quoted(IDO_SOURCE_DIR "/scripts/cluster.sh") + " " + args + " 2>&1");
        if (!out.empty()) std::printf("%s\n", out.c_str());
        return status;
    }
    int postgres(const std::string& command) const {
        auto [out, status] = run(quoted(IDO_SOURCE_DIR "/scripts/postgres-local.sh") + " " + command + " " + quoted((dir_ / "postgres").string()) + " 2>&1");
        if (status != 0) std::printf("postgres-local.sh %s: %s\n", command.c_str(), out.c_str());
        return status;
    }

    std::string create_token() const {
        const std::string errors = (dir_ / "token-create.log").string();
        auto [out, status] = run(quoted(IDO_BINARY) + " token create --rol beheerder --label cluster-test --db " + quoted(db) + " 2>" + quoted(errors));
        if (status != 0 || !out.starts_with("idov_")) throw std::runtime_error("token create failed: " + out + read_file(errors));
        return out;
    }

    /// The last lines of every log, for a failed run.
    void diagnostics() const {
        for (const char* name : {"replica-a.log", "replica-b.log", "nginx/logs/error.log", "nginx/logs/startup.log", "postgres/postgres.log"}) {
            if (!fs::exists(dir_ / name)) continue;
            std::printf("----- %s (last lines) -----\n%s\n", name, tail(dir_ / name, 25).c_str());
        }
    }

    const fs::path& dir() const { return dir_; }

    int nginx_port = 0, a_port = 0, b_port = 0;
    std::string db;

private:
    fs::path dir_;
    std::string stop_command_;
    std::unique_ptr<Watchdog> watchdog_;
};

Cluster* cluster = nullptr;
std::string token;

/// A client for one port. `source` binds the client to another loopback address (127.0.0.N): nginx
/// limits each client address to 20 requests/s (deploy/ido-vinder-http.conf), so the load below comes
/// from several addresses, each under that limit, as from several users.
std::unique_ptr<httplib::Client> client(int port, const std::string& source = {}, bool keep_alive = false) {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", port);
    c->set_connection_timeout(5, 0);
    c->set_read_timeout(15, 0);
    c->set_write_timeout(5, 0);
    if (!source.empty()) c->set_interface(source);
    c->set_keep_alive(keep_alive);
    return c;
}

httplib::Headers write_headers(const std::string& etag) {
    httplib::Headers h{{"Authorization", "Bearer " + token}};
    if (!etag.empty()) h.emplace("If-Match", etag);
    return h;
}

httplib::Result patch_notice(httplib::Client& c, const std::string& id, const std::string& etag, const std::string& text) {
    return c.Patch("/v1/informatiepunten/" + id, write_headers(etag), R"({"mededeling":")" + text + R"("})", "application/merge-patch+json");
}

std::string etag_of(httplib::Client& c, const std::string& id) {
    auto r = c.Get("/v1/informatiepunten/" + id);
    return r && r->status == 200 ? r->get_header_value("ETag") : "";
}

std::string notice_of(httplib::Client& c, const std::string& id) {
    auto r = c.Get("/v1/informatiepunten/" + id);
    return r && r->status == 200 ? string_member(parse(r->body), "mededeling") : "";
}

struct Health {
    bool answered = false;
    int status = 0;
    std::string state;                 // "ok" or "beperkt"
    std::optional<bool> schrijven;
    std::string dataversie;            // as text: a number or a string, whichever the service sends
};

Health health(int port) {
    Health h;
    auto c = client(port);
    auto r = c->Get("/v1/health");
    if (!r) return h;
    h.answered = true;
    h.status = r->status;
    auto d = parse(r->body);
    if (!d.IsObject()) return h;
    h.state = string_member(d, "status");
    if (d.HasMember("schrijven") && d["schrijven"].IsBool()) h.schrijven = json_bool(d, "/schrijven");
    if (d.HasMember("dataversie")) {
        const auto& v = json_at(d, "/dataversie");
        h.dataversie = v.IsString() ? v.GetString() : v.IsInt64() ? std::to_string(v.GetInt64()) : v.IsUint64() ? std::to_string(v.GetUint64()) : "?";
    }
    return h;
}

/// The values a help point's `mededeling` had, from its audit log (read from the database).
std::set<std::string> recorded_notices(int port, const std::string& id) {
    std::set<std::string> recorded;
    auto c = client(port);
    auto r = c->Get("/v1/informatiepunten/" + id + "/wijzigingen", write_headers(""));
    EXPECT_TRUE(r && r->status == 200) << (r ? r->body : httplib::to_string(r.error()));
    if (!r || r->status != 200) return recorded;
    const auto history = parse(r->body);  // kept alive for the loop
    if (!history.IsObject() || !history.HasMember("wijzigingen")) return recorded;
    for (const auto& e : json_array(history, "/wijzigingen"))
        if (e.HasMember("veld") && e["veld"].IsString() && json_string(e, "/veld") == "mededeling" && e.HasMember("nieuw") &&
            e["nieuw"].IsString())
            recorded.insert(json_string(e, "/nieuw"));
    return recorded;
}

/// Reader threads: GET requests in a loop, each status recorded with its time.
class Readers {
public:
    struct Target {
        int port;
        std::string source;
        bool keep_alive;
    };
    Readers(std::vector<Target> targets, std::chrono::milliseconds pause) {
        static const std::vector<std::string> paths = {"/v1/informatiepunten?lat=52.0907&lon=5.1214&limit=5", "/v1/informatiepunten/IDO-VB-067",
                                                       "/v1/gemeenten/GM0363", "/v1/informatiepunten?zoek=Utrecht&limit=3", "/v1/health"};
        results_.resize(targets.size());
        for (std::size_t t = 0; t < targets.size(); ++t)
            threads_.emplace_back([this, t, target = targets[t], pause] {
                auto c = client(target.port, target.source, target.keep_alive);
                for (std::size_t i = t; !stop_; ++i) {
                    auto r = c->Get(paths[i % paths.size()]);
                    {
                        std::lock_guard lock(mutex_);
                        results_[t].push_back({Clock::now(), r ? r->status : -1, r ? "" : httplib::to_string(r.error())});
                    }
                    std::this_thread::sleep_for(pause);
                }
            });
    }
    ~Readers() { finish(); }
    void finish() {
        stop_ = true;
        for (auto& t : threads_)
            if (t.joinable()) t.join();
    }
    struct Result {
        Clock::time_point at;
        int status;
        std::string error;
    };
    /// Total and failed (non-200) reads per target, optionally only those after `from`.
    std::pair<int, int> count(std::size_t target, Clock::time_point from = {}) {
        std::lock_guard lock(mutex_);
        int total = 0, failed = 0;
        for (const auto& r : results_[target]) {
            if (r.at < from) continue;
            ++total;
            if (r.status != 200) {
                if (++failed <= 5) std::printf("  read %zu failed: status %d %s\n", target, r.status, r.error.c_str());
            }
        }
        return {total, failed};
    }

private:
    std::atomic<bool> stop_{false};
    std::mutex mutex_;
    std::vector<std::vector<Result>> results_;
    std::vector<std::thread> threads_;
};

class ClusterTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        try {
            cluster = new Cluster();
            token = cluster->create_token();
        } catch (const std::exception& e) {
            delete cluster;
            cluster = nullptr;
            std::printf("cluster setup failed: %s\n", e.what());
            setup_error = e.what();
        }
    }
    static void TearDownTestSuite() {
        // Nothing here may throw before the cluster is stopped: its processes would outlive the test.
        try {
            if (cluster != nullptr && ::testing::UnitTest::GetInstance()->failed_test_count() > 0) cluster->diagnostics();
        } catch (const std::exception& e) {
            std::printf("diagnostics failed: %s\n", e.what());
        }
        delete cluster;
        cluster = nullptr;
    }
    void SetUp() override {
        ASSERT_NE(cluster, nullptr) << "the cluster did not start: " << setup_error;
        // Each case leaves the cluster whole; if one did not, say so here instead of failing obscurely.
        for (auto [name, port] : {std::pair{'A', cluster->a_port}, std::pair{'B', cluster->b_port}, std::pair{'N', cluster->nginx_port}})
            ASSERT_TRUE(health(port).answered) << (name == 'N' ? std::string("nginx") : std::string("replica ") + name)
                                               << " does not answer at the start of this case";
    }
    static std::string setup_error;
};
std::string ClusterTest::setup_error;

// --- 1. a write through one replica, read through the other ------------------------------------------

TEST_F(ClusterTest, AWriteThroughOneReplicaIsVisibleOnTheOther) {
    const std::string id = "IDO-VB-067";
    std::vector<double> delays;
    for (int round = 0; round < 6; ++round) {
        // Alternately through A and through B.
        const int writer_port = round % 2 == 0 ? cluster->a_port : cluster->b_port;
        const int reader_port = round % 2 == 0 ? cluster->b_port : cluster->a_port;
        auto writer = client(writer_port);
        auto reader = client(reader_port);
        const std::string text = "zichtbaarheid ronde " + std::to_string(round) + " " + std::to_string(getpid());
        auto r = patch_notice(*writer, id, etag_of(*writer, id), text);
        ASSERT_TRUE(r) << httplib::to_string(r.error());
        ASSERT_EQ(r->status, 200) << r->body;
        const auto acknowledged = Clock::now();
        const std::string etag = r->get_header_value("ETag");
        // Poll the other replica every 20 ms; the 30 s bound only catches a change that never arrives.
        std::optional<double> seen_after;
        while (ms_since(acknowledged) < 30000) {
            auto read = reader->Get("/v1/informatiepunten/" + id);
            if (read && read->status == 200 && string_member(parse(read->body), "mededeling") == text) {
                seen_after = ms_since(acknowledged);
                EXPECT_EQ(read->get_header_value("ETag"), etag);
                break;
            }
            std::this_thread::sleep_for(20ms);
        }
        ASSERT_TRUE(seen_after) << "a write through port " << writer_port << " never showed on port " << reader_port;
        std::printf("write %d through %s: visible through %s after %.0f ms\n", round, round % 2 == 0 ? "A" : "B", round % 2 == 0 ? "B" : "A",
                    *seen_after);
        delays.push_back(*seen_after);
    }
    std::sort(delays.begin(), delays.end());
    std::printf("visibility delay over %zu writes: median %.0f ms, max %.0f ms\n", delays.size(), delays[delays.size() / 2], delays.back());
    // Both replicas come to report the same change counter for their snapshot. (Not at once: a replica
    // reads the counter before the rows, so a change that lands during a rebuild shows in the rows first
    // and in the counter after the next rebuild, which the change's own NOTIFY starts.) The 30 s bound
    // only catches counters that never agree; how soon they do is printed.
    const auto start = Clock::now();
    Health a, b;
    do {
        a = health(cluster->a_port);
        b = health(cluster->b_port);
    } while ((a.dataversie.empty() || a.dataversie != b.dataversie) && ms_since(start) < 30000 && (std::this_thread::sleep_for(20ms), true));
    EXPECT_FALSE(a.dataversie.empty());
    EXPECT_EQ(a.dataversie, b.dataversie);
    std::printf("dataversie %s on both replicas (equal after %.0f ms)\n", a.dataversie.c_str(), ms_since(start));
}

// --- 2. replica A killed under load -------------------------------------------------------------------

TEST_F(ClusterTest, ReplicaKilledUnderLoadLosesNoAcknowledgedWriteAndNginxServesOn) {
    // Reads through nginx from three client addresses, about 12/s each.
    Readers readers({{cluster->nginx_port, "127.0.0.11", true}, {cluster->nginx_port, "127.0.0.12", true}, {cluster->nginx_port, "127.0.0.13", true}},
                    80ms);
    // Sequential writes through nginx from two more addresses, each to a help point of its own (so they
    // do not race each other's ETags), each remembering which writes were acknowledged.
    struct Writer {
        std::string id, source;
        std::vector<int> acknowledged, failed;
        std::vector<Clock::time_point> acknowledged_at;
        int conflicts = 0;
    };
    std::vector<Writer> writers{{"IDO-VB-01", "127.0.0.21", {}, {}, {}, 0}, {"IDO-VB-02", "127.0.0.22", {}, {}, {}, 0}};
    std::atomic<bool> stop{false};
    std::vector<std::thread> writer_threads;
    for (auto& w : writers)
        writer_threads.emplace_back([&w, &stop] {
            auto c = client(cluster->nginx_port, w.source, true);
            std::string etag = etag_of(*c, w.id);
            for (int n = 1; !stop; ++n) {
                auto r = patch_notice(*c, w.id, etag, "belasting " + w.id + " " + std::to_string(n));
                if (r && r->status == 200) {
                    w.acknowledged.push_back(n);
                    w.acknowledged_at.push_back(Clock::now());
                    etag = r->get_header_value("ETag");
                } else {
                    // 412: the replica that answered the read had not yet seen our previous write.
                    // Anything else: the write may or may not have been applied; it is not counted.
                    if (r && r->status == 412) ++w.conflicts;
                    else w.failed.push_back(n);
                    std::this_thread::sleep_for(50ms);
                    etag = etag_of(*c, w.id);
                }
                std::this_thread::sleep_for(50ms);
            }
        });

    std::this_thread::sleep_for(3s);
    const auto killed_at = Clock::now();
    cluster->kill_replica('a');
    std::printf("replica A killed (SIGKILL)\n");
    std::this_thread::sleep_for(4s);
    stop = true;
    for (auto& t : writer_threads) t.join();
    readers.finish();

    int reads = 0, read_failures = 0, reads_after = 0, failures_after = 0;
    for (std::size_t t = 0; t < 3; ++t) {
        auto [total, failed] = readers.count(t);
        auto [total_after, failed_after] = readers.count(t, killed_at);
        reads += total;
        read_failures += failed;
        reads_after += total_after;
        failures_after += failed_after;
    }
    std::printf("reads through nginx: %d, %d failed; after the kill: %d, %d failed\n", reads, read_failures, reads_after, failures_after);
    EXPECT_GT(reads_after, 20);
    EXPECT_EQ(read_failures, 0) << "every read must succeed, before and after the kill";

    // Every acknowledged write is in the database: the audit log, read through B.
    for (const auto& w : writers) {
        const auto after_kill = std::count_if(w.acknowledged_at.begin(), w.acknowledged_at.end(), [&](auto t) { return t > killed_at; });
        const auto recorded = recorded_notices(cluster->b_port, w.id);
        int missing = 0, unacknowledged_applied = 0;
        for (int n : w.acknowledged)
            if (!recorded.count("belasting " + w.id + " " + std::to_string(n))) {
                ++missing;
                ADD_FAILURE() << "acknowledged write " << n << " to " << w.id << " is missing";
            }
        for (int n : w.failed) unacknowledged_applied += static_cast<int>(recorded.count("belasting " + w.id + " " + std::to_string(n)));
        std::printf("writer %s: %zu writes acknowledged (%ld after the kill), %zu failed (%d of them applied after all), %d conflicts (412); "
                    "acknowledged and found in the database: %zu of %zu\n",
                    w.id.c_str(), w.acknowledged.size(), static_cast<long>(after_kill), w.failed.size(), unacknowledged_applied, w.conflicts,
                    w.acknowledged.size() - static_cast<std::size_t>(missing), w.acknowledged.size());
        EXPECT_GT(w.acknowledged.size(), 5u);
        EXPECT_GT(after_kill, 0) << "nginx must keep taking writes through B";
        // The help point's current value is the last acknowledged write, or one sent after it whose
        // answer was lost.
        auto b = client(cluster->b_port);
        const std::string now = notice_of(*b, w.id);
        ASSERT_FALSE(w.acknowledged.empty());
        const int last = w.acknowledged.back();
        const bool later_failed = std::any_of(w.failed.begin(), w.failed.end(), [&](int n) { return n > last && now == "belasting " + w.id + " " + std::to_string(n); });
        EXPECT_TRUE(now == "belasting " + w.id + " " + std::to_string(last) || later_failed) << now;
    }

    // A again (a rolling restart): it loads the current state from the database and agrees with B.
    ASSERT_EQ(cluster->script("start-replica " + quoted(cluster->dir().string()) + " a"), 0);
    for (const auto& w : writers) {
        auto a = client(cluster->a_port);
        auto b = client(cluster->b_port);
        EXPECT_EQ(notice_of(*a, w.id), notice_of(*b, w.id));
        EXPECT_EQ(etag_of(*a, w.id), etag_of(*b, w.id));
    }
    EXPECT_EQ(health(cluster->a_port).dataversie, health(cluster->b_port).dataversie);
}

// --- 3. PostgreSQL restarted under load ---------------------------------------------------------------

TEST_F(ClusterTest, PostgresRestartedUnderLoadReadsGoOnWritesPauseAndRecover) {
    for (int port : {cluster->a_port, cluster->b_port}) {
        const auto h = health(port);
        ASSERT_EQ(h.status, 200);
        ASSERT_EQ(h.schrijven, std::optional<bool>(true)) << "port " << port;
    }
    const pid_t pid_a = cluster->replica_pid('a'), pid_b = cluster->replica_pid('b');
    // Reads straight at each replica, and through nginx, about 15/s each.
    Readers readers({{cluster->a_port, "", false}, {cluster->b_port, "", false}, {cluster->nginx_port, "127.0.0.31", true}}, 60ms);
    std::this_thread::sleep_for(1s);

    const std::string id = "IDO-VB-03";
    ASSERT_EQ(cluster->postgres("stop"), 0);
    const auto down_at = Clock::now();
    std::printf("PostgreSQL stopped\n");

    // Both replicas notice and say so in /v1/health, which still answers 200.
    for (auto [name, port] : {std::pair{'A', cluster->a_port}, std::pair{'B', cluster->b_port}}) {
        Health h;
        while (ms_since(down_at) < 15000) {
            h = health(port);
            if (h.schrijven == std::optional<bool>(false)) break;
            std::this_thread::sleep_for(50ms);
        }
        std::printf("replica %c reports schrijven:false %.0f ms after the stop (status \"%s\")\n", name, ms_since(down_at), h.state.c_str());
        EXPECT_EQ(h.status, 200);
        EXPECT_EQ(h.schrijven, std::optional<bool>(false)) << "replica " << name;
        EXPECT_EQ(h.state, "beperkt");
    }
    // Writes are refused with 503 problem+json and Retry-After, on each replica and through nginx.
    for (auto [name, port] : {std::pair{"A", cluster->a_port}, std::pair{"B", cluster->b_port}, std::pair{"nginx", cluster->nginx_port}}) {
        auto c = client(port, port == cluster->nginx_port ? "127.0.0.32" : "");
        auto r = patch_notice(*c, id, etag_of(*c, id), "tijdens de storing");
        ASSERT_TRUE(r) << name << ": " << httplib::to_string(r.error());
        EXPECT_EQ(r->status, 503) << name << ": " << r->body;
        EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json") << name;
        EXPECT_FALSE(r->get_header_value("Retry-After").empty()) << name;
    }
    std::this_thread::sleep_for(4s - (Clock::now() - down_at));

    ASSERT_EQ(cluster->postgres("start"), 0);
    const auto up_at = Clock::now();
    std::printf("PostgreSQL started again after %.1f s down\n", std::chrono::duration<double>(up_at - down_at).count());

    // Writes succeed again on each replica, without restarting it.
    std::string text;
    for (auto [name, port] : {std::pair{'A', cluster->a_port}, std::pair{'B', cluster->b_port}}) {
        auto c = client(port);
        int status = 0;
        text = std::string("na de storing via ") + name;
        while (ms_since(up_at) < 30000) {
            auto r = patch_notice(*c, id, etag_of(*c, id), text);
            status = r ? r->status : -1;
            if (status == 200) break;
            std::this_thread::sleep_for(200ms);
        }
        std::printf("replica %c takes writes again %.0f ms after PostgreSQL is back\n", name, ms_since(up_at));
        EXPECT_EQ(status, 200) << "replica " << name << " did not recover";
        const auto h = health(port);
        EXPECT_EQ(h.schrijven, std::optional<bool>(true));
        EXPECT_EQ(h.state, "ok");
    }
    // And changes travel between them again: the last write (through B) shows on A.
    {
        auto a = client(cluster->a_port);
        const auto start = Clock::now();
        while (notice_of(*a, id) != text && ms_since(start) < 30000) std::this_thread::sleep_for(20ms);
        EXPECT_EQ(notice_of(*a, id), text);
        std::printf("after the restart, a write through B showed on A after %.0f ms\n", ms_since(start));
    }
    readers.finish();
    // The same processes all along: they recovered on their own.
    EXPECT_EQ(cluster->replica_pid('a'), pid_a);
    EXPECT_EQ(cluster->replica_pid('b'), pid_b);
    EXPECT_EQ(::kill(pid_a, 0), 0);
    EXPECT_EQ(::kill(pid_b, 0), 0);

    const char* names[] = {"replica A", "replica B", "nginx"};
    for (std::size_t t = 0; t < 3; ++t) {
        auto [total, failed] = readers.count(t);
        auto [during, failed_during] = readers.count(t, down_at);
        std::printf("reads from %s: %d, %d failed (%d since PostgreSQL went down)\n", names[t], total, failed, during);
        EXPECT_EQ(failed, 0) << names[t];
        EXPECT_GT(during, 20) << names[t];
    }
}

// --- 4. the per-address report limit in a cluster ----------------------------------------------------

httplib::Result post_report(httplib::Client& c, const std::string& id, const std::string& text, const httplib::Headers& headers = {}) {
    return c.Post("/v1/informatiepunten/" + id + "/meldingen", headers, R"({"soort":"anders","toelichting":")" + text + R"("})", "application/json");
}

// Each replica counts reports per address in its own memory. Through nginx, each client address must
// still get exactly 5 per hour in the whole cluster: nginx passes the address in X-Real-IP (trusted
// from 127.0.0.1 only, scripts/cluster.sh --vertrouwde-proxy) and sends an address always to the same
// replica (deploy/ido-vinder-site.conf, hash upstream). Round robin would let an address make 5 per
// replica; a service that ignored X-Real-IP would make the clients on one replica share nginx's 5.
TEST_F(ClusterTest, EachClientAddressHasItsOwnReportLimitOfFiveAcrossReplicas) {
    const std::string id = "IDO-VB-101";
    // Three addresses over two replicas: at least two of them land on the same replica, so they must
    // be told apart there.
    for (const std::string source : {"127.0.0.41", "127.0.0.42", "127.0.0.43"}) {
        auto c = client(cluster->nginx_port, source);
        for (int i = 0; i < 5; ++i) {
            auto r = post_report(*c, id, "cluster " + source + " " + std::to_string(i) + " " + std::to_string(getpid()));
            ASSERT_TRUE(r) << httplib::to_string(r.error());
            EXPECT_EQ(r->status, 201) << "report " << i + 1 << " from " << source << ": " << r->body;
        }
        // The sixth, through nginx to whichever replica: refused, however many replicas there are.
        for (int i = 0; i < 2; ++i) {
            auto r = post_report(*c, id, "cluster " + source + " te veel " + std::to_string(i));
            ASSERT_TRUE(r) << httplib::to_string(r.error());
            EXPECT_EQ(r->status, 429) << "report " << i + 6 << " from " << source << ": " << r->body;
            EXPECT_FALSE(r->get_header_value("Retry-After").empty());
        }
    }
    // Straight to a replica from an address it does not trust: X-Real-IP is ignored, so a client
    // cannot get a fresh limit by writing a new one with every request.
    auto direct = client(cluster->a_port, "127.0.0.44");
    for (int i = 0; i < 6; ++i) {
        auto r = post_report(*direct, id, "direct " + std::to_string(i) + " " + std::to_string(getpid()),
                             {{"X-Real-IP", "203.0.113." + std::to_string(i + 1)}});
        ASSERT_TRUE(r) << httplib::to_string(r.error());
        EXPECT_EQ(r->status, i < 5 ? 201 : 429) << "direct report " << i + 1 << ": " << r->body;
    }
}

}  // namespace

namespace {

// The load balancer's configuration as docker-compose.yml uses it (deploy/cluster/nginx.conf with
// deploy/cluster/compose/*.conf) is valid: `nginx -t` in a copy laid out as in the image, with the
// replicas' compose host names replaced by an address (they resolve only inside the compose network).
TEST(ComposeLoadBalancer, ConfigurationPassesNginxT) {
    ASSERT_EQ(run("command -v nginx").second, 0) << "nginx is not installed: run scripts/install-deps.sh";
    std::string dir = (fs::temp_directory_path() / "ido-vinder-compose-XXXXXX").string();
    ASSERT_NE(mkdtemp(dir.data()), nullptr);
    const fs::path work(dir), conf = work / "etc", prefix = work / "prefix";
    fs::create_directories(conf);
    fs::create_directories(prefix / "tmp");
    const fs::path src(IDO_SOURCE_DIR);
    for (const auto& file : {src / "deploy/cluster/nginx.conf", src / "deploy/ido-vinder-http.conf", src / "deploy/ido-vinder-site.conf",
                             src / "deploy/cluster/compose/server.conf"})
        fs::copy_file(file, conf / file.filename());
    std::string upstreams = read_file(src / "deploy/cluster/compose/upstreams.conf");
    for (const std::string host : {"ido-vinder-a:", "ido-vinder-b:"})
        for (auto at = upstreams.find(host); at != std::string::npos; at = upstreams.find(host)) upstreams.replace(at, host.size() - 1, "127.0.0.1");
    EXPECT_GE(std::count(upstreams.begin(), upstreams.end(), '\n'), 2);
    std::ofstream(conf / "upstreams.conf") << upstreams;
    auto [out, status] = run("nginx -e stderr -t -p " + quoted(prefix.string() + "/") + " -c " + quoted((conf / "nginx.conf").string()) + " 2>&1");
    EXPECT_EQ(status, 0) << out;
    std::error_code ignored;
    fs::remove_all(work, ignored);
}

}  // namespace
