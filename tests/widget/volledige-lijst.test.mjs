// Browser test of a municipality's complete list on /beheer (issue 14, section 3), against the real
// service and a real database: the municipality downloads its list, leaves one help point out, checks
// the file (a dry run that shows what would be added, changed and removed, and stores nothing), then
// "Doorvoeren" removes it; a conflict (a change since the export) offers no "Doorvoeren". A library's
// token does not see the section. axe-core checks every state, at 1200 and 320 px.
//
//   IDO_BINARY=build/service/ido-vinder IDO_SOURCE_DIR=. node --test tests/widget/volledige-lijst.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bouwWidget, startServiceMetDatabase, maakSleutel, startBrowser, nieuweContext, axe, screenshotPad } from './lib.mjs';

let service;
let browser;
let API;
let sleutels;
const map = mkdtempSync(join(tmpdir(), 'ido-vinder-lijst-'));

before(async () => {
  bouwWidget();
  service = await startServiceMetDatabase();
  API = service.url;
  sleutels = {
    gemeente: maakSleutel(service.db, '--rol', 'gemeente', '--gemeente', 'GM0344', '--label', 'Gemeente Utrecht, team IDO'),
    bibliotheek: maakSleutel(service.db, '--rol', 'bibliotheek', '--organisatie', 'Bibliotheek Utrecht'),
  };
  browser = await startBrowser();
  // The audit log counts whole seconds, and a change in the second of an export counts as after it:
  // the export below must come in a later second than the seed load.
  await new Promise((r) => setTimeout(r, 1100));
});

after(async () => {
  if (browser) await browser.close();
  if (service) await service.stop();
});

async function geenAxeFouten(page, staat) {
  const v = await axe(page);
  assert.deepEqual(v, [], `axe-core violations in state "${staat}":\n${JSON.stringify(v, null, 2)}`);
}

async function exportCsv() {
  const r = await fetch(`${API}/v1/informatiepunten?formaat=csv&gemeente=GM0344`);
  assert.equal(r.status, 200);
  return r.text();
}

function zonderRij(csv, id) {
  return csv.split('\r\n').filter((regel) => !regel.startsWith(`${id},`)).join('\r\n');
}

async function inloggen(page, sleutel) {
  await page.goto(`${API}/beheer`);
  await page.locator('#sleutel').fill(sleutel);
  await page.locator('#organisatie').fill('GM0344');
  await page.getByRole('button', { name: 'Toon mijn informatiepunten' }).click();
  await page.waitForFunction(() => !document.querySelector('main').hasAttribute('aria-busy') && !document.querySelector('#bewerken').hidden,
    null, { timeout: 15000 });
}

for (const breedte of [1200, 320]) {
  test(`at ${breedte} px: a dry run shows what the list changes, "Doorvoeren" does it`, async () => {
    const weg = breedte === 1200 ? 'GEN-GM0344-08' : 'GEN-GM0344-07';
    const bestand = join(map, `utrecht-${breedte}.csv`);
    writeFileSync(bestand, zonderRij(await exportCsv(), weg));
    const { context, verzoeken, fouten } = await nieuweContext(browser, { viewport: { width: breedte, height: 900 } });
    const page = await context.newPage();
    await inloggen(page, sleutels.gemeente);
    const sectie = page.locator('#lijst');
    await sectie.waitFor({ state: 'visible' });
    assert.match(await sectie.locator('h2').textContent(), /GM0344/);
    assert.equal(await page.locator('#lijst-export').getAttribute('href'), '/v1/informatiepunten?formaat=csv&gemeente=GM0344');
    await geenAxeFouten(page, `lijst ${breedte}`);

    // Without a file: a field error, nothing sent.
    await page.getByRole('button', { name: 'Controleren' }).click();
    assert.match(await page.locator('#lijst-bestand-fout').textContent(), /kies eerst een bestand/);

    await page.locator('#lijst-bestand').setInputFiles(bestand);
    await page.getByRole('button', { name: 'Controleren' }).click();
    const uitslag = page.locator('#lijst-uitslag');
    await uitslag.getByText('Verwijderd (1)').waitFor();
    assert.match(await uitslag.textContent(), new RegExp(`\\(${weg}\\)`));
    assert.match(await uitslag.textContent(), /Toegevoegd \(0\)/);
    assert.match(await uitslag.textContent(), /Gewijzigd \(0\)/);
    assert.equal((await fetch(`${API}/v1/informatiepunten/${weg}`)).status, 200, 'a dry run stores nothing');
    const knop = page.getByRole('button', { name: 'Doorvoeren' });
    await knop.waitFor({ state: 'visible' });
    await geenAxeFouten(page, `proefdraai ${breedte}`);
    await page.screenshot({ path: screenshotPad(`beheer-volledige-lijst-proefdraai-${breedte}`), fullPage: true });

    await knop.click();
    await uitslag.getByText(/De lijst is opgeslagen: 0 toegevoegd, 0 gewijzigd, 1 verwijderd/).waitFor();
    assert.equal((await fetch(`${API}/v1/informatiepunten/${weg}`)).status, 404);
    assert.equal(await knop.isVisible(), false);
    await geenAxeFouten(page, `doorgevoerd ${breedte}`);
    assert.deepEqual(fouten, []);
    assert.ok(verzoeken.every((u) => u.startsWith(API)), `a request to another origin: ${verzoeken.filter((u) => !u.startsWith(API))}`);
    await context.close();
  });
}

test('a change since the export is a conflict: it is named and there is no "Doorvoeren"', async () => {
  const oud = await exportCsv();
  // A library changes a help point through the API after the export.
  const id = 'IDO-VB-067';
  const lees = await fetch(`${API}/v1/informatiepunten/${id}`);
  const patch = await fetch(`${API}/v1/informatiepunten/${id}`, {
    method: 'PATCH', body: JSON.stringify({ mededeling: 'Tijdelijk gesloten' }),
    headers: { Authorization: `Bearer ${sleutels.bibliotheek}`, 'If-Match': lees.headers.get('ETag'), 'Content-Type': 'application/json' },
  });
  assert.equal(patch.status, 200);
  const bestand = join(map, 'oud.csv');
  writeFileSync(bestand, oud);
  const { context } = await nieuweContext(browser);
  const page = await context.newPage();
  await inloggen(page, sleutels.gemeente);
  await page.locator('#lijst-bestand').setInputFiles(bestand);
  await page.getByRole('button', { name: 'Controleren' }).click();
  const uitslag = page.locator('#lijst-uitslag');
  await uitslag.getByText('Gewijzigd sinds de export (1)').waitFor();
  assert.match(await uitslag.textContent(), /Download de lijst opnieuw/);
  assert.match(await uitslag.textContent(), new RegExp(id));
  assert.equal(await page.getByRole('button', { name: 'Doorvoeren' }).isVisible(), false);
  await geenAxeFouten(page, 'conflict');
  await context.close();
});

test('a library\'s token does not see the section', async () => {
  const { context } = await nieuweContext(browser);
  const page = await context.newPage();
  await page.goto(`${API}/beheer`);
  await page.locator('#sleutel').fill(sleutels.bibliotheek);
  await page.locator('#organisatie').fill('Bibliotheek Utrecht');
  await page.getByRole('button', { name: 'Toon mijn informatiepunten' }).click();
  await page.waitForFunction(() => !document.querySelector('main').hasAttribute('aria-busy') && !document.querySelector('#bewerken').hidden,
    null, { timeout: 15000 });
  assert.equal(await page.locator('#lijst').isVisible(), false);
  await context.close();
});
