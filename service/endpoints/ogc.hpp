#pragma once
// OGC API - Features Part 1 (core, GeoJSON, OpenAPI 3.0) and Part 2 (CRS by reference) over the v1
// data: the landing page, /conformance, /collections and the two feature collections `informatiepunten`
// (points) and `gemeenten` (municipality polygons). JSON only; no HTML encoding.
#include "geo/snapshot.hpp"
#include "service/http/http_types.hpp"

#include <array>
#include <string>
#include <string_view>

namespace ido::service {

/// GET /v1: the landing page (OGC: title, description, links to the API definition, conformance and data).
HttpResponse ogc_landing_page(const HttpRequest& request);

/// GET /v1/conformance
HttpResponse ogc_conformance(const HttpRequest& request);
/// GET /v1/collections
HttpResponse ogc_collections(const geo::Snapshot& snapshot, const HttpRequest& request);
/// GET /v1/collections/{collectionId}
HttpResponse ogc_collection(const geo::Snapshot& snapshot, const HttpRequest& request, std::string_view id);
/// GET /v1/collections/{collectionId}/items
HttpResponse ogc_items(const geo::Snapshot& snapshot, const HttpRequest& request, std::string_view id);
/// GET /v1/collections/{collectionId}/items/{featureId}
HttpResponse ogc_item(const geo::Snapshot& snapshot, const HttpRequest& request, std::string_view id, std::string_view feature_id);

/// The query names ogc_items and ogc_item accept (the others accept none), for the OpenAPI check.
inline constexpr std::array<std::string_view, 6> ogc_items_parameter_names{"limit", "offset", "bbox", "bbox-crs", "bboxCrs", "crs"};
inline constexpr std::array<std::string_view, 1> ogc_item_parameter_names{"crs"};

/// The absolute base of links, e.g. "http://localhost:8080", from the Host header (or X-Forwarded-Host
/// and X-Forwarded-Proto set by a proxy), when it is a plain host[:port]; "" otherwise, which leaves the
/// links relative. Absolute links are needed because QGIS' OAPIF provider does not resolve relative ones
/// (qgis/QGIS issue #58089).
std::string link_base(const HttpRequest& request);

/// Percent-encodes a query value (keeps unreserved characters and ',').
std::string query_encode(std::string_view value);

}  // namespace ido::service
