#include "service/render/pagina_taalkeuze.hpp"

#include "service/render/html.hpp"
#include "service/render/teksten.hpp"

namespace ido::service::pagina {

std::string taal_href(std::string_view path, std::string_view query, std::string_view code, bool nl_zonder_taal) {
    std::string out(path);
    const bool met_taal = !(nl_zonder_taal && code == "nl");
    if (!query.empty() || met_taal) out += '?';
    out += query;
    if (met_taal) {
        if (!query.empty()) out += '&';
        out += "taal=";
        out += code;
    }
    return out;
}

std::string taalkeuze_html(std::string_view huidig, std::string_view path, std::string_view query) {
    std::string out = "<nav class=\"talen\" aria-label=\"" + html::escape(teksten::tekst(huidig, "taal.keuze")) + "\"><ul>";
    for (const auto code : teksten::talen()) {
        out += "<li><a href=\"" + html::escape(taal_href(path, query, code)) + "\" lang=\"" + std::string(code) + "\" hreflang=\"" +
               std::string(code) + "\" data-taal=\"" + std::string(code) + "\" dir=\"" + std::string(teksten::richting(code)) + "\"";
        if (code == huidig) out += " aria-current=\"true\"";
        out += ">" + html::escape(teksten::naam(code)) + "</a></li>";
    }
    out += "</ul></nav>\n";
    return out;
}

std::string canonical_url(std::string_view base_url, std::string_view path, std::string_view gevraagd) {
    return std::string(base_url) + (gevraagd.empty() ? std::string(path) : taal_href(path, "", gevraagd));
}

std::string hreflang_links(std::string_view base_url, std::string_view path, std::string_view query) {
    std::string out;
    const std::string base(base_url);
    // Dutch gets its own ?taal=nl address as well: the address without the parameter answers in the
    // browser's language, so it is the x-default, not the Dutch version.
    for (const auto code : teksten::talen())
        out += "<link rel=\"alternate\" hreflang=\"" + std::string(code) + "\" href=\"" + html::escape(base + taal_href(path, query, code)) +
               "\">\n";
    std::string standaard = base + std::string(path);
    if (!query.empty()) standaard += "?" + std::string(query);
    out += "<link rel=\"alternate\" hreflang=\"x-default\" href=\"" + html::escape(standaard) + "\">\n";
    return out;
}

}  // namespace ido::service::pagina
