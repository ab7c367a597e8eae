#include "geo/locator.hpp"

#include "geo/dataset.hpp"

#include <stdexcept>

namespace ido::geo {

std::shared_ptr<Locator> Locator::from_data_directory(const std::filesystem::path& directory) {
    auto municipalities = MunicipalityIndex::load(directory / "gemeenten.geojson");
    auto locations = load_locations(directory / "informatiepunten.geojson");
    auto geocoder = geocode::Geocoder::load(directory);
    if (geocoder.error) throw std::runtime_error("geocoder: " + geocoder.error->message);
    return std::make_shared<Locator>(std::make_shared<const Snapshot>(std::move(locations), std::move(municipalities)),
                                     std::move(geocoder.geocoder));
}

}  // namespace ido::geo
