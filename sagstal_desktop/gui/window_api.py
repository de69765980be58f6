"""What the import/export and memo handlers may use of the main window (``MainWindow``
implements it; tests drive the handlers with small stand-ins). Handlers change the team only
through ``apply_team`` (one undoable step) or ``open_team_as_new``."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from sagstal_desktop.core.load import TeamSummary
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet


class WindowApi(Protocol):
    """The main window as the File-menu handlers see it (it is also their dialogs' parent)."""

    def team(self) -> Team: ...

    def summary(self) -> TeamSummary: ...

    def norm_set(self) -> NormSet: ...

    def document_path(self) -> Path | None: ...

    def language(self) -> str: ...

    def apply_team(self, new_team: Team, description: str) -> None: ...

    def open_team_as_new(self, team: Team, title: str) -> None: ...

    def show_status(self, text: str, timeout_ms: int = 5000) -> None: ...
