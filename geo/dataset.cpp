#include "geo/dataset.hpp"

#include "geo/transformer.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/writer.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_set>

namespace ido::geo {
namespace {

// Member lookup by pointer; nullptr when absent. (RapidJSON's operator[] with a literal makes GCC 12 warn
// about a dangling temporary, and it asserts on a missing member.)
const rapidjson::Value* member(const rapidjson::Value& object, const char* key) {
    if (!object.IsObject()) return nullptr;
    auto it = object.FindMember(key);
    return it == object.MemberEnd() ? nullptr : &it->value;
}

[[noreturn]] void fail(const std::string& where, const std::string& what) {
    throw std::runtime_error(where + ": " + what);
}

std::string required_string(const rapidjson::Value& object, const char* key, const std::string& where) {
    auto it = object.FindMember(key);
    if (it == object.MemberEnd() || !it->value.IsString()) fail(where, std::string("missing string field '") + key + "'");
    return it->value.GetString();
}

std::string optional_string(const rapidjson::Value& object, const char* key) {
    auto it = object.FindMember(key);
    return (it != object.MemberEnd() && it->value.IsString()) ? it->value.GetString() : std::string();
}

std::optional<bool> optional_bool(const rapidjson::Value& object, const char* key) {
    auto it = object.FindMember(key);
    if (it == object.MemberEnd() || !it->value.IsBool()) return std::nullopt;
    return it->value.GetBool();
}

// Parses an opening_hours expression of the data; a bad one stops the load with its position.
hours::Schedule schedule(const std::string& expression, const std::string& where, const std::string& field) {
    auto parsed = hours::parse(expression);
    if (auto* error = std::get_if<hours::ParseError>(&parsed))
        fail(where, field + " '" + expression + "' at position " + std::to_string(error->position) + ": " + error->message);
    return std::get<hours::Schedule>(std::move(parsed));
}

// The public JSON of a record: all properties, with the data's registration `status` renamed to
// `registratiestatus`, because the API's `status` is the computed opening status.
std::string properties_json(const rapidjson::Value& properties) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.StartObject();
    for (const auto& member : properties.GetObject()) {
        const std::string name = member.name.GetString();
        writer.Key(name == "status" ? "registratiestatus" : name.c_str());
        member.value.Accept(writer);
    }
    writer.EndObject();
    std::string json = buffer.GetString();
    return json.substr(1, json.size() - 2);  // without the braces, so fields can be appended
}

}  // namespace

bool near_netherlands(Wgs84 p) { return p.lat >= 50.6 && p.lat <= 53.8 && p.lon >= 3.1 && p.lon <= 7.4; }

namespace {

Location location_from_properties(const rapidjson::Value& properties, Wgs84 position, const std::string& where) {
    if (!properties.IsObject()) fail(where, "properties is not an object");
    Location location;
    location.id = required_string(properties, "id", where);
    location.naam = required_string(properties, "naam", where);
    location.organisatie = optional_string(properties, "organisatie");
    location.gemeentecode = required_string(properties, "gemeentecode", where);
    location.position = position;
    if (!near_netherlands(location.position)) fail(where, location.id + " lies outside the Netherlands");
    auto rd = Transformer::to_rd(location.position);
    if (!rd) fail(where, location.id + ": position cannot be transformed to RD");
    location.rd = *rd;
    if (auto it = properties.FindMember("diensten"); it != properties.MemberEnd() && it->value.IsArray())
        for (const auto& code : it->value.GetArray())
            if (code.IsString()) location.diensten.emplace_back(code.GetString());
    std::sort(location.diensten.begin(), location.diensten.end());
    location.op_afspraak = optional_bool(properties, "opAfspraak");
    location.inloop = optional_bool(properties, "inloop");
    if (auto h = properties.FindMember("herkomst"); h != properties.MemberEnd() && h->value.IsObject())
        if (auto soort = h->value.FindMember("soort"); soort != h->value.MemberEnd() && soort->value.IsString())
            location.gegenereerd = std::string_view(soort->value.GetString(), soort->value.GetStringLength()) == "gegenereerd";
    location.openingstijden = optional_string(properties, "openingstijden");
    location.schedule = schedule(location.openingstijden, where, location.id + " openingstijden");
    if (auto it = properties.FindMember("spreekuren"); it != properties.MemberEnd() && it->value.IsArray())
        for (const auto& desk : it->value.GetArray()) {
            if (!desk.IsObject()) fail(where, "spreekuren holds a non-object");
            location.spreekuur_namen.push_back(optional_string(desk, "naam"));
            location.spreekuur_schedules.push_back(
                schedule(optional_string(desk, "openingstijden"), where, location.id + " spreekuren.openingstijden"));
            if (optional_bool(desk, "opAfspraak").value_or(false)) location.afspraak_mogelijk = true;
        }
    if (location.op_afspraak.value_or(false)) location.afspraak_mogelijk = true;
    location.properties_json = properties_json(properties);
    return location;
}

}  // namespace

Location make_location(std::string_view properties, Wgs84 position, std::int64_t version) {
    rapidjson::Document document;
    document.Parse(properties.data(), properties.size());
    if (document.HasParseError()) fail("stored record", "invalid JSON");
    Location location = location_from_properties(document, position, "stored record");
    location.version = version;
    location.stored_json = std::string(properties);
    return location;
}

std::vector<Feature> read_features(const std::filesystem::path& geojson) {
    std::ifstream in(geojson, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + geojson.string());
    std::ostringstream text;
    text << in.rdbuf();
    const std::string content = text.str();

    rapidjson::Document document;
    document.Parse(content.c_str(), content.size());
    if (document.HasParseError())
        fail(geojson.string(), std::string("invalid JSON at offset ") + std::to_string(document.GetErrorOffset()) + ": " +
                                   rapidjson::GetParseError_En(document.GetParseError()));
    const rapidjson::Value* features = member(document, "features");
    if (features == nullptr || !features->IsArray()) fail(geojson.string(), "not a GeoJSON FeatureCollection");

    std::vector<Feature> out;
    std::unordered_set<std::string> ids;
    std::size_t number = 0;
    for (const auto& feature : features->GetArray()) {
        const std::string where = geojson.filename().string() + " feature " + std::to_string(number++);
        const rapidjson::Value* properties = member(feature, "properties");
        if (properties == nullptr || !properties->IsObject()) fail(where, "feature without properties");
        const rapidjson::Value* geometry = member(feature, "geometry");
        const rapidjson::Value* coordinates = geometry ? member(*geometry, "coordinates") : nullptr;
        if (geometry == nullptr || optional_string(*geometry, "type") != "Point" || coordinates == nullptr ||
            !coordinates->IsArray() || coordinates->Size() < 2 || !(*coordinates)[0].IsNumber() ||
            !(*coordinates)[1].IsNumber())
            fail(where, "geometry is not a GeoJSON Point");
        const Wgs84 position{(*coordinates)[1].GetDouble(), (*coordinates)[0].GetDouble()};
        // Validate the whole record now, so a bad file is refused before anything is stored.
        Location location = location_from_properties(*properties, position, where);
        if (!ids.insert(location.id).second) fail(where, "duplicate id " + location.id);
        rapidjson::StringBuffer buffer;
        rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
        properties->Accept(writer);
        out.push_back({location.id, buffer.GetString(), position});
    }
    std::sort(out.begin(), out.end(), [](const Feature& a, const Feature& b) { return a.id < b.id; });
    return out;
}

std::vector<Location> load_locations(const std::filesystem::path& geojson) {
    std::vector<Location> locations;
    for (const auto& feature : read_features(geojson)) locations.push_back(make_location(feature.properties_json, feature.position, 1));
    return locations;
}

}  // namespace ido::geo
