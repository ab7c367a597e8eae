#include "service/endpoints/endpoints.hpp"

#include "exchange/csv_export.hpp"
#include "exchange/geojson_export.hpp"
#include "geo/utc_time.hpp"
#include "record/codes.hpp"
#include "service/http/query.hpp"
#include "service/render/responses.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ido::service {

bool wants_export(const HttpRequest& request) {
    for (const auto& [name, value] : request.query)
        if (name == "formaat") return true;
    auto accept = request.header("accept");
    return accept && (accept->starts_with("text/csv") || accept->starts_with("application/geo+json"));
}

HttpResponse get_export(const geo::Snapshot& snapshot, const HttpRequest& request) {
    const std::string route = "/v1/informatiepunten?formaat";
    QueryParams query(request.query, {export_parameter_names.begin(), export_parameter_names.end()});
    std::string formaat;
    if (auto f = query.get("formaat")) formaat = std::string(*f);
    else if (auto accept = request.header("accept"); accept && accept->starts_with("text/csv")) formaat = "csv";
    else formaat = "geojson";
    if (formaat != "csv" && formaat != "geojson") query.add_problem("formaat", param_codes::ongeldige_waarde, "Kies csv of geojson.");
    std::optional<std::string> gemeente;
    if (auto g = query.get("gemeente")) {
        if (record::is_gemeentecode(*g)) gemeente = std::string(*g);
        else query.add_problem("gemeente", param_codes::ongeldige_waarde, "Geef een gemeentecode zoals GM0363.");
    }
    if (!query.ok()) return invalid_parameters(query.problems(), request.path, route);

    // From the snapshot, not the database: a read never waits for the disk. The records are the stored
    // ones, so an export imports again without changes.
    std::vector<store::StoredLocation> records;
    for (const auto& l : snapshot.locations())
        if (!gemeente || l.gemeentecode == *gemeente) records.push_back({l.id, l.version, l.stored_json, l.position});
    // The export's moment, for a full-list import of this file (exchange/export_marks.hpp).
    const std::string moment = geo::utc_now_rfc3339();
    HttpResponse response;
    response.route = route;
    const std::string name = "informatiepunten" + (gemeente ? "-" + *gemeente : std::string());
    if (formaat == "csv") {
        response.content_type = "text/csv; charset=utf-8";
        response.body = exchange::export_csv(records, moment);
        response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
    } else {
        response.content_type = "application/geo+json";
        response.body = exchange::export_geojson(records, moment);
        response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + ".geojson\"");
        response.headers.emplace_back("Content-Crs", "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
    }
    return response;
}

}  // namespace ido::service
