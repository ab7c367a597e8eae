// Browser test of the widget's partner block (web-widget/src/partners.js, issue 13): a municipality's
// partners, entered through the API with its token, appear in the widget for that gemeente, with
// working contact links, axe clean and readable at 320 px; a municipality without partners shows none.
//
//   IDO_BINARY=build/service/ido-vinder IDO_SOURCE_DIR=. node --test tests/widget/partners.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  bouwWidget, startServiceMetDatabase, maakSleutel, startHostServer, startBrowser, nieuweContext, axe, screenshotPad, hostVan, GELIJKTIJDIG,
} from './lib.mjs';

let service;
let host;
let browser;
let API;

function pagina(gemeente) {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Hulp in ${gemeente}</title>
<script src="${API}/widget/v1/ido-vinder.js" defer></script></head>
<body><main><h1>Hulp bij digitale zaken</h1><ido-vinder gemeente="${gemeente}" kaart="uit"></ido-vinder></main></body></html>`;
}

before(async () => {
  bouwWidget();
  service = await startServiceMetDatabase();
  API = service.url;
  const sleutel = maakSleutel(service.db, '--rol', 'gemeente', '--gemeente', 'GM0344');
  for (const partner of [
    { naam: 'Taalhuis Utrecht', soort: 'taalhuis', omschrijving: 'Hulp bij lezen, schrijven en de computer.', telefoon: '030 123 4567',
      website: 'https://taalhuis.voorbeeld.test' },
    { naam: 'Belastingspreekuur Overvecht', soort: 'belastingspreekuur', email: 'spreekuur@voorbeeld.test' },
  ]) {
    const r = await fetch(`${API}/v1/gemeenten/GM0344/partners`, {
      method: 'POST', headers: { Authorization: `Bearer ${sleutel}`, 'Content-Type': 'application/json' }, body: JSON.stringify(partner),
    });
    assert.equal(r.status, 201, await r.text());
  }
  host = await startHostServer({ '/utrecht.html': pagina('GM0344'), '/amsterdam.html': pagina('GM0363') });
  browser = await startBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (host) await host.stop();
  if (service) await service.stop();
});

// The cases below are independent (each its own browser context; the service is only read), so up to
// GELIJKTIJDIG of them run at the same time: a case spends most of its time waiting for the browser.
describe('partners.test.mjs', { concurrency: GELIJKTIJDIG }, () => {
  test('the widget shows the municipality\'s partners with contact links, axe clean, only the API contacted', async () => {
    const { context, verzoeken, fouten } = await nieuweContext(browser);
    const page = await context.newPage();
    await page.goto(`${host.url}/utrecht.html`);
    const blok = page.locator('ido-vinder section.partners');
    await blok.waitFor({ state: 'visible', timeout: 20000 });
    assert.equal(await blok.locator('h3').textContent(), 'Meer hulp in uw gemeente');
    const namen = await blok.locator('.partner-naam strong').allTextContents();
    assert.deepEqual(namen, ['Taalhuis Utrecht', 'Belastingspreekuur Overvecht']);
    assert.match(await blok.locator('.partner').first().textContent(), /\(Taalhuis\).*Hulp bij lezen/);
    assert.equal(await blok.locator('a[href^="tel:"]').getAttribute('href'), 'tel:0301234567');
    assert.equal(await blok.locator('a[href^="mailto:"]').getAttribute('href'), 'mailto:spreekuur@voorbeeld.test');
    assert.equal(await blok.locator('a[href^="https:"]').getAttribute('href'), 'https://taalhuis.voorbeeld.test/');
    // The block comes after the list, so a keyboard user reaches it by tabbing on.
    await blok.locator('a[href^="tel:"]').focus();
    assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.getAttribute('href') ?? null), 'tel:0301234567');
    const schendingen = await axe(page);
    assert.deepEqual(schendingen, [], JSON.stringify(schendingen, null, 1));
    await page.screenshot({ path: screenshotPad('partners-utrecht'), fullPage: true });
    assert.ok(verzoeken.some((u) => u.startsWith(`${API}/v1/gemeenten/GM0344/partners`)), 'partners asked from the API');
    const hosts = new Set(verzoeken.map(hostVan));
    for (const h of hosts) assert.ok(h === hostVan(host.url) || h === hostVan(API), `no third-party request: ${h}`);
    assert.deepEqual(fouten, []);
    await context.close();
  });

  test('320 px wide: the partner block reflows without horizontal scrolling', async () => {
    const { context } = await nieuweContext(browser, { viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${host.url}/utrecht.html`);
    await page.locator('ido-vinder section.partners').waitFor({ state: 'visible', timeout: 20000 });
    const breedte = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(breedte <= 320, `page is ${breedte} px wide`);
    await context.close();
  });

  test('a municipality without partners shows no partner block', async () => {
    const { context, verzoeken } = await nieuweContext(browser);
    const page = await context.newPage();
    await page.goto(`${host.url}/amsterdam.html`);
    await page.locator('ido-vinder .resultaten li, ido-vinder ol li').first().waitFor({ timeout: 20000 }).catch(() => {});
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/partners')), null, { timeout: 20000 });
    // The answer is in; its (synchronous) handling is done by the second frame after it (an empty list
    // keeps the block hidden, which is what is checked).
    await page.evaluate(() => new Promise((klaar) => requestAnimationFrame(() => requestAnimationFrame(klaar))));
    assert.deepEqual((await (await fetch(`${service.url}/v1/gemeenten/GM0363/partners`)).json()).partners, [], 'Amsterdam has no partners');
    assert.ok(verzoeken.some((u) => u.includes('/v1/gemeenten/GM0363/partners')));
    assert.equal(await page.locator('ido-vinder section.partners').isHidden(), true);
    await context.close();
  });
});
