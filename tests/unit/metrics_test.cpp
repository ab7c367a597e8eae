// The Prometheus text of service::Metrics, and the request ids and JSON log lines of the HTTP server.
#include "service/http/http_server.hpp"
#include "service/http/metrics.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <chrono>
#include <set>
#include <stdexcept>
#include <string>

using ido::service::Metrics;
using namespace std::chrono_literals;

namespace {

bool has_line(const std::string& text, const std::string& line) { return text.find("\n" + line + "\n") != std::string::npos; }

}  // namespace

TEST(Metrics, CountsRequestsByMethodRouteAndStatus) {
    Metrics m;
    m.observe_request("GET", "/v1/gemeenten/{gemeentecode}", 200, 3ms);
    m.observe_request("GET", "/v1/gemeenten/{gemeentecode}", 200, 3ms);
    m.observe_request("GET", "/v1/gemeenten/{gemeentecode}", 404, 1ms);
    m.observe_request("PUT", "/v1/informatiepunten/{id}/openingstijden", 429, 1ms);
    const std::string text = m.render();
    EXPECT_TRUE(has_line(text, R"(ido_http_requests_total{method="GET",route="/v1/gemeenten/{gemeentecode}",status="200"} 2)")) << text;
    EXPECT_TRUE(has_line(text, R"(ido_http_requests_total{method="GET",route="/v1/gemeenten/{gemeentecode}",status="404"} 1)"));
    EXPECT_TRUE(has_line(text, R"(ido_rate_limit_refusals_total{route="/v1/informatiepunten/{id}/openingstijden"} 1)"));
    EXPECT_TRUE(has_line(text, "# TYPE ido_http_requests_total counter"));
}

TEST(Metrics, TheHistogramIsCumulativeWithSumAndCount) {
    Metrics m;
    m.observe_request("GET", "/v1", 200, 700us);   // in the 0.001 bucket
    m.observe_request("GET", "/v1", 200, 30ms);    // in the 0.05 bucket
    m.observe_request("GET", "/v1", 200, 10s);     // above every bucket: +Inf only
    const std::string text = m.render();
    EXPECT_TRUE(has_line(text, R"(ido_http_request_duration_seconds_bucket{route="/v1",le="0.00050000000000000001"} 0)")) << text;
    EXPECT_TRUE(has_line(text, R"(ido_http_request_duration_seconds_bucket{route="/v1",le="0.001"} 1)"));
    EXPECT_TRUE(has_line(text, R"(ido_http_request_duration_seconds_bucket{route="/v1",le="0.025000000000000001"} 1)"));
    EXPECT_TRUE(has_line(text, R"(ido_http_request_duration_seconds_bucket{route="/v1",le="0.050000000000000003"} 2)"));
    EXPECT_TRUE(has_line(text, R"(ido_http_request_duration_seconds_bucket{route="/v1",le="2.5"} 2)"));
    EXPECT_TRUE(has_line(text, R"(ido_http_request_duration_seconds_bucket{route="/v1",le="+Inf"} 3)"));
    EXPECT_TRUE(has_line(text, R"(ido_http_request_duration_seconds_count{route="/v1"} 3)"));
    EXPECT_NE(text.find(R"(ido_http_request_duration_seconds_sum{route="/v1"} 10.03)"), std::string::npos);
}

TEST(Metrics, GaugesAreReadAtEachScrapeAndNamesAreChecked) {
    Metrics m;
    double open = 4;
    m.gauge("ido_meldingen_open", "Open reports.", [&open] { return open; });
    EXPECT_TRUE(has_line(m.render(), "ido_meldingen_open 4"));
    open = 5;
    EXPECT_TRUE(has_line(m.render(), "ido_meldingen_open 5"));
    m.set_gauge("ido_meldingen_open", "Open reports.", 7);  // replaces the first
    EXPECT_TRUE(has_line(m.render(), "ido_meldingen_open 7"));
    EXPECT_TRUE(has_line(m.render(), "# TYPE ido_meldingen_open gauge"));
    EXPECT_THROW(m.set_gauge("ido meldingen", "x", 1), std::invalid_argument);
    EXPECT_THROW(m.set_gauge("1ido", "x", 1), std::invalid_argument);
    EXPECT_TRUE(ido::service::is_metric_name("ido:x_1"));
}

TEST(Metrics, AGaugeThatCannotBeReadIsNaNAndTheScrapeGoesOn) {
    Metrics m;
    m.gauge("ido_a", "Throws.", []() -> double { throw std::runtime_error("store down"); });
    m.set_gauge("ido_b", "Fine.", 2);
    const std::string text = m.render();
    EXPECT_TRUE(has_line(text, "ido_a NaN")) << text;
    EXPECT_TRUE(has_line(text, "ido_b 2"));
}

TEST(Metrics, LabelValuesAreEscaped) {
    Metrics m;
    m.observe_request("GET", "a\"b\\c\nd", 200, 1ms);
    EXPECT_NE(m.render().find(R"(route="a\"b\\c\nd")"), std::string::npos);
}

TEST(RequestId, OnlyShortIdsOfSafeCharactersAreTakenOver) {
    using ido::service::valid_request_id;
    EXPECT_TRUE(valid_request_id("0f3c9a1b2d4e5f60718293a4b5c6d7e8"));
    EXPECT_TRUE(valid_request_id("req-1.2_3:4"));
    EXPECT_TRUE(valid_request_id(std::string(64, 'a')));
    EXPECT_FALSE(valid_request_id(std::string(65, 'a')));
    EXPECT_FALSE(valid_request_id(""));
    EXPECT_FALSE(valid_request_id("a b"));
    EXPECT_FALSE(valid_request_id("a\r\nSet-Cookie: x"));
    EXPECT_FALSE(valid_request_id("\"quoted\""));
    EXPECT_FALSE(valid_request_id("caf\xc3\xa9"));
}

TEST(RequestId, NewIdsAre32HexDigitsAndDiffer) {
    std::set<std::string> ids;
    for (int i = 0; i < 1000; ++i) {
        const std::string id = ido::service::new_request_id();
        ASSERT_EQ(id.size(), 32u);
        ASSERT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
        EXPECT_TRUE(ido::service::valid_request_id(id));
        ids.insert(id);
    }
    EXPECT_EQ(ids.size(), 1000u);
}

TEST(JsonAccessLog, OneObjectWithTheNamedFields) {
    const std::string line = ido::service::access_log_json("2026-12-01T12:00:00Z", "GET", "/v1/informatiepunten/{id}", 503, 1234, "abc");
    EXPECT_EQ(line.find('\n'), std::string::npos);
    rapidjson::Document d;
    d.Parse(line.c_str());
    ASSERT_TRUE(d.IsObject()) << line;
    EXPECT_STREQ(d["time"].GetString(), "2026-12-01T12:00:00Z");
    EXPECT_STREQ(d["level"].GetString(), "error");
    EXPECT_STREQ(d["route"].GetString(), "/v1/informatiepunten/{id}");
    EXPECT_EQ(d["status"].GetInt(), 503);
    EXPECT_DOUBLE_EQ(d["duration_ms"].GetDouble(), 1.234);
    EXPECT_STREQ(d["request_id"].GetString(), "abc");
    EXPECT_STREQ(rapidjson::Document().Parse(ido::service::access_log_json("t", "GET", "/", 200, 0, "x").c_str())["level"].GetString(), "info");
}
