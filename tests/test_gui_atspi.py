"""What a screen reader on Linux hears: the program runs on an X server with AT-SPI (the
accessibility bus of at-spi2-core, over D-Bus) and ``atspi_reader.py`` reads its tree the way
Orca does. On Windows, NVDA, JAWS and Narrator read the same Qt accessibility interfaces through
UI Automation; that is not available here."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = Path("/usr/bin/python3")

APP = """
import sys
sys.path.insert(0, {tests!r})
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
app.setApplicationName("sagstal-atspi-test")
from conftest import TODAY
from sagstal_desktop.core.demo import demo_team
from sagstal_desktop.gui import qt_language
from sagstal_desktop.gui.main_window import MainWindow
qt_language.install_translations(app, "da")
window = MainWindow(demo_team(TODAY), None, demo=True, as_of=TODAY, lang="da")
window.show()
QTimer.singleShot(60000, app.quit)
app.exec()
"""

SESSION = """
{launcher} --launch-immediately &
launcher=$!
sleep 1
{python} -c "$APP" &
app=$!
sleep 4
{system_python} {reader} sagstal-atspi-test
status=$?
kill $app $launcher 2>/dev/null
wait $app 2>/dev/null
exit $status
"""


def _can_run() -> str:
    for tool in ("Xvfb", "dbus-run-session"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not LAUNCHER.exists():
        return "at-spi2-core (at-spi-bus-launcher) is not installed"
    if not SYSTEM_PYTHON.exists() or subprocess.run([str(SYSTEM_PYTHON), "-c", "import dbus"],
                                                     capture_output=True).returncode:
        return "python3-dbus is not installed"
    return ""


@pytest.mark.slow
def test_a_screen_reader_hears_names_cells_and_status_through_atspi(tmp_path):
    reason = _can_run()
    if reason:
        pytest.skip(reason)
    from dialog_registry import start_xvfb

    server, display = start_xvfb("1366x768")
    try:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
               "APP": APP.format(tests=str(HERE)), "SAGSTAL_CONFIG_DIR": str(tmp_path / "config"),
               "SAGSTAL_DATA_DIR": str(tmp_path / "data")}
        script = SESSION.format(launcher=LAUNCHER, python=sys.executable, system_python=SYSTEM_PYTHON,
                                reader=HERE / "atspi_reader.py")
        run = subprocess.run(["dbus-run-session", "--", "bash", "-c", script], env=env, capture_output=True,
                             text=True, timeout=240)
    finally:
        server.terminate()
        server.wait()
    nodes = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert run.returncode == 0 and nodes, run.stdout[-2000:] + run.stderr[-2000:]
    named = {(n.get("role"), n.get("name")) for n in nodes}
    assert ("table", "Medarbejdere") in named
    assert ("cell", "Sygedagpenge, 57 sager, Over DS' maksimum") in named
    assert ("menu", "Filer") in named or ("menu item", "Filer") in named
    assert any(role == "push button" and name for role, name in named)
    nameless = [n for n in nodes if n.get("focusable") and n.get("showing") and not n.get("name")
                and n.get("role") not in ("cell", "table cell", "list item", "tree item", "table row")]
    assert nameless == []
