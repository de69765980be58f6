"""Locate the program's own files (norm data, sources, help, icons, fonts, translations).

The repository keeps ``resources/`` at its top level (design card); the build (``setup.py``)
copies it into the package as ``sagstal_desktop/resources``, and the PyInstaller spec does the
same in the bundle. They are found beside the package (through ``importlib.resources`` where
the package is not a folder on disk), in order:

1. ``$SAGSTAL_ASSETS`` (a folder holding ``resources/``), for tests and unusual installs;
2. the package's own ``sagstal_desktop/resources`` (a wheel install, or a frozen bundle);
3. the repository's ``resources/`` beside the package (a source checkout or an editable install).

A missing or unreadable file raises ``ResourceError``, whose one-line ``message()`` the CLI
prints (exit 2) and the desktop program shows in a dialog, never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE = "sagstal_desktop"


class ResourceError(RuntimeError):
    """One of the program's own files is missing or damaged (the installation is broken)."""

    def __init__(self, what: str, reason: str) -> None:
        super().__init__(f"{what}: {reason}")
        self.what = what
        self.reason = reason

    def message(self, lang: str = "da") -> str:
        """One line for the user, in Danish (default) or English."""
        from sagstal_desktop.i18n import tr

        return tr("Sagstal's own file {what} is missing or damaged ({reason}); reinstall the program.",
                  lang).format(what=self.what, reason=self.reason)


def _package_dir() -> Path:
    """The package's folder: beside its ``__init__.py`` when that is a file on disk (a checkout,
    an install), else as ``importlib.resources`` finds it (a frozen bundle, a zip), imported
    only then (it costs more than the rest of a command's start)."""
    spec = getattr(sys.modules.get(PACKAGE), "__spec__", None)
    origin = getattr(spec, "origin", None)
    if origin and os.path.basename(origin) == "__init__.py" and os.path.isfile(origin):
        return Path(origin).parent
    from importlib import resources

    return Path(str(resources.files(PACKAGE)))


def _candidates() -> list[Path]:
    """Folders that may hold ``resources/``, in the order they are tried."""
    found: list[Path] = []
    env = os.environ.get("SAGSTAL_ASSETS")
    if env:
        found.append(Path(env))
    package = _package_dir()
    found.append(package)  # installed wheel / frozen bundle: sagstal_desktop/resources
    found.append(package.parent)  # source checkout / editable install: <repo>/resources
    return found


@cache
def resources_dir() -> Path:
    """The folder ``resources/`` (norm sets, sources, help, icons, fonts)."""
    for root in _candidates():
        if (root / "resources" / "norms").is_dir():
            return root / "resources"
    raise ResourceError("resources/", "folder not found")


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/`` (it may not exist; ``load_json`` checks)."""
    return resources_dir().joinpath(*parts)


def read_text(*parts: str) -> str:
    """A text file under ``resources/``; ``ResourceError`` if it is missing or not UTF-8."""
    name = "resources/" + "/".join(parts)
    try:
        return resource_path(*parts).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ResourceError(name, "not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceError(name, str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None


def load_json(*parts: str) -> Any:
    """A JSON file under ``resources/``; ``ResourceError`` if it is missing or damaged."""
    text = read_text(*parts)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ResourceError("resources/" + "/".join(parts), f"line {exc.lineno}: {exc.msg}") from None


def locale_dir() -> Path:
    """The gettext catalogue folder ``sagstal_desktop/locale`` (``<lang>/LC_MESSAGES/*.mo``)."""
    return _package_dir() / "locale"

