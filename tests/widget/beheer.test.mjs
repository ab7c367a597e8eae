// Browser tests of the editing page /beheer against the real ido-vinder service and a real database.
//
//   IDO_BINARY=build/service/ido-vinder IDO_SOURCE_DIR=. node --test tests/widget/beheer.test.mjs
//
// CTest runs this (tests/widget/CMakeLists.txt, label "browser"). The service runs on a free port with
// a fresh database in a temporary directory; tokens are made in that database with the real CLI
// (`ido-vinder token create ... --db`). Chromium (Debian's, through playwright-core) drives the page;
// axe-core checks every state; screenshots go to IDO_SCREENSHOT_DIR (beheer-*.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  bouwWidget, startServiceMetDatabase, maakSleutel, startBrowser, nieuweContext, axe, screenshotPad, hostVan,
} from './lib.mjs';

// Bibliotheek Noord-Veluwe has five help points in the seed set, Bibliotheek Utrecht one (IDO-VB-067).
const NOORD_VELUWE = 'Bibliotheek Noord-Veluwe';
const EPE = 'IDO-VB-058';
const VAASSEN = 'IDO-VB-059';
const HEERDE = 'IDO-VB-060';
const HATTEM = 'IDO-VB-061';
const ELBURG = 'IDO-VB-062';

let service;
let browser;
let API;
let sleutels;

before(async () => {
  bouwWidget();
  service = await startServiceMetDatabase();
  API = service.url;
  sleutels = {
    noordVeluwe: maakSleutel(service.db, '--rol', 'bibliotheek', '--organisatie', NOORD_VELUWE, '--label', 'Balie Noord-Veluwe'),
    utrecht: maakSleutel(service.db, '--rol', 'bibliotheek', '--organisatie', 'Bibliotheek Utrecht'),
    beheerder: maakSleutel(service.db, '--rol', 'beheerder', '--label', 'Landelijk beheer'),
  };
  browser = await startBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (service) await service.stop();
});

// ---------- helpers ----------

async function apiGet(id) {
  const r = await fetch(`${API}/v1/informatiepunten/${id}`);
  return { etag: r.headers.get('etag'), body: await r.json() };
}

async function apiPatch(id, sleutel, body) {
  const { etag } = await apiGet(id);
  const r = await fetch(`${API}/v1/informatiepunten/${id}`, {
    method: 'PATCH', headers: { Authorization: `Bearer ${sleutel}`, 'If-Match': etag, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  assert.equal(r.status, 200, `PATCH behind the page's back: ${await r.text()}`);
}

async function geenAxeFouten(page, staat) {
  const v = await axe(page);
  assert.deepEqual(v, [], `axe-core violations in state "${staat}":\n${JSON.stringify(v, null, 2)}`);
}

function alleenDezeServer(verzoeken, staat) {
  const buiten = verzoeken.filter((u) => !u.startsWith('data:') && hostVan(u) !== hostVan(API));
  assert.deepEqual(buiten, [], `${staat}: requests to other hosts`);
}

async function geenOpslag(context, page, sleutel) {
  assert.deepEqual(await context.cookies(), [], 'no cookies');
  const s = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, url: location.href }));
  assert.equal(s.local, 0, 'nothing in localStorage');
  assert.equal(s.session, 0, 'nothing in sessionStorage');
  assert.ok(!s.url.includes(sleutel), 'the token is not in the URL');
}

async function nieuwePagina(opties) {
  const ctx = await nieuweContext(browser, opties);
  const page = await ctx.context.newPage();
  await page.goto(`${API}/beheer`);
  await page.locator('#sleutel').waitFor();
  return { ...ctx, page };
}

/** Logs in and waits until the first location is open, or a message says why not. */
async function inloggen(page, sleutel, organisatie) {
  await page.locator('#sleutel').fill(sleutel);
  await page.locator('#organisatie').fill(organisatie);
  await page.getByRole('button', { name: 'Toon mijn informatiepunten' }).click();
  // The page marks <main> aria-busy from the click until every request of the login is answered.
  await page.waitForFunction(() => !document.querySelector('main').hasAttribute('aria-busy') && (!document.querySelector('#bewerken').hidden
    || document.querySelector('#algemene-melding').textContent.trim() !== ''
    || [...document.querySelectorAll('#inloggen .veldfout')].some((e) => !e.hidden)), null, { timeout: 15000 });
}

async function openLocatie(page, id) {
  await page.locator('#locatie').selectOption(id);
  await page.getByRole('button', { name: 'Gegevens openen' }).click();
  await page.waitForFunction((i) => !document.querySelector('#bewerken').hidden && document.querySelector('#locatie').value === i
    && !document.querySelector('main').hasAttribute('aria-busy')
    && document.querySelector('#locatie-adres').textContent !== '', id, { timeout: 15000 });
  const { body } = await apiGet(id);
  assert.equal(await page.locator('#locatie-naam').textContent(), body.naam);
}

const tijdenVeld = (page, n = 0) => page.locator('#spreekuren fieldset.spreekuur').nth(n).locator('input[data-veld=openingstijden]');

async function wachtOpOpgeslagen(page) {
  await page.locator('#opslag-melding .melding-goed').waitFor({ timeout: 15000 });
  return (await page.locator('#opslag-melding').textContent()).trim();
}

async function wachtOpFoutoverzicht(page) {
  await page.locator('#foutoverzicht:not([hidden])').waitFor({ timeout: 15000 });
  return (await page.locator('#foutoverzicht').textContent()).trim();
}

/** The focused element, and whether its focus is visible (outline of 2px or more, or a ring). */
async function focus(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const cs = getComputedStyle(el);
    return {
      id: el.id, tag: el.tagName.toLowerCase(), tekst: (el.textContent || '').trim().slice(0, 60), veld: el.dataset ? el.dataset.veld || null : null,
      zichtbaar: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none',
    };
  });
}

/** Presses Tab until `klopt(focus)`; every element on the way must show its focus. */
async function tabNaar(page, klopt, max = 200) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focus(page);
    if (f.tag !== 'body') assert.ok(f.zichtbaar, `focus is visible on ${JSON.stringify(f)}`);
    if (klopt(f)) return f;
  }
  throw new Error('Tab never reached the element');
}

// ---------- tests ----------

test('a library logs in, changes the hours of one of its help points, saves, sees the new status and the history', async () => {
  const { context, page, verzoeken, fouten } = await nieuwePagina();
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  await geenAxeFouten(page, 'start');
  await page.screenshot({ path: screenshotPad('beheer-start'), fullPage: true });

  await inloggen(page, sleutels.noordVeluwe, NOORD_VELUWE);
  assert.equal(await page.locator('#locatie option').count(), 5, 'the five help points of the library');
  assert.match(await page.locator('#inlog-melding').textContent(), /5 informatiepunten gevonden/);
  await openLocatie(page, VAASSEN);
  await geenAxeFouten(page, 'location open');

  const voor = await apiGet(VAASSEN);
  await tijdenVeld(page).fill('Mo-Fr 09:30-12:30');
  await page.locator('#spreekuren fieldset.spreekuur').first().locator('input[data-veld=naam]').fill('Inloopspreekuur');
  await page.locator('#spreekuren fieldset.spreekuur').first().getByLabel('Nee, bezoekers kunnen binnenlopen').check();
  await page.locator('#spreekuren fieldset.spreekuur').first().getByLabel('Toeslagen').check();
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  const melding = await wachtOpOpgeslagen(page);

  // Saved in the service, with a new version.
  const na = await apiGet(VAASSEN);
  assert.notEqual(na.etag, voor.etag);
  assert.equal(na.body.spreekuren[0].openingstijden, 'Mo-Fr 09:30-12:30');
  assert.equal(na.body.spreekuren[0].naam, 'Inloopspreekuur');
  assert.equal(na.body.spreekuren[0].opAfspraak, false);
  assert.ok(na.body.diensten.includes('toeslagen'));

  // The preview: the visitor's status and the coming spreekuren, from the saved record.
  const status = (await page.locator('#voorbeeld-status').textContent()).trim();
  const verwacht = na.body.status.code === 'open' ? /^Nu open tot 12:30$/ : /^Gesloten – opent .*09:30$/;
  assert.match(status, verwacht, `status ${JSON.stringify(na.body.status)}`);
  assert.ok(melding.includes(status), `the saved message names the status: ${melding}`);
  const komend = await page.locator('#voorbeeld-inhoud .komend li').allTextContents();
  assert.ok(komend.length >= 8, `ten weekdays in two weeks: ${komend.join(' | ')}`);
  // A slot that is under way now is listed from this minute on ("11:21–12:30"), so only the first
  // entry may start later than 09:30, and only while the help point is open.
  const [eerste, ...rest] = komend;
  const eersteVerwacht = na.body.status.code === 'open' ? /^.* (09:30|\d\d:\d\d)–12:30, Inloopspreekuur$/ : /09:30–12:30, Inloopspreekuur$/;
  assert.match(eerste, eersteVerwacht, komend.join(' | '));
  assert.ok(rest.every((k) => /09:30–12:30, Inloopspreekuur$/.test(k)), komend.join(' | '));

  // The history names the token's label and the field.
  const historie = await page.locator('#historie li').first().textContent();
  assert.match(historie, /Balie Noord-Veluwe wijzigde de spreekuren/);
  assert.match(historie, /Mo-Fr 09:30-12:30/);
  await geenAxeFouten(page, 'saved');
  await page.screenshot({ path: screenshotPad('beheer-opgeslagen'), fullPage: true });

  // Contact and notice go in one PATCH, then "alles klopt" is the controle action (POST .../controle).
  await page.getByLabel('Telefoonnummer').fill('0578 123 456');
  await page.getByLabel('Mededeling voor bezoekers').fill('Tijdelijk gesloten tot 5 januari');
  await page.getByRole('button', { name: 'Alles klopt, vandaag gecontroleerd' }).click();
  await page.waitForFunction(() => /Opgeslagen om/.test(document.querySelector('#opslag-melding').textContent)
    && /gecontroleerd op/.test(document.querySelector('#voorbeeld-inhoud').textContent), null, { timeout: 15000 });
  const gecontroleerd = await apiGet(VAASSEN);
  const vandaag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  assert.equal(gecontroleerd.body.laatstGecontroleerd, vandaag);
  assert.equal(gecontroleerd.body.contact.telefoon, '0578 123 456');
  assert.equal(gecontroleerd.body.mededeling, 'Tijdelijk gesloten tot 5 januari');
  assert.equal(await page.locator('#voorbeeld-inhoud .mededeling').textContent(), 'Tijdelijk gesloten tot 5 januari');
  await page.waitForFunction(() => /bevestigde dat alles klopt/.test(document.querySelector('#historie').textContent));
  const velden = await page.locator('#historie li .wie').allTextContents();
  for (const v of ['de contactgegevens', 'de mededeling', 'bevestigde dat alles klopt', 'de spreekuren']) assert.ok(velden.some((x) => x.includes(v)), `history lists ${v}`);

  // Nothing to save: said plainly, no request.
  const aantal = verzoeken.length;
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await page.locator('#opslag-melding').filter({ hasText: 'U hebt niets veranderd' }).waitFor();
  assert.equal(verzoeken.length, aantal);

  await geenAxeFouten(page, 'checked');
  await geenOpslag(context, page, sleutels.noordVeluwe);
  alleenDezeServer(verzoeken, 'library edit');
  assert.deepEqual(fouten, []);
  await context.close();
});

test('a stale edit (changed through the API behind the page) shows the 412 message and offers to reload', async () => {
  const { context, page, verzoeken, fouten } = await nieuwePagina();
  await inloggen(page, sleutels.noordVeluwe, NOORD_VELUWE);
  await openLocatie(page, HEERDE);
  await apiPatch(HEERDE, sleutels.beheerder, { mededeling: 'Gewijzigd door de beheerder' });

  await tijdenVeld(page).fill('Th 09:30-12:30; PH off');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  const tekst = await wachtOpFoutoverzicht(page);
  assert.match(tekst, /Iemand anders heeft dit informatiepunt gewijzigd terwijl u bezig was/);
  assert.match(tekst, /niet opgeslagen/);
  assert.equal(await page.locator('#foutoverzicht').getAttribute('role'), 'alert');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'foutoverzicht', 'focus moves to the message');
  assert.equal((await apiGet(HEERDE)).body.spreekuren[0].openingstijden, '', 'nothing saved');
  await geenAxeFouten(page, '412');
  await page.screenshot({ path: screenshotPad('beheer-412'), fullPage: true });

  // Reload: the other change shows, and the edit can be done again.
  await page.getByRole('button', { name: 'Nieuwe gegevens laden' }).click();
  await page.waitForFunction(() => document.querySelector('#mededeling').value === 'Gewijzigd door de beheerder');
  assert.ok(await page.locator('#foutoverzicht').isHidden());
  assert.match(await page.locator('#historie').textContent(), /Landelijk beheer wijzigde de mededeling/);
  await tijdenVeld(page).fill('Th 09:30-12:30; PH off');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await wachtOpOpgeslagen(page);
  assert.equal((await apiGet(HEERDE)).body.spreekuren[0].openingstijden, 'Th 09:30-12:30; PH off');
  alleenDezeServer(verzoeken, '412');
  assert.deepEqual(fouten, []);
  await context.close();
});

test('an invalid expression shows the server\'s position error next to the field, linked and announced', async () => {
  const { context, page, verzoeken, fouten } = await nieuwePagina();
  await inloggen(page, sleutels.noordVeluwe, NOORD_VELUWE);
  await openLocatie(page, EPE);
  // A second spreekuur with the error, to check the error finds the right field.
  await page.getByRole('button', { name: 'Spreekuur toevoegen' }).click();
  assert.equal(await page.locator('#spreekuren fieldset.spreekuur').count(), 2);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.veld), 'naam', 'focus goes to the new spreekuur');
  await page.keyboard.type('Belastingspreekuur');
  await tijdenVeld(page, 0).fill('We 10:00-12:00');
  await tijdenVeld(page, 1).fill('Mo 25:00-26:00');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  const overzicht = await wachtOpFoutoverzicht(page);
  assert.match(overzicht, /Er is 1 fout/);
  assert.match(overzicht, /Spreekuur 2: Openingstijden: De openingstijden kloppen niet\. Fout op positie 3/);

  const veld = tijdenVeld(page, 1);
  const id = await veld.getAttribute('id');
  assert.equal(await veld.getAttribute('aria-invalid'), 'true');
  const beschreven = (await veld.getAttribute('aria-describedby')).split(' ');
  assert.ok(beschreven.includes(`${id}-fout`), 'the error is linked with aria-describedby');
  assert.ok(beschreven.includes(`${id}-positie`), 'the marked position too');
  const fout = await page.locator(`#${id}-fout`).textContent();
  assert.match(fout, /^Fout: De openingstijden kloppen niet\. Fout op positie 3/);
  assert.equal(await page.locator(`#${id}-positie mark`).textContent(), '2');
  assert.equal(await tijdenVeld(page, 0).getAttribute('aria-invalid'), null, 'the other spreekuur has no error');
  assert.equal((await apiGet(EPE)).etag, '"1"', 'nothing saved');
  await geenAxeFouten(page, '400');
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPad('beheer-fout-positie'), fullPage: true });

  // The link in the summary takes the keyboard to the field.
  await page.keyboard.press('Tab');
  assert.match((await focus(page)).tekst, /Spreekuur 2: Openingstijden/);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), id);

  // Local checks: a bad phone number is caught before anything is sent.
  const aantal = verzoeken.length;
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Mo 14:00-16:00');
  await page.getByLabel('Telefoonnummer').fill('bel ons');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await wachtOpFoutoverzicht(page);
  assert.equal(verzoeken.length, aantal, 'no request for a phone number the server would refuse');
  assert.equal(await page.getByLabel('Telefoonnummer').getAttribute('aria-invalid'), 'true');
  assert.equal(await tijdenVeld(page, 1).getAttribute('aria-invalid'), null, 'old errors are cleared');
  await geenAxeFouten(page, 'local error');

  // Fixed: both spreekuren are saved; removing one works too.
  await page.getByLabel('Telefoonnummer').fill('');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await wachtOpOpgeslagen(page);
  const opgeslagen = (await apiGet(EPE)).body;
  assert.deepEqual(opgeslagen.spreekuren.map((s) => [s.naam, s.openingstijden]),
    [['Informatiepunt Digitale Overheid', 'We 10:00-12:00'], ['Belastingspreekuur', 'Mo 14:00-16:00']]);
  await page.getByRole('button', { name: 'Verwijder spreekuur 2' }).click();
  assert.equal(await page.locator('#spreekuren fieldset.spreekuur').count(), 1);
  assert.ok(await page.getByRole('button', { name: /Verwijder spreekuur/ }).isHidden(), 'the last spreekuur cannot be removed');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await page.waitForFunction(() => /Opgeslagen om/.test(document.querySelector('#opslag-melding').textContent));
  assert.equal((await apiGet(EPE)).body.spreekuren.length, 1);
  alleenDezeServer(verzoeken, '400');
  assert.deepEqual(fouten, []);
  await context.close();
});

test('a token of another library gets the 403 message; an unknown token is named at the token field', async () => {
  const { context, page, verzoeken, fouten } = await nieuwePagina();
  // The Utrecht token, with Noord-Veluwe typed in: the page opens the first of those and the token may not.
  await inloggen(page, sleutels.utrecht, NOORD_VELUWE);
  const melding = (await page.locator('#algemene-melding').textContent()).trim();
  assert.match(melding, /Deze sleutel mag .* niet wijzigen/);
  assert.equal(await page.locator('#algemene-melding').getAttribute('role'), 'alert');
  assert.ok(await page.locator('#bewerken').isHidden(), 'no form to fill in for nothing');
  await geenAxeFouten(page, '403');
  await page.screenshot({ path: screenshotPad('beheer-403'), fullPage: true });

  // A write refused with 403: the beheerder moves a help point to another organisation while it is open.
  await inloggen(page, sleutels.noordVeluwe, NOORD_VELUWE);
  await openLocatie(page, ELBURG);
  await apiPatch(ELBURG, sleutels.beheerder, { organisatie: 'Bibliotheek Elders' });
  await tijdenVeld(page).fill('Tu 10:00-12:00');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  assert.match(await wachtOpFoutoverzicht(page), /Deze sleutel mag dit informatiepunt niet wijzigen\. Uw wijzigingen zijn niet opgeslagen/);
  await geenAxeFouten(page, '403 on save');

  // An unknown token: said at the field itself.
  await inloggen(page, 'idov_bestaatniet', NOORD_VELUWE);
  await page.locator('#sleutel-fout:not([hidden])').waitFor();
  assert.match(await page.locator('#sleutel-fout').textContent(), /onbekend of ingetrokken/);
  assert.equal(await page.locator('#sleutel').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'sleutel');
  // Not a token at all: refused without a request (and without counting as a failed login).
  const aantal = verzoeken.length;
  await page.locator('#sleutel').fill('mijn wachtwoord');
  await page.getByRole('button', { name: 'Toon mijn informatiepunten' }).click();
  await page.locator('#sleutel-fout').filter({ hasText: 'begint met idov_' }).waitFor();
  assert.equal(verzoeken.length, aantal);
  // An organisation without help points.
  await page.locator('#sleutel').fill(sleutels.noordVeluwe);
  await page.locator('#organisatie').fill('Bibliotheek Nergens');
  await page.getByRole('button', { name: 'Toon mijn informatiepunten' }).click();
  await page.locator('#organisatie-fout').filter({ hasText: 'Er zijn geen informatiepunten van' }).waitFor();
  await geenAxeFouten(page, 'login errors');
  alleenDezeServer(verzoeken, '403');
  assert.deepEqual(fouten, []);
  await context.close();
});

test('keyboard only: log in, open, change the hours and save with visible focus all the way', async () => {
  const { context, page, verzoeken, fouten } = await nieuwePagina();
  await tabNaar(page, (f) => f.id === 'sleutel');
  await page.keyboard.type(sleutels.noordVeluwe);
  await page.keyboard.press('Tab');
  assert.equal((await focus(page)).id, 'organisatie');
  await page.keyboard.type(NOORD_VELUWE);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('#bewerken').hidden, null, { timeout: 15000 });
  assert.equal((await focus(page)).id, 'bewerken-kop', 'focus moves to the opened help point');

  // Choose Hattem with the keyboard: back to the chooser (Shift+Tab), arrow keys, Enter on the button.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focus(page)).id, 'locatie');
  await page.locator('#locatie').selectOption(HATTEM); // a closed <select> takes arrow keys in Chromium; this is the same event
  await page.keyboard.press('Tab');
  assert.match((await focus(page)).tekst, /Gegevens openen/);
  await page.keyboard.press('Enter');
  await page.waitForFunction((i) => document.querySelector('#locatie-naam').textContent.includes('Hattem') && document.activeElement.id === 'bewerken-kop', HATTEM);

  await tabNaar(page, (f) => f.veld === 'openingstijden');
  await page.keyboard.type('Sa 10:00-12:00; PH off');
  await tabNaar(page, (f) => f.tag === 'summary');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.voorbeelden').first().getAttribute('open'), '', 'the examples open with Enter');
  await tabNaar(page, (f) => f.id === 'opslaan');
  await page.keyboard.press('Enter');
  await wachtOpOpgeslagen(page);
  assert.equal((await apiGet(HATTEM)).body.spreekuren[0].openingstijden, 'Sa 10:00-12:00; PH off');
  await geenAxeFouten(page, 'keyboard save');
  alleenDezeServer(verzoeken, 'keyboard');
  assert.deepEqual(fouten, []);
  await context.close();
});

test('works at 320 px wide without horizontal scrolling', async () => {
  const { context, page, verzoeken, fouten } = await nieuwePagina({ viewport: { width: 320, height: 640 } });
  await inloggen(page, sleutels.noordVeluwe, NOORD_VELUWE);
  await openLocatie(page, VAASSEN);
  await page.getByRole('button', { name: 'Spreekuur toevoegen' }).click();
  await tijdenVeld(page, 1).fill('Mo 25:00');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await wachtOpFoutoverzicht(page);
  const m = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, vp: document.documentElement.clientWidth }));
  assert.ok(m.doc <= m.vp, `no horizontal scroll at 320 px (${m.doc} > ${m.vp})`);
  await geenAxeFouten(page, '320 px');
  await page.screenshot({ path: screenshotPad('beheer-320'), fullPage: true });
  await page.locator('#foutoverzicht').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPad('beheer-320-fout') });
  alleenDezeServer(verzoeken, '320 px');
  assert.deepEqual(fouten, []);
  await context.close();
});
