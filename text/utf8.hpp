#pragma once
// UTF-8 validation (RFC 3629): the one decoder behind every check of client or file text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ido::text {

/// Whether `text` is UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF. Control
/// characters are allowed (a file has line breaks).
bool is_utf8(std::string_view text);

/// Decodes the UTF-8 sequence at `text[i]`: returns its code point and moves `i` past it, or returns -1
/// for a sequence that is not UTF-8 and moves `i` one byte on (so a caller can skip it and go on).
std::int32_t decode_utf8(std::string_view text, std::size_t& i);
/// Whether a code point is a control character: U+0000-U+001F, U+007F or a C1 control U+0080-U+009F.
bool is_control_char(std::uint32_t code);
/// Whether `text` is UTF-8 without control characters (U+0000-U+001F, U+007F, and the C1 controls
/// U+0080-U+009F): text that may stand in one field or one line.
bool is_clean_utf8(std::string_view text);

/// Byte offsets where a sequence that is not UTF-8 starts, at most `max_reported` of them (an import
/// names the lines to fix, not every byte of a Latin-1 file).
std::vector<std::size_t> invalid_utf8_offsets(std::string_view text, std::size_t max_reported);

/// A version of client text that is safe to echo back in an error: printable ASCII only, at most
/// `max` characters, the rest replaced by '?'.
std::string printable(std::string_view text, std::size_t max = 64);

}  // namespace ido::text
