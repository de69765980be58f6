#!/usr/bin/env bash
# Set up (see bootstrap.sh) and start the Sagstal desktop program on the built-in demo team,
# or on FILE if given. Extra options go to sagstal-desktop (e.g. --lang en).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
if [ $# -eq 0 ]; then
  exec .venv/bin/sagstal-desktop --demo
fi
exec .venv/bin/sagstal-desktop "$@"
