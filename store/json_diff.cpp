#include "store/json_diff.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>

namespace ido::store {
namespace {

std::string to_json(const rapidjson::Value& value) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value.Accept(writer);
    return buffer.GetString();
}

std::string point(geo::Wgs84 p) {
    char text[96];
    std::snprintf(text, sizeof text, "{\"type\":\"Point\",\"coordinates\":[%.8g,%.8g]}", p.lon, p.lat);
    return text;
}

}  // namespace

std::vector<FieldChange> changed_fields(const std::string& old_properties, const std::string& new_properties,
                                        geo::Wgs84 old_position, geo::Wgs84 new_position) {
    rapidjson::Document before, after;
    before.Parse(old_properties.c_str());
    after.Parse(new_properties.c_str());
    std::vector<FieldChange> changes;
    if (!before.IsObject() || !after.IsObject()) {
        if (old_properties != new_properties) changes.push_back({"", old_properties, new_properties});
    } else {
        for (const auto& member : after.GetObject()) {
            const std::string name = member.name.GetString();
            const std::string now = to_json(member.value);
            auto it = before.FindMember(member.name);
            const std::string was = it == before.MemberEnd() ? "null" : to_json(it->value);
            if (was != now) changes.push_back({name, was, now});
        }
        for (const auto& member : before.GetObject())
            if (!after.HasMember(member.name)) changes.push_back({member.name.GetString(), to_json(member.value), "null"});
    }
    if (old_position != new_position) changes.push_back({"geometrie", point(old_position), point(new_position)});
    return changes;
}

}  // namespace ido::store
