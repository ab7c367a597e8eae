// A municipality's complete list on /beheer (POST /v1/gemeenten/{gemeentecode}/volledige-lijst): choose
// the file, check it first (proefdraai: what would be added, changed and removed, and the conflicts),
// then "Doorvoeren" sends the very same file for real. Only for a municipality's token; the section
// stays hidden for others.
//
// Names and messages come from the file and the server: they go into the page as text nodes (dom.js h()).
import { h, leeg } from '../src/dom.js';

const $ = (id) => document.getElementById(id);

function soortVan(bestand) {
  const naam = bestand.name.toLowerCase();
  if (naam.endsWith('.csv')) return 'text/csv';
  if (naam.endsWith('.geojson') || naam.endsWith('.json')) return 'application/geo+json';
  return null;
}

function lijst(kop, ids, namen, leegTekst) {
  return h('div', { class: 'lijst-deel' },
    h('h3', null, `${kop} (${ids.length})`),
    ids.length
      ? h('ul', null, ids.map((id) => h('li', null, namen[id] ? `${namen[id]} (${id})` : id)))
      : h('p', { class: 'zacht' }, leegTekst));
}

/**
 * `sleutel()` gives the page's token (kept in memory by beheer.js only); `wachttijd(retryAfter)` the
 * page's wording of a Retry-After.
 */
export function maakVolledigeLijst({ sleutel, wachttijd }) {
  let gemeente = null;  // the token's municipality, when it is a municipality's token
  let tekst = null;     // the checked file's content, sent again by "Doorvoeren"
  let soort = null;

  function reset() {
    tekst = null;
    soort = null;
    $('lijst-doorvoeren').hidden = true;
    leeg($('lijst-uitslag'));
  }

  async function verstuur(proefdraai) {
    const pad = `/v1/gemeenten/${encodeURIComponent(gemeente)}/volledige-lijst${proefdraai ? '?proefdraai=true' : ''}`;
    try {
      const r = await fetch(pad, {
        method: 'POST', body: tekst, cache: 'no-store', credentials: 'omit',
        headers: { Accept: 'application/json', Authorization: `Bearer ${sleutel()}`, 'Content-Type': soort },
      });
      let body = null;
      try { body = await r.json(); } catch { /* not JSON */ }
      return { status: r.status, body, retryAfter: r.headers.get('Retry-After') };
    } catch {
      return { status: 0, body: null };
    }
  }

  function foutTekst(r) {
    switch (r.status) {
      case 0: return 'Er is geen verbinding met de server. Er is niets opgeslagen.';
      case 401: return 'Deze sleutel is onbekend of ingetrokken. Er is niets opgeslagen.';
      case 403: return 'Deze sleutel mag de lijst van deze gemeente niet insturen. Er is niets opgeslagen.';
      case 413: return 'Het bestand is te groot (hoogstens 4 MB). Er is niets opgeslagen.';
      case 415: return 'Kies een CSV-bestand (.csv) of een GeoJSON-bestand (.geojson). Er is niets opgeslagen.';
      case 429: return `U hebt in het afgelopen uur te vaak een lijst ingestuurd. Wacht ${wachttijd(r.retryAfter)} en probeer het dan opnieuw.`;
      default:
        if (r.status >= 500) return 'Er ging iets mis op de server. Er is niets opgeslagen. Probeer het later opnieuw.';
        return `Dat lukte niet (${r.status}${r.body && r.body.detail ? ': ' + r.body.detail : ''}). Er is niets opgeslagen.`;
    }
  }

  function toon(r, proefdraai) {
    const doel = leeg($('lijst-uitslag'));
    const b = r.body || {};
    const namen = b.namen || {};
    if (r.status !== 200 && r.status !== 422) {
      doel.appendChild(h('div', { class: 'melding melding-fout', role: 'alert' }, h('p', null, foutTekst(r))));
      return false;
    }
    const problemen = b.problemen || [];
    const conflicten = b.conflicten || [];
    const delen = [];
    if (r.status === 422) {
      delen.push(h('div', { class: 'melding melding-fout' }, h('p', null, problemen.length
        ? `Het bestand heeft ${problemen.length === 1 ? 'één fout' : `${problemen.length} fouten`}. Er is niets opgeslagen. Verbeter het bestand en controleer het opnieuw.`
        : 'Sinds de export is er iets gewijzigd. Er is niets opgeslagen. Download de lijst opnieuw, breng uw wijzigingen daarin aan en controleer dat bestand.')));
    } else if (proefdraai) {
      delen.push(h('div', { class: 'melding' }, h('p', null, 'Dit zou er gebeuren. Er is nog niets opgeslagen. Klopt het? Kies dan „Doorvoeren”.')));
    } else {
      delen.push(h('div', { class: 'melding melding-goed' }, h('p', null,
        `De lijst is opgeslagen: ${b.toegevoegd.length} toegevoegd, ${b.gewijzigd.length} gewijzigd, ${b.verwijderd.length} verwijderd.`)));
    }
    if (problemen.length) {
      delen.push(h('h3', null, 'Fouten in het bestand'), h('ul', null, problemen.map((p) =>
        h('li', null, `${p.regel ? `Rij ${p.regel}` : 'Het bestand'}${p.veld ? `, kolom ${p.veld}` : ''}: ${p.melding}`))));
    }
    if (conflicten.length) {
      delen.push(h('h3', null, `Gewijzigd sinds de export (${conflicten.length})`), h('ul', null, conflicten.map((c) =>
        h('li', null, `${namen[c.id] ? `${namen[c.id]} (${c.id})` : c.id}: ${c.reden}`))));
    }
    if (!problemen.length) {
      delen.push(lijst('Toegevoegd', b.toegevoegd || [], namen, 'Niets toegevoegd.'),
        lijst('Gewijzigd', b.gewijzigd || [], namen, 'Niets gewijzigd.'),
        lijst('Verwijderd', b.verwijderd || [], namen, 'Niets verwijderd.'));
      if (b.zonderVersie || b.zonderExportmoment) {
        delen.push(h('p', { class: 'hint' }, 'Dit bestand komt uit een oudere export. Daardoor is niet te zien of iemand anders '
          + 'intussen iets heeft gewijzigd. Download de lijst liever opnieuw.'));
      }
    }
    doel.appendChild(h('div', { role: 'status' }, delen));
    return r.status === 200;
  }

  async function controleer(e) {
    e.preventDefault();
    reset();
    const invoer = $('lijst-bestand');
    const fout = $('lijst-bestand-fout');
    fout.hidden = true;
    invoer.removeAttribute('aria-invalid');
    const bestand = invoer.files && invoer.files[0];
    const type = bestand ? soortVan(bestand) : null;
    if (!bestand || !type) {
      fout.textContent = bestand ? 'Fout: kies een bestand dat eindigt op .csv of .geojson.' : 'Fout: kies eerst een bestand.';
      fout.hidden = false;
      invoer.setAttribute('aria-invalid', 'true');
      invoer.focus();
      return;
    }
    tekst = await bestand.text();
    soort = type;
    const r = await verstuur(true);
    if (toon(r, true) && !(r.body.conflicten || []).length) {
      $('lijst-doorvoeren').hidden = false;
    }
    $('lijst-uitslag').focus();
  }

  async function doorvoeren() {
    if (!tekst) return;
    $('lijst-doorvoeren').hidden = true;
    const r = await verstuur(false);
    toon(r, false);
    tekst = null;
    $('lijst-uitslag').focus();
  }

  /** Shows the section for a municipality's token (GET /v1/sleutel), hides it for any other. */
  async function laad() {
    gemeente = null;
    reset();
    $('lijst').hidden = true;
    try {
      const r = await fetch('/v1/sleutel', { headers: { Accept: 'application/json', Authorization: `Bearer ${sleutel()}` }, cache: 'no-store', credentials: 'omit' });
      if (r.status !== 200) return;
      const b = await r.json();
      if (b.rol !== 'gemeente' || !b.gemeentecode) return;
      gemeente = b.gemeentecode;
    } catch {
      return;
    }
    $('lijst-gemeente').textContent = gemeente;
    $('lijst-export').href = `/v1/informatiepunten?formaat=csv&gemeente=${encodeURIComponent(gemeente)}`;
    $('lijst').hidden = false;
  }

  function verberg() {
    gemeente = null;
    reset();
    $('lijst').hidden = true;
  }

  $('lijst-form').addEventListener('submit', controleer);
  $('lijst-doorvoeren').addEventListener('click', doorvoeren);
  $('lijst-bestand').addEventListener('change', reset);
  return { laad, verberg };
}
