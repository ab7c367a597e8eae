#include "geo/coverage/location_facts.hpp"

#include <rapidjson/document.h>

namespace ido::coverage {

LocationFacts location_facts(const geo::Location& location) {
    LocationFacts facts;
    // properties_json holds the members without the enclosing braces (geo/location.hpp).
    const std::string json = "{" + location.properties_json + "}";
    rapidjson::Document document;
    document.Parse(json.c_str(), json.size());
    if (document.HasParseError() || !document.IsObject()) return facts;
    if (auto h = document.FindMember("herkomst"); h != document.MemberEnd() && h->value.IsObject())
        if (auto s = h->value.FindMember("soort"); s != h->value.MemberEnd() && s->value.IsString())
            facts.soort = s->value.GetString();
    if (auto d = document.FindMember("laatstGecontroleerd"); d != document.MemberEnd() && d->value.IsString() &&
                                                              d->value.GetStringLength() > 0)
        facts.laatst_gecontroleerd = std::string(d->value.GetString());
    if (auto s = document.FindMember("spreekuren"); s != document.MemberEnd() && s->value.IsArray())
        for (const auto& desk : s->value.GetArray()) {
            std::optional<bool> op_afspraak;
            if (desk.IsObject())
                if (auto a = desk.FindMember("opAfspraak"); a != desk.MemberEnd() && a->value.IsBool())
                    op_afspraak = a->value.GetBool();
            facts.spreekuur_op_afspraak.push_back(op_afspraak);
        }
    // A record without desks in its JSON but with parsed schedules should not index out of range.
    facts.spreekuur_op_afspraak.resize(location.spreekuur_schedules.size());
    return facts;
}

}  // namespace ido::coverage
