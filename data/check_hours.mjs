// Validate every opening-hours expression in data/informatiepunten.geojson
// with the npm package `opening_hours` (the reference implementation), and
// check that each location's `openingstijden` means exactly the union of its
// spreekuren.
//
// Run from the repository root after `npm ci`:
//     node data/check_hours.mjs [path/to/informatiepunten.geojson]
// Exit code 0 when everything is valid, 1 otherwise.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";

const require = createRequire(import.meta.url);
const OpeningHours = require("opening_hours");

const here = path.dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? path.join(here, "informatiepunten.geojson");
const fc = JSON.parse(readFileSync(file, "utf8"));

const NOMINATIM = { address: { country_code: "nl", state: "" } };
// Compare over two full years so week parity, month rules, summer breaks and
// all Dutch public holidays are covered.
const FROM = new Date(2026, 0, 1);
const TO = new Date(2028, 0, 1);

let errors = 0;
let checked = 0;
const fail = (id, msg) => {
  errors++;
  console.error(`${id}: ${msg}`);
};

function parse(id, expr) {
  checked++;
  try {
    const oh = new OpeningHours(expr, NOMINATIM);
    const warnings = oh.getWarnings();
    if (warnings.length) fail(id, `warnings for "${expr}": ${warnings.join(" | ")}`);
    return oh;
  } catch (e) {
    fail(id, `invalid "${expr}": ${String(e).split("\n")[0]}`);
    return null;
  }
}

// Open intervals as merged [from, to] millisecond pairs (comments ignored).
function intervals(ohs) {
  const all = ohs
    .flatMap((oh) => oh.getOpenIntervals(FROM, TO))
    .map(([a, b]) => [a.getTime(), b.getTime()])
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out = [];
  for (const [a, b] of all) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

for (const f of fc.features) {
  const p = f.properties;
  const top = p.openingstijden;
  const parts = p.spreekuren.map((s) => s.openingstijden);
  if (top === "") {
    if (parts.some((x) => x !== "")) fail(p.id, "hours unknown at location but known in a spreekuur");
    continue;
  }
  if (parts.some((x) => x === "")) {
    fail(p.id, "a spreekuur has unknown hours while the location has hours");
    continue;
  }
  const ohTop = parse(p.id, top);
  const ohParts = parts.map((x) => parse(p.id, x));
  if (!ohTop || ohParts.some((x) => !x)) continue;
  const a = JSON.stringify(intervals([ohTop]));
  const b = JSON.stringify(intervals(ohParts));
  if (a !== b) fail(p.id, `"${top}" is not the union of ${JSON.stringify(parts)}`);
}

console.log(`${fc.features.length} locations, ${checked} expressions checked, ${errors} error(s)`);
process.exit(errors ? 1 : 0);
