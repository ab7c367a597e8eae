// Browser test of the widget attribute voorbeelden="uit": the generated examples of the seed set
// (herkomst.soort "gegenereerd") are not shown, neither in a municipality's list (filtered in the
// widget) nor in a search (filtered by the service: zonderVoorbeelden=true). Without the attribute
// the same lists do show them, so the test fails when the attribute stops working.
//
//   IDO_BINARY=build/service/ido-vinder IDO_SOURCE_DIR=. node --test tests/widget/voorbeelden.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { bouwWidget, startService, startHostServer, startBrowser, nieuweContext, axe, screenshotPad, GELIJKTIJDIG } from './lib.mjs';

const TEGELS = 'https://tegels.voorbeeld.test/{z}/{x}/{y}.png';
let service;
let host;
let browser;

function pagina(attributen) {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Informatiepunten</title>
<script src="${service.url}/widget/v1/ido-vinder.js" defer></script></head>
<body><main><h1>Hulp bij digitale zaken</h1><ido-vinder tegels="${TEGELS}" ${attributen}></ido-vinder></main></body></html>`;
}

before(async () => {
  bouwWidget();
  service = await startService();
  host = await startHostServer({
    '/utrecht.html': pagina('gemeente="GM0344"'),
    '/utrecht-zonder.html': pagina('gemeente="GM0344" voorbeelden="uit"'),
    '/land.html': pagina(''),
    '/land-zonder.html': pagina('voorbeelden="uit"'),
  });
  browser = await startBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (host) await host.stop();
  if (service) await service.stop();
});

async function wachtOpLijst(page) {
  await page.waitForFunction(() => {
    const r = document.querySelector('ido-vinder')?.shadowRoot?.querySelector('.ido');
    if (!r || r.getAttribute('aria-busy') === 'true') return false;
    return r.querySelectorAll('.item').length > 0 || (r.querySelector('.melding')?.textContent.trim() ?? '') !== '';
  }, null, { timeout: 15000 });
}

/** The ids in the list and whether each is labelled as a generated example. */
async function items(page) {
  return page.evaluate(() => [...document.querySelector('ido-vinder').shadowRoot.querySelectorAll('.item')].map((li) => ({
    id: li.dataset.id, voorbeeld: !!li.querySelector('.label-voorbeeld:not(.label-onbevestigd)'),
  })));
}

async function lijstVan(pad, zoek) {
  const { context, verzoeken, fouten } = await nieuweContext(browser);
  const page = await context.newPage();
  await page.goto(`${host.url}${pad}`);
  if (zoek) {
    const invoer = page.locator('ido-vinder input[role=combobox]');
    await invoer.waitFor();
    await invoer.fill(zoek);
    await invoer.press('Escape');
    await page.locator('ido-vinder button[type=submit]').click();
  }
  await wachtOpLijst(page);
  const lijst = await items(page);
  return { context, page, verzoeken, fouten, lijst };
}

// The cases below are independent (each its own browser context; the service is only read), so up to
// GELIJKTIJDIG of them run at the same time: a case spends most of its time waiting for the browser.
describe('voorbeelden.test.mjs', { concurrency: GELIJKTIJDIG }, () => {
  test('voorbeelden="uit" hides the generated examples in a municipality\'s list', async () => {
    const res = await fetch(`${service.url}/v1/gemeenten/GM0344/informatiepunten`);
    const echt = (await res.json()).informatiepunten.filter((ip) => ip.herkomst.soort !== 'gegenereerd').map((ip) => ip.id).sort();
    assert.ok(echt.length > 0, 'Utrecht has real records in the seed set');

    const met = await lijstVan('/utrecht.html');
    assert.ok(met.lijst.some((x) => x.voorbeeld), 'without the attribute the generated examples are shown');
    await met.context.close();

    const zonder = await lijstVan('/utrecht-zonder.html');
    assert.deepEqual(zonder.lijst.filter((x) => x.voorbeeld), [], 'no generated example with voorbeelden="uit"');
    assert.deepEqual(zonder.lijst.map((x) => x.id).sort(), echt, 'exactly the real records of the municipality');
    assert.deepEqual(await axe(zonder.page), []);
    assert.deepEqual(zonder.fouten, []);
    await zonder.page.screenshot({ path: screenshotPad('voorbeelden-uit-gemeente'), fullPage: true });
    await zonder.context.close();
  });

  test('voorbeelden="uit" asks the service for a search without them', async () => {
    const met = await lijstVan('/land.html', 'Zwolle');
    assert.ok(met.lijst.some((x) => x.voorbeeld), 'a search near Zwolle shows generated examples without the attribute');
    assert.ok(!met.verzoeken.some((u) => u.includes('zonderVoorbeelden')));
    await met.context.close();

    const zonder = await lijstVan('/land-zonder.html', 'Zwolle');
    assert.ok(zonder.lijst.length > 0, 'still a list of real help points');
    assert.deepEqual(zonder.lijst.filter((x) => x.voorbeeld), []);
    assert.ok(zonder.verzoeken.some((u) => /\/v1\/informatiepunten\?.*zonderVoorbeelden=true/.test(u)), 'the filter goes to the service');
    assert.deepEqual(await axe(zonder.page), []);
    await zonder.context.close();
  });
});
