// Browser test of the report form without JavaScript (/informatiepunten/{id}/melding, issue 14): with
// JavaScript disabled, a resident follows "Meld een fout" on a help point's page, sends the form empty
// (the error summary, linked to the field), then fills it in and sees the thank-you page; the report is
// in GET /v1/meldingen. axe-core has nothing to say about the form, its error state or the thank-you
// page, and none of them scrolls sideways at 320 px.
//
//   IDO_BINARY=build/service/ido-vinder IDO_SOURCE_DIR=. node --test tests/widget/meldpagina.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { bouwWidget, startServiceMetDatabase, maakSleutel, startBrowser, nieuweContext, axe, screenshotPad } from './lib.mjs';

// Bibliotheek Utrecht's help point in the seed set.
const UTRECHT = 'IDO-VB-067';
const TEKST = 'De ingang is verhuisd <b>naar</b> de zijkant';

let service;
let browser;
let API;
let beheerder;

before(async () => {
  bouwWidget();
  service = await startServiceMetDatabase();
  API = service.url;
  beheerder = maakSleutel(service.db, '--rol', 'beheerder');
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

async function geenZijwaartsScrollen(page, staat) {
  const { scroll, breed } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, breed: document.documentElement.clientWidth }));
  assert.ok(scroll <= breed, `${staat}: the page is ${scroll} px wide in a ${breed} px window`);
}

async function versturen(page) {
  await page.getByRole('button', { name: 'Melding versturen' }).click();
  await page.waitForLoadState();
}

test('JavaScript off: a resident reports a mistake with the form, is told what is missing, and is thanked', { timeout: 120000 }, async () => {
  const { context, verzoeken } = await nieuweContext(browser, { javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${API}/informatiepunten/${UTRECHT}`);
  await page.getByRole('link', { name: 'Meld een fout in deze gegevens' }).click();
  await page.waitForURL(new RegExp(`/informatiepunten/${UTRECHT}/melding$`));
  assert.equal(await page.locator('fieldset legend').textContent(), 'Wat klopt er niet?');
  assert.equal(await page.locator('input[type=radio][name=soort]').count(), 5);
  await page.screenshot({ path: screenshotPad('60-meldformulier'), fullPage: true });

  // Sent without a choice: the form again, the error summary linking to the first choice.
  await versturen(page);
  assert.match(await page.title(), /^Fout: /);
  const samenvatting = page.locator('.foutsamenvatting');
  assert.ok(await samenvatting.isVisible());
  const link = samenvatting.getByRole('link', { name: 'Kies wat er niet klopt.' });
  assert.equal(await link.getAttribute('href'), '#soort-openingstijden');
  assert.equal(await page.locator('#soort-openingstijden').getAttribute('aria-invalid'), 'true');
  await page.screenshot({ path: screenshotPad('61-meldformulier-fout'), fullPage: true });

  // Filled in and sent: the thank-you page, with the way back.
  await link.click();
  await page.getByLabel('Het adres').check();
  await page.getByLabel('Uitleg (niet verplicht)').fill(TEKST);
  await versturen(page);
  await page.waitForURL(new RegExp(`/informatiepunten/${UTRECHT}/melding/bedankt$`));
  assert.equal(await page.locator('h1').textContent(), 'Bedankt voor uw melding');
  const terug = page.getByRole('link', { name: /^Terug naar / });
  assert.equal(await terug.getAttribute('href'), `/informatiepunten/${UTRECHT}`);
  await page.screenshot({ path: screenshotPad('62-meldformulier-bedankt'), fullPage: true });

  // Stored as the API stores a report, the text as text.
  const r = await fetch(`${API}/v1/meldingen?status=open`, { headers: { Authorization: `Bearer ${beheerder}` } });
  assert.equal(r.status, 200);
  const gevonden = (await r.json()).meldingen.filter((m) => m.informatiepunt === UTRECHT && m.toelichting === TEKST);
  assert.equal(gevonden.length, 1);
  assert.equal(gevonden[0].soort, 'adres');
  // Nothing from another origin.
  assert.deepEqual(verzoeken.filter((u) => !u.startsWith(API)), []);
  await context.close();
});

// axe-core and the width check need a script in the page; these pages load none of their own, so with
// JavaScript on the DOM is exactly what a reader without it gets.
test('the form, its error state and the thank-you page: axe clean, no sideways scroll at 320 px', { timeout: 120000 }, async () => {
  const { context } = await nieuweContext(browser, { viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${API}/informatiepunten/${UTRECHT}/melding`);
  await geenAxeFouten(page, 'form');
  await geenZijwaartsScrollen(page, 'form');
  await versturen(page);
  assert.match(await page.title(), /^Fout: /);
  await geenAxeFouten(page, 'error');
  await geenZijwaartsScrollen(page, 'error');
  await page.getByLabel('Iets anders').check();
  await page.getByLabel('Uitleg (niet verplicht)').fill('Een tweede melding, voor de controle van de bedankpagina');
  await versturen(page);
  await page.waitForURL(/\/melding\/bedankt$/);
  await geenAxeFouten(page, 'thank you');
  await geenZijwaartsScrollen(page, 'thank you');
  await context.close();
});

// The form in another language (docs/talen.md): Arabic right to left, chosen by ?taal=, from the help
// point's page in that language; its error state and the thank-you page stay in it. axe clean in each.
test('the form in Arabic and in Polish: lang and dir, the language kept to the thank-you page, axe clean', { timeout: 120000 }, async () => {
  const { context } = await nieuweContext(browser, { viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${API}/informatiepunten/${UTRECHT}?taal=ar`);
  await page.getByRole('link', { name: 'أبلغ عن خطأ في هذه البيانات' }).click();
  await page.waitForURL(new RegExp(`/informatiepunten/${UTRECHT}/melding\\?taal=ar$`));
  assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('fieldset legend').textContent(), 'ما الخطأ؟');
  await geenAxeFouten(page, 'form (ar)');
  await geenZijwaartsScrollen(page, 'form (ar)');
  await page.getByRole('button', { name: 'إرسال البلاغ' }).click();
  await page.waitForLoadState();
  assert.match(await page.title(), /^خطأ: /);
  await geenAxeFouten(page, 'error (ar)');
  await page.getByLabel('شيء آخر').check();
  await page.getByRole('button', { name: 'إرسال البلاغ' }).click();
  await page.waitForURL(/\/melding\/bedankt\?taal=ar$/);
  assert.equal(await page.locator('h1').textContent(), 'شكراً على بلاغك');
  await geenAxeFouten(page, 'thank you (ar)');

  // Polish from the browser's language, without ?taal=.
  const pl = await nieuweContext(browser, { viewport: { width: 320, height: 800 }, locale: 'pl-PL' });
  const strona = await pl.context.newPage();
  await strona.goto(`${API}/informatiepunten/${UTRECHT}/melding`);
  assert.equal(await strona.locator('html').getAttribute('lang'), 'pl');
  assert.ok(await strona.getByLabel('Wyjaśnienie (nieobowiązkowe)').isVisible());
  await geenAxeFouten(strona, 'form (pl)');
  await geenZijwaartsScrollen(strona, 'form (pl)');
  await pl.context.close();
  await context.close();
});
