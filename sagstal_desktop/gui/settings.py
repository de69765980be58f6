"""The program's own settings (QSettings), each key declared once with its type and default.

One INI file under ``user_folders.config_dir()`` (not the platform registry) keeps the settings in one
readable place and lets tests point it elsewhere with ``$SAGSTAL_CONFIG_DIR``. Code reads and
writes settings only through the options below (``RECENT_FILES.get()``,
``LANGUAGE.set("da")``), never by a key string; a stored value of the wrong type reads as the
default.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from sagstal_desktop.io.safe_files import make_private
from sagstal_desktop.user_folders import config_dir

SETTINGS_FILE = "sagstal.ini"
T = TypeVar("T")


def app_settings() -> QSettings:
    """A QSettings object on the program's INI file (create one when needed; they are cheap)."""
    path = config_dir() / SETTINGS_FILE  # the folder is private (0700); the file is made so too
    if path.exists():
        make_private(path)
    else:  # created private before Qt writes it: Qt keeps an existing file's mode when it saves
        with contextlib.suppress(OSError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return QSettings(str(path), QSettings.Format.IniFormat)


@dataclass(frozen=True)
class Option(Generic[T]):
    """One setting: its key, its default, and how a stored value is read back."""

    key: str
    default: T

    def get(self) -> T:
        raw = app_settings().value(self.key)
        if raw is None:
            return self._copy_default()
        try:
            return self.convert(raw)
        except (TypeError, ValueError):
            return self._copy_default()

    def set(self, value: T) -> None:
        settings = app_settings()
        settings.setValue(self.key, self.store(value))
        settings.sync()
        make_private(Path(settings.fileName()))

    def _copy_default(self) -> T:
        return json.loads(json.dumps(self.default)) if isinstance(self.default, list | dict) else self.default

    def convert(self, raw: Any) -> T:
        """A stored value as this option's type (raises TypeError/ValueError if it is not one)."""
        raise NotImplementedError

    def store(self, value: T) -> Any:
        return value


class TextOption(Option[str]):
    def convert(self, raw: Any) -> str:
        if not isinstance(raw, str):
            raise TypeError(self.key)
        return raw


class BoolOption(Option[bool]):
    def convert(self, raw: Any) -> bool:
        if isinstance(raw, bool):
            return raw
        if str(raw).lower() in ("true", "1"):
            return True
        if str(raw).lower() in ("false", "0"):
            return False
        raise ValueError(self.key)


class TextListOption(Option[list]):
    """A list of texts (an INI file stores a one-item list as a plain text)."""

    def convert(self, raw: Any) -> list[str]:
        items = [raw] if isinstance(raw, str) else list(raw)
        return [str(item) for item in items if item]

    def store(self, value: list) -> Any:
        return [str(item) for item in value]


class JsonOption(Option[dict]):
    """A small mapping stored as JSON text."""

    def convert(self, raw: Any) -> dict:
        value = json.loads(raw or "{}")
        if not isinstance(value, dict):
            raise TypeError(self.key)
        return value

    def store(self, value: dict) -> Any:
        return json.dumps(value)


class BytesOption(Option[QByteArray]):
    """Saved Qt state (window geometry, splitter sizes); empty when never saved."""

    def convert(self, raw: Any) -> QByteArray:
        if not isinstance(raw, QByteArray):
            raise TypeError(self.key)
        return raw

    def _copy_default(self) -> QByteArray:
        return QByteArray()


#: The interface language ("da" or "en"); "" until chosen.
LANGUAGE = TextOption("ui/language", "")
#: Recently opened team files, newest first.
RECENT_FILES = TextListOption("files/recent", [])
MAX_RECENT_FILES = 8
#: The main window's geometry as saved before places were kept per screen (read once, as a fallback).
WINDOW_GEOMETRY = BytesOption("window/geometry", QByteArray())
#: The main window's place per screen ("<screen name> <w>x<h>": [x, y, width, height, maximized])
#: and the screen it was last closed on ("last"); see ``screen_fit.restore_window_geometry``.
WINDOW_PLACES = JsonOption("window/places", {})
#: The main window's two splitters.
MAIN_SPLITTER = BytesOption("window/mainSplitter", QByteArray())
BOTTOM_SPLITTER = BytesOption("window/bottomSplitter", QByteArray())
#: Staff table: a column for every case type of the norm set, and column widths by column key.
SHOW_ALL_CASE_TYPES = BoolOption("table/show_all_case_types", False)
COLUMN_WIDTHS = JsonOption("table/column_widths", {})
#: Sizes of the dialogs the user resized (memo preview, help, norm editor...), by
#: "<object name>@<screen name> <w>x<h>" (``screen_fit.remember_size``).
WINDOW_SIZES = JsonOption("window/sizes", {})
