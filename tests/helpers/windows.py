"""A small stand-in for the main window with its API for handlers (``gui/window_api.WindowApi``):
handlers and their dialogs are driven against it, and it records what they do."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow

from helpers.teams import TODAY
from sagstal_desktop.core.load import summarize
from sagstal_desktop.core.model import Team


class FakeWindow(QMainWindow):
    """The MainWindow API the handlers use, recording the teams applied (``applied``: (team,
    description)), opened (``opened``: (team, title)) and the status messages (``statuses``).
    ``read_only``: changing or opening a team fails the test (the memo never does)."""

    def __init__(self, team: Team, path: Path | None = None, lang: str = "da", *, read_only: bool = False) -> None:
        super().__init__()
        self._team, self._path, self._lang, self._read_only = team, path, lang, read_only
        self.applied: list[tuple[Team, str]] = []
        self.opened: list[tuple[Team, str]] = []
        self.statuses: list[str] = []

    def team(self) -> Team:
        return self._team

    def summary(self):
        return summarize(self._team, TODAY)

    def norm_set(self):
        return self._team.norm_set()

    def document_path(self) -> Path | None:
        return self._path

    def language(self) -> str:
        return self._lang

    def apply_team(self, new_team: Team, description: str) -> None:
        if self._read_only:
            raise AssertionError("this window's team must not change")
        self.applied.append((new_team, description))
        self._team = new_team

    def import_rows(self, rows, mode: str, present, full_time_hours, description: str) -> None:
        """As the window: the core's ``import_rows`` on a copy of the team, recorded as applied."""
        from sagstal_desktop.core.operations import import_rows

        team = self._team.copy()
        import_rows(team, rows, mode, present, full_time_hours)
        self.apply_team(team, description)

    def open_team_as_new(self, team: Team, title: str) -> None:
        if self._read_only:
            raise AssertionError("this window must not open a team")
        self.opened.append((team, title))

    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        self.statuses.append(text)
