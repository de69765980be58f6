"""Every window fits a 1280×720 logical screen (1920×1080 at 150 %) less a 40 px task bar: the
main window and every dialog of the registry open within a 1280×680 available area, none needs
more (its minimum size), and no control lies outside it. Sizes are remembered per screen and a
window last seen on a larger or vanished screen comes back whole."""

from __future__ import annotations

import pytest
from dialog_registry import DIALOGS, missing_factories
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QDialog
from test_gui_dialogs import _clipped

from sagstal_desktop.gui import qt_language, screen_fit, settings

AREA = QRect(0, 0, 1280, 680)
TITLE_BAR = 40  # the window frame (title bar, borders) is outside the widget's own size


@pytest.fixture
def small_screen(monkeypatch):
    monkeypatch.setattr(screen_fit, "available_geometry", lambda _widget=None: QRect(AREA))


def test_every_dialog_class_is_in_the_registry():
    assert missing_factories() == set()


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_dialog_fits_1280_by_680(make_window, qapp, qtbot, tmp_path, small_screen, lang):
    qt_language.install_translations(qapp, lang)
    window = make_window(lang=lang)
    problems = []
    for name, (_cls, factory) in DIALOGS.items():
        dialog: QDialog = factory(window, tmp_path)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        if hasattr(dialog, "rendered_pages"):  # the memo preview renders its pages in the background
            qtbot.waitUntil(lambda d=dialog: d.rendered_pages() != [], timeout=10000)
        qtbot.wait(50)  # the layout settles after texts set while showing
        room = QSize(AREA.width(), AREA.height() - TITLE_BAR)
        need = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
        if dialog.width() > room.width() or dialog.height() > room.height():
            problems.append(f"{name}: opens at {dialog.width()}x{dialog.height()}")
        if need.width() > room.width() or need.height() > room.height():
            problems.append(f"{name}: needs at least {need.width()}x{need.height()}")
        problems += [f"{name}: {p}" for p in _clipped(dialog, scrolled_ok=True)]
        dialog.close()
    assert problems == [], "\n".join(problems)
    qt_language.install_translations(qapp, "en")


def test_the_main_window_fits_1280_by_680(make_window, small_screen):
    window = make_window(show=False)
    assert window.width() <= AREA.width() and window.height() <= AREA.height() - TITLE_BAR
    need = window.minimumSizeHint()
    assert need.width() <= AREA.width() and need.height() <= AREA.height() - TITLE_BAR


def test_dialog_sizes_are_remembered_per_screen(qapp, monkeypatch):
    areas = {"big": QRect(0, 0, 1920, 1040), "small": QRect(0, 0, 1280, 680)}
    current = {"area": areas["big"]}
    monkeypatch.setattr(screen_fit, "available_geometry", lambda _widget=None: current["area"])
    dialog = QDialog()
    dialog.setObjectName("helpDialog")
    screen_fit.fit_to_screen(dialog, 900, 700)
    dialog.resize(1500, 950)
    screen_fit.remember_size(dialog)
    current["area"] = areas["small"]
    screen_fit.fit_to_screen(dialog, 900, 700)
    assert dialog.size() == QSize(900, 640)  # nothing stored for this screen: the default, fitted
    dialog.resize(800, 500)
    screen_fit.remember_size(dialog)
    current["area"] = areas["big"]
    screen_fit.fit_to_screen(dialog, 900, 700)
    assert dialog.size() == QSize(1500, 950)  # the big screen keeps its own
    current["area"] = areas["small"]
    screen_fit.fit_to_screen(dialog, 900, 700)
    assert dialog.size() == QSize(800, 500)
    keys = set(settings.WINDOW_SIZES.get())
    assert {k.split("@")[0] for k in keys} == {"helpDialog"} and len(keys) == 2


def test_a_window_left_on_a_vanished_larger_screen_comes_back_whole(make_window, qapp):
    screen = qapp.primaryScreen()
    area = screen.availableGeometry()
    gone = "DP-2 2560x1400"
    settings.WINDOW_PLACES.set({gone: [1900, 900, 2400, 1300, False], "last": gone})
    window = make_window(show=False)
    assert area.contains(window.geometry()), (area, window.geometry())
    assert window.size() == screen_fit.fitted_size(screen_fit.MAIN_WINDOW_SIZE, window)


def test_a_place_partly_off_this_screen_is_moved_onto_it(make_window, qapp):
    area = qapp.primaryScreen().availableGeometry()
    key = screen_fit.screen_key(None)
    settings.WINDOW_PLACES.set({key: [area.right() - 100, -50, area.width() + 300, 400, False], "last": key})
    window = make_window(show=False)
    assert window.geometry() == QRect(area.x(), area.y(), area.width(), 400)
    window.move(10, 20)
    window.resize(500, 300)
    window.close()
    assert settings.WINDOW_PLACES.get()[key] == [10, 20, 500, 300, False]
    assert screen_fit.on_screen(QRect(-40, 700, 300, 200), AREA) == QRect(0, 480, 300, 200)


@pytest.mark.slow
@pytest.mark.parametrize(("screen", "scale"), [("1920x1080", "1.5"), ("1920x1080", "1.25"), ("1280x720", "1")])
def test_screenshots_under_xvfb_show_every_window_whole(tmp_path, screen, scale):
    """``scripts/screenshots.py`` on a real X server at the scalings of municipal laptops: every
    window's frame lies inside the screen less a 40 px task bar (the script exits 1 otherwise)
    and each picture is the whole screen at its physical size. Look at them: they are kept in
    ``tmp_path``."""
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from PySide6.QtGui import QImage

    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    from dialog_registry import start_xvfb

    server, display = start_xvfb(screen)
    try:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "QT_SCALE_FACTOR": scale,
               "LANG": "da_DK.UTF-8"}
        root = Path(__file__).resolve().parent.parent
        run = subprocess.run([sys.executable, str(root / "scripts" / "screenshots.py"), str(tmp_path), "da"],
                             env=env, capture_output=True, text=True, timeout=600)
    finally:
        server.terminate()
        server.wait()
    assert run.returncode == 0, run.stdout + run.stderr
    assert "DOES NOT FIT" not in run.stdout
    pictures = sorted(tmp_path.glob("*.png"))
    assert {p.stem for p in pictures} == {"main_window", *DIALOGS}
    width, height = (int(v) for v in screen.split("x"))
    for picture in pictures:
        image = QImage(str(picture))
        assert (image.width(), image.height()) == (width, height), picture.name


@pytest.mark.parametrize(("area", "height", "compact"), [((1366, 728), None, True), ((1920, 1040), 1000, False)])
def test_the_summary_shows_its_last_line_without_scrolling_at_1366_by_768(make_window, qapp, qtbot, danish,
                                                                          monkeypatch, area, height, compact):
    monkeypatch.setattr(screen_fit, "available_geometry", lambda _widget=None: QRect(0, 0, *area))
    window = make_window(lang="da")
    if height:  # a tall window: room for the full panel, sources shown as text
        window.resize(window.width(), height)
    qtbot.wait(50)
    panel, scroll = window.summary_panel, window._summary_scroll
    assert panel.is_compact() is compact
    assert scroll.verticalScrollBar().maximum() == 0  # "Landsgennemsnit" and all above it in sight
    assert "Kilde:" in panel.national_text() and "Landsgennemsnit 2023" in panel.national_text()
    national = panel._national
    shown_source = "Kilde:" in national.text()
    assert shown_source is not compact
    assert national.accessibleDescription().startswith("Kilde:")  # a screen reader is told either way
    if compact:
        assert national.toolTip().startswith("Kilde:")


def test_the_registry_opens_the_case_split_on_a_real_count(make_window, tmp_path):
    """The fit, accessibility and keyboard tests see the split of cases a person holds, not of 0."""
    window = make_window()
    dialog = DIALOGS["case_split"][1](window, tmp_path)
    try:
        first = next(m for m in window.team().staff if any(n > 0 for n in m.counts.values()))
        assert dialog.total > 0
        assert dialog.total == next(n for _, n in sorted(first.counts.items()) if n > 0)
    finally:
        dialog.close()
