#pragma once
// A private PostgreSQL server for tests, started once per test binary through scripts/postgres-local.sh
// (Debian's postgresql, its own data directory under the temp directory, its own port, loopback only),
// with a fresh database per test. Needs IDO_SOURCE_DIR.
#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace ido::test {

/// Runs a shell command and returns its standard output; throws when it fails.
inline std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("cannot run: " + command);
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
    if (pclose(pipe) != 0) throw std::runtime_error("failed: " + command + "\n" + out);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

inline std::filesystem::path new_temp_dir(const std::string& prefix) {
    std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "XXXXXX")).string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    return pattern;
}

class PostgresServer {
public:
    static PostgresServer& get() {
        static PostgresServer server;
        return server;
    }
    /// A new, empty database on the server; its URI.
    std::string new_database() {
        const std::string name = "t" + std::to_string(++databases_);
        // FILE_COPY (PostgreSQL 15+) copies the small template's files instead of logging every page
        // through the WAL: about half the time of the default, once per test.
        if (!exec(base_ + "postgres", "CREATE DATABASE " + name + " STRATEGY FILE_COPY")) throw std::runtime_error("cannot create database " + name);
        return base_ + name;
    }
    void stop() { run(script_ + " stop " + dir_.string()); }
    void start() { run(script_ + " start " + dir_.string()); }
    /// Runs SQL on a database; returns whether it succeeded.
    static bool exec(const std::string& uri, const std::string& sql) {
        PGconn* conn = PQconnectdb(uri.c_str());
        PGresult* result = PQexec(conn, sql.c_str());
        const auto status = PQresultStatus(result);
        PQclear(result);
        PQfinish(conn);
        return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    }

    ~PostgresServer() {
        try {
            stop();
        } catch (...) {
        }
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

private:
    PostgresServer() : script_(std::string(IDO_SOURCE_DIR) + "/scripts/postgres-local.sh"), dir_(new_temp_dir("ido-postgres-test-")) {
        const std::string uri = run(script_ + " start " + dir_.string());  // postgresql://ido@127.0.0.1:PORT/ido_vinder
        base_ = uri.substr(0, uri.rfind('/') + 1);
    }

    std::string script_;
    std::filesystem::path dir_;
    std::string base_;
    int databases_ = 0;
};

}  // namespace ido::test
