#include "service/json_output.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "service/responses.hpp"

#include "geo/hours/amsterdam_time.hpp"
#include "geo/opening.hpp"
#include "geo/transformer.hpp"

#include <algorithm>
#include <cmath>

namespace ido::service {

std::string json_string(std::string_view value) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    return buffer.GetString();
}

std::string point_json(geo::Wgs84 position, Crs crs) {
    geo::RdPoint rd;
    if (crs == Crs::rd_new) rd = geo::Transformer::to_rd(position).value_or(geo::RdPoint{});
    return point_geojson(crs, position, rd);
}

std::string location_json(const geo::Location& location, std::optional<double> distance_m,
                          const std::string& extra_members, Crs crs) {
    std::string out;
    out.reserve(location.properties_json.size() + 160 + extra_members.size());
    out += '{';
    out += location.properties_json;
    out += ",\"geometrie\":";
    out += point_geojson(crs, location.position, location.rd);
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

namespace {

void optional_instant(JsonWriter& w, const char* key, const std::optional<std::chrono::sys_seconds>& t) {
    w.Key(key);
    if (t) w.String(hours::format_amsterdam(*t));
    else w.Null();
}

void optional_text(JsonWriter& w, const char* key, const std::string& text) {
    w.Key(key);
    if (text.empty()) w.Null();
    else w.String(text);
}

struct NamedSlot {
    const std::string* desk;
    hours::Slot slot;
};

}  // namespace

std::string opening_members_json(const geo::Location& location, std::chrono::sys_seconds at) {
    const hours::Status status = geo::opening_status(location, at);
    std::vector<NamedSlot> upcoming;
    auto add_slots = [&](const std::string& name, const hours::Schedule& schedule) {
        // Unknown hours are no slot to show; explicit "unknown" rules (a comment without open) are.
        if (schedule.unknown_hours()) return;
        for (auto& slot : hours::slots(schedule, at)) upcoming.push_back({&name, std::move(slot)});
    };
    if (location.spreekuur_schedules.empty()) add_slots(location.naam, location.schedule);
    for (std::size_t i = 0; i < location.spreekuur_schedules.size(); ++i)
        add_slots(location.spreekuur_namen[i], location.spreekuur_schedules[i]);
    std::stable_sort(upcoming.begin(), upcoming.end(),
                     [](const NamedSlot& a, const NamedSlot& b) { return a.slot.begin < b.slot.begin; });

    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    // Two members of the enclosing object: written as a throwaway object, braces stripped below.
    w.StartObject();
    w.Key("status");
    w.StartObject();
    w.Key("code");
    const auto code = hours::to_string(status.state);
    w.String(code.data(), static_cast<rapidjson::SizeType>(code.size()));
    optional_instant(w, "openTot", status.open_tot);
    optional_instant(w, "volgendeOpening", status.volgende_opening);
    optional_text(w, "opmerking", status.opmerking);
    w.Key("peilmoment");
    w.String(hours::format_amsterdam(at));
    w.EndObject();
    w.Key("komendeSpreekuren");
    w.StartArray();
    for (const auto& [desk, slot] : upcoming) {
        w.StartObject();
        w.Key("spreekuur");
        w.String(*desk);
        w.Key("begin");
        w.String(hours::format_amsterdam(slot.begin));
        w.Key("eind");
        w.String(hours::format_amsterdam(slot.end));
        w.Key("status");
        const auto state = hours::to_string(slot.state);
        w.String(state.data(), static_cast<rapidjson::SizeType>(state.size()));
        optional_text(w, "opmerking", slot.opmerking);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    std::string json = buffer.GetString();
    return json.substr(1, json.size() - 2);
}

void write_municipality(JsonWriter& w, const geo::Municipality& m, std::size_t help_points) {
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
}

std::string municipality_json(const geo::Municipality& m, std::size_t help_points) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    write_municipality(w, m, help_points);
    return buffer.GetString();
}

}  // namespace ido::service
