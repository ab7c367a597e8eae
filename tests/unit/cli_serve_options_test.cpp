// `ido-vinder serve` options (cli/serve.cpp): defaults, the environment (IDO_*), flags that win over
// it, and every problem of a command line listed at once.
#include "cli/serve.hpp"
#include "service/http/config.hpp"

#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

namespace {

using ido::cli::Environment;
using ido::service::Config;

Config parsed(const std::vector<std::string>& args, const Environment& environment = {}) {
    auto result = ido::cli::parse_config(args, environment);
    if (auto* problems = std::get_if<std::vector<std::string>>(&result)) {
        std::string all;
        for (const auto& p : *problems) all += p + "\n";
        ADD_FAILURE() << all;
        return {};
    }
    return std::get<Config>(result);
}

std::vector<std::string> problems_of(const std::vector<std::string>& args, const Environment& environment = {}) {
    auto result = ido::cli::parse_config(args, environment);
    if (auto* problems = std::get_if<std::vector<std::string>>(&result)) return *problems;
    return {};
}

bool mentions(const std::vector<std::string>& problems, const std::string& text) {
    for (const auto& p : problems)
        if (p.find(text) != std::string::npos) return true;
    return false;
}

TEST(ServeOptions, DefaultsWithoutArgumentsOrEnvironment) {
    const Config c = parsed({});
    EXPECT_EQ(c.address, "0.0.0.0");
    EXPECT_EQ(c.port, 8080);
    EXPECT_GE(c.threads, 1u);
    EXPECT_EQ(c.max_request_bytes, 16u * 1024);
    EXPECT_EQ(c.header_timeout.count(), 5000);
    EXPECT_EQ(c.body_timeout.count(), 10000);
    EXPECT_EQ(c.keepalive_timeout.count(), 15000);
    EXPECT_EQ(c.data_dir, "data");
    EXPECT_EQ(c.widget_dir, "web-widget/dist");
    EXPECT_EQ(c.db, ido::service::default_database);
    EXPECT_EQ(c.db, "var/ido-vinder.db");
    EXPECT_EQ(c.reload_interval.count(), 5);
    EXPECT_TRUE(c.access_log);
    EXPECT_FALSE(c.check_only);
}

TEST(ServeOptions, EveryFlagInBothSpellings) {
    const Config c = parsed({"--address", "127.0.0.1", "--port=0", "--threads", "3", "--max-request-bytes=2048",
                             "--header-timeout-ms", "100", "--body-timeout-ms", "200", "--keepalive-timeout-ms=300",
                             "--data-dir", "d", "--widget-dir", "w", "--db", "postgresql://ido@db:5432/ido",
                             "--reload-interval-s", "7", "--access-log", "off", "--check"});
    EXPECT_EQ(c.address, "127.0.0.1");
    EXPECT_EQ(c.port, 0);
    EXPECT_EQ(c.threads, 3u);
    EXPECT_EQ(c.max_request_bytes, 2048u);
    EXPECT_EQ(c.header_timeout.count(), 100);
    EXPECT_EQ(c.body_timeout.count(), 200);
    EXPECT_EQ(c.keepalive_timeout.count(), 300);
    EXPECT_EQ(c.data_dir, "d");
    EXPECT_EQ(c.widget_dir, "w");
    EXPECT_EQ(c.db, "postgresql://ido@db:5432/ido");
    EXPECT_EQ(c.reload_interval.count(), 7);
    EXPECT_FALSE(c.access_log);
    EXPECT_TRUE(c.check_only);
}

TEST(ServeOptions, EnvironmentSetsAndFlagsWin) {
    const Environment env{{"IDO_PORT", "9000"}, {"IDO_DB", "/srv/ido.db"}, {"IDO_ACCESS_LOG", "no"}, {"IDO_THREADS", "4"}};
    const Config from_env = parsed({}, env);
    EXPECT_EQ(from_env.port, 9000);
    EXPECT_EQ(from_env.db, "/srv/ido.db");
    EXPECT_FALSE(from_env.access_log);
    EXPECT_EQ(from_env.threads, 4u);
    const Config flags_win = parsed({"--port", "9001", "--db", "other.db"}, env);
    EXPECT_EQ(flags_win.port, 9001);
    EXPECT_EQ(flags_win.db, "other.db");
    EXPECT_EQ(flags_win.threads, 4u);  // not overridden
}

TEST(ServeOptions, ARepeatedFlagTakesTheLastValue) {
    EXPECT_EQ(parsed({"--port", "1", "--port", "2"}).port, 2);
}

TEST(ServeOptions, EveryProblemIsListed) {
    const auto problems = problems_of({"--port", "70000", "--threads", "0", "--bogus", "--access-log=maybe", "stray"},
                                      {{"IDO_HEADER_TIMEOUT_MS", "soon"}});
    EXPECT_EQ(problems.size(), 6u);
    EXPECT_TRUE(mentions(problems, "--port: invalid value '70000'"));
    EXPECT_TRUE(mentions(problems, "--threads: invalid value '0'"));
    EXPECT_TRUE(mentions(problems, "--access-log: invalid value 'maybe'"));
    EXPECT_TRUE(mentions(problems, "IDO_HEADER_TIMEOUT_MS --header-timeout-ms: invalid value 'soon'"));
    EXPECT_TRUE(mentions(problems, "unknown option '--bogus'"));
    EXPECT_TRUE(mentions(problems, "unknown option 'stray'"));
}

TEST(ServeOptions, AFlagWithoutItsValueIsAProblem) {
    EXPECT_FALSE(problems_of({"--port"}).empty());
    EXPECT_FALSE(problems_of({"--address", ""}).empty());
    EXPECT_FALSE(problems_of({"--db="}).empty());
}

TEST(ServeOptions, UsageNamesEveryOptionWithItsVariable) {
    const std::string usage = ido::cli::config_usage();
    for (const char* name : {"--address VALUE [IDO_ADDRESS]", "--port VALUE [IDO_PORT]", "--threads VALUE [IDO_THREADS]",
                             "--max-request-bytes VALUE [IDO_MAX_REQUEST_BYTES]", "--header-timeout-ms VALUE [IDO_HEADER_TIMEOUT_MS]",
                             "--body-timeout-ms VALUE [IDO_BODY_TIMEOUT_MS]", "--keepalive-timeout-ms VALUE [IDO_KEEPALIVE_TIMEOUT_MS]",
                             "--data-dir VALUE [IDO_DATA_DIR]", "--db VALUE [IDO_DB]", "--widget-dir VALUE [IDO_WIDGET_DIR]",
                             "--reload-interval-s VALUE [IDO_RELOAD_INTERVAL_S]", "--access-log VALUE [IDO_ACCESS_LOG]", "  --check\n"})
        EXPECT_NE(usage.find(name), std::string::npos) << name;
    EXPECT_NE(usage.find("(default ./var/ido-vinder.db)"), std::string::npos);
}

}  // namespace

// --- operations (issue 16): the metrics listener and the log format ---

TEST(ServeOptions, MetricsAddressAndLogFormat) {
    const Config plain = parsed({});
    EXPECT_EQ(plain.metrics_address, "127.0.0.1");
    EXPECT_FALSE(plain.metrics_port);
    EXPECT_EQ(plain.log_format, Config::LogFormat::tekst);
    const Config set = parsed({"--metrics-adres", "0.0.0.0:9100", "--log-formaat", "json"});
    EXPECT_EQ(set.metrics_address, "0.0.0.0");
    EXPECT_EQ(set.metrics_port, 9100);
    EXPECT_EQ(set.log_format, Config::LogFormat::json);
    const Config v6 = parsed({"--metrics-adres", "[::1]:9464"});
    EXPECT_EQ(v6.metrics_address, "::1");
    EXPECT_TRUE(parsed({"--metrics-adres", "uit"}).metrics_address.empty());
    EXPECT_EQ(parsed({}, {{"IDO_METRICS_ADRES", "127.0.0.1:0"}, {"IDO_LOG_FORMAAT", "json"}}).metrics_port, 0);
    for (const char* bad : {"9464", "127.0.0.1:", ":9464", "127.0.0.1:65536", "127.0.0.1:x"})
        EXPECT_TRUE(mentions(problems_of({"--metrics-adres", bad}), "--metrics-adres")) << bad;
    EXPECT_TRUE(mentions(problems_of({"--log-formaat", "xml"}), "--log-formaat"));
}
