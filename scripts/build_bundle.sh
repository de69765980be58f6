#!/usr/bin/env bash
# Build the stand-alone desktop program (PyInstaller one-folder) from a clean clone:
#   bash scripts/build_bundle.sh [--distpath DIR] [--workpath DIR]
# Makes (or reuses; SAGSTAL_BUILD_VENV=.venv reuses the development one) a build environment in
# .venv-build/ with the program and its `build` extra (PyInstaller), then runs build_spec/sagstal.spec. The result is dist/sagstal-desktop/; check it
# with `dist/sagstal-desktop/sagstal-desktop --self-test` (set QT_QPA_PLATFORM=offscreen without
# a display). On Windows run the same steps in PowerShell (see build_spec/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
VENV="${SAGSTAL_BUILD_VENV:-.venv-build}"
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
# the program's dependencies and PyInstaller; the spec reads the package and resources/ from here
"$VENV/bin/python" -m pip install -q -e ".[build]"
"$VENV/bin/pyinstaller" build_spec/sagstal.spec --noconfirm --log-level WARN "$@"
echo "built: $(ls -d dist/sagstal-desktop 2>/dev/null || echo "see --distpath")"
