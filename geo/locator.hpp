#pragma once
#include "geo/snapshot.hpp"

#include <atomic>
#include <filesystem>
#include <memory>

namespace ido::geo {

/// The facade the HTTP layer talks to: holds the current Snapshot and swaps in new ones.
/// No HTTP here; the same facade serves tests, benchmarks and the command line.
class Locator {
public:
    explicit Locator(std::shared_ptr<const Snapshot> initial) : current_(std::move(initial)) {}

    /// Loads `informatiepunten.geojson` and `gemeenten.geojson` from a data directory.
    static std::shared_ptr<Locator> from_data_directory(const std::filesystem::path& directory);

    /// The snapshot to answer one request with; keep it for the whole request.
    std::shared_ptr<const Snapshot> snapshot() const { return current_.load(std::memory_order_acquire); }
    /// Atomically replaces the snapshot; readers holding the old one finish with it.
    void replace(std::shared_ptr<const Snapshot> next) { current_.store(std::move(next), std::memory_order_release); }

private:
    std::atomic<std::shared_ptr<const Snapshot>> current_;
};

}  // namespace ido::geo
