// Fuzzes the query-string primitives: percent_decode, is_clean_utf8 (differentially, against an
// independent table-driven UTF-8 check written from RFC 3629 section 4), printable.
#include "service/http/query.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

// RFC 3629 section 4 grammar, byte ranges spelled out; plus the service's rule "no C0/C1 controls, no DEL".
bool reference_clean_utf8(std::string_view s) {
    std::size_t i = 0;
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const auto in = [](unsigned char b, unsigned char lo, unsigned char hi) { return b >= lo && b <= hi; };
    while (i < s.size()) {
        const unsigned char b0 = at(i);
        const std::size_t left = s.size() - i;
        if (b0 <= 0x7F) {
            if (b0 < 0x20 || b0 == 0x7F) return false;
            i += 1;
        } else if (in(b0, 0xC2, 0xDF)) {
            if (left < 2 || !in(at(i + 1), 0x80, 0xBF)) return false;
            if (b0 == 0xC2 && at(i + 1) <= 0x9F) return false;  // U+0080..U+009F: C1 controls
            i += 2;
        } else if (b0 == 0xE0) {
            if (left < 3 || !in(at(i + 1), 0xA0, 0xBF) || !in(at(i + 2), 0x80, 0xBF)) return false;
            i += 3;
        } else if (in(b0, 0xE1, 0xEC) || in(b0, 0xEE, 0xEF)) {
            if (left < 3 || !in(at(i + 1), 0x80, 0xBF) || !in(at(i + 2), 0x80, 0xBF)) return false;
            i += 3;
        } else if (b0 == 0xED) {
            if (left < 3 || !in(at(i + 1), 0x80, 0x9F) || !in(at(i + 2), 0x80, 0xBF)) return false;
            i += 3;
        } else if (b0 == 0xF0) {
            if (left < 4 || !in(at(i + 1), 0x90, 0xBF) || !in(at(i + 2), 0x80, 0xBF) || !in(at(i + 3), 0x80, 0xBF)) return false;
            i += 4;
        } else if (in(b0, 0xF1, 0xF3)) {
            if (left < 4 || !in(at(i + 1), 0x80, 0xBF) || !in(at(i + 2), 0x80, 0xBF) || !in(at(i + 3), 0x80, 0xBF)) return false;
            i += 4;
        } else if (b0 == 0xF4) {
            if (left < 4 || !in(at(i + 1), 0x80, 0x8F) || !in(at(i + 2), 0x80, 0xBF) || !in(at(i + 3), 0x80, 0xBF)) return false;
            i += 4;
        } else {
            return false;
        }
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    if (ido::service::is_clean_utf8(text) != reference_clean_utf8(text)) std::abort();

    const auto decoded = ido::service::percent_decode(text);
    const bool has_percent = text.find('%') != std::string_view::npos;
    if (!has_percent && !decoded) std::abort();  // only a bad escape may fail
    if (decoded) {
        if (decoded->size() > size) std::abort();
        if (!has_percent && text.find('+') == std::string_view::npos && *decoded != text) std::abort();
        (void)ido::service::is_clean_utf8(*decoded);
    }

    const std::size_t max = size == 0 ? 0 : data[0];
    const std::string shown = ido::service::printable(text, max);
    if (shown.size() > max + 3) std::abort();
    for (char c : shown)
        if (c < 0x20 || c >= 0x7F) std::abort();
    return 0;
}
