"""The typed settings: each key declared once with its default; values round-trip through the
INI file with their type; a value of the wrong type reads as the default."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray

from sagstal_desktop.gui import settings


def test_defaults_before_anything_is_saved(qapp):
    assert settings.LANGUAGE.get() == ""
    assert settings.RECENT_FILES.get() == []
    assert settings.SHOW_ALL_CASE_TYPES.get() is False
    assert settings.COLUMN_WIDTHS.get() == {}
    assert settings.WINDOW_GEOMETRY.get().isEmpty()


@pytest.mark.parametrize(("option", "value"), [
    (settings.LANGUAGE, "da"),
    (settings.RECENT_FILES, ["/a/b.sagstal", "/c.sagstal"]),
    (settings.RECENT_FILES, ["/only.sagstal"]),  # an INI file keeps a one-item list as text
    (settings.SHOW_ALL_CASE_TYPES, True),
    (settings.COLUMN_WIDTHS, {"case:sygedagpenge": 120, "fixed:0": 200}),
    (settings.MAIN_SPLITTER, QByteArray(b"\x00\x01state")),
])
def test_values_round_trip_with_their_type(qapp, option, value):
    option.set(value)
    assert option.get() == value


def test_a_value_of_the_wrong_type_reads_as_the_default(qapp):
    raw = settings.app_settings()
    raw.setValue(settings.SHOW_ALL_CASE_TYPES.key, "perhaps")
    raw.setValue(settings.COLUMN_WIDTHS.key, "[1, 2]")
    raw.setValue(settings.WINDOW_GEOMETRY.key, "not bytes")
    raw.sync()
    assert settings.SHOW_ALL_CASE_TYPES.get() is False
    assert settings.COLUMN_WIDTHS.get() == {}
    assert settings.WINDOW_GEOMETRY.get().isEmpty()


def test_every_key_is_declared_once():
    keys = [o.key for o in vars(settings).values() if isinstance(o, settings.Option)]
    assert len(keys) == len(set(keys)) >= 7
