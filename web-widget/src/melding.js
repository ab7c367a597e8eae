// "Meld een fout": a small form in the detail of a help point with which a resident reports a mistake
// to its owners (POST /v1/informatiepunten/{id}/meldingen, docs/meldingen.md). No account, no name, no
// e-mail address; the form asks not to write personal details. A site that wants reports elsewhere sets
// meld-url, and then this is the old link. Also: "gecontroleerd in oktober 2026", and plainly when that
// is over a year ago.
import { h } from './dom.js';
import { opmaker } from './opmaak.js';

const SOORTEN = ['openingstijden', 'adres', 'gesloten', 'diensten', 'anders'];
const MAX = 500;
const TZ = 'Europe/Amsterdam';

/** Characters as the server counts them (code points, so an emoji is one). */
function tekens(s) {
  return [...s].length;
}

/**
 * The "last checked" line: the month in words, and a plain warning when it is over a year ago.
 * `nu` is a Date (tests pass their own).
 */
export function gecontroleerdRegel(ip, t, nu = new Date()) {
  const iso = ip.laatstGecontroleerd;
  const m = typeof iso === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return h('p', { class: 'gecontroleerd' }, t.nietGecontroleerd);
  const datum = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], 12));
  const maand = opmaker('DateTimeFormat', t.locale, { timeZone: TZ, month: 'long', year: 'numeric' }).format(datum);
  // A year ago in Amsterdam's calendar: the same date one year earlier.
  const vandaag = opmaker('DateTimeFormat', 'en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(nu);
  const [j, mm, d] = vandaag.split('-');
  const oud = iso < `${+j - 1}-${mm}-${d}`;
  return h('p', { class: oud ? 'gecontroleerd gecontroleerd-oud' : 'gecontroleerd' },
    t.gecontroleerdIn(maand), oud ? [' ', h('strong', null, t.gecontroleerdOud)] : null);
}

/**
 * The "Meld een fout" part of a help point's detail. `opties`: { api (base URL), meldUrl (attribute),
 * meldHref (the link for meld-url), id_ (unique ids) }.
 */
export function meldBlok(ip, t, { api, meldUrl, meldHref, id_ }) {
  if (meldUrl) return h('p', { class: 'meld' }, h('a', { href: meldHref(ip) }, t.meldFout));

  const pre = id_(`meld-${ip.id}`);
  const fout = h('div', { class: 'meld-fout', role: 'alert', id: `${pre}-fout` });
  const teller = h('p', { class: 'hint', id: `${pre}-teller`, 'aria-live': 'polite' }, t.meldTekensOver(MAX));
  const toelichting = h('textarea', {
    id: `${pre}-tekst`, class: 'invoer', rows: '3', maxlength: String(MAX), 'aria-describedby': `${pre}-privacy ${pre}-teller`,
  });
  toelichting.addEventListener('input', () => {
    const over = MAX - tekens(toelichting.value);
    teller.textContent = t.meldTekensOver(Math.max(0, over));
  });
  const keuzes = SOORTEN.map((s) => h('div', { class: 'meld-keuze' },
    h('input', { type: 'radio', name: `${pre}-soort`, id: `${pre}-${s}`, value: s }),
    h('label', { for: `${pre}-${s}` }, t.meldSoorten[s])));
  const fieldset = h('fieldset', { class: 'meld-soorten', 'aria-describedby': `${pre}-fout` }, h('legend', null, t.meldWat), keuzes);
  const verstuur = h('button', { type: 'submit', class: 'knop' }, t.meldVerstuur);
  const form = h('form', { class: 'meld-form', id: `${pre}-form`, novalidate: true, hidden: true },
    fieldset,
    h('label', { for: `${pre}-tekst`, class: 'label' }, t.meldToelichting),
    h('p', { class: 'hint', id: `${pre}-privacy` }, t.meldPrivacy),
    toelichting, teller, fout, verstuur);
  const bedankt = h('p', { class: 'meld-bedankt', role: 'status', tabindex: '-1', hidden: true });
  const open = h('button', { type: 'button', class: 'knop knop-tweede meld-open', 'aria-expanded': 'false', 'aria-controls': `${pre}-form` }, t.meldFout);
  open.addEventListener('click', () => {
    const tonen = form.hidden;
    form.hidden = !tonen;
    open.setAttribute('aria-expanded', String(tonen));
    if (tonen) form.querySelector('input').focus();
  });

  let bezig = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (bezig) return;
    fout.textContent = '';
    fieldset.removeAttribute('aria-invalid');
    const gekozen = form.querySelector(`input[name="${pre}-soort"]:checked`);
    if (!gekozen) {
      fout.textContent = t.meldKies;
      fieldset.setAttribute('aria-invalid', 'true');
      form.querySelector('input').focus();
      return;
    }
    const tekst = toelichting.value.trim();
    if (tekens(tekst) > MAX) {
      fout.textContent = t.meldTeLang(MAX);
      toelichting.focus();
      return;
    }
    bezig = true;
    verstuur.setAttribute('aria-disabled', 'true');
    let status = 0;
    let wacht = null;
    try {
      const r = await fetch(`${api}/v1/informatiepunten/${encodeURIComponent(ip.id)}/meldingen`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(tekst ? { soort: gekozen.value, toelichting: tekst } : { soort: gekozen.value }),
        credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
      });
      status = r.status;
      wacht = r.headers.get('Retry-After');
    } catch {
      status = 0;
    } finally {
      bezig = false;
      verstuur.removeAttribute('aria-disabled');
    }
    if (status === 200 || status === 201) {
      form.hidden = true;
      open.hidden = true;
      bedankt.textContent = t.meldBedankt;
      bedankt.hidden = false;
      bedankt.focus();
      return;
    }
    fout.textContent = status === 429 ? t.meldTeVaak(wacht) : status === 0 ? t.meldGeenVerbinding : t.meldMislukt;
  });

  return h('div', { class: 'meld' }, open, form, bedankt);
}
