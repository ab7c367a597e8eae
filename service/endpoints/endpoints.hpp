#pragma once
// The resource endpoints, one function per route, one file per resource (service/endpoints/*.cpp);
// the route table (service/http/routes.cpp) calls them.
#include "geo/geocode/geocoder.hpp"
#include "geo/snapshot.hpp"
#include "service/pdok/locatieserver.hpp"
#include "service/http/http_types.hpp"
#include "service/http/static_files.hpp"
#include "store/location_editor.hpp"

#include <array>
#include <string>
#include <string_view>

namespace ido::service {

/// GET /v1/health. `editor` may be null (read-only).
HttpResponse get_health(const geo::Snapshot& snapshot, const store::LocationEditor* editor);
/// GET /v1/openapi.json
HttpResponse get_openapi();
/// A file of the widget or a page ("/", "/embed", "/beheer", "/widget/v1/{bestand}"), with its ETag;
/// 304 when If-None-Match has it, 404 when the file is unknown. `route` is the route label.
HttpResponse get_static_file(const StaticFiles& files, std::string_view name, const HttpRequest& request, std::string route);

/// GET /v1/informatiepunten
/// `locatieserver`: the optional PDOK Locatieserver for full street addresses (docs/zoeken.md); null: offline only.
HttpResponse get_informatiepunten(const geo::Snapshot& snapshot, const geocode::Geocoder& geocoder, const HttpRequest& request,
                                  pdok::Locatieserver* locatieserver = nullptr);
/// GET /v1/informatiepunten/{id}
HttpResponse get_informatiepunt(const geo::Snapshot& snapshot, const HttpRequest& request, std::string_view id);
/// Whether GET /v1/informatiepunten asks for a file (`formaat`, or Accept text/csv / application/geo+json).
bool wants_export(const HttpRequest& request);
/// GET /v1/informatiepunten?formaat=csv|geojson[&gemeente=GM0363]: the records for reporting, in the
/// import format (docs/import-export.md), so the file imports again unchanged.
HttpResponse get_export(const geo::Snapshot& snapshot, const HttpRequest& request);
/// The query names get_export accepts (export_endpoint.cpp lists them again in its QueryParams: to be
/// switched to this constant), for the OpenAPI check of GET /v1/informatiepunten.
inline constexpr std::array<std::string_view, 2> export_parameter_names{"formaat", "gemeente"};
/// GET /v1/zoeksuggesties
HttpResponse get_zoeksuggesties(const geo::Snapshot& snapshot, const geocode::Geocoder& geocoder, const HttpRequest& request);
/// GET /v1/gemeenten
HttpResponse get_gemeenten(const geo::Snapshot& snapshot, const HttpRequest& request);
/// GET /v1/gemeenten/{gemeentecode} and, with `with_locations`, .../informatiepunten
HttpResponse get_gemeente(const geo::Snapshot& snapshot, const HttpRequest& request, std::string_view code, bool with_locations);

}  // namespace ido::service
