#pragma once
// Finite decimal numbers, as every layer reads them from text (query strings, CSV cells, data files).
#include <optional>
#include <string_view>

namespace ido::text {

/// A finite decimal number: "52.1", "-4", "5e-1". Refuses the empty text, "nan", "inf", hexadecimal,
/// a leading '+', spaces and anything after the number.
std::optional<double> parse_finite(std::string_view text);

}  // namespace ido::text
