// The editing page /beheer for library and municipality staff: spreekuren, contact, notice and the
// "last checked" date of a help point, through the write API with a bearer token.
//
// The token lives only in the variable `sleutel` below: never in localStorage, sessionStorage, a
// cookie or the URL. Every request goes to this origin (the CSP allows nothing else). Texts are plain
// Dutch (B1). Every text from the API goes into the page as a text node, never as HTML.
import { h, leeg } from '../src/dom.js';
import * as fmt from '../src/opmaak.js';
import { teksten } from '../src/teksten.js';
import { maakMeldingen, historieTekst } from './meldingen.js';
import { maakVolledigeLijst } from './volledige-lijst.js';

const t = teksten('nl');
const TZ = 'Europe/Amsterdam';

// The services the API accepts (record/codes.cpp diensten()), in this order on screen.
const DIENSTEN = ['digid', 'belastingdienst', 'toeslagen', 'uwv', 'svb', 'cjib', 'cbr', 'duo', 'zorg', 'gemeente', 'digitale-vaardigheden'];

// The same patterns the server checks (record/field_checks.cpp): caught here before sending.
const PATROON = {
  telefoon: /^[0-9+() -]{6,30}$/,
  email: /^[^\s@<>"]{1,100}@[^\s@<>"]{1,100}\.[A-Za-z]{2,20}$/,
  url: /^https?:\/\/[^\s<>"]{1,290}$/,
};

const VOORBEELDEN = [
  ['Th 09:30-12:30', 'elke donderdag van half 10 tot half 1'],
  ['Mo 14:00-16:00; We 10:00-12:00', 'maandag van 2 tot 4 en woensdag van 10 tot 12'],
  ['Tu,Th 10:00-12:00; PH off', 'dinsdag en donderdag van 10 tot 12, niet op feestdagen'],
  ['Mo[1] 10:00-12:00', 'de eerste maandag van de maand'],
  ['week 1-53/2 Fr 13:00-15:00', 'vrijdag in de oneven weken'],
  ['We 10:00-12:00; Jul-Aug off', 'woensdag, maar niet in juli en augustus'],
  ['Th 14:00-16:00 open "op afspraak"', 'donderdag, met een opmerking voor de bezoeker'],
];

// ---------- state ----------

let sleutel = null;           // the token, in memory only
let alleLocaties = null;      // GET /v1/informatiepunten?limit=1000, loaded once
let gekozen = [];             // the locations shown in the chooser
let huidig = null;            // { ip, etag } of the open location
let bezig = false;
let volgnummer = 0;           // for unique ids of spreekuur fields

const $ = (id) => document.getElementById(id);

// The residents' reports (beheer/meldingen.js), with this page's token.
const meldingen = maakMeldingen({
  api: (methode, pad, opties = {}) => api(methode, pad, { ...opties, metSleutel: true }),
  opVeranderd: async () => {
    if (!huidig) return;
    const w = await api('GET', `/v1/informatiepunten/${encodeURIComponent(huidig.ip.id)}/wijzigingen`, { metSleutel: true });
    if (w.status === 200) toonHistorie(w.body);
    werkKeuzelijstBij();
  },
});

// A municipality's complete list (beheer/volledige-lijst.js), with this page's token.
const volledigeLijst = maakVolledigeLijst({ sleutel: () => sleutel, wachttijd: (r) => wachttijd(r) });

/** While a request runs, <main> is aria-busy and the buttons do nothing (nested calls count). */
let bezigTeller = 0;
function zetBezig(aan) {
  bezigTeller += aan ? 1 : -1;
  bezig = bezigTeller > 0;
  const main = $('inhoud');
  if (bezig) main.setAttribute('aria-busy', 'true');
  else main.removeAttribute('aria-busy');
}

// ---------- requests ----------

/** fetch on this origin; resolves to { status, body, etag, retryAfter } or { status: 0 } offline. */
async function api(methode, pad, { body, etag, metSleutel = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (metSleutel) headers.Authorization = `Bearer ${sleutel}`;
  if (etag) headers['If-Match'] = etag;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let r;
  try {
    r = await fetch(pad, { method: methode, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'omit' });
  } catch {
    return { status: 0, body: null };
  }
  let json = null;
  try { json = await r.json(); } catch { /* no body (204) or not JSON */ }
  return { status: r.status, body: json, etag: r.headers.get('ETag'), retryAfter: r.headers.get('Retry-After') };
}

/** A response that is not 2xx, in plain Dutch. `wat` says what did not happen. */
function foutTekst(r, wat = 'Uw wijzigingen zijn niet opgeslagen.') {
  switch (r.status) {
    case 0: return `Er is geen verbinding met de server. ${wat} Controleer uw internetverbinding en probeer het opnieuw.`;
    case 401: return `Deze sleutel is onbekend of ingetrokken. ${wat} Controleer de sleutel bij stap 1. Klopt hij wel? Vraag dan een nieuwe sleutel aan de beheerder.`;
    case 403: return `Deze sleutel mag dit informatiepunt niet wijzigen. ${wat} Hoort dit informatiepunt wel bij u? Vraag dan de beheerder om een sleutel voor uw organisatie.`;
    case 404: return `Dit informatiepunt bestaat niet meer. ${wat}`;
    case 412: return `Iemand anders heeft dit informatiepunt gewijzigd terwijl u bezig was. ${wat} Laad de nieuwe gegevens en doe uw wijziging daarna opnieuw.`;
    case 413: return `Wat u hebt ingevuld is te lang. ${wat} Maak de teksten korter.`;
    case 429: return `Er is te vaak een verkeerde sleutel gebruikt. ${wat} Wacht ${wachttijd(r.retryAfter)} en probeer het dan opnieuw.`;
    default:
      if (r.status >= 500) return `Er ging iets mis op de server. ${wat} Probeer het later opnieuw.`;
      return `Dat lukte niet (${r.status}${r.body && r.body.detail ? ': ' + r.body.detail : ''}). ${wat}`;
  }
}

function wachttijd(retryAfter) {
  const s = parseInt(retryAfter, 10);
  if (!(s > 0)) return 'een paar minuten';
  if (s < 90) return `${s} seconden`;
  return `${Math.ceil(s / 60)} minuten`;
}

// ---------- messages ----------

function melding(el, tekst, soort = 'info', ...extra) {
  leeg(el);
  if (!tekst) return;
  el.appendChild(h('div', { class: `melding melding-${soort}` }, h('p', null, tekst), ...extra));
}

function veldFout(invoer, tekst) {
  const fout = $(`${invoer.id}-fout`);
  if (!fout) return false;
  fout.textContent = tekst ? `Fout: ${tekst}` : '';
  fout.hidden = !tekst;
  if (tekst) invoer.setAttribute('aria-invalid', 'true');
  else invoer.removeAttribute('aria-invalid');
  return true;
}

// ---------- step 1: log in ----------

async function inloggen(e) {
  e.preventDefault();
  if (bezig) return;
  const invoer = $('sleutel');
  const orgInvoer = $('organisatie');
  veldFout(invoer, '');
  veldFout(orgInvoer, '');
  melding($('inlog-melding'), '');
  melding($('algemene-melding'), '');
  const waarde = invoer.value.trim();
  if (!waarde) {
    veldFout(invoer, 'Vul uw sleutel in.');
    invoer.focus();
    return;
  }
  if (!/^idov_\S+$/.test(waarde)) {
    veldFout(invoer, 'Een sleutel begint met idov_ en heeft geen spaties. Controleer wat u hebt ingevuld.');
    invoer.focus();
    return;
  }
  sleutel = waarde;
  $('uitloggen').hidden = false;
  zetBezig(true);
  try {
    const ok = await laadLijst();
    if (!ok) return;
    await volledigeLijst.laad();  // shown for a municipality's token only
    const org = orgInvoer.value.trim();
    gekozen = filter(alleLocaties, org);
    if (!gekozen.length) {
      veldFout(orgInvoer, `Er zijn geen informatiepunten van „${org}”. Kies de naam uit de lijst die verschijnt als u begint te typen. Of typ een gemeentecode, zoals GM0344.`);
      orgInvoer.focus();
      $('kiezen').hidden = true;
      $('bewerken').hidden = true;
      return;
    }
    // The open reports per help point, for the counts in the chooser (a wrong token shows below).
    await meldingen.laad();
    vulKeuzelijst(org);
    // Open the first one at once: that also checks the token (the history needs it).
    await openLocatie(gekozen[0].id);
  } finally {
    zetBezig(false);
  }
}

async function laadLijst() {
  if (alleLocaties) return true;
  melding($('inlog-melding'), 'Even geduld, de informatiepunten worden opgehaald…');
  const r = await api('GET', '/v1/informatiepunten?limit=1000');
  if (r.status !== 200 || !r.body || !Array.isArray(r.body.informatiepunten)) {
    melding($('inlog-melding'), foutTekst(r, 'De lijst met informatiepunten is niet opgehaald.'), 'fout');
    return false;
  }
  alleLocaties = r.body.informatiepunten;
  melding($('inlog-melding'), '');
  vulOrganisaties();
  return true;
}

function vulOrganisaties() {
  const namen = [...new Set(alleLocaties.map((ip) => ip.organisatie).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'nl'));
  const lijst = leeg($('organisaties'));
  for (const n of namen) lijst.appendChild(h('option', { value: n }));
}

function filter(lijst, org) {
  if (!org) return lijst;
  if (/^gm\d{4}$/i.test(org)) return lijst.filter((ip) => ip.gemeentecode === org.toUpperCase());
  const zoek = org.toLocaleLowerCase('nl');
  return lijst.filter((ip) => (ip.organisatie || '').toLocaleLowerCase('nl') === zoek);
}

function plaats(ip) {
  return (ip.adres && ip.adres.woonplaats) || ip.woonplaats || ip.gemeentenaam || '';
}

function vulKeuzelijst(org) {
  gekozen.sort((a, b) => (a.naam || '').localeCompare(b.naam || '', 'nl') || a.id.localeCompare(b.id));
  const select = leeg($('locatie'));
  for (const ip of gekozen) select.appendChild(h('option', { value: ip.id }, `${ip.naam}, ${plaats(ip)} (${ip.id})${meldingen.label(ip.id)}`));
  const n = gekozen.length;
  $('locatie-hint').textContent = n === 1
    ? `Er is 1 informatiepunt${org ? ` van ${org}` : ''}.`
    : `Er zijn ${n} informatiepunten${org ? ` van ${org}` : ''}. Kies er een en druk op „Gegevens openen”.`;
  $('kiezen').hidden = false;
  melding($('inlog-melding'), n === 1 ? '1 informatiepunt gevonden.' : `${n} informatiepunten gevonden.`);
}

/** The counts of open reports in the chooser, after one was closed. */
function werkKeuzelijstBij() {
  for (const optie of $('locatie').options) {
    const ip = gekozen.find((x) => x.id === optie.value);
    if (ip) optie.textContent = `${ip.naam}, ${plaats(ip)} (${ip.id})${meldingen.label(ip.id)}`;
  }
}

function uitloggen() {
  sleutel = null;
  volledigeLijst.verberg();
  huidig = null;
  $('sleutel').value = '';
  $('uitloggen').hidden = true;
  $('kiezen').hidden = true;
  $('bewerken').hidden = true;
  melding($('algemene-melding'), '');
  melding($('inlog-melding'), 'U bent uitgelogd. De sleutel is van deze pagina gewist.');
  $('sleutel').focus();
}

// ---------- step 2: open a location ----------

async function openLocatie(id, { focus = true } = {}) {
  melding($('algemene-melding'), '');
  zetBezig(true);
  let r, w;
  try {
    [r, w] = await Promise.all([
      api('GET', `/v1/informatiepunten/${encodeURIComponent(id)}`),
      api('GET', `/v1/informatiepunten/${encodeURIComponent(id)}/wijzigingen`, { metSleutel: true }),
    ]);
  } finally {
    zetBezig(false);
  }
  if (r.status !== 200 || !r.body) {
    $('bewerken').hidden = true;
    melding($('algemene-melding'), foutTekst(r, 'Het informatiepunt is niet geopend.'), 'fout');
    return;
  }
  if (w.status !== 200) {
    // The history needs the token: this is where a wrong token or scope shows, before any editing.
    $('bewerken').hidden = true;
    huidig = null;
    if (w.status === 401) {
      veldFout($('sleutel'), 'Deze sleutel is onbekend of ingetrokken. Controleer wat u hebt ingevuld.');
      $('sleutel').focus();
    }
    melding($('algemene-melding'), w.status === 403
      ? `Deze sleutel mag ${r.body.naam} niet wijzigen. Controleer bij stap 1 of u de goede bibliotheek of gemeente hebt ingevuld. Klopt dat wel? Vraag dan de beheerder om een sleutel voor uw organisatie.`
      : foutTekst(w, 'Het informatiepunt is niet geopend.'), 'fout');
    return;
  }
  $('locatie').value = id;
  huidig = { ip: r.body, etag: r.etag };
  vulFormulier();
  toonVoorbeeld();
  toonHistorie(w.body);
  $('meldingen-status').textContent = '';
  meldingen.toon($('meldingen-lijst'), id);
  wisFouten();
  melding($('opslag-melding'), '');
  $('bewerken').hidden = false;
  if (focus) $('bewerken-kop').focus();
}

async function kiesLocatie(e) {
  e.preventDefault();
  if (bezig || !sleutel) return;
  await openLocatie($('locatie').value);
}

// ---------- step 3: the form ----------

function vulFormulier() {
  const ip = huidig.ip;
  $('locatie-naam').textContent = ip.naam;
  $('locatie-adres').textContent = [fmt.adresRegels(ip).join(', '), ip.gemeentenaam ? `gemeente ${ip.gemeentenaam}` : '', ip.organisatie ? `organisatie ${ip.organisatie}` : '']
    .filter(Boolean).join(' · ');
  const lijst = leeg($('spreekuren'));
  const spreekuren = ip.spreekuren && ip.spreekuren.length ? ip.spreekuren : [leegSpreekuur()];
  for (const s of spreekuren) lijst.appendChild(spreekuurBlok(s));
  hernummer();
  const c = ip.contact || {};
  $('contact-telefoon').value = c.telefoon || '';
  $('contact-email').value = c.email || '';
  $('contact-website').value = c.website || '';
  $('mededeling').value = ip.mededeling || '';
  $('gecontroleerd-tekst').textContent = ip.laatstGecontroleerd ? `Laatst gecontroleerd op ${fmt.datum(ip.laatstGecontroleerd, t)}.` : 'Nog nooit gecontroleerd.';
}

function leegSpreekuur() {
  return { naam: 'Informatiepunt Digitale Overheid', diensten: ['digid'], openingstijden: '', opAfspraak: null, afspraak: null, toelichting: null };
}

/** One fieldset for one spreekuur. Ids are unique (a counter); data-veld names the field for errors. */
function spreekuurBlok(s) {
  const n = ++volgnummer;
  const id = (veld) => `su${n}-${veld}`;
  const tekstveld = (veld, label, waarde, { hint, type = 'text', klasse, regels } = {}) => {
    const beschreven = [hint ? id(veld) + '-hint' : null, id(veld) + '-fout'].filter(Boolean).join(' ');
    return h('div', { class: 'veld' },
      h('label', { for: id(veld) }, label),
      hint ? h('p', { class: 'hint', id: id(veld) + '-hint' }, hint) : null,
      h('p', { class: 'veldfout', id: id(veld) + '-fout', hidden: true }),
      regels
        ? h('textarea', { id: id(veld), rows: regels, 'data-veld': veld, 'aria-describedby': beschreven }, waarde || '')
        : h('input', { id: id(veld), type, class: klasse, value: waarde || '', 'data-veld': veld, 'aria-describedby': beschreven, autocomplete: 'off', spellcheck: 'false' }));
  };
  const afspraak = s.afspraak || {};
  const keuze = s.opAfspraak === true ? 'ja' : s.opAfspraak === false ? 'nee' : 'onbekend';
  const radio = (waarde, label) => h('div', { class: 'keuze' },
    h('input', { type: 'radio', id: id('op-' + waarde), name: id('op'), value: waarde, checked: keuze === waarde }),
    h('label', { for: id('op-' + waarde) }, label));

  const tijden = tekstveld('openingstijden', 'Openingstijden', s.openingstijden, {
    hint: 'Gebruik de afkortingen van OpenStreetMap: Mo Tu We Th Fr Sa Su voor de dagen, tijden als 09:30-12:30. ' +
      'Zet een ; tussen twee regels. PH off betekent: dicht op feestdagen. Laat leeg als u de tijden niet weet.',
    klasse: 'code',
  });
  const voorbeelden = h('details', { class: 'voorbeelden' },
    h('summary', null, 'Voorbeelden van openingstijden'),
    h('dl', null, VOORBEELDEN.map(([code, uitleg]) => [h('dt', null, h('code', null, code)), h('dd', null, uitleg)])));

  const blok = h('fieldset', { class: 'spreekuur', 'data-nr': n },
    h('legend', null, 'Spreekuur'),
    tekstveld('naam', 'Naam van het spreekuur', s.naam, { hint: 'Bijvoorbeeld: Inloopspreekuur of Hulp bij belastingen.' }),
    h('fieldset', { class: 'diensten', id: id('diensten'), 'data-veld': 'diensten', 'aria-describedby': id('diensten') + '-fout' },
      h('legend', null, 'Hier helpen ze met'),
      h('p', { class: 'veldfout', id: id('diensten') + '-fout', hidden: true }),
      h('div', { class: 'vinkjes' }, DIENSTEN.map((code) => h('div', { class: 'keuze' },
        h('input', { type: 'checkbox', id: id('dienst-' + code), value: code, checked: (s.diensten || []).includes(code) }),
        h('label', { for: id('dienst-' + code) }, fmt.dienstLabel(code, t)))))),
    tijden,
    voorbeelden,
    h('fieldset', { class: 'afspraak-keuze', id: id('opAfspraak'), 'data-veld': 'opAfspraak', 'aria-describedby': id('opAfspraak') + '-fout' },
      h('legend', null, 'Hebben bezoekers een afspraak nodig?'),
      h('p', { class: 'veldfout', id: id('opAfspraak') + '-fout', hidden: true }),
      radio('nee', 'Nee, bezoekers kunnen binnenlopen'),
      radio('ja', 'Ja, alleen op afspraak'),
      radio('onbekend', 'Dat weet ik niet')),
    tekstveld('afspraak-url', 'Afspraak maken via website (niet verplicht)', afspraak.url, { type: 'url', hint: 'Begin met https://' }),
    tekstveld('afspraak-telefoon', 'Afspraak maken via telefoon (niet verplicht)', afspraak.telefoon, { type: 'tel' }),
    tekstveld('toelichting', 'Toelichting voor bezoekers (niet verplicht)', s.toelichting, { hint: 'Bijvoorbeeld: Neem uw DigiD-gegevens en uw telefoon mee.', regels: 2 }),
    h('div', { class: 'knoppen' },
      h('button', { type: 'button', class: 'knop knop-tweede verwijder', onclick: () => verwijderSpreekuur(blok) }, 'Verwijder dit spreekuur')));
  return blok;
}

function spreekuurBlokken() {
  return [...$('spreekuren').querySelectorAll(':scope > fieldset.spreekuur')];
}

/** Numbers the legends and points every field at its JSON pointer, so server errors find their field. */
function hernummer() {
  const blokken = spreekuurBlokken();
  blokken.forEach((blok, i) => {
    blok.querySelector(':scope > legend').textContent = `Spreekuur ${i + 1}`;
    for (const el of blok.querySelectorAll('[data-veld]')) {
      const veld = el.dataset.veld;
      const pad = veld === 'afspraak-url' ? 'afspraak/url' : veld === 'afspraak-telefoon' ? 'afspraak/telefoon' : veld;
      el.dataset.pad = `/spreekuren/${i}/${pad}`;
    }
    const knop = blok.querySelector('.verwijder');
    knop.textContent = `Verwijder spreekuur ${i + 1}`;
    knop.hidden = blokken.length === 1; // the API needs at least one
  });
  $('spreekuur-toevoegen').hidden = blokken.length >= 10;
}

function voegSpreekuurToe() {
  const blok = spreekuurBlok({ ...leegSpreekuur(), naam: '' });
  $('spreekuren').appendChild(blok);
  hernummer();
  blok.querySelector('input').focus();
  melding($('opslag-melding'), `Spreekuur ${spreekuurBlokken().length} is toegevoegd. Vul het in en sla op.`);
}

function verwijderSpreekuur(blok) {
  const blokken = spreekuurBlokken();
  const i = blokken.indexOf(blok);
  if (blokken.length <= 1) return;
  blok.remove();
  hernummer();
  const over = spreekuurBlokken();
  over[Math.min(i, over.length - 1)].querySelector('input').focus();
  melding($('opslag-melding'), `Spreekuur ${i + 1} is verwijderd. Dit is pas definitief als u opslaat.`);
}

// ---------- collecting and comparing ----------

const leegNaarNull = (s) => { const v = (s || '').trim(); return v ? v : null; };

function normaalSpreekuur(s) {
  const a = s.afspraak || {};
  const afspraak = leegNaarNull(a.url) || leegNaarNull(a.telefoon) ? { url: leegNaarNull(a.url), telefoon: leegNaarNull(a.telefoon) } : null;
  return {
    naam: (s.naam || '').trim(),
    diensten: [...new Set(s.diensten || [])].sort(),
    openingstijden: (s.openingstijden || '').trim(),
    opAfspraak: typeof s.opAfspraak === 'boolean' ? s.opAfspraak : null,
    afspraak,
    toelichting: leegNaarNull(s.toelichting),
  };
}

function verzamelSpreekuren() {
  return spreekuurBlokken().map((blok) => {
    const waarde = (veld) => blok.querySelector(`[data-veld="${veld}"]`).value;
    const op = blok.querySelector('input[type=radio]:checked');
    return normaalSpreekuur({
      naam: waarde('naam'),
      diensten: [...blok.querySelectorAll('.diensten input:checked')].map((c) => c.value),
      openingstijden: waarde('openingstijden'),
      opAfspraak: op && op.value === 'ja' ? true : op && op.value === 'nee' ? false : null,
      afspraak: { url: waarde('afspraak-url'), telefoon: waarde('afspraak-telefoon') },
      toelichting: waarde('toelichting'),
    });
  });
}

/** The merge patch for contact and notice: only what changed. */
function verzamelPatch() {
  const ip = huidig.ip;
  const patch = {};
  const oudContact = ip.contact || {};
  const contact = {};
  for (const k of ['telefoon', 'email', 'website']) {
    const nieuw = leegNaarNull($(`contact-${k}`).value);
    if (nieuw !== (oudContact[k] || null)) contact[k] = nieuw;
  }
  if (Object.keys(contact).length) patch.contact = contact;
  const mededeling = leegNaarNull($('mededeling').value);
  if (mededeling !== (ip.mededeling || null)) patch.mededeling = mededeling;
  return patch;
}

/** Checks done here, with the server's own patterns; the server checks everything again. */
function controleer(spreekuren, patch) {
  const fouten = [];
  spreekuren.forEach((s, i) => {
    if (!s.naam) fouten.push({ name: `/spreekuren/${i}/naam`, reason: 'Vul de naam van het spreekuur in.' });
    if (s.afspraak && s.afspraak.url && !PATROON.url.test(s.afspraak.url)) fouten.push({ name: `/spreekuren/${i}/afspraak/url`, reason: 'Vul een webadres in dat begint met https://' });
    if (s.afspraak && s.afspraak.telefoon && !PATROON.telefoon.test(s.afspraak.telefoon)) fouten.push({ name: `/spreekuren/${i}/afspraak/telefoon`, reason: 'Vul een telefoonnummer in, met alleen cijfers, spaties, + of -.' });
  });
  const c = patch.contact || {};
  if (c.telefoon && !PATROON.telefoon.test(c.telefoon)) fouten.push({ name: '/contact/telefoon', reason: 'Vul een telefoonnummer in, met alleen cijfers, spaties, + of -.' });
  if (c.email && !PATROON.email.test(c.email)) fouten.push({ name: '/contact/email', reason: 'Vul een e-mailadres in, zoals info@bibliotheek.nl.' });
  if (c.website && !PATROON.url.test(c.website)) fouten.push({ name: '/contact/website', reason: 'Vul een webadres in dat begint met https://' });
  return fouten;
}

// ---------- errors in the form ----------

function wisFouten() {
  const overzicht = $('foutoverzicht');
  leeg(overzicht);
  overzicht.hidden = true;
  for (const el of document.querySelectorAll('#bewerk-form [aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of document.querySelectorAll('#bewerk-form .veldfout')) { el.textContent = ''; el.hidden = true; }
  for (const el of document.querySelectorAll('#bewerk-form .fout-positie')) {
    const veld = $(el.id.replace(/-positie$/, ''));
    if (veld) veld.setAttribute('aria-describedby', veld.getAttribute('aria-describedby').split(' ').filter((x) => x !== el.id).join(' '));
    el.remove();
  }
  veldFout($('gecontroleerd'), '');
}

/** The field of a JSON pointer ("/spreekuren/0/openingstijden", "/contact/email", "/spreekuren/1/diensten/0"). */
function veldVan(pad) {
  let p = pad;
  while (p && p !== '/') {
    const el = document.querySelector(`#bewerk-form [data-pad="${CSS.escape(p)}"]`);
    if (el) return el;
    p = p.slice(0, p.lastIndexOf('/'));
  }
  if (pad === '/laatstGecontroleerd') return $('gecontroleerd');
  return null;
}

function veldNaam(el) {
  if (!el) return 'Formulier';
  if (el.id === 'gecontroleerd') return 'Gecontroleerd';
  const label = el.tagName === 'FIELDSET' ? el.querySelector('legend') : document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
  const blok = el.closest('fieldset.spreekuur');
  const naam = label ? label.textContent : el.id;
  return blok ? `${blok.querySelector('legend').textContent}: ${naam}` : naam;
}

/** A server reason in plain Dutch; a position in the opening hours is also shown in the text itself. */
function uitleg(fout) {
  if (fout.code === 'ongeldige-openingstijden') return `De openingstijden kloppen niet. ${fout.reason}`;
  return fout.reason;
}

/** "Mo 25:00" with the character at byte offset `positie` marked. */
function positieBlok(el, reason) {
  const m = /positie (\d+)/.exec(reason || '');
  if (!m) return null;
  const bytes = new TextEncoder().encode(el.value);
  const tot = Math.min(+m[1], bytes.length);
  const voor = new TextDecoder().decode(bytes.slice(0, tot));
  const rest = el.value.slice(voor.length);
  const teken = rest ? [...rest][0] : '';
  return h('p', { class: 'fout-positie', id: `${el.id}-positie` },
    `Teken ${voor.length + 1}: `,
    h('code', null, voor, h('mark', null, teken || ' '), rest.slice(teken.length)),
    teken ? '' : ' (aan het eind)');
}

function toonFouten(fouten, kop) {
  const overzicht = $('foutoverzicht');
  leeg(overzicht);
  const items = [];
  for (const f of fouten) {
    const el = veldVan(f.name);
    const tekst = uitleg(f);
    if (el) {
      const foutEl = $(`${el.id}-fout`);
      if (foutEl) {
        foutEl.hidden = false;
        foutEl.textContent = foutEl.textContent ? `${foutEl.textContent} ${tekst}` : `Fout: ${tekst}`;
        el.setAttribute('aria-invalid', 'true');
        if (f.code === 'ongeldige-openingstijden' && el.tagName === 'INPUT') {
          const p = positieBlok(el, f.reason);
          if (p) {
            foutEl.after(p);
            el.setAttribute('aria-describedby', `${el.getAttribute('aria-describedby')} ${p.id}`);
          }
        }
      }
    }
    items.push(h('li', null, el
      ? h('a', { href: `#${el.id}`, onclick: (e) => { e.preventDefault(); focusVeld(el); } }, `${veldNaam(el)}: ${tekst}`)
      : tekst));
  }
  overzicht.appendChild(h('h4', null, kop || (fouten.length === 1 ? 'Er is 1 fout. Verbeter hem en sla opnieuw op.' : `Er zijn ${fouten.length} fouten. Verbeter ze en sla opnieuw op.`)));
  overzicht.appendChild(h('ul', null, items));
  overzicht.hidden = false;
  overzicht.focus();
}

function focusVeld(el) {
  const doel = el.tagName === 'FIELDSET' ? el.querySelector('input') : el;
  doel.focus();
  doel.scrollIntoView({ block: 'center' });
}

function toonSchrijfFout(r, wat) {
  const overzicht = $('foutoverzicht');
  leeg(overzicht);
  overzicht.appendChild(h('h4', null, r.status === 412 ? 'Iemand anders was u voor' : 'Niet opgeslagen'));
  overzicht.appendChild(h('p', null, foutTekst(r, wat)));
  if (r.status === 412) {
    overzicht.appendChild(h('p', null, 'Wilt u uw eigen tekst bewaren? Kopieer die dan eerst.'));
    overzicht.appendChild(h('button', { type: 'button', class: 'knop', id: 'opnieuw-laden', onclick: () => openLocatie(huidig.ip.id) }, 'Nieuwe gegevens laden'));
  }
  if (r.status === 401) {
    veldFout($('sleutel'), 'Deze sleutel is onbekend of ingetrokken.');
  }
  overzicht.hidden = false;
  overzicht.focus();
}

// ---------- saving ----------

async function opslaan({ gecontroleerd = false } = {}) {
  if (bezig || !huidig) return;
  wisFouten();
  melding($('opslag-melding'), '');
  const spreekuren = verzamelSpreekuren();
  const patch = verzamelPatch();
  const lokaal = controleer(spreekuren, patch);
  if (lokaal.length) {
    toonFouten(lokaal);
    return;
  }
  const oud = (huidig.ip.spreekuren || []).map(normaalSpreekuur);
  const putNodig = JSON.stringify(oud) !== JSON.stringify(spreekuren);
  const patchNodig = Object.keys(patch).length > 0;
  if (!putNodig && !patchNodig && !gecontroleerd) {
    melding($('opslag-melding'), 'U hebt niets veranderd. Er is niets opgeslagen.');
    return;
  }
  zetBezig(true);
  const knoppen = [$('opslaan'), $('gecontroleerd')];
  for (const k of knoppen) k.setAttribute('aria-disabled', 'true');
  melding($('opslag-melding'), 'Bezig met opslaan…');
  const id = encodeURIComponent(huidig.ip.id);
  let gelukt = true;
  let deels = false;
  try {
    if (putNodig) {
      const r = await api('PUT', `/v1/informatiepunten/${id}/openingstijden`, { body: { spreekuren }, etag: huidig.etag, metSleutel: true });
      if (r.status === 200) {
        huidig = { ip: r.body, etag: r.etag };
        deels = true;
      } else {
        gelukt = false;
        melding($('opslag-melding'), '');
        if (r.status === 400 && r.body && Array.isArray(r.body.invalidParams)) toonFouten(r.body.invalidParams, r.body.invalidParams.length === 1 ? 'Er is 1 fout. Er is niets opgeslagen. Verbeter de fout en sla opnieuw op.' : `Er zijn ${r.body.invalidParams.length} fouten. Er is niets opgeslagen. Verbeter ze en sla opnieuw op.`);
        else toonSchrijfFout(r, 'Uw wijzigingen zijn niet opgeslagen.');
      }
    }
    if (gelukt && patchNodig) {
      const r = await api('PATCH', `/v1/informatiepunten/${id}`, { body: patch, etag: huidig.etag, metSleutel: true });
      if (r.status === 200) {
        huidig = { ip: r.body, etag: r.etag };
      } else {
        gelukt = false;
        melding($('opslag-melding'), '');
        const wat = deels ? 'De spreekuren zijn wel opgeslagen, de contactgegevens en de mededeling niet.' : 'Uw wijzigingen zijn niet opgeslagen.';
        if (r.status === 400 && r.body && Array.isArray(r.body.invalidParams)) toonFouten(r.body.invalidParams, `${wat} Verbeter de fout en sla opnieuw op.`);
        else toonSchrijfFout(r, wat);
      }
    }
    // "Alles klopt": after any changes, one action that sets laatstGecontroleerd to today (server's date,
    // Europe/Amsterdam) and is recorded as "gecontroleerd".
    if (gelukt && gecontroleerd) {
      const r = await api('POST', `/v1/informatiepunten/${id}/controle`, { etag: huidig.etag, metSleutel: true });
      if (r.status === 200) {
        huidig = { ip: r.body, etag: r.etag };
        deels = true;
      } else {
        gelukt = false;
        melding($('opslag-melding'), '');
        toonSchrijfFout(r, putNodig || patchNodig ? 'Uw wijzigingen zijn wel opgeslagen, de controle niet.' : 'De controle is niet opgeslagen.');
      }
    }
    if (deels || gelukt) toonVoorbeeld();
    if (gelukt) {
      vulFormulier();
      const s = fmt.status(huidig.ip, t);
      melding($('opslag-melding'), `Opgeslagen om ${fmt.tijd(new Date(), t)}. Bezoekers zien nu: ${s.tekst}.`, 'goed');
    }
    const w = await api('GET', `/v1/informatiepunten/${id}/wijzigingen`, { metSleutel: true });
    if (w.status === 200) toonHistorie(w.body);
  } finally {
    zetBezig(false);
    for (const k of knoppen) k.removeAttribute('aria-disabled');
  }
}

// ---------- the preview: what a visitor sees ----------

function toonVoorbeeld() {
  const ip = huidig.ip;
  const doel = leeg($('voorbeeld-inhoud'));
  const s = fmt.status(ip, t);
  doel.appendChild(h('p', { class: `status status-${s.code}`, id: 'voorbeeld-status' }, s.tekst));
  if (ip.mededeling) doel.appendChild(h('p', { class: 'mededeling' }, ip.mededeling));
  const komend = fmt.komendeTweeWeken(ip);
  doel.appendChild(h('h4', null, t.spreekuren));
  if (komend.length) {
    doel.appendChild(h('ul', { class: 'komend' }, komend.slice(0, 10).map((k) => h('li', null,
      `${fmt.langeDag(k.b, t)} ${fmt.tijd(k.b, t)}${k.e ? '–' + fmt.tijd(k.e, t) : ''}`,
      k.spreekuur ? `, ${k.spreekuur}` : '', k.opmerking ? ` (${k.opmerking})` : ''))));
    if (komend.length > 10) doel.appendChild(h('p', { class: 'zacht' }, `En nog ${komend.length - 10} keer.`));
  } else {
    doel.appendChild(h('p', null, Array.isArray(ip.komendeSpreekuren) ? t.geenSpreekuren : t.tijdenOnbekend));
  }
  doel.appendChild(h('p', { class: 'zacht' }, ip.laatstGecontroleerd ? t.gecontroleerd(fmt.datum(ip.laatstGecontroleerd, t)) : t.nietGecontroleerd));
}

// ---------- history ----------

const VELDEN = {
  spreekuren: 'de spreekuren', openingstijden: 'de openingstijden', contact: 'de contactgegevens', mededeling: 'de mededeling',
  laatstGecontroleerd: 'de controledatum', diensten: 'de diensten', adres: 'het adres', naam: 'de naam', organisatie: 'de organisatie',
  opAfspraak: 'of een afspraak nodig is', inloop: 'of binnenlopen kan',
};

function tijdstip(iso) {
  const d = new Date(iso);
  if (isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('nl-NL', { timeZone: TZ, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
}

/** A stored value in a few words. */
function kort(v, veld) {
  if (v === null || v === undefined || v === '') return '(leeg)';
  if (veld === 'laatstGecontroleerd' && typeof v === 'string') return fmt.datum(v, t) || v;
  if (typeof v === 'string') return `„${v}”`;
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if (Array.isArray(v)) {
    if (veld === 'spreekuren') return v.map((s) => `${s.naam}: ${s.openingstijden || '(tijden onbekend)'}`).join('; ');
    return v.map((x) => (typeof x === 'string' ? fmt.dienstLabel(x, t) : JSON.stringify(x))).join(', ') || '(leeg)';
  }
  if (typeof v === 'object') {
    const delen = Object.entries(v).filter(([, x]) => x !== null && x !== '').map(([k, x]) => `${k}: ${x}`);
    return delen.length ? delen.join(', ') : '(leeg)';
  }
  return String(v);
}

function toonHistorie(data) {
  const doel = leeg($('historie'));
  const lijst = (data && data.wijzigingen ? data.wijzigingen : []).slice().reverse();
  if (!lijst.length) {
    doel.appendChild(h('p', null, 'Er is nog niets gewijzigd.'));
    return;
  }
  const MAX = 25;
  doel.appendChild(h('ol', { class: 'wijzigingen' }, lijst.slice(0, MAX).map((w) => {
    const wie = (w.door && w.door.label) || 'onbekend';
    const meldingTekst = historieTekst(w);
    if (meldingTekst) {
      return h('li', null, h('p', { class: 'wie' }, h('time', { datetime: w.tijd }, tijdstip(w.tijd)), ' – ', h('strong', null, wie), ` ${meldingTekst}`));
    }
    let wat;
    if (w.actie === 'aangemaakt') wat = 'maakte dit informatiepunt aan';
    else if (w.actie === 'gecontroleerd') wat = 'bevestigde dat alles klopt';
    else if (w.actie === 'verwijderd') wat = 'verwijderde dit informatiepunt';
    else if (!w.veld) wat = `las de gegevens in (${w.actie})`;
    else wat = `wijzigde ${VELDEN[w.veld] || w.veld}`;
    return h('li', null,
      h('p', { class: 'wie' }, h('time', { datetime: w.tijd }, tijdstip(w.tijd)), ' – ', h('strong', null, wie), ` ${wat}`),
      w.veld ? h('p', { class: 'oud-nieuw' }, `Was: ${kort(w.oud, w.veld)}. Werd: ${kort(w.nieuw, w.veld)}.`) : null);
  })));
  if (lijst.length > MAX) doel.appendChild(h('p', { class: 'zacht' }, `Er zijn nog ${lijst.length - MAX} oudere wijzigingen.`));
}

// ---------- start ----------

function start() {
  $('inlog-form').addEventListener('submit', inloggen);
  $('uitloggen').addEventListener('click', uitloggen);
  $('kies-form').addEventListener('submit', kiesLocatie);
  $('spreekuur-toevoegen').addEventListener('click', voegSpreekuurToe);
  $('bewerk-form').addEventListener('submit', (e) => { e.preventDefault(); opslaan(); });
  $('gecontroleerd').addEventListener('click', () => opslaan({ gecontroleerd: true }));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
