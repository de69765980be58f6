"""Absence and vacancies in the open scenario: who is away (sick leave, parental leave, other)
from when to when, which positions are vacant, and whether their cases go to colleagues.

    dialog = AbsenceDialog(team, absences, redistribute, as_of, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        absences, redistribute = dialog.absences(), dialog.redistribute()
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
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

from sagstal_desktop.core.formatting import format_date
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.scenario_model import ABSENCE_KINDS, Absence, absence_label
from sagstal_desktop.gui.dialogs.common import error_label, ok_cancel_buttons, show_error, ui_language
from sagstal_desktop.i18n import _


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class AbsenceDialog(QDialog):
    """Edits a list of absences; the scenario itself is changed by the caller."""

    def __init__(self, team: Team, absences: list[Absence], redistribute: bool, as_of: date,
                 parent: QWidget | None = None, selected: str | None = None, positions_take_cases: bool = True
                 ) -> None:
        super().__init__(parent)
        self._lang = ui_language(parent)
        self._names = {m.id: m.name for m in team.staff}
        self._absences = [a for a in absences if a.member_id in self._names]
        self.setWindowTitle(_("Absence and vacancies"))
        self.person = QComboBox()
        for member in team.staff:
            self.person.addItem(member.name, member.id)
        if selected is not None and self.person.findData(selected) >= 0:  # the person selected in the table
            self.person.setCurrentIndex(self.person.findData(selected))
        self.kind = QComboBox()
        for kind in ABSENCE_KINDS:
            self.kind.addItem(absence_label(kind, self._lang), kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.start, self.end = QDateEdit(_qdate(as_of)), QDateEdit(_qdate(as_of).addMonths(3))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d.M.yyyy" if self._lang == "da" else "yyyy-MM-dd")
        add = QPushButton(_("Add"))
        add.clicked.connect(self._add_clicked)
        form = QFormLayout()
        form.addRow(_("Staff member:"), self.person)
        form.addRow(_("Kind:"), self.kind)
        form.addRow(_("From:"), self.start)
        form.addRow(_("To (inclusive):"), self.end)
        form.addRow("", add)
        mark = QGroupBox(_("Mark someone absent"))
        mark.setLayout(form)

        self.list = QListWidget()
        self.list.setObjectName("absenceList")
        remove = QPushButton(_("Remove"))
        remove.clicked.connect(self._remove_clicked)
        marked = QGroupBox(_("Absent in this scenario"))
        column = QVBoxLayout(marked)
        column.addWidget(self.list)
        column.addWidget(remove, 0, Qt.AlignmentFlag.AlignRight)

        self.redistribute_box = QCheckBox(_("Hand the absent colleagues' cases to colleagues with the "
                                                  "competence (the distribution rule)"))
        self.redistribute_box.setChecked(redistribute)
        self.positions_box = QCheckBox(_("Positions added in this scenario take cases from colleagues by the same "
                                         "rule (from the highest load first)"))
        self.positions_box.setObjectName("positionsTakeCases")
        self.positions_box.setChecked(positions_take_cases)
        note = QLabel(_("While away a person has no casework capacity. Without redistribution their cases "
                        "are shown as cases without a caseworker. Absences outside the date computed have no "
                        "effect. The table, summary and chart show the scenario computed."))
        note.setWordWrap(True)
        self.error = error_label()
        buttons = ok_cancel_buttons(self)
        top = QHBoxLayout()
        top.addWidget(mark, 1)
        top.addWidget(marked, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.redistribute_box)
        layout.addWidget(self.positions_box)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        from sagstal_desktop.gui.screen_fit import fit_to_screen, remember_size

        self.setObjectName("absenceDialog")
        fit_to_screen(self, 760, 400)
        self.finished.connect(lambda _result=0: remember_size(self))
        self._fill()

    def _kind_changed(self) -> None:
        dated = self.kind.currentData() != "vacant"
        self.start.setEnabled(dated)
        self.end.setEnabled(dated)

    def _describe(self, absence: Absence) -> str:
        label = absence_label(absence.kind, self._lang)
        if absence.kind != "vacant":
            label += f" {format_date(absence.start, self._lang) or '…'}–{format_date(absence.end, self._lang) or '…'}"
        return f"{self._names[absence.member_id]}: {label}"

    def _fill(self) -> None:
        self.list.clear()
        for absence in self._absences:
            item = QListWidgetItem(self._describe(absence))
            item.setData(Qt.ItemDataRole.UserRole, absence.member_id)
            self.list.addItem(item)

    def add_absence(self, member_id: str, kind: str, start: date | None, end: date | None) -> bool:
        """Mark ``member_id`` away (replacing an earlier mark); False with a message if the
        dates are the wrong way round."""
        try:
            absence = Absence(member_id, kind, None if kind == "vacant" else start, None if kind == "vacant" else end)
        except ValueError:
            show_error(self.error, _("The absence cannot end before it starts."))
            return False
        show_error(self.error, "")
        self._absences = [a for a in self._absences if a.member_id != member_id] + [absence]
        self._fill()
        return True

    def _add_clicked(self) -> None:
        self.add_absence(self.person.currentData(), self.kind.currentData(), _pydate(self.start.date()),
                         _pydate(self.end.date()))

    def _remove_clicked(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            member_id = item.data(Qt.ItemDataRole.UserRole)
            self._absences = [a for a in self._absences if a.member_id != member_id]
            self._fill()

    def absences(self) -> list[Absence]:
        return list(self._absences)

    def redistribute(self) -> bool:
        return self.redistribute_box.isChecked()

    def positions_take_cases(self) -> bool:
        return self.positions_box.isChecked()
