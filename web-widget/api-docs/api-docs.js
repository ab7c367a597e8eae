// Starts Swagger UI on /v1/docs with the service's own OpenAPI document. Nothing leaves this origin:
// no validator badge (validatorUrl null: it would ask validator.swagger.io), no remote config, and
// the bundle and its CSS are served from /widget/v1/ (web-widget/build.mjs copies them).

// Swagger UI 5 leaves a few accessibility faults in its markup (axe-core: a second h1, unnamed server
// select, a link inside the operation button). They are repaired after every render, since React
// re-creates the elements; tests/widget/docs.test.mjs checks the result with axe-core.
function toegankelijker(root) {
  for (const titel of root.querySelectorAll('.info .title')) {
    // The page has its own h1; Swagger's title is a level-2 heading under it.
    if (titel.getAttribute('aria-level') !== '2') {
      titel.setAttribute('role', 'heading');
      titel.setAttribute('aria-level', '2');
    }
  }
  // Every select a name (the server, the media types of examples and answers).
  for (const select of root.querySelectorAll('select:not([aria-label])')) {
    const naam = select.id === 'servers' ? 'Server voor Try it out'
      : select.closest('.response-control-media-type, .content-type-wrapper, .body-param-content-type') ? 'Mediatype'
      : select.closest('.examples-select') ? 'Voorbeeld' : 'Keuze';
    select.setAttribute('aria-label', naam);
  }
  // The blocks above the operations (title, servers) as named regions: all content in a landmark.
  for (const [selector, naam] of [['.information-container', 'Over deze API'], ['.schemes-server-container', 'Server en sleutel']]) {
    const blok = root.querySelector(selector);
    if (blok && !blok.hasAttribute('role')) {
      blok.setAttribute('role', 'region');
      blok.setAttribute('aria-label', naam);
    }
  }
  // Scrollable examples reachable by keyboard.
  for (const pre of root.querySelectorAll('.highlight-code > pre:not([tabindex])')) pre.setAttribute('tabindex', '0');
}

window.addEventListener('DOMContentLoaded', () => {
  const root = document.getElementById('swagger-ui');
  new MutationObserver(() => toegankelijker(root)).observe(root, { childList: true, subtree: true });
  window.SwaggerUIBundle({
    url: '/v1/openapi.json',
    dom_id: '#swagger-ui',
    validatorUrl: null,
    // No deep links: Swagger puts them as links inside the operation's button (nested interactive).
    deepLinking: false,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    displayRequestDuration: true,
    syntaxHighlight: { activated: false },
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
