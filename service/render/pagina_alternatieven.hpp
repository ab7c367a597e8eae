#pragma once
// When no help point is near (issue 15, section 4): the nearest is over 10 km away, or none of the
// results is open in the next 7 days. Then the page says so plainly and shows where else a resident
// gets help: the DigiHulplijn. web-widget/src/alternatieven.js applies the same rule in the widget.
#include <rapidjson/document.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ido::service::pagina {

/// The distance beyond which a help point no longer counts as near.
inline constexpr double ver_weg_m = 10'000;
/// How many days ahead a help point must have a slot (or be open now) to count as available.
inline constexpr int beschikbaar_dagen = 7;

enum class GeenHulpReden { geen_resultaten, te_ver, niet_open };

/// Why no help point is near, for the results of a search (`informatiepunten` of the API answer), or
/// nullopt when one is. `with_distance`: the results are a nearest search (distance applies).
std::optional<GeenHulpReden> geen_hulp_dichtbij(const rapidjson::Value& informatiepunten, bool with_distance,
                                                std::chrono::sys_seconds now);

/// The block that says so and shows the DigiHulplijn (0800-1508, free, by phone or WhatsApp).
std::string alternatieven_html(GeenHulpReden reden, std::string_view taal = "nl");

}  // namespace ido::service::pagina
