#include "service/endpoints/ogc.hpp"

#include "geo/query.hpp"
#include "geo/utc_time.hpp"
#include "record/validate.hpp"
#include "service/endpoints/crs.hpp"
#include "service/render/json_output.hpp"
#include "service/http/query.hpp"
#include "service/render/responses.hpp"
#include "service/render/snapshot_answers.hpp"


#include <algorithm>
#include <array>
#include <limits>

namespace ido::service {
namespace {

constexpr const char* geojson_type = "application/geo+json";
constexpr const char* json_type = "application/json";
constexpr std::size_t default_limit = 10;
constexpr std::size_t max_limit = 1000;

// OGC API - Features Part 1 (17-069r4) and Part 2 (18-058r1) conformance classes.
constexpr std::array<const char*, 4> conformance_classes{
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
};

enum class Collection { informatiepunten, gemeenten };

struct CollectionInfo {
    Collection kind;
    const char* id;
    const char* title;
    const char* description;
};

constexpr std::array<CollectionInfo, 2> collections{{
    {Collection::informatiepunten, "informatiepunten", "Informatiepunten Digitale Overheid",
     "Gratis hulppunten voor DigiD, toeslagen, belastingen en andere online overheidszaken, als punten. "
     "Het veld herkomst zegt per record of het een echt informatiepunt is of een gegenereerd voorbeeld."},
    {Collection::gemeenten, "gemeenten", "Gemeenten",
     "De gemeenten (CBS/Kadaster 2023, vereenvoudigde grenzen) met hun aantal informatiepunten, als vlakken."},
}};

const CollectionInfo* find_collection(std::string_view id) {
    for (const auto& c : collections)
        if (id == c.id) return &c;
    return nullptr;
}

bool valid_host(std::string_view host) {
    if (host.empty() || host.size() > 255) return false;
    std::string_view name = host;
    if (auto colon = host.rfind(':'); colon != std::string_view::npos && host.front() != '[') {
        const std::string_view port = host.substr(colon + 1);
        if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
        name = host.substr(0, colon);
    }
    if (name.empty()) return false;
    if (name.front() == '[') {
        // An IPv6 literal, optionally with a port after the ']'.
        const auto close = host.find(']');
        if (close == std::string_view::npos) return false;
        const std::string_view rest = host.substr(close + 1);
        if (!rest.empty() && (rest.front() != ':' || rest.size() > 6 ||
                              !std::all_of(rest.begin() + 1, rest.end(), [](char c) { return c >= '0' && c <= '9'; })))
            return false;
        const std::string_view inside = host.substr(1, close - 1);
        return !inside.empty() && std::all_of(inside.begin(), inside.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
        });
    }
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    });
}

HttpResponse not_found(std::string detail, const HttpRequest& request, std::string route) {
    return problem_response({std::string(codes::niet_gevonden), std::move(detail), {}}, request.path, std::move(route));
}

std::string unknown_collection_detail(std::string_view id) {
    return "Er is geen collectie '" + printable(id) + "'. Er zijn: informatiepunten, gemeenten (zie /v1/collections).";
}

// --- pieces of responses -------------------------------------------------------------------------------

std::string municipality_properties(const geo::Snapshot& snapshot, std::size_t m) {
    // municipality_json gives exactly the properties: gemeentecode, naam, provincie, inwoners, aantalInformatiepunten.
    return municipality_json(snapshot.municipalities().all()[m], snapshot.locations_in(m).size());
}

std::string municipality_feature(const geo::Snapshot& snapshot, const MunicipalityGeometry& rendered, std::size_t m, Crs crs) {
    const std::string& geometry = crs == Crs::rd_new ? rendered.geometry_rd[m] : rendered.geometry_crs84[m];
    std::string out;
    out.reserve(geometry.size() + 200);
    out += "{\"type\":\"Feature\",\"id\":";
    out += json_string(snapshot.municipalities().all()[m].gemeentecode);
    out += ",\"geometry\":";
    out += geometry;
    out += ",\"properties\":";
    out += municipality_properties(snapshot, m);
    out += '}';
    return out;
}

void write_bbox_array(JsonWriter& w, const std::array<double, 4>& box) {
    // Rounded outwards to 8 decimals, so the extent still contains every feature.
    w.StartArray();
    w.Double(std::floor(box[0] * 1e8) / 1e8);
    w.Double(std::floor(box[1] * 1e8) / 1e8);
    w.Double(std::ceil(box[2] * 1e8) / 1e8);
    w.Double(std::ceil(box[3] * 1e8) / 1e8);
    w.EndArray();
}

std::array<double, 4> extent_of(const geo::Snapshot& snapshot, Collection kind) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    std::array<double, 4> box{inf, inf, -inf, -inf};
    auto add = [&](double x0, double y0, double x1, double y1) {
        box[0] = std::min(box[0], x0), box[1] = std::min(box[1], y0), box[2] = std::max(box[2], x1), box[3] = std::max(box[3], y1);
    };
    if (kind == Collection::informatiepunten) {
        for (const auto& l : snapshot.locations()) add(l.position.lon, l.position.lat, l.position.lon, l.position.lat);
    } else {
        for (const auto& m : snapshot.municipalities().all()) add(m.bbox.min.lon, m.bbox.min.lat, m.bbox.max.lon, m.bbox.max.lat);
    }
    if (box[0] > box[2]) return {-180, -90, 180, 90};  // empty collection: the whole world, as OGC suggests
    return box;
}

void write_collection(JsonWriter& w, const geo::Snapshot& snapshot, const CollectionInfo& c, const std::string& base) {
    const std::string self = base + "/v1/collections/" + c.id;
    w.StartObject();
    w.Key("id");
    w.String(c.id);
    w.Key("title");
    w.String(c.title);
    w.Key("description");
    w.String(c.description);
    w.Key("itemType");
    w.String("feature");
    w.Key("extent");
    w.StartObject();
    w.Key("spatial");
    w.StartObject();
    w.Key("bbox");
    w.StartArray();
    write_bbox_array(w, extent_of(snapshot, c.kind));
    w.EndArray();
    w.Key("crs");
    w.String(crs_uri(Crs::crs84).data());
    w.EndObject();
    w.EndObject();
    w.Key("crs");
    w.StartArray();
    w.String(crs_uri(Crs::crs84).data());
    w.String(crs_uri(Crs::rd_new).data());
    w.EndArray();
    w.Key("storageCrs");
    w.String(crs_uri(Crs::crs84).data());
    w.Key("links");
    w.StartArray();
    write_link(w, "self", self, json_type, c.title);
    write_link(w, "items", self + "/items", geojson_type, c.title);
    w.EndArray();
    w.EndObject();
}

HttpResponse json_ok(const rapidjson::StringBuffer& buffer, std::string route, const char* type = json_type) {
    auto response = json_response(std::string(buffer.GetString(), buffer.GetSize()), std::move(route));
    response.content_type = type;
    return response;
}

}  // namespace

// --- endpoints ---------------------------------------------------------------------------------------

HttpResponse ogc_conformance(const HttpRequest& request) {
    const std::string route = "/v1/conformance";
    QueryParams query(request.query, {});
    if (!query.ok()) return invalid_parameters(query.problems(), request.path, route);
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("conformsTo");
    w.StartArray();
    for (const char* c : conformance_classes) w.String(c);
    w.EndArray();
    w.EndObject();
    return json_ok(buffer, route);
}

HttpResponse ogc_collections(const geo::Snapshot& snapshot, const HttpRequest& request) {
    const std::string route = "/v1/collections";
    QueryParams query(request.query, {});
    if (!query.ok()) return invalid_parameters(query.problems(), request.path, route);
    const std::string base = link_base(request);
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("links");
    w.StartArray();
    write_link(w, "self", base + "/v1/collections", json_type, "Deze lijst van collecties");
    w.EndArray();
    w.Key("collections");
    w.StartArray();
    for (const auto& c : collections) write_collection(w, snapshot, c, base);
    w.EndArray();
    w.EndObject();
    return json_ok(buffer, route);
}

HttpResponse ogc_collection(const geo::Snapshot& snapshot, const HttpRequest& request, std::string_view id) {
    const std::string route = "/v1/collections/{collectionId}";
    const CollectionInfo* c = find_collection(id);
    if (c == nullptr) return not_found(unknown_collection_detail(id), request, route);
    QueryParams query(request.query, {});
    if (!query.ok()) return invalid_parameters(query.problems(), request.path, route);
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    write_collection(w, snapshot, *c, link_base(request));
    return json_ok(buffer, route);
}

namespace {

struct ItemsQuery {
    CrsChoice crs;
    std::optional<Bbox> bbox;
    std::size_t limit = default_limit;
    std::size_t offset = 0;
};

// The query string of a page: every parameter of the request, normalised, with this page's offset.
std::string page_query(const ItemsQuery& q, std::size_t offset) {
    std::string out = "?limit=" + std::to_string(q.limit);
    if (offset > 0) out += "&offset=" + std::to_string(offset);
    if (q.bbox) {
        out += "&bbox=" + query_encode(q.bbox->text);
        if (q.bbox->crs_sent) out += "&bbox-crs=" + query_encode(crs_uri(q.bbox->crs));
    }
    if (q.crs.requested) out += "&crs=" + query_encode(crs_uri(q.crs.crs));
    return out;
}

}  // namespace

HttpResponse ogc_items(const geo::Snapshot& snapshot, const HttpRequest& request, std::string_view id) {
    const std::string route = "/v1/collections/{collectionId}/items";
    const CollectionInfo* c = find_collection(id);
    if (c == nullptr) return not_found(unknown_collection_detail(id), request, route);

    QueryParams query(request.query, {ogc_items_parameter_names.begin(), ogc_items_parameter_names.end()});
    ItemsQuery q;
    q.crs = negotiate_crs(query, request);
    q.bbox = parse_bbox(query);
    constexpr long long int_max = std::numeric_limits<int>::max();
    // A limit above the maximum is not an error in OGC API - Features (17-069r4, 7.15.3): it is capped.
    if (auto limit = query.integer("limit", 1, int_max)) q.limit = std::min<std::size_t>(static_cast<std::size_t>(*limit), max_limit);
    if (auto offset = query.integer("offset", 0, int_max)) q.offset = static_cast<std::size_t>(*offset);
    if (!query.ok()) return invalid_parameters(query.problems(), request.path, route);

    std::vector<std::size_t> matched;
    const MunicipalityGeometry* rendered = nullptr;
    if (c->kind == Collection::informatiepunten) {
        // Exact containment in the bbox's own CRS (boundary included).
        geo::LocationFilter filter;
        if (q.bbox) filter.box = area_box(*q.bbox);
        matched = geo::area(snapshot, filter);
    } else {
        rendered = &SnapshotAnswers::of(snapshot).municipality_geometry();
        for (std::size_t m = 0; m < snapshot.municipalities().all().size(); ++m) {
            if (q.bbox) {
                // Envelope intersection, not the exact polygon: a municipality whose envelope touches the
                // bbox is included even if its outline does not (documented in docs/ogc-api.md).
                const auto& e = q.bbox->crs == Crs::rd_new ? rendered->envelope_rd[m] : rendered->envelope_crs84[m];
                if (!q.bbox->intersects(e[0], e[1], e[2], e[3])) continue;
            }
            matched.push_back(m);
        }
    }

    const std::size_t first = std::min(q.offset, matched.size());
    const std::size_t last = std::min(matched.size(), first + q.limit);
    const std::string base = link_base(request);
    const std::string self = base + "/v1/collections/" + c->id + "/items";

    std::string body;
    body.reserve(1024 + (last - first) * (c->kind == Collection::gemeenten ? 6000 : 1500));
    body += "{\"type\":\"FeatureCollection\",\"features\":[";
    for (std::size_t k = first; k < last; ++k) {
        if (k > first) body += ',';
        body += c->kind == Collection::informatiepunten ? location_feature_json(snapshot.locations()[matched[k]], q.crs.crs)
                                                        : municipality_feature(snapshot, *rendered, matched[k], q.crs.crs);
    }
    body += "],";
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("numberMatched");
    w.Uint64(matched.size());
    w.Key("numberReturned");
    w.Uint64(last - first);
    w.Key("timeStamp");
    w.String(geo::utc_now_rfc3339());
    w.Key("links");
    w.StartArray();
    write_link(w, "self", self + page_query(q, q.offset), geojson_type, "Deze pagina");
    write_link(w, "collection", base + "/v1/collections/" + c->id, json_type, c->title);
    if (last < matched.size()) write_link(w, "next", self + page_query(q, last), geojson_type, "Volgende pagina");
    if (q.offset > 0) {
        // The previous page of the same size; from a past-the-end offset, the last page of that size.
        const std::size_t start = std::min(q.offset, matched.size());
        const std::size_t prev = start > q.limit ? start - q.limit : 0;
        write_link(w, "prev", self + page_query(q, prev), geojson_type, "Vorige pagina");
    }
    w.EndArray();
    w.EndObject();
    // Splice the members after the features into the same object.
    body.append(buffer.GetString() + 1, buffer.GetSize() - 1);

    HttpResponse response = json_response(std::move(body), route);
    response.content_type = geojson_type;
    response.headers.emplace_back("Content-Crs", content_crs(q.crs.crs));
    return response;
}

HttpResponse ogc_item(const geo::Snapshot& snapshot, const HttpRequest& request, std::string_view id, std::string_view feature_id) {
    const std::string route = "/v1/collections/{collectionId}/items/{featureId}";
    const CollectionInfo* c = find_collection(id);
    if (c == nullptr) return not_found(unknown_collection_detail(id), request, route);
    QueryParams query(request.query, {ogc_item_parameter_names.begin(), ogc_item_parameter_names.end()});
    const CrsChoice crs = negotiate_crs(query, request);
    if (!query.ok()) return invalid_parameters(query.problems(), request.path, route);

    std::string feature;
    if (c->kind == Collection::informatiepunten) {
        const geo::Location* location = record::is_id(feature_id) ? snapshot.find(feature_id) : nullptr;
        if (location == nullptr)
            return not_found("Er is geen informatiepunt met id '" + printable(feature_id) + "'.", request, route);
        feature = location_feature_json(*location, crs.crs);
    } else {
        const auto m = record::is_id(feature_id) ? snapshot.municipalities().find(feature_id) : std::nullopt;
        if (!m)
            return not_found("Er is geen gemeente met code '" + printable(feature_id) + "'. Een gemeentecode ziet eruit als GM0363.",
                             request, route);
        feature = municipality_feature(snapshot, SnapshotAnswers::of(snapshot).municipality_geometry(), *m, crs.crs);
    }
    const std::string base = link_base(request);
    const std::string collection_url = base + "/v1/collections/" + c->id;
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("links");
    w.StartArray();
    write_link(w, "self",
               collection_url + "/items/" + std::string(feature_id) + (crs.requested ? "?crs=" + query_encode(crs_uri(crs.crs)) : ""),
               geojson_type, "Dit object");
    write_link(w, "collection", collection_url, json_type, c->title);
    w.EndArray();
    w.EndObject();
    // The feature object with the links added as its last member.
    feature.pop_back();
    feature += ',';
    feature.append(buffer.GetString() + 1, buffer.GetSize() - 1);

    HttpResponse response = json_response(std::move(feature), route);
    response.content_type = geojson_type;
    response.headers.emplace_back("Content-Crs", content_crs(crs.crs));
    return response;
}

std::string link_base(const HttpRequest& request) {
    std::string_view host;
    if (auto forwarded = request.header("x-forwarded-host"); forwarded && valid_host(*forwarded)) host = *forwarded;
    else if (auto plain = request.header("host"); plain && valid_host(*plain)) host = *plain;
    if (host.empty()) return "";
    std::string scheme = "http";
    if (auto proto = request.header("x-forwarded-proto"); proto && (*proto == "https" || *proto == "http")) scheme = *proto;
    return scheme + "://" + std::string(host);
}

std::string query_encode(std::string_view value) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
            c == '~' || c == ',') {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

HttpResponse ogc_landing_page(const HttpRequest& request) {
    const std::string route = "/v1";
    QueryParams query(request.query, {});
    if (!query.ok()) return invalid_parameters(query.problems(), request.path, route);
    const std::string base = link_base(request) + "/v1";
    const char* title = "ido-vinder: Informatiepunten Digitale Overheid";
    const char* description =
        "Vind het dichtstbijzijnde Informatiepunt Digitale Overheid (IDO): hulp bij DigiD, toeslagen, belastingen en andere "
        "online overheidszaken. Ook als OGC API - Features (collecties informatiepunten en gemeenten, in CRS84 of RD New).";
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    // OGC names the members title/description; titel/beschrijving stay for existing clients.
    w.Key("title");
    w.String(title);
    w.Key("description");
    w.String(description);
    w.Key("titel");
    w.String(title);
    w.Key("beschrijving");
    w.String(description);
    w.Key("links");
    w.StartArray();
    write_link(w, "self", base, json_type, "Deze landingspagina");
    write_link(w, "service-desc", base + "/openapi.json", "application/vnd.oai.openapi+json;version=3.0", "OpenAPI-document");
    write_link(w, "conformance", base + "/conformance", json_type, "OGC-conformiteitsklassen");
    write_link(w, "data", base + "/collections", json_type, "Collecties (OGC API - Features)");
    write_link(w, "informatiepunten", base + "/informatiepunten", json_type, "Informatiepunten");
    write_link(w, "gemeenten", base + "/gemeenten", json_type, "Gemeenten");
    write_link(w, "status", base + "/health", json_type, "Status");
    w.EndArray();
    w.EndObject();
    return json_ok(buffer, route);
}

}  // namespace ido::service
