"""The team's own norm sets: create (a copy of a built-in set), edit min/max per case type, rename, delete.

A team's own set is typically a municipal ceiling ("loft over sagstal") that the team is measured
against beside DS's ranges. Every set gets a unique id when it is created and keeps it through
renames and edits, because the team's settings and saved files refer to it.

    dialog = NormSetEditorDialog(team, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        sets = dialog.custom_norm_sets()
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet, builtin_norm_sets, custom_norm_set, find_norm_set
from sagstal_desktop.core.own_norm_sets import new_set_id, renamed, with_source_note
from sagstal_desktop.core.validation import InputError, check_name
from sagstal_desktop.gui.dialogs.common import error_label, ok_cancel_buttons, show_error, ui_language
from sagstal_desktop.gui.icons import icon
from sagstal_desktop.gui.models.norm_table_model import COL_AREA, COL_SOURCE, COL_TYPE, NormTableModel
from sagstal_desktop.i18n import _

AREA_WIDTH = 210  # pixels: long area names are elided, the full name shows in the tooltip
TYPE_WIDTH = 190


class _OneLineDelegate(QStyledItemDelegate):
    """A cell on one line, cut at its end (the norm table's source column; its tooltip is whole)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), option.fontMetrics.height() + 8)


class NewNormSetDialog(QDialog):
    """Asks for the built-in set to copy, a name and where the figures come from."""

    def __init__(self, taken_names: set[str], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._taken = {n.casefold() for n in taken_names}
        self.setWindowTitle(_("New norm set"))
        self.base = QComboBox()
        for norm_set in builtin_norm_sets():
            self.base.addItem(norm_set.name(lang), norm_set.id)
        self.name = QLineEdit()
        self.name.setPlaceholderText(_("e.g. Municipal ceiling 2026"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("e.g. City council decision on a caseload ceiling, 2026"))
        intro = QLabel(_("The new set starts as a copy of a built-in set. Afterwards, change the figures "
                               "that differ, e.g. your municipality's ceiling on caseloads."))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("Copy of:"), self.base)
        form.addRow(_("Name:"), self.name)
        form.addRow(_("Where the figures come from:"), self.note)
        self.error = error_label(self)
        buttons = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        from sagstal_desktop.gui.screen_fit import fit_to_screen

        self.setObjectName("newNormSetDialog")
        fit_to_screen(self, 620, self.sizeHint().height(), remember=False)

    def accept(self) -> None:
        try:
            name = check_name(self.name.text())
        except InputError:
            show_error(self.error, _("Give the new set a name."))
            self.name.setFocus()
            return
        if name.casefold() in self._taken:
            show_error(self.error, _("A set named \"{name}\" exists already; choose another name.")
                       .format(name=name))
            self.name.setFocus()
            return
        super().accept()

    def values(self) -> tuple[str, str, str]:
        """(built-in set id, name, note on the figures' source)."""
        return self.base.currentData(), self.name.text().strip(), self.note.text().strip()


class NormSetEditorDialog(QDialog):
    """Lists the team's own norm sets and edits them; ``custom_norm_sets()`` gives the result."""

    def __init__(self, team: Team, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = ui_language(parent)
        self._sets: list[NormSet] = list(team.custom_norm_sets)
        self._in_use = team.settings.norm_set_id
        self.setWindowTitle(_("Own norm sets"))
        self.setWindowIcon(icon("norms"))

        intro = QLabel(_(
            "Your team's own norm sets, e.g. a ceiling on caseloads decided by the municipality. A new set "
            "starts as a copy of one of DS's sets: change the figures that differ and note where they come "
            "from. The team can then be measured against it, beside DS's ranges."))
        intro.setWordWrap(True)

        self.set_list = QListWidget()
        self.set_list.setMinimumWidth(150)
        self.set_list.setMaximumWidth(200)  # the rest for the figures
        self.set_list.setAccessibleName(_("Own norm sets"))
        self.new_button = QPushButton(icon("new"), _("New…"))
        self.rename_button = QPushButton(_("Rename…"))
        self.delete_button = QPushButton(_("Delete"))
        self.new_button.clicked.connect(self._on_new)
        self.rename_button.clicked.connect(self._on_rename)
        self.delete_button.clicked.connect(self._on_delete)
        list_buttons = QHBoxLayout()
        for button in (self.new_button, self.rename_button, self.delete_button):
            list_buttons.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(QLabel(_("Norm sets:")))
        left.addWidget(self.set_list, 1)
        left.addLayout(list_buttons)

        self.based_on = QLabel()
        self.based_on.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("e.g. City council decision on a caseload ceiling, 2026"))
        self.note.editingFinished.connect(self._on_note_edited)
        form = QFormLayout()
        form.addRow(_("Copy of:"), self.based_on)
        form.addRow(_("Where the figures come from:"), self.note)

        self.model = NormTableModel(self._lang, self)
        self.model.norm_set_changed.connect(self._on_set_changed)
        self.model.edit_refused.connect(self._on_refused)
        self.table = QTableView()
        self.table.setAccessibleName(_("Norms of the set"))
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next control; the arrows move in the table
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SOURCE, QHeaderView.ResizeMode.Stretch)
        for col in (COL_AREA, COL_TYPE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        # long area and type names wrap onto a second line instead of being cut (the source is
        # cut at the end of its column: its whole text is the tooltip)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setItemDelegateForColumn(COL_SOURCE, _OneLineDelegate(self.table))
        hint = QLabel(_("Double-click a minimum or maximum to change it (\"37,5\" and \"37.5\" both work). "
                              "Changed figures are highlighted and cited as the team's own."))
        hint.setWordWrap(True)
        self.error = error_label(self)

        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.table, 1)
        right.addWidget(hint)
        right.addWidget(self.error)
        self.editor = QWidget()
        self.editor.setLayout(right)
        self.empty_label = QLabel(_("The team has no norm sets of its own yet. Click \"New…\" to make one."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        body = QHBoxLayout()
        body.addLayout(left)
        body.addWidget(self.editor, 1)
        body.addWidget(self.empty_label, 1)

        buttons = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

        self.set_list.currentRowChanged.connect(self._show_row)
        self._fill_list()
        from sagstal_desktop.gui.screen_fit import fit_to_screen

        fit_to_screen(self, 1100, 620, remember=False)

    # -- the result -----------------------------------------------------------------------
    def custom_norm_sets(self) -> list[NormSet]:
        """The team's own norm sets as edited (in list order)."""
        self._on_note_edited()
        return list(self._sets)

    def current_set(self) -> NormSet | None:
        row = self.set_list.currentRow()
        return self._sets[row] if 0 <= row < len(self._sets) else None

    # -- operations (the buttons call these after asking; tests call them directly) -------
    def create_set(self, base_id: str, name: str, note: str = "") -> NormSet:
        """Add a copy of built-in set ``base_id`` named ``name`` and select it."""
        base = find_norm_set(base_id)
        taken = [*self._sets, *builtin_norm_sets()]
        new = custom_norm_set(new_set_id(taken), name.strip(), base, None, note.strip())
        self._sets.append(new)
        self._fill_list(len(self._sets) - 1)
        return new

    def rename_current(self, name: str) -> bool:
        """Rename the selected set; False (with a message) for an empty or taken name."""
        current = self.current_set()
        if current is None:
            return False
        try:
            name = check_name(name)
        except InputError:
            show_error(self.error, _("A norm set needs a name."))
            return False
        if any(s.name_da.casefold() == name.casefold() and s.id != current.id for s in self._sets):
            show_error(self.error, _("A set named \"{name}\" exists already; choose another name.")
                       .format(name=name))
            return False
        self._replace(renamed(current, name))
        self._fill_list(self.set_list.currentRow())
        return True

    def delete_current(self) -> bool:
        """Remove the selected set; refused (with a message) while the team is measured against it."""
        current = self.current_set()
        if current is None:
            return False
        if current.id == self._in_use:
            show_error(self.error, _(
                "\"{name}\" is the norm set the team is measured against. Choose another norm set for the "
                "team first, then delete this one.").format(name=current.name(self._lang)))
            return False
        row = self.set_list.currentRow()
        del self._sets[row]
        self._fill_list(min(row, len(self._sets) - 1))
        return True

    # -- slots ------------------------------------------------------------------------------
    def _on_new(self) -> None:
        dialog = NewNormSetDialog({s.name_da for s in self._sets}, self._lang, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.create_set(*dialog.values())

    def _on_rename(self) -> None:
        current = self.current_set()
        if current is None:
            return
        name, ok = QInputDialog.getText(self, _("Rename norm set"), _("New name:"),
                                        QLineEdit.EchoMode.Normal, current.name(self._lang))
        if ok:
            self.rename_current(name)

    def _on_delete(self) -> None:
        current = self.current_set()
        if current is None:
            return
        answer = QMessageBox.question(
            self, _("Delete norm set"),
            _("Delete the norm set \"{name}\"? Cancel in the norm set window still brings it back.")
            .format(name=current.name(self._lang)))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_current()

    def _on_note_edited(self) -> None:
        current = self.current_set()
        if current is not None and self.note.text().strip() != current.description_da:
            self._replace(with_source_note(current, self.note.text().strip()))
            self.model.set_norm_set(self.current_set())

    def _on_set_changed(self, norm_set: NormSet) -> None:
        show_error(self.error, "")
        self._replace(norm_set)

    def _on_refused(self, message: str) -> None:
        show_error(self.error, message)

    # -- helpers --------------------------------------------------------------------------
    def _replace(self, norm_set: NormSet) -> None:
        for i, existing in enumerate(self._sets):
            if existing.id == norm_set.id:
                self._sets[i] = norm_set
                return

    def _fill_list(self, select: int = 0) -> None:
        self.set_list.blockSignals(True)
        self.set_list.clear()
        for norm_set in self._sets:
            item = QListWidgetItem(icon("norms"), norm_set.name(self._lang))
            item.setData(Qt.ItemDataRole.UserRole, norm_set.id)
            self.set_list.addItem(item)
        self.set_list.blockSignals(False)
        has_sets = bool(self._sets)
        self.editor.setVisible(has_sets)
        self.empty_label.setVisible(not has_sets)
        self.rename_button.setEnabled(has_sets)
        self.delete_button.setEnabled(has_sets)
        if has_sets:
            self.set_list.setCurrentRow(max(0, min(select, len(self._sets) - 1)))
        self._show_row(self.set_list.currentRow())

    def _show_row(self, row: int) -> None:
        norm_set = self._sets[row] if 0 <= row < len(self._sets) else None
        self.model.set_norm_set(norm_set)
        if norm_set is None:
            return
        try:
            base = find_norm_set(norm_set.based_on).name(self._lang) if norm_set.based_on else "–"
        except KeyError:
            base = norm_set.based_on or "–"
        self.based_on.setText(base)
        self.note.setText(norm_set.description_da)
        self.note.setCursorPosition(0)
        self.table.resizeColumnsToContents()
        for col, widest in ((COL_AREA, AREA_WIDTH), (COL_TYPE, TYPE_WIDTH)):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), widest))
