"""The split editor of one count (issue 27, Edit → "Sagernes tyngde i feltet…", Ctrl+L, or the
staff table's context menu): how many of one person's cases of one type are enkle, komplekse
and særligt komplicerede; the rest are "ikke vurderet" and count at the team's default level.

The line under the fields reads as the split stands: "38 = 30 enkel + 6 kompleks + 2 særligt
kompliceret". Values go through the one parser (``core.case_weight.parse_split`` →
``core.validation.parse_count``); a refused value keeps the dialog open with a message naming the
cell (row, person, case type) and the level, and nothing is changed.

    dialog = CaseSplitDialog(member, case_type, weighting, cell_name, lang, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        split = dialog.split()  # level -> n (levels with 0 left out)
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from sagstal_desktop.core import case_weight as cw
from sagstal_desktop.core.model import StaffMember
from sagstal_desktop.core.validation import InputError
from sagstal_desktop.gui.case_weight_text import split_line
from sagstal_desktop.gui.dialogs.common import error_label, ok_cancel_buttons, show_error
from sagstal_desktop.i18n import _


class CaseSplitDialog(QDialog):
    """Edits the split of ``member``'s count of ``case_type``; the team itself is never changed here."""

    def __init__(self, member: StaffMember, case_type: str, weighting: cw.Weighting, cell_name: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseSplitDialog")
        self._lang, self._cell_name = lang, cell_name
        self.total = int(member.counts.get(case_type, 0))
        own = member.levels.get(case_type) or {}
        self._split: dict[str, int] = dict(own)
        self.setWindowTitle(_("Case weight of a count"))
        intro = QLabel(_("{cell}: {n} cases. How many are simple, complex and very complex? "
                         "The rest are not assessed and count as {level}.").format(
            cell=cell_name, n=self.total, level=cw.level_name(weighting.default_level, lang)))
        intro.setWordWrap(True)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for level in cw.LEVELS:
            field = QLineEdit(str(own[level]) if own.get(level) else "")
            field.setPlaceholderText("0")
            field.setMaximumWidth(90)
            field.setAccessibleName(_("{level} cases").format(level=cw.level_name(level, lang).capitalize()))
            field.textChanged.connect(self._update_line)
            self.fields[level] = field
            form.addRow(cw.level_name(level, lang).capitalize() + ":", field)
        self.line = QLabel(self)
        self.line.setObjectName("splitLine")
        self.line.setAccessibleName(_("The split"))
        self.line.setWordWrap(True)
        off = _("Case weight is off: the split is kept, but every case counts alike until the team turns "
                "it on (Team → Team settings).")
        note = QLabel(cw.weighting_line(weighting, lang) if weighting.on else off)
        note.setWordWrap(True)
        note.setObjectName("noteLabel")
        self.error = error_label(self)
        buttons = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.line)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self._update_line()

    def _typed(self) -> dict[str, str]:
        return {level: field.text() for level, field in self.fields.items()}

    def _update_line(self) -> None:
        try:
            split = cw.parse_split(self._typed(), 10**9)
        except InputError:
            self.line.setText(f"{self.total} = …")
            return
        self.line.setText(split_line(self.total, split, self._lang))

    def split(self) -> dict[str, int]:
        """The split as accepted (level -> n, levels with 0 left out)."""
        return dict(self._split)

    def accept(self) -> None:
        for level, field in self.fields.items():  # each level alone first: the message names it
            try:
                cw.parse_split({level: field.text()}, self.total)
            except InputError as exc:
                if exc.code == "levels_over_total":
                    break
                self._refuse(exc, level, field)
                return
        try:
            self._split = cw.parse_split(self._typed(), self.total)
        except InputError as exc:
            self._refuse(exc, None, next(iter(self.fields.values())))
            return
        show_error(self.error, "")
        super().accept()

    def _refuse(self, error: InputError, level: str | None, field: QLineEdit) -> None:
        where = self._cell_name if level is None else f"{self._cell_name}, {cw.level_name(level, self._lang)}"
        show_error(self.error, _("{cell}: {reason} – not changed.").format(cell=where,
                                                                              reason=error.message(self._lang)))
        field.setFocus()
        field.selectAll()
