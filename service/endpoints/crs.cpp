#include "service/endpoints/crs.hpp"

#include "text/number.hpp"

#include <geos/geom/CoordinateSequence.h>
#include <geos/geom/LinearRing.h>
#include <geos/geom/MultiPolygon.h>
#include <geos/geom/Polygon.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace ido::service {
namespace {

constexpr std::string_view crs84_uri = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
constexpr std::string_view rd_uri = "http://www.opengis.net/def/crs/EPSG/0/28992";

// The accepted spellings, compared case-insensitively. OGC API - Features Part 2 names CRSs by URI;
// the ADR geospatial module and older Dutch clients use `EPSG:28992` / `epsg:28992`; OGC's URN form
// still occurs in WFS-era software.
constexpr std::array<std::string_view, 5> crs84_names{
    crs84_uri, "https://www.opengis.net/def/crs/OGC/1.3/CRS84", "OGC:CRS84", "urn:ogc:def:crs:OGC:1.3:CRS84", "CRS84"};
constexpr std::array<std::string_view, 4> rd_names{rd_uri, "https://www.opengis.net/def/crs/EPSG/0/28992", "EPSG:28992",
                                                   "urn:ogc:def:crs:EPSG::28992"};

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

// The area in which a bbox in each CRS makes sense: the whole globe for CRS84; the EPSG:28992 bounds
// (EPSG registry, "Amersfoort / RD New", projected bounds -7000, 289000, 300000, 629000) for RD New.
struct Area {
    double min_x, min_y, max_x, max_y;
};
constexpr Area crs84_area{-180, -90, 180, 90};
constexpr Area rd_area{-7000, 289000, 300000, 629000};

const Area& area_of(Crs crs) { return crs == Crs::crs84 ? crs84_area : rd_area; }

// Writes a coordinate with at most 3 (RD) or 8 (degrees) decimals, correctly rounded. Not RapidJSON's
// Double() with SetMaxDecimalPlaces: that *truncates* its Grisu2 digits, and Grisu2 is not always the
// shortest form, so 53.05884 came out as 53.05883999 (found by the contract test against PROJ).
void write_number(rapidjson::Writer<rapidjson::StringBuffer>& w, Crs crs, double value) {
    char text[48];
    int n = std::isfinite(value) ? std::snprintf(text, sizeof text, "%.*f", crs == Crs::rd_new ? 3 : 8, value) : -1;
    if (n <= 0 || n >= static_cast<int>(sizeof text)) {
        w.Null();  // not finite or absurdly large; the callers only pass finite coordinates
        return;
    }
    while (n > 1 && text[n - 1] == '0') --n;
    if (text[n - 1] == '.') --n;
    if (n == 2 && text[0] == '-' && text[1] == '0') {
        text[0] = '0';
        n = 1;
    }
    w.RawValue(text, static_cast<std::size_t>(n), rapidjson::kNumberType);
}

void write_coordinate(rapidjson::Writer<rapidjson::StringBuffer>& w, Crs crs, double x, double y) {
    w.StartArray();
    write_number(w, crs, x);
    write_number(w, crs, y);
    w.EndArray();
}

void write_ring(rapidjson::Writer<rapidjson::StringBuffer>& w, Crs crs, const geos::geom::LinearRing& ring) {
    const geos::geom::CoordinateSequence* coordinates = ring.getCoordinatesRO();
    w.StartArray();
    for (std::size_t i = 0; i < coordinates->size(); ++i) {
        const auto& c = coordinates->getAt(i);
        write_coordinate(w, crs, c.x, c.y);
    }
    w.EndArray();
}

void write_polygon_rings(rapidjson::Writer<rapidjson::StringBuffer>& w, Crs crs, const geos::geom::Polygon& polygon) {
    w.StartArray();
    write_ring(w, crs, *polygon.getExteriorRing());
    for (std::size_t i = 0; i < polygon.getNumInteriorRing(); ++i) write_ring(w, crs, *polygon.getInteriorRingN(i));
    w.EndArray();
}

}  // namespace

std::string_view crs_uri(Crs crs) { return crs == Crs::crs84 ? crs84_uri : rd_uri; }

std::string content_crs(Crs crs) { return "<" + std::string(crs_uri(crs)) + ">"; }

std::optional<Crs> parse_crs(std::string_view text) {
    // A safe CURIE ("[EPSG:28992]", OGC API - Features Part 2 permits it) is the same identifier.
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
    for (auto name : crs84_names)
        if (iequals(text, name)) return Crs::crs84;
    for (auto name : rd_names)
        if (iequals(text, name)) return Crs::rd_new;
    return std::nullopt;
}

namespace {
std::string supported_list() {
    return std::string(crs84_uri) + " (standaard) of " + std::string(rd_uri) + " (ook: EPSG:28992)";
}
}  // namespace

CrsChoice negotiate_crs(QueryParams& query, const HttpRequest& request) {
    if (query.sent("crs")) {
        // An undecodable value has already been reported by QueryParams; then answer nothing more here.
        auto value = query.get("crs");
        if (!value) return {};
        if (auto crs = parse_crs(*value)) return {*crs, true};
        query.add_problem("crs", crs_codes::niet_ondersteunde_crs,
                          "CRS '" + printable(*value, 80) + "' wordt niet ondersteund. Gebruik " + supported_list() + ".");
        return {};
    }
    if (auto header = request.header("accept-crs")) {
        std::string_view value = *header;
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
        while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
        // The header form of Part 2 puts the URI in angle brackets, like Content-Crs.
        if (value.size() >= 2 && value.front() == '<' && value.back() == '>') value = value.substr(1, value.size() - 2);
        if (auto crs = parse_crs(value)) return {*crs, true};
        query.add_problem("Accept-Crs", crs_codes::niet_ondersteunde_crs,
                          "CRS '" + printable(value, 80) + "' in de header Accept-Crs wordt niet ondersteund. Gebruik " +
                              supported_list() + ".");
    }
    return {};
}

std::optional<Bbox> parse_bbox(QueryParams& query) {
    Bbox bbox;
    bool crs_ok = true;
    if (query.sent("bbox-crs") && query.sent("bboxCrs")) {
        query.add_problem("bboxCrs", param_codes::herhaalde_parameter, "Geef bbox-crs of bboxCrs, niet allebei.");
        crs_ok = false;
    } else {
        const std::string_view name = query.sent("bbox-crs") ? "bbox-crs" : "bboxCrs";
        if (query.sent(name)) {
            bbox.crs_sent = true;
            auto value = query.get(name);
            if (!value) {
                crs_ok = false;
            } else if (auto crs = parse_crs(*value)) {
                bbox.crs = *crs;
            } else {
                crs_ok = false;
                query.add_problem(name, crs_codes::niet_ondersteunde_crs,
                                  "CRS '" + printable(*value, 80) + "' wordt niet ondersteund. Gebruik " + supported_list() + ".");
            }
        }
    }

    auto text = query.get("bbox");
    if (!text) return std::nullopt;
    bbox.text = std::string(*text);
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const std::size_t comma = text->find(',', start);
        parts.push_back(text->substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    const char* shape = "Geef vier getallen, gescheiden door komma's: minx,miny,maxx,maxy (in CRS84: "
                        "minLengtegraad,minBreedtegraad,maxLengtegraad,maxBreedtegraad), bijvoorbeeld 4.7,52.2,5.1,52.5.";
    if (parts.size() != 4) {
        query.add_problem("bbox", crs_codes::ongeldige_bbox,
                          parts.size() == 6 ? std::string("Een bbox met hoogte (zes getallen) wordt niet ondersteund. ") + shape
                                            : "Deze bbox heeft " + std::to_string(parts.size()) + " getal(len). " + shape);
        return std::nullopt;
    }
    std::array<double, 4> v{};
    for (std::size_t i = 0; i < 4; ++i) {
        auto number = text::parse_finite(parts[i]);
        if (!number) {
            query.add_problem("bbox", crs_codes::ongeldige_bbox,
                              "Waarde " + std::to_string(i + 1) + " ('" + printable(parts[i], 24) +
                                  "') is geen eindig getal (punt als decimaalteken). " + shape);
            return std::nullopt;
        }
        v[i] = *number;
    }
    bbox.min_x = v[0], bbox.min_y = v[1], bbox.max_x = v[2], bbox.max_y = v[3];
    if (!(bbox.min_x < bbox.max_x) || !(bbox.min_y < bbox.max_y)) {
        // Also refuses a bbox across the antimeridian (minx > maxx in CRS84), which Part 1 allows: no
        // Dutch help point is near it.
        query.add_problem("bbox", crs_codes::ongeldige_bbox,
                          "De volgorde is minx,miny,maxx,maxy: de minima moeten kleiner zijn dan de maxima.");
        return std::nullopt;
    }
    if (!crs_ok) return std::nullopt;
    // Entirely outside the CRS's area is almost always a CRS mix-up (RD metres read as degrees, or the
    // reverse): a 400. Partly outside is normal for a GIS client that sends its map window (a whole-
    // country view in RD on a wide screen reaches x < -7000), so that bbox is clipped to the area.
    const Area& area = area_of(bbox.crs);
    if (bbox.max_x < area.min_x || bbox.min_x > area.max_x || bbox.max_y < area.min_y || bbox.min_y > area.max_y) {
        char range[160];
        std::snprintf(range, sizeof range, "x van %g tot %g en y van %g tot %g", area.min_x, area.max_x, area.min_y, area.max_y);
        query.add_problem("bbox", crs_codes::bbox_buiten_crs,
                          "Deze bbox ligt helemaal buiten het gebied van " + std::string(crs_uri(bbox.crs)) + ": " + range +
                              (bbox.crs == Crs::crs84 ? ". Een bbox in RD? Geef dan ook bbox-crs=EPSG:28992." : "."));
        return std::nullopt;
    }
    bbox.min_x = std::max(bbox.min_x, area.min_x), bbox.max_x = std::min(bbox.max_x, area.max_x);
    bbox.min_y = std::max(bbox.min_y, area.min_y), bbox.max_y = std::min(bbox.max_y, area.max_y);
    return bbox;
}

double round_for(Crs crs, double value) {
    const double scale = crs == Crs::rd_new ? 1e3 : 1e8;
    return std::round(value * scale) / scale;
}

std::string point_geojson(Crs crs, geo::Wgs84 position, geo::RdPoint rd) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("type");
    w.String("Point");
    w.Key("coordinates");
    if (crs == Crs::rd_new) write_coordinate(w, crs, rd.x, rd.y);
    else write_coordinate(w, crs, position.lon, position.lat);
    w.EndObject();
    return buffer.GetString();
}

std::optional<std::string> polygon_geojson(Crs crs, const geos::geom::Geometry& geometry, PolygonForm form) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("type");
    if (const auto* polygon = dynamic_cast<const geos::geom::Polygon*>(&geometry)) {
        const bool multi = form == PolygonForm::always_multi;
        w.String(multi ? "MultiPolygon" : "Polygon");
        w.Key("coordinates");
        if (multi) w.StartArray();
        write_polygon_rings(w, crs, *polygon);
        if (multi) w.EndArray();
    } else if (const auto* multi = dynamic_cast<const geos::geom::MultiPolygon*>(&geometry)) {
        w.String("MultiPolygon");
        w.Key("coordinates");
        w.StartArray();
        for (std::size_t i = 0; i < multi->getNumGeometries(); ++i)
            write_polygon_rings(w, crs, *static_cast<const geos::geom::Polygon*>(multi->getGeometryN(i)));
        w.EndArray();
    } else {
        return std::nullopt;
    }
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace ido::service
