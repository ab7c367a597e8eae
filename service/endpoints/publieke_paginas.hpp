#pragma once
// The public HTML pages the service renders itself (issue 15): the finder `/` and `/embed` (a GET form
// that answers with results, no JavaScript needed), a page per help point, and what search engines read
// (sitemap.xml, robots.txt). Each page asks the JSON API in-process (the same endpoint functions, so the
// same parsing and the same query facade) and renders that answer; docs/paginas.md.
#include "geo/geocode/geocoder.hpp"
#include "service/pdok/locatieserver.hpp"
#include "geo/snapshot.hpp"
#include "service/http/http_types.hpp"
#include "service/http/static_files.hpp"

#include <array>
#include <string_view>

namespace ido::service {

/// GET / and GET /embed (`embed`): the finder; with `zoek` the results rendered on the server.
/// 400 with the message in the page when the search cannot be answered.
HttpResponse get_finder_page(const geo::Snapshot& snapshot, const geocode::Geocoder& geocoder, const StaticFiles& files,
                             const HttpRequest& request, bool embed, pdok::Locatieserver* locatieserver = nullptr);
/// GET /informatiepunten/{id}: the page of one help point; 404 page for an unknown id.
HttpResponse get_informatiepunt_page(const geo::Snapshot& snapshot, const StaticFiles& files, const HttpRequest& request,
                                     std::string_view id);
/// GET /sitemap.xml: the finder and every real help point (no generated examples).
HttpResponse get_sitemap(const geo::Snapshot& snapshot, const HttpRequest& request);
/// GET /robots.txt
HttpResponse get_robots(const HttpRequest& request);

/// The query names the finder pages read (others are ignored: a page must not fail on a tracking tag).
inline constexpr std::array<std::string_view, 7> finder_parameter_names{"zoek", "dienst", "openNu", "gemeente", "taal", "kaart", "meld-url"};

}  // namespace ido::service
