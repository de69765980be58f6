"""Entry point of the desktop program: ``sagstal-desktop [FILE]``.

With FILE, opens it; without, opens the last file opened (remembered), or the demo team when
there is none. Offers recovery copies left by a session that did not close normally. The window's
frame paints first (title, remembered size); the team is opened and the contents are built right
after that paint. pandas, reportlab, openpyxl, numpy, pyqtgraph and the solvers load only when a
function needs them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from sagstal_desktop import APP_NAME, ORG_NAME, __version__
from sagstal_desktop.assets import ResourceError
from sagstal_desktop.i18n import _

if TYPE_CHECKING:
    from sagstal_desktop.core.model import Team


def configure_application(app: QCoreApplication) -> None:
    """Names used by Qt (QSettings defaults, dialogs); call once on the QApplication."""
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="sagstal-desktop", description="Sagstal – caseload planning (desktop).")
    parser.add_argument("file", nargs="?", help="a .sagstal team file to open")
    parser.add_argument("--demo", action="store_true", help="open the demo team, not the last file")
    parser.add_argument("--lang", choices=("da", "en"), help="interface language (remembered)")
    parser.add_argument("--self-test", action="store_true",
                        help="open the demo team, compute, write a memo to a temporary folder, close; "
                             "exit 0 if all of it worked")
    return parser.parse_args(argv)


def start_file(file_arg: str | None, demo: bool) -> Path | None:
    """The file to open at start: the argument, else the last file opened if it still exists."""
    if file_arg:
        return Path(file_arg)
    if demo:
        return None
    from sagstal_desktop.gui.settings import RECENT_FILES

    items = RECENT_FILES.get()
    last = Path(items[0]) if items else None
    return last if last is not None and last.is_file() else None


def _report_broken_install(exc: ResourceError, lang: str, *, quiet: bool) -> int:
    """A missing or damaged program file: one line on stderr and a dialog; exit code 2."""
    if sys.stderr is not None:
        print(f"sagstal-desktop: {exc.message(lang)}", file=sys.stderr)
    if not quiet:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, APP_NAME, exc.message(lang))
    return 2


def _set_app_icon(app: QApplication) -> None:
    try:
        from sagstal_desktop.gui.icons import app_icon
    except ImportError:
        return
    app.setWindowIcon(app_icon())


def main(argv: list[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_application(app)
    lang = args.lang or "da"
    try:
        return _run(app, args)
    except ResourceError as exc:
        return _report_broken_install(exc, lang, quiet=args.self_test)


def _run(app: QApplication, args: argparse.Namespace) -> int:
    from sagstal_desktop.gui import qt_language

    if args.lang:
        qt_language.set_preferred_language(args.lang)
    lang = qt_language.preferred_language()
    qt_language.install_translations(app, lang)
    if args.self_test:
        _set_app_icon(app)
        from sagstal_desktop.gui.self_test import run_self_test

        return run_self_test(app, lang)

    from sagstal_desktop.gui.main_window import MainWindow

    path = start_file(args.file, args.demo)
    window = MainWindow.frame(path.name if path is not None else _("Demo team (not saved)"), lang)
    window.show()  # the frame paints now; the team is opened and the contents built just after
    error = None

    def open_team() -> tuple[Team | None, Path | None]:
        nonlocal error
        _set_app_icon(app)  # after the first paint: the icons module and its SVG take a few ms
        if path is None:
            return None, None
        from sagstal_desktop.gui.shared_file import read_in_background
        from sagstal_desktop.io.document import DocumentError

        window.statusBar().showMessage(_("Opening {file}…").format(file=path.name))
        try:  # in a worker thread: the frame keeps painting while a big team is read
            team = read_in_background(window, path)
        except DocumentError as exc:
            error = exc
            return None, None
        return team, path

    def when_built(broken: Exception | None) -> None:
        if isinstance(broken, ResourceError):
            window.hide()
            app.exit(_report_broken_install(broken, lang, quiet=False))
            return
        if path is not None and error is None:
            window.files.remember_recent(path)
        QTimer.singleShot(0, after_contents_painted)  # messages over the painted window, not a frame

    def after_contents_painted() -> None:
        if error is not None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(window, _("Cannot open the file"), error.message(lang))
        elif path is not None:
            window.files.claim_started_file(path)  # the edit lock, or who has the file open
        window.files.offer_recovery()

    window.build_after_paint(open_team, when_built)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
