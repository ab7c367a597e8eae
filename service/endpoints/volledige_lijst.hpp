#pragma once
// POST /v1/gemeenten/{gemeentecode}/volledige-lijst: a municipality uploads the complete list of its help
// points (CSV or GeoJSON, the export's format); what the list lacks is removed, what changed since the
// export is a conflict (exchange/full_list.hpp). `?proefdraai=true` only reports.
#include "service/http/routes.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace ido::service {

/// The largest list accepted, in bytes. A municipality has at most a few hundred help points and an
/// exported row takes 0.5-2 KB (more with several desks in spreekuren_json): the national export of
/// 600 records is about 0.9 MB. 4 MiB holds every municipality's list many times over, and stays
/// small enough that reading and checking it takes well under a second and a few uploads at once do
/// not strain a small server. Every other request keeps Config::max_request_bytes.
inline constexpr std::size_t max_list_upload_bytes = 4 * 1024 * 1024;
/// At most this many uploads (dry runs included) per token per hour, per replica: checking a list reads
/// the whole municipality, so a script in a loop should not keep the service busy.
inline constexpr int max_list_uploads_per_hour = 30;

/// Whether a request path is a list upload (which may be larger than other requests).
bool is_list_upload(std::string_view path);

/// The handler (route table signature).
std::optional<HttpResponse> post_volledige_lijst(const RouteContext& c, const HttpRequest& request, const PathParams& p);

inline constexpr std::array<std::string_view, 1> volledige_lijst_parameter_names{"proefdraai"};

}  // namespace ido::service
