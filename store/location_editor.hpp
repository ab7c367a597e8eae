#pragma once
#include "geo/locator.hpp"
#include "store/store.hpp"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

namespace ido::store {

/// Connects the store to the in-memory index: every committed write is followed by a rebuild of the
/// snapshot from the store and an atomic swap, before the write is answered, so a client that got its
/// 2xx reads its own write on the next request and readers never wait.
class LocationEditor {
public:
    LocationEditor(std::shared_ptr<store::Store> store, std::shared_ptr<geo::Locator> locator,
                   std::shared_ptr<const geo::MunicipalityIndex> municipalities);

    /// Builds a snapshot from everything in the store and swaps it in.
    void rebuild();
    /// Rebuilds when the store changed since the last rebuild by someone else (a command-line import,
    /// another process); returns whether it did. Called periodically by the service.
    bool reload_if_changed();

    /// Runs `write` (which talks to the store) and rebuilds afterwards, one write at a time.
    template <typename Write>
    auto write(Write&& write) {
        std::lock_guard lock(write_mutex_);
        auto result = write(*store_);
        rebuild_locked();
        return result;
    }

    /// The store's data_version the current snapshot was built from (-1 before the first build).
    std::int64_t loaded_version() const { return loaded_version_.load(std::memory_order_relaxed); }

    /// Whether the store answered the last time it was asked (false while a database server is down).
    bool store_reachable() const { return store_->reachable(); }

    // --- for the metrics (issue 16): the last snapshot build, read by the scrape without a lock ---
    /// Seconds the last rebuild took (0 before the first).
    double last_rebuild_seconds() const { return last_rebuild_seconds_.load(std::memory_order_relaxed); }
    /// When the current snapshot was built, seconds since the Unix epoch (0 before the first build).
    double snapshot_built_at() const { return snapshot_built_at_.load(std::memory_order_relaxed); }

    store::Store& store() { return *store_; }
    const geo::MunicipalityIndex& municipalities() const { return *municipalities_; }
    std::shared_ptr<const geo::Snapshot> snapshot() const { return locator_->snapshot(); }

private:
    void rebuild_locked();

    std::shared_ptr<store::Store> store_;
    std::shared_ptr<geo::Locator> locator_;
    std::shared_ptr<const geo::MunicipalityIndex> municipalities_;
    std::mutex write_mutex_;
    std::atomic<std::int64_t> loaded_version_{-1};  // written under write_mutex_, read by the health endpoint
    std::atomic<double> last_rebuild_seconds_{0}, snapshot_built_at_{0};  // written under write_mutex_, read by the metrics
};

/// Opens the store, fills a new database with the seed set (`informatiepunten.geojson` in the data
/// directory), and returns a locator whose snapshot comes from the store, with its editor.
struct StoreBackedLocator {
    std::shared_ptr<geo::Locator> locator;
    std::shared_ptr<LocationEditor> editor;
    std::size_t seeded = 0;   ///< records loaded from the seed set (0 when the database had data)
};
/// What a new database is filled with: the whole seed set, or its real records only (without the
/// generated examples, `herkomst.soort` `gegenereerd`: `serve --zonder-voorbeelden`).
enum class Seed { alles, zonder_voorbeelden };
StoreBackedLocator open_store_backed_locator(std::shared_ptr<store::Store> store, const std::filesystem::path& data_dir,
                                             Seed seed_set = Seed::alles);

}  // namespace ido::store
