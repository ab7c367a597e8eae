#!/usr/bin/env python3
"""The load and the checks of bench/soak/run.sh: mixed reads and writes through nginx to the replicas of
a cluster started by scripts/cluster.sh, one replica restarted halfway, the replicas' RSS sampled every
10 s, and at the end every acknowledged write looked up in PostgreSQL's audit log.

  soak.py CLUSTER_DIR TOKEN SECONDS      (run.sh starts the cluster and makes the token)

Clients (threads, one keep-alive connection each, every one from its own loopback address 127.0.x.y so
that nginx's per-address limit of 20 requests/s applies per client, as for real residents):
  - readers: one help point, nearest at random positions, the paged list, a municipality's help points,
    zoek=; paced to 15 requests/s each;
  - PATCH writers: GET (ETag) then PATCH {"mededeling"} with If-Match, two writers per help point (they
    race: some 412s); PUT writers: GET then PUT .../openingstijden with If-Match, one per help point;
  - a creator: POST /v1/informatiepunten of a new help point every 2 s (SOAK_CREATE_EVERY seconds; 0: no
    creates, which leaves the data the same size so that the replicas' RSS can be seen to stay flat);
  - a reporter: POST /v1/informatiepunten/{id}/meldingen every 5 s (each replica takes 5 reports per
    client address per hour; nginx is that one address, so most of these get 429 by design).
Halfway, replica a is stopped (SIGTERM, scripts/cluster.sh stop-replica) and started again.

Every answer is counted by client and status. A 5xx is allowed only as nginx's documented 503 (the
replica down or restarting: deploy/ido-vinder-site.conf maps 502/503 to 503) within the restart window
(from the stop until 10 s after the replica answers again); any other 5xx, and any request without an
answer, fails the run. The RSS of each replica process is printed first/last/max. The audit log check
reads table `wijzigingen` with psql: every acknowledged PATCH/PUT value, every acknowledged create and
every acknowledged report must be there; no value that got 412 may be; a value whose write got no
answer may be either (it is listed). Prints a summary and exits 1 on any failure.
"""
import collections
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time

cluster_dir, token, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
env = {}
with open(os.path.join(cluster_dir, "cluster.env")) as f:
    for line in f:
        if "=" in line and not line.startswith("#"):
            k, v = line.strip().split("=", 1)
            env[k] = v
host, port = env["IDO_CLUSTER_URL"].split("//")[1].split(":")
port = int(port)

data = json.load(open(os.path.join(root, "data", "informatiepunten.geojson")))
all_ids = [f["properties"]["id"] for f in data["features"]]
gemeenten = sorted({f["properties"]["gemeentecode"] for f in data["features"]})
run_tag = time.strftime("%H%M%S")
create_every = float(os.environ.get("SOAK_CREATE_EVERY", "2"))
patch_ids = ["IDO-VB-067", "BIB-SL-001"]
put_ids = ["IDO-VB-100", "GEN-GM0147-01"]
report_ids = [i for i in all_ids if i not in patch_ids + put_ids][:40]

lock = threading.Lock()
counts = collections.defaultdict(collections.Counter)  # client kind -> status (or "noanswer") -> n
bad = []              # (t, kind, method, path, status) of every 5xx and every missing answer
acked = collections.defaultdict(list)     # (id, veld) -> acknowledged values
refused = collections.defaultdict(list)   # (id, veld) -> values refused with 412
unknown = collections.defaultdict(list)   # (id, veld) -> values whose write got no answer
created, reports = [], collections.Counter()  # acknowledged creates; report id -> acknowledgements
t0 = time.time()
restart = {"stop": None, "up": None}
next_address = [0]


def source_address():
    with lock:
        next_address[0] += 1
        n = next_address[0]
    return ("127.0.%d.%d" % (1 + n // 250, 1 + n % 250), 0)


class Client:
    def __init__(self, kind):
        self.kind, self.address = kind, source_address()
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        """(status, etag, body), or (None, None, None) when no answer came."""
        for attempt in range(2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(host, port, timeout=15, source_address=self.address)
                self.conn.request(method, path, body=body, headers=headers or {})
                r = self.conn.getresponse()
                answer = r.read()
                status = r.status
                if r.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                break
            except (OSError, http.client.HTTPException) as e:
                if self.conn is not None:
                    self.conn.close()
                self.conn = None
                # A keep-alive connection nginx closed while idle: the request never left; try once more
                # on a new connection (only for a send that failed, never after an answer was lost).
                if attempt == 0 and isinstance(e, (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected)) and method == "GET":
                    continue
                with lock:
                    counts[self.kind]["noanswer"] += 1
                    bad.append((time.time() - t0, self.kind, method, path, "noanswer: " + type(e).__name__))
                return None, None, None
        with lock:
            counts[self.kind][status] += 1
            if status >= 500:
                bad.append((time.time() - t0, self.kind, method, path, status))
        return status, r.getheader("ETag"), answer


def paced(interval, deadline, step):
    while time.time() < deadline:
        start = time.time()
        step()
        time.sleep(max(0.0, interval - (time.time() - start)))


def reader(deadline):
    c = Client("reads")
    rnd = random.Random()

    def step():
        x = rnd.random()
        if x < 0.35:
            c.request("GET", "/v1/informatiepunten/" + rnd.choice(all_ids))
        elif x < 0.65:
            c.request("GET", "/v1/informatiepunten?lat=%.4f&lon=%.4f&limit=5" % (rnd.uniform(50.8, 53.4), rnd.uniform(3.4, 7.2)))
        elif x < 0.75:
            c.request("GET", "/v1/informatiepunten?limit=50&offset=%d" % rnd.randrange(0, 500))
        elif x < 0.88:
            c.request("GET", "/v1/gemeenten/%s/informatiepunten" % rnd.choice(gemeenten))
        else:
            c.request("GET", "/v1/informatiepunten?zoek=" + rnd.choice(["Utrecht", "3511", "Zwolle", "Groningen", "Utrect", "Maastricht"]))

    paced(1 / 15, deadline, step)


def writer(number, target, kind, deadline):
    c = Client("writes")
    auth = {"Authorization": "Bearer " + token}
    n = 0

    def step():
        nonlocal n
        n += 1
        value = "soak %s w%d n%d" % (run_tag, number, n)
        status, etag, _ = c.request("GET", "/v1/informatiepunten/" + target)
        if status != 200 or not etag:
            return
        if kind == "patch":
            veld, method, path = "mededeling", "PATCH", "/v1/informatiepunten/" + target
            body = json.dumps({"mededeling": value})
            headers = dict(auth, **{"If-Match": etag, "Content-Type": "application/merge-patch+json"})
        else:
            veld, method, path = "spreekuren", "PUT", "/v1/informatiepunten/" + target + "/openingstijden"
            body = json.dumps({"spreekuren": [{"naam": "Inloopspreekuur", "diensten": ["digid"], "openingstijden": "Mo-Fr 09:00-12:00; PH off",
                                               "opAfspraak": False, "toelichting": value}]})
            headers = dict(auth, **{"If-Match": etag, "Content-Type": "application/json"})
        status, _, answer = c.request(method, path, body, headers)
        with lock:
            if status is None:
                unknown[(target, veld)].append(value)
            elif 200 <= status < 300:
                acked[(target, veld)].append(value)
            elif status == 412:
                refused[(target, veld)].append(value)
            elif status != 503:
                print("unexpected %s on %s %s: %r" % (status, method, path, answer[:200]), file=sys.stderr)

    paced(0.25, deadline, step)


def creator(deadline):
    c = Client("creates")
    n = 0

    def step():
        nonlocal n
        n += 1
        new_id = "SOAK-%s-%d" % (run_tag, n)
        body = json.dumps({"id": new_id, "naam": "Soak %s %d" % (run_tag, n), "organisatie": "Gemeente Utrecht",
                           "adres": {"straat": "Stadsplateau", "huisnummer": "1", "postcode": "3521 AZ", "woonplaats": "Utrecht"},
                           "contact": {"telefoon": "14 030", "email": "ido@utrecht.nl", "website": "https://www.utrecht.nl"},
                           "spreekuren": [{"naam": "Inloop", "diensten": ["digid", "gemeente"], "openingstijden": "Mo-Fr 09:00-12:00; PH off",
                                           "opAfspraak": False}],
                           "laatstGecontroleerd": "2026-11-30", "mededeling": None,
                           "geometrie": {"type": "Point", "coordinates": [5.1097 + n * 1e-5, 52.0894]}})
        status, _, answer = c.request("POST", "/v1/informatiepunten", body,
                                      {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
        with lock:
            if status is None:
                unknown[(new_id, "aangemaakt")].append(new_id)
            elif 200 <= status < 300:
                created.append(new_id)
            elif status != 503:
                print("unexpected %s on POST create: %r" % (status, answer[:200]), file=sys.stderr)

    if create_every > 0:
        paced(create_every, deadline, step)


def reporter(deadline):
    c = Client("reports")
    rnd = random.Random()

    def step():
        target = rnd.choice(report_ids)
        body = json.dumps({"soort": rnd.choice(["openingstijden", "adres", "gesloten", "diensten", "anders"]), "toelichting": "soak " + run_tag})
        status, _, answer = c.request("POST", "/v1/informatiepunten/%s/meldingen" % target, body, {"Content-Type": "application/json"})
        if status in (200, 201):
            with lock:
                reports[(target, json.loads(answer)["id"])] += 1

    paced(5.0, deadline, step)


rss = collections.defaultdict(list)  # (replica, pid) -> [(t, kB)]


def sampler(deadline):
    while time.time() < deadline:
        for name in ("a", "b"):
            try:
                pid = open(os.path.join(cluster_dir, "replica-%s.pid" % name)).read().strip()
                with open("/proc/%s/status" % pid) as f:
                    kb = next(int(l.split()[1]) for l in f if l.startswith("VmRSS"))
                rss[(name, pid)].append((round(time.time() - t0), kb))
            except (OSError, StopIteration, ValueError):
                pass  # the replica is down (restart)
        time.sleep(10)


def restarter(deadline):
    time.sleep(seconds / 2)
    script = os.path.join(root, "scripts", "cluster.sh")
    restart["stop"] = time.time() - t0
    subprocess.run([script, "stop-replica", cluster_dir, "a"], check=True, capture_output=True)
    time.sleep(5)  # nginx carries on with b alone meanwhile
    subprocess.run([script, "start-replica", cluster_dir, "a"], check=True, capture_output=True)
    restart["up"] = time.time() - t0


def psql(query):
    bindir = subprocess.run("ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1", shell=True, capture_output=True, text=True).stdout.strip()
    out = subprocess.run([bindir + "/psql", env["IDO_DB"], "-XqtA", "-F", "\x1f", "-R", "\x1e", "-c", query],
                         capture_output=True, text=True, check=True).stdout
    # psql ends its output with a newline after the last record: not part of the last field.
    return [r.split("\x1f") for r in out.rstrip("\n").split("\x1e") if r.strip()]


before = int(psql("SELECT coalesce(max(id), 0) FROM wijzigingen")[0][0])
deadline = time.time() + seconds
threads = [threading.Thread(target=reader, args=(deadline,)) for _ in range(8)]
plan = [(t, "patch") for t in patch_ids for _ in range(2)] + [(t, "put") for t in put_ids]
threads += [threading.Thread(target=writer, args=(i + 1, t, k, deadline)) for i, (t, k) in enumerate(plan)]
threads += [threading.Thread(target=creator, args=(deadline,)), threading.Thread(target=reporter, args=(deadline,)),
            threading.Thread(target=sampler, args=(deadline + 1,)), threading.Thread(target=restarter, args=(deadline,))]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - t0
failures = []

print("# %.0f s; replica a stopped at t=%.0f s, answering again at t=%.0f s" % (elapsed, restart["stop"] or -1, restart["up"] or -1))
print("| client | requests | 2xx | 412 | 429 | other 4xx | 503 in the restart | other 5xx | no answer |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
window = (restart["stop"] - 1, restart["up"] + 10) if restart["up"] else (0, 0)
in_window = collections.Counter()
for t, kind, method, path, status in bad:
    if status == 503 and window[0] <= t <= window[1]:
        in_window[kind] += 1
    else:
        failures.append("%s %s %s at t=%.1f s: %s" % (kind, method, path, t, status))
for kind in ("reads", "writes", "creates", "reports"):
    c = counts[kind]
    total = sum(c.values())
    s2 = sum(v for k, v in c.items() if isinstance(k, int) and 200 <= k < 300)
    s4 = sum(v for k, v in c.items() if isinstance(k, int) and 400 <= k < 500 and k not in (412, 429))
    s5 = sum(v for k, v in c.items() if isinstance(k, int) and k >= 500)
    print("| %s | %d | %d | %d | %d | %d | %d | %d | %d |" % (kind, total, s2, c[412], c[429], s4, in_window[kind], s5 - in_window[kind], c["noanswer"]))

print("RSS (kB) per replica process, sampled every 10 s: first / last / max (samples)")
for (name, pid), samples in sorted(rss.items(), key=lambda kv: kv[1][0][0]):
    values = [kb for _, kb in samples]
    print("  replica %s pid %s, t=%d..%d s: %d / %d / %d (%d)" % (name, pid, samples[0][0], samples[-1][0], values[0], values[-1], max(values), len(values)))
    print("    " + " ".join(str(v) for v in values))
    # Growth after the warm-up (the first minute fills the caches and the allocator's arenas). The RSS
    # moves in steps of a snapshot's size, up and down (a write builds a new snapshot while requests
    # still hold the old one), so a single sample says little: compare the floor (the lowest sample) of
    # the first third after the warm-up with that of the last third. A leak raises the floor.
    steady = [kb for t, kb in samples if t - samples[0][0] >= 60]
    if len(steady) >= 6:
        third = len(steady) // 3
        early, late = min(steady[:third]), min(steady[-third:])
        growth = late - early
        print("    after the first minute: floor of the first third %d, of the last third %d: %+d kB; %d help points created meanwhile"
              % (early, late, growth, len(created)))

# The audit log since the start, straight from PostgreSQL.
rows = psql("SELECT informatiepunt, actie, veld, nieuw, token_label FROM wijzigingen WHERE id > %d ORDER BY id" % before)
logged = collections.defaultdict(list)
logged_created, logged_reports = set(), collections.Counter()
for informatiepunt, actie, veld, nieuw, label in rows:
    if actie == "aangemaakt":
        logged_created.add(informatiepunt)
    elif actie in ("melding-ontvangen", "melding-samengevoegd"):
        logged_reports[(informatiepunt, json.loads(nieuw)["melding"])] += 1
    elif label == "soak" and veld == "mededeling":
        logged[(informatiepunt, veld)].append(json.loads(nieuw))
    elif label == "soak" and veld == "spreekuren":
        new = json.loads(nieuw)
        logged[(informatiepunt, veld)].append(new[0].get("toelichting") if new else None)
print("Audit log (table wijzigingen, %d rows since the start):" % len(rows))
for key in sorted(set(acked) | set(logged) | set(refused)):
    a, l, r, u = set(acked[key]), set(logged[key]), set(refused[key]), set(unknown[key])
    lost, extra, refused_logged = a - l, l - a - u, r & l
    print("  %s %s: acknowledged %d, in the log %d, lost %d, refused (412) %d of which logged %d, no answer %d of which logged %d"
          % (key[0], key[1], len(a), len(l), len(lost), len(r), len(refused_logged), len(u), len(u & l)))
    if lost or extra or refused_logged or len(acked[key]) != len(a):
        failures.append("audit log of %s %s: lost %s, logged unacknowledged %s, logged refused %s" % (key[0], key[1], sorted(lost)[:3], sorted(extra)[:3], sorted(refused_logged)[:3]))
lost_created = set(created) - logged_created
print("  creates: acknowledged %d, in the log %d, lost %d" % (len(created), len(set(created) & logged_created), len(lost_created)))
if lost_created:
    failures.append("creates not in the audit log: %s" % sorted(lost_created)[:5])
lost_reports = [k for k, n in reports.items() if logged_reports[k] < n]
print("  reports: acknowledged %d (of %d distinct reports), audit entries for them %d, short %d"
      % (sum(reports.values()), len(reports), sum(min(logged_reports[k], n) for k, n in reports.items()), len(lost_reports)))
if lost_reports:
    failures.append("reports with fewer audit entries than acknowledgements: %s" % lost_reports[:5])

for f in failures:
    print("FAIL: " + f)
print("PASS" if not failures else "FAIL")
sys.exit(1 if failures else 0)
