#include "exchange/json_access.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cctype>
#include <charconv>
#include <system_error>

namespace ido::exchange {

using rapidjson::Document;
using rapidjson::Value;

std::string serialise(const Value& v) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    v.Accept(writer);
    return buffer.GetString();
}

const rapidjson::Value* member(const Value& object, std::string_view key) {
    if (!object.IsObject()) return nullptr;
    auto it = object.FindMember(Value(rapidjson::StringRef(key.data(), key.size())));
    return it == object.MemberEnd() ? nullptr : &it->value;
}

rapidjson::Value* member(rapidjson::Value& object, std::string_view key) {
    if (!object.IsObject()) return nullptr;
    auto it = object.FindMember(Value(rapidjson::StringRef(key.data(), key.size())));
    return it == object.MemberEnd() ? nullptr : &it->value;
}

// Sets a member in place (keeping its position, so nested objects keep their key order) or appends it.
void set_member(Value& object, std::string_view key, Value value, Document::AllocatorType& a) {
    if (Value* existing = member(object, key)) *existing = std::move(value);
    else object.AddMember(Value(key.data(), static_cast<rapidjson::SizeType>(key.size()), a), std::move(value), a);
}

std::string_view as_text(const rapidjson::Value* v) {
    return v && v->IsString() ? std::string_view(v->GetString(), v->GetStringLength()) : std::string_view();
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Shortest decimal text that reads back as exactly this double (std::to_chars guarantees that).
std::string number_text(double value) {
    char buffer[64];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, end) : std::string("0");
}

}  // namespace ido::exchange
