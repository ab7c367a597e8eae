#include "exchange/in_municipality.hpp"

#include "exchange/json_access.hpp"

#include <rapidjson/document.h>

namespace ido::exchange {

std::vector<store::StoredLocation> in_municipality(const std::vector<store::StoredLocation>& locations, std::string_view gemeentecode) {
    std::vector<store::StoredLocation> out;
    for (const auto& location : locations) {
        rapidjson::Document doc;
        doc.Parse(location.properties_json.c_str(), location.properties_json.size());
        if (as_text(member(doc, "gemeentecode")) == gemeentecode) out.push_back(location);
    }
    return out;
}

}  // namespace ido::exchange
