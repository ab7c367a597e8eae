#include "service/endpoints/endpoints.hpp"

#include "record/codes.hpp"
#include "service/render/json_output.hpp"
#include "service/endpoints/parameters.hpp"
#include "service/http/query.hpp"
#include "service/render/responses.hpp"
#include "service/render/snapshot_answers.hpp"


namespace ido::service {
namespace {

std::optional<std::size_t> find_municipality(const geo::Snapshot& snapshot, std::string_view code) {
    if (!record::is_gemeentecode(code)) return std::nullopt;
    return snapshot.municipalities().find(code);
}

}  // namespace

HttpResponse get_gemeenten(const geo::Snapshot& snapshot, const HttpRequest& request) {
    const std::string route = "/v1/gemeenten";
    auto parsed = parse_gemeenten_parameters(request);
    if (auto* problems = std::get_if<std::vector<InvalidParam>>(&parsed)) return invalid_parameters(*problems, request.path, route);
    const auto& params = std::get<GemeentenParameters>(parsed);
    if (params.point) {
        std::vector<std::size_t> found;
        if (auto m = snapshot.municipalities().containing(*params.point)) found.push_back(*m);
        return json_response(municipality_list_json(snapshot, found), route);
    }
    // The whole list changes only with the data: built once per snapshot, then copied.
    return fixed_response(SnapshotAnswers::of(snapshot).municipality_list(), request, route);
}

HttpResponse get_gemeente(const geo::Snapshot& snapshot, const HttpRequest& request, std::string_view code, bool with_locations) {
    const std::string route = with_locations ? "/v1/gemeenten/{gemeentecode}/informatiepunten" : "/v1/gemeenten/{gemeentecode}";
    // The list of help points carries their opening status (for now or `tijdstip`) and geometry (`crs`).
    auto parsed = parse_location_view_parameters(request, with_locations);
    if (auto* problems = std::get_if<std::vector<InvalidParam>>(&parsed)) return invalid_parameters(*problems, request.path, route);
    const auto& params = std::get<LocationViewParameters>(parsed);
    auto m = find_municipality(snapshot, code);
    if (!m)
        return problem_response({std::string(codes::niet_gevonden),
                                 "Er is geen gemeente met code '" + printable(code) + "'. Een gemeentecode ziet eruit als GM0363.", {}},
                                request.path, route);
    const auto& in = snapshot.locations_in(*m);
    std::string municipality = municipality_json(snapshot.municipalities().all()[*m], in.size());
    if (!with_locations) return json_response(municipality, route);
    std::vector<std::string> items;
    const OpeningMembers opening(snapshot, params.tijdstip);
    for (std::size_t i : in) {
        const auto& location = snapshot.locations()[i];
        items.push_back(location_json(location, std::nullopt, opening(location), params.crs));
    }
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("gemeente");
    w.RawValue(municipality.data(), municipality.size(), rapidjson::kObjectType);
    write_raw_array(w, buffer, "informatiepunten", items);
    w.EndObject();
    auto response = json_response(buffer.GetString(), route);
    response.headers.emplace_back("Content-Crs", content_crs(params.crs));
    return response;
}

}  // namespace ido::service
