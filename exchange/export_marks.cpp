#include "exchange/export_marks.hpp"

#include <charconv>

namespace ido::exchange {

std::optional<std::int64_t> parse_versie(std::string_view text) {
    if (text.empty() || text.size() > 18 || text.front() == '0') return std::nullopt;
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
    return value;
}

bool is_export_moment(std::string_view text) {
    static constexpr std::string_view shape = "dddd-dd-ddTdd:dd:ddZ";
    if (text.size() != shape.size()) return false;
    for (std::size_t i = 0; i < shape.size(); ++i) {
        const char c = text[i];
        if (shape[i] == 'd' ? (c < '0' || c > '9') : c != shape[i]) return false;
    }
    return true;
}

std::string earliest(const std::optional<std::string>& known, std::string_view next) {
    if (!known || next < *known) return std::string(next);
    return *known;
}

}  // namespace ido::exchange
