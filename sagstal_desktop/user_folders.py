"""Where the program keeps its own files: settings, recovery copies, logs (platformdirs).

Every folder here is private to the user (0700 on POSIX; on Windows the per-user application
data folder, which other accounts cannot read): recovery copies hold the team's personal data."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from sagstal_desktop import APP_NAME, ORG_NAME
from sagstal_desktop.io.safe_files import private_dir


@cache
def _dirs():  # imported lazily: platformdirs is small but not needed by the core or the CLI
    from platformdirs import PlatformDirs

    return PlatformDirs(appname=APP_NAME, appauthor=ORG_NAME, roaming=False)


def data_dir() -> Path:
    """Per-user data folder (recovery files live here). ``$SAGSTAL_DATA_DIR`` overrides it."""
    override = os.environ.get("SAGSTAL_DATA_DIR")
    path = Path(override) if override else Path(_dirs().user_data_dir)
    return private_dir(path)


def recovery_dir() -> Path:
    """Folder for autosaved recovery copies of open documents."""
    return private_dir(data_dir() / "recovery")


def config_dir() -> Path:
    """Per-user configuration folder. ``$SAGSTAL_CONFIG_DIR`` overrides it."""
    override = os.environ.get("SAGSTAL_CONFIG_DIR")
    path = Path(override) if override else Path(_dirs().user_config_dir)
    return private_dir(path)
