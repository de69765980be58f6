"""Every dialog of the program, each with a factory that opens it on the demo team in a main
window: the fit, accessibility, tab order and context help tests walk this registry.

``dialog_classes()`` finds every QDialog subclass defined under ``sagstal_desktop.gui`` and
``missing_factories()`` names those without a factory here, so a new dialog fails the tests
until it is added (and so is covered by every check automatically)."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from pathlib import Path

from conftest import TODAY
from PySide6.QtWidgets import QDialog

import sagstal_desktop.gui


def dialog_classes() -> set[type]:
    """Every QDialog subclass defined in a module of ``sagstal_desktop.gui``."""
    for info in pkgutil.walk_packages(sagstal_desktop.gui.__path__, "sagstal_desktop.gui."):
        importlib.import_module(info.name)
    found, todo = set(), list(QDialog.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("sagstal_desktop.gui."):
            found.add(cls)
    return found


def _absence(window, tmp: Path):
    from sagstal_desktop.gui.dialogs.absence import AbsenceDialog

    return AbsenceDialog(window.team(), [], True, TODAY, window)


def _compare(window, tmp: Path):
    from sagstal_desktop.gui.dialogs.compare import CompareDialog

    return CompareDialog(window.document(), window)


def _competences(window, tmp: Path):
    from sagstal_desktop.gui.dialogs.competences import CompetencesDialog

    return CompetencesDialog(window.team().staff[0], window.team(), window.norm_set(), window)


def _help(window, tmp: Path):
    from sagstal_desktop.gui.dialogs.help import HelpDialog

    return HelpDialog(window, window.language())


def _history(window, tmp: Path):
    from sagstal_desktop.gui.dialogs.history import HistoryDialog, HistoryHandlers
    from sagstal_desktop.gui.handlers import history

    return HistoryDialog(window, HistoryHandlers(
        take_snapshot=history.take_snapshot, relabel_snapshot=history.relabel_snapshot,
        delete_snapshot=history.delete_snapshot, import_older_file=history.import_older_file,
        import_spreadsheet=history.import_spreadsheet, export_history=history.export_history))


def _import_preview(window, tmp: Path):
    from sagstal_desktop.gui.dialogs.import_preview import ImportPreviewDialog
    from sagstal_desktop.io.table_reader import read_table

    path = tmp / "hold.csv"
    path.write_text("Navn;Timer;Sygedagpenge;Kaffe\nAnne;37;30;sort\nBo;30;25;\n", encoding="utf-8")
    return ImportPreviewDialog(read_table(path), window.norm_set(), window.team(), window)


def _memo_options(window, tmp: Path):
    from sagstal_desktop.gui.dialogs.memo_options import MemoOptionsDialog

    return MemoOptionsDialog(window.team(), window.norm_set(), window.language(), window, "export", today=TODAY)


def _memo_preview(window, tmp: Path):
    from sagstal_desktop.gui.dialogs.memo_preview import MemoPreviewDialog
    from sagstal_desktop.report.options import MemoOptions
    from sagstal_desktop.report.pdf import write_memo

    memo = tmp / "memo.pdf"
    write_memo(window.team(), memo, MemoOptions(as_of=TODAY, lang=window.language()))
    return MemoPreviewDialog(memo, window)


def _new_team(window, tmp: Path):
    from sagstal_desktop.gui.dialogs.new_team import NewTeamDialog

    return NewTeamDialog(window.language(), window)


def _new_norm_set(window, tmp: Path):
    from sagstal_desktop.gui.dialogs.norm_editor import NewNormSetDialog

    return NewNormSetDialog(set(), window.language(), window)


def _norm_editor(window, tmp: Path):
    from sagstal_desktop.gui.dialogs.norm_editor import NormSetEditorDialog

    dialog = NormSetEditorDialog(window.team(), window)
    dialog.create_set("ds_2020", "Loft 2026", "Byrådets beslutning")
    return dialog


def _planning(mode: str):
    def make(window, tmp: Path):
        from sagstal_desktop.gui.dialogs.planning import PlanningDialog

        return PlanningDialog(window.team(), window.norm_set(), TODAY, ["sygedagpenge"], window, mode)
    return make


def _reductions(window, tmp: Path):
    from sagstal_desktop.gui.dialogs.reductions import ReductionsDialog

    return ReductionsDialog(window.team().staff[0], TODAY, window)


def _team_settings(window, tmp: Path):
    from sagstal_desktop.gui.dialogs.team_settings import TeamSettingsDialog

    return TeamSettingsDialog(window.team(), window)


def _case_split(window, tmp: Path):
    from sagstal_desktop.core import case_weight as cw
    from sagstal_desktop.gui.dialogs.case_split import CaseSplitDialog

    # a real cell: the first case type the first person holds cases of (a count of 0 is no split)
    member = next(m for m in window.team().staff if any(n > 0 for n in m.counts.values()))
    case_type = next(t for t, n in sorted(member.counts.items()) if n > 0)
    weighting = cw.Weighting("points", (1.0, 1.5, 2.0), "enkel", "Teamets aftale")
    return CaseSplitDialog(member, case_type, weighting, "B2", window.language(), window)


def _department(window, tmp: Path):
    from department_helpers import make_folder

    from sagstal_desktop.core.department import roll_up
    from sagstal_desktop.gui.dialogs.department import DepartmentView
    from sagstal_desktop.io.department_reader import read_department

    folder = tmp / "afdeling"
    make_folder(folder)
    return DepartmentView(window, roll_up(read_department([folder]), TODAY), lambda _path: None,
                          lambda *_args: None)


def _flows(window, tmp: Path):
    from sagstal_desktop.gui.dialogs.flows import FlowsDialog

    return FlowsDialog(window.team(), window.norm_set(), TODAY, window)


def _forecast(window, tmp: Path):
    from sagstal_desktop.gui.dialogs.forecast import ForecastDialog

    return ForecastDialog(window.document(), window)


def _about(window, tmp: Path):
    from sagstal_desktop.gui.dialogs.about import AboutDialog

    return AboutDialog(window)


#: Dialog name -> (class name, factory(window, tmp_path)). A class may appear more than once (the
#: planning dialog distributes and rebalances).
DIALOGS: dict[str, tuple[str, Callable]] = {
    "about": ("AboutDialog", _about),
    "case_split": ("CaseSplitDialog", _case_split),
    "department": ("DepartmentView", _department),
    "flows": ("FlowsDialog", _flows),
    "forecast": ("ForecastDialog", _forecast),
    "absence": ("AbsenceDialog", _absence),
    "compare": ("CompareDialog", _compare),
    "competences": ("CompetencesDialog", _competences),
    "help": ("HelpDialog", _help),
    "history": ("HistoryDialog", _history),
    "import_preview": ("ImportPreviewDialog", _import_preview),
    "memo_options": ("MemoOptionsDialog", _memo_options),
    "memo_preview": ("MemoPreviewDialog", _memo_preview),
    "new_team": ("NewTeamDialog", _new_team),
    "new_norm_set": ("NewNormSetDialog", _new_norm_set),
    "norm_editor": ("NormSetEditorDialog", _norm_editor),
    "distribute": ("PlanningDialog", _planning("distribute")),
    "rebalance": ("PlanningDialog", _planning("rebalance")),
    "reductions": ("ReductionsDialog", _reductions),
    "team_settings": ("TeamSettingsDialog", _team_settings),
}


def missing_factories() -> set[str]:
    """Dialog classes of the program that no registry entry opens."""
    return {cls.__name__ for cls in dialog_classes()} - {name for name, _ in DIALOGS.values()}


def start_xvfb(size: str):
    """An Xvfb server on a free display (it picks the number itself: ``-displayfd``), as
    (process, ":N"). Stop it with ``terminate()`` and ``wait()``."""
    import subprocess

    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    number = server.stdout.readline().strip()
    return server, f":{number}"
