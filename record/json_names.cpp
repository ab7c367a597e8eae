#include "record/json_names.hpp"

#include "text/utf8.hpp"

#include <set>
#include <string_view>
#include <vector>

namespace ido::record {
namespace {

// A pointer segment: the name as printable text, with '~' and '/' escaped as RFC 6901 section 3 says.
std::string segment(std::string_view name) {
    std::string out;
    for (const char c : text::printable(name)) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

// The first name of `object` that stands earlier in it. A set: O(n log n) also for many thousands of members.
std::optional<std::string_view> first_repeated(const rapidjson::Value& object) {
    std::set<std::string_view> seen;
    for (const auto& m : object.GetObject()) {
        const std::string_view name(m.name.GetString(), m.name.GetStringLength());
        if (!seen.insert(name).second) return name;
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> repeated_name_here(const rapidjson::Value& object) {
    if (!object.IsObject()) return std::nullopt;
    if (auto name = first_repeated(object)) return "/" + segment(*name);
    return std::nullopt;
}

std::optional<std::string> repeated_name(const rapidjson::Value& root) {
    // Iterative (a body may nest thousands of levels deep); each node remembers its parent for the pointer.
    struct Node {
        const rapidjson::Value* value;
        std::size_t parent;
        std::string segment;
    };
    std::vector<Node> nodes{{&root, 0, ""}};
    auto pointer = [&](std::size_t i, const std::string& last) {
        std::string path = "/" + last;
        for (; i != 0; i = nodes[i].parent) path = "/" + nodes[i].segment + path;
        return path;
    };
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const rapidjson::Value& v = *nodes[i].value;
        if (v.IsObject()) {
            if (auto name = first_repeated(v)) return pointer(i, segment(*name));
            for (const auto& m : v.GetObject()) nodes.push_back({&m.value, i, segment({m.name.GetString(), m.name.GetStringLength()})});
        } else if (v.IsArray()) {
            for (rapidjson::SizeType k = 0; k < v.Size(); ++k) nodes.push_back({&v[k], i, std::to_string(k)});
        }
    }
    return std::nullopt;
}

}  // namespace ido::record
