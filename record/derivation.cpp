#include "record/derivation.hpp"

namespace ido::record {
namespace {

using rapidjson::Value;

const Value* find(const Value& object, const char* key) {
    if (!object.IsObject()) return nullptr;
    auto it = object.FindMember(key);
    return it == object.MemberEnd() ? nullptr : &it->value;
}

std::set<std::string> codes_of(const Value& desk) {
    const Value* codes = find(desk, "diensten");
    return codes ? code_set(*codes) : std::set<std::string>();
}

}  // namespace

std::set<std::string> code_set(const Value& list) {
    std::set<std::string> out;
    if (list.IsArray())
        for (const auto& c : list.GetArray())
            if (c.IsString()) out.insert(std::string(c.GetString(), c.GetStringLength()));
    return out;
}

DeskSummary summarise_spreekuren(const Value& desks) {
    DeskSummary s;
    bool all_by_appointment = true, any_walk_in = false, any_unknown = false;
    if (desks.IsArray())
        for (const auto& d : desks.GetArray()) {
            if (!d.IsObject()) continue;
            s.diensten.merge(codes_of(d));
            const Value* op = find(d, "opAfspraak");
            const bool known = op && op->IsBool();
            if (!known) any_unknown = true;
            else if (!op->GetBool()) any_walk_in = true;
            if (!known || !op->GetBool()) all_by_appointment = false;
        }
    if (all_by_appointment) s.op_afspraak = true;
    else if (!any_unknown || any_walk_in) s.op_afspraak = false;
    if (any_walk_in) s.inloop = true;
    else if (!any_unknown) s.inloop = false;
    return s;
}

Value json_bool(std::optional<bool> value) { return value ? Value(*value) : Value(); }

Value code_list(const std::set<std::string>& codes, rapidjson::Document::AllocatorType& a) {
    Value list(rapidjson::kArrayType);
    for (const auto& c : codes) list.PushBack(Value(c.c_str(), a), a);
    return list;
}

Value normalised_spreekuren(const Value& spreekuren, rapidjson::Document::AllocatorType& a) {
    Value desks(rapidjson::kArrayType);
    if (!spreekuren.IsArray()) return desks;
    auto copy = [&](const Value& s, const char* key) {
        const Value* v = find(s, key);
        return v ? Value(*v, a) : Value();
    };
    for (const auto& s : spreekuren.GetArray()) {
        Value desk(rapidjson::kObjectType);
        desk.AddMember("naam", copy(s, "naam"), a);
        desk.AddMember("diensten", code_list(codes_of(s), a), a);
        desk.AddMember("openingstijden", copy(s, "openingstijden"), a);
        const Value* op = find(s, "opAfspraak");
        desk.AddMember("opAfspraak", op && op->IsBool() ? Value(op->GetBool()) : Value(), a);
        desk.AddMember("afspraak", copy(s, "afspraak"), a);
        desk.AddMember("toelichting", copy(s, "toelichting"), a);
        desks.PushBack(desk, a);
    }
    return desks;
}

}  // namespace ido::record
