#include "geo/coverage/demand.hpp"

#include "text/csv.hpp"
#include "text/number.hpp"
#include "geo/transformer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <system_error>

namespace ido::coverage {
namespace {

[[noreturn]] void fail(const std::filesystem::path& file, std::size_t row, const std::string& what) {
    // row 0 is the first data row, which is line 2 of the file (after the header)
    throw std::runtime_error(file.filename().string() + " line " + std::to_string(row + 2) + ": " + what);
}

text::CsvTable read(const std::filesystem::path& file, const std::vector<std::string>& columns,
                       std::vector<std::size_t>& at) {
    std::string error;
    auto table = text::CsvTable::read_file(file, &error);
    if (!table) throw std::runtime_error(file.string() + ": " + error);
    at.clear();
    for (const auto& name : columns) {
        auto column = table->column(name);
        if (!column) throw std::runtime_error(file.string() + ": no column '" + name + "'");
        at.push_back(*column);
    }
    return std::move(*table);
}

double number(const std::string& text, const std::filesystem::path& file, std::size_t row, const char* what) {
    const auto value = text::parse_finite(text);
    if (!value) fail(file, row, std::string(what) + " '" + text + "' is not a number");
    return *value;
}

std::pair<geo::Wgs84, geo::RdPoint> position(const std::string& lat, const std::string& lon,
                                             const std::filesystem::path& file, std::size_t row) {
    const geo::Wgs84 p{number(lat, file, row, "lat"), number(lon, file, row, "lon")};
    auto rd = geo::Transformer::to_rd(p);
    if (!rd) fail(file, row, "position cannot be transformed to RD");
    return {p, *rd};
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(separator, start), text.size());
        if (end > start) parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

}  // namespace

std::int64_t Demand::inwoners() const {
    return std::accumulate(pc4s.begin(), pc4s.end(), std::int64_t{0},
                           [](std::int64_t sum, const Pc4Area& a) { return sum + a.inwoners; });
}

Demand load_demand(const std::filesystem::path& data_directory) {
    Demand demand;
    std::vector<std::size_t> c;

    const auto pc4_file = data_directory / "pc4_bevolking.csv";
    const auto pc4s = read(pc4_file, {"pc4", "inwoners", "lat", "lon", "gemeentecode", "woonplaatsen"}, c);
    for (std::size_t r = 0; r < pc4s.rows().size(); ++r) {
        const auto& row = pc4s.rows()[r];
        Pc4Area area;
        area.pc4 = row[c[0]];
        if (area.pc4.size() != 4 || !std::all_of(area.pc4.begin(), area.pc4.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
            fail(pc4_file, r, "pc4 '" + area.pc4 + "' is not four digits");
        if (row[c[1]].empty()) {
            area.inwoners_geheim = true;  // CBS keeps small counts secret; weighed 0 (data/README.md)
        } else {
            const auto& text = row[c[1]];
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), area.inwoners);
            if (ec != std::errc() || end != text.data() + text.size() || area.inwoners < 0)
                fail(pc4_file, r, "inwoners '" + text + "' is not a count");
        }
        std::tie(area.position, area.rd) = position(row[c[2]], row[c[3]], pc4_file, r);
        area.gemeentecode = row[c[4]];
        area.woonplaatsen = split(row[c[5]], '|');
        demand.pc4s.push_back(std::move(area));
    }
    std::sort(demand.pc4s.begin(), demand.pc4s.end(), [](const Pc4Area& a, const Pc4Area& b) { return a.pc4 < b.pc4; });
    for (std::size_t i = 1; i < demand.pc4s.size(); ++i)
        if (demand.pc4s[i].pc4 == demand.pc4s[i - 1].pc4)
            throw std::runtime_error(pc4_file.string() + ": pc4 " + demand.pc4s[i].pc4 + " twice");

    const auto bib_file = data_directory / "bibliotheekgebouwen.csv";
    const auto bibs = read(bib_file, {"id", "naam", "straat", "huisnummer", "postcode", "plaats", "gemeentecode", "lat", "lon"}, c);
    for (std::size_t r = 0; r < bibs.rows().size(); ++r) {
        const auto& row = bibs.rows()[r];
        LibraryBuilding b{row[c[0]], row[c[1]], row[c[2]], row[c[3]], row[c[4]], row[c[5]], row[c[6]], {}, {}};
        if (b.id.empty()) fail(bib_file, r, "empty id");
        std::tie(b.position, b.rd) = position(row[c[7]], row[c[8]], bib_file, r);
        demand.bibliotheken.push_back(std::move(b));
    }
    std::sort(demand.bibliotheken.begin(), demand.bibliotheken.end(),
              [](const LibraryBuilding& a, const LibraryBuilding& b) { return a.id < b.id; });
    return demand;
}

}  // namespace ido::coverage
