#include "service/render/pagina_kader.hpp"

#include "service/render/html.hpp"
#include "service/render/teksten.hpp"

namespace ido::service::pagina {

std::string kop(std::string_view taal, std::string_view naar, std::string_view taalkeuze) {
    std::string out = "<header class=\"pagina-kop\">\n<a class=\"naar-inhoud\" href=\"#inhoud\">";
    html::append_escaped(out, teksten::tekst(taal, naar));
    out += "</a>\n<div class=\"breed\"><p class=\"merk\"><a href=\"/\">";
    html::append_escaped(out, teksten::tekst(taal, "kop.merk"));
    out += "</a></p>";
    if (!taalkeuze.empty()) out += "\n" + std::string(taalkeuze);
    out += "</div>\n</header>\n";
    return out;
}

std::string voet(std::string_view taal) {
    auto p = [taal](std::string_view sleutel) { return html::escape(teksten::tekst(taal, sleutel)); };
    return "<footer class=\"pagina-voet\">\n<div class=\"breed\">\n<h2>" + p("voet.over") + "</h2>\n<p>" + p("voet.privacy") + "</p>\n<p>" +
           p("voet.voorbeelden") + "</p>\n<h2>" + p("voet.gemeenten") + "</h2>\n<p>" + p("voet.insluiten") + "</p>\n" +
           R"(<pre><code>&lt;script src="https://uw-server/widget/v1/ido-vinder.js" defer&gt;&lt;/script&gt;
&lt;ido-vinder gemeente="GM0363"&gt;&lt;/ido-vinder&gt;</code></pre>
<p>)" + p("voet.iframe") +
           R"(</p>
<pre><code>&lt;iframe src="https://uw-server/embed?gemeente=GM0363" title="Informatiepunten Digitale Overheid" allow="geolocation" style="width:100%;height:900px;border:0"&gt;&lt;/iframe&gt;</code></pre>
<p>)" + p("voet.api") + " <a href=\"/v1/openapi.json\">" + p("voet.api_link") + "</a>.</p>\n</div>\n</footer>\n";
}

std::string tel_href(std::string_view nummer) {
    std::string out = "tel:";
    for (char c : nummer)
        if ((c >= '0' && c <= '9') || (c == '+' && out.size() == 4)) out.push_back(c);
    return out;
}

}  // namespace ido::service::pagina
