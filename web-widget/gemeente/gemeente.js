// Progressive enhancement of the municipal pages (/gemeenten, /gemeenten/{gemeentecode}). The pages are
// complete without this script (server-rendered in service/render/gemeente_html.cpp); it adds sorting in
// place, the print button, map clicks for a what-if, and the panels that read and write the API with a
// municipal token. It talks only to the page's own origin and stores nothing (the token stays in the form).

const nlGetal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const nlGeheel = new Intl.NumberFormat('nl-NL');
const km = (m) => (m === null || m === undefined ? 'onbekend' : `${nlGetal.format(m / 1000)} km`);
const procent = (a) => (a === null || a === undefined ? 'onbekend' : `${nlGetal.format(a * 100)}%`);

function el(naam, attributen = {}, ...kinderen) {
  const e = document.createElement(naam);
  for (const [k, v] of Object.entries(attributen)) {
    if (k === 'tekst') e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const k of kinderen) e.append(k);
  return e;
}

async function haal(url, opties = {}) {
  const r = await fetch(url, { credentials: 'omit', ...opties });
  let body = null;
  const soort = r.headers.get('content-type') || '';
  if (soort.includes('json')) body = await r.json().catch(() => null);
  return { status: r.status, ok: r.ok, etag: r.headers.get('etag'), body };
}

// ---------- the national table: sort in place with buttons in the column headers ----------

function sorteerbaar(tabel) {
  const koppen = [...tabel.querySelectorAll('thead th[data-sleutel]')];
  koppen.forEach((th, kolom) => {
    const link = th.querySelector('a');
    if (!link) return;
    const knop = el('button', { type: 'button', tekst: link.textContent });
    link.replaceWith(knop);
    knop.addEventListener('click', () => {
      const oplopend = th.getAttribute('aria-sort') !== 'ascending';
      const getal = th.dataset.soort === 'getal';
      const body = tabel.tBodies[0];
      const rijen = [...body.rows];
      const waarde = (rij) => rij.cells[kolom].dataset.waarde ?? rij.cells[kolom].textContent;
      rijen.sort((a, b) => {
        let d;
        if (getal) {
          const x = waarde(a) === '' ? -Infinity : Number(waarde(a));
          const y = waarde(b) === '' ? -Infinity : Number(waarde(b));
          d = x === y ? 0 : x < y ? -1 : 1;
        } else d = String(waarde(a)).localeCompare(String(waarde(b)), 'nl');
        return oplopend ? d : -d;
      });
      body.append(...rijen);
      for (const k of koppen) k.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', oplopend ? 'ascending' : 'descending');
      const melding = document.getElementById('sorteer-melding');
      if (melding) melding.textContent = `Gesorteerd op ${knop.textContent}, ${oplopend ? 'oplopend' : 'aflopend'}.`;
    });
  });
  const melding = el('p', { id: 'sorteer-melding', class: 'uitleg', role: 'status' });
  tabel.closest('section').append(melding);
}

// ---------- RD New -> WGS84 for a map click ----------
// Approximation of Schreutelkamp & Strang van Hees, "Benaderingsformules voor de transformatie tussen RD- en
// WGS84-kaartcoördinaten" (2001): about a metre over the Netherlands, ample for a what-if position.
const K = [[0, 1, 3235.65389], [2, 0, -32.58297], [0, 2, -0.2475], [2, 1, -0.84978], [0, 3, -0.0655], [2, 2, -0.01709],
  [1, 0, -0.00738], [4, 0, 0.0053], [2, 3, -0.00039], [4, 1, 0.00033], [1, 1, -0.00012]];
const L = [[1, 0, 5260.52916], [1, 1, 105.94684], [1, 2, 2.45656], [3, 0, -0.81885], [1, 3, 0.05594], [3, 1, -0.05607],
  [0, 1, 0.01199], [3, 2, -0.00256], [1, 4, 0.00128], [0, 2, 0.00022], [2, 0, -0.00022], [5, 0, 0.00026]];
export function rdNaarWgs84(x, y) {
  const dx = (x - 155000) * 1e-5;
  const dy = (y - 463000) * 1e-5;
  let lat = 0;
  let lon = 0;
  for (const [p, q, k] of K) lat += k * dx ** p * dy ** q;
  for (const [p, q, l] of L) lon += l * dx ** p * dy ** q;
  return { lat: 52.1551744 + lat / 3600, lon: 5.38720621 + lon / 3600 };
}

// ---------- the municipal page: what-if by clicking on the map ----------

function watAls(main) {
  const kaart = document.getElementById('gemeentekaart');
  const uitkomst = document.getElementById('wat-als-uitkomst');
  if (!kaart || !uitkomst) return;
  for (const e of document.querySelectorAll('.met-js')) e.hidden = false;
  const code = main.dataset.gemeente;
  const posities = [];
  const ns = 'http://www.w3.org/2000/svg';
  const straal = kaart.querySelector('circle.pc4')?.getAttribute('r') || '100';
  const nu = {};
  for (const td of document.querySelectorAll('#cijfers-tabel td[data-veld]')) nu[td.dataset.veld] = td.dataset.waarde;

  async function reken() {
    const lijst = posities.map((p) => `${p.lat.toFixed(5)},${p.lon.toFixed(5)}`).join(';');
    const r = await haal(`/v1/gemeenten/${code}/bereikbaarheid?extraLocaties=${encodeURIComponent(lijst)}`);
    uitkomst.replaceChildren();
    if (!r.ok || !r.body) {
      uitkomst.append(el('p', { class: 'fout', tekst: r.body?.invalidParams?.[0]?.reason || 'Daar kunnen we niet mee rekenen. Kies een plek in de gemeente.' }));
      posities.pop();
      kaart.querySelector('circle.wat-als-klik:last-of-type')?.remove();
      return;
    }
    const b = r.body;
    const tabel = el('table', { id: 'wat-als-tabel' }, el('caption', { tekst: `Met ${posities.length} extra ${posities.length === 1 ? 'locatie' : 'locaties'}` }));
    const kop = el('tr', {}, el('th', { scope: 'col', tekst: 'Cijfer' }), el('th', { scope: 'col', tekst: 'Nu' }), el('th', { scope: 'col', tekst: 'Met extra locaties' }));
    tabel.append(el('thead', {}, kop));
    const body = el('tbody');
    const rij = (naam, oud, nieuw) => body.append(el('tr', {}, el('th', { scope: 'row', tekst: naam }), el('td', { tekst: oud }), el('td', { tekst: nieuw })));
    rij('Gemiddelde afstand', km(nu.gemiddeldeAfstand === '' ? null : Number(nu.gemiddeldeAfstand)), km(b.gemiddeldeAfstand));
    rij('Mediane afstand', km(nu.medianeAfstand === '' ? null : Number(nu.medianeAfstand)), km(b.medianeAfstand));
    for (const t of b.binnen) {
      const oud = nu[`binnen${t.afstand}`];
      rij(`Binnen ${t.afstand / 1000} km`, oud === undefined || oud === '' ? 'onbekend' : procent(Number(oud)), procent(t.aandeel));
    }
    tabel.append(body);
    const wis = el('button', { type: 'button', class: 'knop knop-tweede', tekst: 'Wis de extra locaties' });
    wis.addEventListener('click', () => {
      posities.length = 0;
      for (const c of kaart.querySelectorAll('circle.wat-als-klik')) c.remove();
      uitkomst.replaceChildren(el('p', { tekst: 'De extra locaties zijn gewist.' }));
    });
    uitkomst.append(el('div', { class: 'tabel-rol' }, tabel), wis);
  }

  kaart.addEventListener('click', (e) => {
    if (posities.length >= 10) {
      uitkomst.replaceChildren(el('p', { class: 'fout', tekst: 'U kunt hoogstens 10 extra locaties kiezen.' }));
      return;
    }
    const punt = kaart.createSVGPoint();
    punt.x = e.clientX;
    punt.y = e.clientY;
    const p = punt.matrixTransform(kaart.getScreenCTM().inverse());
    posities.push(rdNaarWgs84(p.x, -p.y));
    const c = document.createElementNS(ns, 'circle');
    c.setAttribute('class', 'wat-als wat-als-klik');
    c.setAttribute('cx', String(p.x));
    c.setAttribute('cy', String(p.y));
    c.setAttribute('r', straal);
    kaart.append(c);
    reken();
  });
}

// ---------- the panels: financier and regisseur read and write the API ----------

const NIET_BESCHIKBAAR = 'Nog niet beschikbaar: deze gegevens kan de service nog niet laten zien.';

async function financier(paneel) {
  const inhoud = paneel.querySelector('.paneel-inhoud');
  const formulier = document.getElementById('financiering-formulier');
  const code = paneel.dataset.gemeente;
  async function toon() {
    const r = await haal(inhoud.dataset.bron);
    inhoud.replaceChildren();
    if (r.status === 404 || !r.ok || !r.body) {
      inhoud.append(el('p', { class: 'niet-beschikbaar', tekst: NIET_BESCHIKBAAR }));
      return false;
    }
    const bedragen = Array.isArray(r.body.bedragen) ? r.body.bedragen : [];
    if (bedragen.length === 0) {
      inhoud.append(el('p', { class: 'niet-ingevuld', tekst: 'Nog niet ingevuld.' }));
      return true;
    }
    const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
    const body = el('tbody');
    for (const b of bedragen)
      body.append(el('tr', {}, el('th', { scope: 'row', tekst: String(b.jaar) }), el('td', { tekst: euro.format(b.bedrag) }),
        el('td', { tekst: b.bron || '' }), el('td', { tekst: b.ingevoerd ? b.ingevoerd.slice(0, 10) : '' })));
    const kop = el('tr', {}, ...['Jaar', 'Bedrag', 'Bron', 'Ingevoerd op'].map((t) => el('th', { scope: 'col', tekst: t })));
    inhoud.append(el('div', { class: 'tabel-rol' }, el('table', { id: 'financiering-tabel' },
      el('caption', { tekst: 'Bedragen die de gemeente heeft ingevuld' }), el('thead', {}, kop), body)));
    return true;
  }
  if (!(await toon())) return;
  formulier.hidden = false;
  formulier.addEventListener('submit', async (e) => {
    e.preventDefault();
    const melding = formulier.querySelector('.melding');
    const jaar = document.getElementById('fin-jaar').value;
    const r = await haal(`/v1/gemeenten/${code}/financiering/${encodeURIComponent(jaar)}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${document.getElementById('fin-sleutel').value}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ bedrag: Number(document.getElementById('fin-bedrag').value), bron: document.getElementById('fin-bron').value }),
    });
    melding.textContent = r.ok ? 'Opgeslagen.' : `Niet opgeslagen (${r.status}): ${r.body?.detail || r.body?.title || 'onbekende fout'}`;
    if (r.ok) await toon();
  });
}

const SOORTEN = { taalhuis: 'Taalhuis', belastingspreekuur: 'Belastingspreekuur', formulierenhulp: 'Formulierenhulp', schuldhulp: 'Schuldhulp', anders: 'Anders' };
const VELDEN = ['naam', 'soort', 'omschrijving', 'adres', 'telefoon', 'email', 'website'];

async function regisseur(paneel) {
  const inhoud = paneel.querySelector('.paneel-inhoud');
  const formulier = document.getElementById('partner-formulier');
  const code = paneel.dataset.gemeente;
  const melding = formulier.querySelector('.melding');
  const sleutel = () => document.getElementById('partner-sleutel').value;
  let lijstEtag = null;

  async function toon() {
    const r = await haal(inhoud.dataset.bron);
    inhoud.replaceChildren();
    if (r.status === 404 || !r.ok || !r.body) {
      inhoud.append(el('p', { class: 'niet-beschikbaar', tekst: NIET_BESCHIKBAAR }));
      return false;
    }
    lijstEtag = r.etag;
    const partners = Array.isArray(r.body.partners) ? r.body.partners : [];
    if (partners.length === 0) inhoud.append(el('p', { class: 'niet-ingevuld', tekst: 'Nog geen partners ingevuld.' }));
    const lijst = el('ul', { class: 'partners', id: 'partners-lijst' });
    for (const p of partners) {
      const contact = [p.adres, p.telefoon, p.email, p.website].filter(Boolean).join(' · ');
      const wijzig = el('button', { type: 'button', class: 'knop knop-tweede', tekst: `Wijzig ${p.naam}` });
      const verwijder = el('button', { type: 'button', class: 'knop knop-tweede', tekst: `Verwijder ${p.naam}` });
      wijzig.addEventListener('click', () => {
        document.getElementById('partner-id').value = p.id;
        for (const v of VELDEN) document.getElementById(`partner-${v}`).value = p[v] || '';
        document.getElementById('partner-naam').focus();
      });
      verwijder.addEventListener('click', async () => {
        if (!sleutel()) { melding.textContent = 'Vul eerst uw sleutel in.'; document.getElementById('partner-sleutel').focus(); return; }
        const r2 = await haal(`/v1/gemeenten/${code}/partners/${encodeURIComponent(p.id)}`, {
          method: 'DELETE', headers: { Authorization: `Bearer ${sleutel()}`, 'If-Match': p.versie !== undefined ? `"${p.versie}"` : lijstEtag || '*' },
        });
        melding.textContent = r2.ok ? `${p.naam} is verwijderd.` : `Niet verwijderd (${r2.status}).`;
        if (r2.ok) await toon();
      });
      lijst.append(el('li', {}, el('strong', { tekst: p.naam }), ` (${SOORTEN[p.soort] || p.soort})`,
        p.omschrijving ? el('p', { tekst: p.omschrijving }) : '', contact ? el('p', { class: 'klein', tekst: contact }) : '', wijzig, ' ', verwijder));
    }
    inhoud.append(lijst);
    return true;
  }
  if (!(await toon())) return;
  formulier.hidden = false;
  formulier.addEventListener('reset', () => { document.getElementById('partner-id').value = ''; });
  formulier.addEventListener('submit', async (e) => {
    e.preventDefault();
    const id = document.getElementById('partner-id').value;
    const partner = {};
    for (const v of VELDEN) partner[v] = document.getElementById(`partner-${v}`).value;
    const headers = { Authorization: `Bearer ${sleutel()}`, 'Content-Type': 'application/json' };
    if (id) headers['If-Match'] = lijstEtag || '*';
    const r = await haal(id ? `/v1/gemeenten/${code}/partners/${encodeURIComponent(id)}` : `/v1/gemeenten/${code}/partners`,
      { method: id ? 'PUT' : 'POST', headers, body: JSON.stringify(partner) });
    melding.textContent = r.ok ? 'Opgeslagen.' : `Niet opgeslagen (${r.status}): ${r.body?.detail || r.body?.title || 'onbekende fout'}`;
    if (r.ok) { formulier.reset(); await toon(); }
  });
}

// ---------- the promotor panel: the embed configurator with a live preview of the real widget ----------

function promotor(paneel) {
  const formulier = document.getElementById('configurator');
  const snippet = document.getElementById('snippet');
  const voorbeeld = document.getElementById('voorbeeld');
  const kopieer = document.getElementById('kopieer');
  const code = paneel.dataset.gemeente;
  const bron = `${location.origin}/widget/v1/ido-vinder.js`;
  function bijwerken() {
    const taal = formulier.elements.taal.value;
    const kaart = formulier.elements.kaart.value;
    const kleuren = [...formulier.querySelectorAll('input[type=color]')].filter((i) => i.value !== i.defaultValue).map((i) => `${i.name}: ${i.value}`);
    const stijl = kleuren.length ? ` style="${kleuren.join('; ')}"` : '';
    // No taal attribute: the widget follows the resident's browser language (docs/talen.md).
    const taalAttribuut = taal ? ` taal="${taal}"` : '';
    snippet.value = `<script src="${bron}" defer></script>\n<ido-vinder gemeente="${code}"${taalAttribuut} kaart="${kaart}"${stijl}></ido-vinder>`;
    const widget = document.createElement('ido-vinder');
    widget.setAttribute('gemeente', code);
    if (taal) widget.setAttribute('taal', taal);
    widget.setAttribute('kaart', kaart);
    widget.setAttribute('kop', 'uit');
    for (const i of formulier.querySelectorAll('input[type=color]')) widget.style.setProperty(i.name, i.value);
    voorbeeld.replaceChildren(widget);
  }
  formulier.addEventListener('change', bijwerken);
  bijwerken();
  kopieer.hidden = false;
  kopieer.addEventListener('click', async () => {
    const melding = kopieer.parentElement.querySelector('.melding');
    try {
      await navigator.clipboard.writeText(snippet.value);
      melding.textContent = 'De code is gekopieerd.';
    } catch {
      snippet.select();
      melding.textContent = 'Kopiëren lukte niet. De code is geselecteerd: kopieer hem met Ctrl+C.';
    }
  });
}

function start() {
  const tabel = document.getElementById('gemeenten-tabel');
  if (tabel) sorteerbaar(tabel);
  const afdrukken = document.getElementById('afdrukken');
  if (afdrukken) {
    afdrukken.hidden = false;
    afdrukken.addEventListener('click', () => window.print());
  }
  const main = document.querySelector('main[data-gemeente]');
  if (main) {
    watAls(main);
    const f = document.getElementById('financier');
    if (f) financier(f);
    const r = document.getElementById('regisseur');
    if (r) regisseur(r);
    const p = document.getElementById('promotor');
    if (p) promotor(p);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
