#!/usr/bin/env python3
"""Steady write load for bench/load/run.sh, beside the read load, and the check that no acknowledged
write was lost.

Each writer thread loops for the given time over one keep-alive connection: GET the help point (its
ETag), then a write with If-Match of that ETag and a value that is unique to this write:
  - PATCH /v1/informatiepunten/{id} (application/merge-patch+json) {"mededeling": "soak <writer> <n>"}
  - PUT /v1/informatiepunten/{id}/openingstijden with one desk whose `toelichting` is unique.
Two writers share each PATCH target on purpose, so some writes lose the race and get 412 (not
acknowledged, and must not appear in the log). Every answer is counted (2xx, 412, other 4xx, 5xx, no
answer). A 200 is an acknowledged write: its value is remembered.

At the end, the audit log (GET /v1/informatiepunten/{id}/wijzigingen with the token) of every target
is read: the values written by this token for the field (mededeling / spreekuren) must be exactly the
acknowledged values (none lost, none extra), and the help point must show the last acknowledged one.

  writer.py URL TOKEN SECONDS ID...      prints one RESULT line and the verification; exit 1 on a failure
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse

url, token, seconds, ids = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4:]
parsed = urllib.parse.urlsplit(url)
lock = threading.Lock()
counts = {"s2xx": 0, "s412": 0, "s4xx": 0, "s5xx": 0, "noanswer": 0}
acked = {}            # (id, veld) -> set of acknowledged values
latencies = []        # seconds per acknowledged write (the write alone, not the GET before it)


def connect():
    return http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)


def request(conn, method, path, body=None, headers=None):
    conn.request(method, path, body=body, headers=headers or {})
    r = conn.getresponse()
    return r.status, r.getheader("ETag"), r.read()


def writer(number, target, kind, deadline):
    conn = connect()
    n = 0
    auth = {"Authorization": "Bearer " + token}
    while time.time() < deadline:
        n += 1
        value = f"soak w{number} n{n}"
        try:
            status, etag, _ = request(conn, "GET", "/v1/informatiepunten/" + target)
            if status != 200 or not etag:
                with lock:
                    counts["s5xx" if status >= 500 else "s4xx"] += 1
                continue
            if kind == "patch":
                path, veld = "/v1/informatiepunten/" + target, "mededeling"
                body = json.dumps({"mededeling": value})
                headers = dict(auth, **{"If-Match": etag, "Content-Type": "application/merge-patch+json"})
                method = "PATCH"
            else:
                path, veld = "/v1/informatiepunten/" + target + "/openingstijden", "spreekuren"
                body = json.dumps({"spreekuren": [{"naam": "Inloopspreekuur", "diensten": ["digid"],
                                                   "openingstijden": "Mo-Fr 09:00-12:00; PH off",
                                                   "opAfspraak": False, "toelichting": value}]})
                headers = dict(auth, **{"If-Match": etag, "Content-Type": "application/json"})
                method = "PUT"
            start = time.time()
            status, _, answer = request(conn, method, path, body, headers)
            took = time.time() - start
        except (OSError, http.client.HTTPException):
            with lock:
                counts["noanswer"] += 1
            conn.close()
            conn = connect()
            continue
        with lock:
            if 200 <= status < 300:
                counts["s2xx"] += 1
                acked.setdefault((target, veld), []).append(value)
                latencies.append(took)
            elif status == 412:
                counts["s412"] += 1
            elif status >= 500:
                counts["s5xx"] += 1
                print(f"5xx on {method} {path}: {status} {answer[:200]!r}", file=sys.stderr)
            else:
                counts["s4xx"] += 1
                print(f"4xx on {method} {path}: {status} {answer[:200]!r}", file=sys.stderr)
    conn.close()


# Two writers per PATCH target (they race: 412s), one writer per PUT target.
plan = []
for i, target in enumerate(ids):
    if i % 2 == 0:
        plan += [(target, "patch"), (target, "patch")]
    else:
        plan += [(target, "put")]
deadline = time.time() + seconds
start = time.time()
threads = [threading.Thread(target=writer, args=(n + 1, t, k, deadline)) for n, (t, k) in enumerate(plan)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - start
latencies.sort()
p = lambda q: int(latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1e6) if latencies else 0
print(f"RESULT writers={len(plan)} targets={len(ids)} acked={counts['s2xx']} wps={counts['s2xx'] / elapsed:.1f} "
      f"s412={counts['s412']} s4xx={counts['s4xx']} s5xx={counts['s5xx']} noanswer={counts['noanswer']} "
      f"p50_us={p(0.5)} p99_us={p(0.99)} max_us={p(1.0)}")

# Verification against the store's audit log.
conn = connect()
failures = 0
verified = 0
for (target, veld), values in sorted(acked.items()):
    status, _, body = request(conn, "GET", f"/v1/informatiepunten/{target}/wijzigingen",
                              headers={"Authorization": "Bearer " + token})
    if status != 200:
        print(f"FAIL: wijzigingen of {target}: {status}")
        failures += 1
        continue
    logged = []
    for entry in json.loads(body)["wijzigingen"]:
        if entry["veld"] != veld or entry["door"]["label"] != "soak":
            continue
        new = entry["nieuw"]
        if veld == "spreekuren":
            new = new[0]["toelichting"] if isinstance(new, list) and new else None
        logged.append(new)
    lost = set(values) - set(logged)
    extra = set(logged) - set(values)
    ok = not lost and not extra and len(logged) == len(values)
    verified += len(set(values) & set(logged))
    print(f"  {target} {veld}: acknowledged {len(values)}, in the log {len(logged)}, lost {len(lost)}, not acknowledged but logged {len(extra)}"
          + ("" if ok else "  FAIL"))
    failures += not ok
    status, _, body = request(conn, "GET", "/v1/informatiepunten/" + target)
    shown = json.loads(body)
    last = values[-1]
    now = shown.get("mededeling") if veld == "mededeling" else (shown.get("spreekuren") or [{}])[0].get("toelichting")
    if now != last:
        # Acknowledgement order across racing writers is the commit order only for one writer; the
        # current value must at least be one that was acknowledged.
        if now not in values:
            print(f"FAIL: {target} shows {now!r}, never acknowledged")
            failures += 1
print(f"VERIFIED acked={counts['s2xx']} verified={verified} failures={failures}")
sys.exit(1 if failures or counts["s5xx"] or counts["noanswer"] else 0)
