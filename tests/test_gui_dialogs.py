"""GUI-B's dialogs driven with qtbot: own norm sets, team settings, help and about, and a layout
check of every dialog (nothing clipped, Danish text whole) with a screenshot saved per dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QDialog, QLabel, QLineEdit, QWidget

from sagstal_desktop import __version__
from sagstal_desktop.core.load import Status, summarize
from sagstal_desktop.core.model import StaffMember, Team, TeamInfo, TeamSettings
from sagstal_desktop.core.norms import builtin_norm_sets, find_norm_set
from sagstal_desktop.core.sources import documents
from sagstal_desktop.core.survey import survey_2023
from sagstal_desktop.gui import qt_language
from sagstal_desktop.gui.dialogs.about import AboutDialog
from sagstal_desktop.gui.dialogs.help import HelpDialog, help_html
from sagstal_desktop.gui.dialogs.norm_editor import NewNormSetDialog, NormSetEditorDialog
from sagstal_desktop.gui.dialogs.team_settings import TeamSettingsDialog
from sagstal_desktop.gui.models.norm_table_model import COL_MAX, COL_MIN, COL_SOURCE
from sagstal_desktop.io.document import load_team, save_team

ROOT = Path(__file__).resolve().parent.parent
NOTE = "Byrådets beslutning om loft, 2026"




def _ceiling_dialog(qtbot, team: Team) -> NormSetEditorDialog:
    """A norm editor with a new set "Loft 2026" copied from DS 2020, sygedagpenge max set to 45
    through the table view's own editor."""
    dialog = NormSetEditorDialog(team)
    qtbot.addWidget(dialog)
    dialog.create_set("ds_2020", "Loft 2026", NOTE)
    model = dialog.model
    index = model.index(model.row_of("sygedagpenge"), COL_MAX)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    editor = dialog.table.findChild(QLineEdit)
    assert editor is not None and editor.text() == "50"
    editor.selectAll()
    qtbot.keyClicks(editor, "45")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.data(index) == "45", timeout=2000)  # the view commits through the event loop
    return dialog


# -- own norm sets ---------------------------------------------------------------------------
def test_ceiling_set_from_ds_2020_measures_the_team(qtbot, danish):
    team = Team(staff=[StaffMember("A", 37.0, counts={"sygedagpenge": 45}),
                       StaffMember("B", 30.0, other_hours=5.0, counts={"sygedagpenge": 20, "jobafklaring": 9})])
    dialog = _ceiling_dialog(qtbot, team)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    (ceiling,) = dialog.custom_norm_sets()
    assert ceiling.kind == "custom" and ceiling.based_on == "ds_2020" and ceiling.name_da == "Loft 2026"
    assert ceiling.description_da == NOTE
    norm = ceiling.norm_for("sygedagpenge")
    assert (norm.min, norm.max) == (35.0, 45.0)
    assert norm.source.document == "local" and norm.source.section == NOTE
    assert ceiling.norm_for("jobafklaring").max == 45.0  # DS 2020's own figure, unchanged
    assert ceiling.norm_for("born_familie").max == find_norm_set("ds_2020").norm_for("born_familie").max
    assert ceiling.id not in {s.id for s in builtin_norm_sets()}
    assert team.custom_norm_sets == []  # the dialog never changes the team itself

    team.custom_norm_sets = dialog.custom_norm_sets()
    team.settings.norm_set_id = ceiling.id
    summary = summarize(team)
    a, b = summary.persons
    assert a.load_max == pytest.approx(1.0)  # 45 / 45 / 1 = 100 %
    assert a.status is Status.WITHIN
    assert b.load_max == pytest.approx((20 / 45 + 9 / 45) / (25 / 37))  # 95.4 %
    assert summary.fte_needed_max == pytest.approx(65 / 45 + 9 / 45)
    assert summary.available_fte == pytest.approx(1 + 25 / 37)


def test_own_set_survives_saving_and_keeps_its_id(qtbot, tmp_path):
    team = Team()
    dialog = NormSetEditorDialog(team)
    qtbot.addWidget(dialog)
    first = dialog.create_set("ds_2020", "Loft 2026", NOTE)
    second = dialog.create_set("ds_current", "Loft B")
    assert first.id != second.id
    dialog.set_list.setCurrentRow(0)
    model = dialog.model
    assert model.setData(model.index(model.row_of("sygedagpenge"), COL_MAX), "45")
    assert dialog.rename_current("Loft 2027")
    sets = dialog.custom_norm_sets()
    assert [s.id for s in sets] == [first.id, second.id]  # stable through edit and rename
    assert sets[0].name_da == "Loft 2027" and sets[0].norm_for("sygedagpenge").max == 45.0

    team.custom_norm_sets = sets
    team.settings.norm_set_id = first.id
    back = load_team(save_team(team, tmp_path / "t.sagstal"))
    assert back.norm_set().id == first.id
    assert back.norm_set().norm_for("sygedagpenge").max == 45.0
    assert back.norm_set().name_da == "Loft 2027"


def test_invalid_min_or_max_is_refused_with_a_message(qtbot, danish):
    dialog = _ceiling_dialog(qtbot, Team())
    before = dialog.custom_norm_sets()
    model = dialog.model
    row = model.row_of("sygedagpenge")
    cases = [
        (COL_MIN, "50", ["Sygedagpenge", "Min.", "\"50\"", "min. 50, maks. 45"]),  # min above max
        (COL_MIN, "0", ["\"0\"", "over 0"]),
        (COL_MAX, "abc", ["Sygedagpenge", "Maks.", "\"abc\" er ikke et tal"]),
        (COL_MAX, "-5", ["\"-5\""]),
    ]
    for column, value, expected in cases:
        assert not model.setData(model.index(row, column), value)
        assert dialog.error.isVisibleTo(dialog)
        for part in expected:
            assert part in dialog.error.text(), (value, dialog.error.text())
        assert dialog.custom_norm_sets() == before  # nothing changed
        assert model.data(model.index(row, COL_MAX)) == "45"
    assert model.setData(model.index(row, COL_MIN), "37,5")  # Danish decimal comma
    assert dialog.custom_norm_sets()[0].norm_for("sygedagpenge").min == 37.5
    assert not dialog.error.isVisibleTo(dialog)
    assert "Byrådets" in model.data(model.index(row, COL_SOURCE))


def test_rename_delete_and_the_set_in_use(qtbot, danish):
    team = Team()
    dialog = NormSetEditorDialog(team)
    qtbot.addWidget(dialog)
    used = dialog.create_set("ds_2020", "Loft A")
    other = dialog.create_set("ds_2020", "Loft B")
    assert not dialog.rename_current("  ")
    assert "navn" in dialog.error.text()
    assert not dialog.rename_current("loft a")  # names are unique, ignoring case
    assert "findes allerede" in dialog.error.text()

    team2 = Team(custom_norm_sets=[used, other], settings=TeamSettings(norm_set_id=used.id))
    dialog2 = NormSetEditorDialog(team2)
    qtbot.addWidget(dialog2)
    dialog2.set_list.setCurrentRow(0)
    assert not dialog2.delete_current()
    assert "måles mod" in dialog2.error.text()
    dialog2.set_list.setCurrentRow(1)
    assert dialog2.delete_current()
    assert [s.id for s in dialog2.custom_norm_sets()] == [used.id]
    dialog2.reject()
    assert team2.custom_norm_sets == [used, other]


def test_new_set_dialog_checks_the_name(qtbot, danish):
    dialog = NewNormSetDialog({"Loft 2026"}, "da")
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "navn" in dialog.error.text()
    dialog.name.setText("loft 2026")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "findes allerede" in dialog.error.text()
    dialog.base.setCurrentIndex(dialog.base.findData("ds_2020"))
    dialog.name.setText(" Loft 2027 ")
    dialog.note.setText(NOTE)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values() == ("ds_2020", "Loft 2027", NOTE)


# -- team settings -----------------------------------------------------------------------------
def test_settings_round_trip_unchanged(qtbot, demo, danish):
    dialog = TeamSettingsDialog(demo)
    qtbot.addWidget(dialog)
    assert dialog.cost_per_fte.text() == "396.900"
    assert dialog.newcomer_reduction.text() == "25"
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_info() == demo.info
    assert dialog.result_settings() == demo.settings


def test_settings_every_field(qtbot, demo):
    dialog = TeamSettingsDialog(demo)
    qtbot.addWidget(dialog)
    dialog.municipality.setText(" Aarhus Kommune ")
    dialog.department.setText("Jobcenter")
    dialog.team_name.setText("Team Syd")
    dialog.author_role.setCurrentIndex(dialog.author_role.findData("tr"))
    dialog.newcomer_reduction.setText("12,5 %")
    dialog.newcomer_months.setValue(4)
    dialog.cost_per_fte.setText("550.000,50 kr.")
    dialog.cost_source.setText("Økonomi, 2026")
    dialog.budget_years.setValue(3)
    dialog.budget_first_year.setText("2028")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_info() == TeamInfo("Aarhus Kommune", "Jobcenter", "Team Syd", "tr")
    settings = dialog.result_settings()
    assert settings == TeamSettings(norm_set_id=demo.settings.norm_set_id, newcomer_reduction=0.125,
                                    newcomer_months=4, cost_per_fte=550000.5, cost_source="Økonomi, 2026",
                                    budget_years=3, budget_first_year=2028)

    again = TeamSettingsDialog(Team(info=dialog.result_info(), settings=settings))
    qtbot.addWidget(again)
    again.cost_per_fte.setText("")  # empty = no cost figure
    again.budget_first_year.setText("")
    again.accept()
    assert again.result_settings().cost_per_fte is None
    assert again.result_settings().budget_first_year is None
    assert again.result_settings().newcomer_reduction == 0.125


@pytest.mark.parametrize(("field", "value", "message"), [
    ("cost_per_fte", "abc", "Udgift pr. fuldtidsansat: \"abc\" er ikke et tal"),
    ("cost_per_fte", "-100", "\"-100\" er negativ"),
    ("newcomer_reduction", "150", "Kapaciteten nedsættes med: \"150\" ligger uden for 0-100 %"),
    ("newcomer_reduction", "", "skal udfyldes"),
    ("budget_first_year", "1800", "\"1800\" er ikke et årstal"),
    ("budget_first_year", "2027,5", "\"2027,5\" er ikke et helt antal"),
])
def test_settings_refuse_bad_values(qtbot, demo, danish, field, value, message):
    dialog = TeamSettingsDialog(demo)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.municipality.setText("Changed")
    getattr(dialog, field).setText(value)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert message in dialog.error.text()
    assert dialog.result_info() == demo.info and dialog.result_settings() == demo.settings  # nothing changed


# -- help and about ----------------------------------------------------------------------------
def test_help_explains_the_load_model_in_danish(qtbot):
    dialog = HelpDialog(None, "da")
    qtbot.addWidget(dialog)
    text = dialog.plain_text()
    for phrase in ("Sådan regner Sagstal", "c = (ugentlige timer − timer til andre opgaver) / 37",
                   "Vægtet belastning", "L = 45 / 45 / 1 = 100 %", "lokal antagelse", "ingen størrelse",
                   "Fuldtidsomregnet sagstal = antal sager × 37 / sagsbehandlingstimer",
                   "Årsværk der skal til ved DS' maksimum", "Mangel", "ingen standardpris",
                   "Ekstra årsværk = sager / målsagstal − sager / nuværende sagstal",
                   "afrundet til nærmeste hele tal", "30 af 52 svar giver 58 %", "Byrådets beslutning om loft"):
        assert phrase in text, phrase
    survey = survey_2023()
    assert f"{survey.sent} fik spørgeskemaet, {survey.answered} svarede (49,9 %)" in text
    assert f"{survey.overall_within} af {survey.overall_answers} svar" in text
    assert "nedsættes med 25 % i de første 6 måneder" in text  # from resources/defaults.json
    for norm_set in builtin_norm_sets():
        assert norm_set.name("da") in text
    assert "Sygedagpenge: Jobafklaringsforløb" in text and "25-45" in text
    assert "{{" not in help_html("da")


def test_help_in_english(qtbot):
    dialog = HelpDialog(None, "en")
    qtbot.addWidget(dialog)
    text = dialog.plain_text()
    assert "How Sagstal computes" in text and "Weighted load" in text and "local assumption" in text
    assert "(49.9%)" in text and "capacity reduced by 25% for the first 6 months" in text
    assert "Vægtet" not in text


def test_about_names_version_and_every_source(qtbot, danish):
    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Om Sagstal"
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"Version {__version__}" in labels
    text = dialog.plain_text()
    for doc in documents().values():
        if doc.id != "local":
            assert doc.title("da") in text
    assert "offline" in text and "MIT" in text


# -- layout: nothing clipped -------------------------------------------------------------------
def _in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    """Whether ``widget`` sits inside a scroll area's viewport (below ``top``)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return True
        parent = parent.parentWidget()
    return False


def _clipped(dialog: QWidget, *, scrolled_ok: bool = False) -> list[str]:
    """Controls of ``dialog`` outside it or cut off (``scrolled_ok``: those in a scroll area
    are reached by scrolling)."""
    problems = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog) or isinstance(widget, QLineEdit):
            continue
        if scrolled_ok and _in_scroll_area(widget, dialog):
            continue  # reached by scrolling
        top_left = widget.mapTo(dialog, QPoint(0, 0))
        if not dialog.rect().contains(top_left) or top_left.x() + widget.width() > dialog.width() + 1:
            problems.append(f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r} outside")
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                if widget.height() + 1 < widget.heightForWidth(widget.width()):
                    problems.append(f"label {widget.text()[:40]!r} cut off at the bottom")
            elif widget.width() + 1 < widget.sizeHint().width():
                problems.append(f"label {widget.text()[:40]!r} cut off at the side")
        if isinstance(widget, QAbstractButton) and widget.width() + 1 < widget.sizeHint().width():
            problems.append(f"button {widget.text()!r} too narrow")
    return problems


@pytest.mark.parametrize("lang", ["da", "en"])
def test_dialogs_are_not_clipped(qapp, qtbot, demo, tmp_path, lang):
    qt_language.install_translations(qapp, lang)
    try:
        editor = _ceiling_dialog(qtbot, demo)
        editor.model.setData(editor.model.index(editor.model.row_of("sygedagpenge"), COL_MIN), "50")  # error shown
        settings = TeamSettingsDialog(demo)
        settings.newcomer_reduction.setText("150")
        settings.accept()  # error shown
        dialogs = {
            "norm_editor": editor, "norm_editor_empty": NormSetEditorDialog(Team()),
            "new_norm_set": NewNormSetDialog(set(), lang), "team_settings": settings,
            "about": AboutDialog(None), "help": HelpDialog(None, lang),
        }
        for name, dialog in dialogs.items():
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            qapp.processEvents()
            assert dialog.width() <= 1280 and dialog.height() <= 800, name
            assert _clipped(dialog) == [], name
            assert dialog.grab().save(str(tmp_path / f"{name}_{lang}.png"))
    finally:
        qt_language.install_translations(qapp, "en")
