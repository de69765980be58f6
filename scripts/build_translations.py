"""Build Sagstal's Qt translations.

    python scripts/build_translations.py            # compile translations/*.ts -> translations/*.qm
    python scripts/build_translations.py --update   # refresh the .ts files from the GUI sources first

``--update`` runs Qt's lupdate over ``sagstal_desktop/gui/**/*.py`` (strings marked with
``self.tr()`` or ``QCoreApplication.translate``) and merges them into ``translations/sagstal_da.ts``
and ``translations/sagstal_en.ts``; existing translations are kept, vanished strings are marked
obsolete. Compiling runs lrelease. Both tools ship with PySide6 (``PySide6/lupdate``,
``PySide6/lrelease``, or the ``pyside6-*`` wrappers beside the Python interpreter).
Exits non-zero with a message when a tool is missing or fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "translations"
SOURCES = ROOT / "sagstal_desktop" / "gui"
LANGUAGES = ("da", "en")


class BuildError(RuntimeError):
    """A translation tool is missing or failed."""


def find_tool(name: str) -> list[str]:
    """The command line that runs Qt's ``name`` ("lupdate" or "lrelease") from PySide6."""
    exe = ".exe" if os.name == "nt" else ""
    candidates: list[Path] = []
    try:
        import PySide6

        package = Path(PySide6.__file__).resolve().parent
        candidates += [package / f"{name}{exe}", package / "Qt" / "bin" / f"{name}{exe}",
                       package / "Qt" / "libexec" / f"{name}{exe}"]
    except ImportError:
        pass
    scripts = Path(sys.executable).parent
    candidates += [scripts / f"pyside6-{name}{exe}", scripts / f"pyside6-{name}"]
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return [str(path)]
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found:
        return [found]
    raise BuildError(f"Qt's {name} was not found: install PySide6 in this environment "
                     f"({sys.executable} -m pip install PySide6-Essentials)")


def _run(command: list[str]) -> None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise BuildError(f"could not run {command[0]}: {exc}") from exc
    if done.returncode != 0:
        raise BuildError(f"{Path(command[0]).name} failed (exit {done.returncode}):\n{done.stdout}{done.stderr}")
    output = (done.stdout + done.stderr).strip()
    if output:
        print(output)


def source_files() -> list[Path]:
    """The GUI's Python files, in a stable order."""
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def update() -> None:
    """Merge the GUI's strings into both .ts files."""
    files = source_files()
    if not files:
        raise BuildError(f"no Python files under {SOURCES}")
    TS_DIR.mkdir(exist_ok=True)
    lupdate = find_tool("lupdate")
    for lang in LANGUAGES:
        ts = TS_DIR / f"sagstal_{lang}.ts"
        _run([*lupdate, "-locations", "none", "-source-language", "en_GB",
              "-target-language", "da_DK" if lang == "da" else "en_GB",
              *map(str, files), "-ts", str(ts)])


def release() -> list[Path]:
    """Compile every .ts into a .qm beside it."""
    lrelease = find_tool("lrelease")
    built = []
    for lang in LANGUAGES:
        ts = TS_DIR / f"sagstal_{lang}.ts"
        if not ts.is_file():
            raise BuildError(f"{ts} is missing; run {Path(__file__).name} --update")
        qm = ts.with_suffix(".qm")
        _run([*lrelease, str(ts), "-qm", str(qm)])
        if not qm.is_file():
            raise BuildError(f"lrelease did not write {qm}")
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true",
                        help="refresh translations/*.ts from the GUI sources (pyside6-lupdate) before compiling")
    args = parser.parse_args(argv)
    try:
        if args.update:
            update()
        for qm in release():
            print(f"built {qm.relative_to(ROOT)}")
    except BuildError as exc:
        print(f"build_translations: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
