"""Benchmark of the GUI infrastructure and dialogs: loading translations, rendering every icon, and
opening each dialog (construct, show, first paint), offscreen. Prints medians in milliseconds.

    .venv/bin/python bench/bench_gui_dialogs.py [--repeat 15] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def _median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication([])
    from sagstal_desktop.core.demo import demo_team
    from sagstal_desktop.gui import icons, qt_language
    from sagstal_desktop.gui.dialogs.about import AboutDialog
    from sagstal_desktop.gui.dialogs.help import HelpDialog, help_html
    from sagstal_desktop.gui.dialogs.norm_editor import NormSetEditorDialog
    from sagstal_desktop.gui.dialogs.team_settings import TeamSettingsDialog

    team = demo_team(date(2026, 11, 22))
    editor = NormSetEditorDialog(team)
    team.custom_norm_sets = [editor.create_set("ds_2020", "Loft 2026", "Byrådets beslutning om loft, 2026")]

    def open_dialog(make: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            dialog = make()
            dialog.show()
            app.processEvents()
            dialog.close()
            dialog.deleteLater()
        return run

    def all_icons() -> None:
        icons._icon.cache_clear()
        for name in icons.ICON_NAMES:
            icons.icon(name).pixmap(QSize(24, 24), 2.0)

    results = {
        "install_translations_da": _median_ms(lambda: qt_language.install_translations(app, "da"), args.repeat),
        "all_icons_first_render_24px_at_200pct": _median_ms(all_icons, args.repeat),
        "help_html_da": _median_ms(lambda: help_html("da"), args.repeat),
        "open_norm_editor_with_one_set": _median_ms(open_dialog(lambda: NormSetEditorDialog(team)), args.repeat),
        "open_team_settings": _median_ms(open_dialog(lambda: TeamSettingsDialog(team)), args.repeat),
        "open_help_da": _median_ms(open_dialog(lambda: HelpDialog(None, "da")), args.repeat),
        "open_about": _median_ms(open_dialog(lambda: AboutDialog(None)), args.repeat),
    }
    if args.json:
        print(json.dumps({k: round(v, 2) for k, v in results.items()}))
    else:
        for name, ms in results.items():
            print(f"{name:42s} {ms:8.2f} ms (median of {args.repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
