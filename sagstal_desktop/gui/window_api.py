"""What handlers, dialogs and widgets may use of the main window (``MainWindow`` implements it;
tests drive the handlers with small stand-ins). Handlers (``gui/handlers/``) are typed against
this protocol, not against ``MainWindow``, so that nothing below the window imports it back.
Handlers change the team only through the document's edits (``gui/team_document.py``, each a core
operation), ``import_rows`` (an import: the core's ``import_rows``), ``apply_team`` (a whole team
as one undoable step) or ``open_team_as_new``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sagstal_desktop.core.load import TeamSummary
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

    from sagstal_desktop.gui.team_document import Document


class WindowApi(Protocol):
    """The main window as its handlers see it (it is also their dialogs' parent)."""

    table: QTableView  # the staff table
    actions: Any  # gui/menus.py's WindowActions: ``window.actions[Act.SAVE]``
    files: Any  # gui/handlers/files.py's FileActions
    shared: Any  # gui/shared_file.py's SharedFile (None before the window is built)

    def document(self) -> Document: ...

    def team(self) -> Team: ...

    def summary(self) -> TeamSummary: ...

    def norm_set(self) -> NormSet: ...

    def model(self) -> Any: ...  # gui/models/staff_model.py's StaffTableModel

    def document_path(self) -> Path | None: ...

    def language(self) -> str: ...

    def selected_member_ids(self) -> list[str]: ...

    def select_member(self, member_id: str) -> None: ...

    def apply_team(self, new_team: Team, description: str) -> None: ...

    def import_rows(self, rows: list, mode: str, present: frozenset[str], full_time_hours: float | None,
                    description: str) -> None: ...

    def open_team_as_new(self, team: Team, title: str) -> None: ...

    def show_status(self, text: str, timeout_ms: int = 5000) -> None: ...
