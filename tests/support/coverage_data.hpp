#pragma once
// What the coverage tests share: the shipped data, loaded once per test binary, and the small pieces of
// the brute-force oracles (plain Euclidean RD distance, a record's herkomst soort, a minimal record).
#include "geo/coverage/demand.hpp"
#include "geo/dataset.hpp"
#include "geo/location.hpp"
#include "geo/municipality_index.hpp"

#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace ido::test {

inline const std::shared_ptr<const geo::MunicipalityIndex>& municipalities() {
    static auto index = geo::MunicipalityIndex::load(IDO_SOURCE_DIR "/data/gemeenten.geojson");
    return index;
}

inline const std::shared_ptr<const coverage::Demand>& shipped_demand() {
    static auto demand = std::make_shared<const coverage::Demand>(coverage::load_demand(IDO_SOURCE_DIR "/data"));
    return demand;
}

inline const std::vector<geo::Location>& shipped_locations() {
    static auto locations = geo::load_locations(IDO_SOURCE_DIR "/data/informatiepunten.geojson");
    return locations;
}

/// The record's `herkomst.soort`, read from its properties text (independently of the code under test).
inline std::string soort_of(const geo::Location& l) {
    const auto at = l.properties_json.find("\"soort\":\"");
    if (at == std::string::npos) return {};
    const auto start = at + 9;
    return l.properties_json.substr(start, l.properties_json.find('"', start) - start);
}

/// Straight-line distance in RD metres, written out for the oracles.
inline double dist(geo::RdPoint a, geo::RdPoint b) { return std::sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)); }

/// A minimal help point of the given soort at `p`, for random and hand-made cases.
inline geo::Location make(const std::string& id, const std::string& soort, geo::Wgs84 p, const std::string& gemeentecode) {
    return geo::make_location(R"({"id":")" + id + R"(","naam":")" + id + R"(","gemeentecode":")" + gemeentecode +
                                  R"(","openingstijden":"","herkomst":{"soort":")" + soort + R"("}})",
                              p, 1);
}

}  // namespace ido::test
