"""The layering rules in pyproject.toml ([tool.importlinter]) hold, and they do catch a breach.

CI also runs ``lint-imports`` directly (scripts/test.sh); these tests make sure the contracts
are not vacuous: a copy of the package with one forbidden import must break them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT.exists(), reason="import-linter is installed by scripts/bootstrap.sh")


def _lint(cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run([str(LINT), "--config", str(cwd / "pyproject.toml"), "--no-cache"], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False, timeout=120)


def test_the_tree_keeps_every_contract():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("core/_breach.py", "import PySide6.QtCore\n", "core is pure Python"),
    ("core/_breach.py", "def f():\n    import pandas\n", "core is pure Python"),
    ("io/_breach.py", "from sagstal_desktop.gui import app\n", "io and report import no gui"),
    ("report/_breach.py", "from sagstal_desktop.cli import common\n", "io and report import no gui"),
    ("gui/_breach.py", "import sagstal_desktop.cli\n", "gui imports no cli"),
])
def test_a_forbidden_import_breaks_its_contract(tmp_path, module, line, contract):
    shutil.copytree(ROOT / "sagstal_desktop", tmp_path / "sagstal_desktop",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "sagstal_desktop" / module).write_text(f'"""A deliberate breach."""\n{line}', encoding="utf-8")
    result = _lint(tmp_path)
    assert result.returncode != 0
    broken = [row for row in result.stdout.splitlines() if row.rstrip().endswith("BROKEN")]
    assert any(contract in row for row in broken) or contract in result.stdout.split("Broken contracts")[-1]
