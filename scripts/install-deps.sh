#!/usr/bin/env bash
# Installs everything ido-vinder needs to build, run and test on Debian 12: Debian packages through
# apt-get (with sudo when not root) and the npm packages pinned in package-lock.json (npm ci).
# Safe to run again: it only calls apt-get when a package is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libpistache-dev libgeos++-dev libgeos-dev libproj-dev proj-data rapidjson-dev
  libgtest-dev libgmock-dev libbenchmark-dev libhowardhinnant-date-dev tzdata
  libcli11-dev   # the command line's option parser (cli/)
  libsqlite3-dev sqlite3 libssl-dev libcpp-httplib-dev
  libpq-dev postgresql  # the PostgreSQL store; tests start a private server (scripts/postgres-local.sh)
  python3 chromium
  nginx-light    # the hostile-client test runs the shipped deploy/nginx.conf in front of the service
  wrk            # bench/http and bench/load
  libxlsxwriter-dev python3-openpyxl  # the municipal report as XLSX; the tests read it back with openpyxl
  gdal-bin       # the GIS-client test: ogr2ogr reads the OGC API (driver OAPIF)
  prometheus     # the metrics test: a real Prometheus scrapes the service
  python3-yaml   # the publiccode.yml check reads YAML (tests/publiccode)
  libbrotli-dev  # static files compressed ahead of time
  libcurl4-gnutls-dev  # the optional PDOK Locatieserver client (service/pdok/); libcurl4-openssl-dev works as well
)
# Node.js: use the machine's own when there is one (a newer build may be installed outside apt).
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "install-deps: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages: the test tooling (ADR linter, opening_hours reference, Playwright) and the widget build.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
