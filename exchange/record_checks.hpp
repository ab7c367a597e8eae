#pragma once
// The checks of one imported record: record/'s validator for the fields, then what needs the
// municipalities (position and gemeentecode) and the loader. Problems are reported by row and by CSV
// column or GeoJSON property path.
#include "exchange/import.hpp"
#include "geo/coordinates.hpp"
#include "geo/municipality_index.hpp"
#include "record/problem_codes.hpp"

#include <rapidjson/document.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ido::exchange {

/// Collects the problems of one row (CSV) or feature (GeoJSON).
class Reporter {
public:
    Reporter(std::vector<ImportProblem>& out, std::size_t row, bool csv) : out_(out), row_(row), csv_(csv) {}
    /// `path` is a property path without the leading '/' ("spreekuren/0/naam"); in CSV mode it is
    /// reported as the column it comes from.
    void add(const std::string& path, std::string_view code, std::string message);
    /// The validator's problems, their JSON pointers mapped to paths.
    void add_all(const ido::record::FieldProblems& problems);
    std::size_t count() const { return count_; }

private:
    std::vector<ImportProblem>& out_;
    std::size_t row_;
    bool csv_;
    std::size_t count_ = 0;
};

/// Every field of one record (properties as stored). `desks`: check the spreekuren (they come from the
/// file, not derived from other columns); `keys`: refuse unknown properties (GeoJSON).
void check_record(const rapidjson::Value& properties, std::optional<geo::Wgs84> position, const geo::MunicipalityIndex& municipalities,
                  bool desks, bool keys, Reporter& r);

/// The last safety net: the record as the service will load it.
void check_loadable(const std::string& properties, geo::Wgs84 position, Reporter& r);

}  // namespace ido::exchange
