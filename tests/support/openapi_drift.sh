#!/bin/sh
# Fails when the committed service/openapi.json is not exactly what service/openapi_generate.py writes
# (someone edited the JSON by hand, or changed the generator without running it), and shows the diff.
# Usage: openapi_drift.sh SOURCE_DIR
set -eu
source_dir=$1
generated=$(mktemp "${TMPDIR:-/tmp}/openapi-drift-XXXXXX.json")
trap 'rm -f "$generated"' EXIT
# No __pycache__ in the source tree from a test run.
PYTHONDONTWRITEBYTECODE=1 python3 "$source_dir/service/openapi_generate.py" --output "$generated" >/dev/null
if ! diff -u --label committed/service/openapi.json --label generated "$source_dir/service/openapi.json" "$generated"; then
  echo "service/openapi.json differs from the generator's output: run python3 service/openapi_generate.py and commit both" >&2
  exit 1
fi
echo "service/openapi.json equals the output of service/openapi_generate.py"
