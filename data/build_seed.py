#!/usr/bin/env python3
"""Build the ido-vinder seed dataset in data/.

Usage (from the repository root):

    python3 data/build_seed.py [SHARED_DATA_DIR]

SHARED_DATA_DIR defaults to ../shared/data relative to the repository root.
Python 3.11 standard library only. The output is deterministic: running the
script twice gives byte-identical files.

Three sources, in this order of trust:
  1. ido_voorbeelden.csv        real IDOs from public pages (only active rows)
  2. bibliotheken_uit_stemlokalen_2023_2025.csv
                                real library buildings; the IDO there is assumed
  3. generated                  fictitious locations that bring the set to the
                                published size (~600 IDOs in 306 municipalities)

See data/README.md (written by this script) for the field reference.
"""

from __future__ import annotations

import csv
import io
import json
import math
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "data"

# Published figures the seed mirrors (VNG: about 600 IDOs in 306 gemeenten).
TARGET_LOCATIONS = 600
TARGET_GEMEENTEN = 306

STANDARD_DIENSTEN = [
    "digid", "belastingdienst", "toeslagen", "uwv", "svb", "cjib", "cbr",
    "duo", "zorg", "gemeente",
]
ALL_DIENSTEN = STANDARD_DIENSTEN + ["digitale-vaardigheden"]

# Netherlands bounding box (land incl. Wadden and Zeeland), generous margin.
NL_BBOX = (3.2, 50.7, 7.3, 53.7)  # min lon, min lat, max lon, max lat

MERGE_RADIUS_M = 300.0

# Display names for library buildings whose polling-station name does not reduce cleanly to
# "Bibliotheek <plaats>". Key: the building id of bibliotheken_uit_stemlokalen_2023_2025.csv.
BIB_NAMEN = {
    "BIB-SL-004": "Bibliotheek Deventer Centrum",
    "BIB-SL-005": "Bibliotheek Enschede Centrum",
    "BIB-SL-010": "Bibliotheek Nijmegen Zwanenveld",
    "BIB-SL-016": "Bibliotheek Utrecht Neude",
    "BIB-SL-018": "Bibliotheek Utrecht Zuilen",
    "BIB-SL-067": "Bibliotheek Hillegom (Bibliotheek Zuid-Kennemerland)",
    "BIB-SL-069": "Bibliotheek Rotterdam Overschie",
}

TK2025_DATUM = "2025-10-29"
# The last election at which a building was a polling station dates what is known of it.
VERKIEZING_DATUM = {"PS2023": "2023-03-15", "TK2023": "2023-11-22", "TK2025": TK2025_DATUM}

STEMLOKALEN_BRON = "https://waarismijnstemlokaal.nl/"


# ---------------------------------------------------------------- helpers

def read_csv(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.DictReader(f)
        rows = list(r)
        return list(r.fieldnames or []), rows


def haversine_m(lat1, lon1, lat2, lon2) -> float:
    r = 6371008.8
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def safe_id(s: str) -> str:
    s = s.replace("::", "-")
    s = re.sub(r"[^A-Za-z0-9-]+", "-", s)
    return re.sub(r"-{2,}", "-", s).strip("-")


def r6(x: float) -> float:
    return round(float(x), 6)


def point_in_ring(x, y, ring) -> bool:
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y):
            xint = (xj - xi) * (y - yi) / (yj - yi) + xi
            if x < xint:
                inside = not inside
        j = i
    return inside


def point_in_geometry(lon, lat, geom) -> bool:
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    for poly in polys:
        if point_in_ring(lon, lat, poly[0]) and not any(
                point_in_ring(lon, lat, hole) for hole in poly[1:]):
            return True
    return False


# ---------------------------------------------------------------- schedules

DAGEN = ["Mo", "Tu", "We", "Th", "Fr"]
# (start, end) pairs of 2-3 hours, as real IDO spreekuren use them.
SLOTS = [
    ("09:00", "11:00"), ("09:00", "12:00"), ("09:30", "11:30"),
    ("09:30", "12:30"), ("10:00", "12:00"), ("10:00", "13:00"),
    ("13:00", "15:00"), ("13:30", "15:30"), ("13:30", "16:30"),
    ("14:00", "16:00"), ("14:00", "17:00"),
]
ZOMERSTOP = "Jul 14-Aug 25 off"
# "open" before the comment: in OSM opening_hours a bare comment makes the state "unknown"; the slot is
# really held, only by appointment.
OP_AFSPRAAK = 'open "op afspraak"'


def _slot(rng, dag=None):
    d = dag or rng.choice(DAGEN)
    s, e = rng.choice(SLOTS)
    return d, f"{s}-{e}"


def _suffix(rng) -> str:
    x = rng.random()
    if x < 0.08:
        return f"; {ZOMERSTOP}; PH off"
    if x < 0.93:
        return "; PH off"
    return ""


def _spreekuur(naam, diensten, rules, suffix, op_afspraak):
    return {
        "naam": naam,
        "diensten": sorted(diensten),
        "openingstijden": rules + suffix,
        "opAfspraak": op_afspraak,
        "afspraak": None,
        "toelichting": "op afspraak" if op_afspraak else "inloop, zonder afspraak",
    }


def generated_schedule(loc_id: str):
    """Return (openingstijden, spreekuren) for a generated location.

    The generator is seeded with the location id, so each location keeps its
    schedule across reruns, whatever else changes.
    """
    rng = random.Random(f"ido-vinder/{loc_id}")
    diensten = list(STANDARD_DIENSTEN)
    if rng.random() < 0.3:
        diensten.append("digitale-vaardigheden")
    suffix = _suffix(rng)
    x = rng.random()
    if x < 0.12:
        # Two spreekuren: walk-in for DigiD etc., tax by appointment.
        d1, d2 = rng.sample(DAGEN, 2)
        _, t1 = _slot(rng, d1)
        _, t2 = _slot(rng, d2)
        r1 = f"{d1} {t1}"
        r2 = f"{d2} {t2} {OP_AFSPRAAK}"
        a = _spreekuur("Inloopspreekuur Digitale Overheid",
                       [c for c in diensten if c not in ("belastingdienst", "toeslagen")],
                       r1, suffix, False)
        b = _spreekuur("Spreekuur belastingen en toeslagen",
                       ["belastingdienst", "toeslagen"], r2, suffix, True)
        return f"{r1}, {r2}{suffix}", [a, b]
    op_afspraak = False
    if x < 0.52:
        d, t = _slot(rng)
        rules = f"{d} {t}"
    elif x < 0.64:
        d1, d2 = sorted(rng.sample(DAGEN, 2), key=DAGEN.index)
        rules = f"{d1} {_slot(rng, d1)[1]}, {d2} {_slot(rng, d2)[1]}"
    elif x < 0.80:
        d, t = _slot(rng)
        rules = f"{d} {t} {OP_AFSPRAAK}"
        op_afspraak = True
    elif x < 0.90:
        d, t = _slot(rng)
        rules = f"week 1-53/2 {d} {t}"
    else:
        d, t = _slot(rng)
        rules = f"{d}[1] {t}"
    naam = ("Spreekuur Digitale Overheid (op afspraak)" if op_afspraak
            else "Inloopspreekuur Digitale Overheid")
    sp = _spreekuur(naam, diensten, rules, suffix, op_afspraak)
    return sp["openingstijden"], [sp]


# ---------------------------------------------------------------- features

def feature(props: dict, lon: float, lat: float) -> dict:
    return {
        "type": "Feature",
        "id": props["id"],
        "geometry": {"type": "Point", "coordinates": [r6(lon), r6(lat)]},
        "properties": props,
    }


def props(*, id, naam, organisatie, woonplaats, gemeentecode, gemeentenaam,
          openingstijden, spreekuren, opAfspraak, inloop, laatstGecontroleerd,
          herkomst, coordinaatPrecisie, status, adres=None):
    diensten = sorted({c for s in spreekuren for c in s["diensten"]})
    return {
        "id": id,
        "naam": naam,
        "organisatie": organisatie,
        "adres": adres or {"straat": None, "huisnummer": None, "postcode": None,
                           "woonplaats": woonplaats},
        "woonplaats": woonplaats,
        "gemeentecode": gemeentecode,
        "gemeentenaam": gemeentenaam,
        "openingstijden": openingstijden,
        "spreekuren": spreekuren,
        "diensten": diensten,
        "opAfspraak": opAfspraak,
        "inloop": inloop,
        "contact": {"telefoon": None, "email": None, "website": None},
        "laatstGecontroleerd": laatstGecontroleerd,
        "herkomst": herkomst,
        "coordinaatPrecisie": coordinaatPrecisie,
        "status": status,
    }


def building_address(b: dict, woonplaats: str) -> dict:
    """The building's street address from the source; null members where the source has none."""
    straat, nummer, postcode = b["straat"].strip(), b["huisnummer"].strip(), b["postcode"].replace(" ", "")
    return {"straat": straat or None, "huisnummer": nummer or None,
            "postcode": (postcode[:4] + " " + postcode[4:]) if postcode else None,
            "woonplaats": woonplaats}


def bib_naam(row: dict) -> str:
    sid, naam, plaats = row["id"], row["naam"].strip(), row["plaats"]
    if sid in BIB_NAMEN:
        return BIB_NAMEN[sid]
    if naam.lower() in ("bibliotheek", "de bibliotheek", "openbare bibliotheek") and row["andere_namen"].strip():
        naam = row["andere_namen"].split(";")[0].strip()
    if naam.lower() in ("bibliotheek", "de bibliotheek"):
        return f"Bibliotheek {plaats}"
    m = re.fullmatch(r"(.+), Bibliotheek", naam)
    if m:
        return f"Bibliotheek {m.group(1)}"
    m = re.fullmatch(r"(.+) Bibliotheek", naam)
    if m:
        return f"Bibliotheek {m.group(1)}"
    naam = naam.replace(", ", " ")
    if naam.startswith("De Bibliotheek "):
        naam = naam[3:]
    return naam


def status_woord(status: str) -> str:
    return "waarschijnlijk actief" if status.startswith("waarschijnlijk actief") else "actief"


def is_actief(status: str) -> bool:
    return status.startswith("actief") or status.startswith("waarschijnlijk actief")


def real_access(row: dict):
    """(opAfspraak, inloop) from what the source says; None where it says nothing."""
    text = f"{row['soort_openstelling']} | {row['toelichting']}".lower()
    if row["soort_openstelling"].strip().lower() == "op afspraak":
        return True, False
    if ("inloop" in text or "binnenlopen" in text or "geen afspraak" in text
            or "tijdens openingstijden" in text or "tijdens openingsuren" in text
            or "tijdens service-uren" in text or "altijd open als de bibliotheek open" in text):
        return False, True
    return None, None


def real_spreekuur_naam(row: dict, inloop) -> str:
    soort = row["soort_openstelling"].lower()
    if inloop and "spreekuur" in soort:
        return "Inloopspreekuur Digitale Overheid"
    if "spreekuur" in soort or "spreekuren" in soort:
        return "Spreekuur Digitale Overheid"
    return "Informatiepunt Digitale Overheid"


# ---------------------------------------------------------------- build

def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else REPO.parent / "shared" / "data"
    der = shared / "derived"

    _, gem_rows = read_csv(der / "gemeenten.csv")
    gemeenten = {r["gemeentecode"]: r for r in gem_rows}
    ido_fields, ido_rows = read_csv(der / "ido_voorbeelden.csv")
    _, bib_rows = read_csv(der / "bibliotheken_uit_stemlokalen_2023_2025.csv")
    kop_fields, kop_rows = read_csv(der / "koppeling_ido_bibliotheekgebouw.csv")
    _, wp_rows = read_csv(der / "woonplaatsen_pc4.csv")
    _, pc4_rows = read_csv(der / "pc4.csv")
    _, gn_rows = read_csv(der / "plaatsen_geonames.csv")
    with open(der / "gemeenten_2023_wgs84.geojson", encoding="utf-8") as f:
        gem_geo = json.load(f)
    gem_geom = {ft["properties"]["gemeentecode"]: ft["geometry"] for ft in gem_geo["features"]}

    notes: list[str] = []  # things worth telling the lead
    features: list[dict] = []

    # ---- 1. real IDO examples -------------------------------------------
    actief = [r for r in ido_rows if is_actief(r["status"])]
    niet_actief = [r for r in ido_rows if not is_actief(r["status"])]

    # Never a library: former libraries, a university library, a church (categorie of the source).
    bibs = [r for r in bib_rows if r["categorie"] == "openbare_bibliotheek"]
    skipped_bibs = [r for r in bib_rows if r["categorie"] != "openbare_bibliotheek"]
    bib_by_id = {r["id"]: r for r in bibs}
    pc4_places = {r["pc4"]: r["plaatsen"].split("|") for r in pc4_rows}
    for b in bibs:
        if not b["plaats"].strip() and b["postcode"].strip():
            # No place in the source: the postal place of its postcode (the one the name mentions).
            cands = pc4_places[b["postcode"][:4]]
            b["plaats"] = next((c for c in cands if c in b["naam"]), cands[0])
    # The curated links of real examples to their building (koppeling_ido_bibliotheekgebouw.csv) replace
    # the old same-place/300 m guess: a link names the building, so no example moves to the wrong one.
    koppeling = {r["ido_id"]: r for r in kop_rows}
    for k in kop_rows:
        assert k["bib_id"] in bib_by_id, (k["ido_id"], k["bib_id"])
    bib_used: dict[str, str] = {}  # building id -> IDO id
    gebouw_zonder_adres: list[str] = []

    for row in actief:
        gm = row["gemeentecode"]
        lat, lon = float(row["lat"]), float(row["lon"])
        match = None
        link = koppeling.get(row["id"])
        if link is not None:
            match = bib_by_id[link["bib_id"]]
            assert match["gemeentecode"] == gm, row["id"]
            if link["koppeling"].startswith("onzeker"):
                notes.append(f"{row['id']}: koppeling aan {link['bib_id']} is onzeker ({link['koppeling']})")
        woonplaats = row["woonplaats"].strip()
        if not woonplaats:
            # A mobile service (the ZBBUZZ bus) has no place of its own: the nearest postal place of its
            # municipality, so that every record has a woonplaats; the toelichting says it moves.
            woonplaats = min((haversine_m(lat, lon, float(w["lat"]), float(w["lon"])), w["woonplaats"])
                             for w in wp_rows if w["gemeentecode"] == gm)[1]
        precisie = "gebouw" if row["coordinaat_precisie"].startswith("gebouw") else "woonplaats"
        status_detail = row["status"]
        herk = [f"Echt IDO uit een openbare bron (status volgens bron: {status_detail})."]
        if status_woord(row["status"]) == "waarschijnlijk actief":
            herk.append("De bron noemt deze vestiging niet afzonderlijk; dat hier een IDO is, "
                        "volgt uit een uitspraak over de hele organisatie.")
        adres = {"straat": None, "huisnummer": None, "postcode": None, "woonplaats": woonplaats}
        if match is not None:
            bib_used[match["id"]] = row["id"]
            lat, lon = float(match["lat"]), float(match["lon"])
            precisie = "gebouw"
            adres = building_address(match, woonplaats)
            herk.append(f"Positie en adres: het bibliotheekgebouw '{match['naam']}' ({match['id']}, "
                        f"stemlokaal bij {match['verkiezingen'].replace(';', ', ')}).")
            if adres["straat"] is None:
                herk.append("Het straatadres van het gebouw staat niet in de bron.")
        elif precisie == "gebouw":
            herk.append("Positie: het gebouw (stemlokaal TK2025) volgens de bron-tabel; "
                        "het straatadres staat niet in de bron.")
        elif not row["woonplaats"].strip():
            herk.append(f"Mobiele dienst zonder vaste plek: positie is een punt in de gemeente "
                        f"{gemeenten[gm]['gemeentenaam']}, woonplaats de dichtstbijzijnde ({woonplaats}).")
        else:
            herk.append(f"Positie: centrum van de woonplaats {woonplaats} (benadering).")
        if precisie == "gebouw" and adres["straat"] is None:
            gebouw_zonder_adres.append(row["id"])
        herk.append("De dienstenlijst is het standaardaanbod van een IDO, niet uit de bron overgenomen.")
        bron = row["bron"].strip() or None
        if bron and not re.match(r"https?://", bron):
            # herkomst.bron holds URLs only; keep the description in the text
            herk.append(f"Bron (geen openbare URL bekend): {bron}.")
            notes.append(f"{row['id']}: bron is geen URL ({bron!r}); bron null, tekst in toelichting")
            bron = None
        if row["opening_hours"].strip():
            herk.append("Openingstijden zoals de bron ze noemt.")
        else:
            herk.append("Openingstijden onbekend.")
        op_afspraak, inloop = real_access(row)
        sp_toel = "; ".join(x for x in (row["soort_openstelling"].strip(),
                                        row["toelichting"].strip()) if x) or None
        oh = row["opening_hours"].strip()
        sp = {
            "naam": real_spreekuur_naam(row, inloop),
            "diensten": sorted(STANDARD_DIENSTEN),
            "openingstijden": oh,
            "opAfspraak": op_afspraak,
            "afspraak": None,
            "toelichting": sp_toel,
        }
        g = gemeenten[gm]
        p = props(
            id=row["id"], naam=row["naam"].strip() or None,
            organisatie=row["organisatie"].strip() or None,
            woonplaats=woonplaats, adres=adres, gemeentecode=gm, gemeentenaam=g["gemeentenaam"],
            openingstijden=oh, spreekuren=[sp], opAfspraak=op_afspraak, inloop=inloop,
            # A full date only: the API types this field as an RFC 3339 date. A partial source date
            # ("2024-05", "2025") stays visible in herkomst.peildatum.
            laatstGecontroleerd=row["peildatum"].strip() if re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["peildatum"].strip()) else None,
            herkomst={"soort": "ido-voorbeeld", "bron": bron,
                      "toelichting": " ".join(herk),
                      "peildatum": row["peildatum"].strip() or None},
            coordinaatPrecisie=precisie, status=status_woord(row["status"]),
        )
        features.append(feature(p, lon, lat))

    # ---- 2. library buildings -------------------------------------------
    # Only buildings with a street address: a record at a building carries the address residents need to
    # find it. The others stay candidates in bibliotheekgebouwen.csv (coverage analysis).
    bibs_zonder_adres = []
    for b in bibs:
        if b["id"] in bib_used:
            continue
        if not (b["straat"].strip() and b["huisnummer"].strip() and b["postcode"].strip()):
            bibs_zonder_adres.append(b["id"])
            continue
        gm = b["gemeentecode"]
        sp = {
            "naam": "Informatiepunt Digitale Overheid",
            "diensten": sorted(STANDARD_DIENSTEN),
            "openingstijden": "",
            "opAfspraak": None,
            "afspraak": None,
            "toelichting": "Openingstijden en werkwijze onbekend.",
        }
        verkiezingen = b["verkiezingen"].replace(";", ", ")
        p = props(
            id=b["id"], naam=bib_naam(b), organisatie=None, woonplaats=b["plaats"],
            adres=building_address(b, b["plaats"]),
            gemeentecode=gm, gemeentenaam=gemeenten[gm]["gemeentenaam"],
            openingstijden="", spreekuren=[sp], opAfspraak=None, inloop=None,
            laatstGecontroleerd=None,
            herkomst={
                "soort": "bibliotheekgebouw", "bron": STEMLOKALEN_BRON,
                "toelichting": (
                    f"Het gebouw is echt: het was stemlokaal ('{b['naam']}') bij {verkiezingen} "
                    "(Tweede Kamer 2023 en 2025, Provinciale Staten 2023). Dat hier een Informatiepunt "
                    "Digitale Overheid is, is aangenomen en niet bevestigd (de meeste bibliotheken hebben er een). "
                    "De dienstenlijst is het standaardaanbod van een IDO; openingstijden onbekend."),
                "peildatum": VERKIEZING_DATUM[b["verkiezingen"].split(";")[-1]]},
            coordinaatPrecisie="gebouw", status="waarschijnlijk actief",
        )
        features.append(feature(p, float(b["lon"]), float(b["lat"])))

    n_real = len(features)

    # ---- 3. generated ----------------------------------------------------
    count = Counter(f["properties"]["gemeentecode"] for f in features)
    gekozen = set(count)
    by_pop = sorted(gem_rows, key=lambda r: (-int(r["inwoners_2023"]), r["gemeentecode"]))
    for r in by_pop:
        if len(gekozen) >= TARGET_GEMEENTEN:
            break
        gekozen.add(r["gemeentecode"])
    pop = {gm: int(gemeenten[gm]["inwoners_2023"]) for gm in gekozen}
    n_gen_total = TARGET_LOCATIONS - n_real
    gen_count = Counter()
    for gm in sorted(gekozen):
        if count[gm] == 0:
            gen_count[gm] = 1
    assert sum(gen_count.values()) <= n_gen_total
    # D'Hondt over the total (real + generated) so big cities get several.
    for _ in range(n_gen_total - sum(gen_count.values())):
        gm = max(sorted(gekozen), key=lambda c: pop[c] / (count[c] + gen_count[c] + 1))
        gen_count[gm] += 1

    # place sizes: number of PC4s, then GeoNames population of a same-named place
    gn_pop = defaultdict(int)
    for r in gn_rows:
        k = (r["naam"], r["gemeentecode"])
        gn_pop[k] = max(gn_pop[k], int(r["inwoners"] or 0))
    pc4_pos = {r["pc4"]: r for r in pc4_rows}
    places = defaultdict(list)
    for r in wp_rows:
        pcs = r["pc4"].split()
        places[r["gemeentecode"]].append({
            "woonplaats": r["woonplaats"], "lat": float(r["lat"]), "lon": float(r["lon"]),
            "pc4": pcs, "size": (len(pcs), gn_pop[(r["woonplaats"], r["gemeentecode"])]),
        })
    for gm in places:
        places[gm].sort(key=lambda p: (-p["size"][0], -p["size"][1], p["woonplaats"]))

    real_by_gm = defaultdict(list)
    for f in features:
        pr = f["properties"]
        real_by_gm[pr["gemeentecode"]].append(
            (pr["woonplaats"], f["geometry"]["coordinates"][1], f["geometry"]["coordinates"][0]))

    n_pc4_positions = 0
    for gm in sorted(gen_count):
        g = gemeenten[gm]
        used_wp = {w for w, _, _ in real_by_gm[gm]}
        used_pts = [(la, lo) for _, la, lo in real_by_gm[gm]]
        geom = gem_geom[gm]
        # only positions inside the municipality's (generalised) boundary
        free = [p for p in places[gm] if p["woonplaats"] not in used_wp
                and point_in_geometry(p["lon"], p["lat"], geom)]
        # extra positions: PC4 points inside the municipality's places
        extra = []
        for p in places[gm]:
            for pc in p["pc4"]:
                q = pc4_pos.get(pc)
                if (q and q["gemeentecode"] == gm
                        and point_in_geometry(float(q["lon"]), float(q["lat"]), geom)):
                    extra.append((pc, p["woonplaats"], float(q["lat"]), float(q["lon"])))
        extra.sort()
        wp_seen = Counter()
        for k in range(gen_count[gm]):
            gid = f"GEN-{gm}-{k + 1:02d}"
            if k < len(free):
                p = free[k]
                wp, lat, lon = p["woonplaats"], p["lat"], p["lon"]
                pos_toel = f"centrum van de woonplaats {wp} (benadering)"
            else:
                # farthest-point choice among PC4 points, so markers spread out
                def mind(e):
                    return min((haversine_m(e[2], e[3], a, b) for a, b in used_pts), default=1e9)
                best = max(extra, key=lambda e: (mind(e), e[0]))
                extra.remove(best)
                pc, wp, lat, lon = best
                n_pc4_positions += 1
                pos_toel = (f"representatief punt van postcodegebied {pc} in {wp} "
                            "(benadering; er zijn meer voorbeeldlocaties in deze woonplaats)")
            used_pts.append((lat, lon))
            wp_seen[wp] += 1
            naam = f"Voorbeeldlocatie {wp}" + (f" {wp_seen[wp]}" if wp_seen[wp] > 1 else "") \
                + " (gegenereerd)"
            oh, sps = generated_schedule(gid)
            p = props(
                id=gid, naam=naam, organisatie="Voorbeeld (gegenereerd)", woonplaats=wp,
                gemeentecode=gm, gemeentenaam=g["gemeentenaam"], openingstijden=oh,
                spreekuren=sps, opAfspraak=all(s["opAfspraak"] for s in sps),
                inloop=any(not s["opAfspraak"] for s in sps), laatstGecontroleerd=None,
                herkomst={
                    "soort": "gegenereerd", "bron": None,
                    "toelichting": (
                        "GEEN echt informatiepunt. Gegenereerde voorbeeldlocatie, zodat de "
                        "dataset de gepubliceerde omvang heeft (ongeveer 600 IDO's in 306 "
                        f"gemeenten). Positie: {pos_toel}. Openingstijden en diensten zijn "
                        "verzonnen volgens de patronen van echte IDO's; contactgegevens ontbreken "
                        "bewust."),
                    "peildatum": None},
                coordinaatPrecisie="woonplaats", status="actief",
            )
            features.append(feature(p, lon, lat))

    features.sort(key=lambda f: f["id"])

    # ---- self-check ------------------------------------------------------
    ids = [f["id"] for f in features]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for f in features:
        pr = f["properties"]
        assert f["id"] == pr["id"] and re.fullmatch(r"[A-Za-z0-9-]+", f["id"]), f["id"]
        lon, lat = f["geometry"]["coordinates"]
        assert NL_BBOX[0] <= lon <= NL_BBOX[2] and NL_BBOX[1] <= lat <= NL_BBOX[3], f["id"]
        assert pr["gemeentecode"] in gemeenten, f["id"]
        assert pr["status"] in ("actief", "waarschijnlijk actief"), f["id"]
        assert pr["herkomst"]["soort"] in ("ido-voorbeeld", "bibliotheekgebouw", "gegenereerd")
        assert pr["coordinaatPrecisie"] in ("gebouw", "woonplaats")
        assert set(pr["diensten"]) <= set(ALL_DIENSTEN) and pr["diensten"] == sorted(pr["diensten"])
        assert pr["spreekuren"], f["id"]
        if len(pr["spreekuren"]) == 1:
            assert pr["openingstijden"] == pr["spreekuren"][0]["openingstijden"], f["id"]
        if pr["herkomst"]["soort"] == "gegenereerd":
            assert all(v is None for v in pr["contact"].values())
            assert "(gegenereerd)" in pr["naam"]
        if not point_in_geometry(lon, lat, gem_geom[pr["gemeentecode"]]):
            notes.append(f"{f['id']}: punt ligt buiten de (vereenvoudigde) grens van "
                         f"{pr['gemeentenaam']}")
    niet_actief_ids = {r["id"] for r in niet_actief}
    assert not niet_actief_ids & set(ids), "non-active row in geojson"
    per_gm = Counter(f["properties"]["gemeentecode"] for f in features)
    assert all(per_gm[gm] >= 1 for gm in gekozen) and set(per_gm) == gekozen

    # ---- write -----------------------------------------------------------
    OUT.mkdir(exist_ok=True)
    write_geojson(OUT / "informatiepunten.geojson", features)
    write_csv(OUT / "ido_niet_actief.csv", ido_fields, niet_actief)
    # Kept beside the data so that a test can check every moved example against its building.
    write_csv(OUT / "koppeling_ido_bibliotheekgebouw.csv", kop_fields, kop_rows)

    gem_geo.pop("crs", None)
    with open(OUT / "gemeenten.geojson", "w", encoding="utf-8", newline="\n") as f:
        json.dump(gem_geo, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    for name in ("gemeenten.csv", "pc4.csv", "woonplaatsen_pc4.csv", "plaatsen_geonames.csv"):
        (OUT / name).write_bytes((der / name).read_bytes())

    stats = measure(features, n_pc4_positions, len(gem_geo["features"]), len(niet_actief),
                    skipped_bibs, bib_used)
    stats["bibs_zonder_adres"] = len(bibs_zonder_adres)
    stats["gebouw_zonder_adres"] = ", ".join(gebouw_zonder_adres) or "none"
    write_readme(OUT / "README.md", stats)
    build_coverage_data(shared)

    print(f"locations: {stats['n']}  municipalities: {stats['n_gm']}")
    for k, v in stats["soort"].items():
        print(f"  herkomst.soort {k}: {v}")
    for k, v in stats["status"].items():
        print(f"  status {k}: {v}")
    print(f"  known hours: {stats['known_hours']}  unknown: {stats['n'] - stats['known_hours']}")
    print(f"  not active (ido_niet_actief.csv): {len(niet_actief)}")
    print(f"  library buildings merged into real examples: {len(bib_used)} "
          f"({', '.join(f'{v}<-{k}' for k, v in sorted(bib_used.items()))})")
    print(f"  library buildings skipped (not a public library): "
          f"{', '.join(r['id'] for r in skipped_bibs)}")
    print(f"  library buildings without a street address, not emitted: {', '.join(bibs_zonder_adres)}")
    for n in notes:
        print("  note:", n)
    print("Validate the hours with: node data/check_hours.mjs  (after npm ci)")
    return 0


def write_geojson(path: Path, features: list[dict]) -> None:
    """One feature per line: valid JSON, small diffs."""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        for i, ft in enumerate(features):
            f.write(json.dumps(ft, ensure_ascii=False, separators=(",", ":")))
            f.write(",\n" if i < len(features) - 1 else "\n")
        f.write("]}\n")


def write_csv(path: Path, fields: list[str], rows: list[dict]) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8", newline="\n")


def measure(features, n_pc4_positions, n_gem_polys, n_niet_actief, skipped_bibs, bib_used):
    P = [f["properties"] for f in features]
    soort = Counter(p["herkomst"]["soort"] for p in P)
    return {
        "n": len(P),
        "n_gm": len({p["gemeentecode"] for p in P}),
        "n_gm_real": len({p["gemeentecode"] for p in P if p["herkomst"]["soort"] != "gegenereerd"}),
        "soort": {k: soort[k] for k in ("ido-voorbeeld", "bibliotheekgebouw", "gegenereerd")},
        "soort_gm": {k: len({p["gemeentecode"] for p in P if p["herkomst"]["soort"] == k})
                     for k in ("ido-voorbeeld", "bibliotheekgebouw", "gegenereerd")},
        "met_adres": sum(1 for p in P if p["adres"]["straat"]),
        "status": dict(sorted(Counter(p["status"] for p in P).items())),
        "status_real": dict(sorted(Counter(p["status"] for p in P
                                           if p["herkomst"]["soort"] == "ido-voorbeeld").items())),
        "known_hours": sum(1 for p in P if p["openingstijden"]),
        "known_hours_real": sum(1 for p in P if p["openingstijden"]
                                and p["herkomst"]["soort"] != "gegenereerd"),
        "precisie": dict(sorted(Counter(p["coordinaatPrecisie"] for p in P).items())),
        "multi_spreekuur": sum(1 for p in P if len(p["spreekuren"]) > 1),
        "op_afspraak": sum(1 for p in P if p["opAfspraak"] is True),
        "access_unknown": sum(1 for p in P if p["inloop"] is None),
        "pc4_positions": n_pc4_positions,
        "max_gm": max(Counter(p["gemeentenaam"] for p in P).items(), key=lambda kv: (kv[1], kv[0])),
        "n_gem_polys": n_gem_polys,
        "niet_actief": n_niet_actief,
        "skipped_bibs": len(skipped_bibs),
        "merged_bibs": len(bib_used),
        "bron_geen_url": [p["id"] for p in P if p["herkomst"]["soort"] == "ido-voorbeeld"
                          and p["herkomst"]["bron"] is None],
    }


README = """# data/: the ido-vinder seed dataset

Built by `data/build_seed.py` from the open data in `../shared/data/` (relative
to the repository root). Do not edit the generated files by hand: change the
script and rebuild.

**Read this first: most records are NOT real.** The official list of the
~600 IDOs is kept by the Koninklijke Bibliotheek (libraries maintain their
branch data in the KB's national database G!DS) and is not published as open
data. Until a municipality or the KB supplies it, this seed set mixes three
kinds of records, always marked in `herkomst.soort`:

| `herkomst.soort` | count | municipalities | real? |
|---|---:|---:|---|
| `ido-voorbeeld` | {s_vb} | {g_vb} | Real IDOs, each taken from a public news, library or municipality page (`herkomst.bron`). |
| `bibliotheekgebouw` | {s_bib} | {g_bib} | Real public library buildings with their street address (polling stations at TK2023, PS2023 or TK2025). That the building hosts an IDO is **assumed**, not confirmed. |
| `gegenereerd` | {s_gen} | {g_gen} | **Generated, fictitious.** Placed at real places only to give the set the published size (about 600 IDOs in 306 municipalities, VNG). Names end in "(gegenereerd)"; hours and services are invented from real patterns; contact details are always null. |

## Files

| file | what |
|---|---|
| `build_seed.py` | Builds every other file here. Python 3.11, standard library only, deterministic. |
| `check_hours.mjs` | Validates every `openingstijden` expression with the npm package `opening_hours` and checks that each location's hours are the union of its spreekuren. |
| `informatiepunten.geojson` | The locations: GeoJSON FeatureCollection (RFC 7946, [lon, lat], WGS84, 6 decimals), one feature per line, sorted by `id`. |
| `koppeling_ido_bibliotheekgebouw.csv` | Copy: the links of real examples to their library building (for the checks in `tests/data/`). |
| `ido_niet_actief.csv` | The {niet_actief} rows of `ido_voorbeelden.csv` that are planned, announced, in preparation or closed. They are never in the GeoJSON; kept here (same columns as the input) so nothing is lost. |
| `gemeenten.geojson` | Municipality polygons, {n_gem_polys} features: copy of `derived/gemeenten_2023_wgs84.geojson` without the top-level `crs` member (RFC 7946). Properties: `gemeentecode`, `gemeentenaam`, `naam_kort`, `provincie`, `inwoners_2023`. |
| `gemeenten.csv` | Copy: code, name, province, population, centroid, interior point, bbox. |
| `pc4.csv` | Copy: four-digit postcode → position, places, municipality. |
| `woonplaatsen_pc4.csv` | Copy: postal place name + municipality → centroid, PC4 list. |
| `plaatsen_geonames.csv` | Copy: GeoNames populated places with alternate names. |

## Counts (measured from the output)

- Locations: **{n}** in **{n_gm}** municipalities (real records, `ido-voorbeeld` + `bibliotheekgebouw`, cover {n_gm_real} of them). Every municipality in the set has at least one location. Most locations in one municipality: {max_gm_name} ({max_gm_n}).
- Per `herkomst.soort`: `ido-voorbeeld` {s_vb}, `bibliotheekgebouw` {s_bib}, `gegenereerd` {s_gen}.
- Per `status`: {status_txt}. Among the real examples: {status_real_txt}.
- Known hours (`openingstijden` not empty): {known_hours} ({known_hours_real} of them real, the rest generated). Hours unknown: {unknown_hours}.
- `coordinaatPrecisie`: {precisie_txt}. {pc4_positions} generated locations share a woonplaats with another location and sit on a PC4 point of that place instead of its centre.
- Locations with two spreekuren: {multi}. Only by appointment: {op_afspraak}. Walk-in/appointment unknown (`inloop` null): {access_unknown}.
- Street addresses (`adres.straat` not null): {met_adres}. Every `bibliotheekgebouw` record has straat, huisnummer and postcode; so do the real examples moved to a building with a known address. Real examples at a building whose street address no source gives (only the place): {gebouw_zonder_adres}.
- Library buildings: {merged_bibs} are the building of a real example (`koppeling_ido_bibliotheekgebouw.csv`): the example takes the building's exact position and address, and the building is not emitted separately; {bibs_zonder_adres} public library buildings without a street address are not emitted as records (they stay in `bibliotheekgebouwen.csv`); {skipped_bibs} rows of `categorie` `geen_of_voormalige_openbare_bibliotheek` are never used.

## Field reference (`informatiepunten.geojson`)

Each feature: `"type": "Feature"`, `"id"` (same as `properties.id`), a `Point`
geometry [lon, lat], and these properties (exactly these keys; `null` where
unknown, never invented):

| field | type | meaning |
|---|---|---|
| `id` | string | Stable, URL-safe (`[A-Za-z0-9-]`). Real examples keep their id (`IDO-VB-01`…`IDO-VB-33`, then `IDO-VB-034`…); library buildings the source's building id (`BIB-SL-001`…); generated `GEN-<gemeentecode>-<nn>` (e.g. `GEN-GM0363-01`). |
| `naam` | string or null | Name of the help point. Generated: "Voorbeeldlocatie <woonplaats> (gegenereerd)". |
| `organisatie` | string or null | Library organisation; generated: "Voorbeeld (gegenereerd)". |
| `adres` | object | `straat`, `huisnummer`, `postcode` (`1234 AB`), `woonplaats`. Known for library buildings and the real examples moved to one; elsewhere only `woonplaats`, the rest null. |
| `woonplaats` | string | Postal place name (BAG/GeoNames spelling, e.g. `'s-Gravenhage`). |
| `gemeentecode` | string | CBS code, `GM0363` form; always present in `gemeenten.csv`. |
| `gemeentenaam` | string | Municipality name as in `gemeenten.csv`. |
| `openingstijden` | string | OpenStreetMap `opening_hours` syntax, or `""` when unknown ("unknown" is not "closed"). Always exactly the union of the location's `spreekuren`: with one spreekuur it is that spreekuur's expression; with two it is their rules joined by `, ` followed by the shared closing rules (`; PH off` etc.). Times are Europe/Amsterdam. |
| `spreekuren` | array | One or more consultation slots, each: `naam` (e.g. "Inloopspreekuur Digitale Overheid"), `diensten` (codes, sorted), `openingstijden` (OSM syntax or ""), `opAfspraak` (boolean, or null when the source does not say), `afspraak` (`{{url, telefoon}}` or null; null everywhere in this seed set), `toelichting` (string or null; for real examples what the source says about the opening, for generated "op afspraak" or "inloop, zonder afspraak"). |
| `diensten` | array | Sorted union of the spreekuren's `diensten`. Codes: `digid`, `belastingdienst`, `toeslagen`, `uwv`, `svb`, `cjib`, `cbr`, `duo`, `zorg`, `gemeente`, `digitale-vaardigheden`. For real records this is the standard IDO offering, not taken from the source. |
| `opAfspraak` | boolean or null | true when all help is by appointment. null when the source does not say. |
| `inloop` | boolean or null | true when walk-in is possible. null when the source does not say. |
| `contact` | object | `telefoon`, `email`, `website`: all null in this seed set (never invented; the `bron` page is a news page, not the location's website). |
| `laatstGecontroleerd` | string or null | ISO 8601 date of the last check. Real examples: their `peildatum` when the source gives a full date; a partial date (`2024-05`, `2025`) leaves this null and stays in `herkomst.peildatum`. Buildings and generated: null. |
| `herkomst` | object | `soort` (`ido-voorbeeld`, `bibliotheekgebouw`, `gegenereerd`), `bron` (source URL or null), `toelichting` (plain Dutch: where the record and its position come from, what is assumed), `peildatum` (date or null; buildings: the day of the last election at which they were a polling station). |
| `coordinaatPrecisie` | string | `gebouw` (exact building) or `woonplaats` (place centre or PC4 point, approximate: typically 1–2 km off). |
| `status` | string | `actief` or `waarschijnlijk actief` (the organisation says all or every branch has an IDO, but the branch is not named on its own; library buildings). Generated records are `actief` by construction, see `herkomst`. |

### How the records were made
- **Real examples** (`ido_voorbeelden.csv`): rows whose status starts with `actief` or `waarschijnlijk actief`; the status is normalised to those two words, the detail (year) is in `herkomst.toelichting`. Hours are kept exactly where the source gives them (`opening_hours` column); otherwise `""`, with the source's description of the opening in the spreekuur `toelichting`. Where `koppeling_ido_bibliotheekgebouw.csv` links an example to its library building, it takes the building's exact position and address (e.g. Bibliotheek Overvecht moves 2.4 km to Gloriantdreef 1) and the building is not emitted separately; no other example is moved. A mobile service without a place of its own (the ZBBUZZ bus) keeps its point in the municipality, with the nearest postal place as `woonplaats`.
- Rows whose `bron` is not a URL ({bron_geen_url}) get `herkomst.bron` null; the source description is kept in `herkomst.toelichting`.
- **Library buildings** (`bibliotheken_uit_stemlokalen_2023_2025.csv`): only `categorie` `openbare_bibliotheek` (former libraries, a university library and a church are never shown as a library), only with a street address; id, position and address from the source; the name is derived from the polling-station name; hours unknown; `herkomst.peildatum` is the last election at which it was a polling station.
- **Generated**: the municipalities are all those with a real record plus the most populous others until there are {target_gm}; each gets at least one location and the rest of the {target_n} is shared out by population (D'Hondt over real + generated). Each location sits at the centre of a real woonplaats of that municipality (largest first by number of PC4s, then GeoNames population; places that already have a real record are skipped); when a municipality needs more locations than it has free places, the extra ones go to PC4 points of its places, chosen to spread out. Schedules are drawn with a generator seeded by the location id (same result every run): one or two weekly slots of 2–3 hours on weekdays, some by appointment (`open "op afspraak"`: open, with the comment), some odd weeks (`week 1-53/2`), some monthly (`Mo[1]`), most with `; PH off`, a few with a summer break (`Jul 14-Aug 25 off`), and some locations with two spreekuren (walk-in Digitale Overheid plus a tax/toeslagen hour by appointment on another weekday).

## Rebuild and check

```sh
python3 data/build_seed.py            # optional argument: path to shared/data, default ../shared/data
npm ci && node data/check_hours.mjs   # validates all opening-hours expressions
```

The script asserts: unique URL-safe ids, every position inside the Netherlands'
bounding box, every `gemeentecode` present in `gemeenten.csv`, no non-active
example in the GeoJSON, every municipality in the set has at least one
location. It prints the counts at the end, plus notes (points that fall just
outside their generalised municipality boundary, merges that were skipped).

## Required attribution

Show these in the map widget and the docs:

- Municipality boundaries: "Kadaster / Centraal Bureau voor de Statistiek (CBS), Wijk- en buurtkaart 2023". CBS open data; attribution is mandatory.
- Postcodes and places: "Contains data from GeoNames (www.geonames.org), CC BY 4.0".
- Library positions from polling stations: "Stembureaus TK2025, gemeenten via WaarIsMijnStemlokaal.nl / Open State Foundation". Published with no reuse restrictions; each municipality owns its own data.
- Library buildings and addresses 2023-2025: "Stembureaus TK2023, PS2023 en TK2025 - gemeenten/Kiesraad via WaarIsMijnStemlokaal.nl (Open State Foundation); TK2023/PS2023-bestanden opgeschoond door Centerdata".
- IDO examples: facts taken from the news pages listed in the `bron` column (`herkomst.bron`). No text was copied.
"""


def write_readme(path: Path, s: dict) -> None:
    txt = README.format(
        s_vb=s["soort"]["ido-voorbeeld"], s_bib=s["soort"]["bibliotheekgebouw"],
        s_gen=s["soort"]["gegenereerd"], niet_actief=s["niet_actief"],
        g_vb=s["soort_gm"]["ido-voorbeeld"], g_bib=s["soort_gm"]["bibliotheekgebouw"],
        g_gen=s["soort_gm"]["gegenereerd"], met_adres=s["met_adres"],
        bibs_zonder_adres=s["bibs_zonder_adres"], gebouw_zonder_adres=s["gebouw_zonder_adres"],
        n_gem_polys=s["n_gem_polys"], n=s["n"], n_gm=s["n_gm"], n_gm_real=s["n_gm_real"],
        max_gm_name=s["max_gm"][0], max_gm_n=s["max_gm"][1],
        status_txt=", ".join(f"`{k}` {v}" for k, v in s["status"].items()),
        status_real_txt=", ".join(f"`{k}` {v}" for k, v in s["status_real"].items()),
        known_hours=s["known_hours"], known_hours_real=s["known_hours_real"],
        unknown_hours=s["n"] - s["known_hours"],
        precisie_txt=", ".join(f"`{k}` {v}" for k, v in s["precisie"].items()),
        pc4_positions=s["pc4_positions"], multi=s["multi_spreekuur"],
        op_afspraak=s["op_afspraak"], access_unknown=s["access_unknown"],
        merged_bibs=s["merged_bibs"], skipped_bibs=s["skipped_bibs"],
        bron_geen_url=", ".join(s["bron_geen_url"]) or "none",
        tk_datum=TK2025_DATUM, target_gm=TARGET_GEMEENTEN, target_n=TARGET_LOCATIONS,
    )
    path.write_text(txt, encoding="utf-8", newline="\n")


# ---------------------------------------------------------------- coverage (bereikbaarheid)

COVERAGE_START = "<!-- begin: build_coverage_data -->"
COVERAGE_END = "<!-- end: build_coverage_data -->"
PC4_BEVOLKING_TOTAAL = 17_472_870  # CBS 83503NED, 1 January 2021, sum over the PC4s (rounded to 5)


def build_coverage_data(shared: Path) -> dict:
    """Writes the demand and candidate files of the coverage analysis (geo/coverage/), and only those:
    data/pc4_bevolking.csv, data/bibliotheekgebouwen.csv and this step's section of data/README.md
    (replaced between its markers, so the step can run on its own:
    python3 -c 'import sys; sys.path.insert(0, "data"); import build_seed as b; b.build_coverage_data(b.Path(sys.argv[1]))' SHARED_DATA_DIR).
    """
    der = shared / "derived"
    _, gem_rows = read_csv(der / "gemeenten.csv")
    gemeenten = {r["gemeentecode"] for r in gem_rows}
    _, pc4_rows = read_csv(der / "pc4.csv")
    plaatsen = {r["pc4"]: r["plaatsen"] for r in pc4_rows}
    _, bev_rows = read_csv(der / "pc4_bevolking_2021.csv")
    _, bib_rows = read_csv(der / "bibliotheken_uit_stemlokalen_2023_2025.csv")

    # ---- residents per PC4 (demand) ------------------------------------
    out = []
    for r in sorted(bev_rows, key=lambda r: r["pc4"]):
        assert re.fullmatch(r"[1-9]\d{3}", r["pc4"]), r["pc4"]
        gm = r["gemeentecode_pip_2023"]  # 2023 municipality by point in polygon, not gemeente_certegis
        assert gm in gemeenten, (r["pc4"], gm)
        inw = r["inwoners_2021"].strip()
        assert inw == "" or inw.isdigit(), (r["pc4"], inw)  # empty = kept secret by CBS
        lat, lon = float(r["binnenpunt_lat"]), float(r["binnenpunt_lon"])
        assert NL_BBOX[0] <= lon <= NL_BBOX[2] and NL_BBOX[1] <= lat <= NL_BBOX[3], r["pc4"]
        # The postal place names from pc4.csv (GeoNames, cleaned), the spelling of the rest of data/.
        wp = plaatsen.get(r["pc4"], "").strip() or r["plaats_certegis"].strip()
        out.append({"pc4": r["pc4"], "inwoners": inw, "lat": f"{lat:.6f}", "lon": f"{lon:.6f}",
                    "gemeentecode": gm, "woonplaatsen": wp})
    totaal = sum(int(r["inwoners"]) for r in out if r["inwoners"])
    assert totaal == PC4_BEVOLKING_TOTAAL, totaal
    n_geheim = sum(1 for r in out if not r["inwoners"])
    n_nul = sum(1 for r in out if r["inwoners"] == "0")
    n_gm = len({r["gemeentecode"] for r in out})
    assert n_gm == len(gemeenten), n_gm  # every municipality has residents to weigh
    write_csv(OUT / "pc4_bevolking.csv", list(out[0]), out)

    # ---- public library buildings (advice candidates) ------------------
    bibs = []
    for r in sorted(bib_rows, key=lambda r: r["id"]):
        if r["categorie"] != "openbare_bibliotheek":
            continue  # former libraries, a university library, a church: never a library
        assert r["gemeentecode"] in gemeenten, r["id"]
        lat, lon = float(r["lat"]), float(r["lon"])
        assert NL_BBOX[0] <= lon <= NL_BBOX[2] and NL_BBOX[1] <= lat <= NL_BBOX[3], r["id"]
        naam = r["naam"].strip()
        if naam.lower() in ("bibliotheek", "de bibliotheek", "openbare bibliotheek"):
            # a polling station called just "Bibliotheek": the other name, else the place says which
            naam = r["andere_namen"].split(";")[0].strip() or f"Bibliotheek {r['plaats']}"
        bibs.append({"id": r["id"], "naam": naam,
                     "straat": r["straat"], "huisnummer": r["huisnummer"],
                     "postcode": r["postcode"].replace(" ", ""), "plaats": r["plaats"],
                     "gemeentecode": r["gemeentecode"], "lat": f"{lat:.6f}", "lon": f"{lon:.6f}"})
    write_csv(OUT / "bibliotheekgebouwen.csv", list(bibs[0]), bibs)

    stats = {"pc4": len(out), "totaal": totaal, "geheim": n_geheim, "nul": n_nul, "gemeenten": n_gm,
             "bibs": len(bibs), "bibs_zonder_postcode": sum(1 for b in bibs if not b["postcode"]),
             "bib_gemeenten": len({b["gemeentecode"] for b in bibs})}
    section = COVERAGE_README.format(**{k: f"{v:,}" for k, v in stats.items()})
    readme = OUT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if COVERAGE_START in text:
        text = text[:text.index(COVERAGE_START)].rstrip("\n") + "\n" + text[text.index(COVERAGE_END) + len(COVERAGE_END):].lstrip("\n")
    text = text.rstrip("\n") + "\n\n" + COVERAGE_START + "\n" + section.strip("\n") + "\n" + COVERAGE_END + "\n"
    readme.write_text(text, encoding="utf-8", newline="\n")
    print(f"coverage: {stats['pc4']} PC4s, {stats['totaal']} residents, {stats['bibs']} library buildings")
    return stats


COVERAGE_README = """
## Coverage data (`pc4_bevolking.csv`, `bibliotheekgebouwen.csv`)

Written by `build_coverage_data()` in `build_seed.py`, for the coverage analysis in `geo/coverage/`
(how far residents travel to the nearest help point; see `docs/bereikbaarheid.md`). This step writes
only these two files and this section, and runs on its own too:

```sh
python3 -c 'import sys; sys.path.insert(0, "data"); import build_seed as b; b.build_coverage_data(b.Path(sys.argv[1]))' ../shared/data
```

| file | rows | what |
|---|---:|---|
| `pc4_bevolking.csv` | {pc4} | Residents per four-digit postcode on 1 January 2021, at an interior point of the CBS PC4 polygon, in its 2023 municipality. Columns: `pc4`; `inwoners` (empty when CBS keeps the figure secret); `lat`, `lon` (WGS84, the polygon's point on surface, always inside it); `gemeentecode` (2023 municipality of that point, point in polygon; the file's `gemeentecode_pip_2023`, not `gemeente_certegis`, which predates the 2022-2023 mergers); `woonplaatsen` (postal place names, `|`-separated, from `pc4.csv`, the spelling used in the rest of `data/`). |
| `bibliotheekgebouwen.csv` | {bibs} | Public library buildings with an exact position (polling stations in libraries at TK2023, PS2023 and TK2025), only `categorie` `openbare_bibliotheek` of the source; candidates for a new help point. Columns: `id` (BIB-SL-nnn), `naam`, `straat`, `huisnummer`, `postcode` (empty for {bibs_zonder_postcode}), `plaats`, `gemeentecode`, `lat`, `lon`. |

Checked by the script: {totaal} residents in all (the CBS total over the PC4s; counts are rounded
to 5), in all {gemeenten} municipalities; every `gemeentecode` is in `gemeenten.csv`; every point lies in
the Netherlands' box. Decisions:

- **{geheim} PC4s without a figure** (kept secret by CBS) are kept with an empty `inwoners`: the
  analysis weighs them 0 and still offers their point as a candidate site.
- **{nul} PC4s with 0 residents** (industrial estates, port areas) are kept; they weigh nothing and never
  appear as a gap (*witte vlek*).
- Every row has a 2023 municipality (its interior point lies in a polygon); the script refuses a row
  without one rather than guess, since residents without a municipality cannot be reported.
- PC4 5028 has no geometry in the CBS source and is not in the file.
- The library buildings are about {bibs} of the 700-800 branches (names without "bibliotheek" are
  missed), in {bib_gemeenten} municipalities: a candidate list, not a branch register.

Attribution (show it with any figure derived from these files):

- Population per postcode: "Centraal Bureau voor de Statistiek (CBS), Bevolking per postcode,
  1 januari 2021" (StatLine 83503NED; CBS open data, CC BY 4.0), with the CBS PC4 polygons as shipped in
  the data files of the public repository certe-medical-epidemiology/certegis.
- Library buildings 2023-2025: "Stembureaus TK2023, PS2023 en TK2025 - gemeenten/Kiesraad via
  WaarIsMijnStemlokaal.nl (Open State Foundation); TK2023/PS2023-bestanden opgeschoond door Centerdata".
  No reuse restrictions; each municipality owns its own data.
"""


if __name__ == "__main__":
    sys.exit(main(sys.argv))
