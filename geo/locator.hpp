#pragma once
#include "geo/geocode/geocoder.hpp"
#include "geo/snapshot.hpp"

#include <atomic>
#include <filesystem>
#include <memory>

namespace ido::geo {

/// The facade the HTTP layer talks to: holds the current Snapshot and swaps in new ones.
/// No HTTP here; the same facade serves tests, benchmarks and the command line.
class Locator {
public:
    Locator(std::shared_ptr<const Snapshot> initial, std::shared_ptr<const geocode::Geocoder> geocoder)
        : current_(std::move(initial)), geocoder_(std::move(geocoder)) {}

    /// Loads `informatiepunten.geojson`, `gemeenten.geojson` and the geocoder's place and postcode files
    /// from a data directory. Throws std::runtime_error naming the file and the problem.
    static std::shared_ptr<Locator> from_data_directory(const std::filesystem::path& directory);

    /// The snapshot to answer one request with; keep it for the whole request.
    std::shared_ptr<const Snapshot> snapshot() const { return current_.load(std::memory_order_acquire); }
    /// Atomically replaces the snapshot; readers holding the old one finish with it.
    void replace(std::shared_ptr<const Snapshot> next) { current_.store(std::move(next), std::memory_order_release); }

    /// The offline geocoder (places, municipalities, postcodes); immutable.
    const geocode::Geocoder& geocoder() const { return *geocoder_; }

private:
    std::atomic<std::shared_ptr<const Snapshot>> current_;
    std::shared_ptr<const geocode::Geocoder> geocoder_;
};

}  // namespace ido::geo
