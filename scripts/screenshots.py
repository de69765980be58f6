"""Screenshots of the main window and every dialog as a user's screen shows them.

Run under a real X server (Xvfb) so Qt's scaling applies, e.g. for 1920×1080 at 150 %:

    Xvfb :97 -screen 0 1920x1080x24 &
    DISPLAY=:97 QT_SCALE_FACTOR=1.5 LANG=da_DK.UTF-8 .venv/bin/python scripts/screenshots.py out/150 da

Each picture is the whole screen (``QScreen.grabWindow(0)``), so a window that reaches past the
screen's edge shows cut off. ``--taskbar`` px (default 40) are taken off the available area, as a
Windows task bar would. Every dialog of ``tests/dialog_registry.py`` is opened on the demo team;
a line per window gives its size and whether it fits the available area. Exit 1 if one does not.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("lang", choices=["da", "en"], nargs="?", default="da")
    parser.add_argument("--taskbar", type=int, default=40)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QEventLoop, QRect, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from conftest import TODAY
    from dialog_registry import DIALOGS

    from sagstal_desktop.core.demo import demo_team
    from sagstal_desktop.gui import qt_language, screen_fit
    from sagstal_desktop.gui.main_window import MainWindow

    screen = app.primaryScreen()
    full = screen.availableGeometry()
    area = QRect(full.x(), full.y(), full.width(), full.height() - args.taskbar)
    screen_fit.available_geometry = lambda _widget=None: QRect(area)
    qt_language.install_translations(app, args.lang)

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    failures = 0

    def shoot(name: str, widget) -> None:
        nonlocal failures
        settle()
        frame = widget.frameGeometry()
        fits = area.contains(frame)
        failures += not fits
        app.primaryScreen().grabWindow(0).save(str(args.out / f"{name}.png"))
        print(f"{name}: {frame.width()}x{frame.height()} at {frame.x()},{frame.y()}; "
              f"available {area.width()}x{area.height()}: {'fits' if fits else 'DOES NOT FIT'}")

    window = MainWindow(demo_team(TODAY), None, demo=True, as_of=TODAY, lang=args.lang)
    window.show()
    shoot("main_window", window)
    with tempfile.TemporaryDirectory() as tmp:
        for name, (_cls, factory) in DIALOGS.items():
            dialog = factory(window, Path(tmp))
            dialog.show()
            geometry = dialog.frameGeometry()  # centred on the window by Qt; keep it on the screen
            dialog.move(screen_fit.on_screen(geometry, area).topLeft())
            shoot(name, dialog)
            dialog.close()
            dialog.deleteLater()
    window.files.maybe_save = lambda: True
    window.close()
    print(f"logical screen {full.width()}x{full.height()}, scale {app.primaryScreen().devicePixelRatio()}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
