#pragma once
// The page of one help point, /informatiepunten/{id}: everything a resident needs to go there, on one
// printed A4, with schema.org JSON-LD for search engines. Rendered from the API's answer of
// GET /v1/informatiepunten/{id}, so the page says what the API says.
#include "service/render/pagina_kader.hpp"

#include <rapidjson/document.h>

#include <chrono>
#include <string>
#include <string_view>

namespace ido::service::pagina {

/// The whole document. `base_url` ("https://host", may be empty) makes the canonical link absolute.
/// `taal` is the page's language (service/render/teksten.hpp), `query_zonder_taal` the address's query
/// without `taal` (kept by the language links), `gevraagd` the ?taal= when the address named one of ours
/// (empty: the language came from Accept-Language or is the default; the canonical is then the address
/// without the parameter, see pagina_taalkeuze.hpp canonical_url).
std::string render_informatiepunt(const rapidjson::Value& location, std::chrono::sys_seconds now, const std::string& base_url,
                                  const Bestanden& bestanden, std::string_view taal = "nl", std::string_view query_zonder_taal = {},
                                  std::string_view gevraagd = {});

/// The schema.org JSON-LD of a help point (a GovernmentService available at a Place, with
/// openingHoursSpecification from the coming spreekuren), as plain JSON (not yet script-safe).
std::string informatiepunt_json_ld(const rapidjson::Value& location, std::chrono::sys_seconds now, const std::string& url);

/// The 404 page for an unknown help point (the status is the caller's).
std::string render_niet_gevonden(const Bestanden& bestanden, std::string_view taal = "nl");

}  // namespace ido::service::pagina
