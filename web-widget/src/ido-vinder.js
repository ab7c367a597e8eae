// <ido-vinder>: finds the nearest Informatiepunt Digitale Overheid.
//
//   <script src="https://host/widget/v1/ido-vinder.js" defer></script>
//   <ido-vinder gemeente="GM0363"></ido-vinder>
//
// Attributes: gemeente (GMxxxx, optional), taal (nl|en|ar|tr|pl|uk; else ?taal=, else the browser's
// languages: web-widget/src/taalkeuze.js), taalkeuze (uit: no language choice of its own), kaart (aan|uit), api (base URL, default:
// the origin this script came from), tegels (tile URL template), meld-url (where "Meld een fout"
// goes; {id} and {naam} are filled in), kop (uit: title only for screen readers, no intro), uit-url (read gemeente/taal/kaart/meld-url from the page URL:
// used by the iframe page). Everything lives in a Shadow DOM; theme it with the --ido-* custom
// properties (see web-widget/README.md). No cookies, no storage; requests go only to the API and,
// when the map is on, to the tile server. Geolocation is asked only after the button is pressed.
import { teksten } from './teksten.js';
import * as fmt from './opmaak.js';
import { h, leeg, veiligeUrl } from './dom.js';
import { Kaart } from './kaart.js';
import { serverHoogte, serverVraag, neemOver } from './overname.js';
import { toonAlternatieven } from './alternatieven.js';
import { toonPartners } from './partners.js';
import { voorbeeldParams, toonVoorbeeld } from './voorbeelden.js';
import stijlWidget from './stijl.css';
import stijlLeaflet from 'leaflet/dist/leaflet.css';
import { gecontroleerdRegel, meldBlok } from './melding.js';
import { kiesTaal, taalKeuze, taalVanPagina } from './taalkeuze.js';

const SCRIPT_ORIGIN = (() => {
  try {
    const s = document.currentScript;
    if (s && s.src) return new URL(s.src, location.href).origin;
  } catch { /* fall through */ }
  return location.origin;
})();

const STANDAARD_TEGELS = 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png';
const DIENSTEN = ['digid', 'belastingdienst', 'toeslagen', 'uwv', 'svb', 'cjib', 'cbr', 'duo', 'zorg', 'gemeente', 'digitale-vaardigheden'];
const LIMIET = 10;
let volgnummer = 0;

let gedeeldeStijl = null;
function stijlVoor(root) {
  const css = stijlLeaflet + '\n' + stijlWidget;
  // Constructed style sheets also work under a strict Content-Security-Policy (no 'unsafe-inline').
  try {
    if (!gedeeldeStijl) {
      gedeeldeStijl = new CSSStyleSheet();
      gedeeldeStijl.replaceSync(css);
    }
    root.adoptedStyleSheets = [gedeeldeStijl];
  } catch {
    root.appendChild(h('style', null, css));
  }
}

class FoutMetCode extends Error {
  constructor(status, probleem) {
    super((probleem && (probleem.detail || probleem.title)) || `HTTP ${status}`);
    this.status = status;
    this.code = probleem && probleem.code;
    this.invalidParams = (probleem && Array.isArray(probleem.invalidParams)) ? probleem.invalidParams : [];
  }
}

class IdoVinder extends HTMLElement {
  static get observedAttributes() {
    return ['gemeente', 'taal', 'kaart', 'api', 'tegels', 'meld-url', 'kop', 'voorbeelden', 'taalkeuze'];
  }

  constructor() {
    super();
    this.serverHoogte = serverHoogte(this);  // before the shadow root hides the server's markup
    this.attachShadow({ mode: 'open' });
    stijlVoor(this.shadowRoot);
    // Until the takeover below, the server's markup stays on screen through a slot.
    if (this.serverHoogte > 0) this.shadowRoot.appendChild(document.createElement('slot'));
    this.uid = `ido${++volgnummer}`;
  }

  connectedCallback() {
    if (!this.isConnected) return;
    if (!this.root && this.serverHoogte > 0 && (this.gemeente || (serverVraag(this) || {}).zoek)) {
      // The server has rendered an answer (a list) already: take it over in a task of its own, not in
      // the one that evaluates this script, so an old phone gets no single long task (bench/README.md).
      // Without an answer the takeover is short and stays in this task (before the first paint).
      clearTimeout(this.bouwTimer);
      this.bouwTimer = setTimeout(() => { if (this.isConnected && !this.root) this.opbouwen(); });
      return;
    }
    this.opbouwen();
  }

  disconnectedCallback() {
    this.afbreken();
  }

  attributeChangedCallback(naam, oud, nieuw) {
    if (oud !== nieuw && this.isConnected && this.root) this.opbouwen();
  }

  afbreken() {
    clearTimeout(this.bouwTimer);
    clearTimeout(this.kaartTimer);
    if (this.kaart) this.kaart.verwijder();
    this.kaart = null;
    if (this.zoekAbort) this.zoekAbort.abort();
    if (this.sugAbort) this.sugAbort.abort();
    if (this.resizeObs) this.resizeObs.disconnect();
  }

  instelling(naam) {
    if (this.hasAttribute('uit-url')) {
      const v = new URLSearchParams(location.search).get(naam);
      if (v !== null && v !== '') return v;
    }
    return this.getAttribute(naam);
  }

  // ---- configuration ----
  get taal() { return kiesTaal(this); }
  get gemeente() {
    const g = (this.instelling('gemeente') || '').trim().toUpperCase();
    return /^GM\d{4}$/.test(g) ? g : null;
  }
  get metKaart() { return (this.instelling('kaart') || 'aan').toLowerCase() !== 'uit'; }
  get api() { return (this.getAttribute('api') || SCRIPT_ORIGIN).replace(/\/+$/, ''); }
  get tegels() { return this.getAttribute('tegels') || STANDAARD_TEGELS; }
  get meldUrl() { return this.instelling('meld-url'); }
  /** kop="uit": no title and intro of our own (the host page has them). */
  get metKop() { return (this.getAttribute('kop') || 'aan').toLowerCase() !== 'uit'; }

  id_(naam) { return `${this.uid}-${naam}`; }

  // ---- building the DOM once per configuration ----
  opbouwen() {
    this.afbreken();
    const serverVraagOpBouw = this.root ? null : serverVraag(this);
    const t = (this.t = teksten(this.taal));
    if (this.hasAttribute('uit-url')) document.documentElement.lang = t.taalcode;
    taalVanPagina(this, t);
    this.staat = {
      resultaten: [], zoekpunt: null, plek: null, gekozen: null, modus: 'begin',
      zoekvraag: null, suggesties: [], actief: -1, gekozenSuggestie: null,
    };
    const root = this.shadowRoot;
    for (const n of [...root.childNodes]) if (n.nodeName !== 'STYLE') root.removeChild(n);

    this.kop = h('h2', { class: this.metKop ? 'kop' : 'vh', id: this.id_('kop') }, t.titel);
    this.invoer = h('input', {
      id: this.id_('zoek'), type: 'text', class: 'invoer', role: 'combobox',
      'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': this.id_('sug'),
      'aria-describedby': this.id_('hint'), autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false',
      enterkeyhint: 'search',
    });
    this.sugLijst = h('ul', { id: this.id_('sug'), role: 'listbox', class: 'suggesties', 'aria-label': t.suggestiesLabel, hidden: true });
    this.sugStatus = h('div', { class: 'vh', 'aria-live': 'polite' });
    this.locKnop = h('button', { type: 'button', class: 'knop knop-tweede locatie' },
      h('span', { class: 'icoon-locatie', 'aria-hidden': 'true' }), t.locatieKnop);
    this.melding = h('div', { class: 'melding', role: 'alert' });
    this.nuOpen = h('input', { type: 'checkbox', id: this.id_('nuopen') });
    this.dienst = h('select', { id: this.id_('dienst'), class: 'keuze' });
    this.vulDienstKeuze([]);
    this.aantal = h('p', { class: 'aantal', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.lijst = h('ol', { class: 'lijst', 'aria-label': t.resultatenLabel });
    this.leegTekst = h('p', { class: 'uitleg-leeg' });
    this.detail = h('section', { class: 'detail', hidden: true, 'aria-labelledby': this.id_('dkop') });
    this.lijstPaneel = h('div', { class: 'lijst-paneel' }, this.leegTekst, this.lijst);
    this.kaartEl = this.metKaart ? h('div', { class: 'kaart' }) : null;

    const form = h('form', { class: 'zoekform', role: 'search', novalidate: true },
      h('label', { for: this.id_('zoek'), class: 'label' }, t.zoekLabel),
      h('p', { id: this.id_('hint'), class: 'hint' }, t.zoekHint),
      h('div', { class: 'zoekrij' },
        h('div', { class: 'combobox' }, this.invoer, this.sugLijst),
        h('button', { type: 'submit', class: 'knop' }, t.zoekKnop)),
      this.sugStatus);

    this.root = h('div', { class: 'ido' + (this.metKaart ? ' met-kaart' : ' zonder-kaart'), lang: t.taalcode, dir: t.richting },
      taalKeuze(this, t),
      h('div', { class: 'boven' },
        this.kop,
        this.metKop ? h('p', { class: 'intro' }, t.uitleg) : null,
        form,
        this.locKnop,
        this.melding,
        h('fieldset', { class: 'filters' },
          h('legend', { class: 'vh' }, t.filtersLabel),
          h('div', { class: 'filter-nuopen' }, this.nuOpen, h('label', { for: this.id_('nuopen') }, t.filterNuOpen)),
          h('div', { class: 'filter-dienst' }, h('label', { for: this.id_('dienst') }, t.filterDienst), this.dienst)),
        this.aantal),
      h('div', { class: 'inhoud' }, this.lijstPaneel, this.detail, this.kaartEl),
      (this.partnersEl = h('section', { class: 'partners', hidden: true })),
      h('footer', { class: 'bronnen' },
        h('h3', { class: 'vh' }, t.bronnen),
        h('ul', null,
          this.metKaart ? h('li', null, t.bronKaart) : null,
          h('li', null, t.bronGrenzen),
          h('li', null, t.bronPostcodes))));
    root.appendChild(this.root);

    form.addEventListener('submit', (e) => { e.preventDefault(); this.zoekUitInvoer(); });
    this.invoer.addEventListener('input', () => this.opInvoer());
    this.invoer.addEventListener('keydown', (e) => this.opToets(e));
    this.invoer.addEventListener('blur', () => setTimeout(() => this.sluitSuggesties(), 150));
    this.sugLijst.addEventListener('mousedown', (e) => e.preventDefault());
    this.sugLijst.addEventListener('click', (e) => {
      const li = e.target.closest('[role=option]');
      if (li) this.kiesSuggestie(Number(li.dataset.i));
    });
    this.locKnop.addEventListener('click', () => this.gebruikLocatie());
    this.nuOpen.addEventListener('change', () => this.filtersGewijzigd());
    this.dienst.addEventListener('change', () => this.filtersGewijzigd());
    this.root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !this.detail.hidden) { e.preventDefault(); this.sluitDetail(); }
    });

    // The map in a task of its own too (or with the first results, whichever comes first).
    if (this.kaartEl) this.kaartTimer = setTimeout(() => this.maakKaart());

    this.eersteAntwoord = this.gemeente ? this.laadGemeente() : null;
    if (!this.gemeente) this.toonBegin();
    if (serverVraagOpBouw) neemOver(this, serverVraagOpBouw, this.serverHoogte);
  }

  maakKaart() {
    clearTimeout(this.kaartTimer);
    if (this.kaart || !this.kaartEl || !this.isConnected) return;
    // Leaflet needs the container in the document with a size; it is, as we are connected.
    this.kaart = new Kaart(this.kaartEl, { tegels: this.tegels, t: this.t, opKies: (id) => this.openDetail(id, true) });
    if (typeof ResizeObserver === 'function') {
      this.resizeObs = new ResizeObserver(() => this.kaart && this.kaart.herteken());
      this.resizeObs.observe(this.kaartEl);
    }
  }

  vulDienstKeuze(extra) {
    const t = this.t;
    const huidig = this.dienst.value;
    const codes = [...DIENSTEN, ...extra.filter((c) => !DIENSTEN.includes(c)).sort()];
    leeg(this.dienst);
    this.dienst.appendChild(h('option', { value: '' }, t.filterDienstAlle));
    for (const c of codes) this.dienst.appendChild(h('option', { value: c }, fmt.dienstLabel(c, t)));
    this.dienst.value = codes.includes(huidig) ? huidig : '';
  }

  // ---- talking to the API ----
  async haal(pad, params, signal) {
    const url = new URL(this.api + pad);
    if (params) for (const [k, v] of params) url.searchParams.append(k, v);
    const res = await fetch(url.href, { credentials: 'omit', signal, headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await res.json(); } catch { body = null; }
    if (!res.ok) throw new FoutMetCode(res.status, body);
    return body;
  }

  filterParams() {
    const p = [];
    if (this.nuOpen.checked) p.push(['openNu', 'true']);
    if (this.dienst.value) p.push(['dienst', this.dienst.value]);
    p.push(...voorbeeldParams(this));
    return p;
  }

  bezig() {
    this.aantal.textContent = this.t.laden;
    this.root.setAttribute('aria-busy', 'true');
  }

  klaar() {
    this.root.removeAttribute('aria-busy');
  }

  async laadGemeente() {
    const t = this.t;
    this.staat.modus = 'gemeente';
    this.bezig();
    try {
      const data = await this.haal(`/v1/gemeenten/${encodeURIComponent(this.gemeente)}/informatiepunten`);
      if (data.gemeente && data.gemeente.naam) {
        this.kop.textContent = t.titelGemeente(data.gemeente.naam);
        this.gemeenteNaam = data.gemeente.naam;
      }
      const lijst = (data.informatiepunten || []).slice()
        .sort((a, b) => String(a.naam).localeCompare(String(b.naam), t.taalcode));
      this.staat.alles = lijst;
      this.staat.zoekpunt = null;
      this.staat.plek = null;
      this.toonResultaten(this.filterLokaal(lijst));
      // The municipality's own partners (web-widget/src/partners.js), after the list.
      toonPartners(this.partnersEl, { haal: (pad) => this.haal(pad), gemeente: this.gemeente, t });
    } catch (e) {
      this.toonFout(e);
    } finally {
      this.klaar();
    }
  }

  filterLokaal(lijst) {
    const nuOpen = this.nuOpen.checked;
    const dienst = this.dienst.value;
    return lijst.filter((ip) => (!nuOpen || (ip.status && ip.status.code === 'open'))
      && (!dienst || (ip.diensten || []).includes(dienst)) && toonVoorbeeld(this, ip));
  }

  filtersGewijzigd() {
    if (this.staat.zoekvraag) this.zoek(this.staat.zoekvraag);
    else if (this.staat.modus === 'gemeente' && this.staat.alles) this.toonResultaten(this.filterLokaal(this.staat.alles));
  }

  /** vraag: {zoek: text} or {lat, lon, naam} */
  async zoek(vraag) {
    const t = this.t;
    this.staat.zoekvraag = vraag;
    this.melding.textContent = '';
    if (this.zoekAbort) this.zoekAbort.abort();
    const abort = (this.zoekAbort = new AbortController());
    const params = [];
    if (vraag.zoek) params.push(['zoek', vraag.zoek]);
    else { params.push(['lat', String(vraag.lat)]); params.push(['lon', String(vraag.lon)]); }
    const filters = this.filterParams();
    this.bezig();
    try {
      let data;
      try {
        data = await this.haal('/v1/informatiepunten', [...params, ['limit', String(LIMIET)], ...filters], abort.signal);
      } catch (e) {
        // An older service that does not know a filter parameter yet: ask without it, a longer
        // list, and filter here (filterLokaal below), so the filters still work.
        const onbekend = new Set((e.invalidParams || []).map((p) => p.name));
        if (!filters.length || !filters.some(([k]) => onbekend.has(k))) throw e;
        data = await this.haal('/v1/informatiepunten',
          [...params, ['limit', '100'], ...filters.filter(([k]) => !onbekend.has(k))], abort.signal);
      }
      if (abort.signal.aborted) return;
      if (data.zoeklocatie === null && Array.isArray(data.kandidaten) && data.kandidaten.length) {
        // An ambiguous name (Rijswijk, Hengelo, Bergen): the service does not guess, so neither do we.
        this.toonKandidaten(vraag.zoek || '', data.kandidaten);
        return;
      }
      this.staat.modus = 'zoek';
      const zp = data.zoekpunt && data.zoekpunt.coordinates;
      this.staat.zoekpunt = zp ? { lon: zp[0], lat: zp[1] } : (vraag.lat !== undefined ? { lat: vraag.lat, lon: vraag.lon } : null);
      this.staat.plek = vraag.naam || (data.zoeklocatie && data.zoeklocatie.naam) || vraag.zoek || null;
      const lijst = (data.informatiepunten || []).slice();
      if (lijst.every((ip) => typeof ip.afstand === 'number')) lijst.sort((a, b) => a.afstand - b.afstand);
      this.toonResultaten(this.filterLokaal(lijst).slice(0, LIMIET));
    } catch (e) {
      if (e.name === 'AbortError') return;
      // The geocoder's answer comes as the code of the `zoek` parameter inside a 400.
      const zoekCode = (e.invalidParams || []).find((p) => p.name === 'zoek' || p.name === 'postcode');
      const nietGevonden = zoekCode && ['niet-gevonden', 'ongeldige-postcode', 'te-lang', 'ongeldige-tekens'].includes(zoekCode.code);
      if (nietGevonden || e.code === 'niet-gevonden' || (e.status === 404 && vraag.zoek)) {
        this.melding.textContent = t.nietGevonden(vraag.zoek || '');
        this.aantal.textContent = '';
      } else {
        this.toonFout(e);
      }
    } finally {
      if (this.zoekAbort === abort) this.klaar();
    }
  }

  /** Lists the places an ambiguous name may mean, as buttons; choosing one searches from there. */
  toonKandidaten(q, kandidaten) {
    const t = this.t;
    this.toonResultaten([]);  // the previous search's results no longer answer this question
    leeg(this.melding);
    const knoppen = kandidaten.slice(0, 8).map((k) => {
      const [lon, lat] = k.geometrie.coordinates;
      const label = `${k.naam} (${k.gemeentenaam}, ${k.provincie})`;
      return h('li', null, h('button', {
        type: 'button', class: 'knop knop-tweede kandidaat',
        onclick: () => this.zoek({ lat, lon, naam: label }),
      }, label));
    });
    this.melding.append(h('p', null, t.welkePlaats(q)), h('ul', { class: 'kandidaten' }, knoppen));
    this.aantal.textContent = '';
    const eerste = this.melding.querySelector('button');
    if (eerste) eerste.focus();
  }

  stopSuggesties() {
    clearTimeout(this.sugTimer);
    this.sugBezig = false;
    if (this.sugAbort) this.sugAbort.abort();
    this.sluitSuggesties();
  }

  zoekUitInvoer() {
    const t = this.t;
    const q = this.invoer.value.trim();
    const actief = this.staat.actief >= 0 ? this.staat.suggesties[this.staat.actief] : null;
    this.stopSuggesties();
    if (actief) return this.kiesSuggestie(this.staat.actief);
    if (!q) {
      this.melding.textContent = t.leegZoekvak;
      this.invoer.focus();
      return;
    }
    const g = this.staat.gekozenSuggestie;
    if (g && g.label === q && g.geometrie) {
      return this.zoek({ lat: g.geometrie.coordinates[1], lon: g.geometrie.coordinates[0], naam: g.label });
    }
    return this.zoek({ zoek: q });
  }

  gebruikLocatie() {
    const t = this.t;
    this.melding.textContent = '';
    if (!navigator.geolocation) { this.melding.textContent = t.locatieNietMogelijk; return; }
    this.aantal.textContent = t.locatieBezig;
    this.locKnop.disabled = true;
    navigator.geolocation.getCurrentPosition((pos) => {
      this.locKnop.disabled = false;
      // Three decimals (about 100 m) are enough to find the nearest help point; no more leaves the browser.
      const r = (x) => Math.round(x * 1000) / 1000;
      this.invoer.value = '';
      this.zoek({ lat: r(pos.coords.latitude), lon: r(pos.coords.longitude), naam: t.mijnLocatie });
    }, (err) => {
      this.locKnop.disabled = false;
      this.aantal.textContent = '';
      this.melding.textContent = err && err.code === 1 ? t.locatieGeweigerd : t.locatieMislukt;
      this.locKnop.focus();
    }, { enableHighAccuracy: false, timeout: 20000, maximumAge: 300000 });
  }

  // ---- combobox (ARIA 1.2 pattern, list autocomplete) ----
  opInvoer() {
    this.staat.gekozenSuggestie = null;
    this.melding.textContent = '';
    clearTimeout(this.sugTimer);
    const q = this.invoer.value.trim();
    if (q.length < 2) { this.stopSuggesties(); return; }
    this.sugBezig = true;
    this.sugTimer = setTimeout(() => this.haalSuggesties(q), 200);
  }

  async haalSuggesties(q) {
    if (this.sugAbort) this.sugAbort.abort();
    const abort = (this.sugAbort = new AbortController());
    try {
      const data = await this.haal('/v1/zoeksuggesties', [['q', q]], abort.signal);
      if (abort.signal.aborted || this.invoer.value.trim() !== q) return;
      this.sugBezig = false;
      this.toonSuggesties((data.zoeksuggesties || []).slice(0, 8));
    } catch {
      if (!abort.signal.aborted) { this.sugBezig = false; this.sluitSuggesties(); }
    }
  }

  toonSuggesties(lijst) {
    this.staat.suggesties = lijst;
    this.staat.actief = -1;
    leeg(this.sugLijst);
    this.invoer.removeAttribute('aria-activedescendant');
    if (!lijst.length || this.shadowRoot.activeElement !== this.invoer) { this.sluitSuggesties(); return; }
    lijst.forEach((s, i) => {
      this.sugLijst.appendChild(h('li', { role: 'option', id: this.id_(`sug-${i}`), 'aria-selected': 'false', 'data-i': i, class: 'suggestie' }, s.label));
    });
    this.sugLijst.hidden = false;
    this.invoer.setAttribute('aria-expanded', 'true');
    this.sugStatus.textContent = this.t.suggestiesAantal(lijst.length);
  }

  sluitSuggesties() {
    if (!this.sugLijst) return;
    this.sugLijst.hidden = true;
    this.invoer.setAttribute('aria-expanded', 'false');
    this.invoer.removeAttribute('aria-activedescendant');
    this.staat.actief = -1;
    this.sugStatus.textContent = '';
  }

  zetActief(i) {
    const n = this.staat.suggesties.length;
    if (!n) return;
    this.staat.actief = (i + n) % n;
    [...this.sugLijst.children].forEach((li, j) => li.setAttribute('aria-selected', j === this.staat.actief ? 'true' : 'false'));
    const li = this.sugLijst.children[this.staat.actief];
    this.invoer.setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView({ block: 'nearest' });
  }

  opToets(e) {
    const open = !this.sugLijst.hidden;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open && this.staat.suggesties.length) { this.toonSuggesties(this.staat.suggesties); }
      this.zetActief(this.staat.actief + 1);
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      this.zetActief(this.staat.actief - 1);
    } else if (e.key === 'Escape') {
      if (open || this.sugBezig) { e.preventDefault(); e.stopPropagation(); this.stopSuggesties(); } else if (this.invoer.value) { e.preventDefault(); this.invoer.value = ''; }
    } else if (e.key === 'Enter' && open && this.staat.actief >= 0) {
      e.preventDefault();
      this.kiesSuggestie(this.staat.actief);
    }
  }

  kiesSuggestie(i) {
    const s = this.staat.suggesties[i];
    if (!s) return;
    this.invoer.value = s.label;
    this.staat.gekozenSuggestie = s;
    this.stopSuggesties();
    if (s.geometrie && Array.isArray(s.geometrie.coordinates)) {
      this.zoek({ lat: s.geometrie.coordinates[1], lon: s.geometrie.coordinates[0], naam: s.label });
    } else {
      this.zoek({ zoek: s.label });
    }
  }

  // ---- showing results ----
  toonBegin() {
    this.staat.modus = 'begin';
    this.leegTekst.textContent = this.t.begin;
    this.leegTekst.hidden = false;
    this.aantal.textContent = '';
    leeg(this.lijst);
  }

  toonFout(e) {
    if (e && e.name === 'AbortError') return;
    this.aantal.textContent = '';
    this.melding.textContent = this.t.fout;
  }

  toonResultaten(lijst) {
    const t = this.t;
    this.staat.resultaten = lijst;
    this.sluitDetail(false);
    const extra = new Set();
    for (const ip of lijst) for (const d of ip.diensten || []) extra.add(d);
    this.vulDienstKeuze([...extra]);
    leeg(this.lijst);
    if (this.staat.plek) this.aantal.textContent = t.aantalBij(lijst.length, this.staat.plek);
    else if (this.gemeenteNaam) this.aantal.textContent = t.aantalIn(lijst.length, this.gemeenteNaam);
    else this.aantal.textContent = t.aantal(lijst.length);
    this.leegTekst.hidden = lijst.length > 0;
    this.leegTekst.textContent = lijst.length ? '' : t.geenResultaatTip;
    lijst.forEach((ip, i) => this.lijst.appendChild(this.lijstItem(ip, i + 1)));
    toonAlternatieven(this.lijstPaneel, lijst, t, this.staat.modus === 'zoek');
    this.maakKaart();
    if (this.kaart) {
      this.kaart.toon(lijst.map((ip, i) => {
        const c = ip.geometrie && ip.geometrie.coordinates;
        return {
          id: ip.id, nr: i + 1, naam: ip.naam, voorbeeld: fmt.isVoorbeeld(ip),
          extra: [typeof ip.afstand === 'number' ? fmt.afstand(ip.afstand, t) : null, fmt.isVoorbeeld(ip) ? t.voorbeeld : null].filter(Boolean).join(', '),
          lat: c ? c[1] : NaN, lon: c ? c[0] : NaN,
        };
      }), this.staat.zoekpunt);
    }
  }

  lijstItem(ip, nr) {
    const t = this.t;
    const st = fmt.status(ip, t);
    const diensten = (ip.diensten || []).map((d) => fmt.dienstLabel(d, t));
    const knop = h('button', { type: 'button', class: 'item-knop', 'data-id': ip.id }, ip.naam);
    knop.addEventListener('click', () => this.openDetail(ip.id, false));
    return h('li', { class: 'item', 'data-id': ip.id },
      h('span', { class: 'nr', 'aria-hidden': 'true' }, String(nr)),
      h('div', { class: 'item-tekst' },
        h('h3', { class: 'item-kop' }, knop),
        fmt.isVoorbeeld(ip) ? h('p', { class: 'label-voorbeeld' }, t.voorbeeld) : null,
        fmt.isOnbevestigd(ip) ? h('p', { class: 'label-voorbeeld label-onbevestigd' }, t.nietBevestigd) : null,
        h('p', { class: 'item-plek' },
          typeof ip.afstand === 'number' ? h('span', { class: 'afstand' }, fmt.afstand(ip.afstand, t)) : null,
          typeof ip.afstand === 'number' ? ' · ' : null,
          ip.woonplaats || (ip.adres && ip.adres.woonplaats) || ''),
        h('p', { class: `status status-${st.code}` }, st.tekst),
        diensten.length ? h('p', { class: 'item-diensten' }, diensten.length > 5
          ? `${diensten.slice(0, 4).join(', ')} ${t.enMeer(diensten.length - 4)}` : diensten.join(', ')) : null));
  }

  openDetail(id, vanKaart) {
    const ip = this.staat.resultaten.find((x) => x.id === id);
    if (!ip) return;
    this.staat.gekozen = id;
    leeg(this.detail).appendChild(this.detailInhoud(ip));
    this.detail.hidden = false;
    this.lijstPaneel.hidden = true;
    this.root.classList.add('toont-detail');
    if (this.kaart) this.kaart.markeer(id);
    const kop = this.detail.querySelector('.detail-kop');
    kop.focus();
    if (vanKaart && kop.scrollIntoView) kop.scrollIntoView({ block: 'nearest' });
  }

  sluitDetail(focusTerug = true) {
    if (!this.detail || this.detail.hidden) return;
    const id = this.staat.gekozen;
    this.detail.hidden = true;
    leeg(this.detail);
    this.lijstPaneel.hidden = false;
    this.root.classList.remove('toont-detail');
    this.staat.gekozen = null;
    if (this.kaart) this.kaart.markeer(null);
    if (focusTerug) {
      const knop = [...this.lijst.querySelectorAll('.item-knop')].find((b) => b.dataset.id === id);
      if (knop) knop.focus();
    }
  }

  detailInhoud(ip) {
    const t = this.t;
    const st = fmt.status(ip, t);
    const c = ip.geometrie && ip.geometrie.coordinates;
    const adres = fmt.adresRegels(ip);
    const nieuw = (tekst) => [tekst, ' ', h('span', { class: 'vh' }, t.nieuwTabblad)];
    const extLink = (href, tekst, cls) => h('a', { href, target: '_blank', rel: 'noopener noreferrer', class: cls }, nieuw(tekst));

    // Route: to the street address when we have one, else to the coordinates.
    let route = null;
    if (adres.length === 2 && ip.adres && ip.adres.straat) {
      route = `https://www.openstreetmap.org/directions?to=${encodeURIComponent(adres.join(', '))}`;
    } else if (c) {
      route = `https://www.openstreetmap.org/directions?to=${c[1]},${c[0]}`;
    }

    const spreekuren = fmt.komendeTweeWeken(ip);
    let spreekurenBlok;
    if (spreekuren.length) {
      spreekurenBlok = h('ul', { class: 'spreekuren' }, spreekuren.map((k) => h('li', null,
        h('span', { class: 'su-dag' }, fmt.langeDag(k.b, t)), ' ',
        h('span', { class: 'su-tijd' }, fmt.tijd(k.b, t) + (k.e ? '–' + fmt.tijd(k.e, t) : '')),
        k.spreekuur ? `, ${k.spreekuur}` : '',
        k.opmerking ? ` (${k.opmerking})` : '')));
    } else {
      spreekurenBlok = h('p', null, Array.isArray(ip.komendeSpreekuren) ? t.geenSpreekuren : t.tijdenOnbekend);
    }

    const ct = ip.contact || {};
    const contact = [];
    if (ct.telefoon) contact.push(h('li', null, `${t.telefoon}: `, h('a', { href: 'tel:' + String(ct.telefoon).replace(/[^\d+]/g, '') }, ct.telefoon)));
    if (ct.email) contact.push(h('li', null, `${t.email}: `, h('a', { href: 'mailto:' + ct.email }, ct.email)));
    const web = veiligeUrl(ct.website);
    if (web) contact.push(h('li', null, `${t.website}: `, extLink(web, ct.website.replace(/^https?:\/\//, '').replace(/\/$/, ''))));

    const alleSpreekuren = ip.spreekuren || [];
    const afspraakOveral = ip.opAfspraak || (alleSpreekuren.length > 0 && alleSpreekuren.every((s) => s.opAfspraak));
    const afspraakSoms = !afspraakOveral && alleSpreekuren.some((s) => s.opAfspraak);
    const afspraakInfo = [];
    for (const s of alleSpreekuren) {
      if (!s.afspraak) continue;
      if (typeof s.afspraak === 'string') afspraakInfo.push(this.tekstOfLink(s.afspraak));
      else if (typeof s.afspraak === 'object') {
        for (const v of Object.values(s.afspraak)) if (typeof v === 'string' && v) afspraakInfo.push(this.tekstOfLink(v));
      }
    }

    const diensten = (ip.diensten || []).map((d) => fmt.dienstLabel(d, t));
    const herkomstBron = veiligeUrl(ip.herkomst && ip.herkomst.bron);

    return h('div', { class: 'detail-binnen' },
      h('button', { type: 'button', class: 'knop knop-tweede terug', onclick: () => this.sluitDetail() },
        h('span', { 'aria-hidden': 'true' }, '← '), t.terug),
      h('h3', { class: 'detail-kop', id: this.id_('dkop'), tabindex: '-1' }, ip.naam),
      fmt.isVoorbeeld(ip) ? h('p', { class: 'label-voorbeeld groot' }, h('strong', null, t.voorbeeld), '. ', t.voorbeeldUitleg) : null,
      fmt.isOnbevestigd(ip) ? h('p', { class: 'label-voorbeeld label-onbevestigd groot' }, h('strong', null, t.nietBevestigd), '. ', t.nietBevestigdUitleg) : null,
      ip.organisatie && ip.organisatie !== ip.naam ? h('p', { class: 'organisatie' }, ip.organisatie) : null,
      h('p', { class: `status status-${st.code}` }, st.tekst),
      typeof ip.afstand === 'number' ? h('p', null, `${t.afstandLabel}: ${fmt.afstand(ip.afstand, t)}`) : null,

      h('h4', null, t.adres),
      h('p', { class: 'adres' }, adres.map((r, i) => [i ? h('br') : null, r]),
        ip.gemeentenaam && ip.gemeentenaam !== (ip.adres && ip.adres.woonplaats) ? [h('br'), `${t.gemeente} ${ip.gemeentenaam}`] : null),
      ip.coordinaatPrecisie === 'woonplaats' ? h('p', { class: 'klein' }, t.plekBenaderd(ip.woonplaats || (ip.adres && ip.adres.woonplaats) || '')) : null,
      route ? h('p', null, extLink(route, t.route, 'knop-link')) : null,

      h('h4', null, t.spreekuren),
      spreekurenBlok,

      h('h4', null, t.afspraak),
      h('p', null, afspraakOveral ? t.afspraakNodig : afspraakSoms ? t.afspraakSoms : ip.inloop ? t.inloop : t.afspraakOnbekend,
        (afspraakOveral || afspraakSoms) && !afspraakInfo.length && contact.length ? [' ', t.afspraakHoe] : null),
      afspraakInfo.length ? h('ul', null, afspraakInfo.map((x) => h('li', null, x))) : null,

      h('h4', null, t.contact),
      contact.length ? h('ul', { class: 'contact' }, contact) : h('p', null, t.geenContact),

      diensten.length ? [h('h4', null, t.diensten), h('ul', { class: 'diensten' }, diensten.map((d) => h('li', null, d)))] : null,

      gecontroleerdRegel(ip, t),
      meldBlok(ip, t, { api: this.api, meldUrl: this.meldUrl, meldHref: (x) => this.meldHref(x), id_: (n) => this.id_(n) }),
      herkomstBron ? h('p', { class: 'klein' }, extLink(herkomstBron, t.bron)) : null);
  }

  tekstOfLink(s) {
    const url = veiligeUrl(s);
    if (url) return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, s, ' ', h('span', { class: 'vh' }, this.t.nieuwTabblad));
    if (/^[+\d][\d\s-]{7,}$/.test(s)) return h('a', { href: 'tel:' + s.replace(/[^\d+]/g, '') }, s);
    return s;
  }

  meldHref(ip) {
    const t = this.t;
    const onderwerp = t.meldOnderwerp(ip.naam, ip.id);
    const sjabloon = this.meldUrl;
    if (sjabloon) {
      if (sjabloon.includes('{id}') || sjabloon.includes('{naam}')) {
        return sjabloon.replace(/\{id\}/g, encodeURIComponent(ip.id)).replace(/\{naam\}/g, encodeURIComponent(ip.naam));
      }
      if (/^mailto:/i.test(sjabloon)) return `${sjabloon}${sjabloon.includes('?') ? '&' : '?'}subject=${encodeURIComponent(onderwerp)}`;
      const url = veiligeUrl(sjabloon);
      if (url) { const u = new URL(url); u.searchParams.set('id', ip.id); return u.href; }
    }
    const aan = ip.contact && ip.contact.email ? ip.contact.email : '';
    return `mailto:${aan}?subject=${encodeURIComponent(onderwerp)}`;
  }
}

if (!customElements.get('ido-vinder')) customElements.define('ido-vinder', IdoVinder);
