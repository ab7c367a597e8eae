// Browser tests of the server-rendered public pages (issue 15): with JavaScript off the results are
// in the page; with it on the widget takes over the same element without layout shift; axe-core finds
// nothing; a help point's page prints on one A4; its JSON-LD parses as schema.org; the DigiHulplijn
// shows where no help point is near, in the page and in the widget.
//
//   IDO_BINARY=build/service/ido-vinder IDO_SOURCE_DIR=. node --test tests/widget/paginas.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { bouwWidget, startService, startBrowser, nieuweContext, axe, screenshotPad, GELIJKTIJDIG } from './lib.mjs';

let service;
let browser;
let API;

before(async () => {
  console.log(bouwWidget());
  service = await startService();
  API = service.url;
  browser = await startBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (service) await service.stop();
});

async function geenAxeFouten(page, wat) {
  const fouten = await axe(page);
  assert.deepEqual(fouten, [], `${wat}: axe violations\n${JSON.stringify(fouten, null, 2)}`);
}

async function apiJson(pad) {
  const r = await fetch(API + pad, { headers: { Accept: 'application/json' } });
  assert.equal(r.status, 200, pad);
  return r.json();
}

/** The sum of layout shifts not caused by input (what CLS counts), since the page began loading. */
async function layoutShift(page) {
  return page.evaluate(() => new Promise((klaar) => {
    let som = 0;
    new PerformanceObserver((lijst) => {
      for (const e of lijst.getEntries()) if (!e.hadRecentInput) som += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => klaar(som), 300);
  }));
}

/**
 * axe-core needs a script in the page, so a page "without JavaScript" is checked in a context where only
 * the widget's script is refused: the DOM is then what a reader without JavaScript gets.
 */
async function geenAxeFoutenZonderWidget(pad, wat) {
  const { context } = await nieuweContext(browser);
  await context.route(/\/widget\/v1\/ido-vinder[^/]*\.js/, (r) => r.abort());
  const page = await context.newPage();
  await page.goto(API + pad);
  await geenAxeFouten(page, wat);
  await context.close();
}

const PAGINAS = ['/', '/?zoek=3511AB', '/embed?gemeente=GM0344'];

// The cases below are independent (each its own browser context; the service is only read), so up to
// GELIJKTIJDIG of them run at the same time: a case spends most of its time waiting for the browser.
describe('paginas.test.mjs', { concurrency: GELIJKTIJDIG }, () => {
  test('JavaScript off: the finder answers a search with the results in the page; axe clean on every page', { timeout: 180000 }, async () => {
    const { context } = await nieuweContext(browser, { javaScriptEnabled: false, viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    await page.goto(`${API}/`);
    await page.fill('#ido-zoek', '3511AB');
    await page.click('button[type=submit]');
    await page.waitForURL(/\?zoek=3511AB/);
    const api = await apiJson('/v1/informatiepunten?zoek=3511AB');
    const namen = await page.locator('ido-vinder .item-kop a').allTextContents();
    assert.deepEqual(namen, api.informatiepunten.map((ip) => ip.naam));
    assert.equal(await page.locator('ido-vinder .status').count(), namen.length);
    assert.ok(await page.locator('ido-vinder .item-route a').first().isVisible());
    assert.equal(await page.locator('[data-ido-locatie]').isVisible(), false, 'no button that needs a script');
    await page.screenshot({ path: screenshotPad('30-zonder-js-resultaten'), fullPage: true });
    await geenAxeFoutenZonderWidget('/?zoek=3511AB', 'results without JavaScript');

    // The filters are part of the GET form.
    await page.selectOption('#ido-dienst', 'digid');
    await page.click('button[type=submit]');
    await page.waitForURL(/dienst=digid/);
    const gefilterd = await apiJson('/v1/informatiepunten?zoek=3511AB&dienst=digid');
    assert.deepEqual(await page.locator('ido-vinder .item-kop a').allTextContents(), gefilterd.informatiepunten.map((ip) => ip.naam));

    // A search that cannot be answered: a message in the page, status 400.
    const slecht = await page.goto(`${API}/?zoek=qqqxxzzy`);
    assert.equal(slecht.status(), 400);
    assert.match(await page.locator('.melding').textContent(), /niet vinden/);
    await geenAxeFoutenZonderWidget('/?zoek=qqqxxzzy', 'bad query');

    // Following a result to its page.
    await page.goto(`${API}/?zoek=3511AB`);
    await page.locator('ido-vinder .item-kop a').first().click();
    await page.waitForURL(/\/informatiepunten\//);
    assert.equal(await page.locator('h1').textContent(), namen[0]);
    await geenAxeFoutenZonderWidget(new URL(page.url()).pathname, 'help point page');
    for (const pad of ['/', '/embed?gemeente=GM0344']) await geenAxeFoutenZonderWidget(pad, pad);
    await context.close();
  });

  test('JavaScript on: the widget takes over the server markup with no layout shift, axe clean', { timeout: 180000 }, async () => {
    for (const pad of PAGINAS) {
      const { context, fouten } = await nieuweContext(browser, { viewport: { width: 412, height: 823 } });
      const page = await context.newPage();
      await page.goto(API + pad);
      // Taken over: the shadow root's own form is there, and the server markup is no longer shown.
      await page.locator('ido-vinder input[role=combobox]').waitFor();
      if (pad.includes('zoek=') || pad.includes('gemeente=')) await page.locator('ido-vinder .item-knop').first().waitFor();
      const serverOver = await page.evaluate(() => document.querySelectorAll('[data-ido-server]').length);
      assert.equal(serverOver, 0, `${pad}: the server markup is replaced, not left beside the widget's`);
      if (pad.includes('zoek=')) {
        assert.equal(await page.locator('ido-vinder input[role=combobox]').inputValue(), '3511AB', 'the question carries over');
        const api = await apiJson('/v1/informatiepunten?zoek=3511AB');
        assert.equal(await page.locator('ido-vinder .item-knop').count(), api.informatiepunten.length);
      }
      const cls = await layoutShift(page);
      console.log(`CLS ${pad}: ${cls.toFixed(4)}`);
      assert.ok(cls < 0.1, `${pad}: cumulative layout shift ${cls} must be under 0.1`);
      await page.screenshot({ path: screenshotPad(`31-met-js${pad.replace(/[^a-z0-9]+/gi, '-')}`), fullPage: true });
      await geenAxeFouten(page, `${pad} with the widget`);
      assert.deepEqual(fouten, []);
      await context.close();
    }
  });

  test('a help point page: JSON-LD is schema.org, prints on one A4 without header and footer', { timeout: 180000 }, async () => {
    const { context } = await nieuweContext(browser);
    const page = await context.newPage();
    const lijst = await apiJson('/v1/gemeenten/GM0344/informatiepunten');
    const echt = lijst.informatiepunten.find((ip) => !(ip.herkomst && ip.herkomst.soort === 'gegenereerd'));
    const voorbeeld = lijst.informatiepunten.find((ip) => ip.herkomst && ip.herkomst.soort === 'gegenereerd');
    assert.ok(echt, 'a real help point in Utrecht');
    await page.goto(`${API}/informatiepunten/${encodeURIComponent(echt.id)}`);
    const ld = await page.evaluate(() => [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent)));
    assert.equal(ld.length, 1);
    const d = ld[0];
    assert.equal(d['@context'], 'https://schema.org');
    assert.equal(d['@type'], 'GovernmentService');
    const plek = d.availableChannel.serviceLocation;
    assert.equal(plek['@type'], 'Place');
    assert.equal(plek.name, echt.naam);
    assert.equal(plek.geo.latitude, echt.geometrie.coordinates[1]);
    // Each specification is one of the help point's coming slots (same day and times, Amsterdam time).
    const fmt = (iso) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
    const slots = new Set((echt.komendeSpreekuren || []).map((k) => `${fmt(k.begin)}|${fmt(k.eind).slice(11)}`));
    for (const s of plek.openingHoursSpecification || []) {
      assert.equal(s['@type'], 'OpeningHoursSpecification');
      assert.ok(slots.has(`${s.validFrom} ${s.opens.slice(0, 5)}|${s.closes.slice(0, 5)}`), `spec ${JSON.stringify(s)} is a coming slot`);
    }
    assert.equal(await page.locator('link[rel=canonical]').getAttribute('href'), `${API}/informatiepunten/${echt.id}`);
    assert.equal(await page.locator('meta[name=robots]').count(), 0);

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.pagina-kop').isVisible(), false);
    assert.equal(await page.locator('.pagina-voet').isVisible(), false);
    assert.equal(await page.locator('h1').isVisible(), true);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const paginas = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(paginas, 1, `the printed sheet is ${paginas} A4 pages`);
    await page.screenshot({ path: screenshotPad('32-afdruk'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    if (voorbeeld) {
      await page.goto(`${API}/informatiepunten/${encodeURIComponent(voorbeeld.id)}`);
      assert.equal(await page.locator('meta[name=robots]').getAttribute('content'), 'noindex');
      assert.match(await page.locator('.label-voorbeeld').textContent(), /Voorbeeld, geen echte locatie/);
    }
    const weg = await page.goto(`${API}/informatiepunten/bestaat-niet`);
    assert.equal(weg.status(), 404);
    await geenAxeFouten(page, '404 page');
    await context.close();
  });

  test('no help point near: the DigiHulplijn, in the page and in the widget, exactly when the rule says so', { timeout: 180000 }, async () => {
    for (const zoek of ['9975', '3511AB']) {
      const api = await apiJson(`/v1/informatiepunten?zoek=${zoek}`);
      const ips = api.informatiepunten;
      const nu = Date.now();
      const ver = !ips.length || Math.min(...ips.map((ip) => ip.afstand)) > 10000;
      const dicht = !ips.some((ip) => (ip.status && ip.status.code === 'open')
        || (ip.komendeSpreekuren || []).some((k) => Date.parse(k.begin) < nu + 7 * 864e5 && Date.parse(k.eind) > nu));
      const verwacht = ver || dicht;

      const zonder = await nieuweContext(browser, { javaScriptEnabled: false });
      const p1 = await zonder.context.newPage();
      await p1.goto(`${API}/?zoek=${zoek}`);
      assert.equal(await p1.locator('.alternatieven').count(), verwacht ? 1 : 0, `${zoek} without JavaScript`);
      if (verwacht) {
        assert.match(await p1.locator('.alternatieven').textContent(), /DigiHulplijn.*0800-1508/s);
        assert.equal(await p1.locator('.alternatieven a[href="tel:08001508"]').count(), 1);
        await geenAxeFoutenZonderWidget(`/?zoek=${zoek}`, `${zoek}: alternatives`);
      }
      await zonder.context.close();

      const met = await nieuweContext(browser);
      const p2 = await met.context.newPage();
      await p2.goto(`${API}/?zoek=${zoek}`);
      await p2.locator('ido-vinder .item-knop').first().waitFor();
      assert.equal(await p2.locator('ido-vinder .ido .alternatieven').count(), verwacht ? 1 : 0, `${zoek} in the widget`);
      if (verwacht) {
        assert.match(await p2.locator('ido-vinder .ido .alternatieven').textContent(), /0800-1508/);
        await p2.screenshot({ path: screenshotPad(`33-alternatieven-${zoek}`), fullPage: true });
        await geenAxeFouten(p2, `${zoek}: alternatives in the widget`);
      }
      await met.context.close();
    }
  });
});
