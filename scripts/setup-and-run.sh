#!/usr/bin/env bash
# The first README command: install what is needed, build, and run the service on its embedded
# defaults with the shipped data (port 8080 unless IDO_PORT or --port says otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec build/service/ido-vinder serve "$@"
