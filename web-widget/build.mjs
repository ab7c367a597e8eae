// Builds web-widget/dist/: ido-vinder.js (one self-contained file: custom element, Leaflet, CSS),
// pagina.css and zonder-js.css (the styles of the pages the service renders, docs/paginas.md),
// and the editing page beheer.html with beheer.js and beheer.css.
// Fails when the gzipped bundle is over the size budget.
//
//   node web-widget/build.mjs            (from the repository root; scripts/build.sh runs it)
import { build, transform } from 'esbuild';
import { gzipSync, gunzipSync, brotliCompressSync, brotliDecompressSync, constants as zlibConstants } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync, readdirSync, rmSync, statSync, existsSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const hier = dirname(fileURLToPath(import.meta.url));
const dist = join(hier, 'dist');
const BUDGET_GZIP = 80 * 1024;

// CSS is imported as minified text and adopted into the shadow root. Leaflet's url() images
// (layer switcher, default marker) are dropped: we use neither, and a relative url() inside a
// shadow root would resolve against the host page and cause a request there.
const cssAlsTekst = {
  name: 'css-als-tekst',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      let css = readFileSync(args.path, 'utf8');
      css = css.replace(/[^{}]*\{[^{}]*url\([^)]*\)[^{}]*\}/g, (blok) =>
        blok.includes('behavior') || /url\((?!["']?data:)/.test(blok) ? '' : blok);
      const { code } = await transform(css, { loader: 'css', minify: true });
      if (/url\(/.test(code)) throw new Error(`${args.path}: url() left in widget CSS`);
      return { contents: code, loader: 'text' };
    });
  },
};

mkdirSync(dist, { recursive: true });
// Every file this build puts in dist/ (see the end: the others are removed).
const geschreven = new Set();
/**
 * Writes a file of dist/ only when its content changed, through a temporary file and a rename: the
 * service may be serving dist/ to a browser test while another test (or a developer) builds, and a
 * reader then sees the old file or the new one, never half of one. An unchanged build writes nothing.
 */
function schrijf(naam, inhoud) {
  geschreven.add(naam);
  const pad = join(dist, naam);
  const buf = Buffer.isBuffer(inhoud) ? inhoud : Buffer.from(inhoud);
  if (existsSync(pad) && readFileSync(pad).equals(buf)) return false;
  const tijdelijk = `${pad}.${process.pid}.tmp`;
  writeFileSync(tijdelijk, buf);
  renameSync(tijdelijk, pad);
  return true;
}
const kopieer = (van, naam) => schrijf(naam, readFileSync(van));
/** esbuild's output files (write: false), written through schrijf. */
function schrijfUitvoer(r) {
  for (const f of r.outputFiles) schrijf(f.path.slice(dist.length + 1), Buffer.from(f.contents));
}
const resultaat = await build({
  entryPoints: [join(hier, 'src', 'ido-vinder.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15.4'],
  outfile: join(dist, 'ido-vinder.js'),
  legalComments: 'eof',
  plugins: [cssAlsTekst],
  metafile: true,
  write: false,
  logLevel: 'warning',
  banner: { js: '/* ido-vinder widget, EUPL-1.2. Includes Leaflet 1.9.4 (BSD-2-Clause, (c) Volodymyr Agafonkin, CloudMade). */' },
});

schrijfUitvoer(resultaat);
for (const f of readdirSync(join(hier, 'pagina'))) kopieer(join(hier, 'pagina', f), f);

// The editing page /beheer (beheer/): its own small bundle (it shares dom.js, opmaak.js and teksten.js
// with the widget), its HTML and CSS. Outside the widget's size budget: only staff load it.
schrijfUitvoer(await build({
  entryPoints: [join(hier, 'beheer', 'beheer.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15.4'],
  outfile: join(dist, 'beheer.js'),
  write: false,
  logLevel: 'warning',
  banner: { js: '/* ido-vinder beheer, EUPL-1.2. */' },
}));
for (const f of ['beheer.html', 'beheer.css']) kopieer(join(hier, 'beheer', f), f);

// The API documentation /v1/docs (api-docs/): Swagger UI from npm (swagger-ui-dist, pinned in
// package.json), copied as its authors built it, with our page, start script and contrast fixes. Served
// from /widget/v1/ like everything here, so the page makes no request to another origin.
const swaggerUi = join(hier, '..', 'node_modules', 'swagger-ui-dist');
kopieer(join(swaggerUi, 'swagger-ui-bundle.js'), 'api-docs-swagger-ui.js');
kopieer(join(swaggerUi, 'swagger-ui.css'), 'api-docs-swagger-ui.css');
for (const f of ['api-docs.html', 'api-docs.js', 'api-docs.css']) kopieer(join(hier, 'api-docs', f), f);

// The municipal pages /gemeenten and /gemeenten/{gemeentecode} (server-rendered by the service): their
// script and styles (gemeente/). Outside the widget's size budget.
schrijfUitvoer(await build({
  entryPoints: [join(hier, 'gemeente', 'gemeente.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15.4'],
  outfile: join(dist, 'gemeente.js'),
  write: false,
  logLevel: 'warning',
  banner: { js: '/* ido-vinder gemeentepagina, EUPL-1.2. */' },
}));
kopieer(join(hier, 'gemeente', 'gemeente.css'), 'gemeente.css');

const js = readFileSync(join(dist, 'ido-vinder.js'));
const gz = gzipSync(js, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1) + ' kB';
console.log(`web-widget: dist/ido-vinder.js ${kb(js.length)}, gzipped ${kb(gz)} (budget ${kb(BUDGET_GZIP)})`);
schrijf('meta.json', JSON.stringify({ bytes: js.length, gzipBytes: gz, budgetGzipBytes: BUDGET_GZIP }, null, 2));
// Precompressed copies of every text file (issue 15 §5), so the service sends them without compressing
// per request: gzip at level 9 and brotli at quality 11 (the slowest and smallest). Brotli 11 of the
// 1.7 MB Swagger UI alone takes seconds of CPU, so a copy is only made again when the file changed
// (its existing copy no longer decompresses to it): a rebuild without changes compresses nothing.
const gelijk = (pad, uitpakken, inhoud) => {
  try { return uitpakken(readFileSync(pad)).equals(inhoud); } catch { return false; }
};
for (const f of [...geschreven]) {
  if (!/\.(js|css|html|json|svg|txt)$/.test(f)) continue;
  const inhoud = readFileSync(join(dist, f));
  geschreven.add(f + '.gz');
  geschreven.add(f + '.br');
  if (!gelijk(join(dist, f + '.gz'), gunzipSync, inhoud)) schrijf(f + '.gz', gzipSync(inhoud, { level: 9 }));
  if (!gelijk(join(dist, f + '.br'), brotliDecompressSync, inhoud)) schrijf(f + '.br', brotliCompressSync(inhoud, {
    params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: inhoud.length },
  }));
}
if (resultaat.warnings.length) console.log(`web-widget: ${resultaat.warnings.length} warning(s)`);
if (gz >= BUDGET_GZIP) {
  console.error(`web-widget: FAILED size budget: gzipped ido-vinder.js is ${kb(gz)}, must be under ${kb(BUDGET_GZIP)}`);
  process.exit(1);
}

// The service serves every file in dist/, so a file an earlier build wrote and this one no longer does
// (a page now rendered by the service) must not linger. Only files this build did not produce are
// removed, and only now: dist/ may be served while it is built, so it is never emptied. (A stray
// temporary file of another build running at the same moment is left alone.)
for (const f of readdirSync(dist)) {
  const pad = join(dist, f);
  if (!geschreven.has(f) && !f.endsWith('.tmp') && statSync(pad).isFile()) rmSync(pad);
}
