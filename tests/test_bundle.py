"""The stand-alone bundle: ``scripts/build_bundle.sh`` builds ``build_spec/sagstal.spec``, the
built program passes its own ``--self-test`` (memo, charts, planner, history export, dates,
collation, numpy's arithmetic) and the folder stays within its size bound, with what the lean
bundle leaves out (build_spec/lean.py) left out and numpy without OpenBLAS
(build_spec/numpy_without_blas.py) (slow: about 1-2 min on two cores, plus 3-5 min the first
time, when numpy is built; CI runs it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sagstal_desktop import __version__

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="the Windows build is made by hand, see build_spec/README.md")
def test_the_bundle_builds_and_passes_its_self_test(tmp_path):
    env = dict(os.environ, SAGSTAL_BUILD_VENV=sys.prefix)  # this test run's environment
    started = time.perf_counter()
    built = subprocess.run(["bash", str(ROOT / "scripts" / "build_bundle.sh"), "--distpath", str(tmp_path / "dist"),
                            "--workpath", str(tmp_path / "work")], cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=2400)
    seconds = time.perf_counter() - started
    assert built.returncode == 0, built.stderr[-3000:]
    program = tmp_path / "dist" / "sagstal-desktop" / "sagstal-desktop"
    assert program.is_file()
    internal = tmp_path / "dist" / "sagstal-desktop" / "_internal"
    assert (internal / "sagstal_desktop" / "resources" / "norms" / "ds_current.json").is_file()
    # pandas is bundled: the history's time series and export (issue 15) and the scenario
    # comparison's tables and Excel export (issue 12) use it, imported lazily, never on start-up
    # (tests/test_gui_startup.py); the self-test below exports the demo's history with it
    assert (internal / "pandas").exists()
    assert list(internal.glob("_rl_accel*")), "reportlab's C accelerators are missing"
    # the lean bundle: Babel's locale data for the program's languages only, Qt's Danish strings
    # only, no GTK theme, no OpenSSL, no Pillow codecs beyond the core, ICU's data trimmed
    assert {p.stem for p in (internal / "babel" / "locale-data").glob("*.dat")} == {
        "root", "da", "da_DK", "en", "en_001", "en_GB"}
    assert (internal / "PySide6" / "Qt" / "translations" / "qtbase_da.qm").is_file()
    assert not list((internal / "PySide6" / "Qt" / "translations").glob("qt_*.qm"))
    assert not list(internal.rglob("libqgtk3*")) and not list(internal.rglob("libgtk-3*"))
    assert not list(internal.rglob("libssl*")) and not list(internal.rglob("_ssl*"))
    assert not list(internal.rglob("PIL/_avif*")) and not list(internal.rglob("PIL/_webp*"))
    assert not list((internal / "PySide6").glob("QtOpenGL.*"))  # the stand-in hook replaces it
    assert not (internal / "yaml").exists()  # a test tool
    # numpy without OpenBLAS (build_spec/numpy_without_blas.py): no numpy.libs, no BLAS library
    assert not (internal / "numpy.libs").exists() and not list(internal.rglob("*openblas*"))
    # Linux: the system libraries Qt's prerequisites install are the system's (lean.py's
    # LINUX_SYSTEM_LIBRARIES), and so are libcups and what only it needs; the CUPS print plugin
    # stays and uses the system's libcups
    top = {p.name for p in internal.iterdir()}
    assert not top & {"libX11.so.6", "libxcb-xkb.so.1", "libglib-2.0.so.0", "libfontconfig.so.1",
                      "libdbus-1.so.3", "libstdc++.so.6", "libcups.so.2", "libgnutls.so.30", "libkrb5.so.3",
                      "libavahi-client.so.3", "libp11-kit.so.0", "libunistring.so.2"}
    assert list(internal.glob("libpython3*.so*"))  # Python itself is always bundled
    assert (internal / "PySide6" / "Qt" / "plugins" / "printsupport" / "libcupsprintersupport.so").is_file()
    icu_data = next((internal / "PySide6" / "Qt" / "lib").glob("libicudata.so.*"))
    assert icu_data.stat().st_size < 8_000_000  # 32 MB before trimming
    bounds = json.loads((ROOT / "build_spec" / "size_bounds.json").read_text(encoding="utf-8"))
    folder = tmp_path / "dist" / "sagstal-desktop"
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    assert size <= bounds["linux_folder_mb"] * 1e6, f"the bundle is {size / 1e6:.1f} MB"
    ran = subprocess.run([str(program), "--self-test"], capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip().startswith(f"sagstal-desktop {__version__} self-test OK: 12 persons")
    assert ", history 12 snapshots, plan 6 cases" in ran.stdout
    print(f"bundle built in {seconds:.0f} s, {size / 1e6:.1f} MB")
