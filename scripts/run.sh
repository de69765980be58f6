#!/usr/bin/env bash
# Set up (see bootstrap.sh) and start Sagstal on the built-in demo team, or on FILE if given.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
if [ $# -eq 0 ]; then
  .venv/bin/sagstal demo -o .venv/demo.sagstal --force >/dev/null
  exec .venv/bin/sagstal summary .venv/demo.sagstal
fi
exec .venv/bin/sagstal summary "$@"
