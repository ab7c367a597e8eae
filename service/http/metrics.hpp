#pragma once
// Prometheus metrics of the service: counted on the request path, written in the text exposition
// format 0.0.4 on a listener of their own (MetricsServer), off the public port. Labels are method,
// route template and status only: a bounded set, never a position, query, address or token.
#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace Pistache::Http {
class Endpoint;
}

namespace ido::service {

class Metrics {
public:
    /// The process's metrics: the HTTP server counts into them, and any module may add a gauge (the
    /// open reports, for one: set_gauge("ido_meldingen_open", ...)).
    static Metrics& process();

    /// One answered request: counts it, its duration, and a 429 as a rate-limit refusal.
    void observe_request(std::string_view method, std::string_view route, int status, std::chrono::steady_clock::duration took);

    /// A gauge read at every scrape (the snapshot's data version, the store's reachability). A second
    /// call with the same name replaces the first. `name` must be a valid Prometheus metric name.
    void gauge(const std::string& name, std::string help, std::function<double()> read);
    /// A gauge its owner sets when the value changes.
    void set_gauge(const std::string& name, std::string help, double value);

    /// Everything in the Prometheus text format (version 0.0.4).
    std::string render() const;

    /// The duration buckets (seconds, the upper bounds; +Inf is implied).
    static constexpr std::array<double, 12> buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

private:
    struct Histogram {
        std::array<std::uint64_t, buckets.size()> counts{};  // not cumulative: the bucket the value fell into
        std::uint64_t count = 0;
        double sum = 0;
    };
    struct Gauge {
        std::string help;
        std::function<double()> read;
    };
    mutable std::mutex mutex_;
    std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;  // method, route, status
    std::map<std::string, Histogram> durations_;                                   // per route
    std::map<std::string, std::uint64_t> refusals_;                                // 429s per route
    std::map<std::string, Gauge> gauges_;
};

/// Whether `name` is a Prometheus metric name: [a-zA-Z_:][a-zA-Z0-9_:]*.
bool is_metric_name(std::string_view name);

/// The metrics listener: GET /metrics and nothing else, on its own address (default 127.0.0.1 only),
/// so that the public port behind nginx never shows them.
class MetricsServer {
public:
    MetricsServer(std::string address, std::uint16_t port, const Metrics& metrics);
    ~MetricsServer();
    MetricsServer(const MetricsServer&) = delete;
    MetricsServer& operator=(const MetricsServer&) = delete;

    void start();
    std::uint16_t port() const;
    void stop();

private:
    std::string address_;
    std::uint16_t port_;
    const Metrics& metrics_;
    std::unique_ptr<Pistache::Http::Endpoint> endpoint_;
};

}  // namespace ido::service
