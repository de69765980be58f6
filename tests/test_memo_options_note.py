"""The memo options dialog says when the list of every staff member goes into an appendix: a note
beside the checkbox for a team above ``memo_full_list_max_staff`` (60, resources/defaults.json),
the figure from the defaults in the language's notation; none for a team at or below it."""

from __future__ import annotations

import pytest
from conftest import TODAY
from PySide6.QtWidgets import QLabel

from sagstal_desktop.core.model import StaffMember, Team
from sagstal_desktop.gui import qt_language
from sagstal_desktop.gui.dialogs import memo_options
from sagstal_desktop.gui.dialogs.memo_options import MemoOptionsDialog


@pytest.fixture
def language(qapp):
    """Install a language for the test; English again afterwards."""
    yield lambda lang: qt_language.install_translations(qapp, lang)
    qt_language.install_translations(qapp, "en")


def _team(size: int) -> Team:
    return Team(staff=[StaffMember(name=f"Person {i}", weekly_hours=37) for i in range(size)])


def _dialog(qtbot, team: Team, lang: str) -> MemoOptionsDialog:
    dialog = MemoOptionsDialog(team, team.norm_set(), lang, None, "export", today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("lang", ["da", "en"])
def test_no_note_at_or_below_the_threshold(qtbot, language, lang):
    language(lang)
    dialog = _dialog(qtbot, _team(60), lang)
    assert dialog.full_list.isChecked()  # listed in the main text
    assert dialog.full_list_note is None and dialog.findChild(QLabel, "memoFullListNote") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("da", "Som bilag: teamet har over 60 medarbejdere"),
    ("en", "As an appendix: the team has more than 60 staff"),
])
def test_a_note_above_the_threshold(qtbot, language, lang, text):
    language(lang)
    dialog = _dialog(qtbot, _team(61), lang)
    note = dialog.findChild(QLabel, "memoFullListNote")
    assert note is dialog.full_list_note and note.text() == text and note.isVisible()
    assert not dialog.full_list.isChecked()  # an overview by default; checked, the list is the appendix
    assert dialog.full_list.text() == ("Liste over alle medarbejdere" if lang == "da" else "List every staff member")
    dialog.full_list.setChecked(True)
    assert dialog.options(TODAY).full_list is True and note.isVisible()


@pytest.mark.parametrize(("lang", "text"), [
    ("da", "Som bilag: teamet har over 1.000 medarbejdere"),
    ("en", "As an appendix: the team has more than 1,000 staff"),
])
def test_the_threshold_comes_from_the_defaults_with_thousands_separator(qtbot, language, monkeypatch, lang, text):
    language(lang)
    monkeypatch.setattr(memo_options, "full_list_max_staff", lambda: 1000)
    assert _dialog(qtbot, _team(1000), lang).full_list_note is None
    dialog = _dialog(qtbot, _team(1001), lang)
    assert dialog.full_list_note is not None and dialog.full_list_note.text() == text
    assert ("1.000" if lang == "da" else "1,000") in dialog.full_list.toolTip()
