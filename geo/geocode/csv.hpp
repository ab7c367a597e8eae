#pragma once
// A small RFC 4180 CSV reader: quoted fields may hold commas, newlines and doubled quotes ("").
// Enough for the project's own derived data files; it does not guess dialects.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ido::geocode {

/// A parsed CSV file: the header row and the data rows, every field as text.
class CsvTable {
public:
    /// Parses @p text. Returns std::nullopt when a quoted field is never closed or a row has a
    /// different number of fields than the header (the message says which line).
    static std::optional<CsvTable> parse(std::string_view text, std::string* error = nullptr);

    /// Reads and parses a file; std::nullopt with @p error set when it cannot be read or parsed.
    static std::optional<CsvTable> read_file(const std::filesystem::path& path, std::string* error = nullptr);

    /// Index of the column named @p name, or std::nullopt.
    std::optional<std::size_t> column(std::string_view name) const;

    const std::vector<std::string>& header() const { return header_; }
    const std::vector<std::vector<std::string>>& rows() const { return rows_; }

private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace ido::geocode
