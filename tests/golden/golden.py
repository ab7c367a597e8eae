#!/usr/bin/env python3
"""The golden answer set: every request of requests.jsonl against the real ido-vinder, compared with answers.txt.

    python3 tests/golden/golden.py --binary build/service/ido-vinder --source .            # compare
    python3 tests/golden/golden.py --binary build/service/ido-vinder --source . --update   # record

It starts `ido-vinder serve` on a free port with the shipped data, a fresh database in its own temporary
directory and four tokens made with `ido-vinder token create` beforehand, sends every request in order,
each on its own connection, and records the status, the response headers and the body exactly as sent.
Only the narrow, named rules in MASKS below hide what differs per run. See README.md in this folder.

Python 3 standard library only.
"""
import argparse
import difflib
import hashlib
import http.client
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# Every request carries this Host header: the OGC links are built from it, and the real one would
# contain the port, which differs per run.
HOST = "ido-vinder.test"

# The tokens the requests refer to by name ("token": "bibliotheek"), created in this order before the
# server starts (so their ids, which the history shows, are 1 to 4). The secrets are random; they are
# only ever sent, never recorded (a request shows "Bearer <token:NAME>").
TOKENS = [
    ("bibliotheek", ["--rol", "bibliotheek", "--organisatie", "Bibliotheek Utrecht", "--label", "Balie Utrecht"]),
    ("gemeente", ["--rol", "gemeente", "--gemeente", "GM0344", "--label", "Gemeente Utrecht"]),
    ("gemeente-amsterdam", ["--rol", "gemeente", "--gemeente", "GM0363", "--label", "Gemeente Amsterdam"]),
    ("beheerder", ["--rol", "beheerder", "--label", "Beheer"]),
]

# Response headers left out of the record: `Date` is the wall clock. (Found by recording twice, minutes
# apart: nothing else in the headers differs per run.) `X-Request-Id` is random per request unless the
# client sends one (tests/contract/api_contract_test.cpp checks both).
SKIPPED_HEADERS = {"date", "x-request-id"}

RFC3339 = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})"


def _sub(pattern, replacement):
    compiled = re.compile(pattern)
    return lambda text: compiled.sub(replacement, text)


# The masking rules: (name, applies to this request?, rewrite of the body text). Each is applied to the
# recorded and to the live answer alike, and a masked answer also has its Content-Length masked (the
# masked part varies in length). Nothing else is masked.
def _without_tijdstip(request):
    return "tijdstip=" not in request["path"]


MASKS = [
    # The opening status ("status": {"code", "openTot", "volgendeOpening", "opmerking", "peilmoment"})
    # and the next 14 days of desk hours of a help point depend on the wall clock unless the request
    # passes `tijdstip`; most requests do, these few (and the answers to writes, which evaluate at the
    # moment of writing) cannot. The status object holds no nested braces, the slots are flat objects.
    ("opening-status-now", lambda r: _without_tijdstip(r),
     _sub(r'"status":\{"code":"[^"]*"[^{}]*"peilmoment":"[^"]*"\}', '"status":"<masked:opening-status-now>"')),
    ("upcoming-desk-hours-now", lambda r: _without_tijdstip(r),
     _sub(r'"komendeSpreekuren":\[(?:\{[^{}]*\},?)*\]', '"komendeSpreekuren":"<masked:upcoming-desk-hours-now>"')),
    # OGC API - Features' items carry "timeStamp", the moment the answer was made (17-069r4, 7.15.5).
    ("ogc-timestamp", lambda r: True, _sub(r'"timeStamp":"' + RFC3339 + '"', '"timeStamp":"<masked:ogc-timestamp>"')),
    # An export carries its moment (docs/import-export.md, "Een volledige lijst"): the last CSV cell of
    # every row, and the GeoJSON collection's "geexporteerd".
    # Exports are asked for with formaat= or with an Accept header, so every list answer goes through it;
    # the patterns match export bodies only.
    ("export-time", lambda r: r["path"].startswith("/v1/informatiepunten"),
     lambda text: re.sub(r',' + RFC3339 + r'\r\n', ',<masked:export-time>\r\n',
                         re.sub(r'"geexporteerd":\s*"' + RFC3339 + '"', '"geexporteerd":"<masked:export-time>"', text))),
    # The change log records when each change was written ("tijd", RFC 3339).
    ("write-time", lambda r: r["path"].split("?")[0].endswith("/wijzigingen"),
     _sub(r'"tijd":"' + RFC3339 + '"', '"tijd":"<masked:write-time>"')),
]
# Two more things differ per run and are kept out of the record rather than masked in it: the `Date`
# header (SKIPPED_HEADERS) and the token secrets (random per run; recorded as "Bearer <token:NAME>",
# and no answer contains them). A POST without an `id` would get a random id: the requests always give one.


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True, help="the ido-vinder executable")
    parser.add_argument("--source", required=True, help="the source tree (for data/ and web-widget/dist/)")
    parser.add_argument("--update", action="store_true", help="record the answers instead of comparing")
    parser.add_argument("--requests", default=os.path.join(HERE, "requests.jsonl"))
    parser.add_argument("--answers", default=os.path.join(HERE, "answers.txt"))
    parser.add_argument("--timeout", type=float, default=25, help="seconds for the whole run (the server is stopped after)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (database, server log)")
    return parser.parse_args()


def load_requests(path):
    requests = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                requests.append(json.loads(line))
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{number}: {e}")
    return requests


def clean_environment():
    # The server reads IDO_* variables as defaults; the caller's must not change the answers.
    return {k: v for k, v in os.environ.items() if not k.startswith("IDO_")}


def create_tokens(binary, db):
    secrets = {}
    for name, args in TOKENS:
        done = subprocess.run([binary, "token", "create", *args, "--db", db], capture_output=True, text=True, timeout=30,
                              env=clean_environment())
        if done.returncode != 0:
            raise RuntimeError(f"token create {name} failed ({done.returncode}): {done.stderr}")
        secrets[name] = done.stdout.strip()
    return secrets


class Server:
    """`ido-vinder serve --port 0`; the port is read from the "listening on ...:PORT" line on stdout."""

    def __init__(self, binary, source, workdir):
        self.log_path = os.path.join(workdir, "server.log")
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [binary, "serve", "--port", "0", "--address", "127.0.0.1", "--data-dir", os.path.join(source, "data"),
             "--widget-dir", os.path.join(source, "web-widget", "dist"), "--db", os.path.join(workdir, "ido-vinder.db")],
            stdout=subprocess.PIPE, stderr=self.log, env=clean_environment())
        self.port = self._read_port(deadline=time.monotonic() + 20)

    def _read_port(self, deadline):
        line = b""
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.process.stdout], [], [], 0.2)
            if not ready:
                if self.process.poll() is not None:
                    break
                continue
            c = os.read(self.process.stdout.fileno(), 1)
            if not c:
                break
            if c == b"\n":
                text = line.decode("utf-8", "replace")
                if "listening on" in text and ":" in text:
                    return int(text.rsplit(":", 1)[1])
                line = b""
            else:
                line += c
        raise RuntimeError(f"ido-vinder did not report a port; see {self.log_path}:\n{self.log_text()}")

    def log_text(self):
        self.log.flush()
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()[-4000:]

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stdout.close()
        self.log.close()


class RawConnection(http.client.HTTPConnection):
    """Sends the request line as latin-1, one byte per character, so that a path can hold any byte
    (invalid UTF-8 included); http.client itself allows only ASCII there."""

    def _encode_request(self, request):
        return request.encode("latin-1")


def send(port, method, path, headers, body, deadline):
    connection = RawConnection("127.0.0.1", port, timeout=max(1.0, min(10.0, deadline - time.monotonic())))
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for name, value in headers:
            connection.putheader(name, value.encode("latin-1"))
        payload = body.encode("latin-1") if body is not None else None
        if payload is not None:
            connection.putheader("Content-Length", str(len(payload)))
        connection.endheaders(payload)
        response = connection.getresponse()
        data = b"" if method == "HEAD" else response.read()
        return response.status, response.reason, response.getheaders(), data
    except (ConnectionError, http.client.HTTPException, OSError) as e:
        # Recorded as an answer of its own: a request that makes the server drop the connection is
        # part of its behaviour too.
        return None, type(e).__name__, [], b""
    finally:
        connection.close()


def request_headers(request, secrets, previous):
    """The headers as sent, and as recorded (token secrets replaced by their names)."""
    sent, shown = [("Host", HOST)], [("Host", HOST)]
    if "token" in request:
        sent.append(("Authorization", "Bearer " + secrets[request["token"]]))
        shown.append(("Authorization", f"Bearer <token:{request['token']}>"))
    for name, value in (request.get("headers") or {}).items():
        sent.append((name, value))
        shown.append((name, value))
    if request.get("ifNoneMatchFromPrevious"):
        etag = next((v for n, v in (previous or {}).get("headers", []) if n.lower() == "etag"), "")
        sent.append(("If-None-Match", etag))
        shown.append(("If-None-Match", etag))
    return sent, shown


# Server-rendered finder pages show each help point's status and next desk hours in words, from the wall
# clock (a page has no `tijdstip`). Before such a page is hashed, those two lines are masked; the rest of
# the page (names, order, addresses, distances, markup) still counts.
PAGE_CLOCK = [
    re.compile(rb'<p class="status status-[a-z-]*">[^<]*</p>'),
    re.compile(rb'<p class="item-slots">[^<]*</p>'),
]


def body_text(data, as_hash):
    if as_hash:
        masked = data
        for pattern in PAGE_CLOCK:
            masked = pattern.sub(b"<masked:page-clock>", masked)
        note = ", page-clock masked" if masked != data else ""
        return f"sha256 {hashlib.sha256(masked).hexdigest()} ({len(masked)} bytes{note})", False
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        return "hex " + data.hex(), False


def next_link(data):
    try:
        document = json.loads(data)
    except ValueError:
        return None
    for link in document.get("links", []) if isinstance(document, dict) else []:
        if link.get("rel") == "next":
            href = link["href"]
            return href.split(HOST, 1)[1] if href.startswith("http") and HOST in href else href
    return None


def render(request, shown_headers, status, reason, headers, data):
    """One block of the answers file: the request, then the answer. Returns (block, masks used)."""
    text, is_text = body_text(data, request.get("hashBody", False))
    used = ["page-clock"] if text.endswith("page-clock masked)") else []
    if is_text:
        for name, applies, rewrite in MASKS:
            if applies(request):
                masked = rewrite(text)
                if masked != text:
                    used.append(name)
                    text = masked
    # The path as a JSON string: it may hold any byte (one latin-1 character each), shown escaped.
    # No running number in the block: adding a request then changes only its own block, not every later one.
    lines = [f"=== {request['name']}", f"> {request['method']} " + json.dumps(request["path"], ensure_ascii=True)]
    for name, value in shown_headers:
        lines.append(f"> {name}: {value}")
    if request.get("body") is not None:
        lines.append("> body " + json.dumps(request["body"], ensure_ascii=True))
    lines.append(f"< {status} {reason}")
    for name, value in headers:
        if name.lower() in SKIPPED_HEADERS:
            continue
        if name.lower() == "content-length" and used:
            value = "<masked:" + ",".join(used) + ">"
        lines.append(f"< {name}: {value}")
    if used:
        lines.append("< masked: " + ", ".join(used))
    encoded = text.encode("utf-8")
    lines.append(f"< body {len(encoded)} bytes")
    return "\n".join(lines) + "\n" + text + "\n", used


def run(args, requests):
    workdir = tempfile.mkdtemp(prefix="ido-vinder-golden-")
    deadline = time.monotonic() + args.timeout
    server = None
    blocks = []
    try:
        secrets = create_tokens(args.binary, os.path.join(workdir, "ido-vinder.db"))
        server = Server(args.binary, args.source, workdir)
        previous = None
        for request in requests:
            path = request["path"]
            for page in range(1 + request.get("followNext", 0)):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"timeout after {args.timeout} s at request {len(blocks) + 1}")
                current = dict(request, path=path, name=request["name"] + (f" (page {page + 1})" if request.get("followNext") else ""))
                sent, shown = request_headers(current, secrets, previous)
                status, reason, headers, data = send(server.port, current["method"], path, sent, current.get("body"), deadline)
                block, _ = render(current, shown, status, reason, headers, data)
                blocks.append(block)
                previous = {"headers": headers}
                path = next_link(data) if request.get("followNext") else None
                if path is None:
                    break
        if server.process.poll() is not None:
            raise RuntimeError("the server stopped during the run:\n" + server.log_text())
        return blocks
    finally:
        if server is not None:
            server.stop()
        if args.keep:
            print(f"kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def split_blocks(text):
    """The blocks of an answers file, by their declared body lengths (bodies may hold any text)."""
    blocks = []
    data = text.encode("utf-8")
    at = 0
    while at < len(data):
        match = re.compile(rb"< body (\d+) bytes\n").search(data, at)
        if match is None:
            raise ValueError(f"answers file: no body length after byte {at}")
        end = match.end() + int(match.group(1)) + 1
        blocks.append(data[at:end].decode("utf-8"))
        at = end
    return blocks


def pretty(block):
    """For the diff only: the block with a JSON body indented, so a difference shows on its own line."""
    head, _, body = block.rstrip("\n").rpartition(" bytes\n")
    try:
        body = json.dumps(json.loads(body), indent=1, ensure_ascii=False)
    except ValueError:
        pass
    return (head + " bytes\n" + body + "\n").splitlines(keepends=True)


def compare(recorded, live):
    differing = [i for i in range(max(len(recorded), len(live)))
                 if i >= len(recorded) or i >= len(live) or recorded[i] != live[i]]
    for i in differing[:10]:
        old = recorded[i] if i < len(recorded) else ""
        new = live[i] if i < len(live) else ""
        title = (new or old).split("\n", 2)
        print(f"--- request {i + 1} of {len(live)}: {title[0][4:]}\n    {title[1] if len(title) > 1 else ''}")
        diff = list(difflib.unified_diff(pretty(old), pretty(new), "recorded", "live", n=3))
        if not diff:
            diff = ["(the same once the JSON is indented: the bytes differ in spacing or number form)\n"]
        sys.stdout.writelines(diff[:200])
        if len(diff) > 200:
            print(f"... {len(diff) - 200} more diff lines")
        print()
    return differing


def stop_on_signal(signum, _frame):
    # CTest's timeout and Ctrl-C end this script: leave through the finally blocks that stop the server.
    raise SystemExit(f"stopped by signal {signum}")


def main():
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, stop_on_signal)
    args = parse_args()
    requests = load_requests(args.requests)
    blocks = run(args, requests)
    if args.update:
        with open(args.answers, "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(blocks))
        print(f"recorded {len(blocks)} answers of {len(requests)} requests in {args.answers}")
        return 0
    try:
        with open(args.answers, encoding="utf-8", newline="\n") as f:
            recorded = split_blocks(f.read())
    except FileNotFoundError:
        print(f"no recorded answers at {args.answers}: run with --update first")
        return 1
    differing = compare(recorded, blocks)
    if differing:
        print(f"{len(differing)} of {max(len(recorded), len(blocks))} answers differ from the golden set.")
        print("If the change is deliberate, record again with --update, in a commit of its own that says why.")
        return 1
    print(f"all {len(blocks)} answers equal the golden set")
    return 0


if __name__ == "__main__":
    sys.exit(main())
