"""Translations: language choice and memory, Danish after switching, Qt's own strings, missing .qm
files, the translation build script, and the SVG icons."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from sagstal_desktop.assets import resource_path
from sagstal_desktop.gui import i18n
from sagstal_desktop.gui.settings import SETTINGS_FILE

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _english_afterwards(qapp):
    yield
    i18n.install_translations(qapp, "en")


class _Greeting(QWidget):
    """A small widget that re-translates itself when the language changes."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel()
        QVBoxLayout(self).addWidget(self.label)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(QCoreApplication.translate("TeamSettingsDialog", "Team settings"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def test_default_language_follows_the_system_locale(monkeypatch):
    monkeypatch.setattr(i18n, "_system_language", lambda: "da")
    assert i18n.preferred_language() == "da"
    monkeypatch.setattr(i18n, "_system_language", lambda: "de")
    assert i18n.preferred_language() == "en"


def test_language_choice_is_remembered_in_the_config_folder(monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "_system_language", lambda: "da")
    i18n.set_preferred_language("en")
    assert i18n.preferred_language() == "en"  # the saved choice wins over the Danish system
    ini = Path(os.environ["SAGSTAL_CONFIG_DIR"]) / SETTINGS_FILE
    assert "language=en" in ini.read_text(encoding="utf-8")
    i18n.set_preferred_language("da")
    monkeypatch.setattr(i18n, "_system_language", lambda: "en")
    assert i18n.preferred_language() == "da"
    with pytest.raises(ValueError, match="unknown language"):
        i18n.set_preferred_language("sv")


def test_switching_to_danish_translates_open_widgets_and_new_dialogs(qapp, qtbot, demo):
    from sagstal_desktop.gui.dialogs.team_settings import TeamSettingsDialog

    i18n.install_translations(qapp, "en")
    widget = _Greeting()
    qtbot.addWidget(widget)
    assert widget.label.text() == "Team settings"

    i18n.switch_language(qapp, "da")
    qapp.processEvents()  # LanguageChange is delivered through the event loop
    assert widget.label.text() == "Teamindstillinger"
    assert i18n.current_language() == "da"
    assert i18n.preferred_language() == "da"

    dialog = TeamSettingsDialog(demo)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Teamindstillinger"
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Kommune:", "Afdeling:", "Skrevet af:", "Første budgetår:"} <= texts

    i18n.switch_language(qapp, "en")
    qapp.processEvents()
    assert widget.label.text() == "Team settings"


def test_qt_own_buttons_are_danish_too(qapp, qtbot):
    i18n.install_translations(qapp, "da")
    names = [p.name for p in i18n.loaded_files()]
    assert names == ["sagstal_da.qm", "qtbase_da.qm"]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Annuller"
    assert box.button(QDialogButtonBox.StandardButton.Close).text().replace("&", "") == "Luk"


def test_qt_translation_folder_holds_qtbase_da():
    assert any((folder / "qtbase_da.qm").is_file() for folder in i18n.qt_translations_dirs())


def test_missing_qm_falls_back_to_english_with_a_warning(qapp, qtbot, demo, monkeypatch, tmp_path, caplog):
    from sagstal_desktop.gui.dialogs.team_settings import TeamSettingsDialog

    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)  # an empty folder: no .qm
    with caplog.at_level(logging.WARNING, logger="sagstal_desktop.gui.i18n"):
        i18n.install_translations(qapp, "da")
    assert "sagstal_da.qm is missing" in caplog.text
    assert [p.name for p in i18n.loaded_files()] == ["qtbase_da.qm"]  # Qt's own still load
    dialog = TeamSettingsDialog(demo)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Team settings"  # the English source text


def test_english_qm_shows_the_source_text(qapp, qtbot, demo):
    from sagstal_desktop.gui.dialogs.team_settings import TeamSettingsDialog

    i18n.install_translations(qapp, "da")
    i18n.install_translations(qapp, "en")  # replaces the Danish translators
    assert [p.name for p in i18n.loaded_files()] == ["sagstal_en.qm"]
    dialog = TeamSettingsDialog(demo)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Team settings"
    assert "Municipality:" in {label.text() for label in dialog.findChildren(QLabel)}


def test_unknown_language_installs_english(qapp, caplog):
    with caplog.at_level(logging.WARNING):
        i18n.install_translations(qapp, "xx")
    assert i18n.current_language() == "en"
    assert "unknown language" in caplog.text


def test_build_script_finds_the_tools_and_fails_clearly(monkeypatch, tmp_path, capsys):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_translations
    finally:
        sys.path.pop(0)
    for tool in ("lupdate", "lrelease"):
        assert Path(build_translations.find_tool(tool)[0]).is_file()
    monkeypatch.setattr(build_translations, "TS_DIR", tmp_path)  # no .ts files there
    assert build_translations.main([]) == 1
    assert "sagstal_da.ts is missing" in capsys.readouterr().err
    monkeypatch.setattr(build_translations, "find_tool", lambda name: ["/nonexistent/lrelease"])
    (tmp_path / "sagstal_da.ts").write_text("x", encoding="utf-8")
    assert build_translations.main([]) == 1
    assert "could not run" in capsys.readouterr().err


def test_every_danish_message_of_the_dialogs_is_translated():
    import xml.etree.ElementTree as ET

    ours = {"AboutDialog", "HelpDialog", "NewNormSetDialog", "NormSetEditorDialog", "NormTableModel",
            "TeamSettingsDialog"}
    root = ET.parse(ROOT / "translations" / "sagstal_da.ts").getroot()
    untranslated = [
        (ctx.findtext("name"), msg.findtext("source"))
        for ctx in root.iter("context") if ctx.findtext("name") in ours
        for msg in ctx.iter("message")
        if msg.find("translation").get("type") in ("unfinished", None) and not msg.findtext("translation")
    ]
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
