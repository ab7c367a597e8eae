// voorbeelden="uit": hide the generated example records of the seed set (herkomst.soort
// "gegenereerd"), for a municipality that has entered its own list. The service filters
// (zonderVoorbeelden=true); the same test runs on lists the widget filters itself (a municipality's
// list, or an older service that does not know the parameter).

/** Whether the element asks to leave the generated examples out. */
export function zonderVoorbeelden(el) {
  return (el.getAttribute('voorbeelden') || 'aan').trim().toLowerCase() === 'uit';
}

/** The query parameters for the service's list. */
export function voorbeeldParams(el) {
  return zonderVoorbeelden(el) ? [['zonderVoorbeelden', 'true']] : [];
}

/** Whether a help point of a list may be shown. */
export function toonVoorbeeld(el, ip) {
  return !zonderVoorbeelden(el) || !(ip.herkomst && ip.herkomst.soort === 'gegenereerd');
}
