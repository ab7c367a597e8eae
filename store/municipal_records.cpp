#include "store/municipal_records.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <utility>

namespace ido::store {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

// The partner's optional texts with their API names; naam and soort are always set.
std::vector<std::pair<const char*, const std::string*>> fields(const Partner& p) {
    return {{"naam", &p.naam},       {"soort", &p.soort}, {"omschrijving", &p.omschrijving}, {"adres", &p.adres},
            {"telefoon", &p.telefoon}, {"email", &p.email}, {"website", &p.website}};
}

std::string text_json(const std::string& text) {
    if (text.empty()) return "null";
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
    return buffer.GetString();
}

}  // namespace

std::string partner_json(const Partner& partner) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    for (const auto& [name, value] : fields(partner)) {
        w.Key(name);
        if (value->empty()) w.Null();
        else w.String(value->c_str(), static_cast<rapidjson::SizeType>(value->size()));
    }
    w.EndObject();
    return buffer.GetString();
}

std::vector<FieldChange> partner_changes(const Partner& old_partner, const Partner& new_partner) {
    std::vector<FieldChange> out;
    const auto before = fields(old_partner), after = fields(new_partner);
    for (std::size_t i = 0; i < before.size(); ++i)
        if (*before[i].second != *after[i].second) out.push_back({before[i].first, text_json(*before[i].second), text_json(*after[i].second)});
    return out;
}

std::string financing_json(const Financing& financing) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    w.Key("bedrag");
    w.Double(financing.bedrag);
    w.Key("bron");
    w.String(financing.bron.c_str(), static_cast<rapidjson::SizeType>(financing.bron.size()));
    w.EndObject();
    return buffer.GetString();
}

}  // namespace ido::store
