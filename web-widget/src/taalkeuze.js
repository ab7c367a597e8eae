// The widget's language (issue 15 §3): which one, and the visible choice between them.
//
// Which language: the `taal` attribute, else the page's `?taal=`, else the first of the browser's
// `navigator.languages` that we have, else Dutch. With `uit-url` (the /embed page) the page URL comes
// first, as for every other setting there. The choice is a short list of links, each in its own
// language ("العربية", "Türkçe", ...), the same markup the service renders on its pages
// (service/render/pagina_taalkeuze.cpp), so it also works as plain links; with the script it switches
// in place and keeps the search.
import { TALEN, teksten } from './teksten.js';
import { h } from './dom.js';

function bekend(code) {
  const c = String(code || '').trim().toLowerCase().split(/[-_]/)[0];
  return TALEN.includes(c) ? c : null;
}

function uitUrl() {
  try { return bekend(new URLSearchParams(location.search).get('taal')); } catch { return null; }
}

/** The language code the element shows. */
export function kiesTaal(el) {
  if (el.hasAttribute('uit-url')) {
    const u = uitUrl();
    if (u) return u;
  }
  const a = bekend(el.getAttribute('taal'));
  if (a) return a;
  const u = uitUrl();
  if (u) return u;
  const voorkeur = (typeof navigator !== 'undefined' && (navigator.languages || [navigator.language])) || [];
  for (const l of voorkeur) {
    const b = bekend(l);
    if (b) return b;
  }
  return 'nl';
}

/** The current page address with ?taal= set to `code`, every other parameter kept. */
export function taalHref(code) {
  const url = new URL(location.href);
  url.searchParams.set('taal', code);
  return url.pathname + url.search + url.hash;
}

/**
 * The language choice for `widget` (an IdoVinder), or null with taalkeuze="uit" (a host page that has
 * its own, like the service's `/`). Each link carries `lang` and `hreflang`; the current one has
 * aria-current.
 */
export function taalKeuze(widget, t) {
  if ((widget.getAttribute('taalkeuze') || 'aan').toLowerCase() === 'uit') return null;
  const links = TALEN.map((code) => {
    const a = h('a', { href: taalHref(code), lang: code, hreflang: code, 'data-taal': code, dir: teksten(code).richting },
      teksten(code).taalNaam);
    if (code === t.taalcode) a.setAttribute('aria-current', 'true');
    a.addEventListener('click', (e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button > 0) return;  // a new tab: let the link be a link
      e.preventDefault();
      wisselTaal(widget, code);
    });
    return h('li', null, a);
  });
  return h('nav', { class: 'talen', 'aria-label': t.taalKeuze }, h('ul', null, links));
}

/** The document's own lang and dir, when the widget is the page (uit-url: /embed). */
export function taalVanPagina(widget, t) {
  if (widget.hasAttribute('uit-url')) document.documentElement.dir = t.richting;
}

/** Re-renders `widget` in `code`, keeping what was asked and the filters; focus stays on the choice. */
export function wisselTaal(widget, code) {
  const oud = widget.t;
  const vraag = widget.staat && widget.staat.zoekvraag ? { ...widget.staat.zoekvraag } : null;
  const invoer = widget.invoer ? widget.invoer.value : '';
  const dienst = widget.dienst ? widget.dienst.value : '';
  const nuOpen = widget.nuOpen ? widget.nuOpen.checked : false;
  if (widget.hasAttribute('uit-url') || new URLSearchParams(location.search).has('taal')) {
    // A reload (or a shared link) keeps the language the resident chose.
    try { history.replaceState(history.state, '', taalHref(code)); } catch { /* a sandboxed frame */ }
  }
  const voor = widget.getAttribute('taal');
  widget.setAttribute('taal', code);
  if (voor === code) widget.opbouwen();  // the URL decided before (uit-url): no attribute change to react to
  const t = widget.t;
  if (dienst) {
    if (![...widget.dienst.options].some((o) => o.value === dienst)) widget.vulDienstKeuze([dienst]);
    widget.dienst.value = dienst;
  }
  widget.nuOpen.checked = nuOpen;
  widget.invoer.value = invoer;
  if (vraag) {
    if (oud && vraag.naam === oud.mijnLocatie) vraag.naam = t.mijnLocatie;
    // After the municipality's list (when there is one): never two answers racing.
    Promise.resolve(widget.eersteAntwoord).then(() => widget.zoek(vraag));
  }
  const link = widget.shadowRoot.querySelector(`.talen a[data-taal="${code}"]`);
  if (link) link.focus();
}
