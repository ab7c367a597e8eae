#pragma once
// Reports from residents (meldingen, issue 14): anyone may report that something about a help point is
// wrong, without an account; the help point's owners (the tokens that may edit it) list and close them.
// Nothing about the resident is stored: the client address only counts towards the rate limits, in
// memory.
#include "service/http/auth.hpp"
#include "service/http/http_types.hpp"
#include "store/location_editor.hpp"

#include "record/problem_codes.hpp"

#include <rapidjson/document.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

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

/// What became of a report, whichever way it came in (the JSON API, the form page without JavaScript,
/// service/endpoints/melding_pagina.cpp): each only reads its body and renders the outcome.
struct MeldingOntvangst {
    enum class Uitkomst {
        opgeslagen,                   ///< stored as a new report (`id`)
        samengevoegd,                 ///< merged into the open report `id`
        niet_gevonden,                ///< no such help point (or a removed one)
        verdwenen,                    ///< the help point was removed while the report came in
        te_veel_van_adres,            ///< 5 reports from this client address in the past hour (`wacht`)
        te_veel_over_informatiepunt,  ///< 50 reports about this help point in 24 hours (`wacht`)
        ongeldig,                     ///< the body is no valid report (`problemen`)
        onleesbaar,                   ///< the body reader refused it (`weigering`: its answer)
    };
    Uitkomst uitkomst = Uitkomst::niet_gevonden;
    std::int64_t id = 0;
    long wacht = 0;  ///< seconds, for Retry-After
    ido::record::FieldProblems problemen;
    std::optional<HttpResponse> weigering;
};

/// Reads the request's body as the report's object {"soort", "toelichting"}, or gives the answer that
/// refuses it (a wrong media type, a body that does not parse). Called only once the limits allow it.
using MeldingLezer = std::function<std::variant<rapidjson::Document, HttpResponse>()>;

/// The one home of taking in a report: the help point must exist, then the rate limits (per `client`
/// address and per help point), then the body (record::validate_melding), then the store, which merges
/// a duplicate; only a report taken in counts towards the limits. A store that is down throws
/// store::StoreUnavailable.
MeldingOntvangst receive_melding(MeldingContext& context, std::string_view informatiepunt, const std::string& client, const MeldingLezer& read);

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
