#include "service/http/metrics.hpp"

#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/net.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace ido::service {
namespace {

// A label value in the text format: backslash, double quote and newline escaped.
std::string label_value(std::string_view value) {
    std::string out;
    for (char c : value) {
        if (c == '\\') out += "\\\\";
        else if (c == '"') out += "\\\"";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

// A sample value: Prometheus reads Go's float syntax; %.17g round-trips a double, and the special values
// have their own spelling.
std::string number(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

void header(std::string& out, std::string_view name, std::string_view help, std::string_view type) {
    out.append("# HELP ").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

// The process's resident memory (Linux /proc/self/statm), for the soak's "RSS flat"; NaN elsewhere.
double resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    long pages_total = 0, pages_resident = 0;
    if (!(statm >> pages_total >> pages_resident)) return std::nan("");
    return static_cast<double>(pages_resident) * static_cast<double>(sysconf(_SC_PAGESIZE));
}

const double process_start = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();

}  // namespace

bool is_metric_name(std::string_view name) {
    if (name.empty()) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
        if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
    }
    return true;
}

Metrics& Metrics::process() {
    static Metrics metrics;
    return metrics;
}

void Metrics::observe_request(std::string_view method, std::string_view route, int status, std::chrono::steady_clock::duration took) {
    const double seconds = std::chrono::duration<double>(took).count();
    std::size_t bucket = 0;
    while (bucket < buckets.size() && seconds > buckets[bucket]) ++bucket;
    std::lock_guard lock(mutex_);
    ++requests_[{std::string(method), std::string(route), status}];
    auto& histogram = durations_[std::string(route)];
    if (bucket < buckets.size()) ++histogram.counts[bucket];
    ++histogram.count;
    histogram.sum += seconds;
    if (status == 429) ++refusals_[std::string(route)];
}

void Metrics::gauge(const std::string& name, std::string help, std::function<double()> read) {
    if (!is_metric_name(name)) throw std::invalid_argument("not a Prometheus metric name: " + name);
    std::lock_guard lock(mutex_);
    gauges_[name] = {std::move(help), std::move(read)};
}

void Metrics::set_gauge(const std::string& name, std::string help, double value) {
    gauge(name, std::move(help), [value] { return value; });
}

std::string Metrics::render() const {
    std::string out;
    std::lock_guard lock(mutex_);
    header(out, "ido_http_requests_total", "Answered requests by method, route template and status.", "counter");
    for (const auto& [key, count] : requests_) {
        const auto& [method, route, status] = key;
        out += "ido_http_requests_total{method=\"" + label_value(method) + "\",route=\"" + label_value(route) + "\",status=\"" +
               std::to_string(status) + "\"} " + std::to_string(count) + "\n";
    }
    header(out, "ido_http_request_duration_seconds", "Time from a parsed request to its answer written, by route template.", "histogram");
    for (const auto& [route, histogram] : durations_) {
        const std::string labels = "route=\"" + label_value(route) + "\"";
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < buckets.size(); ++i) {
            cumulative += histogram.counts[i];
            out += "ido_http_request_duration_seconds_bucket{" + labels + ",le=\"" + number(buckets[i]) + "\"} " + std::to_string(cumulative) + "\n";
        }
        out += "ido_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " + std::to_string(histogram.count) + "\n";
        out += "ido_http_request_duration_seconds_sum{" + labels + "} " + number(histogram.sum) + "\n";
        out += "ido_http_request_duration_seconds_count{" + labels + "} " + std::to_string(histogram.count) + "\n";
    }
    header(out, "ido_rate_limit_refusals_total", "Requests refused with 429 (too many failed token attempts or requests), by route template.",
           "counter");
    for (const auto& [route, count] : refusals_) out += "ido_rate_limit_refusals_total{route=\"" + label_value(route) + "\"} " + std::to_string(count) + "\n";
    for (const auto& [name, gauge] : gauges_) {
        // A gauge that cannot be read now (its store is down) is NaN; the rest of the scrape still works.
        double value = std::nan("");
        try {
            value = gauge.read();
        } catch (const std::exception&) {
        }
        header(out, name, gauge.help, "gauge");
        out += name + " " + number(value) + "\n";
    }
    header(out, "process_start_time_seconds", "Start time of the process since the Unix epoch.", "gauge");
    out += "process_start_time_seconds " + number(process_start) + "\n";
    header(out, "process_resident_memory_bytes", "Resident memory of the process.", "gauge");
    out += "process_resident_memory_bytes " + number(resident_bytes()) + "\n";
    return out;
}

namespace {

class MetricsHandler : public Pistache::Http::Handler {
public:
    HTTP_PROTOTYPE(MetricsHandler)

    explicit MetricsHandler(const Metrics& metrics) : metrics_(metrics) {}

    void onRequest(const Pistache::Http::Request& request, Pistache::Http::ResponseWriter writer) override {
        try {
            if (request.method() != Pistache::Http::Method::Get || request.resource() != "/metrics") {
                writer.send(Pistache::Http::Code::Not_Found, "Only GET /metrics here.\n", MIME(Text, Plain));
                return;
            }
            const std::string body = metrics_.render();
            writer.send(Pistache::Http::Code::Ok, body, Pistache::Http::Mime::MediaType::fromString("text/plain; version=0.0.4; charset=utf-8"));
        } catch (const std::exception& e) {
            std::fprintf(stderr, "error: metrics: %s\n", e.what());
        }
    }

private:
    const Metrics& metrics_;
};

}  // namespace

MetricsServer::MetricsServer(std::string address, std::uint16_t port, const Metrics& metrics)
    : address_(std::move(address)), port_(port), metrics_(metrics) {}

MetricsServer::~MetricsServer() { stop(); }

void MetricsServer::start() {
    endpoint_ = std::make_unique<Pistache::Http::Endpoint>(Pistache::Address(address_, Pistache::Port(port_)));
    // One thread: a scrape every few seconds. Small limits: nobody has a reason to send a body here.
    endpoint_->init(Pistache::Http::Endpoint::options()
                        .threads(1)
                        .flags(Pistache::Tcp::Options::ReuseAddr)
                        .maxRequestSize(4096)
                        .maxResponseSize(4 * 1024 * 1024)
                        .headerTimeout(std::chrono::seconds(5))
                        .bodyTimeout(std::chrono::seconds(5))
                        .keepaliveTimeout(std::chrono::seconds(60)));
    endpoint_->setHandler(std::make_shared<MetricsHandler>(metrics_));
    endpoint_->serveThreaded();
}

std::uint16_t MetricsServer::port() const { return endpoint_ ? static_cast<std::uint16_t>(endpoint_->getPort()) : 0; }

void MetricsServer::stop() {
    if (endpoint_) {
        endpoint_->shutdown();
        endpoint_.reset();
    }
}

}  // namespace ido::service
