#include "service/endpoints.hpp"

#include "service/json_output.hpp"
#include "service/parameters.hpp"
#include "service/query.hpp"
#include "service/responses.hpp"
#include "geo/transformer.hpp"

namespace ido::service {

HttpResponse get_informatiepunten(const geo::Snapshot& snapshot, const HttpRequest& request) {
    const std::string route = "/v1/informatiepunten";
    auto parsed = parse_informatiepunten_parameters(request.query);
    if (auto* problems = std::get_if<std::vector<InvalidParam>>(&parsed)) return invalid_parameters(*problems, request.path, route);
    const auto& params = std::get<InformatiepuntenParameters>(parsed);

    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    std::vector<std::string> items;
    std::optional<std::string> next;
    if (params.origin) {
        // Validated to lie near the Netherlands, so PROJ can transform it.
        const auto rd = geo::Transformer::to_rd(*params.origin);
        if (!rd) return problem_response({std::string(codes::interne_fout), "Transformatie naar RD mislukt.", {}}, request.path, route);
        w.Key("zoekpunt");
        const std::string point = point_json(*params.origin);
        w.RawValue(point.data(), point.size(), rapidjson::kObjectType);
        for (const auto& n : snapshot.index().nearest(*rd, params.limit))
            items.push_back(location_json(snapshot.locations()[n.index], n.distance_m));
    } else {
        const auto& all = snapshot.locations();
        std::size_t i = params.after ? snapshot.first_after(*params.after) : 0;
        for (; i < all.size() && items.size() < params.limit; ++i) items.push_back(location_json(all[i], std::nullopt));
        if (i < all.size() && !items.empty())
            next = "/v1/informatiepunten?limit=" + std::to_string(params.limit) + "&na=" + all[i - 1].id;
    }
    write_raw_array(w, "informatiepunten", items);
    w.Key("links");
    w.StartArray();
    if (next) write_link(w, "next", *next, "application/json", "Volgende pagina");
    w.EndArray();
    w.EndObject();
    return json_response(buffer.GetString(), route);
}

HttpResponse get_informatiepunt(const geo::Snapshot& snapshot, const HttpRequest& request, std::string_view id) {
    const std::string route = "/v1/informatiepunten/{id}";
    QueryParams query(request.query, {});
    if (!query.ok()) return invalid_parameters(query.problems(), request.path, route);
    const geo::Location* location = valid_id(id) ? snapshot.find(id) : nullptr;
    if (location == nullptr)
        return problem_response({std::string(codes::niet_gevonden), "Er is geen informatiepunt met id '" + printable(id) + "'.", {}},
                                request.path, route);
    return json_response(location_json(*location, std::nullopt), route);
}

}  // namespace ido::service
