"""The window names the measure by the chosen norm set and reports unmeasured cases (issue 9)."""

from __future__ import annotations

import pytest
from conftest import TODAY
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    """Leave English installed for the tests that follow (some here switch to Danish)."""
    yield
    from sagstal_desktop.gui import qt_language

    qt_language.install_translations(qapp, "en")


def _window(qapp, qtbot, team, monkeypatch, lang="en"):
    from sagstal_desktop.gui import qt_language
    from sagstal_desktop.gui.main_window import MainWindow

    qt_language.install_translations(qapp, lang)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    win = MainWindow(team, None, demo=True, as_of=TODAY, lang=lang)
    qtbot.addWidget(win)
    return win


def _status(win, row: int) -> str:
    model = win.model()
    return model.index(row, model.column_of("status")).data()


@pytest.mark.parametrize("lang", ["en", "da"])
def test_survey_set_is_not_called_ds_in_the_window(qapp, qtbot, demo, monkeypatch, lang):
    demo.settings.norm_set_id = "ds_2015_types"
    win = _window(qapp, qtbot, demo, monkeypatch, lang)
    texts = [_status(win, r) for r in range(len(demo.staff))]
    texts += win.legend.texts()
    texts += [win.summary_panel.caption(k) for k in ("over", "range", "level_min", "level_max")]
    chart = win.chart_host().chart()
    texts.append(chart.axis_label())
    texts.append(chart.describe(0))
    model = win.model()
    texts.append(model.headerData(model.column_of("load"), 1))
    for text in texts:
        assert "DS" not in text, text
    over = "Over the set's max" if lang == "en" else "Over normsættets maksimum"
    assert over in texts


def test_unmeasured_cases_show_in_the_row_legend_and_summary(qapp, qtbot, demo, monkeypatch):
    demo.staff[0].counts = {"dagpenge": 40}
    demo.staff[2].counts["dagpenge"] = 3
    win = _window(qapp, qtbot, demo, monkeypatch)
    assert _status(win, 0) == "Unmeasured (40)"
    assert _status(win, 2) == "Partly unmeasured (3)"
    assert "Unmeasured" in win.legend.texts() and "Partly unmeasured" in win.legend.texts()
    total = sum(sum(m.counts.values()) for m in demo.staff)
    assert f"43 of the team's {total} cases have no norm in this set and are not included." in \
        win.summary_panel._norm_label.text()


def test_uneven_spread_is_said_in_the_summary_panel_and_cli(qapp, qtbot, demo, monkeypatch, tmp_path, capsys):
    win = _window(qapp, qtbot, demo, monkeypatch)
    assert "but 5 people are over: the cases are unevenly spread" in win.summary_panel._norm_label.text()
    from sagstal_desktop.cli import main
    from sagstal_desktop.io.document import save_team

    path = tmp_path / "demo.sagstal"
    save_team(demo, path)
    assert main(["summary", str(path), "--as-of", "22.11.2026"]) == 0
    out = capsys.readouterr().out
    assert "men 5 medarbejdere ligger over: sagerne er skævt fordelt" in out
    assert "Kommandoen sagstal rebalance viser, hvor få flytninger af sager der sænker belastningen." in out
