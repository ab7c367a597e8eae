// Builds web-widget/dist/: ido-vinder.js (one self-contained file: custom element, Leaflet, CSS),
// pagina.css and zonder-js.css (the styles of the pages the service renders, docs/paginas.md),
// and the editing page beheer.html with beheer.js and beheer.css.
// Fails when the gzipped bundle is over the size budget.
//
//   node web-widget/build.mjs            (from the repository root; scripts/build.sh runs it)
import { build, transform } from 'esbuild';
import { gzipSync, brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, readdirSync, rmSync, statSync } from 'node:fs';
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
// When this build started: files in dist/ older than this at the end were not written by it (see the end).
const bouwBegin = Date.now() - 2000;
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
  logLevel: 'warning',
  banner: { js: '/* ido-vinder widget, EUPL-1.2. Includes Leaflet 1.9.4 (BSD-2-Clause, (c) Volodymyr Agafonkin, CloudMade). */' },
});

for (const f of readdirSync(join(hier, 'pagina'))) copyFileSync(join(hier, 'pagina', f), join(dist, f));

// The editing page /beheer (beheer/): its own small bundle (it shares dom.js, opmaak.js and teksten.js
// with the widget), its HTML and CSS. Outside the widget's size budget: only staff load it.
await build({
  entryPoints: [join(hier, 'beheer', 'beheer.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15.4'],
  outfile: join(dist, 'beheer.js'),
  logLevel: 'warning',
  banner: { js: '/* ido-vinder beheer, EUPL-1.2. */' },
});
for (const f of ['beheer.html', 'beheer.css']) copyFileSync(join(hier, 'beheer', f), join(dist, f));

// The API documentation /v1/docs (api-docs/): Swagger UI from npm (swagger-ui-dist, pinned in
// package.json), copied as its authors built it, with our page, start script and contrast fixes. Served
// from /widget/v1/ like everything here, so the page makes no request to another origin.
const swaggerUi = join(hier, '..', 'node_modules', 'swagger-ui-dist');
copyFileSync(join(swaggerUi, 'swagger-ui-bundle.js'), join(dist, 'api-docs-swagger-ui.js'));
copyFileSync(join(swaggerUi, 'swagger-ui.css'), join(dist, 'api-docs-swagger-ui.css'));
for (const f of ['api-docs.html', 'api-docs.js', 'api-docs.css']) copyFileSync(join(hier, 'api-docs', f), join(dist, f));

// The municipal pages /gemeenten and /gemeenten/{gemeentecode} (server-rendered by the service): their
// script and styles (gemeente/). Outside the widget's size budget.
await build({
  entryPoints: [join(hier, 'gemeente', 'gemeente.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15.4'],
  outfile: join(dist, 'gemeente.js'),
  logLevel: 'warning',
  banner: { js: '/* ido-vinder gemeentepagina, EUPL-1.2. */' },
});
copyFileSync(join(hier, 'gemeente', 'gemeente.css'), join(dist, 'gemeente.css'));

const js = readFileSync(join(dist, 'ido-vinder.js'));
const gz = gzipSync(js, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1) + ' kB';
console.log(`web-widget: dist/ido-vinder.js ${kb(js.length)}, gzipped ${kb(gz)} (budget ${kb(BUDGET_GZIP)})`);
writeFileSync(join(dist, 'meta.json'), JSON.stringify({ bytes: js.length, gzipBytes: gz, budgetGzipBytes: BUDGET_GZIP }, null, 2));
// Precompressed copies of every text file (issue 15 §5), so the service sends them without compressing
// per request: gzip at level 9 and brotli at quality 11 (the slowest and smallest, fine once per build).
for (const f of readdirSync(dist)) {
  if (!/\.(js|css|html|json|svg|txt)$/.test(f)) continue;
  const inhoud = readFileSync(join(dist, f));
  writeFileSync(join(dist, f + '.gz'), gzipSync(inhoud, { level: 9 }));
  writeFileSync(join(dist, f + '.br'), brotliCompressSync(inhoud, {
    params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: inhoud.length },
  }));
}
if (resultaat.warnings.length) console.log(`web-widget: ${resultaat.warnings.length} warning(s)`);
if (gz >= BUDGET_GZIP) {
  console.error(`web-widget: FAILED size budget: gzipped ido-vinder.js is ${kb(gz)}, must be under ${kb(BUDGET_GZIP)}`);
  process.exit(1);
}

// The service serves every file in dist/, so a file an earlier build wrote and this one no longer does
// (a page now rendered by the service) must not linger. Only files this build did not write are
// removed, and only now: browser tests build dist/ while other tests serve it, so it is never emptied.
for (const f of readdirSync(dist)) {
  const pad = join(dist, f);
  if (statSync(pad).isFile() && statSync(pad).mtimeMs < bouwBegin) rmSync(pad);
}
