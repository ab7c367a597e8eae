#include "geo/geocode/csv.hpp"

#include <fstream>
#include <sstream>

namespace ido::geocode {

std::optional<CsvTable> CsvTable::parse(std::string_view text, std::string* error) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool in_quotes = false;
    bool field_started = false;  // distinguishes an empty last line from a row with one empty field
    std::size_t line = 1;
    std::size_t quote_line = 0;
    const auto end_record = [&] {
        record.push_back(std::move(field));
        field.clear();
        records.push_back(std::move(record));
        record.clear();
        field_started = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    in_quotes = false;
                }
            } else {
                if (c == '\n') ++line;
                field.push_back(c);
            }
            continue;
        }
        switch (c) {
            case '"':
                in_quotes = true;
                field_started = true;
                quote_line = line;
                break;
            case ',':
                record.push_back(std::move(field));
                field.clear();
                field_started = true;
                break;
            case '\r':
                break;  // tolerate CRLF files
            case '\n':
                ++line;
                end_record();
                break;
            default:
                field.push_back(c);
                field_started = true;
        }
    }
    if (in_quotes) {
        if (error) *error = "quoted field opened on line " + std::to_string(quote_line) + " is never closed";
        return std::nullopt;
    }
    if (field_started || !record.empty()) end_record();
    if (records.empty()) {
        if (error) *error = "no header row";
        return std::nullopt;
    }
    CsvTable table;
    table.header_ = std::move(records.front());
    for (std::size_t r = 1; r < records.size(); ++r) {
        if (records[r].size() != table.header_.size()) {
            if (error) {
                *error = "record " + std::to_string(r + 1) + " has " + std::to_string(records[r].size()) +
                         " fields, the header has " + std::to_string(table.header_.size());
            }
            return std::nullopt;
        }
        table.rows_.push_back(std::move(records[r]));
    }
    return table;
}

std::optional<CsvTable> CsvTable::read_file(const std::filesystem::path& path, std::string* error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (error) *error = "cannot open " + path.string();
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string parse_error;
    auto table = parse(buffer.str(), &parse_error);
    if (!table && error) *error = path.filename().string() + ": " + parse_error;
    return table;
}

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
    for (std::size_t i = 0; i < header_.size(); ++i) {
        if (header_[i] == name) return i;
    }
    return std::nullopt;
}

}  // namespace ido::geocode
