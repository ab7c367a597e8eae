#!/usr/bin/env python3
"""A local stand-in for the PDOK Locatieserver `free` endpoint, for the tests of the service's optional
PDOK client (tests/contract/pdok_contract_test.cpp). It serves the answer files in antwoorden/ in the
Locatieserver's response format; see README.md for where each comes from.

    python3 stand_in.py [--vertraging SECONDS] [--status CODE]

Prints "port N" on its first line once it listens on 127.0.0.1 (a free port). GET /free?q=TEXT answers
antwoorden/<key>.json, where <key> is TEXT in lower case with every run of other characters than a-z and
0-9 turned into one "_" ("Koolmees 1, Nieuwegein" -> koolmees_1_nieuwegein), or antwoorden/leeg.json.
GET /aantal answers how many /free requests arrived (the cache test counts them). --vertraging sleeps
before every /free answer (a slow PDOK); --status answers every /free with that HTTP status and no body
(a failing PDOK). Standard library only.
"""
import argparse
import http.server
import re
import sys
import threading
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent / "antwoorden"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vertraging", type=float, default=0.0)
    parser.add_argument("--status", type=int, default=200)
    args = parser.parse_args()
    count = {"free": 0}
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *_):  # quiet: the typed text must not land in any log either
            pass

        def send(self, status, body=b"", content_type="application/json"):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            if url.path == "/aantal":
                with lock:
                    n = count["free"]
                return self.send(200, str(n).encode(), "text/plain")
            if url.path != "/free":
                return self.send(404)
            with lock:
                count["free"] += 1
            if args.vertraging:
                time.sleep(args.vertraging)
            if args.status != 200:
                return self.send(args.status)
            q = urllib.parse.parse_qs(url.query).get("q", [""])[0]
            key = re.sub(r"[^a-z0-9]+", "_", q.lower()).strip("_")
            path = HERE / f"{key}.json"
            if not path.is_file():
                path = HERE / "leeg.json"
            self.send(200, path.read_bytes())

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(f"port {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
