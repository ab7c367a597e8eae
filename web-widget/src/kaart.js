// The map: Leaflet (bundled, ESM build so no window.L is set on the host page) with the configured
// tile server only. Markers are real <button>s, added in list order so the tab order follows the
// list; each has an accessible name. The map is never a focus trap: Tab walks through the markers
// and the zoom buttons and then leaves.
import { Map as LMap, TileLayer, Marker, DivIcon, LatLngBounds, Control, DomEvent } from 'leaflet/dist/leaflet-src.esm.js';

const NEDERLAND = [[50.75, 3.35], [53.56, 7.23]];

export class Kaart {
  constructor(container, { tegels, t, opKies }) {
    this.t = t;
    this.opKies = opKies;
    this.markers = new Map();
    this.zoekpunt = null;
    this.map = new LMap(container, {
      zoomControl: false,
      attributionControl: false,
      minZoom: 6,
      maxZoom: 18,
      keyboard: true,
      scrollWheelZoom: false, // scrolling the page must not zoom the map
      maxBounds: [[49.5, 1.5], [54.5, 8.5]],
    });
    new Control.Zoom({ zoomInTitle: t.zoomIn, zoomOutTitle: t.zoomUit, position: 'topright' }).addTo(this.map);
    new Control.Attribution({ prefix: false }).addAttribution(t.bronKaart).addTo(this.map);
    new TileLayer(tegels, {
      minZoom: 6,
      maxZoom: 18,
      referrerPolicy: 'no-referrer',
      crossOrigin: false,
    }).addTo(this.map);
    this.pas(NEDERLAND);
    const el = this.map.getContainer();
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', t.kaartLabel);
  }

  /** items: [{ id, nr, naam, extra, lat, lon }] in list order. */
  toon(items, zoekpunt) {
    for (const m of this.markers.values()) m.remove();
    this.markers.clear();
    if (this.zoekpunt) this.zoekpunt.remove();
    this.zoekpunt = null;
    const punten = [];
    if (zoekpunt) {
      this.zoekpunt = new Marker([zoekpunt.lat, zoekpunt.lon], {
        icon: new DivIcon({ className: 'ido-zoekpunt', html: '<span></span>', iconSize: [22, 22] }),
        interactive: false,
        keyboard: false,
        title: '',
      }).addTo(this.map);
      this.zoekpunt.getElement().setAttribute('aria-hidden', 'true');
      punten.push([zoekpunt.lat, zoekpunt.lon]);
    }
    for (const it of items) {
      if (!isFinite(it.lat) || !isFinite(it.lon)) continue;
      const knop = document.createElement('button');
      knop.type = 'button';
      knop.className = 'ido-marker' + (it.voorbeeld ? ' ido-marker-voorbeeld' : '');
      knop.setAttribute('aria-label', this.t.markerLabel(it.nr, it.naam, it.extra));
      knop.dataset.id = it.id;
      const nr = document.createElement('span');
      nr.setAttribute('aria-hidden', 'true');
      nr.textContent = String(it.nr);
      knop.appendChild(nr);
      const marker = new Marker([it.lat, it.lon], {
        icon: new DivIcon({ className: 'ido-marker-icoon', html: knop, iconSize: [40, 40] }),
        interactive: false,
        keyboard: false,
        riseOnHover: true,
      }).addTo(this.map);
      DomEvent.disableClickPropagation(knop);
      knop.addEventListener('click', () => this.opKies(it.id, knop));
      this.markers.set(it.id, marker);
      punten.push([it.lat, it.lon]);
    }
    if (punten.length) {
      this.pas(new LatLngBounds(punten), { padding: [30, 30], maxZoom: 14, animate: false });
    }
  }

  markeer(id) {
    for (const [mid, m] of this.markers) {
      const el = m.getElement();
      if (!el) continue;
      const gekozen = mid === id;
      el.classList.toggle('ido-gekozen', gekozen);
      m.setZIndexOffset(gekozen ? 1000 : 0);
    }
    // Back to the list: show every result again (a chosen marker may have panned the map away from
    // the others), measured at the container's size now.
    if (id === null && this.beeld) {
      this.map.invalidateSize({ animate: false });
      this.map.fitBounds(...this.beeld);
      return;
    }
    const m = this.markers.get(id);
    if (m && !this.map.getBounds().pad(-0.1).contains(m.getLatLng())) {
      this.map.panTo(m.getLatLng(), { animate: false });
    }
  }

  /** Fits the map to `bounds`, and remembers them for herteken. */
  pas(bounds, opties) {
    this.beeld = [bounds, opties];
    this.map.fitBounds(bounds, opties);
  }

  herteken() {
    // A map fitted while its container had no size (the widget hidden while it takes over the server's
    // markup) has the wrong zoom: fit it again now that it has one.
    const oud = this.map.getSize();
    this.map.invalidateSize({ animate: false });
    if ((oud.x === 0 || oud.y === 0) && this.beeld) this.map.fitBounds(...this.beeld);
  }

  verwijder() {
    this.map.remove();
  }
}
