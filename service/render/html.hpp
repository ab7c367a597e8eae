#pragma once
// The one home for HTML output: escaping, the document shell every server-rendered page shares, and the
// text/html response. Pages are built as strings from small functions (no template engine: Debian has no
// maintained C++ one, and the pages are few and simple enough that escaping in one place is the whole
// safety story).
#include "service/http/http_types.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ido::service::html {

/// Appends `text` with & < > " ' escaped, safe inside element content and inside a quoted attribute value.
void append_escaped(std::string& out, std::string_view text);
/// `text` escaped as by append_escaped.
std::string escape(std::string_view text);
/// JSON made safe for a `<script type="application/ld+json">` block: every '<', '>' and '&' is written as a
/// \\u escape (still the same JSON), so that data holding "</script>" or "<!--" cannot end the block.
std::string script_safe_json(std::string_view json);

/// A whole page. Every text member is plain text (escaped when rendered), except `head_extra` and
/// `body`, which are HTML the caller built with the functions above.
struct Page {
    std::string lang = "nl";
    std::string dir = "ltr";              ///< "rtl" for Arabic
    std::string title;
    std::string description;              ///< the meta description (search engines show it)
    std::string canonical;                ///< absolute path or URL of the canonical page; empty for none
    bool noindex = false;                 ///< robots: noindex (generated examples, private views)
    std::vector<std::string> stylesheets; ///< paths, e.g. "/widget/v1/pagina.css"
    std::vector<std::string> scripts;     ///< paths, loaded with `defer`
    std::string head_extra;               ///< HTML for the head (JSON-LD blocks, preloads)
    std::string body;                     ///< HTML for the body
};

/// The complete document: doctype, html with lang and dir, head (charset, viewport, title, description,
/// referrer policy, canonical, robots, styles, scripts, head_extra) and body.
std::string render_document(const Page& page);

/// 200 text/html; charset=utf-8 with `body`, answered by `route` (a template, for the access log).
HttpResponse html_response(std::string body, std::string route);

}  // namespace ido::service::html
