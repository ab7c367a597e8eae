#include "service/http/compression.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>

namespace ido::service {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y)); });
}

// The q of one list element "gzip;q=0.5" (1 without a q parameter, 0 when malformed).
double quality(std::string_view params) {
    while (!params.empty()) {
        const auto semi = params.find(';');
        const std::string_view p = trim(params.substr(0, semi));
        params = semi == std::string_view::npos ? std::string_view() : params.substr(semi + 1);
        if (p.size() >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
            const std::string value(trim(p.substr(2)));
            char* end = nullptr;
            const double q = std::strtod(value.c_str(), &end);
            return (end == value.c_str() || *end != '\0' || q < 0 || q > 1) ? 0 : q;
        }
    }
    return 1;
}

bool has_header(const HttpResponse& response, std::string_view name) {
    return std::any_of(response.headers.begin(), response.headers.end(), [&](const auto& h) { return iequals(h.first, name); });
}

}  // namespace

bool accepts_encoding(const HttpRequest& request, std::string_view coding) {
    const auto header = request.header("accept-encoding");
    if (!header) return false;
    std::string_view list = *header;
    double listed = -1, star = -1;
    while (!list.empty()) {
        const auto comma = list.find(',');
        const std::string_view element = list.substr(0, comma);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        const auto semi = element.find(';');
        const std::string_view name = trim(element.substr(0, semi));
        const double q = semi == std::string_view::npos ? 1 : quality(element.substr(semi + 1));
        if (iequals(name, coding)) listed = q;
        else if (name == "*") star = q;
    }
    return listed >= 0 ? listed > 0 : star > 0;
}

bool compressible(std::string_view content_type) {
    return content_type.starts_with("application/json") || content_type.starts_with("application/geo+json") ||
           content_type.starts_with("application/problem+json") || content_type.starts_with("text/") ||
           content_type.starts_with("application/xml");
}

std::string gzip(std::string_view bytes) {
    z_stream stream{};
    // windowBits 15 + 16: a gzip wrapper instead of zlib's (zlib.h, deflateInit2).
    if (deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return result == Z_STREAM_END ? out : std::string();
}

void compress_if_asked(HttpResponse& response, const HttpRequest& request) {
    if (!compressible(response.content_type) || has_header(response, "content-encoding")) return;
    // A Vary of the handler's own (a page's Accept-Language, docs/talen.md) is kept and extended; one that
    // already names Accept-Encoding means the handler chose the encoding itself (static files).
    std::string* vary = nullptr;
    for (auto& [name, value] : response.headers)
        if (iequals(name, "vary")) vary = &value;
    if (vary && vary->find("Accept-Encoding") != std::string::npos) return;
    if (response.status == 204 || response.status == 304) return;
    // Below the threshold the answer never depends on Accept-Encoding, so it names no Vary either.
    const std::string_view payload = response.payload();
    if (payload.size() < compress_min_bytes) return;
    if (vary) *vary += ", Accept-Encoding";
    else response.headers.emplace_back("Vary", "Accept-Encoding");
    if (!accepts_encoding(request, "gzip")) return;
    std::string compressed = gzip(payload);
    if (compressed.empty()) return;
    response.body = std::move(compressed);
    response.shared_body.reset();
    response.headers.emplace_back("Content-Encoding", "gzip");
}

}  // namespace ido::service
