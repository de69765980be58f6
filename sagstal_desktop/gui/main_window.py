"""The team leader's workspace: the staff table, the team summary and the load chart.

The window wires views to a ``Document`` (team, file, undo history, computed summary) and
handles files, staff rows, the norm-set choice, dialogs and the language. Every edit is an
undoable command; every command triggers one recompute whose result all views read.
"""

from __future__ import annotations

import importlib
import json
from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from sagstal_desktop.core.formatting import format_date
from sagstal_desktop.core.load import TeamSummary
from sagstal_desktop.core.model import StaffMember, Team, new_id
from sagstal_desktop.core.norms import NormSet, builtin_norm_sets
from sagstal_desktop.gui.commands import InsertMembersCommand, RemoveMembersCommand, ReplaceTeamCommand
from sagstal_desktop.gui.document import Document, find_recoverable
from sagstal_desktop.gui.menus import HANDLERS, WindowActions
from sagstal_desktop.gui.models.staff_model import COL_NAME, SORT_ROLE, StaffTableModel
from sagstal_desktop.gui.widgets.chart_host import ChartHost
from sagstal_desktop.gui.widgets.legend import StatusLegend
from sagstal_desktop.gui.widgets.summary_panel import SummaryPanel

FILE_SUFFIX = ".sagstal"
MAX_RECENT = 8
_DEFAULT_WIDTHS = {"name": 160, "case": 90, "computed": 80, "fixed": 80, "status": 145}


def _settings():
    from sagstal_desktop.gui.app_settings import app_settings

    return app_settings()


def _current_language() -> str:
    try:
        from sagstal_desktop.gui.i18n import current_language
    except ImportError:
        return "en"
    return current_language()


def _make_chart(parent: QWidget):
    from sagstal_desktop.gui.widgets.load_chart import LoadChart

    return LoadChart(parent)


class MainWindow(QMainWindow):
    """``MainWindow(team, path, demo=..., as_of=..., lang=...)``; with no team, the demo team."""

    def __init__(self, team: Team | None = None, path: Path | None = None, *, demo: bool = False,
                 as_of: date | None = None, lang: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if team is None:
            from sagstal_desktop.core.demo import demo_team

            team, path, demo = demo_team(as_of), None, True
        self._lang = lang or _current_language()
        self._title_hint = ""
        self._last_message = ""
        self._widths: dict[str, int] = {}  # column widths by column key (remembered)
        self._document = Document(team, Path(path) if path else None, demo=demo, as_of=as_of, parent=self)
        self._model = StaffTableModel(self._document, self._lang, self)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self._model)
        self._proxy.setSortRole(SORT_ROLE)
        self._build_ui()
        self.actions = WindowActions(self)
        for name in ("remove", "edit_cell", "duplicate", "add"):
            self.table.addAction(self.actions.actions[name])
        self.actions.actions[f"lang_{self._lang}"].setChecked(True)
        self._toolbar_actions()

        self._document.recomputed.connect(self._on_recomputed)
        self._document.state_changed.connect(self._update_title)
        self._document.undo_stack.indexChanged.connect(self._update_undo_actions)
        self._model.input_refused.connect(self._on_input_refused)
        self._model.modelReset.connect(self._apply_column_widths)
        self._chart_host.person_clicked.connect(self.select_member)
        self._chart_host.chart_created.connect(self._refresh_chart)
        self._restore_settings()
        self._on_recomputed()
        self._update_title()

    # -- construction ------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.table = QTableView(self)
        self.table.setObjectName("staffTable")
        self.table.setModel(self._proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().sectionResized.connect(self._remember_widths)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

        self.summary_panel = SummaryPanel(self)
        summary_scroll = QScrollArea(self)
        summary_scroll.setWidgetResizable(True)
        summary_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        summary_scroll.setWidget(self.summary_panel)
        summary_scroll.setMinimumWidth(300)
        self._chart_host = ChartHost(_make_chart, self)
        self.legend = StatusLegend(self)
        chart_side = QWidget(self)
        chart_layout = QVBoxLayout(chart_side)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.setSpacing(4)
        chart_layout.addWidget(self.legend)
        chart_layout.addWidget(self._chart_host, 1)

        self.bottom_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.bottom_splitter.setObjectName("bottomSplitter")
        self.bottom_splitter.addWidget(chart_side)
        self.bottom_splitter.addWidget(summary_scroll)
        self.bottom_splitter.setStretchFactor(0, 3)
        self.bottom_splitter.setStretchFactor(1, 2)
        self.main_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.table)
        self.main_splitter.addWidget(self.bottom_splitter)
        self.main_splitter.setStretchFactor(0, 1)
        self.main_splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.main_splitter)

        self.norm_combo = QComboBox(self)
        self.norm_combo.setObjectName("normSetChooser")
        self.norm_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.norm_combo.activated.connect(self._on_norm_combo)
        self._norm_label = QLabel(self)
        self._as_of_label = QLabel(self)
        self.statusBar().addPermanentWidget(self._as_of_label)
        self.setTabOrder(self.norm_combo, self.table)
        self.setTabOrder(self.table, summary_scroll)

    def _toolbar_actions(self) -> None:
        bar = QToolBar(self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        a = self.actions.actions
        bar.addActions([a["new"], a["open"], a["save"]])
        bar.addSeparator()
        bar.addActions([a["undo"], a["redo"]])
        bar.addSeparator()
        bar.addActions([a["add"], a["duplicate"], a["remove"]])
        bar.addSeparator()
        bar.addWidget(self._norm_label)
        bar.addWidget(self.norm_combo)
        bar.addAction(a["norm_sets"])
        bar.addSeparator()
        bar.addActions([a["settings"], a["export_memo"]])
        self.addToolBar(bar)
        self._toolbar = bar
        self._retranslate()

    # -- public API (used by the import and memo helpers) --------------------------------
    def team(self) -> Team:
        return self._document.team

    def summary(self) -> TeamSummary:
        return self._document.summary

    def norm_set(self) -> NormSet:
        return self._document.norm_set()

    def document_path(self) -> Path | None:
        return None if self._document.is_demo else self._document.path

    def language(self) -> str:
        return self._lang

    def document(self) -> Document:
        return self._document

    def model(self) -> StaffTableModel:
        return self._model

    def chart_host(self) -> ChartHost:
        return self._chart_host

    def apply_team(self, new_team: Team, description: str) -> None:
        """Replace the whole team as one undoable step."""
        self._document.undo_stack.push(ReplaceTeamCommand(self._document, new_team, description))

    def open_team_as_new(self, team: Team, title: str) -> None:
        """Open ``team`` as a new, unsaved document (after offering to save the current one)."""
        if not self.maybe_save():
            return
        self._title_hint = title
        self._document.replace(team, None, modified=True)

    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        self._last_message = text
        self.statusBar().showMessage(text, timeout_ms)

    def last_message(self) -> str:
        """The last status-bar message (also after it has timed out)."""
        return self._last_message

    # -- recompute -----------------------------------------------------------------------
    def _on_recomputed(self) -> None:
        summary, norm_set = self._document.summary, self._document.norm_set()
        self.summary_panel.show_summary(summary, norm_set, self._lang)
        self.legend.show_statuses(set(summary.persons.column("status")), norm_set)
        self._refresh_chart()
        self._fill_norm_combo()
        self._update_undo_actions()
        shown = format_date(summary.as_of, self._lang)
        self._as_of_label.setText(self.tr("Computed for {date}").format(date=shown))

    def _refresh_chart(self) -> None:
        chart = self._chart_host.chart()
        if chart is not None:
            chart.show_summary(self._document.summary, self._lang, self._document.norm_set())

    def _fill_norm_combo(self) -> None:
        sets = [*builtin_norm_sets(), *self._document.team.custom_norm_sets]
        current = self._document.norm_set().id
        self.norm_combo.blockSignals(True)
        self.norm_combo.clear()
        for norm_set in sets:
            label = norm_set.short_name(self._lang)
            if norm_set.kind == "custom":
                label = self.tr("{name} (own)").format(name=label)
            self.norm_combo.addItem(label, norm_set.id)
            self.norm_combo.setItemData(self.norm_combo.count() - 1, norm_set.name(self._lang),
                                        Qt.ItemDataRole.ToolTipRole)
        self.norm_combo.setCurrentIndex(max(0, self.norm_combo.findData(current)))
        self.norm_combo.blockSignals(False)

    def _on_norm_combo(self, index: int) -> None:
        self.choose_norm_set(self.norm_combo.itemData(index))

    def choose_norm_set(self, set_id: str) -> None:
        """Measure the team against another norm set (one undoable step)."""
        if set_id == self._document.team.settings.norm_set_id:
            return
        new_team = self._document.team.copy()
        new_team.settings.norm_set_id = set_id
        name = self.norm_combo.itemText(max(0, self.norm_combo.findData(set_id)))
        self.apply_team(new_team, self.tr("Measure against {name}").format(name=name))

    def _update_undo_actions(self, _index: int = 0) -> None:
        stack, a = self._document.undo_stack, self.actions.actions
        a["undo"].setEnabled(stack.canUndo())
        a["redo"].setEnabled(stack.canRedo())
        a["undo"].setToolTip(self.tr("Undo: {what}").format(what=stack.undoText()) if stack.canUndo()
                             else self.tr("Nothing to undo"))
        a["redo"].setToolTip(self.tr("Redo: {what}").format(what=stack.redoText()) if stack.canRedo()
                             else self.tr("Nothing to redo"))

    def _on_input_refused(self, message: str) -> None:
        self.show_status(message, 10000)

    # -- title ---------------------------------------------------------------------------
    def _update_title(self) -> None:
        doc = self._document
        if doc.path is not None and not doc.is_demo:
            name = doc.path.name
        elif doc.is_demo:
            name = self.tr("Demo team (not saved)")
        else:
            name = self._title_hint or self.tr("Untitled team")
        self.setWindowTitle(f"{name}[*] – Sagstal")
        self.setWindowModified(doc.is_modified())

    # -- staff rows ----------------------------------------------------------------------
    def selected_member_ids(self) -> list[str]:
        rows = {self._proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self._proxy.mapToSource(self.table.currentIndex()).row()}
        return [self._model.member_id(r) for r in sorted(rows)]

    def select_member(self, member_id: str) -> None:
        """Select a person's row (e.g. after a click on their bar in the chart)."""
        try:
            row = self._model.row_of(member_id)
        except ValueError:
            return
        index = self._proxy.mapFromSource(self._model.index(row, COL_NAME))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def add_staff(self) -> None:
        member = StaffMember(name=self.tr("New staff member"),
                             counts=dict.fromkeys(self._model.case_types(), 0))
        ids = self.selected_member_ids()
        staff = self._document.team.staff
        position = (max(i for i, m in enumerate(staff) if m.id in ids) + 1) if ids else len(staff)
        self._document.undo_stack.push(InsertMembersCommand(
            self._document, position, [member], self.tr("Add staff member")))
        self.select_member(member.id)
        self.table.edit(self.table.currentIndex())

    def duplicate_staff(self) -> None:
        ids = self.selected_member_ids()
        if not ids:
            self.show_status(self.tr("Select the staff members to duplicate first."))
            return
        staff = self._document.team.staff
        originals = [m for m in staff if m.id in ids]
        copies = []
        for member in originals:
            clone = StaffMember(**{**member.__dict__, "counts": dict(member.counts), "id": new_id()})
            clone.name = self.tr("{name} (copy)").format(name=member.name)
            copies.append(clone)
        position = max(i for i, m in enumerate(staff) if m.id in ids) + 1
        self._document.undo_stack.push(InsertMembersCommand(
            self._document, position, copies, self.tr("Duplicate staff")))
        self.select_member(copies[0].id)

    def remove_staff(self) -> None:
        ids = self.selected_member_ids()
        if not ids:
            self.show_status(self.tr("Select the staff members to remove first."))
            return
        names = [self._document.team.member(i).name for i in ids]
        self._document.undo_stack.push(RemoveMembersCommand(
            self._document, ids, self.tr("Remove staff")))
        self.show_status(self.tr("Removed {names}. Ctrl+Z brings them back.").format(names=", ".join(names)))

    def edit_current_cell(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.table.edit(index)

    def set_show_all_case_types(self, show: bool) -> None:
        self._model.set_show_all_case_types(bool(show))
        self.actions.actions["show_all"].setChecked(bool(show))

    # -- files ---------------------------------------------------------------------------
    def new_document(self) -> None:
        if not self.maybe_save():
            return
        self._title_hint = ""
        self._document.replace(Team(), None)

    def open_file(self, path: Path | str | None = None) -> bool:
        """Open a team file (asks for one when ``path`` is None). A file that cannot be opened
        shows the reason and changes nothing."""
        if not self.maybe_save():
            return False
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open team"), str(self._start_folder()), self._file_filter())
            if not chosen:
                return False
            path = chosen
        return self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        """Open ``path`` without asking to save first (start-up, recent files after asking)."""
        from sagstal_desktop.io.document import DocumentError, load_team

        try:
            team = load_team(path)
        except DocumentError as error:
            QMessageBox.warning(self, self.tr("Cannot open the file"), error.message(self._lang))
            self._forget_recent(path)
            return False
        self._title_hint = ""
        self._document.replace(team, Path(path))
        self.remember_recent(Path(path))
        self.show_status(self.tr("Opened {file}").format(file=Path(path).name))
        return True

    def save(self) -> bool:
        doc = self._document
        if doc.path is None or doc.is_demo:
            return self.save_as()
        return self._save_to(doc.path)

    def save_as(self) -> bool:
        suggested = self._start_folder() / ((self._document.team.info.team_name or self.tr("team")) + FILE_SUFFIX)
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save team as"), str(suggested), self._file_filter())
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix.lower() != FILE_SUFFIX:
            path = path.with_name(path.name + FILE_SUFFIX)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        from sagstal_desktop.io.document import DocumentError

        try:
            self._document.save(path)
        except DocumentError as error:
            QMessageBox.warning(self, self.tr("Cannot save the file"), error.message(self._lang))
            return False
        self._title_hint = ""
        self.remember_recent(path)
        self.show_status(self.tr("Saved {file}").format(file=path.name))
        self._offer_snapshot()
        return True

    def _offer_snapshot(self) -> None:
        """After a save: offer a snapshot when this month has none (a non-blocking question)."""
        from sagstal_desktop.gui.history_actions import offer_snapshot

        offer_snapshot(self)

    def maybe_save(self) -> bool:
        """Ask to save unsaved changes. False if the user cancels (or saving fails)."""
        if not self._document.is_modified():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The team has changes that are not saved. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def offer_recovery(self) -> bool:
        """Offer the recovery copies a Sagstal that did not close normally left behind.
        Returns True if one was recovered (it is then open, unsaved)."""
        from sagstal_desktop.io.document import DocumentError, load_team

        for found in find_recoverable():
            name = found.original_path.name if found.original_path else (found.team_name or self.tr("a new team"))
            answer = QMessageBox.question(
                self, self.tr("Recover unsaved changes?"),
                self.tr("Sagstal was not closed normally. Unsaved changes to {name} from {time} were kept. "
                        "Recover them?").format(name=name, time=found.saved_at.replace("T", " ")),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes)
            if answer != QMessageBox.StandardButton.Yes:
                found.discard()
                continue
            try:
                team = load_team(found.team_file)
            except DocumentError as error:
                QMessageBox.warning(self, self.tr("Cannot recover"), error.message(self._lang))
                found.discard()
                continue
            self._title_hint = ""
            self._document.replace(team, found.original_path, modified=True)
            found.discard()
            self._document.autosave_now()
            self.show_status(self.tr("Recovered the unsaved changes. Save to keep them."))
            return True
        return False

    def _file_filter(self) -> str:
        return self.tr("Sagstal team (*.sagstal);;All files (*)")

    def _start_folder(self) -> Path:
        recent = self.recent_files()
        return recent[0].parent if recent else Path.home()

    def recent_files(self) -> list[Path]:
        value = _settings().value("files/recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [Path(p) for p in items if p]

    def remember_recent(self, path: Path) -> None:
        path = path.resolve()
        files = [path, *[p for p in self.recent_files() if p != path]][:MAX_RECENT]
        settings = _settings()
        settings.setValue("files/recent", [str(p) for p in files])
        settings.sync()

    def _forget_recent(self, path: Path) -> None:
        files = [p for p in self.recent_files() if p != Path(path).resolve()]
        settings = _settings()
        settings.setValue("files/recent", [str(p) for p in files])
        settings.sync()

    # -- handlers of other modules, dialogs ----------------------------------------------
    def run_handler(self, name: str) -> None:
        """Run an import/export/memo handler; its module is imported only now."""
        module_name, function = HANDLERS[name]
        try:
            module = importlib.import_module(f"sagstal_desktop.gui.{module_name}")
        except ImportError:
            self.show_status(self.tr("This function is not available in this installation."))
            return
        getattr(module, function)(self)

    def edit_team_settings(self) -> None:
        from sagstal_desktop.gui.dialogs.team_settings import TeamSettingsDialog

        dialog = TeamSettingsDialog(self._document.team, self)
        if dialog.exec() == TeamSettingsDialog.DialogCode.Accepted:
            new_team = self._document.team.copy()
            new_team.info, new_team.settings = dialog.result_info(), dialog.result_settings()
            self.apply_team(new_team, self.tr("Change team settings"))

    def edit_norm_sets(self) -> None:
        from sagstal_desktop.gui.dialogs.norm_editor import NormSetEditorDialog

        dialog = NormSetEditorDialog(self._document.team, self)
        if dialog.exec() == NormSetEditorDialog.DialogCode.Accepted:
            new_team = self._document.team.copy()
            new_team.custom_norm_sets = list(dialog.custom_norm_sets())
            self.apply_team(new_team, self.tr("Change own norm sets"))

    def show_help(self) -> None:
        from sagstal_desktop.gui.dialogs.help import HelpDialog

        HelpDialog(self, self._lang).exec()

    def show_about(self) -> None:
        from sagstal_desktop.gui.dialogs.about import AboutDialog

        AboutDialog(self).exec()

    # -- language ------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Switch the UI (and number format) to "da" or "en" and remember the choice."""
        from sagstal_desktop.gui import i18n

        i18n.set_preferred_language(lang)
        i18n.install_translations(QApplication.instance(), lang)
        self._lang = lang
        self.actions.actions[f"lang_{lang}"].setChecked(True)
        self._model.set_language(lang)
        self._apply_column_widths()
        # Qt posts LanguageChange events; retranslate now so everything changes at once
        self._retranslate()
        self.summary_panel.retranslate()
        self.legend.retranslate()
        self._chart_host.retranslate()
        if self._chart_host.chart() is not None:
            self._chart_host.chart().retranslate()
        self._on_recomputed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "actions"):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.actions.retranslate()
        self._norm_label.setText(self.tr("Norm set:") + " ")
        self.norm_combo.setToolTip(self.tr("The norm set the team is measured against"))
        self._update_title()
        self._update_undo_actions()

    # -- remembered layout ---------------------------------------------------------------
    def _restore_settings(self) -> None:
        settings = _settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        for splitter in (self.main_splitter, self.bottom_splitter):
            state = settings.value(f"window/{splitter.objectName()}")
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)
            elif splitter is self.main_splitter:
                splitter.setSizes([370, 390])
            else:
                splitter.setSizes([660, 620])
        try:
            self._widths = json.loads(settings.value("table/column_widths", "{}") or "{}")
        except (TypeError, ValueError):
            self._widths = {}
        show_all = settings.value("table/show_all_case_types", False)
        self.set_show_all_case_types(show_all in (True, "true", "1"))
        self._apply_column_widths()

    def _column_key(self, column: int) -> str:
        case_type = self._model.case_type_at(column)
        if case_type is not None:
            return f"case:{case_type}"
        computed = self._model.computed_at(column)
        return f"computed:{computed}" if computed else f"fixed:{column}"

    def _default_width(self, key: str) -> int:
        if key == f"fixed:{COL_NAME}":
            return _DEFAULT_WIDTHS["name"]
        if key == "computed:status":
            return _DEFAULT_WIDTHS["status"]
        return _DEFAULT_WIDTHS[key.split(":")[0]]

    def _apply_column_widths(self) -> None:
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        self._applying_widths = True
        for column in range(self._model.columnCount()):
            key = self._column_key(column)
            wanted = int(self._widths.get(key, self._default_width(key)))
            # never narrower than the longest line of the header text (Danish titles are longer)
            text = str(self._model.headerData(column, Qt.Orientation.Horizontal) or "")
            needed = max(metrics.horizontalAdvance(line) for line in text.split("\n")) + 18
            header.resizeSection(column, max(wanted, needed))
        self._applying_widths = False

    def _remember_widths(self, *_args: int) -> None:
        if getattr(self, "_applying_widths", True):
            return
        header = self.table.horizontalHeader()
        for column in range(self._model.columnCount()):
            self._widths[self._column_key(column)] = header.sectionSize(column)

    def save_layout(self) -> None:
        settings = _settings()
        settings.setValue("window/geometry", self.saveGeometry())
        for splitter in (self.main_splitter, self.bottom_splitter):
            settings.setValue(f"window/{splitter.objectName()}", splitter.saveState())
        settings.setValue("table/show_all_case_types", self._model.show_all_case_types())
        settings.setValue("table/column_widths", json.dumps(self._widths))
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.save_layout()
        self._document.close()
        event.accept()
