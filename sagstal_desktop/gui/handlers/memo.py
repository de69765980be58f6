"""File-menu handlers for the PDF memo: Export memo…, Memo preview… and Print…

Each takes the main window (``gui/window_api.WindowApi``: ``team()``, ``summary()``, ``norm_set()``,
``document_path()``, ``language()``, ``show_status()``) and returns None. The memo is built from
a copy of the team in a worker thread with progress and Cancel; export writes a temporary file
beside the target and moves it into place; preview and print use a temporary file that is
removed afterwards. reportlab and pypdfium2 are imported only here, when a memo is asked for.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog

from sagstal_desktop.i18n import _, ngettext, tr
from sagstal_desktop.report.options import MemoOptions

if TYPE_CHECKING:
    from sagstal_desktop.gui.window_api import WindowApi

# -- what the memo shows ------------------------------------------------------------------------


def _variant(window: WindowApi):
    """The open scenario's computed result (``Document.variant_result``), or None."""
    document = window.document() if hasattr(window, "document") else None
    return getattr(document, "variant_result", None)


def memo_team(window: WindowApi, lang: str | None = None) -> Any:
    """The team the memo is made of: the team as the window shows it. While a scenario is open
    that is the scenario computed (absent people at capacity 0, their cases with colleagues, and
    named "Ida Bech (sygefravær)"), with the team's own history and without the list of scenarios
    (their comparison is the team's)."""
    result = _variant(window)
    if result is None:
        return window.team()
    from sagstal_desktop.core.scenario_model import absence_label

    lang = lang or window.language()
    team = result.team.copy()
    team.snapshots = list(window.document().history_team().snapshots)
    team.scenarios = []
    for member in team.staff:  # the staff table says who is away: "Ida Bech (sygefravær)"
        if member.id in result.absent:
            member.name = f"{member.name} ({absence_label(result.absent[member.id], lang).lower()})"
    return team


def memo_source(window: WindowApi) -> tuple[Any, Any]:
    """(team, summary) the memo is made of (``memo_team``; the summary the window's, computed
    again for the scenario's team only, to carry the names with the absence)."""
    result = _variant(window)
    if result is None:
        return window.team(), window.summary()
    from sagstal_desktop.core.load import summarize

    team = memo_team(window)
    return team, summarize(team, result.summary.as_of, result.norm_set)  # the same figures, with those names


def scenario_words(window: WindowApi, lang: str, anonymise: bool = False) -> tuple[str | None, str]:
    """(the open scenario's name, its sentence) in ``lang``; (None, "") with no scenario open.
    Anonymised: the scenario is called "Scenarie 1", as the memo's scenario section calls
    scenarios, and its sentence counts without naming, dating or giving hours (issue 20)."""
    result = _variant(window)
    if result is None:
        return None, ""
    from sagstal_desktop.core.scenario_describe import describe

    document = window.document()
    scenario, base = document.open_scenario(), document.file_team()
    title = result.name
    if anonymise:
        from sagstal_desktop.report.scenario_section import scenario_texts

        title = scenario_texts(lang)["scenario"].format(n=1)
    sentence = describe(next(s for s in base.scenarios if s.name == scenario.name), base, lang,
                        anonymous=anonymise)
    return title, sentence


# -- questions to the user (module-level so tests can answer them) ---------------------------


def ask_options(window: WindowApi, purpose: str) -> MemoOptions | None:
    """The memo options dialog; None if cancelled. From an open scenario the memo is the
    scenario's (its name in the options)."""
    import dataclasses

    from sagstal_desktop.gui.dialogs.memo_options import MemoOptionsDialog

    dialog = MemoOptionsDialog(memo_team(window), window.norm_set(), window.language(), window, purpose)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    options = dialog.options(window.summary().as_of) if accepted else None
    dialog.deleteLater()
    if options is not None and _variant(window) is not None:  # the scenario's name and sentence as the memo words them
        scenario, sentence = scenario_words(window, options.lang, options.anonymise)
        options = dataclasses.replace(options, scenario=scenario, scenarios=(), scenario_sentence=sentence)
    return options


def ask_save_path(window: WindowApi, suggested: Path) -> Path | None:
    from sagstal_desktop.gui.dialogs.file_dialogs import ask_save_path as ask

    return ask(window, _("Export memo"), suggested, _("PDF files (*.pdf)"), ".pdf")


def ask_printer(window: WindowApi, page_count: int):
    """The system print dialog; a configured QPrinter, or None if cancelled."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(_("Sagstal memo"))
    dialog = QPrintDialog(printer, window)
    dialog.setWindowTitle(_("Print memo"))
    dialog.setMinMax(1, max(page_count, 1))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return printer if accepted else None


# -- helpers --------------------------------------------------------------------------------


def suggested_name(window: WindowApi, options: MemoOptions) -> Path:
    """``Sagstal-notat Team Nord 2026-11-22.pdf`` beside the document (or in the home folder);
    anonymised ``… (anonymiseret).pdf``."""
    team = window.team()
    stem = tr("Sagstal memo", options.lang)
    # anonymised: the scenario's own name may hold a person's name, so the file name leaves it out
    scenario = "" if options.anonymise else (options.scenario or "")
    name = " ".join(x for x in (stem, team.info.team_name.strip(), scenario,
                                window.summary().as_of.isoformat()) if x)
    if options.anonymise:  # "… (anonymiseret).pdf": the name says what the file is (issue 20)
        from sagstal_desktop.core.anonymise import anonymised_title

        name = anonymised_title(name, options.lang)
    name = re.sub(r'[\\/:*?"<>|]+', "-", name)
    path = window.document_path()
    folder = Path(path).parent if path else Path.home()
    return folder / f"{name}.pdf"


def _build(window: WindowApi, target: Path, options: MemoOptions) -> int | None:
    """Write the memo in the background; None after a message (error) or a cancel."""
    from sagstal_desktop.gui.background import MemoBuildCancelled, build_memo_with_progress
    from sagstal_desktop.report.pdf import MemoError

    team, summary = memo_source(window)
    try:
        return build_memo_with_progress(window, team.copy(), target, options,
                                        summary=summary, norm_set=window.norm_set())
    except MemoBuildCancelled:
        window.show_status(_("Memo cancelled."))
    except MemoError as exc:
        QMessageBox.warning(window, _("Memo"),
                            _("The memo could not be written: {reason}").format(reason=exc.message(window.language())))
    except Exception as exc:  # a memo must never take the open document down with it
        QMessageBox.warning(window, _("Memo"),
                            _("The memo could not be made ({detail}).").format(detail=exc))
    return None


def _temp_memo() -> tuple[Path, Path]:
    folder = Path(tempfile.mkdtemp(prefix="sagstal-memo-"))
    return folder, folder / "memo.pdf"


def save_copy(window: WindowApi, source: Path, options: MemoOptions) -> Path | None:
    """Ask where to save and copy the memo there (via a temporary file, then moved)."""
    target = ask_save_path(window, suggested_name(window, options))
    if target is None:
        return None
    from sagstal_desktop.io.atomic_write import WriteFailed, copy_file

    try:
        copy_file(source, target, suffix=".part")
    except WriteFailed as exc:
        reason = f"{target}: {exc.reason(window.language())}"
        QMessageBox.warning(window, _("Memo"),
                            _("The memo could not be written: {reason}").format(reason=reason))
        return None
    window.show_status(_("Memo saved to {path}").format(path=target))
    return target


def print_file(window: WindowApi, pdf: Path) -> int:
    """Ask for a printer and print ``pdf`` with progress; the number of pages printed."""
    from sagstal_desktop.gui.printing.memo_pages import PdfPages
    from sagstal_desktop.gui.printing.memo_print import PrintError, print_pdf

    pages = PdfPages(pdf)
    count = len(pages)
    pages.close()
    printer = ask_printer(window, count)
    if printer is None:
        return 0
    progress = QProgressDialog(_("Printing…"), _("Cancel"), 0, count,
                               window)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)

    def step(done: int, total: int) -> bool:
        progress.setMaximum(total)
        progress.setValue(done)
        QCoreApplication.processEvents()
        return not progress.wasCanceled()

    try:
        printed = print_pdf(pdf, printer, step)
    except PrintError:
        QMessageBox.warning(window, _("Print memo"),
                            _("The printer could not be opened."))
        return 0
    finally:
        progress.close()
        progress.deleteLater()
    window.show_status(ngettext("Sent {n} page to the printer.", "Sent {n} pages to the printer.", printed).format(
        n=printed))
    return printed


# -- the File-menu handlers ------------------------------------------------------------------


def export_memo(window: WindowApi) -> None:
    """File → Export memo…: options, file name, then the PDF written in the background."""
    options = ask_options(window, "export")
    if options is None:
        return
    target = ask_save_path(window, suggested_name(window, options))
    if target is None:
        return
    pages = _build(window, target, options)
    if pages:
        window.show_status(ngettext("Memo saved to {path} ({n} page)", "Memo saved to {path} ({n} pages)",
                                    pages).format(path=target, n=pages))


def preview_memo(window: WindowApi) -> None:
    """File → Memo preview…: the memo's pages in a dialog, with Save as PDF… and Print…"""
    from sagstal_desktop.gui.dialogs.memo_preview import MemoPreviewDialog

    options = ask_options(window, "preview")
    if options is None:
        return
    folder, pdf = _temp_memo()
    if not _build(window, pdf, options):
        shutil.rmtree(folder, ignore_errors=True)
        return
    dialog = MemoPreviewDialog(pdf, window, on_print=lambda path: print_file(window, path),
                               on_save=lambda path: save_copy(window, path, options))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(lambda _r: shutil.rmtree(folder, ignore_errors=True))
    dialog.show()


def print_memo(window: WindowApi) -> None:
    """File → Print…: options, the memo built in the background, the system print dialog."""
    options = ask_options(window, "print")
    if options is None:
        return
    folder, pdf = _temp_memo()
    try:
        if _build(window, pdf, options):
            print_file(window, pdf)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

