#pragma once
// Shared by the fuzz targets: where the shipped data lives (IDO_DATA_DIR overrides the source tree).
#include <cstdlib>
#include <filesystem>

namespace ido::fuzz {

inline std::filesystem::path data_dir() {
    if (const char* dir = std::getenv("IDO_DATA_DIR"); dir && *dir) return dir;
    return std::filesystem::path(IDO_SOURCE_DIR) / "data";
}

}  // namespace ido::fuzz
