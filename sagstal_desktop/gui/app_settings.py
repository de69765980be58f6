"""The program's own QSettings: one INI file in the user's configuration folder.

An INI file under ``config.config_dir()`` (not the platform registry) keeps the settings in one
readable place and lets tests point it elsewhere with ``$SAGSTAL_CONFIG_DIR``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from sagstal_desktop.config import config_dir
from sagstal_desktop.safe_files import make_private

SETTINGS_FILE = "sagstal.ini"


def app_settings() -> QSettings:
    """A QSettings object on the program's INI file (create one when needed; they are cheap)."""
    path = config_dir() / SETTINGS_FILE  # the folder is private; the file is made so too
    if path.exists():
        make_private(path)
    return QSettings(str(path), QSettings.Format.IniFormat)
