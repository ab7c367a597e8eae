#include "service/endpoints/endpoints.hpp"

#include "geo/geocode/text.hpp"
#include "service/endpoints/parameters.hpp"
#include "service/render/json_output.hpp"
#include "service/render/responses.hpp"
#include "service/render/snapshot_answers.hpp"

#include <algorithm>

namespace ido::service {
namespace {

// Help point names join the suggestions from this many typed characters on: after one or two letters
// every "Bibliotheek ..." would match and push the places out.
constexpr std::size_t min_name_query = 3;

void write_suggestion(JsonWriter& w, const std::string& label, std::string_view soort, const std::string* id, const std::string& naam,
                      const std::string& gemeentecode, geo::Wgs84 position, Crs crs) {
    w.StartObject();
    w.Key("label");
    w.String(label);
    w.Key("soort");
    w.String(soort.data(), static_cast<rapidjson::SizeType>(soort.size()));
    if (id) {
        w.Key("id");
        w.String(*id);
    }
    w.Key("naam");
    w.String(naam);
    w.Key("gemeentecode");
    w.String(gemeentecode);
    w.Key("geometrie");
    const std::string point = point_json(position, crs);
    w.RawValue(point.data(), point.size(), rapidjson::kObjectType);
    w.EndObject();
}

// "OBA Banne (Amsterdam)"; a name that already says its municipality stays as it is.
std::string location_label(const geo::Snapshot& snapshot, const geo::Location& l) {
    const auto m = snapshot.municipalities().find(l.gemeentecode);
    if (!m) return l.naam;
    const auto& gemeente = snapshot.municipalities().all()[*m].naam;
    if (geocode::normalise(l.naam).find(geocode::normalise(gemeente)) != std::string::npos) return l.naam;
    return l.naam + " (" + gemeente + ")";
}

}  // namespace

HttpResponse get_zoeksuggesties(const geo::Snapshot& snapshot, const geocode::Geocoder& geocoder, const HttpRequest& request) {
    const std::string route = "/v1/zoeksuggesties";
    auto parsed = parse_zoeksuggesties_parameters(request);
    if (auto* problems = std::get_if<std::vector<InvalidParam>>(&parsed)) return invalid_parameters(*problems, request.path, route);
    const auto& params = std::get<ZoeksuggestiesParameters>(parsed);
    if (params.q.size() > geocode::Geocoder::max_query_bytes)
        return invalid_parameters({{"q", "te-lang", "Typ hoogstens " + std::to_string(geocode::Geocoder::max_query_bytes) + " tekens."}},
                                  request.path, route);
    // Places and postcodes first; help points by name after them, given up to half of the list when
    // both have entries, so that neither crowds the other out.
    geo::NameResult names;
    if (geocode::normalise(params.q).size() >= min_name_query) names = SnapshotAnswers::of(snapshot).names().find(params.q, params.limit);
    const std::size_t name_share = names.matches.empty() || params.limit < 2 ? 0 : std::max<std::size_t>(1, params.limit / 2);
    const auto places = geocoder.suggest(params.q, params.limit - std::min(name_share, params.limit));
    const std::size_t name_count = std::min(names.matches.size(), params.limit - std::min(places.size(), params.limit));

    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("zoeksuggesties");
    w.StartArray();
    for (const auto& s : places) write_suggestion(w, s.label, geocode::to_string(s.kind), nullptr, s.name, s.gemeentecode, s.position, params.crs);
    for (std::size_t i = 0; i < name_count; ++i) {
        const auto& l = snapshot.locations()[names.matches[i].location];
        write_suggestion(w, location_label(snapshot, l), "informatiepunt", &l.id, l.naam, l.gemeentecode, l.position, params.crs);
    }
    w.EndArray();
    w.EndObject();
    auto response = json_response(buffer.GetString(), route);
    // Suggestions change only with a new release of the data: let browsers reuse them for a while.
    response.headers.emplace_back("Cache-Control", "public, max-age=3600");
    return with_content_crs(std::move(response), params.crs);
}

}  // namespace ido::service
