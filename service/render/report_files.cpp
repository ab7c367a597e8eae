#include "service/render/report_files.hpp"

#include "text/csv.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <unistd.h>

namespace ido::service {
namespace {

// libxlsxwriter writes to a file only: a private temporary file, removed whatever happens.
class TemporaryFile {
public:
    TemporaryFile() {
        std::string pattern = (std::filesystem::temp_directory_path() / "ido-rapport-XXXXXX").string();
        const int fd = mkstemp(pattern.data());
        if (fd < 0) throw std::runtime_error("cannot create a temporary file for the report");
        close(fd);
        path_ = pattern;
    }
    ~TemporaryFile() {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// Characters, not bytes, for the width (a column of "ë"s is not twice as wide).
std::size_t width_of(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void check(lxw_error error, const char* what) {
    if (error != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx ") + what + ": " + lxw_strerror(error));
}

}  // namespace

std::string report_xlsx(const std::vector<ReportTable>& tables) {
    TemporaryFile file;
    lxw_workbook* workbook = workbook_new(file.path().c_str());
    if (workbook == nullptr) throw std::runtime_error("xlsx: cannot start a workbook");
    lxw_format* header = workbook_add_format(workbook);
    format_set_bold(header);
    for (const auto& table : tables) {
        lxw_worksheet* sheet = workbook_add_worksheet(workbook, table.naam.c_str());
        std::vector<std::size_t> widths(table.kolommen.size(), 8);
        for (std::size_t c = 0; c < table.kolommen.size(); ++c) {
            check(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.kolommen[c].c_str(), header), "header");
            widths[c] = std::max(widths[c], width_of(table.kolommen[c]));
        }
        for (std::size_t r = 0; r < table.rijen.size(); ++r) {
            const auto row = static_cast<lxw_row_t>(r + 1);
            for (std::size_t c = 0; c < table.rijen[r].size() && c < widths.size(); ++c) {
                const auto& cell = table.rijen[r][c];
                const auto col = static_cast<lxw_col_t>(c);
                if (cell.number) {
                    check(worksheet_write_number(sheet, row, col, *cell.number, nullptr), "number");
                    widths[c] = std::max<std::size_t>(widths[c], 12);
                } else if (!cell.text.empty()) {
                    // A string cell is never a formula, whatever it starts with.
                    check(worksheet_write_string(sheet, row, col, cell.text.c_str(), nullptr), "text");
                    widths[c] = std::max(widths[c], width_of(cell.text));
                }
            }
        }
        for (std::size_t c = 0; c < widths.size(); ++c)
            worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), static_cast<double>(std::min<std::size_t>(widths[c] + 2, 60)),
                                 nullptr);
        worksheet_freeze_panes(sheet, 1, 0);  // the header stays in view
    }
    check(workbook_close(workbook), "close");
    std::ifstream in(file.path(), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string report_csv(const ReportTable& table) {
    text::CsvWriter csv;
    csv.row(table.kolommen);
    for (const auto& row : table.rijen) {
        std::vector<std::string> cells;
        for (const auto& cell : row) cells.push_back(cell.number ? number_text(*cell.number) : cell.text);
        csv.row(cells);
    }
    return csv.text();
}

}  // namespace ido::service
