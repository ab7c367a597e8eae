#pragma once
// The report form without JavaScript (issue 14, docs/meldingen.md): GET shows it, POST takes the report
// in through the very same function as the JSON API (receive_melding: help point, limits, validation,
// merge, store) and answers 303 to the thank-you page, or the form again with its errors (400), or a
// page that says when to try again (429). Rendering: service/render/pagina_melding.*.
#include "service/endpoints/meldingen.hpp"
#include "service/http/http_types.hpp"
#include "service/http/static_files.hpp"

#include <string_view>

namespace ido::service {

/// GET /informatiepunten/{id}/melding: the empty form; 404 page for an unknown help point.
HttpResponse get_melding_formulier(MeldingContext& context, const StaticFiles& files, const HttpRequest& request, std::string_view id);
/// POST /informatiepunten/{id}/melding (application/x-www-form-urlencoded: soort, toelichting).
HttpResponse post_melding_formulier(MeldingContext& context, const StaticFiles& files, const HttpRequest& request, std::string_view id);
/// GET /informatiepunten/{id}/melding/bedankt: the thank-you page.
HttpResponse get_melding_bedankt(MeldingContext& context, const StaticFiles& files, const HttpRequest& request, std::string_view id);

}  // namespace ido::service
