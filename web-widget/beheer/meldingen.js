// The residents' reports (meldingen) on /beheer: how many are open per help point (for the chooser),
// the open ones of the help point that is open, and closing one (afgehandeld or afgewezen, with an
// answer) through PATCH /v1/meldingen/{id} with If-Match.
//
// A report's text comes from an anonymous resident: it goes into the page as a text node (dom.js h()),
// never as HTML, so "<script>" in a report stays the text "<script>".
import { h, leeg } from '../src/dom.js';

const TZ = 'Europe/Amsterdam';

export const SOORTEN = {
  openingstijden: 'De openingstijden kloppen niet',
  adres: 'Het adres klopt niet',
  gesloten: 'Het informatiepunt is gesloten',
  diensten: 'De diensten kloppen niet',
  anders: 'Iets anders',
};

function ontvangenOp(iso) {
  const d = new Date(iso);
  if (isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('nl-NL', { timeZone: TZ, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
}

/**
 * `api(methode, pad, opties)` is the page's request function with the token; `opVeranderd()` is called
 * after a report was closed (the page reloads its history and the counts in the chooser).
 */
export function maakMeldingen({ api, opVeranderd }) {
  let open = new Map();  // help point id -> its open reports, oldest first
  let volgnummer = 0;

  /** Loads the open reports this token may act on. Returns false when that failed (shown in `doel`). */
  async function laad() {
    const r = await api('GET', '/v1/meldingen?status=open');
    if (r.status !== 200 || !r.body || !Array.isArray(r.body.meldingen)) return false;
    open = new Map();
    for (const m of r.body.meldingen) {
      if (!open.has(m.informatiepunt)) open.set(m.informatiepunt, []);
      open.get(m.informatiepunt).push(m);
    }
    return true;
  }

  function aantal(id) {
    return (open.get(id) || []).length;
  }

  /** The words after a help point's name in the chooser: "2 open meldingen", or nothing. */
  function label(id) {
    const n = aantal(id);
    if (!n) return '';
    return n === 1 ? ' – 1 open melding' : ` – ${n} open meldingen`;
  }

  /** Shows the open reports of help point `id` in the element `doel`. */
  function toon(doel, id) {
    leeg(doel);
    const lijst = open.get(id) || [];
    if (!lijst.length) {
      doel.appendChild(h('p', { id: 'meldingen-geen' }, 'Er zijn geen open meldingen van bezoekers.'));
      return;
    }
    doel.appendChild(h('p', { id: 'meldingen-aantal' }, lijst.length === 1 ? 'Er is 1 open melding.' : `Er zijn ${lijst.length} open meldingen.`));
    doel.appendChild(h('ol', { class: 'meldingen-lijst' }, lijst.map((m) => h('li', { class: 'melding-item', 'data-melding': m.id }, blok(m, doel, id)))));
  }

  function blok(m, doel, id) {
    const n = ++volgnummer;
    const status = h('div', { class: 'live', role: 'status', 'aria-live': 'polite', id: `melding-${n}-status` });
    const antwoord = h('textarea', { id: `melding-${n}-antwoord`, rows: '2', maxlength: '1000', 'aria-describedby': `melding-${n}-antwoord-hint melding-${n}-antwoord-fout` });
    const fout = h('p', { class: 'veldfout', id: `melding-${n}-antwoord-fout`, hidden: true });
    const radio = (waarde, tekst, checked) => h('div', { class: 'keuze' },
      h('input', { type: 'radio', name: `melding-${n}-status`, id: `melding-${n}-${waarde}`, value: waarde, checked }),
      h('label', { for: `melding-${n}-${waarde}` }, tekst));
    const form = h('form', { class: 'melding-afsluiten', novalidate: true },
      h('fieldset', null,
        h('legend', null, 'Wat hebt u met deze melding gedaan?'),
        radio('afgehandeld', 'Afgehandeld: ik heb de gegevens verbeterd of ze klopten al', true),
        radio('afgewezen', 'Afgewezen: de melding klopt niet', false)),
      h('div', { class: 'veld' },
        h('label', { for: `melding-${n}-antwoord` }, 'Uw antwoord'),
        h('p', { class: 'hint', id: `melding-${n}-antwoord-hint` }, 'Kort wat u hebt gedaan. De bezoeker ziet dit niet; het blijft 12 maanden bewaard.'),
        fout, antwoord),
      h('div', { class: 'knoppen' }, h('button', { type: 'submit', class: 'knop' }, 'Melding afsluiten')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      fout.hidden = true;
      antwoord.removeAttribute('aria-invalid');
      const tekst = antwoord.value.trim();
      if (!tekst) {
        fout.textContent = 'Fout: Schrijf kort wat u hebt gedaan.';
        fout.hidden = false;
        antwoord.setAttribute('aria-invalid', 'true');
        antwoord.focus();
        return;
      }
      const keuze = form.querySelector(`input[name="melding-${n}-status"]:checked`).value;
      status.textContent = 'Bezig met afsluiten…';
      // The ETag of the report as it is now: another resident may have added to it meanwhile.
      const nu = await api('GET', `/v1/meldingen/${m.id}`);
      const r = nu.status === 200
        ? await api('PATCH', `/v1/meldingen/${m.id}`, { body: { status: keuze, antwoord: tekst }, etag: nu.etag })
        : nu;
      if (r.status !== 200) {
        status.textContent = r.status === 409 || r.status === 404
          ? 'Deze melding is al afgesloten, misschien door een collega.'
          : `Dat lukte niet (${r.status}). De melding is niet afgesloten. Probeer het opnieuw.`;
        return;
      }
      open.set(id, (open.get(id) || []).filter((x) => x.id !== m.id));
      toon(doel, id);
      const bericht = doel.ownerDocument.getElementById('meldingen-status');
      if (bericht) bericht.textContent = keuze === 'afgehandeld' ? 'De melding is afgehandeld.' : 'De melding is afgewezen.';
      const kop = doel.ownerDocument.getElementById('meldingen-kop');
      if (kop) kop.focus();
      await opVeranderd();
    });
    return [
      h('p', { class: 'melding-soort' }, h('strong', null, SOORTEN[m.soort] || m.soort)),
      h('p', { class: 'zacht' }, `Ontvangen op ${ontvangenOp(m.ontvangen)}`, m.aantal > 1 ? `, ${m.aantal} keer gemeld` : ''),
      m.toelichting ? h('blockquote', { class: 'melding-tekst' }, m.toelichting) : h('p', { class: 'zacht' }, 'Zonder toelichting.'),
      status,
      form,
    ];
  }

  return { laad, aantal, label, toon };
}

/** A line of the history for a report's step, or null when the entry is no report's. */
export function historieTekst(w) {
  const soort = w.nieuw && w.nieuw.soort ? w.nieuw.soort : (w.oud && w.oud.soort) || '';
  const wat = SOORTEN[soort] ? `„${SOORTEN[soort]}”` : '';
  switch (w.actie) {
    case 'melding-ontvangen': return `deed een melding: ${wat}`;
    case 'melding-samengevoegd': return `meldde hetzelfde nog eens: ${wat}`;
    case 'melding-afgehandeld': return `handelde een melding af: ${wat}`;
    case 'melding-afgewezen': return `wees een melding af: ${wat}`;
    case 'melding-verwijderd': return `verwijderde een afgesloten melding na 12 maanden: ${wat}`;
    default: return null;
  }
}
