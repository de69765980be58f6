"""Shared fixtures. Qt runs offscreen; user folders point into a temporary directory."""

from __future__ import annotations

import os
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: A fixed day for everything dated relative to "today" (the demo team's start dates).
TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory, monkeypatch):
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("SAGSTAL_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("SAGSTAL_CONFIG_DIR", str(base / "config"))


@pytest.fixture
def demo():
    from sagstal_desktop.core.demo import demo_team

    return demo_team(TODAY)


@pytest.fixture
def make_window(qapp, qtbot, demo, monkeypatch):
    """``make_window(team=None, lang="en", show=True)``: a MainWindow on the demo team (or
    ``team``), computed for TODAY. Closing it discards changes (no real dialog can block a
    test); the English translation is installed before and after."""
    from PySide6.QtWidgets import QMessageBox

    from sagstal_desktop.gui import qt_language
    from sagstal_desktop.gui.main_window import MainWindow

    qt_language.install_translations(qapp, "en")  # whatever an earlier test left installed
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)

    def make(team=None, *, lang: str = "en", show: bool = True):
        win = MainWindow(team or demo, None, demo=team is None, as_of=TODAY, lang=lang)
        qtbot.addWidget(win)
        if show:
            win.show()
            qtbot.waitExposed(win)
        return win

    yield make
    qt_language.install_translations(qapp, "en")


@pytest.fixture
def window(make_window):
    """A MainWindow on the demo team, computed for TODAY, in English, shown."""
    return make_window()


def run_cli(capsys, *args):
    """Run ``sagstal ARGS`` in-process: (exit code, stdout, stderr)."""
    from sagstal_desktop.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_file(tmp_path, capsys):
    """The demo team written by ``sagstal demo`` to a temporary file."""
    path = tmp_path / "demo.sagstal"
    assert run_cli(capsys, "demo", "-o", str(path))[0] == 0
    return path


@pytest.fixture
def danish(qapp):
    """The window's texts (and Qt's own) in Danish for one test, English again after it."""
    from sagstal_desktop.gui import qt_language

    qt_language.install_translations(qapp, "da")
    yield qapp
    qt_language.install_translations(qapp, "en")


def pdf_text(path, layout: bool = True, page: int | None = None, raw: bool = False) -> str:
    """A PDF's text as pdftotext extracts it (``-layout`` by default, ``-raw`` with ``raw``;
    one ``page`` if given)."""
    import subprocess

    args = ["pdftotext", "-enc", "UTF-8"]
    if raw:
        args.append("-raw")
    elif layout:
        args.append("-layout")
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(path), "-"], check=True, capture_output=True, text=True).stdout
