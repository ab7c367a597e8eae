#include "service/endpoints/endpoints.hpp"

#include "geo/hours/amsterdam_time.hpp"
#include "geo/geocode/address.hpp"
#include "geo/opening.hpp"
#include "geo/hours/hours.hpp"
#include "geo/query.hpp"
#include "geo/transformer.hpp"
#include "record/validate.hpp"
#include "service/render/json_output.hpp"
#include "service/endpoints/parameters.hpp"
#include "service/http/query.hpp"
#include "service/render/responses.hpp"
#include "service/render/snapshot_answers.hpp"

#include <algorithm>

namespace ido::service {
namespace {

const std::string collection_route = "/v1/informatiepunten";

// Where a search starts from, and what the resident's input was understood as.
struct Origin {
    geo::Wgs84 point;
    std::string soort;          // "coordinaat", "informatiepunt", or the geocoder's match kind
    std::string naam;
    std::string gemeentecode;
    std::string postcode;
    std::string methode;        // "exact", "alternatieve-naam", "spelfout", "adres", "plaats", "naam"; empty for coordinates
    double nauwkeurigheid_m = 0;
    std::string gebruikt;       // the part of `zoek` that was used, when not the whole text
    std::optional<std::size_t> location;  // the help point `zoek` named (methode "naam")
};

// The most help points an ambiguous name lists to choose from; more ask for the place instead.
constexpr std::size_t max_name_candidates = 8;

void write_candidate(JsonWriter& w, const geocode::Candidate& c, Crs crs) {
    w.StartObject();
    w.Key("soort");
    const auto kind = geocode::to_string(c.kind);
    w.String(kind.data(), static_cast<rapidjson::SizeType>(kind.size()));
    w.Key("naam");
    w.String(c.name);
    w.Key("gemeentecode");
    w.String(c.gemeentecode);
    w.Key("gemeentenaam");
    w.String(c.gemeentenaam);
    w.Key("provincie");
    w.String(c.provincie);
    w.Key("geometrie");
    const std::string point = point_json(c.position, crs);
    w.RawValue(point.data(), point.size(), rapidjson::kObjectType);
    w.EndObject();
}

// The query string of this request with `name` set to `value` (added, or replacing the old value):
// a next link carries the whole query.
std::string with_parameter(const HttpRequest& request, const std::string& name, const std::string& value) {
    std::string query;
    bool replaced = false;
    for (const auto& [n, v] : request.query) {
        query += query.empty() ? "?" : "&";
        if (n == name) {
            query += n + "=" + value;
            replaced = true;
        } else {
            query += n + "=" + v;
        }
    }
    if (!replaced) query += (query.empty() ? "?" : "&") + name + "=" + value;
    return collection_route + query;
}

// The answer that lists what an ambiguous search may mean, for the resident to choose: `write_items`
// writes the members of `kandidaten`.
template <class WriteItems>
HttpResponse candidates_answer(Crs crs, WriteItems write_items) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("zoeklocatie");
    w.Null();
    w.Key("kandidaten");
    w.StartArray();
    write_items(w);
    w.EndArray();
    w.Key("informatiepunten");
    w.StartArray();
    w.EndArray();
    w.Key("links");
    w.StartArray();
    w.EndArray();
    w.EndObject();
    return with_content_crs(json_response(buffer.GetString(), collection_route), crs);
}

// A help point as a candidate: the members of a place candidate (so that the widget and the finder page
// show it the same way), plus its id.
void write_location_candidate(JsonWriter& w, const geo::Snapshot& snapshot, std::size_t index, Crs crs) {
    const auto& l = snapshot.locations()[index];
    const auto m = snapshot.municipalities().find(l.gemeentecode);
    w.StartObject();
    w.Key("soort");
    w.String("informatiepunt");
    w.Key("id");
    w.String(l.id);
    w.Key("naam");
    w.String(l.naam);
    w.Key("gemeentecode");
    w.String(l.gemeentecode);
    w.Key("gemeentenaam");
    w.String(m ? snapshot.municipalities().all()[*m].naam : std::string());
    w.Key("provincie");
    w.String(m ? snapshot.municipalities().all()[*m].provincie : std::string());
    w.Key("geometrie");
    const std::string point = point_json(l.position, crs);
    w.RawValue(point.data(), point.size(), rapidjson::kObjectType);
    w.EndObject();
}

// Turns `zoek` or `postcode` into a point: the offline geocoder (postcode, place, street address) and
// the snapshot's help point names (docs/zoeken.md has the order). Returns the origin, or the response
// to give instead (a 400 naming the parameter, or the candidates of an ambiguous name).
std::variant<Origin, HttpResponse> resolve_origin(const InformatiepuntenParameters& params, const geo::Snapshot& snapshot,
                                                  const geocode::Geocoder& geocoder, pdok::Locatieserver* locatieserver,
                                                  const HttpRequest& request) {
    if (params.origin) return Origin{*params.origin, "coordinaat", {}, {}, {}, {}, 0, {}, {}};
    const bool by_postcode = params.postcode.has_value();
    const std::string name = by_postcode ? "postcode" : "zoek";
    const std::string& text = by_postcode ? *params.postcode : *params.zoek;
    const auto result = geocoder.geocode(text);
    if (by_postcode && result.ok() &&
        (result.reading != geocode::QueryReading::whole ||
         (result.best().kind != geocode::MatchKind::postcode && result.best().kind != geocode::MatchKind::postcode6)))
        return invalid_parameters({{name, "ongeldige-postcode", "Geef een postcode, zoals 3511 of 3511 AB."}}, request.path,
                                  collection_route);
    // A help point's name, when the text is no postcode or place as a whole: "Bibliotheek Overvecht".
    const bool whole = result.ok() && result.reading == geocode::QueryReading::whole;
    if (!by_postcode && !whole && (result.ok() || result.error->code == geocode::ErrorCode::niet_gevonden)) {
        const auto names = SnapshotAnswers::of(snapshot).names().find(text, max_name_candidates + 1);
        if (!names.matches.empty() && !names.ambiguous) {
            const auto index = names.matches.front().location;
            const auto& l = snapshot.locations()[index];
            return Origin{l.position, "informatiepunt", l.naam, l.gemeentecode, {}, "naam", 0, l.naam, index};
        }
        // "Bibliotheek" or "OBA": no random library. A place in the text answers (below); else the
        // resident chooses among a few, or is asked for the place.
        if (!result.ok() && names.ambiguous) {
            if (names.matches.size() > max_name_candidates)
                return invalid_parameters({{name, "niet-gevonden",
                                            "Meer informatiepunten hebben deze naam. Typ ook de plaats erbij, bijvoorbeeld: "
                                            "Bibliotheek Zwolle."}},
                                          request.path, collection_route);
            return candidates_answer(params.crs, [&](JsonWriter& w) {
                for (const auto& m : names.matches) write_location_candidate(w, snapshot, m.location, params.crs);
            });
        }
    }
    // A full street address, when PDOK is on: its own position rather than its postcode's or town's.
    if (locatieserver != nullptr && !by_postcode && !whole && (result.ok() || result.error->code == geocode::ErrorCode::niet_gevonden)) {
        if (const auto parts = geocode::parse_address(text); parts.street && parts.house_number) {
            if (auto place = locatieserver->lookup(text).place) {
                // About a building when PDOK found the address itself, else (a street, a postcode) a few hundred metres.
                const double precision = place->type == "adres" ? 25 : 500;
                std::string gemeentecode = place->gemeentecode;
                if (gemeentecode.empty())
                    if (const auto m = snapshot.municipalities().containing(place->position)) gemeentecode = snapshot.municipalities().all()[*m].gemeentecode;
                std::string postcode = place->postcode;
                if (postcode.size() == 6) postcode.insert(4, " ");  // "3435RA" as the geocoder writes it: "3435 RA"
                return Origin{place->position, "adres", place->weergavenaam, gemeentecode, postcode, "pdok", precision,
                              place->weergavenaam, {}};
            }
        }
    }
    if (!result.ok()) {
        const auto code = geocode::to_string(result.error->code);
        return invalid_parameters({{name, std::string(code), result.error->message}}, request.path, collection_route);
    }
    if (result.ambiguous) {
        // No guess: the resident chooses (e.g. "Rijswijk" in Zuid-Holland, Noord-Brabant or Gelderland).
        return candidates_answer(params.crs, [&](JsonWriter& w) {
            for (const auto& c : result.candidates) write_candidate(w, c, params.crs);
        });
    }
    const auto& best = result.best();
    std::string methode(geocode::to_string(best.method));
    if (result.reading == geocode::QueryReading::address) methode = "adres";
    if (result.reading == geocode::QueryReading::place_in_text) methode = "plaats";
    return Origin{best.position, std::string(geocode::to_string(best.kind)), best.name, best.gemeentecode, best.postcode,
                  std::move(methode), best.precision_m, result.used, {}};
}

void write_origin(JsonWriter& w, const Origin& origin, const std::string& snapshot_id, Crs crs) {
    w.Key("zoekpunt");
    const std::string point = point_json(origin.point, crs);
    w.RawValue(point.data(), point.size(), rapidjson::kObjectType);
    w.Key("zoeklocatie");
    w.StartObject();
    w.Key("soort");
    w.String(origin.soort);
    if (origin.soort != "coordinaat") {
        w.Key("naam");
        w.String(origin.naam);
        w.Key("gemeentecode");
        w.String(origin.gemeentecode);
        if (!origin.postcode.empty()) {
            w.Key("postcode");
            w.String(origin.postcode);
        }
        w.Key("methode");
        w.String(origin.methode);
        if (origin.location) {
            // The help point's own position: no radius of uncertainty to give.
            w.Key("id");
            w.String(snapshot_id);
        } else {
            w.Key("nauwkeurigheid");
            w.Double(std::round(origin.nauwkeurigheid_m));
        }
        if (!origin.gebruikt.empty()) {
            w.Key("gebruikt");
            w.String(origin.gebruikt);
        }
    }
    w.EndObject();
}

}  // namespace

HttpResponse get_informatiepunten(const geo::Snapshot& snapshot, const geocode::Geocoder& geocoder, const HttpRequest& request,
                                  pdok::Locatieserver* locatieserver) {
    auto parsed = parse_informatiepunten_parameters(request);
    if (auto* problems = std::get_if<std::vector<InvalidParam>>(&parsed))
        return invalid_parameters(*problems, request.path, collection_route);
    const auto& params = std::get<InformatiepuntenParameters>(parsed);
    // "Now" (or `tijdstip`) for the whole answer: one instant for every location and filter.
    const OpeningMembers opening(snapshot, params.tijdstip);
    const auto at = opening.at();
    const auto& locations = snapshot.locations();

    std::optional<std::size_t> municipality;
    if (params.gemeente) {
        municipality = snapshot.municipalities().find(*params.gemeente);
        if (!municipality)
            return invalid_parameters({{"gemeente", "niet-gevonden", "Er is geen gemeente met code " + *params.gemeente + "."}},
                                      request.path, collection_route);
    }
    geo::LocationFilter filter = location_filter(params, municipality, at);

    rapidjson::StringBuffer buffer;
    // About 2 KB per location (with its opening slots): grow once or not at all rather than from 256 bytes.
    buffer.Reserve(std::min<std::size_t>(params.limit, 100) * 2048 + 1024);
    JsonWriter w(buffer);
    w.StartObject();
    // Each location is assembled in `item` (reused, so no allocation per location) from its pre-rendered
    // head and the cached opening members, then copied into the answer in one piece.
    std::string item;
    auto write_item = [&](std::size_t index, std::optional<double> distance_m) {
        item.clear();
        opening.append_location(item, index, distance_m, params.crs);
        write_raw_value(w, buffer, item);
    };
    std::optional<std::string> next;
    if (params.has_origin()) {
        auto resolved = resolve_origin(params, snapshot, geocoder, locatieserver, request);
        if (auto* answer = std::get_if<HttpResponse>(&resolved)) return std::move(*answer);
        const Origin& origin = std::get<Origin>(resolved);
        const auto rd = geo::Transformer::to_rd(origin.point);
        if (!rd) return problem_response({std::string(codes::interne_fout), "Transformatie naar RD mislukt.", {}}, request.path, collection_route);
        write_origin(w, origin, origin.location ? locations[*origin.location].id : std::string(), params.crs);
        auto found = geo::nearest(snapshot, {*rd, std::move(filter), params.limit, params.offset, params.max_afstand_m});
        // The help point that was named comes first, also when another one stands at the same spot.
        if (origin.location && params.offset == 0) {
            const auto it = std::find_if(found.page.begin(), found.page.end(), [&](const auto& n) { return n.index == *origin.location; });
            if (it != found.page.end()) std::rotate(found.page.begin(), it, it + 1);
        }
        w.Key("informatiepunten");
        w.StartArray();
        for (const auto& n : found.page) write_item(n.index, n.distance_m);
        const std::size_t next_offset = params.offset + params.limit;
        if (found.more && next_offset <= 1000) next = with_parameter(request, "offset", std::to_string(next_offset));
    } else {
        const auto found = geo::list(snapshot, {std::move(filter), params.limit, params.after});
        w.Key("informatiepunten");
        w.StartArray();
        for (const std::size_t i : found.page) write_item(i, std::nullopt);
        if (found.more) next = with_parameter(request, "na", locations[found.page.back()].id);
    }
    w.EndArray();
    w.Key("links");
    w.StartArray();
    if (next) write_link(w, "next", *next, "application/json", "Volgende pagina");
    w.EndArray();
    w.EndObject();
    return with_content_crs(json_response(std::string(buffer.GetString(), buffer.GetSize()), collection_route), params.crs);
}

HttpResponse get_informatiepunt(const geo::Snapshot& snapshot, const HttpRequest& request, std::string_view id) {
    const std::string route = "/v1/informatiepunten/{id}";
    auto parsed = parse_location_view_parameters(request, true);
    if (auto* problems = std::get_if<std::vector<InvalidParam>>(&parsed)) return invalid_parameters(*problems, request.path, route);
    const auto& params = std::get<LocationViewParameters>(parsed);
    const geo::Location* location = record::is_id(id) ? snapshot.find(id) : nullptr;
    if (location == nullptr)
        return problem_response({std::string(codes::niet_gevonden), "Er is geen informatiepunt met id '" + printable(id) + "'.", {}},
                                request.path, route);
    const OpeningMembers opening(snapshot, params.tijdstip);
    std::string body;
    opening.append_location(body, snapshot.index_of(*location), std::nullopt, params.crs);
    auto response = json_response(std::move(body), route);
    response.headers.emplace_back("ETag", "\"" + std::to_string(location->version) + "\"");
    return with_content_crs(std::move(response), params.crs);
}

}  // namespace ido::service
