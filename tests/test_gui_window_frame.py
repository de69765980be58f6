"""The main window's frame paints first and its contents are built just after (gui/window_frame.py):
the team is opened then, a program file that is missing or damaged is reported instead of a
traceback, and a frame closed before that builds nothing."""

from __future__ import annotations

from conftest import TODAY

from sagstal_desktop.assets import ResourceError
from sagstal_desktop.core.demo import demo_team
from sagstal_desktop.gui.main_window import MainWindow


def _frame(qtbot, name: str = "Demo") -> MainWindow:
    from PySide6.QtWidgets import QApplication

    from sagstal_desktop.gui import qt_language

    qt_language.install_translations(QApplication.instance(), "en")
    window = MainWindow.frame(name, "en")
    qtbot.addWidget(window)
    return window


def test_the_frame_has_its_title_and_no_contents_until_it_is_painted(qapp, qtbot):
    window = _frame(qtbot, "team.sagstal")
    opened: list[str] = []
    window.build_after_paint(lambda: opened.append("opened") or (None, None), lambda error: None)
    assert window.windowTitle() == "team.sagstal – Sagstal"
    assert not window.is_ready() and window.centralWidget() is None and opened == []
    window.show()
    qtbot.waitUntil(window.is_ready, timeout=5000)
    assert opened == ["opened"]
    assert window.team().staff and window.chart_host() is not None


def test_the_contents_show_the_team_the_opener_gives(qapp, qtbot, tmp_path):
    team = demo_team(TODAY)
    team.staff = team.staff[:3]
    path = tmp_path / "three.sagstal"
    results: list[Exception | None] = []
    window = _frame(qtbot)
    window.build_after_paint(lambda: (team, path), results.append)
    window.show()
    qtbot.waitUntil(lambda: results == [None], timeout=5000)
    assert window.is_ready() and len(window.team().staff) == 3
    assert window.document_path() == path
    assert window.windowTitle().startswith("three.sagstal")


def test_a_damaged_program_file_is_handed_to_the_caller(qapp, qtbot):
    def broken():
        raise ResourceError("resources/norms/ds_2020.json", "not found")

    results: list[Exception | None] = []
    window = _frame(qtbot)
    window.build_after_paint(broken, results.append)
    window.show()
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert isinstance(results[0], ResourceError) and not window.is_ready()


def test_a_frame_closed_at_its_first_paint_builds_nothing(qapp, qtbot):
    from PySide6.QtCore import QEvent, QObject

    class CloseOnPaint(QObject):
        """Closes the window as its first paint arrives (a user quicker than the build)."""

        def eventFilter(self, obj, event):
            if obj is window and event.type() == QEvent.Type.Paint and not closed:
                closed.append(True)
                window.close()
            return False

    opened: list[str] = []
    closed: list[bool] = []
    window = _frame(qtbot)
    window.build_after_paint(lambda: opened.append("opened") or (None, None), lambda error: None)
    spy = CloseOnPaint()
    window.installEventFilter(spy)
    window.show()
    qtbot.waitUntil(lambda: bool(closed), timeout=5000)
    qtbot.wait(100)
    assert opened == [] and not window.is_ready()


def test_a_frame_that_is_never_painted_is_built_all_the_same(qapp, qtbot):
    from sagstal_desktop.gui.window_frame import UNPAINTED_BUILD_MS

    results: list[Exception | None] = []
    window = _frame(qtbot)
    window.build_after_paint(lambda: (None, None), results.append)  # not shown: no paint comes
    qtbot.waitUntil(lambda: results == [None], timeout=UNPAINTED_BUILD_MS + 5000)
    assert window.is_ready() and window.team().staff
