// Browser tests of the municipal pages /gemeenten and /gemeenten/{gemeentecode} against the real service.
//
//   IDO_BINARY=build/service/ido-vinder IDO_SOURCE_DIR=. node --test tests/widget/gemeente.test.mjs
//
// CTest runs this (tests/widget/CMakeLists.txt, label "browser"). Chromium (Debian's, through
// playwright-core) drives the pages with and without JavaScript; axe-core checks every state; screenshots
// go to IDO_SCREENSHOT_DIR (gemeente-*.png). The panels' APIs (financiering, partners) belong to another
// branch: where the service answers 404 the test asserts the "nog niet beschikbaar" state and says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { bouwWidget, startService, startBrowser, nieuweContext, axe, screenshotPad, hostVan } from './lib.mjs';

const UTRECHT = 'GM0344';
let service;
let browser;
let API;

before(async () => {
  bouwWidget();
  service = await startService();
  API = service.url;
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

function alleenDezeServer(verzoeken, staat) {
  const buiten = verzoeken.filter((u) => !u.startsWith('data:') && hostVan(u) !== hostVan(API));
  assert.deepEqual(buiten, [], `${staat}: requests to other hosts`);
}

// axe-core needs JavaScript, and Chromium runs no timers with scripts disabled: the page as a reader
// without JavaScript sees it is checked in a context that never receives the page's own scripts.
async function zonderPaginaScripts(page) {
  await page.route(/\/widget\/v1\/(gemeente|ido-vinder)\.js/, (route) => route.abort());
}

async function nieuwePagina(opties) {
  const ctx = await nieuweContext(browser, opties);
  const page = await ctx.context.newPage();
  return { ...ctx, page };
}

async function geenHorizontaleScroll(page, staat) {
  const m = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, vp: document.documentElement.clientWidth }));
  assert.ok(m.doc <= m.vp, `${staat}: the page scrolls sideways at 320 px (${m.doc} > ${m.vp})`);
}

// The values of one column of the national table, in the order shown.
const kolom = (page, sleutel) => page.evaluate((s) => {
  const ths = [...document.querySelectorAll('#gemeenten-tabel thead th')];
  const i = ths.findIndex((th) => th.dataset.sleutel === s);
  return [...document.querySelectorAll('#gemeenten-tabel tbody tr')].map((r) => r.cells[i].dataset.waarde);
}, sleutel);

const oplopend = (xs) => xs.every((x, i) => i === 0 || Number(xs[i - 1]) <= Number(x));
const aflopend = (xs) => xs.every((x, i) => i === 0 || Number(xs[i - 1]) >= Number(x));

test('/gemeenten: every municipality, national figures equal the API, axe clean, only this server', async () => {
  const { context, page, verzoeken, fouten } = await nieuwePagina();
  await page.goto(`${API}/gemeenten`);
  const landelijk = await (await fetch(`${API}/v1/bereikbaarheid`)).json();
  assert.equal(await page.locator('#gemeenten-tabel tbody tr').count(), landelijk.gemeenten.length);
  assert.equal(landelijk.gemeenten.length, 342);
  const inwoners = await page.locator('#landcijfers dd').first().getAttribute('data-waarde');
  assert.equal(Number(inwoners), landelijk.inwoners);
  assert.equal(await page.locator('.landkaart path').count(), 342, 'one shape per municipality on the map');
  assert.ok(await page.locator('.landkaart desc').count(), 'the map has a text alternative');
  await geenAxeFouten(page, 'gemeenten');
  await page.screenshot({ path: screenshotPad('gemeente-land'), fullPage: false });
  alleenDezeServer(verzoeken, '/gemeenten');
  assert.deepEqual(fouten, []);
  await context.close();
});

test('/gemeenten: sort with the keyboard only (aria-sort follows)', async () => {
  const { context, page, fouten } = await nieuwePagina();
  await page.goto(`${API}/gemeenten`);
  const knop = page.locator('#gemeenten-tabel th[data-sleutel="binnen3"] button');
  await knop.waitFor();
  // Tab from the top until the "Binnen 3 km" button has focus: it is reachable by keyboard.
  let bereikt = false;
  for (let i = 0; i < 60 && !bereikt; i++) {
    await page.keyboard.press('Tab');
    bereikt = await knop.evaluate((b) => document.activeElement === b);
  }
  assert.ok(bereikt, 'the sort button is reachable with Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('th[data-sleutel="binnen3"]').getAttribute('aria-sort'), 'ascending');
  assert.ok(oplopend(await kolom(page, 'binnen3')), 'ascending by share within 3 km');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('th[data-sleutel="binnen3"]').getAttribute('aria-sort'), 'descending');
  assert.ok(aflopend(await kolom(page, 'binnen3')), 'descending by share within 3 km');
  assert.equal(await page.locator('th[aria-sort]').count(), 1, 'only one column is sorted');
  await geenAxeFouten(page, 'gemeenten gesorteerd');
  assert.deepEqual(fouten, []);
  await context.close();
});

test('/gemeenten without JavaScript: the table, the figures and ?sorteer= links work', async () => {
  const { context, page } = await nieuwePagina({ javaScriptEnabled: false });
  await page.goto(`${API}/gemeenten`);
  assert.equal(await page.locator('#gemeenten-tabel tbody tr').count(), 342);
  assert.ok(await page.locator('#landcijfers dd').count() >= 6);
  await page.locator('th[data-sleutel="inwoners"] a').click();
  await page.waitForURL(/sorteer=-inwoners/);
  assert.equal(await page.locator('th[data-sleutel="inwoners"]').getAttribute('aria-sort'), 'descending');
  assert.ok(aflopend(await kolom(page, 'inwoners')));
  await context.close();
  const zonder = await nieuwePagina();
  await zonderPaginaScripts(zonder.page);
  await zonder.page.goto(`${API}/gemeenten?sorteer=-inwoners`);
  assert.equal(await zonder.page.locator('th[data-sleutel="inwoners"] a').count(), 1, 'the headers are still links');
  await geenAxeFouten(zonder.page, 'gemeenten zonder JavaScript');
  await zonder.context.close();
});

test('both pages at 320 px: no sideways scrolling', async () => {
  const { context, page } = await nieuwePagina({ viewport: { width: 320, height: 700 } });
  await page.goto(`${API}/gemeenten`);
  await geenHorizontaleScroll(page, '/gemeenten');
  await page.goto(`${API}/gemeenten/${UTRECHT}`);
  await page.waitForSelector('#financier .paneel-inhoud :is(.niet-beschikbaar, .niet-ingevuld, table)');
  await geenHorizontaleScroll(page, `/gemeenten/${UTRECHT}`);
  await page.screenshot({ path: screenshotPad('gemeente-320'), fullPage: true });
  await geenAxeFouten(page, 'gemeente 320 px');
  await context.close();
});

test('/gemeenten/{code}: figures equal the API, panels per duty, axe clean, only this server', async () => {
  const { context, page, verzoeken, fouten } = await nieuwePagina();
  await page.goto(`${API}/gemeenten/${UTRECHT}`);
  const api = await (await fetch(`${API}/v1/gemeenten/${UTRECHT}/bereikbaarheid`)).json();
  const veld = (v) => page.locator(`#cijfers-tabel td[data-veld="${v}"]`).getAttribute('data-waarde');
  assert.equal(Number(await veld('inwoners')), api.inwoners);
  assert.equal(Number(await veld('gemiddeldeAfstand')), api.gemiddeldeAfstand);
  assert.equal(Number(await veld('medianeAfstand')), api.medianeAfstand);
  for (const t of api.binnen) assert.ok(Math.abs(Number(await veld(`binnen${t.afstand}`)) - t.aandeel) < 1e-8, `binnen ${t.afstand}`);
  const advies = await (await fetch(`${API}/v1/gemeenten/${UTRECHT}/advies?aantal=3&binnen=3000`)).json();
  assert.equal(await page.locator('.advies-lijst li').count(), advies.locaties.length, 'the advice lists the API\'s sites');
  assert.ok(await page.locator('#punten-binnen tbody tr').count() >= 1);
  assert.ok(await page.locator('#gemeentekaart circle.pc4').count() > 10, 'PC4s on the map');

  // Financier and regisseur: real data when the API answers, "nog niet beschikbaar" when it does not.
  for (const [paneel, pad] of [['financier', 'financiering'], ['regisseur', 'partners']]) {
    const status = (await fetch(`${API}/v1/gemeenten/${UTRECHT}/${pad}`)).status;
    const inhoud = page.locator(`#${paneel} .paneel-inhoud`);
    await page.waitForSelector(`#${paneel} .paneel-inhoud :is(.niet-beschikbaar, .niet-ingevuld, table, ul)`);
    if (status === 404) {
      console.log(`# ${pad}: the API answers 404 (not merged yet): checking the "nog niet beschikbaar" state only`);
      assert.match(await inhoud.textContent(), /Nog niet beschikbaar/);
    } else {
      assert.equal(status, 200);
      assert.doesNotMatch(await inhoud.textContent(), /Nog niet beschikbaar/);
    }
  }
  // Promotor: the configurator changes the snippet and the live preview is the real widget.
  await page.locator('#configurator input[name="taal"][value="en"]').check();
  assert.match(await page.locator('#snippet').inputValue(), /taal="en"/);
  assert.equal(await page.locator('#voorbeeld ido-vinder[taal="en"]').count(), 1);
  await page.locator('#kleur-primair').evaluate((i) => { i.value = '#8b0000'; i.dispatchEvent(new Event('change', { bubbles: true })); });
  assert.match(await page.locator('#snippet').inputValue(), /--ido-kleur-primair: #8b0000/);
  // The preview has rebuilt itself in English and finished loading before axe looks at it.
  await page.waitForFunction(() => {
    const r = document.querySelector('#voorbeeld ido-vinder')?.shadowRoot?.querySelector('.ido');
    return r && r.lang === 'en' && !r.hasAttribute('aria-busy');
  });
  await geenAxeFouten(page, 'gemeente');
  await page.screenshot({ path: screenshotPad('gemeente-utrecht'), fullPage: true });
  alleenDezeServer(verzoeken, `/gemeenten/${UTRECHT}`);
  assert.deepEqual(fouten, []);
  await context.close();
});

test('/gemeenten/{code}: every control is reachable with Tab, and a what-if by keyboard', async () => {
  const { context, page, fouten } = await nieuwePagina();
  await page.goto(`${API}/gemeenten/${UTRECHT}`);
  await page.waitForSelector('#financier .paneel-inhoud :is(.niet-beschikbaar, .niet-ingevuld, table)');
  await page.waitForSelector('#voorbeeld ido-vinder');
  const controles = await page.evaluate(() => {
    const zichtbaar = (e) => e.offsetParent !== null && !e.closest('[hidden]') && !e.closest('#voorbeeld');
    return [...document.querySelectorAll('main :is(a[href], button, input, select, textarea)')].filter(zichtbaar)
      .filter((e) => !(e.type === 'radio' && !e.checked)).map((e, i) => { e.dataset.testNr = String(i); return i; }).length;
  });
  const gezien = new Set();
  for (let i = 0; i < 400 && gezien.size < controles; i++) {
    await page.keyboard.press('Tab');
    const nr = await page.evaluate(() => document.activeElement?.dataset?.testNr);
    if (nr !== undefined) gezien.add(nr);
  }
  assert.equal(gezien.size, controles, `reached ${gezien.size} of ${controles} controls with Tab`);

  // The keyboard alternative to clicking on the map: choose a PC4 and submit the form.
  await page.locator('#extraPostcode').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(/extraPostcode=/);
  assert.equal(await page.locator('#cijfers-tabel th.wat-als-kolom').count(), 1, 'the what-if column is shown');
  assert.ok(await page.locator('#gemeentekaart circle.wat-als').count() >= 1);
  await geenAxeFouten(page, 'wat als (toetsenbord)');
  assert.deepEqual(fouten, []);
  await context.close();
});

test('/gemeenten/{code}: a click on the map asks the API for a what-if', async () => {
  const { context, page, verzoeken, fouten } = await nieuwePagina();
  await page.goto(`${API}/gemeenten/${UTRECHT}`);
  const kaart = page.locator('#gemeentekaart');
  await kaart.scrollIntoViewIfNeeded();
  const doos = await kaart.boundingBox();
  const antwoord = page.waitForResponse((r) => r.url().includes('/bereikbaarheid?extraLocaties='));
  await kaart.click({ position: { x: doos.width / 2, y: doos.height / 2 }, force: true });
  assert.equal((await antwoord).status(), 200);
  await page.waitForSelector('#wat-als-tabel');
  assert.ok(await page.locator('#wat-als-tabel tbody tr').count() >= 3);
  await geenAxeFouten(page, 'wat als (klik)');
  alleenDezeServer(verzoeken, 'wat als');
  assert.deepEqual(fouten, []);
  await context.close();
});

test('/gemeenten/{code} without JavaScript: figures, tables and the what-if form are there', async () => {
  const { context, page } = await nieuwePagina({ javaScriptEnabled: false });
  await page.goto(`${API}/gemeenten/${UTRECHT}`);
  assert.ok(await page.locator('#cijfers-tabel td[data-veld="inwoners"]').count());
  assert.ok(await page.locator('#vlekken-tabel').count());
  assert.ok(await page.locator('#punten-binnen').count());
  assert.equal(await page.locator('#afdrukken').isVisible(), false, 'no print button that cannot work');
  await page.selectOption('#extraPostcode', { index: 1 });
  await page.locator('.wat-als-formulier button[type=submit]').click();
  await page.waitForURL(/extraPostcode=/);
  assert.equal(await page.locator('#cijfers-tabel th.wat-als-kolom').count(), 1);
  await context.close();
  const zonder = await nieuwePagina();
  await zonderPaginaScripts(zonder.page);
  await zonder.page.goto(`${API}/gemeenten/${UTRECHT}?extraPostcode=3511`);
  assert.equal(await zonder.page.locator('#afdrukken').isVisible(), false);
  await geenAxeFouten(zonder.page, 'gemeente zonder JavaScript');
  await zonder.context.close();
});

test('/gemeenten/{code} printed: no controls, the report stays', async () => {
  const { context, page } = await nieuwePagina();
  await page.goto(`${API}/gemeenten/${UTRECHT}`);
  assert.equal(await page.locator('#afdrukken').isVisible(), true, 'the print button shows with JavaScript');
  await page.emulateMedia({ media: 'print' });
  for (const s of ['#afdrukken', '.wat-als-formulier', '#promotor', '.kruimels'])
    assert.equal(await page.locator(s).first().isVisible(), false, `${s} is not printed`);
  assert.equal(await page.locator('#cijfers-tabel').isVisible(), true);
  assert.equal(await page.locator('#vlekken-tabel').isVisible(), true);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000, 'a PDF comes out');
  await context.close();
});

test('an unknown municipality is a 404 page', async () => {
  const { context, page } = await nieuwePagina();
  const r = await page.goto(`${API}/gemeenten/GM9999`);
  assert.equal(r.status(), 404);
  assert.match(r.headers()['content-type'], /text\/html/);
  assert.match(await page.locator('h1').textContent(), /bestaat niet/);
  await geenAxeFouten(page, '404');
  await context.close();
});
