#pragma once
// OGC API - Features Part 1 (core, GeoJSON, OpenAPI 3.0) and Part 2 (CRS by reference) over the v1
// data: the landing page, /conformance, /collections and the two feature collections `informatiepunten`
// (points) and `gemeenten` (municipality polygons). JSON only; no HTML encoding.
#include "geo/snapshot.hpp"
#include "service/http_types.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ido::service {

/// GET /v1: the landing page (OGC: title, description, links to the API definition, conformance and data).
HttpResponse ogc_landing_page(const HttpRequest& request);

/// Answers /v1/conformance and /v1/collections[/{collectionId}[/items[/{featureId}]]]; nullopt for any
/// other path, so the router can go on. `segments` is the path split at '/', starting with "v1".
std::optional<HttpResponse> handle_ogc(const geo::Snapshot& snapshot, const HttpRequest& request,
                                       const std::vector<std::string_view>& segments);

/// The absolute base of links, e.g. "http://localhost:8080", from the Host header (or X-Forwarded-Host
/// and X-Forwarded-Proto set by a proxy), when it is a plain host[:port]; "" otherwise, which leaves the
/// links relative. Absolute links are needed because QGIS' OAPIF provider does not resolve relative ones
/// (qgis/QGIS issue #58089).
std::string link_base(const HttpRequest& request);

/// Percent-encodes a query value (keeps unreserved characters and ',').
std::string query_encode(std::string_view value);

}  // namespace ido::service
