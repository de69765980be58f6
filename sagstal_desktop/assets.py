"""Locate bundled files (resources/) in a checkout, an install or a frozen build.

The design card keeps ``resources/`` at the top level of the repository (the compiled translations
are package data: see ``sagstal_desktop.i18n``).
They are found, in order: ``$SAGSTAL_ASSETS`` (a folder holding ``resources/``), the PyInstaller bundle
(``sys._MEIPASS``), the repository beside this package (source checkout or editable install),
and ``<prefix>/share/sagstal`` (a regular wheel install, see ``[tool.setuptools.data-files]``).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


def _candidates() -> list[Path]:
    found: list[Path] = []
    env = os.environ.get("SAGSTAL_ASSETS")
    if env:
        found.append(Path(env))
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        found.append(Path(frozen))
    found.append(Path(__file__).resolve().parent.parent)
    found.append(Path(sys.prefix) / "share" / "sagstal")
    return found


@cache
def asset_root() -> Path:
    """The folder that holds ``resources/``."""
    for root in _candidates():
        if (root / "resources" / "norms").is_dir():
            return root
    raise FileNotFoundError("Sagstal's resources/ folder was not found; reinstall the program.")


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/``."""
    return asset_root().joinpath("resources", *parts)
