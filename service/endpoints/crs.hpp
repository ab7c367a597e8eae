#pragma once
// Coordinate reference systems of the API (ADR geospatial module, OGC API - Features Part 2):
// which CRS a client asks for, bbox parsing, and GeoJSON geometry written in the chosen CRS.
#include "geo/coordinates.hpp"
#include "geo/location_filter.hpp"
#include "service/http/http_types.hpp"
#include "service/http/query.hpp"

#include <geos/geom/Geometry.h>

#include <optional>
#include <string>
#include <string_view>

namespace ido::service {

/// The CRSs the API can answer in. CRS84 (WGS84, lon/lat) is the default and the storage CRS.
enum class Crs { crs84, rd_new };

/// Codes for `invalidParams[].code` of the CRS and bbox parameters (the top-level code stays
/// `ongeldige-parameters`, so the error table needs no new row).
namespace crs_codes {
inline constexpr std::string_view niet_ondersteunde_crs = "niet-ondersteunde-crs";
inline constexpr std::string_view ongeldige_bbox = "ongeldige-bbox";
inline constexpr std::string_view bbox_buiten_crs = "bbox-buiten-crs";
}  // namespace crs_codes

/// The OGC URI: http://www.opengis.net/def/crs/OGC/1.3/CRS84 or http://www.opengis.net/def/crs/EPSG/0/28992.
std::string_view crs_uri(Crs crs);
/// The `Content-Crs` header value: the URI in angle brackets (OGC API - Features Part 2, 7.2.3).
std::string content_crs(Crs crs);

/// The response with a `Content-Crs` header for `crs`: geometry in an answer says in which CRS (ADR
/// geospatial module, OGC API Features Part 2).
inline HttpResponse with_content_crs(HttpResponse response, Crs crs) {
    response.headers.emplace_back("Content-Crs", content_crs(crs));
    return response;
}

/// Parses one CRS identifier. Accepted (case-insensitive, with or without the `[...]` of a safe CURIE):
/// the OGC URIs (http and https), `EPSG:28992`, `urn:ogc:def:crs:EPSG::28992`, `OGC:CRS84`,
/// `urn:ogc:def:crs:OGC:1.3:CRS84` and `CRS84`. Not EPSG:4326: its axis order is lat/lon, and the
/// API writes lon/lat; ask for CRS84 instead. nullopt when the text names no supported CRS.
std::optional<Crs> parse_crs(std::string_view text);

/// The CRS a request asks for: the `crs` query parameter, else the older `Accept-Crs` header (an alias;
/// the query parameter wins when both are sent), else CRS84. An unsupported value adds a
/// `niet-ondersteunde-crs` problem to `query` under the name that carried it (`crs` or `Accept-Crs`).
struct CrsChoice {
    Crs crs = Crs::crs84;
    bool requested = false;  ///< the client named a CRS (so paging links repeat it)
};
CrsChoice negotiate_crs(QueryParams& query, const HttpRequest& request);

/// A bbox filter: minx, miny, maxx, maxy in `crs` (lon/lat for CRS84, x/y for RD).
struct Bbox {
    Crs crs = Crs::crs84;
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    std::string text;       ///< the value as sent (decoded), to repeat in paging links
    bool crs_sent = false;  ///< bbox-crs / bboxCrs was given

    /// Whether (x, y) in the bbox's CRS lies inside, boundary included.
    bool contains(double x, double y) const { return x >= min_x && x <= max_x && y >= min_y && y <= max_y; }
    /// Whether the envelope [x0, x1] x [y0, y1] in the bbox's CRS touches the bbox.
    bool intersects(double x0, double y0, double x1, double y1) const {
        return x0 <= max_x && x1 >= min_x && y0 <= max_y && y1 >= min_y;
    }
};

/// The bbox as the query facade's box, in the same space (no reprojection: containment stays exact).
inline geo::AreaBox area_box(const Bbox& bbox) {
    return {bbox.crs == Crs::rd_new ? geo::AreaBox::Space::rd : geo::AreaBox::Space::lon_lat, bbox.min_x, bbox.min_y, bbox.max_x,
            bbox.max_y};
}

/// Reads `bbox` and its CRS (`bbox-crs`, the OGC / ADR name, or `bboxCrs`, the camelCase name the ADR
/// linter wants; not both). `bbox` is four finite numbers minx,miny,maxx,maxy with min < max that overlap
/// the CRS's area (CRS84: -180..180, -90..90; RD New: x -7000..300000, y 289000..629000, the EPSG:28992
/// bounds); a bbox partly outside is clipped to the area, one wholly outside is a problem. Every problem
/// goes into `query`. nullopt when there is no bbox or it is invalid.
std::optional<Bbox> parse_bbox(QueryParams& query);

/// The query names parse_bbox reads.
inline constexpr std::string_view bbox_names[] = {"bbox", "bbox-crs", "bboxCrs"};

/// Coordinates rounded for output: RD to the millimetre, degrees to 8 decimals (about 1 mm).
double round_for(Crs crs, double value);

/// A GeoJSON Point in `crs`. `rd` is the position already in RD New (the locations carry it).
std::string point_geojson(Crs crs, geo::Wgs84 position, geo::RdPoint rd);

/// How polygon_geojson writes a single Polygon.
enum class PolygonForm {
    as_is,         ///< a Polygon stays a Polygon
    always_multi,  ///< a Polygon becomes a MultiPolygon of one: a collection whose features all have the same
                   ///< type, which is what GIS clients (GDAL, QGIS) infer a layer's type from
};

/// A GeoJSON Polygon or MultiPolygon of a GEOS geometry whose coordinates are in `crs` (x = lon or
/// RD x). Other geometry types give nullopt.
std::optional<std::string> polygon_geojson(Crs crs, const geos::geom::Geometry& geometry, PolygonForm form = PolygonForm::as_is);

}  // namespace ido::service
