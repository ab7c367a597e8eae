#include "service/endpoints/endpoints.hpp"

#include "service/endpoints/parameters.hpp"
#include "service/render/json_output.hpp"
#include "service/render/responses.hpp"

namespace ido::service {

HttpResponse get_zoeksuggesties(const geocode::Geocoder& geocoder, const HttpRequest& request) {
    const std::string route = "/v1/zoeksuggesties";
    auto parsed = parse_zoeksuggesties_parameters(request);
    if (auto* problems = std::get_if<std::vector<InvalidParam>>(&parsed)) return invalid_parameters(*problems, request.path, route);
    const auto& params = std::get<ZoeksuggestiesParameters>(parsed);
    if (params.q.size() > geocode::Geocoder::max_query_bytes)
        return invalid_parameters({{"q", "te-lang", "Typ hoogstens " + std::to_string(geocode::Geocoder::max_query_bytes) + " tekens."}},
                                  request.path, route);
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("zoeksuggesties");
    w.StartArray();
    for (const auto& s : geocoder.suggest(params.q, params.limit)) {
        w.StartObject();
        w.Key("label");
        w.String(s.label);
        w.Key("soort");
        const auto kind = geocode::to_string(s.kind);
        w.String(kind.data(), static_cast<rapidjson::SizeType>(kind.size()));
        w.Key("naam");
        w.String(s.name);
        w.Key("gemeentecode");
        w.String(s.gemeentecode);
        w.Key("geometrie");
        const std::string point = point_json(s.position, params.crs);
        w.RawValue(point.data(), point.size(), rapidjson::kObjectType);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    auto response = json_response(buffer.GetString(), route);
    // Suggestions change only with a new release of the data: let browsers reuse them for a while.
    response.headers.emplace_back("Cache-Control", "public, max-age=3600");
    return with_content_crs(std::move(response), params.crs);
}

}  // namespace ido::service
