#include "exchange/geojson_import.hpp"

#include "exchange/export_marks.hpp"
#include "exchange/json_access.hpp"
#include "exchange/record_checks.hpp"
#include "record/json_names.hpp"
#include "record/problem_codes.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <optional>
#include <string>
#include <unordered_map>

namespace ido::exchange {

using rapidjson::Document;
using rapidjson::Value;
namespace fc = ido::record::field_codes;

void read_geojson(std::string_view content, const geo::MunicipalityIndex& municipalities, const ImportProgress& progress, ImportReport& report) {
    Document document;
    document.Parse<parse_flags>(content.data(), content.size());
    if (document.HasParseError()) {
        report.problems.push_back({0, "", std::string(fc::ongeldige_json), std::string("Geen geldige JSON (positie ") + std::to_string(document.GetErrorOffset()) +
                                                                "): " + rapidjson::GetParseError_En(document.GetParseError())});
        return;
    }
    // A name twice in the collection's own members (two "features"): which one counts is a guess.
    if (auto pointer = ido::record::repeated_name_here(document)) {
        report.problems.push_back({0, "", std::string(fc::ongeldige_json), "De naam " + pointer->substr(1) + " staat twee keer in de FeatureCollection."});
        return;
    }
    const Value* features = member(document, "features");
    if (as_text(member(document, "type")) != "FeatureCollection" || features == nullptr || !features->IsArray()) {
        report.problems.push_back({0, "", std::string(fc::ongeldige_json), "Geen GeoJSON FeatureCollection."});
        return;
    }
    // The export's moment (export_marks.hpp), a foreign member of the collection (RFC 7946, 6.1).
    if (const Value* moment = member(document, "geexporteerd"); moment && !moment->IsNull()) {
        if (moment->IsString() && is_export_moment(as_text(moment))) report.geexporteerd = std::string(as_text(moment));
        else report.problems.push_back({0, "geexporteerd", std::string(fc::ongeldige_waarde),
                                        "Geef het moment van de export zoals die het schreef (\"2026-12-01T16:20:00Z\"), of laat het weg."});
    }
    std::unordered_map<std::string, std::size_t> seen;
    const std::size_t total = features->Size();
    for (rapidjson::SizeType i = 0; i < features->Size(); ++i) {
        const std::size_t row = i + 1;
        if (progress && row % 500 == 0) progress(row, total);
        ++report.rows;
        Reporter r(report.problems, row, false);
        const Value& feature = (*features)[i];
        if (!feature.IsObject() || as_text(member(feature, "type")) != "Feature") {
            r.add("", fc::ongeldige_waarde, "Geen GeoJSON Feature.");
            continue;
        }
        // A name twice in a feature: the checks read the first, the copy below would keep both, and a second
        // import of the same file would find the record changed again (record/json_names.hpp).
        if (auto pointer = ido::record::repeated_name(feature)) {
            const std::string_view in_properties = "/properties/";
            const std::string path = pointer->starts_with(in_properties) ? pointer->substr(in_properties.size()) : pointer->substr(1);
            r.add(path, fc::ongeldige_json, "Deze naam staat twee keer in hetzelfde object.");
            continue;
        }
        std::optional<geo::Wgs84> position;
        const Value* geometry = member(feature, "geometry");
        const Value* coordinates = geometry ? member(*geometry, "coordinates") : nullptr;
        if (geometry == nullptr || as_text(member(*geometry, "type")) != "Point" || coordinates == nullptr || !coordinates->IsArray() ||
            coordinates->Size() != 2 || !(*coordinates)[0].IsNumber() || !(*coordinates)[1].IsNumber())
            r.add("geometrie", fc::ongeldige_waarde, "Geef een GeoJSON Point [lon, lat] in WGS84.");
        else
            position = geo::Wgs84{(*coordinates)[1].GetDouble(), (*coordinates)[0].GetDouble()};
        const Value* properties = member(feature, "properties");
        if (properties == nullptr || !properties->IsObject()) {
            r.add("properties", fc::ontbrekend_veld, "Een feature heeft een object properties nodig.");
            continue;
        }
        check_record(*properties, position, municipalities, true, true, r);
        const std::string id(as_text(member(*properties, "id")));
        if (const Value* fid = member(feature, "id"); fid && fid->IsString() && as_text(fid) != id)
            r.add("id", fc::tegenstrijdig, "Het id van de feature verschilt van properties.id.");
        if (!id.empty()) {
            auto [it, inserted] = seen.emplace(id, row);
            if (!inserted) r.add("id", fc::dubbel_id, "Dit id staat ook in feature " + std::to_string(it->second) + ".");
        }
        if (r.count() > 0 || !position) continue;
        Document copy;
        copy.CopyFrom(*properties, copy.GetAllocator());
        if (!member(copy, "gemeentenaam"))
            if (auto known = municipalities.find(as_text(member(copy, "gemeentecode"))))
                copy.AddMember("gemeentenaam", Value(municipalities.all()[*known].naam.c_str(), copy.GetAllocator()), copy.GetAllocator());
        ImportRecord out;
        out.row = row;
        out.location = {id, 0, serialise(copy), *position};
        if (const Value* versie = member(feature, "versie"); versie && !versie->IsNull()) {
            if (versie->IsInt64() && versie->GetInt64() >= 1) out.versie = versie->GetInt64();
            else r.add("versie", fc::ongeldige_waarde, "Geef het versienummer uit de export (een geheel getal vanaf 1), of laat het weg.");
        }
        check_loadable(out.location.properties_json, *position, r);
        if (r.count() == 0) report.records.push_back(std::move(out));
    }
    if (progress && total % 500 != 0) progress(total, total);
}

}  // namespace ido::exchange
