#include "service/endpoints/toegankelijkheid.hpp"

#include "service/render/html.hpp"

#include <string>

namespace ido::service {
namespace {

// The statement follows the model of the Dutch government (digitoegankelijk.nl/toegankelijkheidsverklaring):
// what it covers, the status, how it was checked, what is known not to work, and how to report a
// problem. The status is C ("eerste maatregelen"), not A: the checks are our own automated tests, and
// status A needs a full audit by an independent expert (not done yet). Update the date when it changes.
constexpr const char* statement_body = R"html(<header class="pagina-kop">
  <a class="naar-inhoud" href="#inhoud">Naar de verklaring</a>
  <div class="breed">
    <p class="merk">Informatiepunt Digitale Overheid</p>
  </div>
</header>
<main id="inhoud" tabindex="-1">
  <div class="breed">
    <h1>Toegankelijkheidsverklaring</h1>
    <p class="inleiding">Iedereen moet ido-vinder kunnen gebruiken: met een toetsenbord, een schermlezer, een vergroting of een klein scherm. Hier leest u hoe toegankelijk ido-vinder is, hoe wij dat testen en wat nog niet goed werkt.</p>

    <h2>Waar deze verklaring over gaat</h2>
    <p>Deze verklaring geldt voor de zoekpagina (<a href="/">/</a>), de zoekfunctie die andere websites kunnen insluiten (de widget en <a href="/embed">/embed</a>), de beheerpagina voor bibliotheken en gemeenten (<a href="/beheer">/beheer</a>), de API-documentatie (<a href="/v1/docs">/v1/docs</a>) en deze pagina. De norm is WCAG 2.1 op niveau AA (EN 301 549), zoals het Besluit digitale toegankelijkheid overheid vraagt.</p>

    <h2>Status: C, eerste maatregelen genomen</h2>
    <p>Wij testen de toegankelijkheid zelf, bij elke wijziging, met automatische tests. Een volledig onderzoek door een onafhankelijke deskundige is nog niet gedaan. Daarom is de status C en niet A. Gemeenten en bibliotheken die ido-vinder gebruiken, kunnen zo'n onderzoek laten doen; de uitkomst komt dan op deze pagina.</p>

    <h2>Hoe wij testen</h2>
    <p>Bij elke wijziging draaien deze tests in de browser Chromium:</p>
    <ul>
      <li>axe-core (de toegankelijkheidsregels van Deque) vindt 0 fouten op de zoekpagina, in de widget (ook in een iframe en met zoekresultaten), op de beheerpagina in al haar stappen, op de API-documentatie en op deze pagina. Zie de bestanden <code>tests/widget/widget.test.mjs</code>, <code>tests/widget/beheer.test.mjs</code> en <code>tests/widget/docs.test.mjs</code>.</li>
      <li>De zoekfunctie werkt met alleen een toetsenbord: zoeken, een informatiepunt openen, de kaart doorlopen en weer terug. Dat test <code>widget.test.mjs</code>. Voor de beheerpagina is zo'n test er nog niet.</li>
      <li>De zoekfunctie en de beheerpagina werken op een scherm van 320 pixels breed, zonder horizontaal te scrollen (<code>widget.test.mjs</code>, <code>beheer.test.mjs</code>).</li>
      <li>De zoekresultaten staan ook als lijst naast de kaart. Wie de kaart niet kan zien of bedienen, mist zo niets.</li>
    </ul>
    <p>Automatische tests vinden niet alle problemen. Een mens met een schermlezer vindt soms meer.</p>

    <h2>Wat nog niet goed werkt</h2>
    <ul>
      <li>De kaart zelf (de tegels met straten) is een plaatje. De informatie op de kaart staat ook in de lijst.</li>
      <li>De API-documentatie gebruikt Swagger UI. Daarin zijn kleurcontrast, koppen en namen van keuzelijsten door ons verbeterd. Teksten van Swagger UI zelf, zoals knoppen, zijn Engels.</li>
      <li>De gegevens van informatiepunten komen van bibliotheken en gemeenten. Zij schrijven zelf de teksten, bijvoorbeeld over spreekuren.</li>
    </ul>

    <h2>Een probleem melden</h2>
    <p>Kunt u iets niet gebruiken of lezen? Laat het ons weten via <a href="mailto:ontwikkelaars@ido-vinder.nl">ontwikkelaars@ido-vinder.nl</a>. Zeg op welke pagina het was en wat er misging. Wij antwoorden binnen 5 werkdagen en zeggen wanneer het is opgelost.</p>
    <p>Bent u niet tevreden met ons antwoord? Dan kunt u een klacht indienen bij de Nationale ombudsman.</p>

    <h2>Over deze verklaring</h2>
    <p>Deze verklaring is opgesteld op 1 december 2026 en wordt bijgewerkt als er iets verandert.</p>
  </div>
</main>)html";

}  // namespace

HttpResponse get_toegankelijkheid(const HttpRequest&) {
    html::Page page;
    page.title = "Toegankelijkheidsverklaring | ido-vinder";
    page.description = "Hoe toegankelijk ido-vinder is, hoe dat getest wordt, wat nog niet goed werkt en waar u een probleem meldt.";
    page.canonical = "/toegankelijkheid";
    page.stylesheets = {"/widget/v1/pagina.css"};
    // "Toegankelijkheidsverklaring", the file names and the e-mail address are long words: on a 320 px
    // screen the heading is smaller and hyphenated, and the rest may wrap anywhere.
    page.head_extra =
        "<style>main code, main a { overflow-wrap: anywhere; } main h1 { hyphens: auto; overflow-wrap: break-word; }"
        " @media (max-width: 30rem) { main h1 { font-size: 1.5rem; } }</style>\n";
    page.body = statement_body;
    return html::html_response(html::render_document(page), "/toegankelijkheid");
}

}  // namespace ido::service
