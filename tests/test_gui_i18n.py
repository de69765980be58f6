"""Translations in the window: language choice and memory, Danish after switching (gettext),
Qt's own strings (qtbase_da.qm), a missing catalogue, the translation build script, and the SVG icons."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from sagstal_desktop.assets import resource_path
from sagstal_desktop.gui import qt_language
from sagstal_desktop.gui.settings import SETTINGS_FILE
from sagstal_desktop.i18n import _

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _english_afterwards(qapp):
    yield
    qt_language.install_translations(qapp, "en")


class _Greeting(QWidget):
    """A small widget that re-translates itself when the language changes."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel()
        QVBoxLayout(self).addWidget(self.label)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(_("Team settings"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def test_default_language_follows_the_system_locale(monkeypatch):
    monkeypatch.setattr(qt_language, "_system_language", lambda: "da")
    assert qt_language.preferred_language() == "da"
    monkeypatch.setattr(qt_language, "_system_language", lambda: "de")
    assert qt_language.preferred_language() == "en"


def test_language_choice_is_remembered_in_the_config_folder(monkeypatch, tmp_path):
    monkeypatch.setattr(qt_language, "_system_language", lambda: "da")
    qt_language.set_preferred_language("en")
    assert qt_language.preferred_language() == "en"  # the saved choice wins over the Danish system
    ini = Path(os.environ["SAGSTAL_CONFIG_DIR"]) / SETTINGS_FILE
    assert "language=en" in ini.read_text(encoding="utf-8")
    qt_language.set_preferred_language("da")
    monkeypatch.setattr(qt_language, "_system_language", lambda: "en")
    assert qt_language.preferred_language() == "da"
    with pytest.raises(ValueError, match="unknown language"):
        qt_language.set_preferred_language("sv")


def test_switching_to_danish_translates_open_widgets_and_new_dialogs(qapp, qtbot, demo):
    from sagstal_desktop.gui.dialogs.team_settings import TeamSettingsDialog

    qt_language.install_translations(qapp, "en")
    widget = _Greeting()
    qtbot.addWidget(widget)
    assert widget.label.text() == "Team settings"

    qt_language.switch_language(qapp, "da")
    qapp.processEvents()  # LanguageChange is delivered through the event loop
    assert widget.label.text() == "Teamindstillinger"
    assert qt_language.current_language() == "da"
    assert qt_language.preferred_language() == "da"

    dialog = TeamSettingsDialog(demo)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Teamindstillinger"
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Kommune:", "Afdeling:", "Skrevet af:", "Første budgetår:"} <= texts

    qt_language.switch_language(qapp, "en")
    qapp.processEvents()
    assert widget.label.text() == "Team settings"


def test_qt_own_buttons_are_danish_too(qapp, qtbot):
    qt_language.install_translations(qapp, "da")
    names = [p.name for p in qt_language.loaded_files()]
    assert names == ["qtbase_da.qm"]  # the program's own texts come from gettext, not a .qm
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Annuller"
    assert box.button(QDialogButtonBox.StandardButton.Close).text().replace("&", "") == "Luk"


def test_qt_translation_folder_holds_qtbase_da():
    assert any((folder / "qtbase_da.qm").is_file() for folder in qt_language.qt_translations_dirs())


def test_missing_catalogue_falls_back_to_english_with_a_warning(qapp, qtbot, demo, monkeypatch, tmp_path, caplog):
    from sagstal_desktop import i18n as text_layer
    from sagstal_desktop.gui.dialogs.team_settings import TeamSettingsDialog

    monkeypatch.setattr(text_layer, "mo_resource", lambda lang: tmp_path / "sagstal.mo")  # no catalogue
    text_layer.translator.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="sagstal_desktop.i18n"):
            qt_language.install_translations(qapp, "da")
            dialog = TeamSettingsDialog(demo)
        assert "catalogue for 'da' is missing" in caplog.text
        assert [p.name for p in qt_language.loaded_files()][-1:] == ["qtbase_da.qm"]  # Qt's own still load
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Team settings"  # the English source text
    finally:
        monkeypatch.undo()  # before clearing: widgets re-translating later must find the real catalogue
        text_layer.translator.cache_clear()


def test_english_shows_the_source_text(qapp, qtbot, demo):
    from sagstal_desktop.gui.dialogs.team_settings import TeamSettingsDialog

    qt_language.install_translations(qapp, "da")
    qt_language.install_translations(qapp, "en")  # removes Qt's Danish translator; gettext shows the msgid
    assert qt_language.loaded_files() == []
    dialog = TeamSettingsDialog(demo)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Team settings"
    assert "Municipality:" in {label.text() for label in dialog.findChildren(QLabel)}


def test_unknown_language_installs_english(qapp, caplog):
    with caplog.at_level(logging.WARNING):
        qt_language.install_translations(qapp, "xx")
    assert qt_language.current_language() == "en"
    assert "unknown language" in caplog.text


def test_build_script_reports_stale_catalogues_clearly(monkeypatch, tmp_path, capsys):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_translations
    finally:
        sys.path.pop(0)
    assert build_translations.main(["--check"]) == 0  # the committed catalogues match the code
    monkeypatch.setattr(build_translations, "PO_DIR", tmp_path)  # no .pot/.po there
    monkeypatch.setattr(build_translations, "POT", tmp_path / "sagstal.pot")
    assert build_translations.main(["--check"]) == 1
    captured = capsys.readouterr()
    assert "out of date" in captured.out and "sagstal.pot" in captured.out
    assert "run: python scripts/build_translations.py" in captured.err


def test_every_danish_message_of_the_dialogs_is_translated():
    from babel.messages.pofile import read_po

    ours = ("gui/dialogs/", "gui/models/", "gui/handlers/imports.py", "gui/handlers/memo.py")
    with (ROOT / "translations" / "da.po").open("rb") as handle:
        catalog = read_po(handle, locale="da")
    dialog_messages = [m for m in catalog if m.id and any(any(o in path for o in ours) for path, _n in m.locations)]
    assert len(dialog_messages) > 100
    untranslated = [m.id for m in dialog_messages
                    if m.fuzzy or not all(m.string if isinstance(m.string, tuple) else (m.string,))]
    assert untranslated == []


# -- icons ---------------------------------------------------------------------------------
def test_every_icon_renders_sharp_at_any_scale(qapp):
    from sagstal_desktop.gui.icons import ICON_NAMES, app_icon, icon

    shipped = {p.stem for p in resource_path("icons").glob("*.svg")}
    assert shipped == set(ICON_NAMES)
    for name in ICON_NAMES:
        ic = icon(name)
        assert not ic.isNull(), name
        image = ic.pixmap(QSize(24, 24), 2.0).toImage()  # a 200 % screen
        assert (image.width(), image.height()) == (48, 48)
        painted = sum(1 for x in range(48) for y in range(48) if image.pixelColor(x, y).alpha() > 0)
        assert 48 < painted < 48 * 48 * 0.9 or name == "sagstal", (name, painted)
        disabled = ic.pixmap(QSize(16, 16), QIcon.Mode.Disabled).toImage()
        assert max(disabled.pixelColor(x, y).alpha() for x in range(16) for y in range(16)) < 200
    assert not app_icon().isNull()
    with pytest.raises(KeyError):
        icon("no-such-icon")


def test_widgets_retranslate_even_when_no_qt_translator_changes(qapp, qtbot, monkeypatch, tmp_path):
    """Without qtbase_da.qm no Qt translator comes or goes; the switch still reaches open widgets."""
    monkeypatch.setattr(qt_language, "qt_translations_dirs", lambda: [tmp_path])  # no qtbase_*.qm anywhere
    qt_language.install_translations(qapp, "en")
    widget = _Greeting()
    qtbot.addWidget(widget)
    qt_language.install_translations(qapp, "da")
    qapp.processEvents()
    assert qt_language.loaded_files() == []
    assert widget.label.text() == "Teamindstillinger"
