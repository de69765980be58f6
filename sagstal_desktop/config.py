"""Where the program keeps its own files: settings, recovery copies, logs (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

from sagstal_desktop import APP_NAME, ORG_NAME


def _dirs():  # imported lazily: platformdirs is small but not needed by the core or the CLI
    from platformdirs import PlatformDirs

    return PlatformDirs(appname=APP_NAME, appauthor=ORG_NAME, roaming=False)


def data_dir() -> Path:
    """Per-user data folder (recovery files live here). ``$SAGSTAL_DATA_DIR`` overrides it."""
    override = os.environ.get("SAGSTAL_DATA_DIR")
    path = Path(override) if override else Path(_dirs().user_data_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def recovery_dir() -> Path:
    """Folder for autosaved recovery copies of open documents."""
    path = data_dir() / "recovery"
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """Per-user configuration folder. ``$SAGSTAL_CONFIG_DIR`` overrides it."""
    override = os.environ.get("SAGSTAL_CONFIG_DIR")
    path = Path(override) if override else Path(_dirs().user_config_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path
