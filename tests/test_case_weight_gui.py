"""Case weight in the window (issue 27): the team-settings field and the unweighted figures in
the summary panel beside the weighted ones."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from sagstal_desktop.core.case_weight import Weighting
from sagstal_desktop.core.load import summarize
from sagstal_desktop.gui.dialogs.team_settings import TeamSettingsDialog
from sagstal_desktop.gui.widgets.summary_panel import SummaryPanel


def test_settings_dialog_sets_the_weighting(qtbot, demo, danish):
    dialog = TeamSettingsDialog(demo)
    qtbot.addWidget(dialog)
    assert dialog.weighting_mode.currentData() == "off"
    assert not dialog.weighting_points["kompleks"].isEnabled()  # points only in points mode
    assert dialog.weighting_mode.accessibleName() == "Sagernes tyngde"
    dialog.weighting_mode.setCurrentIndex(dialog.weighting_mode.findData("points"))
    assert dialog.weighting_points["kompleks"].isEnabled()
    dialog.weighting_points["kompleks"].setText("1,5")
    dialog.weighting_points["saerligt"].setText("2")
    dialog.weighting_default.setCurrentIndex(dialog.weighting_default.findData("kompleks"))
    dialog.weighting_note.setText("Teamets vurdering 2026")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_settings().weighting == Weighting("points", (1.0, 1.5, 2.0), "kompleks",
                                                           "Teamets vurdering 2026")
    assert dialog.result_info() == demo.info


@pytest.mark.parametrize("value", ["0", "-1", "abc", "1000"])
def test_settings_dialog_refuses_a_bad_point(qtbot, demo, danish, value):
    dialog = TeamSettingsDialog(demo)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.weighting_mode.setCurrentIndex(dialog.weighting_mode.findData("points"))
    dialog.weighting_points["saerligt"].setText(value)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Point for sager, der er særligt kompliceret" in dialog.error.text()
    assert dialog.result_settings() == demo.settings


def test_summary_panel_shows_the_unweighted_figures(qtbot, demo):
    demo.settings.weighting = Weighting("range", default_level="kompleks")
    summary = summarize(demo)
    panel = SummaryPanel()
    qtbot.addWidget(panel)
    panel.show_summary(summary, demo.norm_set(), "en")
    assert panel.value("needed_max") == f"{summary.fte_needed_max:.2f}"
    assert summary.fte_needed_max > summary.fte_needed_max_unweighted
    text = panel._norm_label.text()
    assert f"Without case weight: {summary.fte_needed_max_unweighted:.2f} FTE needed at the maximum" in text
    assert "Status follows the weighted load." in text
    assert panel._level_header[1].text() == "FTE needed for the weighted cases"
    demo.settings.weighting = Weighting()
    panel.show_summary(summarize(demo), demo.norm_set(), "en")
    assert "Without case weight" not in panel._norm_label.text()
    assert panel._level_header[1].text() == "FTE needed"
