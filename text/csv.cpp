#include "text/csv.hpp"

#include <fstream>
#include <sstream>

namespace ido::text {
namespace {

// OWASP, "CSV Injection": the characters that make a spreadsheet read a cell as a formula.
bool is_trigger(char c) { return std::string_view("=+-@\t\r").find(c) != std::string_view::npos; }

// A cell is escaped when, after any leading "'", it starts with a trigger. Counting the apostrophes in
// makes the rule invertible ("'=x" becomes "''=x", and reads back as "'=x") while a cell like
// "'s-Gravenhage", which no spreadsheet runs, is written as it is.
bool needs_neutralising(std::string_view cell) {
    const auto first = cell.find_first_not_of('\'');
    return first != std::string_view::npos && is_trigger(cell[first]);
}

bool needs_quotes(std::string_view value) { return value.find_first_of(",\"\r\n") != std::string_view::npos; }

void append_cell(std::string& out, std::string_view value) {
    if (!needs_quotes(value)) {
        out += value;
        return;
    }
    out.push_back('"');
    for (char c : value) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

}  // namespace

CsvRecords parse_csv(std::string_view text, CsvCells cells) {
    if (text.starts_with(utf8_bom)) text.remove_prefix(utf8_bom.size());
    CsvRecords result;
    CsvRecord current;
    current.row = 1;
    std::string field;
    bool quoted = false, after_quote = false, field_started = false;
    std::size_t quote_row = 0;
    auto end_field = [&] {
        current.cells.push_back(cells == CsvCells::restore_formulas ? std::string(restore_formula(field)) : std::move(field));
        field.clear();
        after_quote = field_started = false;
    };
    auto end_record = [&] {
        end_field();
        const std::size_t next = current.row + 1;
        result.records.push_back(std::move(current));
        current = CsvRecord{};
        current.row = next;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    quoted = false;
                    after_quote = true;
                }
            } else {
                field.push_back(c);
            }
            continue;
        }
        if (c == ',') {
            end_field();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            end_record();
        } else if (c == '"' && !field_started) {
            quoted = true;
            field_started = true;
            quote_row = current.row;
        } else {
            if (c == '"' || after_quote) current.malformed = true;
            field.push_back(c);
            field_started = true;
        }
    }
    if (quoted) {
        result.unclosed_row = quote_row;
        return result;
    }
    if (field_started || !current.cells.empty()) end_record();
    return result;
}

std::string neutralise_formula(std::string_view cell) {
    return needs_neutralising(cell) ? "'" + std::string(cell) : std::string(cell);
}

std::string_view restore_formula(std::string_view cell) {
    if (cell.starts_with('\'') && needs_neutralising(cell)) cell.remove_prefix(1);
    return cell;
}

CsvWriter::CsvWriter() : out_(utf8_bom) {}

void CsvWriter::row(const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out_.push_back(',');
        append_cell(out_, neutralise_formula(cells[i]));
    }
    out_ += "\r\n";
}

std::optional<CsvTable> CsvTable::parse(std::string_view text, std::string* error) {
    auto parsed = parse_csv(text);
    if (parsed.unclosed_row) {
        if (error) *error = "quoted field opened in record " + std::to_string(*parsed.unclosed_row) + " is never closed";
        return std::nullopt;
    }
    if (parsed.records.empty()) {
        if (error) *error = "no header row";
        return std::nullopt;
    }
    CsvTable table;
    table.header_ = std::move(parsed.records.front().cells);
    for (std::size_t r = 0; r < parsed.records.size(); ++r) {
        auto& record = parsed.records[r];
        if (record.malformed) {
            if (error) *error = "record " + std::to_string(record.row) + " has a quote inside an unquoted field";
            return std::nullopt;
        }
        if (r == 0) continue;
        if (record.cells.size() != table.header_.size()) {
            if (error) {
                *error = "record " + std::to_string(record.row) + " has " + std::to_string(record.cells.size()) +
                         " fields, the header has " + std::to_string(table.header_.size());
            }
            return std::nullopt;
        }
        table.rows_.push_back(std::move(record.cells));
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

}  // namespace ido::text
