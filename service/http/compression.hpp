#pragma once
// Content-Encoding for answers: which encoding a client accepts (Accept-Encoding, RFC 9110 §12.5.3),
// and gzip for dynamic answers above a few kilobytes (JSON lists, the server-rendered pages). Static
// files come precompressed from the build (service/http/static_files.hpp); only they offer brotli.
#include "service/http/http_types.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace ido::service {

enum class Encoding { identity, gzip, br };

/// Whether the request's Accept-Encoding allows `coding` ("gzip", "br"): listed (or "*") with q > 0.
bool accepts_encoding(const HttpRequest& request, std::string_view coding);

/// Dynamic answers smaller than this are sent as they are: compressing them saves less than it costs.
inline constexpr std::size_t compress_min_bytes = 2048;

/// Whether answers of this content type are worth compressing (JSON, HTML, XML, text).
bool compressible(std::string_view content_type);

/// gzip of `bytes` (zlib, level 6); empty on failure.
std::string gzip(std::string_view bytes);

/// For a dynamic answer of a compressible type of at least compress_min_bytes: adds
/// `Vary: Accept-Encoding` and, when the client accepts gzip, sends it gzipped. Leaves an answer that
/// already has a Content-Encoding (a static file) alone.
void compress_if_asked(HttpResponse& response, const HttpRequest& request);

}  // namespace ido::service
