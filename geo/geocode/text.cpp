#include "geo/geocode/text.hpp"

#include "text/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace ido::geocode {
namespace {

// One UTF-8 decoder for the whole product (text/utf8.hpp): the geocoder folds code points with it.
using text::decode_utf8;
bool is_control(std::int32_t cp) { return text::is_control_char(static_cast<std::uint32_t>(cp)); }

// Base letters for U+00C0..U+00FF; "" means "not a letter" (× and ÷ become a separator).
constexpr std::array<const char*, 64> kLatin1 = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0-CF
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0-EF
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y",   // F0-FF
};

// Latin Extended-A (U+0100..U+017F) as runs of code points that share a base letter.
struct FoldRun {
    std::int32_t first;
    std::int32_t last;
    const char* base;
};
constexpr std::array<FoldRun, 22> kLatinExtA = {{
    {0x0100, 0x0105, "a"}, {0x0106, 0x010D, "c"}, {0x010E, 0x0111, "d"}, {0x0112, 0x011B, "e"},
    {0x011C, 0x0123, "g"}, {0x0124, 0x0127, "h"}, {0x0128, 0x0131, "i"}, {0x0132, 0x0133, "ij"},
    {0x0134, 0x0135, "j"}, {0x0136, 0x0138, "k"}, {0x0139, 0x0142, "l"}, {0x0143, 0x014B, "n"},
    {0x014C, 0x0151, "o"}, {0x0152, 0x0153, "oe"}, {0x0154, 0x0159, "r"}, {0x015A, 0x0161, "s"},
    {0x0162, 0x0167, "t"}, {0x0168, 0x0173, "u"}, {0x0174, 0x0175, "w"}, {0x0176, 0x0178, "y"},
    {0x0179, 0x017E, "z"}, {0x017F, 0x017F, "s"},
}};

bool is_apostrophe(std::int32_t cp) {
    return cp == '\'' || cp == '`' || cp == 0x00B4 || cp == 0x2018 || cp == 0x2019 || cp == 0x02BC ||
           cp == 0x02BB;
}

bool is_separator(std::int32_t cp) {
    if (cp < 0x80) {
        const auto c = static_cast<char>(cp);
        return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
    }
    return cp == 0x00A0 || cp == 0x00D7 || cp == 0x00F7 || (cp >= 0x2010 && cp <= 0x2015) ||
           cp == 0x2212 || cp == 0x2009 || cp == 0x202F || cp == 0x00B7;
}

void append_utf8(std::string& out, std::int32_t cp) {
    const auto u = static_cast<std::uint32_t>(cp);
    if (u < 0x80) {
        out.push_back(static_cast<char>(u));
    } else if (u < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (u >> 6)));
        out.push_back(static_cast<char>(0x80 | (u & 0x3F)));
    } else if (u < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (u >> 12)));
        out.push_back(static_cast<char>(0x80 | ((u >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (u & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (u >> 18)));
        out.push_back(static_cast<char>(0x80 | ((u >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((u >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (u & 0x3F)));
    }
}

}  // namespace

TextProblem validate_text(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const std::int32_t cp = decode_utf8(text, i);
        if (cp < 0) return TextProblem::invalid_utf8;
        if (is_control(cp)) return TextProblem::control_char;
    }
    return TextProblem::none;
}

std::string normalise(std::string_view utf8) {
    std::string folded;
    folded.reserve(utf8.size());
    std::size_t i = 0;
    while (i < utf8.size()) {
        const std::int32_t cp = decode_utf8(utf8, i);
        if (cp < 0 || is_apostrophe(cp)) continue;
        if (cp < 0x80) {
            if (is_separator(cp)) {
                folded.push_back(' ');
            } else {
                const auto c = static_cast<char>(cp);
                folded.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
            }
        } else if (is_separator(cp)) {
            folded.push_back(' ');
        } else if (cp >= 0xC0 && cp <= 0xFF) {
            const char* base = kLatin1[static_cast<std::size_t>(cp - 0xC0)];
            folded += *base ? base : " ";
        } else if (cp >= 0x100 && cp <= 0x17F) {
            for (const auto& run : kLatinExtA) {
                if (cp >= run.first && cp <= run.last) {
                    folded += run.base;
                    break;
                }
            }
        } else {
            append_utf8(folded, cp);
        }
    }
    // Collapse spaces and expand the "st" abbreviation token by token.
    std::string out;
    out.reserve(folded.size() + 4);
    std::size_t pos = 0;
    while (pos < folded.size()) {
        while (pos < folded.size() && folded[pos] == ' ') ++pos;
        std::size_t end = pos;
        while (end < folded.size() && folded[end] != ' ') ++end;
        if (end > pos) {
            if (!out.empty()) out.push_back(' ');
            const std::string_view token(folded.data() + pos, end - pos);
            out += token == "st" ? std::string_view("sint") : token;
        }
        pos = end;
    }
    return out;
}

std::optional<int> bounded_edit_distance(std::string_view a, std::string_view b, int max_distance) {
    const auto n = a.size();
    const auto m = b.size();
    const auto diff = n > m ? n - m : m - n;
    if (diff > static_cast<std::size_t>(max_distance)) return std::nullopt;
    // Three rolling rows of the OSA dynamic programme. Names are short, so the rows live on the stack;
    // this runs for every name in the index when a query has a typo, and heap allocation dominated.
    constexpr std::size_t kStackRow = 96;
    std::array<int, 3 * kStackRow> stack_rows;
    std::vector<int> heap_rows;
    int* rows = stack_rows.data();
    std::size_t stride = kStackRow;
    if (m + 1 > kStackRow) {
        stride = m + 1;
        heap_rows.resize(3 * stride);
        rows = heap_rows.data();
    }
    int* prev2 = rows;
    int* prev = rows + stride;
    int* cur = rows + 2 * stride;
    for (std::size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = static_cast<int>(i);
        int row_min = cur[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                v = std::min(v, prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = std::min(row_min, v);
        }
        if (row_min > max_distance) return std::nullopt;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    if (prev[m] > max_distance) return std::nullopt;
    return prev[m];
}

}  // namespace ido::geocode
