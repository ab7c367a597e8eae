// A tiny element builder. Every text from the API goes in as a text node, never as HTML.

export function h(tag, attrs, ...kinderen) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'hidden') el.hidden = !!v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  voegToe(el, kinderen);
  return el;
}

function voegToe(el, kinderen) {
  for (const k of kinderen) {
    if (k === null || k === undefined || k === false) continue;
    if (Array.isArray(k)) voegToe(el, k);
    else if (k instanceof Node) el.appendChild(k);
    else el.appendChild(document.createTextNode(String(k)));
  }
}

export function leeg(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** Only http(s) and mailto/tel links from the data are made clickable. */
export function veiligeUrl(s, toegestaan = ['http:', 'https:']) {
  if (typeof s !== 'string' || !s) return null;
  try {
    const u = new URL(s);
    return toegestaan.includes(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}
