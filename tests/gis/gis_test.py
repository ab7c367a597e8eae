#!/usr/bin/env python3
"""A real GIS client against the OGC API - Features endpoints: Debian's GDAL (ogr2ogr, driver OAPIF).

    python3 tests/gis/gis_test.py --binary build/service/ido-vinder --source .

It starts `ido-vinder serve` on a free port, lets ogr2ogr copy both collections into a GeoPackage, and
checks what a GIS user relies on, each against an answer computed here without GDAL:
  - the number of features per layer equals the collection's numberMatched, and the ids are the ids of
    the full list (read page by page over HTTP here);
  - each layer has one geometry type, and every geometry in it has that type (the municipalities
    mixed Polygon and MultiPolygon, which GDAL turned into a Polygon layer with MultiPolygon rows);
  - a spatial filter (-spat, which GDAL sends as bbox) returns the help points a plain
    comparison of the full list's coordinates returns;
  - RD New: the service's own RD answer (crs=EPSG:28992) agrees with GDAL/PROJ reprojecting the CRS84
    copy (-t_srs EPSG:28992), and where this GDAL asks for a CRS itself (3.7 and later: -oo CRS=...),
    its layer is in RD New.
The GeoPackage is read with Python's sqlite3 and the GeoPackage binary format (OGC 12-128r18, 2.1.3),
not through GDAL, so a GDAL mistake in writing it is not read back by the same mistake.

Python 3 standard library plus the ogr2ogr/ogrinfo commands.
"""
import argparse
import math
import os
import re
import sqlite3
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from ido_server import Server, clean_environment  # noqa: E402

RD_URI = "http://www.opengis.net/def/crs/EPSG/0/28992"
# WKB geometry type codes (ISO 13249-3 / OGC 06-103r4), 2D.
WKB_TYPES = {1: "POINT", 3: "POLYGON", 6: "MULTIPOLYGON"}
# A bbox over the middle of the country (Utrecht and around it): many help points, several municipalities.
SPAT = (4.9, 51.9, 5.4, 52.2)

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def run(args):
    done = subprocess.run(args, capture_output=True, text=True, timeout=300, env=clean_environment())
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return done


# The one warning a GIS user gets and may ignore: a help point's `diensten` is a list of strings, which
# a GeoPackage keeps as a JSON array in a text column (README, "For GIS users").
KNOWN_WARNING = "does not natively support StringList type for field diensten"


def gdal_warnings(stderr):
    # GDAL writes "Warning 1: ..." for a geometry that does not fit the layer and similar quiet damage.
    return [line for line in stderr.splitlines() if line.startswith(("Warning", "ERROR")) and KNOWN_WARNING not in line]


def all_features(server, collection, query=""):
    """Every feature of a collection, page by page along the `next` links, as this client sees them."""
    features, path = [], f"/v1/collections/{collection}/items?limit=1000{query}"
    matched = None
    while path:
        page = server.get_json(path, headers={"Host": f"127.0.0.1:{server.port}"})
        matched = page["numberMatched"] if matched is None else matched
        features += page["features"]
        following = [link["href"] for link in page["links"] if link["rel"] == "next"]
        path = following[0].replace(server.base, "") if following else None
    return matched, features


def gpkg_geometry_type(blob):
    """The WKB type of a GeoPackage geometry blob (magic 'GP', version, flags, srs_id, envelope, WKB)."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry")
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 0x07]
    wkb = blob[8 + envelope:]
    order = "<" if wkb[0] == 1 else ">"
    code = struct.unpack(order + "I", wkb[1:5])[0]
    return WKB_TYPES.get(code % 1000, str(code))


def gpkg_point(blob):
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 0x07]
    wkb = blob[8 + envelope:]
    order = "<" if wkb[0] == 1 else ">"
    return struct.unpack(order + "dd", wkb[5:21])


def read_layer(gpkg, layer):
    """(declared geometry type, srs id, {feature id: geometry blob}) of one layer of a GeoPackage."""
    with sqlite3.connect(gpkg) as db:
        column, declared, srs = db.execute(
            "SELECT column_name, geometry_type_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (layer,)).fetchone()
        names = [row[1] for row in db.execute(f'PRAGMA table_info("{layer}")')]
        # The GeoJSON "id" member: GDAL keeps a string id as a field named "id".
        id_column = "id" if "id" in names else None
        if not check(id_column is not None, f"{layer}: GeoPackage has no id column (columns: {names})"):
            return declared, srs, {}
        rows = db.execute(f'SELECT "{id_column}", "{column}" FROM "{layer}"').fetchall()
    return declared, srs, {str(i): g for i, g in rows}


def gdal_version():
    text = run(["ogr2ogr", "--version"]).stdout  # "GDAL 3.6.2, released 2023/01/02"
    major, minor = re.search(r"GDAL (\d+)\.(\d+)", text).groups()
    return int(major), int(minor)


def test_copy_both_collections(server, workdir):
    gpkg = os.path.join(workdir, "beide.gpkg")
    done = run(["ogr2ogr", "-f", "GPKG", gpkg, f"OAPIF:{server.base}/v1", "informatiepunten", "gemeenten"])
    check(not gdal_warnings(done.stderr), f"ogr2ogr of both collections warned: {gdal_warnings(done.stderr)}")
    expected_types = {"informatiepunten": "POINT", "gemeenten": "MULTIPOLYGON"}
    for collection in ("informatiepunten", "gemeenten"):
        matched, features = all_features(server, collection)
        declared, _, rows = read_layer(gpkg, collection)
        check(len(features) == matched, f"{collection}: the pages hold {len(features)} features, numberMatched says {matched}")
        check(len(rows) == matched, f"{collection}: GeoPackage has {len(rows)} features, numberMatched is {matched}")
        check(set(rows) == {str(f["id"]) for f in features}, f"{collection}: GeoPackage ids differ from the service's")
        check(declared == expected_types[collection], f"{collection}: layer declared {declared}, expected {expected_types[collection]}")
        served = {f["geometry"]["type"].upper() for f in features}
        check(served == {expected_types[collection]}, f"{collection}: the service sends geometry types {sorted(served)}")
        stored = {gpkg_geometry_type(g) for g in rows.values()}
        check(stored == {declared}, f"{collection}: layer declared {declared} holds {sorted(stored)}")
    # The list field arrives in GDAL's text form of a list, "(N:a,b,...)" (the known warning above; the
    # README says so), and holds the service's list.
    _, features = all_features(server, "informatiepunten")
    with sqlite3.connect(gpkg) as db:
        stored = {str(i): d for i, d in db.execute('SELECT "id", "diensten" FROM "informatiepunten"')}

    def gdal_list(text):
        match = re.fullmatch(r"\((\d+):(.*)\)", text or "")
        if not match:
            return None
        items = match.group(2).split(",") if match.group(2) else []
        return items if len(items) == int(match.group(1)) else None

    differing = [f["id"] for f in features if gdal_list(stored[str(f["id"])]) != f["properties"].get("diensten")]
    check(not differing, f"diensten differ in the GeoPackage for {differing[:5]}")
    return gpkg


def test_spatial_filter(server, workdir):
    gpkg = os.path.join(workdir, "spat.gpkg")
    done = run(["ogr2ogr", "-f", "GPKG", gpkg, f"OAPIF:{server.base}/v1", "informatiepunten", "gemeenten",
                "-spat", *map(str, SPAT)])
    check(not gdal_warnings(done.stderr), f"ogr2ogr -spat warned: {gdal_warnings(done.stderr)}")
    x0, y0, x1, y1 = SPAT

    # Help points: the independent filter is a comparison of the full list's coordinates.
    _, everything = all_features(server, "informatiepunten")
    inside = {f["id"] for f in everything
              if x0 <= f["geometry"]["coordinates"][0] <= x1 and y0 <= f["geometry"]["coordinates"][1] <= y1}
    _, _, rows = read_layer(gpkg, "informatiepunten")
    check(len(inside) > 10, f"the test bbox holds only {len(inside)} help points; pick a busier one")
    check(set(rows) == inside, f"-spat: GDAL copied {len(rows)} help points, {len(inside)} lie in the bbox; "
                               f"missing {sorted(inside - set(rows))[:5]}, extra {sorted(set(rows) - inside)[:5]}")
    matched, _ = all_features(server, "informatiepunten", "&bbox=" + ",".join(map(str, SPAT)))
    check(matched == len(inside), f"numberMatched with the bbox is {matched}, {len(inside)} lie in it")

    # Municipalities: GDAL keeps those whose outline intersects the bbox. Bounds of that, from the full
    # list's coordinates: every municipality with a vertex inside must be there (necessary), and none
    # whose envelope misses the bbox may be (sufficient).
    _, municipalities = all_features(server, "gemeenten")
    must, may = set(), set()
    for f in municipalities:
        polygons = f["geometry"]["coordinates"]
        if f["geometry"]["type"] == "Polygon":
            polygons = [polygons]
        points = [p for polygon in polygons for ring in polygon for p in ring]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        if min(xs) <= x1 and max(xs) >= x0 and min(ys) <= y1 and max(ys) >= y0:
            may.add(f["id"])
        if any(x0 <= p[0] <= x1 and y0 <= p[1] <= y1 for p in points):
            must.add(f["id"])
    _, _, rows = read_layer(gpkg, "gemeenten")
    check(must <= set(rows), f"-spat: municipalities with a vertex in the bbox missing: {sorted(must - set(rows))}")
    check(set(rows) <= may, f"-spat: municipalities whose envelope misses the bbox: {sorted(set(rows) - may)}")


def test_rd_new(server, workdir, gpkg84):
    # GDAL/PROJ's RD New of the CRS84 copy against the service's own RD answer.
    gpkg = os.path.join(workdir, "rd.gpkg")
    run(["ogr2ogr", "-f", "GPKG", "-t_srs", "EPSG:28992", gpkg, gpkg84, "informatiepunten"])
    declared, srs, rows = read_layer(gpkg, "informatiepunten")
    check(srs == 28992, f"reprojected layer has srs_id {srs}")
    _, features = all_features(server, "informatiepunten", "&crs=" + RD_URI)
    worst = 0.0
    for f in features:
        x, y = gpkg_point(rows[str(f["id"])])
        sx, sy = f["geometry"]["coordinates"]
        worst = max(worst, math.hypot(x - sx, y - sy))
    # Both are PROJ's Helmert transformation of the same 8-decimal degrees: they agree to the
    # millimetre rounding of the service's output plus the degrees' rounding (~1 mm).
    check(worst < 0.01, f"the service's RD and GDAL's reprojection differ by up to {worst:.4f} m")
    print(f"RD New: the service and GDAL/PROJ agree within {worst * 1000:.2f} mm over {len(features)} help points")

    major, minor = gdal_version()
    if (major, minor) >= (3, 7):
        # GDAL 3.7 added the Part 2 open options: it asks the service for RD (crs=...) and names the CRS.
        gpkg = os.path.join(workdir, "rd-asked.gpkg")
        run(["ogr2ogr", "-f", "GPKG", gpkg, f"OAPIF:{server.base}/v1", "gemeenten", "-oo", "CRS=EPSG:28992"])
        _, srs, rows = read_layer(gpkg, "gemeenten")
        check(srs == 28992, f"-oo CRS=EPSG:28992: layer srs_id {srs}")
    else:
        print(f"note: GDAL {major}.{minor} has no OAPIF CRS option (3.7 and later); the RD request is checked "
              f"through the service's own answer above")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--source", required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ido-vinder-gis-") as workdir:
        server = Server(args.binary, args.source, workdir)
        try:
            gpkg = test_copy_both_collections(server, workdir)
            test_spatial_filter(server, workdir)
            test_rd_new(server, workdir, gpkg)
        except Exception:
            print(server.log_text())
            raise
        finally:
            server.stop()
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all GIS client checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
