#include "exchange/geojson_export.hpp"

#include "exchange/json_access.hpp"

#include <rapidjson/document.h>

namespace ido::exchange {

std::string export_geojson(const std::vector<store::StoredLocation>& locations) {
    std::string out = "{\"type\":\"FeatureCollection\",\"features\":[\n";
    for (std::size_t i = 0; i < locations.size(); ++i) {
        const auto& l = locations[i];
        rapidjson::Value id(rapidjson::StringRef(l.id.c_str(), l.id.size()));
        out += "{\"type\":\"Feature\",\"id\":" + serialise(id) + ",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" +
               number_text(l.position.lon) + "," + number_text(l.position.lat) + "]},\"properties\":" + l.properties_json + "}";
        out += i + 1 < locations.size() ? ",\n" : "\n";
    }
    out += "]}\n";
    return out;
}


}  // namespace ido::exchange
