#!/usr/bin/python3
"""Opens the council report (GET /v1/gemeenten/{code}/rapport?formaat=xlsx) with openpyxl, as a
spreadsheet user would, and checks every sheet's rows against the JSON API's figures of the same
server. Usage: xlsx_report_test.py <ido-vinder binary> <source dir>"""
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request

import openpyxl

CODE = "GM0344"  # Utrecht: many help points, and PC4s beyond 1 km
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def start(binary, source):
    tmp = tempfile.mkdtemp(prefix="ido-xlsx-test-")
    log = open(os.path.join(tmp, "server.log"), "w")
    proc = subprocess.Popen([binary, "serve", "--port", "0", "--address", "127.0.0.1", "--data-dir", os.path.join(source, "data"),
                             "--widget-dir", os.path.join(source, "web-widget", "dist"), "--db", os.path.join(tmp, "t.db")],
                            stdout=subprocess.PIPE, stderr=log, text=True)
    for line in proc.stdout:
        m = re.search(r"listening on http://[^:]+:(\d+)", line)
        if m:
            return proc, int(m.group(1))
    raise SystemExit("the server did not start; see " + log.name)


def get(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as r:
        return r.status, dict(r.headers), r.read()


def rows(sheet):
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = tuple(values[0])
    return header, [dict(zip(header, r)) for r in values[1:]]


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def main(binary, source):
    proc, port = start(binary, source)
    try:
        base = f"/v1/gemeenten/{CODE}"
        status, headers, body = get(port, base + "/rapport?formaat=xlsx")
        check(status == 200, f"status {status}")
        check(headers.get("Content-Type") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", headers.get("Content-Type"))
        check(headers.get("Content-Disposition") == f'attachment; filename="rapport-{CODE}.xlsx"', headers.get("Content-Disposition"))
        overzicht = json.loads(get(port, base + "/overzicht")[2])
        bereik = json.loads(get(port, base + "/bereikbaarheid")[2])
        kwartalen = json.loads(get(port, base + "/kwartalen")[2])
        wb = openpyxl.load_workbook(io.BytesIO(body))
        check(wb.sheetnames == ["locaties", "openingstijden", "diensten", "bereikbaarheid", "wijzigingen"], wb.sheetnames)

        # locaties: every counted help point of the overview, in its order, with its name and check status.
        header, locs = rows(wb["locaties"])
        check(header[:2] == ("id", "naam"), header)
        expected = overzicht["informatiepunten"]
        check([r["id"] for r in locs] == [l["id"] for l in expected], "locaties ids")
        for r, l in zip(locs, expected):
            check(r["naam"] == l["naam"], f"naam of {l['id']}")
            check(r["teControleren"] == ("ja" if l["teControleren"] else "nee"), f"teControleren of {l['id']}")
            check((r["diensten"] or "") == ", ".join(l["diensten"]), f"diensten of {l['id']}")
        check(wb["locaties"].column_dimensions["B"].width > 20, "column width of naam")

        # openingstijden: hours per location and the total, as numbers (the window of four weeks moved by
        # the seconds between the two requests: a small tolerance).
        _, hours = rows(wb["openingstijden"])
        check(len(hours) == len(expected) + 1, "openingstijden rows")
        for r, l in zip(hours, expected):
            check(is_number(r["urenPerWeek"]), f"urenPerWeek of {l['id']} is a number")
            check(abs(r["urenPerWeek"] - l["uren"]["perWeek"]) < 0.05, f"urenPerWeek of {l['id']}: {r['urenPerWeek']} vs {l['uren']['perWeek']}")
        check(hours[-1]["id"] == "totaal" and abs(hours[-1]["urenPerWeek"] - overzicht["uren"]["perWeek"]) < 0.05, "total hours")

        # diensten: offered exactly when the overview says so.
        _, services = rows(wb["diensten"])
        offered = {r["dienst"] for r in services if r["aangeboden"] == "ja"}
        check(offered == set(overzicht["aangebodenDiensten"]), f"diensten {offered} vs {overzicht['aangebodenDiensten']}")
        check({r["dienst"] for r in services if r["aangeboden"] == "nee"} == set(overzicht["ontbrekendeDiensten"]), "ontbrekende diensten")
        for r in services:
            check(is_number(r["aantalLocaties"]), "aantalLocaties is a number")
            check(r["aantalLocaties"] == sum(1 for l in expected if r["dienst"] in l["diensten"]), f"aantalLocaties of {r['dienst']}")

        # bereikbaarheid: the figures, the witte vlekken and the stored quarters.
        _, cov = rows(wb["bereikbaarheid"])
        by = lambda name: [r for r in cov if r["onderdeel"] == name]
        check(by("inwoners")[0]["inwoners"] == bereik["inwoners"], "inwoners")
        check(by("gemiddeldeAfstand")[0]["afstand"] == bereik["gemiddeldeAfstand"], "gemiddeldeAfstand")
        check(by("medianeAfstand")[0]["afstand"] == bereik["medianeAfstand"], "medianeAfstand")
        binnen = by("binnen")
        check([(r["afstand"], r["inwoners"]) for r in binnen] == [(b["afstand"], b["inwoners"]) for b in bereik["binnen"]], "binnen")
        for r, b in zip(binnen, bereik["binnen"]):
            check(abs(r["aandeel"] - b["aandeel"]) < 1e-12, "aandeel")
        vlekken = by("witteVlek")
        check(len(vlekken) == bereik["aantalWitteVlekken"], f"{len(vlekken)} witte vlekken vs {bereik['aantalWitteVlekken']}")
        for r, v in zip(vlekken, bereik["witteVlekken"]):
            check((r["postcode"], r["inwoners"], r["afstand"]) == (v["postcode"], v["inwoners"], v["afstand"]), f"witte vlek {v['postcode']}")
        stored = kwartalen["kwartalen"]
        check(len(stored) >= 1, "a stored quarter")
        for q in stored:
            mine = [r for r in cov if r["kwartaal"] == q["kwartaal"]]
            got = {r["onderdeel"]: r for r in mine if r["onderdeel"] != "kwartaal:binnen"}
            check(got["kwartaal:inwoners"]["inwoners"] == q["inwoners"], "kwartaal inwoners")
            check(got["kwartaal:gemiddeldeAfstand"]["afstand"] == q["gemiddeldeAfstand"], "kwartaal gemiddeldeAfstand")
            check(got["kwartaal:urenPerWeek"]["waarde"] == q["urenPerWeek"], "kwartaal urenPerWeek")
            check(got["kwartaal:informatiepunten"]["waarde"] == q["informatiepunten"], "kwartaal informatiepunten")
            check([(r["afstand"], r["inwoners"]) for r in mine if r["onderdeel"] == "kwartaal:binnen"] ==
                  [(b["afstand"], b["inwoners"]) for b in q["binnen"]], "kwartaal binnen")

        # wijzigingen: this year's entries of the municipality's help points (the seed load at least).
        header, changes = rows(wb["wijzigingen"])
        check(header == ("tijd", "informatiepunt", "naam", "actie", "veld", "oud", "nieuw"), header)
        ids = {l["id"] for l in expected}
        check(len(changes) >= len(ids), f"{len(changes)} changes")
        check(all(r["informatiepunt"] in ids for r in changes), "changes of other municipalities' help points")
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    if failures:
        print("\n".join("FAIL: " + str(f) for f in failures))
        return 1
    print("xlsx report: every sheet matches the JSON API")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
