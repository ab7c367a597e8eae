#pragma once
// The finder pages `/` and `/embed`, rendered on the server from the API's own answer, so they work
// without JavaScript: a plain GET form and, after a search, the results in words. The widget
// (<ido-vinder>, web-widget/src/) takes over the same element when its script runs (docs/paginas.md).
#include "service/render/pagina_kader.hpp"

#include <rapidjson/document.h>

#include <chrono>
#include <string>
#include <vector>

namespace ido::service::pagina {

/// What the resident asked, decoded (the page's query: zoek, dienst, openNu, taal; /embed also gemeente, kaart).
struct FinderVraag {
    bool embed = false;
    std::string zoek;
    std::string dienst;
    bool open_nu = false;
    std::string gemeente;  ///< /embed only: GM code
    std::string taal;      ///< the ?taal= of the address when it is one of ours (kept by the form and the links)
    std::string pagina_taal = "nl";  ///< the page's language (service/render/teksten.hpp kies: ?taal=, Accept-Language, nl)
    std::string query_zonder_taal;   ///< the query as sent without `taal`, for the language links
    std::string kaart;     ///< /embed only: passed on to the widget
};

/// What the page shows under the form.
struct FinderAntwoord {
    /// The API answer: of GET /v1/informatiepunten (a search) or of GET /v1/gemeenten/{code}/informatiepunten
    /// (the municipality's list on /embed). Null: nothing asked yet, or `melding` says what went wrong.
    const rapidjson::Value* api = nullptr;
    bool zoekresultaat = false;   ///< `api` is a nearest search (distances, nearest first)
    std::string melding;          ///< a friendly message for a query that could not be answered
    std::chrono::sys_seconds now{};
};

/// The whole document of `/` or `/embed`.
std::string render_finder(const FinderVraag& vraag, const FinderAntwoord& antwoord, const std::string& base_url, const Bestanden& bestanden);

}  // namespace ido::service::pagina
