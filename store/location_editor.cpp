#include "store/location_editor.hpp"

#include "geo/dataset.hpp"

#include <chrono>

namespace ido::store {

LocationEditor::LocationEditor(std::shared_ptr<store::Store> store, std::shared_ptr<geo::Locator> locator,
                               std::shared_ptr<const geo::MunicipalityIndex> municipalities)
    : store_(std::move(store)), locator_(std::move(locator)), municipalities_(std::move(municipalities)) {}

void LocationEditor::rebuild() {
    std::lock_guard lock(write_mutex_);
    rebuild_locked();
}

bool LocationEditor::reload_if_changed() {
    std::lock_guard lock(write_mutex_);
    if (store_->data_version() == loaded_version_) return false;
    rebuild_locked();
    return true;
}

void LocationEditor::rebuild_locked() {
    const auto start = std::chrono::steady_clock::now();
    // The version first: a change that lands while the rows are read makes the next check rebuild again.
    const std::int64_t version = store_->data_version();
    std::vector<geo::Location> locations;
    for (const auto& stored : store_->locations())
        locations.push_back(geo::make_location(stored.properties_json, stored.position, stored.version));
    locator_->replace(std::make_shared<const geo::Snapshot>(std::move(locations), municipalities_));
    loaded_version_ = version;  // only once the rows are in: a failed read leaves the old version, so the next check retries
    last_rebuild_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    snapshot_built_at_ = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

StoreBackedLocator open_store_backed_locator(std::shared_ptr<store::Store> store, const std::filesystem::path& data_dir, Seed seed_set) {
    auto municipalities = geo::MunicipalityIndex::load(data_dir / "gemeenten.geojson");
    auto geocoder = geocode::Geocoder::load(data_dir);
    if (geocoder.error) throw std::runtime_error("geocoder: " + geocoder.error->message);
    std::size_t seeded = 0;
    if (store->never_filled()) {
        std::vector<store::StoredLocation> seed;
        for (auto& feature : geo::read_features(data_dir / "informatiepunten.geojson")) {
            if (seed_set == Seed::zonder_voorbeelden && geo::make_location(feature.properties_json, feature.position, 1).gegenereerd) continue;
            seed.push_back({feature.id, 1, std::move(feature.properties_json), feature.position});
        }
        // Not upsert_all: another replica may have filled it since never_filled() (and people may have
        // edited since); this fills only a database that is still empty, atomically.
        seeded = store->fill_if_never_filled(seed, store::Author{0, "seed"}, "geimporteerd");
    }
    auto locator = std::make_shared<geo::Locator>(
        std::make_shared<const geo::Snapshot>(std::vector<geo::Location>{}, municipalities), std::move(geocoder.geocoder));
    auto editor = std::make_shared<LocationEditor>(std::move(store), locator, std::move(municipalities));
    editor->rebuild();
    return {locator, editor, seeded};
}

}  // namespace ido::store
