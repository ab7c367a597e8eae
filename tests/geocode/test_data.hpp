#pragma once
// Where the geocoder tests find their data: the repository's data/ folder once the data script has
// copied the derived files there, else the shared data folder that sits beside the repository.

#include "geo/geocode/geocoder.hpp"

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace ido::geocode::testing {

inline std::filesystem::path data_dir() {
    const std::filesystem::path in_repo = std::filesystem::path(IDO_SOURCE_DIR) / "data";
    if (std::filesystem::exists(in_repo / "pc4.csv")) return in_repo;
    return std::filesystem::path(IDO_SOURCE_DIR) / ".." / "shared" / "data" / "derived";
}

inline std::filesystem::path gemeenten_geojson() {
    const std::filesystem::path in_repo = std::filesystem::path(IDO_SOURCE_DIR) / "data" / "gemeenten.geojson";
    if (std::filesystem::exists(in_repo)) return in_repo;
    return std::filesystem::path(IDO_SOURCE_DIR) / ".." / "shared" / "data" / "derived" / "gemeenten_2023_wgs84.geojson";
}

/// One geocoder per test binary: loading takes ~0.1 s and the object is immutable.
inline const Geocoder& shared_geocoder() {
    static const std::shared_ptr<const Geocoder> geocoder = [] {
        auto loaded = Geocoder::load(data_dir());
        if (loaded.error) throw std::runtime_error("cannot load geocoder data: " + loaded.error->message);
        return loaded.geocoder;
    }();
    return *geocoder;
}

}  // namespace ido::geocode::testing
