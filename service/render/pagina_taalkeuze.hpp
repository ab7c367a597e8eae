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

/// The canonical address of the page at `path` (absolute with `base_url`). Each language version is
/// canonical to itself: `path?taal=xx` when the address asked for one (`gevraagd`, the ?taal= when it is
/// one of ours), else `path`, the address that follows the reader's browser (Accept-Language), which is
/// the x-default alternate and so canonical to itself too. Never another language's address: a page
/// whose canonical points at another hreflang alternate tells search engines the two are one page.
std::string canonical_url(std::string_view base_url, std::string_view path, std::string_view gevraagd);

/// `<link rel="alternate" hreflang>` for every language (`path?taal=xx`, Dutch too) and x-default
/// (`path`, chosen by the browser's language), absolute with `base_url`; the same set on every version.
std::string hreflang_links(std::string_view base_url, std::string_view path, std::string_view query);

}  // namespace ido::service::pagina
