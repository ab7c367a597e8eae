#pragma once
// The municipal pages (issue 13, section 3): GET /gemeenten and GET /gemeenten/{gemeentecode}, server-rendered
// HTML (service/render/gemeente_html.hpp) from the snapshot's coverage analysis. See docs/gemeentepagina.md.
#include "service/http/http_types.hpp"
#include "service/http/routes.hpp"

#include <array>
#include <optional>
#include <string_view>

namespace ido::service {

/// The query names of the pages (unknown names are ignored: a page is read by people, not clients).
inline constexpr std::array<std::string_view, 1> gemeenten_pagina_parameter_names{"sorteer"};
inline constexpr std::array<std::string_view, 2> gemeente_pagina_parameter_names{"extraPostcode", "extraLocaties"};

/// GET /gemeenten: every municipality, sortable (`sorteer=inwoners`, `-inwoners` descending), a choropleth.
std::optional<HttpResponse> gemeenten_pagina(const RouteContext& context, const HttpRequest& request, const PathParams& params);
/// GET /gemeenten/{gemeentecode}: one municipality; `extraPostcode=3511,3512` or `extraLocaties=lat,lon;lat,lon`
/// for a what-if. An unknown code is a 404 HTML page.
std::optional<HttpResponse> gemeente_pagina(const RouteContext& context, const HttpRequest& request, const PathParams& params);

}  // namespace ido::service
