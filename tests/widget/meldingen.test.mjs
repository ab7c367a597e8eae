// Browser tests of the residents' reports (meldingen, issue 14) on /beheer, against the real service and
// a real database: a report reaches the library's /beheer with a count in the chooser, its text shown as
// text (a <script> in it stays text), closed there with an answer, with the audit entries; and the
// "Alles klopt" button confirms through POST /v1/informatiepunten/{id}/controle.
//
//   IDO_BINARY=build/service/ido-vinder IDO_SOURCE_DIR=. node --test tests/widget/meldingen.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { bouwWidget, startServiceMetDatabase, maakSleutel, startBrowser, nieuweContext, axe, screenshotPad } from './lib.mjs';

// IDO-VB-067 is Bibliotheek Utrecht's one help point in the seed set.
const UTRECHT = 'IDO-VB-067';
const TEKST = 'De ingang is verhuisd <script>window.gehackt = true</script> naar de zijkant';

let service;
let browser;
let API;
let sleutels;

before(async () => {
  bouwWidget();
  service = await startServiceMetDatabase();
  API = service.url;
  sleutels = {
    utrecht: maakSleutel(service.db, '--rol', 'bibliotheek', '--organisatie', 'Bibliotheek Utrecht', '--label', 'Balie Utrecht'),
  };
  browser = await startBrowser();
});

after(async () => {
  if (browser) await browser.close();
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

test('a report reaches the library\'s /beheer, shown as text, and is closed there with the audit entries', async () => {
  const r = await fetch(`${API}/v1/informatiepunten/${UTRECHT}/meldingen`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ soort: 'adres', toelichting: TEKST }),
  });
  const antwoord = await r.text();
  assert.equal(r.status, 201, antwoord);
  const { id } = JSON.parse(antwoord);

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
