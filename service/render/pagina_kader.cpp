#include "service/render/pagina_kader.hpp"

#include "service/render/html.hpp"

namespace ido::service::pagina {

std::string kop(std::string_view naar_inhoud) {
    std::string out = "<header class=\"pagina-kop\">\n<a class=\"naar-inhoud\" href=\"#inhoud\">";
    html::append_escaped(out, naar_inhoud);
    out += "</a>\n<div class=\"breed\"><p class=\"merk\"><a href=\"/\">Informatiepunt Digitale Overheid</a></p></div>\n</header>\n";
    return out;
}

std::string voet() {
    return R"(<footer class="pagina-voet">
<div class="breed">
<h2>Over deze website</h2>
<p>Deze website gebruikt geen cookies en slaat niets van u op. Uw locatie wordt alleen gebruikt als u op „Gebruik mijn locatie” drukt, en alleen om de dichtstbijzijnde informatiepunten te zoeken.</p>
<p>Sommige informatiepunten zijn een voorbeeld en bestaan niet echt. Zij hebben het label „Voorbeeld, geen echte locatie”. De officiële lijst van alle informatiepunten staat niet als open data online.</p>
<h2>Voor gemeenten en bibliotheken</h2>
<p>Zet deze zoekfunctie op uw eigen website met één stukje code. Vervang GM0363 door de code van uw gemeente.</p>
<pre><code>&lt;script src="https://uw-server/widget/v1/ido-vinder.js" defer&gt;&lt;/script&gt;
&lt;ido-vinder gemeente="GM0363"&gt;&lt;/ido-vinder&gt;</code></pre>
<p>Of gebruik een iframe:</p>
<pre><code>&lt;iframe src="https://uw-server/embed?gemeente=GM0363" title="Informatiepunten Digitale Overheid" allow="geolocation" style="width:100%;height:900px;border:0"&gt;&lt;/iframe&gt;</code></pre>
<p>De gegevens zijn ook beschikbaar via een open API: <a href="/v1/openapi.json">beschrijving van de API (OpenAPI)</a>.</p>
</div>
</footer>
)";
}

std::string tel_href(std::string_view nummer) {
    std::string out = "tel:";
    for (char c : nummer)
        if ((c >= '0' && c <= '9') || (c == '+' && out.size() == 4)) out.push_back(c);
    return out;
}

}  // namespace ido::service::pagina
