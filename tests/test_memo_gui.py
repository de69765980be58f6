"""The memo in the window: options dialog, background build with progress and cancel, export,
preview and printing — driven through a small stand-in with the MainWindow API."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import TODAY, pdf_text
from helpers.windows import FakeWindow
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from sagstal_desktop.gui.background import MemoBuildCancelled, Worker, build_memo_with_progress, memo_job
from sagstal_desktop.gui.dialogs.memo_options import MemoOptionsDialog
from sagstal_desktop.gui.handlers import memo as memo_actions
from sagstal_desktop.report.options import MemoOptions


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


@pytest.fixture
def window(qtbot, demo, tmp_path):
    win = FakeWindow(demo, tmp_path / "team.sagstal", read_only=True)
    qtbot.addWidget(win)
    return win


def test_options_dialog_defaults_and_result(qtbot, demo):
    dialog = MemoOptionsDialog(demo, demo.norm_set(), "en", None, "export", today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "en"
    assert not dialog.anonymise.isChecked()  # a team leader's memo names the staff by default
    assert dialog.budget.isEnabled() and dialog.budget.isChecked()
    assert dialog.years.value() == demo.settings.budget_years
    assert dialog.first_year.value() == demo.settings.budget_first_year
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Export…"
    dialog.anonymise.setChecked(True)
    dialog.references.setChecked(False)
    dialog.years.setValue(7)
    dialog.language.setCurrentIndex(0)
    options = dialog.options(TODAY)
    assert options == MemoOptions(lang="da", anonymise=True, include_national=True, include_budget=True,
                                  include_references=False, budget_years=7,
                                  budget_first_year=demo.settings.budget_first_year, as_of=TODAY)
    dialog.budget.setChecked(False)
    assert not dialog.years.isEnabled() and not dialog.options().include_budget


def test_options_dialog_for_tr_without_cost(qtbot, demo):
    demo.info.author_role = "tr"
    demo.settings.cost_per_fte = None
    demo.settings.budget_first_year = None
    dialog = MemoOptionsDialog(demo, demo.norm_set(), "da", None, "print", today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.anonymise.isChecked()  # TR material is often shared: anonymised by default
    assert not dialog.budget.isEnabled() and not dialog.budget.isChecked()
    # greyed out with the reason in sight, not only in a tooltip
    assert dialog.budget_note.text() == "Enter a cost per FTE under Team → Settings to include a budget."
    assert dialog.budget_note.isVisibleTo(dialog)
    assert dialog.first_year.value() == TODAY.year + 1
    assert not dialog.options().include_budget


def test_background_build_writes_the_memo(qtbot, window, tmp_path):
    target = tmp_path / "memo.pdf"
    pages = build_memo_with_progress(window, window.team().copy(), target, MemoOptions(as_of=TODAY),
                                     summary=window.summary(), norm_set=window.norm_set())
    assert pages == pdf_pages(target) >= 3
    assert "Karin Østergaard" in pdf_text(target)


def test_cancel_leaves_no_file(qtbot, window, tmp_path):
    target = tmp_path / "memo.pdf"
    worker = Worker(memo_job(window.team().copy(), target, MemoOptions(as_of=TODAY), None, None))
    worker.cancel_event.set()
    worker.start()
    worker.wait()
    assert worker.result is None and type(worker.error).__name__ == "MemoCancelled"
    assert list(tmp_path.iterdir()) == []


def test_cancel_through_the_progress_dialog(qtbot, window, tmp_path, monkeypatch):
    from sagstal_desktop.gui import background

    started = []

    class CancellingWorker(Worker):
        def start(self) -> None:
            started.append(self)
            self.cancel_event.set()  # as if Cancel was pressed at once
            super().start()

    monkeypatch.setattr(background, "Worker", CancellingWorker)
    with pytest.raises(MemoBuildCancelled):
        build_memo_with_progress(window, window.team().copy(), tmp_path / "m.pdf", MemoOptions(as_of=TODAY))
    assert started and not (tmp_path / "m.pdf").exists()


def test_export_memo(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "out" / "notat.pdf"
    target.parent.mkdir()
    asked = {}
    monkeypatch.setattr(memo_actions, "ask_options", lambda w, purpose: MemoOptions(anonymise=True, as_of=TODAY))

    def save_path(w, suggested):
        asked["suggested"] = suggested
        return target

    monkeypatch.setattr(memo_actions, "ask_save_path", save_path)
    memo_actions.export_memo(window)
    assert asked["suggested"] == tmp_path / "Sagstal-notat Team Nord 2026-11-22 (anonymiseret).pdf"  # issue 20
    text = pdf_text(target)
    assert "Medarbejder A" in text and "Anne Holm" not in text
    assert window.statuses[-1].startswith(f"Memo saved to {target}")
    assert sorted(p.name for p in target.parent.iterdir()) == ["notat.pdf"]


def test_export_cancelled_at_options_or_file_dialog(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(memo_actions, "ask_options", lambda w, purpose: None)
    monkeypatch.setattr(memo_actions, "ask_save_path", lambda w, s: pytest.fail("no file dialog after Cancel"))
    memo_actions.export_memo(window)
    monkeypatch.setattr(memo_actions, "ask_options", lambda w, purpose: MemoOptions(as_of=TODAY))
    monkeypatch.setattr(memo_actions, "ask_save_path", lambda w, s: None)
    memo_actions.export_memo(window)
    assert window.statuses == [] and sorted(tmp_path.iterdir()) == []


def test_export_to_unwritable_place_warns(qtbot, window, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(memo_actions, "ask_options", lambda w, purpose: MemoOptions(as_of=TODAY))
    monkeypatch.setattr(memo_actions, "ask_save_path", lambda w, s: tmp_path / "gone" / "memo.pdf")

    class Box:  # stands in for QMessageBox (patching the PySide class itself would outlive the test)
        @staticmethod
        def warning(parent, title, text):
            warnings.append(text)

    monkeypatch.setattr(memo_actions, "QMessageBox", Box)
    memo_actions.export_memo(window)
    assert warnings and "could not be written" in warnings[0] and "gone" in warnings[0]


def test_preview_renders_pages_and_cleans_up(qtbot, window, monkeypatch):
    from sagstal_desktop.gui.dialogs.memo_preview import MemoPreviewDialog

    monkeypatch.setattr(memo_actions, "ask_options", lambda w, purpose: MemoOptions(as_of=TODAY))
    memo_actions.preview_memo(window)
    dialog = window.findChild(MemoPreviewDialog)
    assert dialog is not None and dialog.isVisible()
    pdf = dialog.pdf_path
    assert pdf.is_file() and len(dialog.labels) == pdf_pages(pdf)
    qtbot.waitUntil(lambda: 0 in dialog.rendered_pages(), timeout=5000)
    assert dialog.page_label.text() == f"Page 1 of {len(dialog.labels)}"
    first = dialog.labels[0].pixmap()
    assert not first.isNull() and first.width() > 300
    image = first.toImage()
    dark = sum(1 for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
               if image.pixelColor(x, y).lightness() < 128)
    assert dark > 50  # text and bars, not a blank page
    width_before = dialog.labels[0].width()
    dialog.zoom.setCurrentIndex(dialog.zoom.findData(200))
    assert dialog.labels[0].width() > width_before
    qtbot.waitUntil(lambda: dialog.labels[0].pixmap().width() >= dialog.labels[0].width() - 2, timeout=5000)
    dialog.scroll.verticalScrollBar().setValue(dialog.scroll.verticalScrollBar().maximum())
    last = len(dialog.labels) - 1
    qtbot.waitUntil(lambda: last in dialog.rendered_pages(), timeout=5000)
    assert dialog.page_label.text().endswith(f"of {len(dialog.labels)}")
    dialog.close()
    qtbot.waitUntil(lambda: not pdf.parent.exists(), timeout=3000)


def test_preview_save_as_pdf(qtbot, window, tmp_path, monkeypatch):
    from sagstal_desktop.gui.dialogs.memo_preview import MemoPreviewDialog

    monkeypatch.setattr(memo_actions, "ask_options", lambda w, purpose: MemoOptions(lang="en", as_of=TODAY))
    saved = tmp_path / "copy.pdf"
    monkeypatch.setattr(memo_actions, "ask_save_path", lambda w, suggested: saved)
    memo_actions.preview_memo(window)
    dialog = window.findChild(MemoPreviewDialog)
    dialog.findChild(QWidget, "saveButton").click()
    assert saved.read_bytes() == dialog.pdf_path.read_bytes()
    assert "Memo on caseloads and staffing" in pdf_text(saved)
    dialog.close()


def _pdf_printer(path: Path, first: int = 0, last: int = 0) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    if first:
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(first, last)
    return printer


def test_print_memo_prints_every_page(qtbot, window, tmp_path, monkeypatch):
    printed = tmp_path / "printed.pdf"
    counts = []
    monkeypatch.setattr(memo_actions, "ask_options", lambda w, purpose: MemoOptions(as_of=TODAY))

    def printer(w, page_count):
        counts.append(page_count)
        return _pdf_printer(printed)

    monkeypatch.setattr(memo_actions, "ask_printer", printer)
    memo_actions.print_memo(window)
    assert pdf_pages(printed) == counts[0] >= 3
    assert window.statuses[-1] == f"Sent {counts[0]} pages to the printer."  # plural form (ngettext)
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(printed), str(png)], check=True)
    from PySide6.QtGui import QImage

    image = QImage(str(next(tmp_path.glob("page*.png"))))
    dark = sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
               if image.pixelColor(x, y).lightness() < 128)
    assert dark > 30  # the memo's page, not a blank sheet


def test_print_page_range(qtbot, demo, tmp_path):
    from sagstal_desktop.gui.printing.memo_print import print_pdf
    from sagstal_desktop.report.pdf import write_memo

    memo = tmp_path / "memo.pdf"
    pages = write_memo(demo, memo, MemoOptions(as_of=TODAY))
    out = tmp_path / "range.pdf"
    assert print_pdf(memo, _pdf_printer(out, 2, 3)) == 2
    assert pdf_pages(out) == 2
    # printed to a file: the memo's vector pages (text, no page images), about the memo's size
    assert pdf_text(out).split() == " ".join(
        subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "3", "-enc", "UTF-8", str(memo), "-"],
                       capture_output=True, text=True, check=True).stdout.split()).split()
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) == 2  # the listing's two header lines: no images
    assert out.stat().st_size < memo.stat().st_size + 50_000
    out_all = tmp_path / "all.pdf"
    seen = []
    assert print_pdf(memo, _pdf_printer(out_all), lambda done, total: seen.append((done, total)) or done < 2) == 2
    assert seen == [(1, pages), (2, pages)]  # stopped when asked to
    assert pdf_pages(out_all) == 2
    every = tmp_path / "every.pdf"
    assert print_pdf(memo, _pdf_printer(every)) == pages
    assert every.read_bytes() == memo.read_bytes()  # every page: the memo itself


def test_print_cancelled_in_print_dialog(qtbot, window, monkeypatch):
    monkeypatch.setattr(memo_actions, "ask_options", lambda w, purpose: MemoOptions(as_of=TODAY))
    monkeypatch.setattr(memo_actions, "ask_printer", lambda w, n: None)
    memo_actions.print_memo(window)
    assert window.statuses == []


def test_suggested_name_for_unsaved_document(qtbot, demo, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    win = FakeWindow(demo, None, "en", read_only=True)
    qtbot.addWidget(win)
    demo.info.team_name = 'Team: "Nord/Syd"'
    name = memo_actions.suggested_name(win, MemoOptions(lang="en"))
    assert name.parent == Path.home()
    assert name.name == "Sagstal memo Team- -Nord-Syd- 2026-11-22.pdf"


def test_memo_dialogs_in_danish(qtbot, qapp, demo, tmp_path):
    from sagstal_desktop.gui import qt_language
    from sagstal_desktop.gui.dialogs.memo_preview import MemoPreviewDialog
    from sagstal_desktop.report.pdf import write_memo

    qt_language.install_translations(qapp, "da")
    try:
        dialog = MemoOptionsDialog(demo, demo.norm_set(), "da", None, "print", today=TODAY)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Udskriv notat"
        assert dialog.anonymise.text() == "Anonymisér medarbejdere (Medarbejder A, B, …)"
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        assert ok.text() == "Udskriv…"
        memo = tmp_path / "memo.pdf"
        pages = write_memo(demo, memo, MemoOptions(as_of=TODAY))
        preview = MemoPreviewDialog(memo)
        qtbot.addWidget(preview)
        preview.show()
        qtbot.waitUntil(lambda: preview.rendered_pages() != [], timeout=5000)
        assert preview.page_label.text() == f"Side 1 af {pages}"
        assert preview.zoom.itemText(0) == "Tilpas bredde"
        preview.close()
    finally:
        qt_language.install_translations(qapp, "en")
