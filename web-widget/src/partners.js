// The municipality's local partners (issue 13, the municipality as regisseur): organisations it directs
// around the IDO, such as the Taalhuis or a tax help desk, shown below the list for the widget's
// `gemeente`. An extra: when the request fails or there are none, nothing is shown.
import { h, leeg, veiligeUrl } from './dom.js';

/** Fills `el` with the partners of `gemeente`; `haal(pad)` is the widget's API call. */
export async function toonPartners(el, { haal, gemeente, t }) {
  leeg(el);
  el.hidden = true;
  let data;
  try {
    data = await haal(`/v1/gemeenten/${encodeURIComponent(gemeente)}/partners`);
  } catch {
    return;
  }
  const partners = data && Array.isArray(data.partners) ? data.partners : [];
  if (partners.length === 0) return;
  el.appendChild(h('h3', null, t.partnersKop));
  el.appendChild(h('p', null, t.partnersUitleg));
  el.appendChild(h('ul', { class: 'partner-lijst' }, partners.map((p) => partner(p, t))));
  el.hidden = false;
}

function partner(p, t) {
  const telefoon = typeof p.telefoon === 'string' && p.telefoon ? p.telefoon : null;
  const email = typeof p.email === 'string' && p.email ? p.email : null;
  const website = veiligeUrl(p.website);
  return h('li', { class: 'partner' },
    h('p', { class: 'partner-naam' }, h('strong', null, String(p.naam || '')), ` (${t.partnerSoort(p.soort)})`),
    p.omschrijving ? h('p', null, String(p.omschrijving)) : null,
    p.adres ? h('p', null, `${t.adres}: ${p.adres}`) : null,
    telefoon || email || website
      ? h('p', { class: 'partner-contact' },
        telefoon ? h('a', { href: `tel:${telefoon.replace(/[^0-9+]/g, '')}` }, `${t.partnerBel} ${telefoon}`) : null,
        telefoon && (email || website) ? ' · ' : null,
        email ? h('a', { href: `mailto:${email}` }, email) : null,
        email && website ? ' · ' : null,
        website ? h('a', { href: website, rel: 'noopener', target: '_blank' }, t.partnerWebsite(p.naam)) : null)
      : null);
}
