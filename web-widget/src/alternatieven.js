// When no help point is near (issue 15 §4): the nearest is over 10 km away, or none of the results is
// open now or has a spreekuur in the next 7 days. Then the widget says so plainly and shows the
// DigiHulplijn. The server pages apply the same rule (service/render/pagina_alternatieven.cpp).
import { h } from './dom.js';

export const VER_WEG_M = 10000;
export const BESCHIKBAAR_DAGEN = 7;

/** 'geen' | 'ver' | 'dicht' (nothing open soon) | null (help is near) for the results of a search. */
export function geenHulpDichtbij(lijst, nu = new Date()) {
  if (!lijst.length) return 'geen';
  const afstanden = lijst.map((ip) => ip.afstand).filter((a) => typeof a === 'number');
  if (afstanden.length && Math.min(...afstanden) > VER_WEG_M) return 'ver';
  const grens = nu.getTime() + BESCHIKBAAR_DAGEN * 864e5;
  const beschikbaar = lijst.some((ip) => (ip.status && ip.status.code === 'open')
    || (ip.komendeSpreekuren || []).some((k) => {
      const b = new Date(k.begin).getTime();
      const e = k.eind ? new Date(k.eind).getTime() : b;
      return b < grens && e > nu.getTime();
    }));
  return beschikbaar ? null : 'dicht';
}

/** The block for `reden`, or null. */
export function alternatievenBlok(reden, t) {
  if (!reden) return null;
  const a = t.alternatieven;
  return h('section', { class: 'alternatieven', 'aria-label': a.label },
    h('h3', null, a.kop[reden]),
    h('p', null, a.uitleg[reden]),
    h('h4', null, 'DigiHulplijn'),
    h('p', null, a.belTekst, h('a', { href: 'tel:08001508' }, '0800-1508'), '. ', a.whatsapp, ' ', a.wat));
}

/** Shows (or removes) the block after the results of a search in `paneel`. */
export function toonAlternatieven(paneel, lijst, t, zoekModus) {
  const oud = paneel.querySelector(':scope > .alternatieven');
  if (oud) oud.remove();
  if (!zoekModus) return;
  const blok = alternatievenBlok(geenHulpDichtbij(lijst), t);
  if (blok) paneel.appendChild(blok);
}
