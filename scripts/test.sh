#!/usr/bin/env bash
# Set up (see bootstrap.sh) and run the whole test suite: ruff, the layering rules, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
.venv/bin/ruff check sagstal_desktop tests bench scripts
.venv/bin/lint-imports --no-cache  # layering rules: pyproject.toml [tool.importlinter]
.venv/bin/python -m pytest "$@"
