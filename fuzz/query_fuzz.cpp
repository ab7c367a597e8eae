// Fuzzes the query-string primitives: percent_decode, is_clean_utf8 (differentially, against an
// independent table-driven UTF-8 check written from RFC 3629 section 4), printable; and the UTF-8
// decoder under them (text/utf8.hpp: is_utf8, decode_utf8, invalid_utf8_offsets), which every check of
// client and file text uses.
#include "service/http/query.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

// RFC 3629 section 4 grammar, byte ranges spelled out; plus, unless `controls` allows them, the
// service's rule "no C0/C1 controls, no DEL".
bool reference_utf8(std::string_view s, bool controls) {
    std::size_t i = 0;
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const auto in = [](unsigned char b, unsigned char lo, unsigned char hi) { return b >= lo && b <= hi; };
    while (i < s.size()) {
        const unsigned char b0 = at(i);
        const std::size_t left = s.size() - i;
        if (b0 <= 0x7F) {
            if (!controls && (b0 < 0x20 || b0 == 0x7F)) return false;
            i += 1;
        } else if (in(b0, 0xC2, 0xDF)) {
            if (left < 2 || !in(at(i + 1), 0x80, 0xBF)) return false;
            if (!controls && b0 == 0xC2 && at(i + 1) <= 0x9F) return false;  // U+0080..U+009F: C1 controls
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

// UTF-8 of a code point (RFC 3629 section 3), to compare decode_utf8's answer with the bytes it read.
std::string encode(std::int32_t cp) {
    std::string out;
    const auto u = static_cast<std::uint32_t>(cp);
    if (u < 0x80) {
        out += static_cast<char>(u);
    } else if (u < 0x800) {
        out += static_cast<char>(0xC0 | (u >> 6));
        out += static_cast<char>(0x80 | (u & 0x3F));
    } else if (u < 0x10000) {
        out += static_cast<char>(0xE0 | (u >> 12));
        out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (u & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (u >> 18));
        out += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (u & 0x3F));
    }
    return out;
}

void check_decoder(std::string_view text) {
    if (ido::text::is_utf8(text) != reference_utf8(text, true)) std::abort();
    // Walking the text with decode_utf8: every step moves on; a code point is a scalar value whose
    // UTF-8 is exactly the bytes read; a bad sequence moves one byte. Where it fails is what
    // invalid_utf8_offsets reports, in order.
    std::vector<std::size_t> failures;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const std::int32_t cp = ido::text::decode_utf8(text, i);
        if (i <= start || i > text.size()) std::abort();
        if (cp < 0) {
            if (cp != -1 || i != start + 1) std::abort();
            failures.push_back(start);
            continue;
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) std::abort();
        if (encode(cp) != text.substr(start, i - start)) std::abort();
    }
    if (failures.empty() != ido::text::is_utf8(text)) std::abort();
    if (ido::text::invalid_utf8_offsets(text, text.size() + 1) != failures) std::abort();
    const auto first = ido::text::invalid_utf8_offsets(text, 3);
    if (first.size() != std::min<std::size_t>(3, failures.size()) || !std::equal(first.begin(), first.end(), failures.begin()))
        std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    if (ido::service::is_clean_utf8(text) != reference_utf8(text, false)) std::abort();
    check_decoder(text);

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
