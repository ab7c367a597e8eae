#pragma once
// The language choice of the public pages (docs/talen.md): plain links, each language named in its own
// words, so it works without JavaScript; the widget renders the same list (web-widget/src/taalkeuze.js)
// and, with its script, switches in place. And the alternates in the head that tell search engines
// which address holds which language.
#include <string>
#include <string_view>

namespace ido::service::pagina {

/// `path` with the query `query` (as sent, %-encoded, without `taal`) and `taal=code`; `taal` is left
/// out for "nl" when `nl_zonder_taal` (the canonical Dutch address has no parameter).
std::string taal_href(std::string_view path, std::string_view query, std::string_view code, bool nl_zonder_taal = false);

/// `<nav class="talen">` with a link per language; the page's language `huidig` has aria-current.
std::string taalkeuze_html(std::string_view huidig, std::string_view path, std::string_view query);

/// `<link rel="alternate" hreflang>` for every language and x-default, absolute with `base_url`.
std::string hreflang_links(std::string_view base_url, std::string_view path, std::string_view query);

}  // namespace ido::service::pagina
