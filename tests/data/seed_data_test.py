#!/usr/bin/env python3
"""Checks the shipped seed set (data/) against its own README and its source rows.

- The counts per herkomst.soort (records and municipalities) and the total in data/README.md are the
  counts of data/informatiepunten.geojson, so the README cannot drift from the data.
- Every library building record (herkomst.soort bibliotheekgebouw) is a public library of
  data/bibliotheekgebouwen.csv (which holds only categorie openbare_bibliotheek), lies within 100 m of
  that row, and carries its street address.
- Every real example linked to a building (data/koppeling_ido_bibliotheekgebouw.csv) lies within 100 m
  of the building and carries the building's address where the source has one.
- Every record with a street address is at a building; generated records say so in name and herkomst.

Usage: seed_data_test.py DATA_DIR. Python 3 standard library only. Exit 1 with the problems listed.
"""
import csv
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

SOORTEN = ("ido-voorbeeld", "bibliotheekgebouw", "gegenereerd")


def metres(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371008.8 * math.asin(math.sqrt(a))


def postcode(text):
    return text.replace(" ", "").upper()


def main(data):
    problems = []
    features = json.loads((data / "informatiepunten.geojson").read_text(encoding="utf-8"))["features"]
    props = {f["id"]: (f["properties"], f["geometry"]["coordinates"]) for f in features}

    # ---- README counts against the data
    readme = (data / "README.md").read_text(encoding="utf-8")
    per_soort = defaultdict(lambda: [0, set()])
    for p, _ in props.values():
        per_soort[p["herkomst"]["soort"]][0] += 1
        per_soort[p["herkomst"]["soort"]][1].add(p["gemeentecode"])
    if set(per_soort) - set(SOORTEN):
        problems.append(f"unknown herkomst.soort {set(per_soort) - set(SOORTEN)}")
    for soort in SOORTEN:
        m = re.search(r"^\| `" + re.escape(soort) + r"` \| (\d+) \| (\d+) \|", readme, re.M)
        if not m:
            problems.append(f"README: no row with count and municipalities for {soort}")
            continue
        n, gm = int(m.group(1)), int(m.group(2))
        if (n, gm) != (per_soort[soort][0], len(per_soort[soort][1])):
            problems.append(f"README says {soort}: {n} in {gm} municipalities; the data has "
                            f"{per_soort[soort][0]} in {len(per_soort[soort][1])}")
    m = re.search(r"Locations: \*\*(\d+)\*\* in \*\*(\d+)\*\* municipalities", readme)
    total_gm = len({p["gemeentecode"] for p, _ in props.values()})
    if not m or (int(m.group(1)), int(m.group(2))) != (len(props), total_gm):
        problems.append(f"README total is not {len(props)} in {total_gm} municipalities")

    # ---- library buildings against their source rows
    with open(data / "bibliotheekgebouwen.csv", newline="", encoding="utf-8") as f:
        bibs = {r["id"]: r for r in csv.DictReader(f)}
    with open(data / "koppeling_ido_bibliotheekgebouw.csv", newline="", encoding="utf-8") as f:
        links = {r["ido_id"]: r for r in csv.DictReader(f)}
    n_buildings = 0
    for id_, (p, (lon, lat)) in props.items():
        soort = p["herkomst"]["soort"]
        adres = p["adres"]
        if soort == "bibliotheekgebouw":
            n_buildings += 1
            b = bibs.get(id_)
            if b is None:
                problems.append(f"{id_}: not a public library building of bibliotheekgebouwen.csv")
                continue
            d = metres(lat, lon, float(b["lat"]), float(b["lon"]))
            if d > 100:
                problems.append(f"{id_}: {d:.0f} m from its source row")
            if not (adres["straat"] and adres["huisnummer"] and adres["postcode"] and adres["woonplaats"]):
                problems.append(f"{id_}: building record without a full address: {adres}")
            elif (adres["straat"], adres["huisnummer"], postcode(adres["postcode"])) != \
                    (b["straat"], b["huisnummer"], postcode(b["postcode"])):
                problems.append(f"{id_}: address {adres} is not the source's")
            if p["coordinaatPrecisie"] != "gebouw":
                problems.append(f"{id_}: a building record must have coordinaatPrecisie gebouw")
        if id_ in links:
            link = links[id_]
            d = metres(lat, lon, float(link["bib_lat"]), float(link["bib_lon"]))
            if d > 100:
                problems.append(f"{id_}: {d:.0f} m from its building {link['bib_id']}")
            b = bibs[link["bib_id"]]
            if b["straat"] and (adres["straat"], adres["huisnummer"], postcode(adres["postcode"] or "")) != \
                    (b["straat"], b["huisnummer"], postcode(b["postcode"])):
                problems.append(f"{id_}: does not carry the address of {link['bib_id']}: {adres}")
            if p["coordinaatPrecisie"] != "gebouw":
                problems.append(f"{id_}: moved to a building but coordinaatPrecisie is not gebouw")
        if adres["straat"] and p["coordinaatPrecisie"] != "gebouw":
            problems.append(f"{id_}: a street address at an approximate position")
        if soort == "gegenereerd":
            if "(gegenereerd)" not in (p["naam"] or "") or not p["herkomst"]["toelichting"].startswith("GEEN echt"):
                problems.append(f"{id_}: a generated record not plainly marked")
            if any(adres[k] for k in ("straat", "huisnummer", "postcode")):
                problems.append(f"{id_}: a generated record with an address")
    if n_buildings == 0:
        problems.append("no library building records at all")
    for ido_id in links:
        if ido_id not in props and not (data / "ido_niet_actief.csv").read_text(encoding="utf-8").count(ido_id + ","):
            problems.append(f"{ido_id}: linked to a building but neither in the data nor among the non-active rows")

    for line in problems:
        print("FAIL:", line)
    print(f"{len(props)} records, {n_buildings} library buildings, {len(links)} links checked; "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
