"""The team leader's workspace: the staff table, the team summary and the load chart.

The window wires views to a ``Document`` (team, file, undo history, computed summary): every
edit is one undoable document operation whose ``Change`` tells the views what to update (the
table model the changed rows, the chart the changed bars, the norm-set box only when norm sets
or settings changed). Files are handled by ``FileActions``, staff rows by ``StaffActions``, the
remembered layout by ``WindowLayout``; the window keeps the norm-set choice, the dialogs and the
language.

At start the window paints its frame first (``FramedWindow.frame``: title, remembered geometry),
before the modules of its contents are imported, and builds its contents right after that first
paint (``build_after_paint``). This module therefore imports only PySide6 and light modules; the
contents' modules are imported in ``_build``.
"""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QWidget

from sagstal_desktop.gui.actions import HANDLERS, TABLE_ACTS, Act
from sagstal_desktop.gui.window_frame import FramedWindow
from sagstal_desktop.i18n import _

if TYPE_CHECKING:
    from sagstal_desktop.core.change import Change
    from sagstal_desktop.core.load import TeamSummary
    from sagstal_desktop.core.model import Team
    from sagstal_desktop.core.norms import NormSet
    from sagstal_desktop.gui.models.staff_model import StaffTableModel
    from sagstal_desktop.gui.team_document import Document
    from sagstal_desktop.gui.widgets.chart_host import ChartHost


def _current_language() -> str:
    try:
        from sagstal_desktop.gui.qt_language import current_language
    except ImportError:
        return "en"
    return current_language()


class MainWindow(FramedWindow):
    """``MainWindow(team, path, demo=..., as_of=..., lang=...)``; with no team, the demo team."""

    def __init__(self, team: Team | None = None, path: Path | None = None, *, demo: bool = False,
                 as_of: date | None = None, lang: str | None = None, parent: QWidget | None = None,
                 frame_only: bool = False) -> None:
        super().__init__(parent)
        self._lang = lang or _current_language()
        self._last_message = ""
        self._help = None  # the help window, once opened
        if not frame_only:
            self._build(team, path, demo, as_of)

    def is_ready(self) -> bool:
        """True once the contents are built (at once, or just after the frame's first paint)."""
        return hasattr(self, "layout_memory")

    def _build(self, team: Team | None, path: Path | None, demo: bool, as_of: date | None) -> None:
        from sagstal_desktop.core.change import Change
        from sagstal_desktop.gui.dialogs import context_help
        from sagstal_desktop.gui.handlers.files import FileActions
        from sagstal_desktop.gui.handlers.staff import StaffActions
        from sagstal_desktop.gui.menus import WindowActions
        from sagstal_desktop.gui.models.staff_filter import StaffFilterProxy
        from sagstal_desktop.gui.models.staff_model import StaffTableModel
        from sagstal_desktop.gui.refused_input import RefusedInput
        from sagstal_desktop.gui.scenario_bar import ScenarioBar
        from sagstal_desktop.gui.shared_file import Read, SharedFile
        from sagstal_desktop.gui.table_clipboard import TableClipboard
        from sagstal_desktop.gui.team_document import Document
        from sagstal_desktop.gui.widgets.empty_hint import EmptyTableHint
        from sagstal_desktop.gui.window_layout import WindowLayout
        from sagstal_desktop.gui.window_ui import build_toolbar, build_workspace

        context_help.install()  # F1 in a dialog opens its help section
        from sagstal_desktop.io.file_lock import fingerprint

        if team is None:
            from sagstal_desktop.core.demo import demo_team

            team, path, demo = demo_team(as_of), None, True
        self._document = Document(team, Path(path) if path else None, demo=demo, as_of=as_of, parent=self)
        self._model = StaffTableModel(self._document, self._lang, self)
        self._proxy = StaffFilterProxy(self)
        self._proxy.setSourceModel(self._model)
        ui = build_workspace(self, self._proxy)
        self.table, self.filter_bar, self.summary_panel = ui.table, ui.filter_bar, ui.summary_panel
        self.legend, self.norm_combo = ui.legend, ui.norm_combo
        self._summary_scroll = ui.summary_scroll
        self._norm_label, self._as_of_label = ui.norm_label, ui.as_of_label
        self._chart_host, self.main_splitter, self.bottom_splitter = ui.chart_host, ui.main_splitter, ui.bottom_splitter
        self.norm_combo.activated.connect(self._on_norm_combo)
        self.filter_bar.search.returnPressed.connect(lambda: self.table.setFocus(Qt.FocusReason.ShortcutFocusReason))
        self.files, self.staff, self.clipboard = FileActions(self), StaffActions(self), TableClipboard(self)
        self.shared = SharedFile(self)  # the edit lock, changes made elsewhere (gui/shared_file.py)
        if path is not None and not demo:
            self.shared.track(Path(path), Read(team, fingerprint(path)))  # track() keeps its own copy
        self.actions = WindowActions(self)
        self.table.addActions([self.actions[a] for a in TABLE_ACTS])
        self.empty_hint = EmptyTableHint(self)
        self.actions[Act.language(self._lang)].setChecked(True)
        self._toolbar = build_toolbar(self, self.actions, ui)
        self._retranslate()
        self.scenario_bar = ScenarioBar(self)  # the open variant and the scenarios (gui/scenario_bar.py)
        self._document.changed.connect(self._on_change)
        self._document.state_changed.connect(self._update_title)
        self._document.undo_stack.indexChanged.connect(self._update_undo_actions)
        self.refused_input = RefusedInput(self, [self.table, self.table.frozen])
        self._chart_host.person_clicked.connect(self.select_member)
        self.layout_memory = WindowLayout(self)
        self.layout_memory.restore()
        self._on_change(Change.everything())
        self._update_title()

    # -- public API (gui/window_api.WindowApi, used by the import and memo handlers) -----
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
        """Replace the whole team (computed by the core) as one undoable step."""
        self._document.replace_team(new_team, description)

    def import_rows(self, rows: list, mode: str, present: frozenset[str], full_time_hours: float | None,
                    description: str) -> None:
        """Import a read spreadsheet's rows into the team as one undoable step (the core's
        ``import_rows``, as ``sagstal import --into``)."""
        self._document.import_rows(rows, mode, present, full_time_hours, description)

    def open_team_as_new(self, team: Team, title: str) -> None:
        """Open ``team`` as a new, unsaved document (after offering to save the current one)."""
        self.files.open_team_as_new(team, title)

    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        self._last_message = text
        self.statusBar().showMessage(text, timeout_ms)

    def last_message(self) -> str:
        """The last status-bar message (also after it has timed out)."""
        return self._last_message

    # -- recompute -----------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        """Update the views after one edit: only what ``change`` names (the table model follows
        the document itself; the undo actions follow the undo stack)."""
        summary, norm_set = self._document.summary, self._document.norm_set()
        self.summary_panel.show_summary(summary, norm_set, self._lang, self._document.variant_result)
        self.legend.show_statuses(set(summary.persons.column("status")), norm_set, summary.weighting)
        chart = self._chart_host.chart()
        absent = self._absent_labels()
        redraw = change.all_rows or change.structure_changed or absent != chart.absent
        chart.absent = absent
        if redraw:
            chart.show_summary(summary, self._lang, norm_set)
        else:
            chart.update_members(summary, change.rows)
        if change.norm_sets_changed or change.settings_changed:
            from sagstal_desktop.core.norms import builtin_norm_sets

            sets = [*builtin_norm_sets(), *self._document.team.custom_norm_sets]
            self.norm_combo.show_sets(sets, norm_set.id, self._lang)
        from sagstal_desktop.core.formatting import format_date

        shown = format_date(summary.as_of, self._lang)
        self._as_of_label.setText(_("Computed for {date}").format(date=shown))

    def _absent_labels(self) -> dict[str, str]:
        """In an open scenario, the absent people's absence in words (the chart names it)."""
        result = self._document.variant_result
        if result is None or not result.absent:
            return {}
        from sagstal_desktop.core.scenario_model import absence_label

        return {member_id: absence_label(kind, self._lang).lower() for member_id, kind in result.absent.items()}

    def _on_norm_combo(self, index: int) -> None:
        self.choose_norm_set(self.norm_combo.itemData(index))

    def choose_norm_set(self, set_id: str) -> None:
        """Measure the team against another norm set (one undoable step)."""
        name = self.norm_combo.label_of(set_id)
        self._document.set_norm_set_choice(set_id, _("Measure against {name}").format(name=name))

    def _update_undo_actions(self, _index: int = 0) -> None:
        self.actions.show_undo_state(self._document.undo_stack)

    # -- title ---------------------------------------------------------------------------
    def _update_title(self) -> None:
        doc = self._document
        if doc.path is not None and not doc.is_demo:
            name = doc.path.name
        elif doc.is_demo:
            name = _("Demo team (not saved)")
        else:
            name = self.files.title_hint or _("Untitled team")
        if getattr(self, "shared", None) is not None and self.shared.read_only:
            name = _("{file} (read-only)").format(file=name)
        self.setWindowTitle(f"{name}{f' – {doc.scenario_name}' if doc.scenario_name else ''}[*] – Sagstal")
        self.setWindowModified(doc.is_modified())

    # -- staff rows ----------------------------------------------------------------------
    def selected_member_ids(self) -> list[str]:
        rows = {self._proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedIndexes()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self._proxy.mapToSource(self.table.currentIndex()).row()}
        return [self._model.member_id(r) for r in sorted(rows)]

    def select_member(self, member_id: str) -> None:
        """Select a person's row (e.g. after a click on their bar in the chart)."""
        try:
            row = self._model.row_of(member_id)
        except ValueError:
            return
        from sagstal_desktop.gui.models.staff_model import COL_NAME

        index = self._proxy.mapFromSource(self._model.index(row, COL_NAME))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def focus_search(self) -> None:
        """Edit → Find (Ctrl+F): the search box gets the keys, its text selected, so typing
        searches and never overwrites the name selected in the table."""
        if self.table.state() == self.table.State.EditingState:
            return  # Ctrl+F inside a cell being edited leaves the edit alone
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    def set_show_all_case_types(self, show: bool) -> None:
        self._model.set_show_all_case_types(bool(show))
        self.actions[Act.SHOW_ALL].setChecked(bool(show))

    # -- handlers of other modules, dialogs ----------------------------------------------
    def run_handler(self, act: Act) -> None:
        """Run an import/export/memo handler; its module is imported only now."""
        module_name, function = HANDLERS[act]
        try:
            module = importlib.import_module(f"sagstal_desktop.gui.{module_name}")
        except ImportError:
            self.show_status(_("This function is not available in this installation."))
            return
        getattr(module, function)(self)

    def edit_team_settings(self) -> None:
        from sagstal_desktop.gui.dialogs.team_settings import TeamSettingsDialog

        dialog = TeamSettingsDialog(self._document.team, self)
        if dialog.exec() == TeamSettingsDialog.DialogCode.Accepted:
            self._document.set_settings(dialog.result_info(), dialog.result_settings(),
                                        _("Change team settings"))

    def edit_norm_sets(self) -> None:
        from sagstal_desktop.gui.dialogs.norm_editor import NormSetEditorDialog

        dialog = NormSetEditorDialog(self._document.team, self)
        if dialog.exec() == NormSetEditorDialog.DialogCode.Accepted:
            self._document.set_norm_sets(list(dialog.custom_norm_sets()), _("Change own norm sets"))

    def show_help(self, section: str = "") -> None:
        """Show the help page beside the window (one, non-modal; remade after a language switch),
        at ``section`` (an ``<h2 id>``) if given."""
        from sagstal_desktop.gui.dialogs.help import HelpDialog

        if self._help is not None and self._help.language() != self._lang:
            self._help.close()
            self._help.deleteLater()
            self._help = None
        if self._help is None:
            self._help = HelpDialog(self, self._lang)
        self._help.show()
        if section:
            self._help.show_section(section)
        self._help.raise_()
        self._help.activateWindow()

    def show_about(self) -> None:
        from sagstal_desktop.gui.dialogs.about import AboutDialog

        AboutDialog(self).exec()

    # -- language ------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Switch the UI (and number format) to "da" or "en" and remember the choice."""
        from sagstal_desktop.gui import qt_language

        qt_language.set_preferred_language(lang)
        qt_language.install_translations(QApplication.instance(), lang)
        self._lang = lang
        self.actions[Act.language(lang)].setChecked(True)
        self._model.set_language(lang)
        self.layout_memory.apply_column_widths()
        # Qt posts LanguageChange events; retranslate now so everything changes at once
        self._retranslate()
        self.summary_panel.retranslate()
        self.legend.retranslate()
        self._chart_host.chart().retranslate()
        from sagstal_desktop.core.change import Change

        self._on_change(Change.everything())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.is_ready():
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.actions.retranslate()
        self._norm_label.setText(_("Norm set:") + " ")
        self.norm_combo.setToolTip(_("The norm set the team is measured against"))
        self.norm_combo.setAccessibleName(_("Norm set"))
        self.table.setAccessibleName(_("Staff"))
        self.table.setAccessibleDescription(_("One row per staff member: hours, cases per case type, load and "
                                              "status. F2 or typing edits a cell; Delete removes the row."))
        self._summary_scroll.setAccessibleName(_("Team summary"))
        self._update_title()
        self._update_undo_actions()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.is_ready():  # closed while only the frame was shown: nothing to save yet
            self.cancel_build()
            event.accept()
            return
        if not self.files.maybe_save():
            event.ignore()
            return
        self.layout_memory.save()
        self.shared.close()
        self._document.close()
        event.accept()
