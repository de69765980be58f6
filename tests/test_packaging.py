"""Packaging: the wheel carries the program's own files; the program finds them through
``sagstal_desktop.assets``; a missing or damaged file gives one clear line (exit 2), never a
traceback; ``sagstal-desktop --self-test`` passes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sagstal_desktop import __version__, assets

ROOT = Path(__file__).resolve().parent.parent
_NOT_COPIED = shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
                                     ".ruff_cache", ".hypothesis", "*.qm")


def _run(args: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=300, env=env, cwd=cwd)


def _broken_assets(tmp_path: Path, damage) -> dict[str, str]:
    copy = tmp_path / "assets"
    shutil.copytree(assets.resources_dir(), copy / "resources")
    damage(copy / "resources")
    return dict(os.environ, SAGSTAL_ASSETS=str(copy), QT_QPA_PLATFORM="offscreen")


def test_assets_are_found_and_read():
    assert (assets.resources_dir() / "norms" / "ds_current.json").is_file()
    assert "case_types" in assets.load_json("norms", "case_types.json")
    assert "{{SOURCES}}" in assets.read_text("help", "help_da.html")


def test_a_missing_file_is_a_resource_error_with_one_line(tmp_path, monkeypatch):
    (tmp_path / "resources" / "norms").mkdir(parents=True)
    monkeypatch.setattr(assets, "_candidates", lambda: [tmp_path])
    assets.resources_dir.cache_clear()
    try:
        with pytest.raises(assets.ResourceError) as caught:
            assets.load_json("norms", "ds_current.json")
    finally:
        assets.resources_dir.cache_clear()
    assert caught.value.what == "resources/norms/ds_current.json"
    assert "installér programmet igen" in caught.value.message("da")
    assert "reinstall" in caught.value.message("en") and "\n" not in caught.value.message("en")


@pytest.mark.parametrize("damage", [
    lambda res: (res / "norms" / "ds_2020.json").write_text("{ not json", encoding="utf-8"),
    lambda res: (res / "norms" / "case_types.json").unlink(),
])
def test_cli_reports_a_broken_installation_in_one_line(tmp_path, damage):
    env = _broken_assets(tmp_path, damage)
    done = _run([sys.executable, "-m", "sagstal_desktop", "demo", "-o", str(tmp_path / "d.sagstal")], env=env)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert "resources/norms/" in lines[0] and "installér programmet igen" in lines[0]


def test_desktop_reports_a_broken_installation_in_one_line(tmp_path):
    env = _broken_assets(tmp_path, lambda res: (res / "norms" / "ds_2020.json").write_text("[", encoding="utf-8"))
    done = _run([sys.executable, "-m", "sagstal_desktop.gui.app", "--self-test", "--lang", "en"], env=env)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "Sagstal's own file resources/norms/ds_2020.json is missing or damaged" in done.stderr


_WINDOW_WITH_BROKEN_ASSETS = """
import sys
from PySide6.QtWidgets import QApplication, QMessageBox
shown = []
QMessageBox.critical = staticmethod(lambda parent, title, text, *a, **k: shown.append(text))
app = QApplication(sys.argv[:1])
from sagstal_desktop.gui.app import main
code = main(["--demo", "--lang", "en"])
print("dialogs:", len(shown), shown[0] if shown else "")
sys.exit(code)
"""


@pytest.mark.parametrize("damage", [
    lambda res: (res / "norms" / "ds_2020.json").write_text("[", encoding="utf-8"),
    lambda res: (res / "icons" / "save.svg").unlink(),
])
def test_the_window_reports_a_broken_installation_found_after_its_frame(tmp_path, damage):
    """The window paints its frame before it reads the norm data and icons; a file found missing
    or damaged then is still one line on stderr and one dialog, exit code 2, no traceback."""
    env = _broken_assets(tmp_path, damage)
    env["SAGSTAL_CONFIG_DIR"], env["SAGSTAL_DATA_DIR"] = str(tmp_path / "config"), str(tmp_path / "data")
    done = _run([sys.executable, "-c", _WINDOW_WITH_BROKEN_ASSETS], env=env)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    errors = [ln for ln in done.stderr.splitlines() if ln.startswith("sagstal-desktop:")]
    assert len(errors) == 1 and "is missing or damaged" in errors[0]
    assert "dialogs: 1 " in done.stdout and "reinstall" in done.stdout


def test_the_desktop_shows_a_dialog_for_a_broken_installation(monkeypatch, qapp):
    from PySide6.QtWidgets import QMessageBox

    from sagstal_desktop.gui import app

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    code = app._report_broken_install(assets.ResourceError("resources/icons/new.svg", "not found"), "da",
                                      quiet=False)
    assert code == 2
    assert shown == ["Sagstals egen fil resources/icons/new.svg mangler eller er beskadiget (not found); "
                     "installér programmet igen."]


def test_self_test_opens_the_demo_writes_a_memo_and_exits_0():
    done = _run([sys.executable, "-m", "sagstal_desktop.gui.app", "--self-test"],
                env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"sagstal-desktop {__version__} self-test OK: 12 persons, memo ")


@pytest.mark.slow
def test_the_wheel_carries_resources_and_catalogues(tmp_path):
    """Build the wheel from a copy of the source tree (with a stand-in gettext catalogue, to
    check the ``locale/**/*.mo`` package-data glob) and list what it holds."""
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=_NOT_COPIED)
    mo = src / "sagstal_desktop" / "locale" / "da" / "LC_MESSAGES" / "sagstal.mo"
    if not mo.is_file():
        mo.parent.mkdir(parents=True, exist_ok=True)
        mo.write_bytes(b"\xde\x12\x04\x95" + bytes(24))  # an empty catalogue's header
    done = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(src)])
    assert done.returncode == 0, done.stderr
    (wheel,) = (tmp_path / "dist").glob("sagstal_desktop-*.whl")
    assert wheel.name.startswith(f"sagstal_desktop-{__version__}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"sagstal_desktop/resources/{p.relative_to(ROOT / 'resources').as_posix()}"
               for p in (ROOT / "resources").rglob("*") if p.is_file()}
    assert shipped <= names
    for wanted in ("norms/ds_current.json", "norms/case_types.json", "fonts/DejaVuSans.ttf", "icons/sagstal.svg",
                   "icons/sagstal.ico", "help/help_da.html", "help/help_en.html", "reference/ds_survey_2023.json"):
        assert f"sagstal_desktop/resources/{wanted}" in names
    assert "sagstal_desktop/locale/da/LC_MESSAGES/sagstal.mo" in names
    assert not any(n.startswith(("tests/", "resources/", "bench/")) for n in names)
    entry_points = zipfile.ZipFile(wheel).read(
        f"sagstal_desktop-{__version__}.dist-info/entry_points.txt").decode()
    assert "sagstal = sagstal_desktop.cli:main" in entry_points
    assert "sagstal-desktop = sagstal_desktop.gui.app:main" in entry_points


@pytest.mark.slow
def test_the_sdist_carries_resources_and_builds_a_complete_wheel(tmp_path):
    """``pip install`` of an sdist builds the wheel from it: resources/ must travel in the sdist."""
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=_NOT_COPIED)
    done = _run([sys.executable, "-c", "import sys; from setuptools import build_meta; "
                 "print(build_meta.build_sdist(sys.argv[1]))", str(tmp_path / "sdist")], cwd=src)
    assert done.returncode == 0, done.stderr
    (sdist,) = (tmp_path / "sdist").glob("sagstal?desktop-*.tar.gz")
    import tarfile

    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert {"setup.py", "MANIFEST.in", "resources/norms/ds_current.json", "resources/icons/sagstal.ico"} <= names
    done = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(sdist)])
    assert done.returncode == 0, done.stderr
    (wheel,) = (tmp_path / "dist").glob("sagstal_desktop-*.whl")
    assert "sagstal_desktop/resources/norms/ds_current.json" in zipfile.ZipFile(wheel).namelist()


def test_the_package_folder_is_the_one_importlib_resources_gives(monkeypatch):
    """``assets._package_dir`` takes the folder of the package's ``__init__.py`` (no import of
    ``importlib.resources`` on a command's start); where that is no file on disk (a frozen
    bundle) it asks ``importlib.resources``, which gives the same folder here."""
    from importlib import resources

    expected = Path(str(resources.files("sagstal_desktop")))
    assert assets._package_dir() == expected
    monkeypatch.setattr(assets.os.path, "isfile", lambda path: False)  # as in a bundle: no such file
    assert assets._package_dir() == expected
