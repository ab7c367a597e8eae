#include "service/http/http_server.hpp"

#include "geo/transformer.hpp"
#include "geo/utc_time.hpp"
#include "service/endpoints/volledige_lijst.hpp"
#include "service/http/client_address.hpp"
#include "service/http/metrics.hpp"
#include "service/render/problem.hpp"

#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/net.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <ostream>
#include <random>
#include <sstream>
#include <thread>

namespace ido::service {

// Stopping without losing an answer (found by bench/soak): Pistache's shutdown closes every connection
// at once, so a write that was committed but not yet answered lost its answer; nginx then got no reply
// and answered 503 for a write that was applied, or replayed a PUT on the other replica, which refused
// it with 412 although it was applied. Now stop() first refuses new writes (503, nothing applied: nginx
// maps it to the documented 503), waits until the writes in progress have answered, and only then
// shuts down. Reads go on meanwhile: one cut off at shutdown is passed to the other replica by nginx.
struct Drain {
    std::atomic<bool> draining{false};
    std::atomic<int> writes_in_flight{0};
};

namespace {

// Counts one write in progress for as long as it lives; refused() when the server is stopping. The
// count goes up before the flag is read, so stop() (flag first, then waiting for zero) never misses one.
class WriteInFlight {
public:
    WriteInFlight(Drain& drain, bool write) : drain_(write ? &drain : nullptr) {
        if (drain_ == nullptr) return;
        drain_->writes_in_flight.fetch_add(1);
        refused_ = drain_->draining.load();
    }
    ~WriteInFlight() {
        if (drain_ != nullptr) drain_->writes_in_flight.fetch_sub(1);
    }
    WriteInFlight(const WriteInFlight&) = delete;
    WriteInFlight& operator=(const WriteInFlight&) = delete;
    bool refused() const { return refused_; }

private:
    Drain* drain_;
    bool refused_ = false;
};

bool is_write(Pistache::Http::Method method) {
    using Pistache::Http::Method;
    return method != Method::Get && method != Method::Head && method != Method::Options;
}

// A response header with a name chosen at run time. Pistache 0.0.5 writes only typed headers into a
// response (addRaw() entries are silently dropped), so every header we send goes through this class.
class NamedHeader : public Pistache::Http::Header::Header {
public:
    NamedHeader(std::string name, std::string value) : name_(std::move(name)), value_(std::move(value)) {}
    const char* name() const override { return name_.c_str(); }
    void write(std::ostream& stream) const override { stream << value_; }
#ifdef SAFE_HEADER_CAST
    // Pistache uses the hash only to check a typed header cast; a dynamic header is never cast to.
    uint64_t hash() const override { return 0; }
#endif

private:
    std::string name_;
    std::string value_;
};

// The map tiles the widget may load: PDOK's BRT-Achtergrondkaart (Kadaster).
constexpr const char* tile_origin = "https://service.pdok.nl";

// What a response is, for its security headers: a page of this site (HTML), the iframe page (the one
// page other sites may frame), or anything else (JSON, scripts, styles).
enum class PageKind { page, embed, other };

PageKind page_kind(const HttpResponse& response) {
    if (response.route == "/embed") return PageKind::embed;
    if (response.content_type.starts_with("text/html")) return PageKind::page;
    return PageKind::other;
}

std::string content_security_policy(PageKind kind) {
    if (kind == PageKind::other) return "default-src 'none'; frame-ancestors 'none'";  // nothing to render, never framed
    // Pages: own scripts and styles, tiles from PDOK, API on this origin, forms only to this origin (the
    // finder's search form works without JavaScript).
    return std::string("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: ") +
           tile_origin + "; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors " +
           (kind == PageKind::embed ? "*" : "'none'");
}

void access_log(const Pistache::Http::Request& request, const HttpResponse& response, std::chrono::steady_clock::duration took,
                Config::LogFormat format, const std::string& request_id) {
    // Method, route template, status and the request id only: no query string, path parameters or
    // client address, which could identify a resident (a postcode or a position). The request id is
    // random (or nginx's, which is random too, and checked by valid_request_id).
    const long long micros = static_cast<long long>(std::chrono::duration_cast<std::chrono::microseconds>(took).count());
    if (format == Config::LogFormat::tekst) {
        std::fprintf(stderr, "%s access %s %s %d %lldus id=%s\n", geo::utc_now_rfc3339().c_str(), Pistache::Http::methodString(request.method()),
                     response.route.c_str(), response.status, micros, request_id.c_str());
        return;
    }
    // One JSON object per line, keys as log shippers (Loki, Elastic, journald's JSON) expect them. One
    // fprintf per line: stdio locks the stream per call, so lines of concurrent requests never interleave.
    std::fprintf(stderr, "%s\n", access_log_json(geo::utc_now_rfc3339(), Pistache::Http::methodString(request.method()), response.route,
                                                 response.status, micros, request_id).c_str());
}

HttpRequest convert(const Pistache::Http::Request& request, const std::vector<std::string>& trusted_proxies) {
    HttpRequest out;
    out.method = Pistache::Http::methodString(request.method());
    out.path = request.resource();
    const auto& query = request.query();
    for (auto it = query.parameters_begin(); it != query.parameters_end(); ++it) out.query.emplace_back(it->first, it->second);
    auto lower = [](std::string name) {
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return name;
    };
    for (const auto& [name, raw] : request.headers().rawList()) out.headers.emplace_back(lower(name), raw.value());
    // Headers Pistache knows (Authorization, Content-Type, Accept, ...) are parsed into typed objects
    // and absent from rawList(); write each back to its text.
    for (const auto& header : request.headers().list()) {
        std::ostringstream value;
        header->write(value);
        out.headers.emplace_back(lower(header->name()), value.str());
    }
    out.body = request.body();
    // The client's own address from a trusted proxy's X-Real-IP, else the peer's (client_address.hpp).
    out.client = client_address(request.address().host(), out.header("x-real-ip"), trusted_proxies);
    return out;
}

// The headers of standard_headers(), built once per kind of response instead of per request: they
// depend only on the page kind (which Content-Security-Policy, whether it may be framed) and on
// whether the status is an error. Pistache only reads a header object, so all threads share them.
class StandardHeaders {
public:
    using List = std::vector<std::shared_ptr<Pistache::Http::Header::Header>>;

    StandardHeaders() {
        for (std::size_t kind = 0; kind < kinds.size(); ++kind)
            for (int error = 0; error < 2; ++error) {
                HttpResponse sample;
                sample.route = kinds[kind].route;
                sample.content_type = kinds[kind].content_type;
                sample.status = error ? 500 : 200;
                for (auto& [name, value] : standard_headers(sample))
                    lists_[kind][error].push_back(std::make_shared<NamedHeader>(std::move(name), std::move(value)));
            }
    }

    const List& of(const HttpResponse& response) const {
        return lists_[static_cast<std::size_t>(page_kind(response))][response.status >= 400 ? 1 : 0];
    }

private:
    // One sample response per PageKind, in the enum's order.
    struct Sample {
        const char* route;
        const char* content_type;
    };
    static constexpr std::array<Sample, 3> kinds{{{"-", "text/html; charset=utf-8"}, {"/embed", "text/html; charset=utf-8"}, {"-", "application/json"}}};
    std::array<std::array<List, 2>, kinds.size()> lists_;
};

class Handler : public Pistache::Http::Handler {
public:
    HTTP_PROTOTYPE(Handler)

    Handler(std::shared_ptr<const Api> api, bool log, Config::LogFormat format, std::vector<std::string> trusted_proxies,
            std::size_t max_request_bytes, std::shared_ptr<Drain> drain)
        : api_(std::move(api)), log_(log), format_(format), trusted_proxies_(std::move(trusted_proxies)),
          max_request_bytes_(max_request_bytes), standard_(std::make_shared<const StandardHeaders>()), drain_(std::move(drain)) {}

    void onRequest(const Pistache::Http::Request& request, Pistache::Http::ResponseWriter writer) override {
        const auto start = std::chrono::steady_clock::now();
        HttpResponse response;
        std::string request_id;
        const WriteInFlight in_flight(*drain_, is_write(request.method()));
        // The exception firewall: whatever goes wrong inside, the client gets a generic problem+json 500.
        if (in_flight.refused()) {
            response = stopping();
        } else try {
            HttpRequest converted = convert(request, trusted_proxies_);
            // Pistache's own limit is raised for the list upload; every other request keeps the configured one.
            if (too_large(converted)) throw TooLarge{};
            // nginx's id when it sent a sound one (so its log and ours join up), else our own.
            auto given = converted.header("x-request-id");
            request_id = given && valid_request_id(*given) ? std::string(*given) : new_request_id();
            response = api_->handle(std::move(converted));
        } catch (const TooLarge&) {
            response.status = 413;
            response.content_type = "application/problem+json";
            response.body = problem_json({std::string(codes::verzoek_te_groot), "Het verzoek is groter dan " + std::to_string(max_request_bytes_) + " bytes.", {}},
                                         "");
            response.route = "413";
        } catch (const std::exception& e) {
            std::fprintf(stderr, "error: unhandled exception in request handler: %s\n", e.what());
            response = internal_error();
        } catch (...) {
            std::fprintf(stderr, "error: unhandled non-standard exception in request handler\n");
            response = internal_error();
        }
        try {
            auto& headers = writer.headers();
            for (const auto& header : standard_->of(response)) headers.add(header);
            for (const auto& [name, value] : response.headers) headers.add(std::make_shared<NamedHeader>(name, value));
            if (!response.content_type.empty()) headers.add(std::make_shared<NamedHeader>("Content-Type", response.content_type));
            if (!request_id.empty()) headers.add(std::make_shared<NamedHeader>("X-Request-Id", request_id));
            const std::string_view payload = response.payload();
            presize(writer, payload.size());
            writer.send(static_cast<Pistache::Http::Code>(response.status), payload.data(), payload.size());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "error: could not write a response: %s\n", e.what());
        }
        const auto took = std::chrono::steady_clock::now() - start;
        Metrics::process().observe_request(Pistache::Http::methodString(request.method()), response.route, response.status, took);
        if (log_) access_log(request, response, took, format_, request_id);
    }

private:
    struct TooLarge {};
    // The request's size as Pistache counts it, near enough: line, headers and body.
    bool too_large(const HttpRequest& request) const {
        std::size_t size = request.method.size() + request.path.size() + request.body.size() + 16;
        for (const auto& [name, value] : request.headers) size += name.size() + value.size() + 4;
        for (const auto& [name, value] : request.query) size += name.size() + value.size() + 2;
        return size > max_request_bytes_ && !is_list_upload(request.path);
    }

    // Pistache starts every response in a 512-byte buffer and doubles it while writing, copying and
    // zeroing at each step: for a 20-40 KB answer that was the largest single cost of sending it. A
    // buffer of the right size from the start is written once. (The buffer still stops at the
    // configured maximum response size, as before.)
    static void presize(Pistache::Http::ResponseWriter& writer, std::size_t body_bytes) {
        constexpr std::size_t status_and_headers = 2048;
        auto* buffer = writer.rdbuf();
        const std::size_t size = std::min(body_bytes + status_and_headers, buffer->maxSize());
        if (size > Pistache::Http::ResponseWriter::DefaultStreamSize) *buffer = Pistache::DynamicStreamBuf(size, buffer->maxSize());
    }

    static HttpResponse stopping() {
        HttpResponse response;
        response.status = 503;
        response.content_type = "application/problem+json";
        response.body = problem_json({std::string(codes::niet_beschikbaar), "Deze server stopt even. Probeer het over een paar seconden opnieuw.", {}}, "");
        response.headers.emplace_back("Retry-After", "1");
        response.route = "503";
        return response;
    }

    static HttpResponse internal_error() {
        HttpResponse response;
        response.status = 500;
        response.content_type = "application/problem+json";
        response.body = problem_json({std::string(codes::interne_fout), "Er ging iets mis bij ons. Probeer het later opnieuw.", {}}, "");
        response.route = "500";
        return response;
    }

    std::shared_ptr<const Api> api_;
    bool log_;
    Config::LogFormat format_;
    std::vector<std::string> trusted_proxies_;  ///< canonical addresses whose X-Real-IP is believed
    std::size_t max_request_bytes_;
    // Shared by the clones Pistache makes of this handler (one per I/O thread).
    std::shared_ptr<const StandardHeaders> standard_;
    std::shared_ptr<Drain> drain_;
};

}  // namespace

bool valid_request_id(std::string_view id) {
    if (id.empty() || id.size() > max_request_id_length) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':'))
            return false;
    return true;
}

std::string new_request_id() {
    // 32 hex digits, nginx's $request_id form, from a per-thread generator seeded with 256 bits from the
    // OS (so threads and processes do not share a sequence): an id needs to be unique, not secret.
    thread_local std::mt19937_64 generator = [] {
        std::random_device os;
        std::seed_seq seed{os(), os(), os(), os(), os(), os(), os(), os()};
        return std::mt19937_64(seed);
    }();
    static constexpr char hex[] = "0123456789abcdef";
    std::string id;
    for (int half = 0; half < 2; ++half) {
        std::uint64_t bits = generator();
        for (int i = 0; i < 16; ++i, bits >>= 4) id += hex[bits & 15];
    }
    return id;
}

std::string access_log_json(std::string_view time, std::string_view method, std::string_view route, int status, long long micros,
                            std::string_view request_id) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("time");
    w.String(time.data(), static_cast<rapidjson::SizeType>(time.size()));
    w.Key("level");
    w.String(status >= 500 ? "error" : "info");
    w.Key("msg");
    w.String("access");
    w.Key("method");
    w.String(method.data(), static_cast<rapidjson::SizeType>(method.size()));
    w.Key("route");
    w.String(route.data(), static_cast<rapidjson::SizeType>(route.size()));
    w.Key("status");
    w.Int(status);
    w.Key("duration_ms");
    w.Double(static_cast<double>(micros) / 1000.0);
    w.Key("request_id");
    w.String(request_id.data(), static_cast<rapidjson::SizeType>(request_id.size()));
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::vector<std::pair<std::string, std::string>> standard_headers(const HttpResponse& response) {
    std::vector<std::pair<std::string, std::string>> headers{
        {"API-Version", Api::version},
        {"X-Content-Type-Options", "nosniff"},
        {"Strict-Transport-Security", "max-age=31536000; includeSubDomains"},
        {"Content-Security-Policy", content_security_policy(page_kind(response))},
        {"Referrer-Policy", "no-referrer"},
        // Public reads are meant for every website; writes need a bearer token, not a cookie: CORS open to all.
        {"Access-Control-Allow-Origin", "*"},
        {"Access-Control-Expose-Headers", "API-Version, Content-Crs, ETag, Link"},
    };
    if (page_kind(response) != PageKind::embed) headers.emplace_back("X-Frame-Options", "DENY");
    if (response.status >= 400) headers.emplace_back("Cache-Control", "no-store");
    return headers;
}

HttpServer::HttpServer(const Config& config, std::shared_ptr<const Api> api) : config_(config), api_(std::move(api)) {}

HttpServer::~HttpServer() { stop(); }

void HttpServer::start() {
    Pistache::Address address(config_.address, Pistache::Port(config_.port));
    endpoint_ = std::make_unique<Pistache::Http::Endpoint>(address);
    // Pistache's defaults (4 KiB requests, 60 s timeouts, 300 s keep-alive, one thread) are set here
    // explicitly from the config.
    auto options = Pistache::Http::Endpoint::options()
                       .threads(static_cast<int>(config_.threads))
                       .flags(Pistache::Tcp::Options::ReuseAddr)
                       .backlog(4096)
                       // The list upload may be larger (Handler::too_large refuses the rest).
                       .maxRequestSize(std::max(config_.max_request_bytes, max_list_upload_bytes + 16 * 1024))
                       .maxResponseSize(config_.max_response_bytes)
                       .headerTimeout(config_.header_timeout)
                       .bodyTimeout(config_.body_timeout)
                       .keepaliveTimeout(config_.keepalive_timeout);
    endpoint_->init(options);
    // PROJ's transformation is looked up once per process (~100 ms); each I/O thread then copies it on
    // its first transformation in well under a millisecond, instead of a first request paying the lookup.
    geo::Transformer::warm_up();
    drain_ = std::make_shared<Drain>();
    endpoint_->setHandler(std::make_shared<Handler>(api_, config_.access_log, config_.log_format, config_.vertrouwde_proxies,
                                                    config_.max_request_bytes, drain_));
    endpoint_->serveThreaded();
}

std::uint16_t HttpServer::port() const { return endpoint_ ? static_cast<std::uint16_t>(endpoint_->getPort()) : 0; }

void HttpServer::stop() {
    if (endpoint_) {
        drain_->draining.store(true);
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (drain_->writes_in_flight.load() > 0 && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        endpoint_->shutdown();
        endpoint_.reset();
    }
}

}  // namespace ido::service
