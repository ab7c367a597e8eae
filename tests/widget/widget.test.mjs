// Browser tests of the <ido-vinder> widget against the real ido-vinder service.
//
//   IDO_BINARY=build/service/ido-vinder IDO_SOURCE_DIR=. node --test tests/widget/widget.test.mjs
//
// CTest runs this (tests/widget/CMakeLists.txt, label "browser"). The service is started on a free
// port with the repository's data and web-widget/dist; host pages come from a small node server on
// another port; tiles are answered locally; Debian's Chromium is driven through playwright-core.
// Screenshots of every state go to IDO_SCREENSHOT_DIR (the build directory under CTest).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  REPO, bouwWidget, startService, startHostServer, startBrowser, nieuweContext, axe, screenshotPad, hostVan, GELIJKTIJDIG,
} from './lib.mjs';

const TEGELS = 'https://tegels.voorbeeld.test/{z}/{x}/{y}.png';
const TEGEL_HOST = 'tegels.voorbeeld.test';
const PDOK_HOST = 'service.pdok.nl';
const PRIMAIR_THEMA = 'rgb(122, 31, 92)'; // #7a1f5c, set by the host page below
const PRIMAIR_STANDAARD = 'rgb(21, 66, 115)'; // #154273
const UTRECHT = { latitude: 52.090737, longitude: 5.121420 };
const AMSTERDAM = { latitude: 52.3731, longitude: 4.8922 };
const AMERSFOORT = { latitude: 52.1561, longitude: 5.3878 };

let service;
let host;
let browser;
let API;
let API_HOST;

function kop(titel, extra = '') {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${titel}</title>
<script src="${API}/widget/v1/ido-vinder.js" defer></script>${extra}</head>`;
}

function hostPaginas() {
  return {
    // A municipality's page with the one-line snippet, its own colour and its own tile server.
    '/script.html': `${kop('Gemeente Amsterdam – hulp bij digitale zaken', '<style>body{font-family:Georgia,serif;margin:0 1rem} ido-vinder{--ido-kleur-primair:#7a1f5c;}</style>')}
<body><header><p>Gemeente Voorbeeld</p></header>
<main><h1>Hulp bij digitale zaken</h1>
<ido-vinder gemeente="GM0363" tegels="${TEGELS}" meld-url="https://gemeente.voorbeeld.test/melden?ido={id}"></ido-vinder>
</main><footer><p>Einde van de pagina</p></footer></body></html>`,
    // No gemeente: the whole country, search first.
    '/land.html': `${kop('Informatiepunten in Nederland')}
<body><main><h1>Zoek een informatiepunt</h1><ido-vinder tegels="${TEGELS}"></ido-vinder></main>
<footer><p>Einde van de pagina</p></footer></body></html>`,
    // The iframe page of the service, list only, in English.
    '/iframe.html': `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Iframe</title></head>
<body><main><h1>Informatiepunten in Utrecht</h1>
<iframe id="ido" src="${API}/embed?gemeente=GM0344&taal=en&kaart=uit" title="Information points in Utrecht" allow="geolocation" style="width:100%;height:1400px;border:0"></iframe>
</main></body></html>`,
    // The iframe page with the map (default PDOK tiles).
    '/iframe-kaart.html': `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Iframe met kaart</title></head>
<body><main><h1>Informatiepunten in Amsterdam</h1>
<iframe id="ido" src="${API}/embed?gemeente=GM0363" title="Informatiepunten in Amsterdam" allow="geolocation" style="width:100%;height:1200px;border:0"></iframe>
</main></body></html>`,
    // A host page whose CSS tries to break everything.
    '/vijandig.html': `${kop('Vijandige CSS', '<style>* { all: unset !important; font-size: 40px !important } head, script, style, title { display: none !important }</style>')}
<body><main><h1>Vijandige pagina</h1><ido-vinder gemeente="GM0363" tegels="${TEGELS}"></ido-vinder></main></body></html>`,
  };
}

before(async () => {
  bouwWidget();
  service = await startService();
  API = service.url;
  API_HOST = hostVan(API);
  host = await startHostServer(hostPaginas());
  browser = await startBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (host) await host.stop();
  if (service) await service.stop();
});

// ---------- helpers ----------

async function wachtOpLijst(doel) {
  await doel.waitForFunction(() => {
    const w = document.querySelector('ido-vinder');
    const r = w && w.shadowRoot && w.shadowRoot.querySelector('.ido');
    if (!r || r.getAttribute('aria-busy') === 'true') return false;
    const a = r.querySelector('.aantal');
    const m = r.querySelector('.melding');
    return (a && a.textContent.trim() !== '') || (m && m.textContent.trim() !== '');
  }, null, { timeout: 15000 });
}

async function aantalTekst(doel) {
  return (await doel.locator('ido-vinder .aantal').textContent()).trim();
}

async function items(doel) {
  return doel.evaluate(() => [...document.querySelector('ido-vinder').shadowRoot.querySelectorAll('.item')].map((li) => ({
    id: li.dataset.id,
    naam: li.querySelector('.item-knop').textContent,
    afstand: li.querySelector('.afstand') ? parseFloat(li.querySelector('.afstand').textContent.replace(',', '.')) : null,
    status: li.querySelector('.status').textContent,
    diensten: li.querySelector('.item-diensten') ? li.querySelector('.item-diensten').textContent : '',
    voorbeeld: !!li.querySelector('.label-voorbeeld:not(.label-onbevestigd)'),
  })));
}

/** Description of the focused element, looking into the widget's shadow root (and an iframe's). */
async function focus(doel) {
  return doel.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    const cs = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(), cls: el.className || '', tekst: (el.textContent || '').trim().slice(0, 80),
      label: el.getAttribute('aria-label'), id: el.dataset ? el.dataset.id || null : null,
      inWidget: el.getRootNode() !== document,
      zichtbaar: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none' || cs.backgroundColor === 'rgb(255, 221, 0)',
    };
  });
}

async function geenAxeFouten(doel, staat) {
  const v = await axe(doel);
  assert.deepEqual(v, [], `axe-core violations in state "${staat}":\n${JSON.stringify(v, null, 2)}`);
}

async function geenHorizontaleScroll(doel, staat) {
  const m = await doel.evaluate(() => {
    const w = document.querySelector('ido-vinder').shadowRoot.querySelector('.ido');
    return { doc: document.documentElement.scrollWidth, vp: document.documentElement.clientWidth, w: w.scrollWidth, wc: w.clientWidth };
  });
  assert.ok(m.doc <= m.vp, `${staat}: page scrolls horizontally (${m.doc} > ${m.vp})`);
  assert.ok(m.w <= m.wc + 1, `${staat}: widget content wider than widget (${m.w} > ${m.wc})`);
}

function alleenToegestaneHosts(verzoeken, toegestaan, staat) {
  const buiten = verzoeken.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && !toegestaan.includes(hostVan(u)));
  assert.deepEqual(buiten, [], `${staat}: requests to hosts that were not configured`);
}

async function geenOpslag(context, paginas, staat) {
  assert.deepEqual(await context.cookies(), [], `${staat}: cookies were set`);
  for (const p of paginas) {
    for (const f of [p.mainFrame(), ...p.frames()]) {
      // A third-party iframe may have no storage at all (the browser denies access): that is empty too.
      const s = await f.evaluate(() => {
        const lees = (fn, leeg) => { try { return fn(); } catch { return leeg; } };
        return { local: lees(() => localStorage.length, 0), session: lees(() => sessionStorage.length, 0), cookie: lees(() => document.cookie, '') };
      });
      assert.deepEqual(s, { local: 0, session: 0, cookie: '' }, `${staat}: storage used in ${f.url()}`);
    }
  }
}

async function kiesSuggestie(doel, tekst) {
  const invoer = doel.locator('ido-vinder input[role=combobox]');
  await invoer.fill('');
  await invoer.pressSequentially(tekst, { delay: 30 });
  await doel.locator('ido-vinder [role=listbox] [role=option]').first().waitFor({ timeout: 10000 });
  assert.equal(await invoer.getAttribute('aria-expanded'), 'true');
  await invoer.press('ArrowDown');
  const actief = await invoer.getAttribute('aria-activedescendant');
  assert.ok(actief, 'ArrowDown sets aria-activedescendant');
  assert.equal(await doel.locator(`ido-vinder [id="${actief}"]`).getAttribute('aria-selected'), 'true');
  const label = (await doel.locator(`ido-vinder [id="${actief}"]`).textContent()).trim();
  await invoer.press('Enter');
  await wachtOpLijst(doel);
  assert.equal(await invoer.getAttribute('aria-expanded'), 'false');
  return label;
}

/** "Gebruik mijn locatie" (the context has a mocked, allowed position) and wait for the list. */
async function zoekOpLocatie(doel) {
  await doel.locator('ido-vinder .locatie').click();
  await doel.locator('ido-vinder .aantal').filter({ hasText: /uw locatie|your location/ }).waitFor({ timeout: 15000 });
  await wachtOpLijst(doel);
}

function afstandenOplopend(lijst) {
  const a = lijst.map((x) => x.afstand);
  assert.ok(a.every((x) => typeof x === 'number' && !Number.isNaN(x)), `every result shows a distance: ${JSON.stringify(a)}`);
  for (let i = 1; i < a.length; i++) assert.ok(a[i] >= a[i - 1], `nearest first: ${a.join(', ')}`);
}

// ---------- tests ----------

// The cases below are independent (each its own browser context; the service is only read), so up to
// GELIJKTIJDIG of them run at the same time: a case spends most of its time waiting for the browser.
describe('widget.test.mjs', { concurrency: GELIJKTIJDIG }, () => {
  test('size budget: gzipped ido-vinder.js under 80 kB, one self-contained file', () => {
    const meta = JSON.parse(readFileSync(join(REPO, 'web-widget', 'dist', 'meta.json'), 'utf8'));
    assert.ok(meta.gzipBytes < 80 * 1024, `gzipped bundle ${meta.gzipBytes} bytes`);
    const js = readFileSync(join(REPO, 'web-widget', 'dist', 'ido-vinder.js'), 'utf8');
    assert.ok(!/\bimport\s*\(|from\s*["']http/.test(js), 'no dynamic or remote imports');
    assert.ok(!/fonts\.googleapis|unpkg\.com|cdn\.jsdelivr|cdnjs/.test(js), 'no CDN');
    assert.ok(js.includes('leaflet-pane'), 'Leaflet CSS inlined');
  });

  test('embed by script tag: the gemeente\'s list, themed, markers as named buttons, axe clean, only API and tile host', async () => {
    const { context, verzoeken, fouten } = await nieuweContext(browser);
    const page = await context.newPage();
    await page.goto(`${host.url}/script.html`);
    await wachtOpLijst(page);

    assert.match(await page.locator('ido-vinder h2').first().textContent(), /Amsterdam/);
    const lijst = await items(page);
    assert.ok(lijst.length > 0, 'Amsterdam has help points');
    assert.match(await aantalTekst(page), new RegExp(`^${lijst.length} informatiepunt`));
    assert.equal(await page.locator('ido-vinder .aantal').getAttribute('aria-live'), 'polite');
    assert.equal(await page.locator('ido-vinder .ido').getAttribute('lang'), 'nl');

    // Generated seed records say so.
    const data = await (await fetch(`${API}/v1/gemeenten/GM0363/informatiepunten`)).json();
    const gegenereerd = new Set(data.informatiepunten.filter((i) => i.herkomst && i.herkomst.soort === 'gegenereerd').map((i) => i.id));
    for (const it of lijst) assert.equal(it.voorbeeld, gegenereerd.has(it.id), `"voorbeeld" label on ${it.id}`);
    for (const it of lijst) assert.match(it.status, /^(Nu open|Gesloten|Op afspraak|Openingstijden onbekend)/);

    // The host page's colour reaches into the shadow root through the custom property.
    const bg = await page.locator('ido-vinder button[type=submit]').evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.equal(bg, PRIMAIR_THEMA);
    // Host page fonts do not leak in (Georgia on the page, system font in the widget).
    const font = await page.locator('ido-vinder .ido').evaluate((e) => getComputedStyle(e).fontFamily);
    assert.ok(!/Georgia/.test(font), font);

    // Markers: real buttons, with names, one per result, in list order.
    const markers = page.locator('ido-vinder .leaflet-marker-pane button.ido-marker');
    assert.equal(await markers.count(), lijst.length);
    const namen = await markers.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
    namen.forEach((n, i) => assert.ok(n.startsWith(`${i + 1}. ${lijst[i].naam}`), n));
    assert.equal(await markers.first().evaluate((b) => b.tabIndex), 0);

    // Attribution.
    const tekst = await page.locator('ido-vinder .ido').textContent();
    for (const a of ['Kaartgegevens: Kadaster', 'Gemeentegrenzen: Kadaster / CBS, Wijk- en buurtkaart 2023', 'Postcodes en plaatsen: GeoNames (CC BY 4.0)']) {
      assert.ok(tekst.includes(a), `attribution "${a}"`);
    }
    assert.ok(verzoeken.some((u) => hostVan(u) === TEGEL_HOST), 'tiles come from the configured tile server');

    await page.screenshot({ path: screenshotPad('01-script-gemeente'), fullPage: true });
    await geenAxeFouten(page, 'script embed, gemeente list');
    alleenToegestaneHosts(verzoeken.filter((u) => !u.startsWith(host.url)), [API_HOST, TEGEL_HOST], 'script embed');
    assert.deepEqual(verzoeken.filter((u) => u.startsWith(host.url)).map((u) => new URL(u).pathname), ['/script.html'],
      'the widget asks nothing of the host page\'s server');
    assert.deepEqual(fouten, []);
    await context.close();
  });

  test('search by postcode (suggestion chosen with the keyboard) and by place (free text), nearest first', async () => {
    // The contract this test needs from the service, checked first for a plain failure message.
    const sug = await fetch(`${API}/v1/zoeksuggesties?q=3511`);
    assert.equal(sug.status, 200, 'the service must provide GET /v1/zoeksuggesties?q= (see the API contract)');
    const zoek = await fetch(`${API}/v1/informatiepunten?zoek=Utrecht&limit=1`);
    assert.equal(zoek.status, 200, 'the service must accept zoek= on GET /v1/informatiepunten (see the API contract)');

    const { context, verzoeken, fouten } = await nieuweContext(browser);
    const page = await context.newPage();
    await page.goto(`${host.url}/land.html`);
    await page.locator('ido-vinder input[role=combobox]').waitFor();
    assert.match(await page.locator('ido-vinder .uitleg-leeg').textContent(), /postcode of woonplaats/);
    await geenAxeFouten(page, 'country page, before search');

    // Postcode.
    const label = await kiesSuggestie(page, '3511');
    assert.match(label, /3511/);
    await page.locator('ido-vinder .item').first().waitFor();
    let lijst = await items(page);
    assert.ok(lijst.length >= 1 && lijst.length <= 10, `${lijst.length} results`);
    afstandenOplopend(lijst);
    assert.ok(lijst[0].afstand < 15, `an IDO near Utrecht centre: ${lijst[0].afstand} km`);
    assert.match(await aantalTekst(page), /dichtstbijzijnde eerst/);
    const zoekVerzoek = verzoeken.filter((u) => u.includes('/v1/informatiepunten?')).at(-1);
    assert.match(zoekVerzoek, /[?&]lat=/);
    assert.ok(verzoeken.some((u) => u.includes('/v1/zoeksuggesties?q=')), 'suggestions asked from the API');
    await page.screenshot({ path: screenshotPad('02-zoek-postcode'), fullPage: true });
    await geenAxeFouten(page, 'results for a postcode');

    // Place, typed and submitted without choosing a suggestion.
    const invoer = page.locator('ido-vinder input[role=combobox]');
    await invoer.fill('Den Bosch');
    await invoer.press('Escape'); // close the suggestions, keep the text
    await page.locator('ido-vinder button[type=submit]').click();
    await wachtOpLijst(page);
    assert.ok(verzoeken.some((u) => /\/v1\/informatiepunten\?.*zoek=Den(\+|%20)Bosch/.test(u)), 'free text goes to zoek=');
    lijst = await items(page);
    assert.ok(lijst.length > 0);
    afstandenOplopend(lijst);
    await page.screenshot({ path: screenshotPad('03-zoek-plaats'), fullPage: true });

    // A place that does not exist: a plain message, not an error code.
    await invoer.fill('Xqzwvbrt');
    await invoer.press('Escape');
    await invoer.press('Enter');
    await page.locator('ido-vinder .melding').filter({ hasText: 'niet vinden' }).waitFor({ timeout: 10000 });
    assert.match(await page.locator('ido-vinder .melding').textContent(), /We kunnen „Xqzwvbrt” niet vinden/);
    await page.screenshot({ path: screenshotPad('04-niet-gevonden'), fullPage: true });
    await geenAxeFouten(page, 'place not found');

    // An ambiguous name: the places to choose from, as buttons; focus moves to the first; no guess.
    await invoer.fill('Rijswijk');
    await invoer.press('Escape');
    await invoer.press('Enter');
    const kandidaat = page.locator('ido-vinder .kandidaten button').filter({ hasText: 'Zuid-Holland' });
    await kandidaat.waitFor({ timeout: 10000 });
    assert.ok(await page.locator('ido-vinder .kandidaten button').count() >= 2, 'several places offered');
    await geenAxeFouten(page, 'ambiguous place');
    await page.screenshot({ path: screenshotPad('04b-welke-plaats'), fullPage: true });
    await kandidaat.click();
    await wachtOpLijst(page);
    lijst = await items(page);
    assert.ok(lijst.length > 0);
    afstandenOplopend(lijst);
    assert.deepEqual(fouten, []);
    await context.close();
  });

  test('geolocation: asked only on the button, rounded, and a refusal explained in plain words', async () => {
    // Allowed.
    {
      const { context, verzoeken } = await nieuweContext(browser, { plek: UTRECHT });
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__geoGevraagd = 0;
        const orig = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
        navigator.geolocation.getCurrentPosition = (...a) => { window.__geoGevraagd++; return orig(...a); };
      });
      await page.goto(`${host.url}/land.html`);
      await page.locator('ido-vinder .locatie').waitFor();
      // Whatever the widget does on its own after loading is done once the page is idle.
      await page.evaluate(() => new Promise((klaar) => requestIdleCallback(klaar, { timeout: 2000 })));
      assert.equal(await page.evaluate(() => window.__geoGevraagd), 0, 'no geolocation before the click');
      await page.locator('ido-vinder .locatie').click();
      await page.locator('ido-vinder .item').first().waitFor({ timeout: 15000 });
      assert.equal(await page.evaluate(() => window.__geoGevraagd), 1);
      const zoek = verzoeken.filter((u) => u.includes('/v1/informatiepunten?')).at(-1);
      assert.match(zoek, /lat=52\.091(&|$)/, `position rounded to three decimals: ${zoek}`);
      assert.match(zoek, /lon=5\.121(&|$)/);
      afstandenOplopend(await items(page));
      assert.match(await aantalTekst(page), /bij uw locatie/);
      await page.screenshot({ path: screenshotPad('05-locatie'), fullPage: true });
      await geenAxeFouten(page, 'results for my location');
      await context.close();
    }
    // Refused.
    {
      const { context } = await nieuweContext(browser);
      await context.clearPermissions();
      const page = await context.newPage();
      await page.addInitScript(() => {
        navigator.geolocation.getCurrentPosition = (ok, fout) => setTimeout(() => fout({ code: 1, message: 'User denied Geolocation', PERMISSION_DENIED: 1 }), 50);
      });
      await page.goto(`${host.url}/land.html`);
      await page.locator('ido-vinder .locatie').click();
      const melding = page.locator('ido-vinder .melding');
      await melding.filter({ hasText: 'niet gedeeld' }).waitFor({ timeout: 10000 });
      assert.match(await melding.textContent(), /Typ uw postcode of woonplaats/);
      assert.equal(await melding.getAttribute('role'), 'alert');
      assert.equal((await focus(page)).cls.includes('locatie'), true, 'focus stays on the button');
      await page.screenshot({ path: screenshotPad('06-locatie-geweigerd'), fullPage: true });
      await geenAxeFouten(page, 'location refused');
      await context.close();
    }
  });

  test('filters: "nu open" and "hulp bij"', async () => {
    const { context, verzoeken } = await nieuweContext(browser, { plek: UTRECHT });
    const page = await context.newPage();
    await page.goto(`${host.url}/land.html`);
    await zoekOpLocatie(page);
    const alle = await items(page);
    assert.ok(alle.length > 0);

    await page.locator('ido-vinder select').selectOption('digitale-vaardigheden');
    await wachtOpLijst(page);
    assert.ok(verzoeken.some((u) => /\/v1\/informatiepunten\?.*dienst=digitale-vaardigheden/.test(u)), 'dienst filter sent to the API');
    const metDienst = await items(page);
    for (const it of metDienst) {
      const ip = await (await fetch(`${API}/v1/informatiepunten/${encodeURIComponent(it.id)}`)).json().catch(() => null);
      assert.ok(ip && Array.isArray(ip.diensten) && ip.diensten.includes('digitale-vaardigheden'), `${it.id} offers the chosen dienst`);
    }
    afstandenOplopend(metDienst);
    await page.screenshot({ path: screenshotPad('07-filter-dienst'), fullPage: true });
    await page.locator('ido-vinder select').selectOption('');
    await wachtOpLijst(page);

    await page.locator('ido-vinder input[type=checkbox]').check();
    await wachtOpLijst(page);
    assert.ok(verzoeken.some((u) => /\/v1\/informatiepunten\?.*openNu=true/.test(u)), 'openNu sent to the API');
    const open = await items(page);
    for (const it of open) assert.match(it.status, /^Nu open/, it.naam);
    assert.match(await aantalTekst(page), /informatiepunt/);
    await page.screenshot({ path: screenshotPad('08-filter-nu-open'), fullPage: true });
    await geenAxeFouten(page, 'filter nu open');
    await context.close();
  });

  test('detail view: focus moves in, everything a resident needs, focus returns to the list item', async () => {
    const { context } = await nieuweContext(browser);
    const page = await context.newPage();
    await page.goto(`${host.url}/script.html`);
    await wachtOpLijst(page);
    const lijst = await items(page);
    const tweede = page.locator('ido-vinder .item-knop').nth(1);
    await tweede.click();
    await page.locator('ido-vinder .detail-kop').waitFor();
    let f = await focus(page);
    assert.equal(f.cls, 'detail-kop');
    assert.equal(f.tekst, lijst[1].naam);
    assert.ok(f.zichtbaar, 'focus is visible');

    const detail = page.locator('ido-vinder .detail');
    const tekst = await detail.textContent();
    for (const s of ['Adres', 'Spreekuren in de komende twee weken', 'Afspraak maken', 'Contact']) assert.ok(tekst.includes(s), s);
    assert.match(tekst, /Gecontroleerd in \w+ \d{4}\.|Nog niet gecontroleerd/);
    const route = detail.locator('a', { hasText: 'Route plannen' });
    assert.match(await route.getAttribute('href'), /^https:\/\/www\.openstreetmap\.org\/directions\?to=/);
    assert.equal(await route.getAttribute('target'), '_blank');
    assert.match(await route.textContent(), /nieuw tabblad/);
    const meld = detail.locator('a', { hasText: 'Meld een fout' });
    assert.equal(await meld.getAttribute('href'), `https://gemeente.voorbeeld.test/melden?ido=${encodeURIComponent(lijst[1].id)}`);
    // The chosen marker is marked on the map.
    assert.equal(await page.locator('ido-vinder .ido-gekozen button').getAttribute('data-id'), lijst[1].id);
    await page.screenshot({ path: screenshotPad('09-detail'), fullPage: true });
    await geenAxeFouten(page, 'detail view');

    await page.locator('ido-vinder .terug').click();
    f = await focus(page);
    assert.equal(f.cls, 'item-knop');
    assert.equal(f.id, lijst[1].id);

    // Escape closes too, and a marker opens the same view.
    await page.locator(`ido-vinder button.ido-marker[data-id="${lijst[0].id}"]`).click();
    await page.locator('ido-vinder .detail-kop').waitFor();
    assert.equal((await focus(page)).tekst, lijst[0].naam);
    await page.keyboard.press('Escape');
    f = await focus(page);
    assert.equal(f.id, lijst[0].id);
    await context.close();
  });

  test('keyboard only: search, open, read, close, walk through the map and out again', async () => {
    const { context } = await nieuweContext(browser, { plek: UTRECHT });
    const page = await context.newPage();
    await page.goto(`${host.url}/land.html`);
    await page.locator('ido-vinder input[role=combobox]').waitFor();

    // Tab from the top of the page into the search box, and on to "Gebruik mijn locatie".
    // (Choosing a suggestion with the arrow keys is covered by the search test.)
    let f;
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      f = await focus(page);
      if (f.tag === 'input' && f.inWidget) break;
    }
    assert.equal(f.tag, 'input');
    assert.ok(f.zichtbaar, 'focus visible on the search box');
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      f = await focus(page);
      assert.ok(f.zichtbaar, `visible focus on ${f.tag}.${f.cls}`);
      if (f.cls.includes('locatie')) break;
    }
    assert.match(f.tekst, /Gebruik mijn locatie/);
    await page.keyboard.press('Enter');
    await page.locator('ido-vinder .aantal').filter({ hasText: 'uw locatie' }).waitFor({ timeout: 15000 });
    await wachtOpLijst(page);
    const lijst = await items(page);
    assert.ok(lijst.length > 0);

    // Tab on to the first result; every stop on the way has a visible focus.
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      f = await focus(page);
      assert.ok(f.zichtbaar, `visible focus on ${f.tag}.${f.cls}`);
      if (f.cls === 'item-knop') break;
    }
    assert.equal(f.cls, 'item-knop');
    assert.equal(f.id, lijst[0].id);
    await page.keyboard.press('Enter');
    await page.locator('ido-vinder .detail-kop').waitFor();
    assert.equal((await focus(page)).cls, 'detail-kop');
    await page.screenshot({ path: screenshotPad('10-toetsenbord-detail'), fullPage: true });
    await page.keyboard.press('Tab');
    assert.ok((await focus(page)).zichtbaar);
    await page.keyboard.press('Escape');
    assert.equal((await focus(page)).id, lijst[0].id);

    // On through the list into the map: every marker is a stop, Enter opens it; then out of the map.
    const gezien = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      f = await focus(page);
      if (f.cls.includes('ido-marker')) gezien.push(f.label);
      if (!f.inWidget) break;
    }
    assert.equal(gezien.length, lijst.length, 'every marker is in the tab order once');
    gezien.forEach((l, i) => assert.ok(l.startsWith(`${i + 1}. `), l));
    assert.ok(!f.inWidget, 'Tab leaves the widget after the map: no focus trap');

    // Back into the map with Shift+Tab and open a marker with the keyboard.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Shift+Tab');
      f = await focus(page);
      if (f.cls.includes('ido-marker')) break;
    }
    assert.ok(f.cls.includes('ido-marker'));
    await page.screenshot({ path: screenshotPad('11-toetsenbord-marker'), fullPage: false });
    await page.keyboard.press('Enter');
    await page.locator('ido-vinder .detail-kop').waitFor();
    assert.equal((await focus(page)).cls, 'detail-kop');
    await page.keyboard.press('Escape');
    await context.close();
  });

  test('embed by iframe: /embed reads gemeente, taal and kaart from its URL; list only means no tile request', async () => {
    const { context, verzoeken, fouten } = await nieuweContext(browser);
    const page = await context.newPage();
    await page.goto(`${host.url}/iframe.html`);
    const frame = page.frameLocator('#ido');
    const f = page.frame({ url: /\/embed\?/ });
    assert.ok(f, 'iframe loaded');
    await wachtOpLijst(f);
    assert.equal(await f.evaluate(() => document.documentElement.lang), 'en');
    assert.match(await frame.locator('ido-vinder h2').first().textContent(), /Help with digital government in Utrecht/);
    assert.equal(await frame.locator('ido-vinder .ido').getAttribute('lang'), 'en');
    assert.match(await aantalTekst(f), /information point/);
    assert.equal(await frame.locator('ido-vinder .kaart').count(), 0, 'no map');
    assert.ok(!(await frame.locator('ido-vinder .ido').textContent()).includes('Map data'), 'no map attribution without a map');
    for (const it of await items(f)) assert.match(it.status, /^(Open now|Closed|By appointment|Opening hours unknown)/);
    await frame.locator('ido-vinder .item-knop').first().click();
    await frame.locator('ido-vinder .detail-kop').waitFor();
    assert.match(await frame.locator('ido-vinder .detail').textContent(), /Back to the list/);
    await page.screenshot({ path: screenshotPad('12-iframe-en-zonder-kaart'), fullPage: true });
    await geenAxeFouten(f, 'iframe, English, list only');
    await geenAxeFouten(page, 'host page with iframe');
    assert.deepEqual(verzoeken.filter((u) => [PDOK_HOST, TEGEL_HOST].includes(hostVan(u))), [], 'kaart=uit: no tile requests');
    alleenToegestaneHosts(verzoeken.filter((u) => !u.startsWith(host.url)), [API_HOST], 'iframe list only');
    await geenOpslag(context, [page], 'iframe');
    assert.deepEqual(fouten, []);
    await context.close();
  });

  test('iframe with map and the public finder page at /: default PDOK tiles, axe clean, nothing stored', async () => {
    const { context, verzoeken, fouten } = await nieuweContext(browser, { plek: AMERSFOORT });
    const page = await context.newPage();
    await page.goto(`${host.url}/iframe-kaart.html`);
    const f = page.frame({ url: /\/embed\?/ });
    await wachtOpLijst(f);
    assert.ok((await f.locator('ido-vinder button.ido-marker').count()) > 0);
    assert.equal(await f.evaluate(() => document.documentElement.lang), 'nl');
    await page.screenshot({ path: screenshotPad('13-iframe-met-kaart'), fullPage: false });
    await geenAxeFouten(f, 'iframe with map');

    const p2 = await context.newPage();
    await p2.goto(`${API}/`);
    await zoekOpLocatie(p2);
    assert.ok((await items(p2)).length > 0);
    await p2.locator('ido-vinder .item-knop').first().click();
    await p2.locator('ido-vinder .detail-kop').waitFor();
    await p2.screenshot({ path: screenshotPad('14-publieke-pagina'), fullPage: true });
    await geenAxeFouten(p2, 'public finder page, detail');
    assert.ok(verzoeken.some((u) => hostVan(u) === PDOK_HOST), 'default tiles: PDOK');
    alleenToegestaneHosts(verzoeken.filter((u) => !u.startsWith(host.url)), [API_HOST, PDOK_HOST], 'public page and iframe with map');
    await geenOpslag(context, [page, p2], 'public page');
    assert.deepEqual(fouten, []);
    await context.close();
  });

  test('320 px wide: reflows without horizontal scrolling, in every state', async () => {
    const { context } = await nieuweContext(browser, { viewport: { width: 320, height: 720 }, plek: AMSTERDAM });
    const page = await context.newPage();
    await page.goto(`${host.url}/script.html`);
    await wachtOpLijst(page);
    await geenHorizontaleScroll(page, '320 px list');
    await page.screenshot({ path: screenshotPad('15-320px-lijst'), fullPage: true });
    await zoekOpLocatie(page);
    await geenHorizontaleScroll(page, '320 px results');
    await page.locator('ido-vinder .item-knop').first().click();
    await page.locator('ido-vinder .detail-kop').waitFor();
    await geenHorizontaleScroll(page, '320 px detail');
    await page.screenshot({ path: screenshotPad('16-320px-detail'), fullPage: true });
    await geenAxeFouten(page, '320 px detail');
    const p2 = await context.newPage();
    await p2.goto(`${API}/`);
    await p2.locator('ido-vinder input[role=combobox]').waitFor();
    await geenHorizontaleScroll(p2, '320 px public page');
    await context.close();
  });

  test('hostile host CSS does not break the widget', async () => {
    const { context, fouten } = await nieuweContext(browser, { plek: AMSTERDAM });
    const page = await context.newPage();
    await page.goto(`${host.url}/vijandig.html`);
    await wachtOpLijst(page);
    const m = await page.evaluate(() => {
      const host = document.querySelector('ido-vinder');
      const r = host.shadowRoot;
      const knop = r.querySelector('button[type=submit]');
      const invoer = r.querySelector('input[role=combobox]');
      const kaart = r.querySelector('.kaart');
      return {
        display: getComputedStyle(host).display,
        font: parseFloat(getComputedStyle(r.querySelector('.ido')).fontSize),
        knopBg: getComputedStyle(knop).backgroundColor,
        invoerH: invoer.getBoundingClientRect().height,
        invoerRand: getComputedStyle(invoer).borderTopStyle,
        kaartH: kaart.getBoundingClientRect().height,
        items: r.querySelectorAll('.item').length,
        lijstStijl: getComputedStyle(r.querySelector('.lijst')).listStyleType,
        verborgenDetail: getComputedStyle(r.querySelector('.detail')).display,
      };
    });
    assert.equal(m.display, 'block');
    assert.ok(m.font >= 14 && m.font <= 24, `widget text keeps its size: ${m.font}px`);
    assert.equal(m.knopBg, PRIMAIR_STANDAARD);
    assert.ok(m.invoerH >= 40 && m.invoerH <= 80, `search box height ${m.invoerH}`);
    assert.equal(m.invoerRand, 'solid');
    assert.ok(m.kaartH >= 200, `map height ${m.kaartH}`);
    assert.ok(m.items > 0);
    assert.equal(m.lijstStijl, 'none');
    assert.equal(m.verborgenDetail, 'none');
    await zoekOpLocatie(page);
    assert.ok((await items(page)).length > 0, 'search still works');
    await page.screenshot({ path: screenshotPad('17-vijandige-css'), fullPage: false });
    assert.deepEqual(fouten, []);
    await context.close();
  });

  test('privacy after use: no cookies, empty storage, no request to an unconfigured host', async () => {
    const { context, verzoeken } = await nieuweContext(browser, { plek: AMSTERDAM });
    const page = await context.newPage();
    await page.goto(`${host.url}/script.html`);
    await wachtOpLijst(page);
    const invoer = page.locator('ido-vinder input[role=combobox]');
    // Suggestions are asked after typing, the free text after Enter; whatever the service answers.
    const suggesties = page.waitForResponse((r) => r.url().includes('/v1/zoeksuggesties?q=1012'));
    await invoer.pressSequentially('1012', { delay: 30 });
    await suggesties;
    const gezocht = page.waitForResponse((r) => /\/v1\/informatiepunten\?.*zoek=1012/.test(r.url()));
    await invoer.press('Enter');
    await gezocht;
    await zoekOpLocatie(page);
    await page.locator('ido-vinder .item-knop').first().click();
    await page.locator('ido-vinder .detail-kop').waitFor();
    await page.locator('ido-vinder input[type=checkbox]').check();
    await wachtOpLijst(page);
    await geenOpslag(context, [page], 'after use');
    const hosts = [...new Set(verzoeken.map(hostVan))].sort();
    assert.deepEqual(hosts, [API_HOST, TEGEL_HOST, hostVan(host.url)].sort(), `hosts contacted: ${hosts}`);
    assert.deepEqual(verzoeken.filter((u) => u.startsWith(host.url)).map((u) => new URL(u).pathname), ['/script.html']);
    // The widget's fetches carry no credentials, so no cookie of the API's origin can be set or sent.
    const indexedDbs = await page.evaluate(async () => (indexedDB.databases ? (await indexedDB.databases()).length : 0));
    assert.equal(indexedDbs, 0);
    await context.close();
  });
});
