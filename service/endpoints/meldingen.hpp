#pragma once
// Reports from residents (meldingen, issue 14): anyone may report that something about a help point is
// wrong, without an account; the help point's owners (the tokens that may edit it) list and close them.
// Nothing about the resident is stored: the client address only counts towards the rate limits, in
// memory.
#include "service/http/auth.hpp"
#include "service/http/http_types.hpp"
#include "store/location_editor.hpp"

#include <array>
#include <chrono>
#include <string_view>

namespace ido::service {

/// The rate limits of reports, kept in memory only (each replica counts its own), with the counter of
/// the failed-login limit: at most 5 reports per client address per hour and 50 per help point per day.
struct MeldingLimits {
    FailedLoginLimiter per_address{5, std::chrono::hours(1)};
    FailedLoginLimiter per_informatiepunt{50, std::chrono::hours(24)};
};

struct MeldingContext {
    store::LocationEditor& editor;
    FailedLoginLimiter& login_limiter;
    MeldingLimits& limits;
};

/// POST /v1/informatiepunten/{id}/meldingen: 201 {"id"} for a new report; 200 {"id", "samengevoegd": true}
/// when it repeats an open one (store::is_duplicate_melding), which then counts one more.
HttpResponse post_melding(MeldingContext& context, const HttpRequest& request, std::string_view informatiepunt);
/// GET /v1/meldingen?status=: the reports the token may act on.
HttpResponse get_meldingen(MeldingContext& context, const HttpRequest& request);
/// GET /v1/meldingen/{id}: one report with its ETag.
HttpResponse get_melding(MeldingContext& context, const HttpRequest& request, std::string_view id);
/// PATCH /v1/meldingen/{id} {"status", "antwoord"} with If-Match: closes a report.
HttpResponse patch_melding(MeldingContext& context, const HttpRequest& request, std::string_view id);

/// The query names of GET /v1/meldingen.
inline constexpr std::array<std::string_view, 1> meldingen_parameter_names{"status"};

}  // namespace ido::service
