// The API documentation /v1/docs in Debian's Chromium: Swagger UI renders the service's own OpenAPI
// document, every request stays on the service's origin (no CDN, no validator badge), the page's
// Content-Security-Policy is not violated, and axe-core finds no violations (also with an operation
// opened, at 320 px too). Also the accessibility statement /toegankelijkheid.
//
//   IDO_BINARY=build/service/ido-vinder IDO_SOURCE_DIR=. node --test tests/widget/docs.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bouwWidget, startService, startBrowser, nieuweContext, axe, screenshotPad, REPO, GELIJKTIJDIG } from './lib.mjs';

let service;
let browser;

before(async () => {
  bouwWidget();
  service = await startService();
  browser = await startBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (service) await service.stop();
});

async function openDocs(breedte = 1200) {
  const { context, verzoeken, fouten } = await nieuweContext(browser, { viewport: { width: breedte, height: 900 } });
  const page = await context.newPage();
  const console = [];
  page.on('console', (m) => { if (m.type() === 'error') console.push(m.text()); });
  const antwoord = await page.goto(`${service.url}/v1/docs`);
  // Every path of the document is an operation block once Swagger UI has rendered.
  await page.waitForSelector('.opblock-summary-path', { timeout: 30000 });
  return { context, page, antwoord, verzoeken, fouten, console };
}

// The cases below are independent (each its own browser context; the service is only read), so up to
// GELIJKTIJDIG of them run at the same time: a case spends most of its time waiting for the browser.
describe('docs.test.mjs', { concurrency: GELIJKTIJDIG }, () => {
  // axe-core on the page as opened, then with the first operation opened (its parameters, responses).
  async function axeDichtEnOpen(page, breedte) {
    assert.deepEqual(await axe(page), [], `axe at ${breedte} px`);
    await page.click('.opblock-summary-control >> nth=0');
    await page.waitForSelector('.opblock-body', { timeout: 10000 });
    assert.deepEqual(await axe(page), [], `axe with an operation opened at ${breedte} px`);
    await page.screenshot({ path: screenshotPad(`api-docs-open-${breedte}`) });
  }

  // One page at 1200 px for both the rendering and axe-core: Swagger UI's render and axe-core over its
  // large DOM are most of this file's CPU, and a second page at the same width checked nothing new.
  test('/v1/docs renders every path of the OpenAPI document from this origin only, axe-core clean closed and with an operation opened', async () => {
    const { context, page, antwoord, verzoeken, fouten, console } = await openDocs();
    try {
      assert.equal(antwoord.status(), 200);
      assert.match(antwoord.headers()['content-security-policy'], /script-src 'self'/);
      const document = JSON.parse(readFileSync(join(REPO, 'service', 'openapi.json'), 'utf8'));
      const paden = await page.$$eval('.opblock-summary-path', (els) => els.map((e) => e.getAttribute('data-path') || e.textContent.trim()));
      for (const pad of Object.keys(document.paths)) assert.ok(paden.some((p) => p.replace(/\u200b/g, '') === pad), `${pad} is not shown`);
      const vreemd = verzoeken.filter((u) => !u.startsWith(service.url) && !u.startsWith('data:'));
      assert.deepEqual(vreemd, [], 'requests to another origin');
      assert.deepEqual(fouten, [], 'page errors');
      // Before axe-core: injecting it is an inline script, which the page's CSP refuses (and logs).
      assert.deepEqual(console.filter((t) => /Content Security Policy|Refused/.test(t)), [], 'CSP violations');
      await page.screenshot({ path: screenshotPad('api-docs'), fullPage: false });
      await axeDichtEnOpen(page, 1200);
    } finally {
      await context.close();
    }
  });

  test('/v1/docs at 320 px: no axe-core violations, closed and with an operation opened', async () => {
    const { context, page } = await openDocs(320);
    try {
      await axeDichtEnOpen(page, 320);
    } finally {
      await context.close();
    }
  });

  test('/toegankelijkheid: the accessibility statement, server-rendered, axe-core clean at 1200 and 320 px', async () => {
    for (const breedte of [1200, 320]) {
      const { context, verzoeken, fouten } = await nieuweContext(browser, { viewport: { width: breedte, height: 900 } });
      try {
        const page = await context.newPage();
        const antwoord = await page.goto(`${service.url}/toegankelijkheid`);
        assert.equal(antwoord.status(), 200);
        assert.match(antwoord.headers()['content-type'], /^text\/html/);
        assert.match(antwoord.headers()['content-security-policy'], /frame-ancestors 'none'/);
        assert.equal(await page.locator('h1').textContent(), 'Toegankelijkheidsverklaring');
        // The statement names its status and the tests that back it; each named test file exists.
        const tekst = await page.locator('main').textContent();
        assert.match(tekst, /Status: C/);
        for (const bestand of (tekst.match(/tests\/widget\/[a-z.]+\.mjs/g) || [])) assert.ok(readFileSync(join(REPO, bestand)), bestand);
        assert.ok((tekst.match(/tests\/widget\/[a-z.]+\.mjs/g) || []).length >= 3, 'the test files are named');
        assert.deepEqual(await axe(page), [], `axe at ${breedte} px`);
        const maten = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, vp: document.documentElement.clientWidth }));
        assert.ok(maten.doc <= maten.vp, `no horizontal scrolling at ${breedte} px: ${JSON.stringify(maten)}`);
        assert.deepEqual(verzoeken.filter((u) => !u.startsWith(service.url)), [], 'requests to another origin');
        assert.deepEqual(fouten, []);
        await page.screenshot({ path: screenshotPad(`toegankelijkheid-${breedte}`), fullPage: true });
      } finally {
        await context.close();
      }
    }
  });
});
