#pragma once
// Starts the real ido-vinder binary on a free port for contract tests, and stops it again.
#include <httplib.h>

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>
#include <vector>

namespace ido::test {

class ServerProcess {
public:
    /// Starts `ido-vinder serve --port 0` with the shipped data; stderr goes to `log_path`.
    /// A fresh database in its own temporary directory unless `db_path` names one (a restart test).
    explicit ServerProcess(std::vector<std::string> extra_args = {}, std::string log_path = "contract-server.log", std::string db_path = {})
        : log_path_(std::move(log_path)), db_path_(std::move(db_path)) {
        if (db_path_.empty()) {
            std::string dir = (std::filesystem::temp_directory_path() / "ido-vinder-test-XXXXXX").string();
            if (mkdtemp(dir.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
            db_path_ = dir + "/ido-vinder.db";
            owned_dir_ = dir;
        }
        int out[2];
        if (pipe(out) != 0) throw std::runtime_error("pipe failed");
        pid_ = fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            dup2(out[1], STDOUT_FILENO);
            int log = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (log >= 0) dup2(log, STDERR_FILENO);
            close(out[0]);
            std::vector<std::string> args{IDO_BINARY, "serve", "--port", "0", "--address", "127.0.0.1",
                                          "--data-dir", IDO_SOURCE_DIR "/data", "--widget-dir", IDO_SOURCE_DIR "/web-widget/dist",
                                          "--db", db_path_};
            args.insert(args.end(), extra_args.begin(), extra_args.end());
            std::vector<char*> argv;
            for (auto& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            execv(IDO_BINARY, argv.data());
            _exit(127);
        }
        close(out[1]);
        stdout_fd_ = out[0];
        port_ = read_port();
    }

    ~ServerProcess() {
        stop();
        if (!owned_dir_.empty()) std::filesystem::remove_all(owned_dir_);
    }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return port_; }
    const std::string& db_path() const { return db_path_; }

    /// Kills the server at once (SIGKILL), as a crash would.
    void kill_hard() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        pid_ = 0;
        close(stdout_fd_);
    }
    pid_t pid() const { return pid_; }

    /// SIGTERM and wait (at most 15 s); returns the exit status, or -1 if it had to be killed.
    int stop() {
        if (pid_ <= 0) return exit_status_;
        kill(pid_, SIGTERM);
        for (int i = 0; i < 150; ++i) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
                pid_ = 0;
                close(stdout_fd_);
                return exit_status_;
            }
            usleep(100 * 1000);
        }
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        pid_ = 0;
        close(stdout_fd_);
        return exit_status_ = -1;
    }

    bool alive() const { return pid_ > 0 && ::kill(pid_, 0) == 0; }

    std::string log() const {
        std::ifstream in(log_path_);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }

private:
    int read_port() {
        std::string line;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (std::chrono::steady_clock::now() < deadline) {
            pollfd p{stdout_fd_, POLLIN, 0};
            if (poll(&p, 1, 200) > 0) {
                char c;
                if (read(stdout_fd_, &c, 1) != 1) break;
                if (c == '\n') {
                    auto at = line.rfind(':');
                    if (line.find("listening on") != std::string::npos && at != std::string::npos) return std::stoi(line.substr(at + 1));
                    line.clear();
                } else {
                    line.push_back(c);
                }
            }
        }
        throw std::runtime_error("ido-vinder did not report a port; see " + log_path_);
    }

    std::string log_path_;
    std::string db_path_;
    std::string owned_dir_;  // the temporary directory this fixture made, removed with it
    pid_t pid_ = 0;
    int stdout_fd_ = -1;
    int port_ = 0;
    int exit_status_ = -1;
};

/// Sends raw bytes and returns whatever the server answers before closing (or the timeout).
inline std::string raw_exchange(int port, const std::string& bytes, int timeout_ms = 3000) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd);
        return "";
    }
    (void)!send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    std::string answer;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 100) <= 0) continue;
        char buffer[4096];
        ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        answer.append(buffer, static_cast<std::size_t>(n));
    }
    close(fd);
    return answer;
}

/// What a shell command prints on standard output, without the trailing line break ("" when it cannot
/// start). The contract tests make and manage tokens with the real CLI, as an operator does.
inline std::string run_command(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return out;
    char buffer[256];
    while (fgets(buffer, sizeof buffer, pipe)) out += buffer;
    pclose(pipe);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

/// A new token's secret from `ido-vinder token create <args>` on the database file `db`.
inline std::string create_token(const std::string& db, const std::string& args) {
    return run_command(std::string(IDO_BINARY) + " token create " + args + " --db '" + db + "' 2>/dev/null");
}

/// The headers of a request with `token`, and `If-Match: <etag>` when one is given.
inline httplib::Headers auth(const std::string& token, const std::string& etag = {}) {
    httplib::Headers h{{"Authorization", "Bearer " + token}};
    if (!etag.empty()) h.emplace("If-Match", etag);
    return h;
}

}  // namespace ido::test
