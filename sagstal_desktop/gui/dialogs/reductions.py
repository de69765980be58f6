"""One person's dated reductions: hours a week on other tasks with a reason (TR,
arbejdsmiljørepræsentant, projekt, efteruddannelse, andet) and optional from/to dates, each shown
with its state on the date computed (planlagt, aktiv, afsluttet; ``core/reductions.py``).

    dialog = ReductionsDialog(member, as_of, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        reductions = dialog.reductions()
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sagstal_desktop.core.formatting import format_date, format_number
from sagstal_desktop.core.model import StaffMember
from sagstal_desktop.core.reductions import REASONS, Reduction, ReductionState, reason_label
from sagstal_desktop.gui.dialogs.common import error_label, ok_cancel_buttons, show_error, ui_language
from sagstal_desktop.i18n import N_, _, tr

_STATES = {ReductionState.SCHEDULED: N_("scheduled"), ReductionState.ACTIVE: N_("active"),
           ReductionState.ARCHIVED: N_("ended")}


def state_label(state: ReductionState, lang: str | None = None) -> str:
    """``planlagt`` / ``aktiv`` / ``afsluttet``."""
    return tr(_STATES[state], lang)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class ReductionsDialog(QDialog):
    """Edits one person's list of dated reductions; the caller stores the result."""

    def __init__(self, member: StaffMember, as_of: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reductionsDialog")
        self._lang = ui_language(parent)
        self._as_of = as_of
        self._reductions = list(member.reductions)
        self._weekly = member.casework_hours
        self.setWindowTitle(_("Reductions: {name}").format(name=member.name))
        self.reason = QComboBox()
        for reason in REASONS:
            self.reason.addItem(reason_label(reason, self._lang), reason)
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.0, max(member.weekly_hours, 0.0))
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.hours.setSuffix(" " + _("hours a week"))
        self.has_start, self.has_end = QCheckBox(_("From:")), QCheckBox(_("To (inclusive):"))
        self.start, self.end = QDateEdit(_qdate(as_of)), QDateEdit(_qdate(as_of).addMonths(3))
        for box, edit in ((self.has_start, self.start), (self.has_end, self.end)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d.M.yyyy" if self._lang == "da" else "yyyy-MM-dd")
            edit.setEnabled(False)
            box.toggled.connect(edit.setEnabled)
        add = QPushButton(_("Add"))
        add.clicked.connect(self._add_clicked)
        update = QPushButton(_("Save changes"))
        update.setObjectName("updateReduction")
        update.clicked.connect(self._update_clicked)
        form = QFormLayout()
        form.addRow(_("Reason:"), self.reason)
        form.addRow(_("Hours:"), self.hours)
        form.addRow(self.has_start, self.start)
        form.addRow(self.has_end, self.end)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(update)
        form.addRow("", row)
        edit_box = QGroupBox(_("Reduction"))
        edit_box.setLayout(form)

        self.list = QListWidget()
        self.list.setObjectName("reductionList")
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._selected)
        remove = QPushButton(_("Remove"))
        remove.clicked.connect(self._remove_clicked)
        listed = QGroupBox(_("Reductions on {date}").format(date=format_date(as_of, self._lang)))
        column = QVBoxLayout(listed)
        column.addWidget(self.list)
        column.addWidget(remove, 0, Qt.AlignmentFlag.AlignRight)
        note = QLabel(_("Hours on other tasks reduce the casework capacity only between their dates (planned "
                        "before the start, ended after the end). Hours without dates are entered in the table."))
        note.setWordWrap(True)
        self.error = error_label()
        buttons = ok_cancel_buttons(self)
        top = QHBoxLayout()
        top.addWidget(edit_box, 2)
        top.addWidget(listed, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        from sagstal_desktop.gui.screen_fit import fit_to_screen, remember_size

        fit_to_screen(self, 880, 360)
        self.finished.connect(lambda _result=0: remember_size(self))
        self._fill()

    def describe(self, reduction: Reduction) -> str:
        """``aktiv: Tillidsrepræsentant (TR), 5 timer, 1.1.2027–…``."""
        lang = self._lang
        dates = ""
        if reduction.start or reduction.end:
            dates = f", {format_date(reduction.start, lang) or '…'}–{format_date(reduction.end, lang) or '…'}"
        decimals = 0 if float(reduction.hours).is_integer() else 1
        hours = _("{n} hours").format(n=format_number(reduction.hours, decimals, lang))
        state = state_label(reduction.state(self._as_of), lang)
        return f"{state}: {reason_label(reduction.reason, lang)}, {hours}{dates}"

    def _fill(self, current: int = -1) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for reduction in self._reductions:
            item = QListWidgetItem(self.describe(reduction))
            if not reduction.active(self._as_of):
                item.setForeground(Qt.GlobalColor.darkGray)
            self.list.addItem(item)
        self.list.setCurrentRow(current)
        self.list.blockSignals(False)

    def _selected(self, row: int) -> None:
        if not 0 <= row < len(self._reductions):
            return
        reduction = self._reductions[row]
        self.reason.setCurrentIndex(REASONS.index(reduction.reason))
        self.hours.setValue(reduction.hours)
        for box, edit, day in ((self.has_start, self.start, reduction.start), (self.has_end, self.end, reduction.end)):
            box.setChecked(day is not None)
            if day is not None:
                edit.setDate(_qdate(day))

    def form_reduction(self) -> Reduction | None:
        """The reduction in the form; None with a message when it does not hold."""
        start = _pydate(self.start.date()) if self.has_start.isChecked() else None
        end = _pydate(self.end.date()) if self.has_end.isChecked() else None
        if self.hours.value() <= 0:
            show_error(self.error, _("Enter the hours a week the reduction takes."))
            return None
        try:
            made = Reduction(self.hours.value(), self.reason.currentData(), start, end)
        except ValueError:
            show_error(self.error, _("The reduction cannot end before it starts."))
            return None
        show_error(self.error, "")
        return made

    def _add_clicked(self) -> None:
        made = self.form_reduction()
        if made is not None:
            self._reductions.append(made)
            self._fill(len(self._reductions) - 1)

    def _update_clicked(self) -> None:
        row = self.list.currentRow()
        made = self.form_reduction()
        if made is not None and 0 <= row < len(self._reductions):
            self._reductions[row] = made
            self._fill(row)

    def _remove_clicked(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._reductions):
            del self._reductions[row]
            self._fill(min(row, len(self._reductions) - 1))

    def reductions(self) -> tuple[Reduction, ...]:
        return tuple(self._reductions)
