#include "text/number.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

namespace ido::text {

std::optional<double> parse_finite(std::string_view text) {
    double value = 0;
    const char* end = text.data() + text.size();
    // chars_format::general reads no hex and neither a leading '+' nor spaces; it does read "nan" and
    // "inf", refused by the isfinite check.
    auto [stop, error] = std::from_chars(text.data(), end, value, std::chars_format::general);
    if (text.empty() || error != std::errc() || stop != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

}  // namespace ido::text
