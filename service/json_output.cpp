#include "service/json_output.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

namespace ido::service {

std::string json_string(std::string_view value) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    return buffer.GetString();
}

std::string point_json(geo::Wgs84 position) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.SetMaxDecimalPlaces(8);
    w.StartObject();
    w.Key("type");
    w.String("Point");
    w.Key("coordinates");
    w.StartArray();
    w.Double(position.lon);
    w.Double(position.lat);
    w.EndArray();
    w.EndObject();
    return buffer.GetString();
}

std::string location_json(const geo::Location& location, std::optional<double> distance_m,
                          const std::string& extra_members) {
    std::string out;
    out.reserve(location.properties_json.size() + 160 + extra_members.size());
    out += '{';
    out += location.properties_json;
    out += ",\"geometrie\":";
    out += point_json(location.position);
    if (distance_m) {
        // One decimal: the positions themselves are good to a metre at best.
        char number[32];
        const int n = std::snprintf(number, sizeof number, "%.1f", std::round(*distance_m * 10) / 10);
        out += ",\"afstand\":";
        out.append(number, static_cast<std::size_t>(n));
    }
    if (!extra_members.empty()) {
        out += ',';
        out += extra_members;
    }
    out += '}';
    return out;
}

std::string municipality_json(const geo::Municipality& m, std::size_t help_points) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("gemeentecode");
    w.String(m.gemeentecode);
    w.Key("naam");
    w.String(m.naam);
    w.Key("provincie");
    w.String(m.provincie);
    w.Key("inwoners");
    w.Int64(m.inwoners);
    w.Key("aantalInformatiepunten");
    w.Uint64(help_points);
    w.EndObject();
    return buffer.GetString();
}

}  // namespace ido::service
