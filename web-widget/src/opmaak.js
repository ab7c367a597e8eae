// Turning API values into plain words: status, distance, dates and times (always Europe/Amsterdam).

const TZ = 'Europe/Amsterdam';

function locale(t) {
  return t.locale || 'nl-NL';
}

const opmakers = new Map();
/**
 * One Intl formatter per kind, locale and options, made once: constructing an Intl.DateTimeFormat or
 * NumberFormat costs about a millisecond on an old phone, and rendering a list of ten results asked for
 * hundreds of them (that was most of the widget's main-thread time, bench/README.md).
 */
export function opmaker(soort, taal, opties) {
  const sleutel = `${soort}|${taal}|${JSON.stringify(opties)}`;
  let f = opmakers.get(sleutel);
  if (!f) {
    f = new Intl[soort](taal, opties);
    opmakers.set(sleutel, f);
  }
  return f;
}

/** Distance in metres → "1,2 km" (nl) / "1.2 km" (en); under 10 km one decimal. */
export function afstand(meters, t) {
  if (typeof meters !== 'number' || !isFinite(meters)) return '';
  const km = meters / 1000;
  const fmt = opmaker('NumberFormat', locale(t), {
    minimumFractionDigits: km < 10 ? 1 : 0,
    maximumFractionDigits: km < 10 ? 1 : 0,
  });
  return t.afstand(fmt.format(km));
}

/** The calendar day in Amsterdam as YYYY-MM-DD, for comparing "today" / "tomorrow". */
function dagSleutel(date) {
  return opmaker('DateTimeFormat', 'en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

export function tijd(date, t) {
  return opmaker('DateTimeFormat', locale(t), { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
}

/** "vandaag 14:00", "morgen 09:30", "do 09:30" (within a week), "do 12 dec. 09:30" (later). */
export function wanneer(date, t, nu = new Date()) {
  const dag = dagSleutel(date);
  const uur = tijd(date, t);
  if (dag === dagSleutel(nu)) return `${t.vandaag} ${uur}`;
  if (dag === dagSleutel(new Date(nu.getTime() + 864e5))) return `${t.morgen} ${uur}`;
  const binnenWeek = date.getTime() - nu.getTime() < 6 * 864e5;
  const opties = binnenWeek
    ? { timeZone: TZ, weekday: 'short' }
    : { timeZone: TZ, weekday: 'short', day: 'numeric', month: 'short' };
  return `${opmaker('DateTimeFormat', locale(t), opties).format(date)} ${uur}`;
}

/** "donderdag 4 december" */
export function langeDag(date, t) {
  return opmaker('DateTimeFormat', locale(t), { timeZone: TZ, weekday: 'long', day: 'numeric', month: 'long' }).format(date);
}

/** A date-only string "2025-03-01" → "1 maart 2025" (no time zone shift: the date is a calendar date). */
export function datum(iso, t) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
  if (!m) return '';
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], 12));
  return opmaker('DateTimeFormat', locale(t), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

function geldigeDatum(s) {
  if (!s) return null;
  const d = new Date(s);
  return isNaN(d.getTime()) ? null : d;
}

function opAfspraak(ip) {
  if (ip.opAfspraak) return true;
  const op = ip.status && ip.status.opmerking;
  return typeof op === 'string' && /afspraak/i.test(op) && !ip.inloop;
}

/**
 * The status line in words and a code for styling: open | gesloten | afspraak | onbekend.
 * A missing status (before the opening-hours work lands) reads as "Openingstijden onbekend":
 * unknown hours are never shown as closed.
 */
export function status(ip, t, nu = new Date()) {
  const s = ip.status;
  const afspraak = opAfspraak(ip);
  if (s && s.code === 'open') {
    const tot = geldigeDatum(s.openTot);
    const tekst = tot ? t.nuOpenTot(tot.getTime() - nu.getTime() < 864e5 ? tijd(tot, t) : wanneer(tot, t, nu)) : t.nuOpen;
    return { code: 'open', tekst: afspraak ? `${tekst} (${t.opAfspraak.toLowerCase()})` : tekst };
  }
  if (s && s.code === 'gesloten') {
    const volgende = geldigeDatum(s.volgendeOpening);
    if (volgende) return { code: 'gesloten', tekst: t.geslotenOpent(wanneer(volgende, t, nu)) };
    if (afspraak) return { code: 'afspraak', tekst: t.opAfspraak };
    return { code: 'gesloten', tekst: t.gesloten };
  }
  if (afspraak) return { code: 'afspraak', tekst: t.opAfspraak };
  return { code: 'onbekend', tekst: t.onbekend };
}

export function dienstLabel(code, t) {
  if (t.diensten_labels[code]) return t.diensten_labels[code];
  const s = String(code).replace(/[-_]/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Spreekuren that begin within the next 14 days, in time order. */
export function komendeTweeWeken(ip, nu = new Date()) {
  const grens = nu.getTime() + 14 * 864e5;
  return (ip.komendeSpreekuren || [])
    .map((k) => ({ ...k, b: geldigeDatum(k.begin), e: geldigeDatum(k.eind) }))
    .filter((k) => k.b && k.b.getTime() < grens && (!k.e || k.e.getTime() > nu.getTime()))
    .sort((a, b) => a.b - b.b);
}

export function isVoorbeeld(ip) {
  return !!(ip.herkomst && ip.herkomst.soort === 'gegenereerd');
}

/** A real building where an IDO is assumed, not confirmed. */
export function isOnbevestigd(ip) {
  return !isVoorbeeld(ip) && ((ip.herkomst && ip.herkomst.soort === 'bibliotheekgebouw') || ip.registratiestatus === 'waarschijnlijk actief');
}

/** "Straat 1, 3511 AB Utrecht" as lines; missing parts are left out. */
export function adresRegels(ip) {
  const a = ip.adres || {};
  const r1 = [a.straat, a.huisnummer].filter(Boolean).join(' ');
  const r2 = [a.postcode, a.woonplaats || ip.woonplaats].filter(Boolean).join(' ');
  return [r1, r2].filter(Boolean);
}
