#!/usr/bin/env python3
"""The metrics as an operator sees them: Debian's Prometheus scrapes a running ido-vinder.

    python3 tests/metrics/prometheus_test.py --binary build/service/ido-vinder --source .

It starts `ido-vinder serve` (public and metrics port free, the metrics on 127.0.0.1), sends known
requests (reads, a 404, failed logins up to the 429 of the limiter, a position and a search text that
must never appear), starts `prometheus` on a free port with a generated configuration that scrapes
the service every second and loads deploy/prometheus/ido-vinder-alerts.yml, and reads the series back
through Prometheus' HTTP API (/api/v1/query, /api/v1/rules). It also runs `promtool check rules`,
`promtool check config` and `promtool test rules` (tests/metrics/alerts_test.yml).

Python 3 standard library plus the prometheus/promtool commands.
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "support"))
from ido_server import Server, clean_environment  # noqa: E402

# What a resident sends: none of it may reach a metric.
POSITION = ("52.37123", "4.89456")
SEARCH = "geheimzoekwoord"

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8"), dict(response.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8"), dict(e.headers)


def promtool(*args):
    done = subprocess.run(["promtool", *args], capture_output=True, text=True, timeout=60, cwd=HERE)
    check(done.returncode == 0, f"promtool {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done


class Prometheus:
    def __init__(self, workdir, target, rules):
        self.port = free_port()
        config = os.path.join(workdir, "prometheus.yml")
        with open(config, "w") as f:
            f.write("global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
                    f"rule_files: [{json.dumps(rules)}]\n"
                    "scrape_configs:\n"
                    "  - job_name: ido-vinder\n"
                    f"    static_configs: [{{targets: [{json.dumps(target)}]}}]\n")
        promtool("check", "config", config)
        self.log = open(os.path.join(workdir, "prometheus.log"), "wb")
        self.process = subprocess.Popen(
            ["prometheus", f"--config.file={config}", f"--storage.tsdb.path={os.path.join(workdir, 'tsdb')}",
             f"--web.listen-address=127.0.0.1:{self.port}"],
            stdout=self.log, stderr=subprocess.STDOUT, env=clean_environment())
        self.base = f"http://127.0.0.1:{self.port}"

    def api(self, path, **params):
        status, body, _ = http(self.base + path + ("?" + urllib.parse.urlencode(params) if params else ""))
        if status != 200:
            return None
        return json.loads(body)["data"]

    def value(self, query):
        """The single value of an instant query, or None while there is no such series."""
        try:
            data = self.api("/api/v1/query", query=query)
        except (urllib.error.URLError, ConnectionError, OSError):
            return None
        if not data or not data["result"]:
            return None
        return float(data["result"][0]["value"][1])

    def wait_for(self, query, good, timeout=90):
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            last = self.value(query)
            if last is not None and good(last):
                return last
            if self.process.poll() is not None:
                break
            time.sleep(0.5)
        return last

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def metrics_port(server):
    for line in server.stdout_lines:
        if "metrics on http://" in line:
            return int(line.rsplit(":", 1)[1].split("/")[0])
    raise RuntimeError(f"no metrics line on stdout: {server.stdout_lines}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--source", required=True)
    args = parser.parse_args()
    rules = os.path.join(os.path.abspath(args.source), "deploy", "prometheus", "ido-vinder-alerts.yml")
    promtool("check", "rules", rules)
    promtool("test", "rules", "alerts_test.yml")

    with tempfile.TemporaryDirectory(prefix="ido-vinder-metrics-") as workdir:
        server = Server(args.binary, args.source, workdir, extra_args=["--metrics-adres", "127.0.0.1:0"])
        prometheus = None
        try:
            port = metrics_port(server)
            # Known traffic.
            for _ in range(3):
                check(http(server.base + "/v1/gemeenten/GM0363")[0] == 200, "GET /v1/gemeenten/GM0363")
            http(server.base + f"/v1/informatiepunten?lat={POSITION[0]}&lon={POSITION[1]}&limit=3")
            http(server.base + f"/v1/informatiepunten?zoek={SEARCH}")
            check(http(server.base + "/bestaat/niet")[0] == 404, "an unknown path is 404")
            statuses = [http(server.base + "/v1/sleutel", {"Authorization": "Bearer idov_fout"})[0] for _ in range(12)]
            check(statuses[-1] == 429, f"the limiter refuses after ten failed logins: {statuses}")
            health = json.loads(http(server.base + "/v1/health")[1])

            # The metrics are on their own listener only.
            check(http(server.base + "/metrics")[0] == 404, "the public port must not serve /metrics")
            status, text, headers = http(f"http://127.0.0.1:{port}/metrics")
            check(status == 200 and headers.get("Content-Type", "").startswith("text/plain; version=0.0.4"),
                  f"GET /metrics: {status} {headers.get('Content-Type')}")
            for secret in (*POSITION, SEARCH, "lat=", "idov_fout", "GM0363", "/bestaat/niet", "127.0.0.1"):
                check(secret not in text, f"the metrics hold {secret!r}")
            check(http(f"http://127.0.0.1:{port}/v1/health")[0] == 404, "the metrics port serves /metrics only")

            prometheus = Prometheus(workdir, f"127.0.0.1:{port}", rules)
            reads = prometheus.wait_for(
                'ido_http_requests_total{job="ido-vinder",method="GET",route="/v1/gemeenten/{gemeentecode}",status="200"}',
                lambda v: v >= 3)
            check(reads == 3, f"Prometheus reads {reads} answered GET /v1/gemeenten/{{gemeentecode}}, 3 were sent")
            check(prometheus.value('up{job="ido-vinder"}') == 1, "up is 1")
            unknown = prometheus.value('ido_http_requests_total{route="-",status="404"}')
            # /bestaat/niet and the public port's /metrics: both under the one label "-", never their paths.
            check(unknown == 2, f"404s of unknown paths under the route '-': {unknown}")
            refused = prometheus.value('ido_rate_limit_refusals_total{route="/v1/sleutel"}')
            failed = prometheus.value('ido_http_requests_total{route="/v1/sleutel",status="401"}')
            check(refused is not None and failed is not None and refused + failed == 12 and refused == statuses.count(429),
                  f"401s {failed} and rate-limit refusals {refused} for 12 failed logins ({statuses})")
            count = prometheus.value('ido_http_request_duration_seconds_count{route="/v1/gemeenten/{gemeentecode}"}')
            inf = prometheus.value('ido_http_request_duration_seconds_bucket{route="/v1/gemeenten/{gemeentecode}",le="+Inf"}')
            check(count == 3 and inf == 3, f"the latency histogram counts 3 requests: count {count}, +Inf bucket {inf}")
            median = prometheus.value('histogram_quantile(0.5, ido_http_request_duration_seconds_bucket{route="/v1/gemeenten/{gemeentecode}"})')
            check(median is not None and 0 < median <= 2.5, f"a median latency from the buckets: {median}")
            check(prometheus.value("ido_snapshot_dataversie") == health["dataversie"],
                  f"ido_snapshot_dataversie equals /v1/health's dataversie {health['dataversie']}")
            check(prometheus.value("ido_store_up") == 1, "ido_store_up is 1")
            staleness = prometheus.value("ido_snapshot_staleness_seconds")
            check(staleness is not None and 0 <= staleness < 60, f"the snapshot was confirmed recently: {staleness}")
            built = prometheus.value("ido_snapshot_built_timestamp_seconds")
            check(built is not None and abs(built - time.time()) < 3600, f"the snapshot's build time is now-ish: {built}")
            rebuild = prometheus.value("ido_snapshot_rebuild_seconds")
            check(rebuild is not None and rebuild > 0, f"the last rebuild took {rebuild} s")
            check((prometheus.value("ido_informatiepunten") or 0) == health["informatiepunten"], "ido_informatiepunten")
            check((prometheus.value("process_resident_memory_bytes") or 0) > 1e6, "resident memory is reported")
            # Open reports: none in a new database, then one a resident sends (read from the store at each scrape).
            check(prometheus.value("ido_meldingen_open") == 0, f"no open reports yet: {prometheus.value('ido_meldingen_open')}")
            request = urllib.request.Request(server.base + "/v1/informatiepunten/IDO-VB-067/meldingen", method="POST",
                                             data=json.dumps({"soort": "openingstijden", "toelichting": SEARCH}).encode(),
                                             headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=10) as response:
                check(response.status == 201, f"POST a report: {response.status}")
            reports = prometheus.wait_for("ido_meldingen_open", lambda v: v == 1, timeout=30)
            check(reports == 1, f"one open report after one was sent: {reports}")
            status, text, _ = http(f"http://127.0.0.1:{port}/metrics")
            check(SEARCH not in text, "a report's text never reaches the metrics")

            groups = prometheus.api("/api/v1/rules")["groups"]
            names = {rule["name"] for group in groups for rule in group["rules"]}
            check({"IdoVinderDown", "IdoVinderStoreUnavailable", "IdoVinderSnapshotStale"} <= names, f"rules loaded: {names}")
            firing = [a for a in prometheus.api("/api/v1/alerts")["alerts"] if a["state"] == "firing"]
            check(not firing, f"no alert fires for a healthy service: {firing}")
        except Exception:
            print(server.log_text())
            raise
        finally:
            if prometheus:
                prometheus.stop()
            server.stop()
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all metrics checks passed")
    return 0


if __name__ == "__main__":
    if shutil.which("prometheus") is None or shutil.which("promtool") is None:
        sys.exit("prometheus/promtool not found: run scripts/install-deps.sh (the metrics test does not skip)")
    sys.exit(main())
