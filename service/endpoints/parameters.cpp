#include "service/endpoints/parameters.hpp"

#include "geo/dataset.hpp"
#include "geo/hours/amsterdam_time.hpp"
#include "record/codes.hpp"
#include "record/validate.hpp"
#include "service/http/query.hpp"
#include "service/render/responses.hpp"

#include <algorithm>

namespace ido::service {
namespace {

enum class Reach { netherlands, anywhere };

// lat and lon come as a pair; each must be a finite number in range. With Reach::netherlands the
// position must also lie near the Netherlands, where a nearest help point means something.
std::optional<geo::Wgs84> position(QueryParams& query, Reach reach) {
    const bool has_lat = query.sent("lat"), has_lon = query.sent("lon");
    if (!has_lat && !has_lon) return std::nullopt;
    if (has_lat != has_lon) {
        query.add_problem(has_lat ? "lon" : "lat", param_codes::ontbrekende_parameter, "Geef lat en lon samen.");
        return std::nullopt;
    }
    auto lat = query.number("lat");
    auto lon = query.number("lon");
    bool ok = lat && lon;
    if (lat && (*lat < -90 || *lat > 90)) {
        query.add_problem("lat", param_codes::ongeldige_coordinaat, "De breedtegraad (lat) ligt tussen -90 en 90.");
        ok = false;
    }
    if (lon && (*lon < -180 || *lon > 180)) {
        query.add_problem("lon", param_codes::ongeldige_coordinaat, "De lengtegraad (lon) ligt tussen -180 en 180.");
        ok = false;
    }
    if (!ok) return std::nullopt;
    const geo::Wgs84 point{*lat, *lon};
    if (reach == Reach::netherlands && !geo::near_netherlands(point)) {
        query.add_problem("lat", param_codes::buiten_nederland,
                          "Dit punt ligt ver buiten Nederland. Geef een punt in Nederland (WGS84, bijvoorbeeld lat=52.09&lon=5.12).");
        return std::nullopt;
    }
    return point;
}

}  // namespace

std::optional<std::chrono::sys_seconds> instant_parameter(QueryParams& query, std::string_view name) {
    auto text = query.get(name);
    if (!text) return std::nullopt;
    auto parsed = hours::parse_rfc3339(*text);
    if (!parsed)
        query.add_problem(name, param_codes::ongeldige_waarde,
                          "Geef een tijdstip volgens RFC 3339 met tijdzone, bijvoorbeeld 2026-12-24T10:00:00+01:00.");
    return parsed;
}

std::chrono::sys_seconds now() { return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()); }

std::variant<InformatiepuntenParameters, std::vector<InvalidParam>> parse_informatiepunten_parameters(const HttpRequest& request) {
    QueryParams query(request.query, {informatiepunten_parameter_names.begin(), informatiepunten_parameter_names.end()});
    InformatiepuntenParameters params;
    params.crs = negotiate_crs(query, request).crs;
    params.bbox = parse_bbox(query);
    params.origin = position(query, Reach::netherlands);
    if (auto zoek = query.get("zoek")) params.zoek = std::string(*zoek);
    if (auto postcode = query.get("postcode")) params.postcode = std::string(*postcode);
    const int origins = (query.sent("lat") || query.sent("lon")) + query.sent("zoek") + query.sent("postcode");
    if (origins > 1)
        query.add_problem(query.sent("zoek") ? "zoek" : "postcode", param_codes::ongeldige_waarde,
                          "Geef maar een vertrekpunt: lat en lon, zoek, of postcode.");
    const bool positioned = origins > 0;

    if (positioned) {
        if (auto limit = query.integer("limit", 1, 100)) params.limit = static_cast<std::size_t>(*limit);
        if (auto offset = query.integer("offset", 0, 1000)) params.offset = static_cast<std::size_t>(*offset);
        if (auto max = query.integer("maxAfstand", 1, 400000)) params.max_afstand_m = static_cast<double>(*max);
        if (query.sent("na"))
            query.add_problem("na", param_codes::ongeldige_waarde, "'na' hoort bij de lijst zonder vertrekpunt; gebruik hier offset.");
    } else {
        params.limit = 100;
        if (auto limit = query.integer("limit", 1, 1000)) params.limit = static_cast<std::size_t>(*limit);
        if (auto after = query.get("na")) {
            if (record::is_id(*after)) params.after = std::string(*after);
            else query.add_problem("na", param_codes::ongeldige_waarde, "Geef het id van het laatste informatiepunt van de vorige pagina.");
        }
        for (const char* name : {"offset", "maxAfstand"})
            if (query.sent(name))
                query.add_problem(name, param_codes::ontbrekende_parameter, std::string(name) + " werkt alleen met een vertrekpunt (lat en lon, zoek of postcode).");
    }

    if (auto list = query.get("dienst")) {
        // A comma-separated list: Pistache 0.0.5 keeps only one value of a repeated parameter.
        std::string_view rest = *list;
        while (true) {
            const auto comma = rest.find(',');
            const std::string code(rest.substr(0, comma));
            const auto& known = record::diensten();
            if (std::find(known.begin(), known.end(), code) == known.end()) {
                std::string all;
                for (const auto& k : known) all += (all.empty() ? "" : ", ") + k;
                query.add_problem("dienst", param_codes::ongeldige_waarde, "Onbekende dienst '" + printable(code) + "'. Kies uit: " + all + ".");
                break;
            }
            if (std::find(params.diensten.begin(), params.diensten.end(), code) == params.diensten.end()) params.diensten.push_back(code);
            if (comma == std::string_view::npos) break;
            rest = rest.substr(comma + 1);
        }
    }
    params.op_afspraak = query.boolean("opAfspraak");
    params.inloop = query.boolean("inloop");
    params.zonder_voorbeelden = query.boolean("zonderVoorbeelden").value_or(false);
    if (auto gemeente = query.get("gemeente")) {
        if (record::is_gemeentecode(*gemeente)) params.gemeente = std::string(*gemeente);
        else query.add_problem("gemeente", param_codes::ongeldige_waarde, "Geef een gemeentecode zoals GM0363.");
    }
    params.open_nu = query.boolean("openNu").value_or(false);
    params.open_op = instant_parameter(query, "openOp");
    params.tijdstip = instant_parameter(query, "tijdstip");
    if (!query.ok()) return query.problems();
    return params;
}

geo::LocationFilter location_filter(const InformatiepuntenParameters& params, std::optional<std::size_t> municipality,
                                    std::chrono::sys_seconds at) {
    geo::LocationFilter filter;
    filter.municipality = municipality;
    filter.diensten = params.diensten;
    filter.op_afspraak = params.op_afspraak;
    filter.inloop = params.inloop;
    filter.zonder_gegenereerd = params.zonder_voorbeelden;
    if (params.open_nu) filter.open_at.push_back(at);
    if (params.open_op) filter.open_at.push_back(*params.open_op);
    if (params.bbox) filter.box = area_box(*params.bbox);
    return filter;
}

std::variant<GemeentenParameters, std::vector<InvalidParam>> parse_gemeenten_parameters(const HttpRequest& request) {
    QueryParams query(request.query, {gemeenten_parameter_names.begin(), gemeenten_parameter_names.end()});
    GemeentenParameters params;
    // Anywhere on earth is a valid question; outside the Netherlands the answer is an empty list.
    params.point = position(query, Reach::anywhere);
    if (!query.ok()) return query.problems();
    return params;
}

std::variant<ZoeksuggestiesParameters, std::vector<InvalidParam>> parse_zoeksuggesties_parameters(const HttpRequest& request) {
    QueryParams query(request.query, {zoeksuggesties_parameter_names.begin(), zoeksuggesties_parameter_names.end()});
    ZoeksuggestiesParameters params;
    params.crs = negotiate_crs(query, request).crs;
    if (auto q = query.get("q")) params.q = std::string(*q);
    else if (!query.sent("q")) query.add_problem("q", param_codes::ontbrekende_parameter, "Geef de zoektekst in q, bijvoorbeeld q=utr.");
    if (auto limit = query.integer("limit", 1, 50)) params.limit = static_cast<std::size_t>(*limit);
    if (!query.ok()) return query.problems();
    return params;
}

std::variant<LocationViewParameters, std::vector<InvalidParam>> parse_location_view_parameters(const HttpRequest& request,
                                                                                               bool with_tijdstip) {
    QueryParams query(request.query, with_tijdstip ? std::vector<std::string_view>(location_view_parameter_names.begin(),
                                                                                    location_view_parameter_names.end())
                                                   : std::vector<std::string_view>{});
    LocationViewParameters params;
    if (with_tijdstip) {
        params.tijdstip = instant_parameter(query, "tijdstip");
        params.crs = negotiate_crs(query, request).crs;
    }
    if (!query.ok()) return query.problems();
    return params;
}

}  // namespace ido::service
