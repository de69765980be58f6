"""The stand-alone bundle: ``scripts/build_bundle.sh`` builds ``build_spec/sagstal.spec`` and the
built program passes its own ``--self-test`` (slow: about 35-60 s on two cores; CI runs it)."""

from __future__ import annotations

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
                           timeout=900)
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
    ran = subprocess.run([str(program), "--self-test"], capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip().startswith(f"sagstal-desktop {__version__} self-test OK: 12 persons")
    assert ", history 12 snapshots" in ran.stdout
    print(f"bundle built in {seconds:.0f} s")
