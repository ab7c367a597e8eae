"""Starts the real `ido-vinder serve` on a free port for the Python-driven tests (GIS client, Prometheus).

Python 3 standard library only. The port is read from the "listening on ...:PORT" line on stdout, as
tests/golden/golden.py and tests/contract/server_process.hpp do.
"""
import json
import os
import select
import subprocess
import time
import urllib.request


def clean_environment():
    # The server reads IDO_* variables as defaults; the caller's must not change what it serves.
    return {k: v for k, v in os.environ.items() if not k.startswith("IDO_")}


class Server:
    def __init__(self, binary, source, workdir, extra_args=(), stdout_lines=None):
        self.log_path = os.path.join(workdir, "server.log")
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [binary, "serve", "--port", "0", "--address", "127.0.0.1", "--data-dir", os.path.join(source, "data"),
             "--widget-dir", os.path.join(source, "web-widget", "dist"), "--db", os.path.join(workdir, "ido-vinder.db"),
             *extra_args],
            stdout=subprocess.PIPE, stderr=self.log, env=clean_environment())
        # Every stdout line before the public port's line (e.g. the metrics listener's), for callers that need them.
        self.stdout_lines = [] if stdout_lines is None else stdout_lines
        self.port = self._read_port(deadline=time.monotonic() + 60)
        self.base = f"http://127.0.0.1:{self.port}"

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
                self.stdout_lines.append(text)
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

    def get_json(self, path, headers=None):
        request = urllib.request.Request(self.base + path, headers=headers or {})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)

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
