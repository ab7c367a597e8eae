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
 * After the widget has built its own DOM: fill in the question, keep the height, search again.
 * `widget` is the IdoVinder element (it has invoer, dienst, nuOpen, zoek()).
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
  if (vraag.zoek) {
    widget.invoer.value = vraag.zoek;
    widget.zoek({ zoek: vraag.zoek });
  }
}
