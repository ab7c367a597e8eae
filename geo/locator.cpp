#include "geo/locator.hpp"

#include "geo/dataset.hpp"

namespace ido::geo {

std::shared_ptr<Locator> Locator::from_data_directory(const std::filesystem::path& directory) {
    auto municipalities = MunicipalityIndex::load(directory / "gemeenten.geojson");
    auto locations = load_locations(directory / "informatiepunten.geojson");
    return std::make_shared<Locator>(std::make_shared<const Snapshot>(std::move(locations), std::move(municipalities)));
}

}  // namespace ido::geo
