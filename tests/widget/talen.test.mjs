// Browser tests of the languages (issue 15 §3, docs/talen.md): the finder with a search in each of
// nl, en, ar, tr, pl and uk — axe-core clean, no horizontal scroll at 320 px, Arabic right to left with a
// mirrored layout — the language choice by keyboard (in place, keeping the search), and the widget's
// language from the taal attribute, ?taal= and the browser's languages. One browser; one page per language.
//
//   IDO_BINARY=build/service/ido-vinder IDO_SOURCE_DIR=. node --test tests/widget/talen.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { bouwWidget, startService, startHostServer, startBrowser, nieuweContext, axe, screenshotPad, GELIJKTIJDIG } from './lib.mjs';

let service;
let host;
let browser;
let API;

// What each language must show after a search for 3511AB: words of the count line, and the name of
// the language in the language choice.
const TALEN = {
  nl: { dir: 'ltr', aantal: /informatiepunten gevonden bij/, naam: 'Nederlands' },
  en: { dir: 'ltr', aantal: /information points found near/, naam: 'English' },
  ar: { dir: 'rtl', aantal: /نقاط معلومات قرب/, naam: 'العربية' },
  tr: { dir: 'ltr', aantal: /yakınında \d+ bilgi noktası bulundu/, naam: 'Türkçe' },
  pl: { dir: 'ltr', aantal: /Punkty informacyjne w pobliżu/, naam: 'Polski' },
  uk: { dir: 'ltr', aantal: /знайдено інформаційних пунктів/, naam: 'Українська' },
};

before(async () => {
  bouwWidget();
  service = await startService();
  API = service.url;
  const snippet = (attrs) => `<!doctype html><html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Taal</title>
<script src="${API}/widget/v1/ido-vinder.js" defer></script></head>
<body><main><h1>Hulp</h1><ido-vinder kaart="uit" ${attrs}></ido-vinder></main></body></html>`;
  host = await startHostServer({ '/gast.html': snippet(''), '/turks.html': snippet('taal="tr"') });
  browser = await startBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (host) await host.stop();
  if (service) await service.stop();
});

/** The widget's own DOM once it has taken over the server's markup and shows the results. */
async function naOvername(page) {
  await page.locator('ido-vinder .item-knop').first().waitFor();
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-ido-server]').length), 0);
}

/** The layout shifts not caused by input since the page began loading (what CLS counts). */
function layoutShift(page) {
  return page.evaluate(() => new Promise((klaar) => {
    let som = 0;
    new PerformanceObserver((lijst) => { for (const e of lijst.getEntries()) if (!e.hadRecentInput) som += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => klaar(som), 300);
  }));
}

async function geenHorizontaleScroll(page, wat) {
  const { breed, venster } = await page.evaluate(() => ({ breed: document.documentElement.scrollWidth, venster: window.innerWidth }));
  assert.ok(breed <= venster, `${wat}: the page is ${breed} px wide in a ${venster} px window`);
}

/** Where the number badge and the text of the first result are, and the list's own box. */
function vakken(page) {
  return page.evaluate(() => {
    const root = document.querySelector('ido-vinder').shadowRoot;
    const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right }; };
    const item = root.querySelector('.item');
    return { nr: box(item.querySelector('.nr')), tekst: box(item.querySelector('.item-tekst')), lijst: box(root.querySelector('.lijst')) };
  });
}

// The cases below are independent (each its own browser context; the service is only read), so up to
// GELIJKTIJDIG of them run at the same time: a case spends most of its time waiting for the browser.
describe('talen.test.mjs', { concurrency: GELIJKTIJDIG }, () => {
  test('every language: the finder with a search, the right lang and dir, no layout shift, axe clean, no horizontal scroll at 320 px', { timeout: 240000 }, async () => {
    const links = {};
    for (const [taal, verwacht] of Object.entries(TALEN)) {
      const { context, fouten } = await nieuweContext(browser, { viewport: { width: 320, height: 800 } });
      const page = await context.newPage();
      const antwoord = await page.goto(`${API}/?zoek=3511AB&taal=${taal}`);
      assert.equal(antwoord.headers()['content-language'], taal);
      await naOvername(page);
      assert.equal(await page.evaluate(() => document.documentElement.lang), taal);
      assert.equal(await page.evaluate(() => document.documentElement.dir), verwacht.dir);
      const root = page.locator('ido-vinder .ido');
      assert.equal(await root.getAttribute('lang'), taal);
      assert.equal(await root.getAttribute('dir'), verwacht.dir);
      assert.match(await page.locator('ido-vinder .aantal').textContent(), verwacht.aantal);
      assert.equal(await page.locator('ido-vinder input[role=combobox]').inputValue(), '3511AB');
      // The page's language choice: each language in its own words, with lang, the current one marked.
      assert.equal(await page.locator(`.pagina-kop .talen a[lang="${taal}"]`).textContent(), verwacht.naam);
      assert.equal(await page.locator('.pagina-kop .talen a[aria-current="true"]').getAttribute('lang'), taal);
      assert.equal(await page.locator('.pagina-kop .talen a[lang]').count(), 6);
      // The server's markup in this language and the widget's read alike: nothing moves on takeover.
      const cls = await layoutShift(page);
      assert.ok(cls < 0.1, `${taal}: cumulative layout shift ${cls} on takeover must be under 0.1`);
      links[taal] = await vakken(page);
      await geenHorizontaleScroll(page, `/?zoek=3511AB&taal=${taal}`);
      await page.screenshot({ path: screenshotPad(`60-taal-${taal}`), fullPage: true });
      const schendingen = await axe(page);
      assert.deepEqual(schendingen, [], `${taal}: axe violations\n${JSON.stringify(schendingen, null, 2)}`);
      assert.deepEqual(fouten, [], `${taal}: page errors`);
      await context.close();
    }
    // Arabic mirrors: the number badge stands to the right of the text, and the text starts at the
    // list's right edge; in Dutch the badge is on the left and the text starts at the left edge.
    const { ar, nl } = links;
    assert.ok(nl.nr.right <= nl.tekst.left + 1, `nl: badge left of the text ${JSON.stringify(nl)}`);
    assert.ok(ar.nr.left >= ar.tekst.right - 1, `ar: badge right of the text ${JSON.stringify(ar)}`);
    assert.ok(Math.abs(ar.nr.right - ar.lijst.right) < Math.abs(ar.nr.left - ar.lijst.left), `ar: the badge is at the right edge ${JSON.stringify(ar)}`);
  });

  test('the language choice by keyboard switches in place, keeps the search, and mirrors for Arabic', { timeout: 120000 }, async () => {
    const { context, fouten } = await nieuweContext(browser, { viewport: { width: 412, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${API}/embed?gemeente=GM0344&kaart=uit&zoek=3511AB`);
    await naOvername(page);
    const namen = await page.locator('ido-vinder .item-knop').allTextContents();
    // The choice is the first thing in the widget: Tab reaches "Nederlands", then English, العربية, Türkçe.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.querySelector('ido-vinder').shadowRoot.activeElement?.dataset.taal), 'nl');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.querySelector('ido-vinder').shadowRoot.activeElement?.textContent), 'Türkçe');
    await page.keyboard.press('Enter');
    await page.locator('ido-vinder .aantal', { hasText: 'yakınında' }).waitFor();
    assert.equal(await page.locator('ido-vinder input[role=combobox]').inputValue(), '3511AB', 'the search is kept');
    assert.deepEqual(await page.locator('ido-vinder .item-knop').allTextContents(), namen, 'the same results, now in Turkish');
    assert.equal(await page.locator('ido-vinder .ido').getAttribute('lang'), 'tr');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'tr');
    assert.match(page.url(), /[?&]taal=tr\b/, 'a reload keeps the language');
    assert.equal(await page.evaluate(() => document.querySelector('ido-vinder').shadowRoot.activeElement?.dataset.taal), 'tr',
      'the focus stays on the choice');
    // Back one to العربية: right to left, for the widget and the page.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.locator('ido-vinder .aantal', { hasText: 'نقاط معلومات قرب' }).waitFor();
    assert.equal(await page.locator('ido-vinder .ido').getAttribute('dir'), 'rtl');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    const ar = await vakken(page);
    assert.ok(ar.nr.left >= ar.tekst.right - 1, `ar: badge right of the text ${JSON.stringify(ar)}`);
    await page.screenshot({ path: screenshotPad('61-taal-wissel-ar'), fullPage: true });
    const schendingen = await axe(page);
    assert.deepEqual(schendingen, [], `after switching: axe violations\n${JSON.stringify(schendingen, null, 2)}`);
    assert.deepEqual(fouten, []);
    await context.close();
  });

  test('the widget on a host page: the taal attribute, else ?taal=, else the browser languages', { timeout: 60000 }, async () => {
    const { context, fouten } = await nieuweContext(browser, { locale: 'uk-UA' });
    const page = await context.newPage();
    const taalVan = () => page.locator('ido-vinder .ido').getAttribute('lang');
    await page.goto(`${host.url}/gast.html`);
    await page.locator('ido-vinder .ido').waitFor();
    assert.equal(await taalVan(), 'uk', 'navigator.languages (uk-UA)');
    assert.equal(await page.locator('ido-vinder label.label').textContent(), 'Ваш поштовий індекс або місто');
    await page.goto(`${host.url}/gast.html?taal=pl`);
    await page.locator('ido-vinder .ido').waitFor();
    assert.equal(await taalVan(), 'pl', 'the page\'s ?taal= before the browser');
    await page.goto(`${host.url}/turks.html?taal=pl`);
    await page.locator('ido-vinder .ido').waitFor();
    assert.equal(await taalVan(), 'tr', 'the attribute before ?taal=');
    // The widget's own choice is there on a host page, and each option names its language.
    const opties = await page.locator('ido-vinder .talen a').evaluateAll((as) => as.map((a) => [a.lang, a.textContent]));
    assert.deepEqual(opties.map(([l]) => l), ['nl', 'en', 'ar', 'tr', 'pl', 'uk']);
    assert.deepEqual(fouten, []);
    await context.close();
  });
});
