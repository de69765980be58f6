"""Compare the current team and scenarios side by side on a chosen date: a table (FTE needed,
available, shortfall, cost, staff over the maximum, average caseload, cases without a caseworker,
each person's load) and a chart of FTE needed at the maximum against FTE available; the tables
can be exported to Excel. Every figure is core's (``core/comparison.py``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sagstal_desktop.core.comparison import Comparison, compare
from sagstal_desktop.core.formatting import format_number
from sagstal_desktop.gui.dialogs.common import ui_language
from sagstal_desktop.gui.models.compare_model import CompareTableModel
from sagstal_desktop.gui.team_document import Document
from sagstal_desktop.i18n import _, current_language
from sagstal_desktop.io.problems import system_reason

_NEEDED, _AVAILABLE = QColor("#8c2d19"), QColor("#3b6ea5")


def name_label_flags() -> int:
    return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


def name_label(name: str, metrics, width: float) -> str:
    """A variant's name under its bars: whole, wrapped onto two lines; a word wider than the slot,
    or a rest past two lines, is cut with "…"."""
    lines: list[str] = []
    words = name.split()
    while words and len(lines) < 2:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        if words and len(lines) == 1:
            line, words = f"{line} {' '.join(words)}", []
        lines.append(metrics.elidedText(line, Qt.TextElideMode.ElideRight, int(width)))
    return "\n".join(lines)


class CompareChart(QWidget):
    """Per variant two bars: FTE needed at the maximum and FTE available."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._lang = "da"
        self._legend = ("", "")
        self.setMinimumHeight(170)

    def show_comparison(self, comparison: Comparison, lang: str, legend: tuple[str, str]) -> None:
        self._comparison, self._lang, self._legend = comparison, lang, legend
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self._comparison is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = self._comparison
        pairs = [(f["fte_needed_max"], f["available_fte"]) for f in c.figures]
        top = max([1.0, *(v for pair in pairs for v in pair)]) * 1.15
        left, bottom, legend_h = 10, self.height() - 40, 20
        plot_h = bottom - legend_h - 6
        slot = (self.width() - 2 * left) / max(1, len(pairs))
        metrics = painter.fontMetrics()
        x = left
        for text, color in zip(self._legend, (_NEEDED, _AVAILABLE), strict=True):
            painter.fillRect(QRectF(x, 4, 12, 12), color)
            painter.setPen(self.palette().text().color())
            painter.drawText(x + 16, 15, text)
            x += 16 + metrics.horizontalAdvance(text) + 24
        for i, (name, pair) in enumerate(zip(c.names, pairs, strict=True)):
            x0 = left + i * slot
            bar = min(46.0, slot / 3)
            for j, (value, color) in enumerate(zip(pair, (_NEEDED, _AVAILABLE), strict=True)):
                height = plot_h * value / top
                rect = QRectF(x0 + slot / 2 - bar + j * bar, bottom - height, bar - 4, height)
                painter.fillRect(rect, color)
                painter.setPen(self.palette().text().color())
                painter.drawText(QRectF(rect.x() - 8, rect.y() - 16, rect.width() + 16, 14),
                                 Qt.AlignmentFlag.AlignCenter, format_number(value, 2, self._lang))
            painter.drawText(QRectF(x0 + 3, bottom + 3, slot - 6, 36), name_label_flags(),
                             name_label(name, metrics, slot - 6))
        painter.setPen(self.palette().mid().color())
        painter.drawLine(left, bottom, self.width() - left, bottom)
        painter.end()


class CompareDialog(QDialog):
    """``CompareDialog(document, parent).exec()``; recomputes when the date or the choice changes."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = ui_language(parent)
        self._team = document.file_team()
        self.comparison: Comparison | None = None
        self.setWindowTitle(_("Compare scenarios"))
        as_of = document.as_of
        self.as_of = QDateEdit(QDate(as_of.year, as_of.month, as_of.day))
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("d.M.yyyy" if self._lang == "da" else "yyyy-MM-dd")
        self.as_of.dateChanged.connect(self.recompute)
        self.as_of.setAccessibleName(_("Computed as of"))
        self.chosen = QListWidget()
        self.chosen.setObjectName("scenarioChoice")
        self.chosen.setAccessibleName(_("Scenarios to compare"))
        for scenario in self._team.scenarios:
            item = QListWidgetItem(scenario.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.chosen.addItem(item)
        self.chosen.itemChanged.connect(lambda _item: self.recompute())
        self.chosen.setMaximumWidth(240)
        self.model = CompareTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(_("Comparison"))
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next control; the arrows move in the table
        self.table.setObjectName("compareTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.chart = CompareChart()
        self.chart.setMaximumHeight(230)
        self.note = QLabel()
        self.note.setWordWrap(True)
        export = QPushButton(_("Export to Excel…"))
        export.setObjectName("exportExcel")
        export.clicked.connect(self._export_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(export, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        side = QVBoxLayout()
        side.addWidget(QLabel(_("Computed for:")))
        side.addWidget(self.as_of)
        side.addWidget(QLabel(_("Scenarios:")))
        side.addWidget(self.chosen, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.table)
        right.addWidget(self.chart)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 0)
        right.setSizes([440, 190])
        top = QHBoxLayout()
        top.addLayout(side)
        top.addWidget(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        from sagstal_desktop.gui.screen_fit import fit_to_screen, remember_size

        self.setObjectName("compareDialog")
        fit_to_screen(self, 1180, 680)
        self.finished.connect(lambda _result=0: remember_size(self))
        self.recompute()

    def chosen_names(self) -> list[str]:
        return [self.chosen.item(i).text() for i in range(self.chosen.count())
                if self.chosen.item(i).checkState() == Qt.CheckState.Checked]

    def as_of_date(self) -> date:
        d = self.as_of.date()
        return date(d.year(), d.month(), d.day())

    def recompute(self) -> None:
        self.comparison = compare(self._team, self.chosen_names(), self.as_of_date(), self._lang)
        self.model.set_comparison(self.comparison, self._lang)
        labels = self.comparison.labels
        self.chart.show_comparison(self.comparison, self._lang, (labels["fte_needed_max"], labels["available_fte"]))
        self.note.setText(_("Absent colleagues' cases are counted with the colleagues who receive them, as DS "
                                  "counts cases held for absent colleagues. FTE needed at the maximum is the headline; "
                                  "the midpoint and minimum are a range, not a staffing demand."))

    def export(self, path: Path) -> None:
        """Write the comparison to ``path`` (.xlsx); raises OSError."""
        from sagstal_desktop.io.compare_table import export_xlsx

        export_xlsx(self.comparison, path, self._lang)

    def _export_clicked(self) -> None:
        from sagstal_desktop.gui.dialogs.file_dialogs import ask_save_path

        path = ask_save_path(self, _("Export to Excel"), _("comparison") + ".xlsx", _("Excel (*.xlsx)"), ".xlsx")
        if path is None:
            return
        try:
            self.export(path)
        except OSError as exc:
            QMessageBox.warning(self, _("Export to Excel"),
                                _("{name} could not be written: {reason}").format(
                                    name=path.name, reason=system_reason(exc, current_language())))
