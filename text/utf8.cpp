#include "text/utf8.hpp"

#include <cstdint>

namespace ido::text {
namespace {

// The length of the UTF-8 sequence at `i` and its code point, or length 0 when it is not UTF-8
// (RFC 3629 section 3: overlong forms, surrogates and values past U+10FFFF are not UTF-8).
struct Decoded {
    std::size_t length = 0;
    std::uint32_t code = 0;
};
Decoded decode(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) return {1, c};
    std::size_t length = 0;
    std::uint32_t code = 0, min = 0;
    if (c >= 0xC2 && c <= 0xDF) length = 2, code = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0) length = 3, code = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) length = 4, code = c & 0x07, min = 0x10000;
    else return {};
    if (i + length > text.size()) return {};
    for (std::size_t k = 1; k < length; ++k) {
        const auto cc = static_cast<unsigned char>(text[i + k]);
        if ((cc & 0xC0) != 0x80) return {};
        code = (code << 6) | (cc & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return {};
    return {length, code};
}

}  // namespace

bool is_control_char(std::uint32_t code) { return code < 0x20 || code == 0x7F || (code >= 0x80 && code <= 0x9F); }

std::int32_t decode_utf8(std::string_view text, std::size_t& i) {
    const Decoded d = decode(text, i);
    if (d.length == 0) {
        ++i;
        return -1;
    }
    i += d.length;
    return static_cast<std::int32_t>(d.code);
}

bool is_utf8(std::string_view text) { return invalid_utf8_offsets(text, 1).empty(); }

bool is_clean_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const Decoded d = decode(text, i);
        if (d.length == 0 || is_control_char(d.code)) return false;
        i += d.length;
    }
    return true;
}

std::vector<std::size_t> invalid_utf8_offsets(std::string_view text, std::size_t max_reported) {
    std::vector<std::size_t> bad;
    for (std::size_t i = 0; i < text.size() && bad.size() < max_reported;) {
        const Decoded d = decode(text, i);
        if (d.length == 0) {
            bad.push_back(i);
            ++i;  // resynchronise on the next byte
        } else {
            i += d.length;
        }
    }
    return bad;
}

std::string printable(std::string_view text, std::size_t max) {
    std::string out;
    for (char c : text.substr(0, max)) out.push_back(c >= 0x20 && c < 0x7F ? c : '?');
    if (text.size() > max) out += "...";
    return out;
}

}  // namespace ido::text
