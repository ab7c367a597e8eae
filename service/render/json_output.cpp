#include "service/render/json_output.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "service/render/responses.hpp"

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
    // The head, then the members that vary per answer: the same bytes as OpeningMembers::append_location.
    std::string out = location_json_head(location, crs);
    out.reserve(out.size() + 32 + extra_members.size());
    if (distance_m) append_distance(out, *distance_m);
    if (!extra_members.empty()) {
        out += ',';
        out += extra_members;
    }
    out += '}';
    return out;
}

std::string location_json_head(const geo::Location& location, Crs crs) {
    std::string out;
    out.reserve(location.properties_json.size() + 100);
    out += '{';
    out += location.properties_json;
    out += ",\"geometrie\":";
    out += point_geojson(crs, location.position, location.rd);
    return out;
}

std::string location_feature_json(const geo::Location& location, Crs crs) {
    std::string out;
    out.reserve(location.properties_json.size() + 160);
    out += "{\"type\":\"Feature\",\"id\":";
    out += json_string(location.id);
    out += ",\"geometry\":";
    out += point_geojson(crs, location.position, location.rd);
    out += ",\"properties\":{";
    out += location.properties_json;
    out += "}}";
    return out;
}

void append_distance(std::string& out, double distance_m) {
    // One decimal: the positions themselves are good to a metre at best.
    char number[32];
    const int n = std::snprintf(number, sizeof number, "%.1f", std::round(distance_m * 10) / 10);
    out += ",\"afstand\":";
    out.append(number, static_cast<std::size_t>(n));
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

}  // namespace

std::vector<DeskSlot> upcoming_slots(const geo::Location& location, std::chrono::sys_seconds from, std::chrono::seconds span) {
    std::vector<DeskSlot> upcoming;
    auto add_slots = [&](const std::string& name, const hours::Schedule& schedule) {
        // Unknown hours are no slot to show; explicit "unknown" rules (a comment without open) are.
        if (schedule.unknown_hours()) return;
        for (auto& slot : hours::slots(schedule, from, span)) upcoming.push_back({&name, std::move(slot)});
    };
    if (location.spreekuur_schedules.empty()) add_slots(location.naam, location.schedule);
    for (std::size_t i = 0; i < location.spreekuur_schedules.size(); ++i)
        add_slots(location.spreekuur_namen[i], location.spreekuur_schedules[i]);
    std::stable_sort(upcoming.begin(), upcoming.end(),
                     [](const DeskSlot& a, const DeskSlot& b) { return a.slot.begin < b.slot.begin; });
    return upcoming;
}

std::string slot_json(const DeskSlot& desk_slot) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("spreekuur");
    w.String(*desk_slot.desk);
    w.Key("begin");
    w.String(hours::format_amsterdam(desk_slot.slot.begin));
    w.Key("eind");
    w.String(hours::format_amsterdam(desk_slot.slot.end));
    w.Key("status");
    const auto state = hours::to_string(desk_slot.slot.state);
    w.String(state.data(), static_cast<rapidjson::SizeType>(state.size()));
    optional_text(w, "opmerking", desk_slot.slot.opmerking);
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::string status_json_head(const hours::Status& status) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("code");
    const auto code = hours::to_string(status.state);
    w.String(code.data(), static_cast<rapidjson::SizeType>(code.size()));
    optional_instant(w, "openTot", status.open_tot);
    optional_instant(w, "volgendeOpening", status.volgende_opening);
    optional_text(w, "opmerking", status.opmerking);
    w.EndObject();
    // The object without its closing brace, continued with the member that is written per request.
    std::string head = "\"status\":";
    head.append(buffer.GetString(), buffer.GetSize() - 1);
    head += ",\"peilmoment\":\"";
    return head;
}

void begin_opening_members(std::string& out, std::string_view status_head, std::string_view peilmoment) {
    out += status_head;
    out += peilmoment;  // an RFC 3339 instant: nothing to escape
    out += "\"},\"komendeSpreekuren\":[";
}

std::string opening_members_json(const geo::Location& location, std::chrono::sys_seconds at) {
    std::string out;
    begin_opening_members(out, status_json_head(geo::opening_status(location, at)), hours::format_amsterdam(at));
    bool first = true;
    for (const auto& desk_slot : upcoming_slots(location, at, std::chrono::days{14})) {
        if (!first) out += ',';
        first = false;
        out += slot_json(desk_slot);
    }
    out += ']';
    return out;
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

namespace {

// `for_each(write)` calls write(m) for every municipality index m to list, in order.
template <class ForEach>
std::string municipality_list(const geo::Snapshot& snapshot, ForEach for_each) {
    const auto& municipalities = snapshot.municipalities().all();
    // Every municipality straight into one writer: a StringBuffer and a Writer per municipality, then
    // copying them all, was two thirds of the instructions of this answer (callgrind, bench/http/README.md).
    rapidjson::StringBuffer buffer;
    buffer.Reserve(48 * 1024);
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("gemeenten");
    w.StartArray();
    for_each([&](std::size_t m) { write_municipality(w, municipalities[m], snapshot.locations_in(m).size()); });
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

std::string municipality_list_json(const geo::Snapshot& snapshot) {
    return municipality_list(snapshot, [&](auto write) {
        for (std::size_t m = 0; m < snapshot.municipalities().all().size(); ++m) write(m);
    });
}

std::string municipality_list_json(const geo::Snapshot& snapshot, std::span<const std::size_t> indexes) {
    return municipality_list(snapshot, [&](auto write) {
        for (std::size_t m : indexes) write(m);
    });
}

std::string municipality_json(const geo::Municipality& m, std::size_t help_points) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    write_municipality(w, m, help_points);
    return buffer.GetString();
}

}  // namespace ido::service
