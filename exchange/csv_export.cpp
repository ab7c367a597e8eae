#include "exchange/csv_export.hpp"

#include "exchange/import.hpp"
#include "exchange/json_access.hpp"
#include "text/csv.hpp"

#include <rapidjson/document.h>

namespace ido::exchange {

using rapidjson::Document;
using rapidjson::Value;

std::string export_csv(const std::vector<store::StoredLocation>& locations, std::string_view geexporteerd) {
    text::CsvWriter out;
    out.row(csv_columns());
    for (const auto& location : locations) {
        Document p;
        p.Parse<parse_flags>(location.properties_json.c_str(), location.properties_json.size());
        static const Value null_value;
        auto get = [&](const char* object, const char* key) -> const Value& {
            const Value* parent = object ? member(p, object) : &static_cast<const Value&>(p);
            const Value* v = parent ? member(*parent, key) : nullptr;
            return v ? *v : null_value;
        };
        auto text = [](const Value& v) { return v.IsString() ? std::string(v.GetString(), v.GetStringLength()) : std::string(); };
        auto boolean = [](const Value& v) { return v.IsBool() ? std::string(v.GetBool() ? "ja" : "nee") : std::string(); };
        std::string diensten;
        if (const Value& d = get(nullptr, "diensten"); d.IsArray())
            for (const auto& c : d.GetArray()) diensten += (diensten.empty() ? "" : ";") + text(c);
        const Value& desks = get(nullptr, "spreekuren");
        const Value& woonplaats = get("adres", "woonplaats");
        const std::vector<std::string> cells{
            text(get(nullptr, "id")), text(get(nullptr, "naam")), text(get(nullptr, "organisatie")),
            text(get("adres", "straat")), text(get("adres", "huisnummer")), text(get("adres", "postcode")),
            text(woonplaats.IsString() ? woonplaats : get(nullptr, "woonplaats")),
            text(get(nullptr, "gemeentecode")), text(get(nullptr, "gemeentenaam")),
            number_text(location.position.lat), number_text(location.position.lon),
            text(get(nullptr, "coordinaatPrecisie")), text(get(nullptr, "status")), text(get(nullptr, "openingstijden")), diensten,
            boolean(get(nullptr, "opAfspraak")), boolean(get(nullptr, "inloop")),
            text(get("contact", "telefoon")), text(get("contact", "email")), text(get("contact", "website")),
            text(get(nullptr, "laatstGecontroleerd")), text(get(nullptr, "mededeling")),
            desks.IsNull() ? std::string() : serialise(desks),
            text(get("herkomst", "soort")), text(get("herkomst", "bron")), text(get("herkomst", "toelichting")),
            text(get("herkomst", "peildatum")),
            location.version > 0 ? std::to_string(location.version) : std::string(), std::string(geexporteerd)};
        out.row(cells);
    }
    return out.text();
}

}  // namespace ido::exchange
