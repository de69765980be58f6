#!/usr/bin/env bash
# Set up a fresh Debian/Ubuntu machine for Sagstal: the system libraries Qt needs (offscreen
# and under X), poppler-utils (PDF text for tests) and fonts, then a virtual environment in
# .venv with the program and its test tools. Safe to run again; it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1
  xvfb xauth poppler-utils fonts-dejavu-core
  gcc g++)  # the bundle's numpy is built from source (build_spec/numpy_without_blas.py)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip uv >/dev/null
.venv/bin/uv pip install -q --compile-bytecode --python .venv/bin/python -e ".[test]"
