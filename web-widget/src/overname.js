// Taking over a server-rendered finder (issue 15 §1). The service renders `/` and `/embed` with the
// results inside <ido-vinder> (light DOM, see service/render/pagina_finder.cpp), so the page works
// without JavaScript. When this script runs, the widget replaces that markup with its own and asks the
// same question again; so that nothing below it moves meanwhile, the element keeps at least the height
// the server's markup had until the resident first uses the widget (a shift right after input does not
// count as a layout shift).

const SERVER = ':scope > [data-ido-server]';

/** The height the server's markup takes, measured before the shadow root hides it; 0 without it. */
export function serverHoogte(el) {
  try {
    return el.querySelector(SERVER) ? el.getBoundingClientRect().height : 0;
  } catch {
    return 0;
  }
}

/** What the server's form held: { zoek, dienst, openNu } or null when there is no server markup. */
export function serverVraag(el) {
  const server = el.querySelector(SERVER);
  if (!server) return null;
  const form = server.querySelector('form');
  const waarde = (naam) => {
    const veld = form && form.elements.namedItem(naam);
    return veld && typeof veld.value === 'string' ? veld.value : '';
  };
  const nuOpen = form && form.elements.namedItem('openNu');
  return { zoek: waarde('zoek').trim(), dienst: waarde('dienst'), openNu: !!(nuOpen && nuOpen.checked) };
}

/**
 * After the widget has built its own DOM: fill in the question and ask it again. Until that answer is
 * shown, the server's markup stays on screen (through a slot) and the widget's own DOM stays hidden, so
 * the resident never sees a "loading" state that would move things; then one swap. `widget` is the
 * IdoVinder element (it has root, invoer, dienst, nuOpen, zoek(), eersteAntwoord).
 */
export function neemOver(widget, vraag, hoogte) {
  if (hoogte > 0) {
    widget.style.minHeight = `${Math.ceil(hoogte)}px`;
    const los = () => {
      widget.style.minHeight = '';
      widget.removeEventListener('pointerdown', los, true);
      widget.removeEventListener('keydown', los, true);
    };
    widget.addEventListener('pointerdown', los, true);
    widget.addEventListener('keydown', los, true);
  }
  if (vraag.dienst) {
    if (![...widget.dienst.options].some((o) => o.value === vraag.dienst)) widget.vulDienstKeuze([vraag.dienst]);
    widget.dienst.value = vraag.dienst;
  }
  widget.nuOpen.checked = vraag.openNu;
  if (vraag.zoek) widget.invoer.value = vraag.zoek;
  // The municipality's list first (when there is one), then the search: never two answers racing.
  const eerst = Promise.resolve(widget.eersteAntwoord);
  const antwoord = vraag.zoek ? eerst.then(() => widget.zoek({ zoek: vraag.zoek })) : widget.eersteAntwoord;
  // Once the widget shows its own DOM, the server's copy goes: one form and one list in the document,
  // for screen readers as for anyone querying the page.
  const server = widget.querySelector(SERVER);
  if (!antwoord) { if (server) server.remove(); return; }
  const root = widget.root;
  const slot = document.createElement('slot');
  root.hidden = true;
  widget.shadowRoot.appendChild(slot);
  let getoond = false;
  const toon = (e) => {
    if (getoond) return;
    getoond = true;
    slot.remove();
    if (server) server.remove();
    root.hidden = false;
    if (e && e.type === 'focusin') widget.invoer.focus();
  };
  Promise.resolve(antwoord).finally(() => toon());
  setTimeout(() => toon(), 8000);  // a slow network: the widget's own state after a while, whatever it is
  // Whoever starts using the page before the answer is there gets the widget at once.
  widget.addEventListener('focusin', toon, { once: true, capture: true });
}
