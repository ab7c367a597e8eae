// Browser tests of the residents' reports (meldingen, issue 14), against the real service and a real
// database: a report sent with the widget's "Meld een fout" form on a host page of another origin
// reaches the library's /beheer with a count in the chooser, its text shown as text (a <script> in it
// stays text), is closed there with an answer, with the audit entries; the widget says when a help
// point was last checked, in words, and plainly when that is over a year ago; and the "Alles klopt"
// button confirms through POST /v1/informatiepunten/{id}/controle. axe-core checks every state.
//
//   IDO_BINARY=build/service/ido-vinder IDO_SOURCE_DIR=. node --test tests/widget/meldingen.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { bouwWidget, startServiceMetDatabase, startHostServer, maakSleutel, startBrowser, nieuweContext, axe, screenshotPad, hostVan } from './lib.mjs';

// IDO-VB-067 is Bibliotheek Utrecht's one help point in the seed set.
const UTRECHT = 'IDO-VB-067';
const TEKST = 'De ingang is verhuisd <script>window.gehackt = true</script> naar de zijkant';

let service;
let host;
let browser;
let API;
let sleutels;

before(async () => {
  bouwWidget();
  service = await startServiceMetDatabase();
  API = service.url;
  sleutels = {
    utrecht: maakSleutel(service.db, '--rol', 'bibliotheek', '--organisatie', 'Bibliotheek Utrecht', '--label', 'Balie Utrecht'),
    beheerder: maakSleutel(service.db, '--rol', 'beheerder'),
  };
  // A municipality's page on another origin, with the widget as a list (no map, so no tile server).
  host = await startHostServer({
    '/utrecht.html': `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hulp bij digitale zaken in Utrecht</title><script src="${API}/widget/v1/ido-vinder.js" defer></script></head>
<body><main><h1>Hulp bij digitale zaken</h1><ido-vinder gemeente="GM0344" kaart="uit"></ido-vinder></main></body></html>`,
  });
  browser = await startBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (host) await host.stop();
  if (service) await service.stop();
});

async function geenAxeFouten(page, staat) {
  const v = await axe(page);
  assert.deepEqual(v, [], `axe-core violations in state "${staat}":\n${JSON.stringify(v, null, 2)}`);
}

async function wijzigingen(id) {
  const r = await fetch(`${API}/v1/informatiepunten/${id}/wijzigingen`, { headers: { Authorization: `Bearer ${sleutels.utrecht}` } });
  assert.equal(r.status, 200);
  return (await r.json()).wijzigingen;
}

async function inloggen(page) {
  await page.goto(`${API}/beheer`);
  await page.locator('#sleutel').fill(sleutels.utrecht);
  await page.locator('#organisatie').fill('Bibliotheek Utrecht');
  await page.getByRole('button', { name: 'Toon mijn informatiepunten' }).click();
  await page.waitForFunction(() => !document.querySelector('main').hasAttribute('aria-busy') && !document.querySelector('#bewerken').hidden,
    null, { timeout: 15000 });
}

/** Opens the widget's detail of `id` on the host page; returns the page and what it requested. */
async function widgetDetail(id) {
  const { context, verzoeken } = await nieuweContext(browser);
  const page = await context.newPage();
  const fouten = [];
  page.on('pageerror', (e) => fouten.push(e.message));
  await page.goto(`${host.url}/utrecht.html`);
  await page.locator(`ido-vinder .item-knop[data-id="${id}"]`).click();
  await page.locator('ido-vinder .detail-kop').waitFor();
  return { context, page, verzoeken, fouten };
}

test('a report from the widget reaches the library\'s /beheer, shown as text, and is closed there with the audit entries', async () => {
  const w = await widgetDetail(UTRECHT);
  const detail = w.page.locator('ido-vinder .detail');
  const open = detail.getByRole('button', { name: 'Meld een fout in deze gegevens' });
  assert.equal(await open.getAttribute('aria-expanded'), 'false');
  await open.click();
  assert.equal(await open.getAttribute('aria-expanded'), 'true');
  const form = detail.locator('.meld-form');
  // The kinds as radio buttons in a fieldset with a legend, the privacy note tied to the text field.
  assert.equal((await form.locator('fieldset legend').textContent()).trim(), 'Wat klopt er niet?');
  assert.equal(await form.locator('fieldset input[type=radio]').count(), 5);
  const tekstveld = form.getByLabel('Uitleg (niet verplicht)');
  const beschreven = await tekstveld.getAttribute('aria-describedby');
  const privacy = await w.page.evaluate((ids) => ids.split(' ').map((i) => document.querySelector('ido-vinder').shadowRoot.getElementById(i).textContent).join(' '), beschreven);
  assert.match(privacy, /Schrijf geen persoonlijke gegevens op/);
  assert.match(privacy, /Nog 500 tekens over/);
  await geenAxeFouten(w.page, 'widget report form');

  // Sending without a kind: the error is announced (role=alert) and nothing is sent.
  const voor = w.verzoeken.length;
  await form.getByRole('button', { name: 'Melding versturen' }).click();
  assert.equal(await form.locator('.meld-fout').getAttribute('role'), 'alert');
  assert.match(await form.locator('.meld-fout').textContent(), /kies wat er niet klopt/);
  assert.equal(await form.locator('fieldset').getAttribute('aria-invalid'), 'true');
  assert.equal(w.verzoeken.length, voor);
  await geenAxeFouten(w.page, 'widget report error');

  await form.getByLabel('Het adres').check();
  await tekstveld.fill(TEKST);
  assert.equal((await form.locator('.hint[aria-live]').textContent()).trim(), `Nog ${500 - [...TEKST].length} tekens over.`);
  await form.getByRole('button', { name: 'Melding versturen' }).click();
  const bedankt = detail.locator('.meld-bedankt');
  await bedankt.waitFor({ state: 'visible', timeout: 15000 });
  assert.match(await bedankt.textContent(), /Bedankt voor uw melding/);
  assert.equal(await w.page.evaluate(() => document.querySelector('ido-vinder').shadowRoot.activeElement.className), 'meld-bedankt');
  await geenAxeFouten(w.page, 'widget report sent');
  await w.page.screenshot({ path: screenshotPad('meldingen-widget-bedankt'), fullPage: true });
  // Only the API was asked, and nothing was stored in the browser.
  assert.deepEqual(w.verzoeken.filter((u) => ![hostVan(API), hostVan(host.url)].includes(hostVan(u))), []);
  assert.deepEqual(await w.context.cookies(), []);
  assert.deepEqual(w.fouten, []);
  await w.context.close();

  const lijst = await (await fetch(`${API}/v1/meldingen?status=open`, { headers: { Authorization: `Bearer ${sleutels.utrecht}` } })).json();
  const gemeld = lijst.meldingen.filter((m) => m.informatiepunt === UTRECHT && m.toelichting === TEKST);
  assert.equal(gemeld.length, 1);
  assert.equal(gemeld[0].soort, 'adres');
  const { id } = gemeld[0];

  const { context } = await nieuweContext(browser);
  const page = await context.newPage();
  const fouten = [];
  page.on('pageerror', (e) => fouten.push(e.message));
  await inloggen(page);

  // The chooser counts the open reports; the open help point lists them.
  assert.match(await page.locator(`#locatie option[value="${UTRECHT}"]`).textContent(), /1 open melding$/);
  const item = page.locator(`.melding-item[data-melding="${id}"]`);
  await item.waitFor();
  assert.equal(await item.locator('.melding-tekst').textContent(), TEKST);
  assert.equal(await item.locator('.melding-tekst script').count(), 0, 'the text is no markup');
  assert.equal(await page.evaluate(() => window.gehackt), undefined, 'no script from a report ran');
  assert.match(await item.textContent(), /Het adres klopt niet/);
  await geenAxeFouten(page, 'open report');
  await page.screenshot({ path: screenshotPad('meldingen-open'), fullPage: true });

  // An answer is required; then close as afgewezen.
  await item.getByRole('button', { name: 'Melding afsluiten' }).click();
  await item.locator('.veldfout:not([hidden])').waitFor();
  assert.equal(await item.locator('textarea').getAttribute('aria-invalid'), 'true');
  await geenAxeFouten(page, 'answer missing');
  await item.getByLabel('Afgewezen: de melding klopt niet').check();
  await item.getByLabel('Uw antwoord').fill('De ingang is nog steeds aan de voorkant.');
  await item.getByRole('button', { name: 'Melding afsluiten' }).click();
  await page.locator('#meldingen-geen').waitFor({ timeout: 15000 });
  assert.equal((await page.locator('#meldingen-status').textContent()).trim(), 'De melding is afgewezen.');
  // The choice list is refreshed by a request of its own after closing: wait for it (it raced under load).
  await page.waitForFunction((id) => !/open melding/.test(document.querySelector(`#locatie option[value="${id}"]`).textContent), UTRECHT, { timeout: 15000 }).catch(() => {});
  assert.doesNotMatch(await page.locator(`#locatie option[value="${UTRECHT}"]`).textContent(), /open melding/);
  await page.waitForFunction(() => /wees een melding af/.test(document.querySelector('#historie').textContent), null, { timeout: 15000 });
  await geenAxeFouten(page, 'report closed');

  // The API agrees, and the audit log has both steps, without the texts.
  const m = await (await fetch(`${API}/v1/meldingen/${id}`, { headers: { Authorization: `Bearer ${sleutels.utrecht}` } })).json();
  assert.equal(m.status, 'afgewezen');
  assert.equal(m.antwoord, 'De ingang is nog steeds aan de voorkant.');
  const log = await wijzigingen(UTRECHT);
  const stappen = log.filter((w) => w.nieuw && w.nieuw.melding === id).map((w) => [w.actie, w.door.label]);
  assert.deepEqual(stappen, [['melding-ontvangen', 'inwoner'], ['melding-afgewezen', 'Balie Utrecht']]);
  assert.ok(!JSON.stringify(log).includes('verhuisd'), 'the resident\'s text is not in the audit log');
  assert.deepEqual(fouten, []);
  await context.close();
});

test('the widget says in words when the help point was checked, and plainly when that is over a year ago', async () => {
  const zet = async (datum) => {
    const etag = (await fetch(`${API}/v1/informatiepunten/${UTRECHT}`)).headers.get('etag');
    const r = await fetch(`${API}/v1/informatiepunten/${UTRECHT}`, {
      method: 'PATCH', headers: { Authorization: `Bearer ${sleutels.beheerder}`, 'If-Match': etag, 'Content-Type': 'application/json' },
      body: JSON.stringify({ laatstGecontroleerd: datum }),
    });
    assert.equal(r.status, 200);
  };
  await zet('2024-10-15');
  let w = await widgetDetail(UTRECHT);
  let regel = w.page.locator('ido-vinder .detail .gecontroleerd');
  assert.equal((await regel.textContent()).trim(), 'Gecontroleerd in oktober 2024. Dat is meer dan een jaar geleden. Misschien klopt niet alles meer.');
  await geenAxeFouten(w.page, 'checked long ago');
  await w.context.close();

  const maandGeleden = new Date(Date.now() - 30 * 24 * 3600 * 1000);
  const datum = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(maandGeleden);
  await zet(datum);
  w = await widgetDetail(UTRECHT);
  regel = w.page.locator('ido-vinder .detail .gecontroleerd');
  const maand = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', month: 'long', year: 'numeric' }).format(maandGeleden);
  assert.equal((await regel.textContent()).trim(), `Gecontroleerd in ${maand}.`);
  await w.context.close();
});

test('"Alles klopt" confirms the help point through the controle action and nothing else changes', async () => {
  const voor = await (await fetch(`${API}/v1/informatiepunten/${UTRECHT}`)).json();
  const { context } = await nieuweContext(browser);
  const page = await context.newPage();
  await inloggen(page);
  await page.getByRole('button', { name: 'Alles klopt, vandaag gecontroleerd' }).click();
  await page.locator('#opslag-melding .melding-goed').waitFor({ timeout: 15000 });
  const vandaag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const na = await (await fetch(`${API}/v1/informatiepunten/${UTRECHT}`)).json();
  assert.equal(na.laatstGecontroleerd, vandaag);
  for (const veld of ['naam', 'adres', 'contact', 'spreekuren', 'diensten', 'mededeling', 'geometrie']) assert.deepEqual(na[veld], voor[veld], veld);
  const laatste = (await wijzigingen(UTRECHT)).at(-1);
  assert.equal(laatste.actie, 'gecontroleerd');
  assert.equal(laatste.nieuw, vandaag);
  await page.waitForFunction(() => /bevestigde dat alles klopt/.test(document.querySelector('#historie').textContent), null, { timeout: 15000 });
  await geenAxeFouten(page, 'confirmed');
  await context.close();
});
