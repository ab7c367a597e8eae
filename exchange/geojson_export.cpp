#include "exchange/geojson_export.hpp"

#include "exchange/json_access.hpp"

#include <rapidjson/document.h>

namespace ido::exchange {

std::string export_geojson(const std::vector<store::StoredLocation>& locations, std::string_view geexporteerd) {
    std::string out = "{\"type\":\"FeatureCollection\",";
    if (!geexporteerd.empty()) {
        rapidjson::Value moment(rapidjson::StringRef(geexporteerd.data(), geexporteerd.size()));
        out += "\"geexporteerd\":" + serialise(moment) + ",";
    }
    out += "\"features\":[\n";
    for (std::size_t i = 0; i < locations.size(); ++i) {
        const auto& l = locations[i];
        rapidjson::Value id(rapidjson::StringRef(l.id.c_str(), l.id.size()));
        const std::string versie = l.version > 0 ? ",\"versie\":" + std::to_string(l.version) : std::string();
        out += "{\"type\":\"Feature\",\"id\":" + serialise(id) + versie + ",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" +
               number_text(l.position.lon) + "," + number_text(l.position.lat) + "]},\"properties\":" + l.properties_json + "}";
        out += i + 1 < locations.size() ? ",\n" : "\n";
    }
    out += "]}\n";
    return out;
}

}  // namespace ido::exchange
