// Helpers for the widget's browser tests: the real ido-vinder service on a free port, a host page
// server on another port, Debian's Chromium through playwright-core, axe-core, a local tile.
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { deflateSync } from 'node:zlib';
import { createRequire } from 'node:module';

export const REPO = resolve(process.env.IDO_SOURCE_DIR || join(import.meta.dirname, '..', '..'));
export const BINARY = process.env.IDO_BINARY || join(REPO, 'build', 'service', 'ido-vinder');
export const SCREENSHOTS = process.env.IDO_SCREENSHOT_DIR || join(tmpdir(), 'ido-vinder-widget-screenshots');
export const CHROMIUM = process.env.IDO_CHROMIUM || '/usr/bin/chromium';
const require = createRequire(join(REPO, 'package.json'));
export const AXE_PATH = require.resolve('axe-core/axe.min.js');
export const { chromium } = require('playwright-core');

/**
 * How many cases of one browser test file run at the same time (describe's concurrency in the files
 * whose cases are independent). A case mostly waits (page loads, the service, axe-core in the page):
 * sequentially a file kept about a third of a core busy. IDO_BROWSER_GELIJKTIJDIG=1 runs them one by
 * one (to read a failing case's log, or to measure the difference).
 */
export const GELIJKTIJDIG = (() => {
  const n = Number.parseInt(process.env.IDO_BROWSER_GELIJKTIJDIG || '3', 10);
  return Number.isInteger(n) && n >= 1 ? n : 3;
})();

/**
 * Builds web-widget/dist (esbuild; unchanged files are not written or compressed again) so the test
 * always serves the current sources. Under CTest the `widget_build` test has built it once before every
 * browser test (fixture widget_dist, which sets IDO_WIDGET_GEBOUWD=1): then this only reports the size.
 */
export function bouwWidget() {
  const meta = join(REPO, 'web-widget', 'dist', 'meta.json');
  if (process.env.IDO_WIDGET_GEBOUWD === '1' && existsSync(meta)) {
    const { bytes, gzipBytes } = JSON.parse(readFileSync(meta, 'utf8'));
    return `web-widget: dist/ido-vinder.js ${(bytes / 1024).toFixed(1)} kB, gzipped ${(gzipBytes / 1024).toFixed(1)} kB (built by the widget_build test)`;
  }
  const r = spawnSync(process.execPath, [join(REPO, 'web-widget', 'build.mjs')], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`web-widget build failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout.trim();
}

/** Starts `ido-vinder serve --port 0` and waits for its "listening on" line. */
export function startService() {
  if (!existsSync(BINARY)) throw new Error(`service binary not found: ${BINARY} (set IDO_BINARY)`);
  // A database of its own in a temporary directory: tests never share or leave state.
  const db = join(mkdtempSync(join(tmpdir(), 'ido-vinder-widget-')), 'ido-vinder.db');
  const args = ['serve', '--port', '0', '--data-dir', join(REPO, 'data'), '--widget-dir', join(REPO, 'web-widget', 'dist'), '--db', db];
  const proc = spawn(BINARY, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let uitvoer = '';
  return new Promise((klaar, mislukt) => {
    const timer = setTimeout(() => { proc.kill('SIGKILL'); mislukt(new Error(`service did not report its port within 60 s:\n${uitvoer}`)); }, 60000);
    const lees = (buf) => {
      uitvoer += buf.toString();
      const m = /ido-vinder: listening on (http:\/\/[^\s]+)/.exec(uitvoer);
      if (m) {
        clearTimeout(timer);
        proc.stdout.removeAllListeners('data');
        proc.stdout.resume();
        klaar({ url: m[1].replace(/\/$/, ''), proc, stop: () => stopProces(proc) });
      }
    };
    proc.stdout.on('data', lees);
    proc.stderr.on('data', (b) => { uitvoer += b.toString(); });
    proc.on('exit', (code) => { clearTimeout(timer); mislukt(new Error(`service exited (${code}) before listening:\n${uitvoer}`)); });
  });
}

function stopProces(proc) {
  return new Promise((klaar) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return klaar();
    const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
    proc.once('exit', () => { clearTimeout(t); klaar(); });
    proc.kill('SIGTERM');
  });
}

/** A tiny static server for host pages: { '/pad': html }. */
export function startHostServer(paginas) {
  const server = http.createServer((req, res) => {
    const pad = new URL(req.url, 'http://x').pathname;
    const html = paginas[pad];
    if (typeof html === 'string') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(html);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((klaar) => server.listen(0, '127.0.0.1', () => {
    // "localhost" keeps the host page on another origin (and host name) than the API at 127.0.0.1.
    klaar({ url: `http://localhost:${server.address().port}`, stop: () => new Promise((k) => server.close(() => k())) });
  }));
}

export function startBrowser() {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (scripts/install-deps.sh lists it)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** A 256×256 light grey PNG with a grid, made here: the tile server is never contacted. */
export const TEGEL_PNG = (() => {
  const w = 256;
  const rij = w * 3 + 1;
  const raw = Buffer.alloc(rij * w);
  for (let y = 0; y < w; y++) {
    for (let x = 0; x < w; x++) {
      const o = y * rij + 1 + x * 3;
      const lijn = x % 64 === 0 || y % 64 === 0;
      raw[o] = lijn ? 200 : 232; raw[o + 1] = lijn ? 205 : 236; raw[o + 2] = lijn ? 210 : 228;
    }
  }
  const tabel = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (b) => { let c = -1; for (const x of b) c = tabel[(c ^ x) & 255] ^ (c >>> 8); return (c ^ -1) >>> 0; };
  const stuk = (soort, data) => {
    const lengte = Buffer.alloc(4); lengte.writeUInt32BE(data.length);
    const inhoud = Buffer.concat([Buffer.from(soort), data]);
    const c = Buffer.alloc(4); c.writeUInt32BE(crc(inhoud));
    return Buffer.concat([lengte, inhoud, c]);
  };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(w, 4); ihdr[8] = 8; ihdr[9] = 2;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), stuk('IHDR', ihdr), stuk('IDAT', deflateSync(raw)), stuk('IEND', Buffer.alloc(0))]);
})();

/** A browser context that answers tiles locally and records every request it makes. */
export async function nieuweContext(browser, { plek, ...opties } = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', ...opties });
  if (plek) {
    // The resident allows "Gebruik mijn locatie"; the position is mocked.
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation(plek);
  }
  const verzoeken = [];
  context.on('request', (r) => verzoeken.push(r.url()));
  const tegel = (route) => route.fulfill({ status: 200, contentType: 'image/png', body: TEGEL_PNG });
  await context.route(/^https:\/\/service\.pdok\.nl\//, tegel);
  await context.route(/^https:\/\/tegels\.voorbeeld\.test\//, tegel);
  const fouten = [];
  context.on('page', (p) => p.on('pageerror', (e) => fouten.push(e.message)));
  return { context, verzoeken, fouten };
}

let axeBron = null;
/** Runs axe-core on a page or frame (open shadow roots included) and returns the violations. */
export async function axe(doel, opties = {}) {
  const heeftAxe = () => doel.evaluate(() => typeof window.axe === 'object');
  if (!(await heeftAxe())) {
    try { await doel.addScriptTag({ path: AXE_PATH }); } catch { /* a strict CSP may refuse the tag */ }
    if (!(await heeftAxe())) {
      axeBron ??= readFileSync(AXE_PATH, 'utf8');
      await doel.evaluate(axeBron);
    }
  }
  return doel.evaluate(async (o) => {
    const r = await window.axe.run(document, { resultTypes: ['violations'], ...o });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary || ''}`),
    }));
  }, opties);
}

export function screenshotPad(naam) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${naam}.png`);
}

export function hostVan(url) {
  try { return new URL(url).host; } catch { return url; }
}

// ---------- for the editing page /beheer (beheer.test.mjs) ----------

/**
 * Like startService, with a database path the test chooses (so it can create tokens in it with the
 * CLI). Without one: a new database in a temporary directory. Resolves to { url, proc, stop, db }.
 */
export function startServiceMetDatabase(db = join(mkdtempSync(join(tmpdir(), 'ido-vinder-beheer-')), 'ido-vinder.db')) {
  if (!existsSync(BINARY)) throw new Error(`service binary not found: ${BINARY} (set IDO_BINARY)`);
  const args = ['serve', '--port', '0', '--data-dir', join(REPO, 'data'), '--widget-dir', join(REPO, 'web-widget', 'dist'), '--db', db];
  const proc = spawn(BINARY, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let uitvoer = '';
  return new Promise((klaar, mislukt) => {
    const timer = setTimeout(() => { proc.kill('SIGKILL'); mislukt(new Error(`service did not report its port within 60 s:\n${uitvoer}`)); }, 60000);
    proc.stdout.on('data', (buf) => {
      uitvoer += buf.toString();
      const m = /ido-vinder: listening on (http:\/\/[^\s]+)/.exec(uitvoer);
      if (m) {
        clearTimeout(timer);
        proc.stdout.removeAllListeners('data');
        proc.stdout.resume();
        klaar({ url: m[1].replace(/\/$/, ''), proc, db, stop: () => stopProces(proc) });
      }
    });
    // Keep reading stderr (the access log) so the pipe never fills up.
    proc.stderr.on('data', (b) => { if (uitvoer.length < 100000) uitvoer += b.toString(); });
    proc.on('exit', (code) => { clearTimeout(timer); mislukt(new Error(`service exited (${code}) before listening:\n${uitvoer}`)); });
  });
}

/** `ido-vinder token create <args> --db <db>` with the real CLI; returns the secret (idov_...). */
export function maakSleutel(db, ...args) {
  const r = spawnSync(BINARY, ['token', 'create', ...args, '--db', db], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`token create failed (${r.status}): ${r.stderr}`);
  const geheim = r.stdout.trim();
  if (!geheim.startsWith('idov_')) throw new Error(`unexpected token output: ${geheim}`);
  return geheim;
}
