"""The open document: the team, its file, undo history, the computed summary, autosave.

Every edit is a method of ``Document`` (``set_count``, ``set_member_field``, ``set_competences``,
``apply_counts``, ``add_members``,
``remove_members``, ``set_settings``, ``set_norm_sets``, ``set_norm_set_choice``,
``replace_team``) that pushes one undo command (``commands.py``). A command changes
``document.team`` and calls ``apply_change``, which recomputes the summary once
(``core.load.summarize``) and emits ``changed`` with a ``Change`` saying which rows, columns,
norm sets or settings changed, on redo and on undo alike. Views read ``document.summary`` and
update only what the ``Change`` names.

While the document has unsaved changes it is copied every few seconds to a recovery file in
``config.recovery_dir()`` (``<session>.sagstal`` plus ``<session>.json`` with the original path
and the process id). A clean save or close removes the copy; a copy left by a process that no
longer runs is offered for recovery at the next start (``find_recoverable``).
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from sagstal_desktop.core.load import TeamSummary, summarize
from sagstal_desktop.core.model import StaffMember, Team, TeamInfo, TeamSettings
from sagstal_desktop.core.norms import NormSet, default_norm_set
from sagstal_desktop.gui import commands
from sagstal_desktop.gui.change import Change

AUTOSAVE_INTERVAL_MS = 5000

#: Recovery sessions of documents open in this process (not offered for recovery).
_LIVE_SESSIONS: set[str] = set()


class Document(QObject):
    """One team document: the live ``Team``, where it is saved, and its undo history."""

    changed = Signal(object)  # a ``Change``: the team changed and ``summary`` is new
    state_changed = Signal()  # path, demo flag or modified state changed (window title)

    def __init__(self, team: Team, path: Path | None = None, *, demo: bool = False,
                 as_of: date | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._fixed_as_of = as_of
        self.team = team
        self.path: Path | None = path
        self.is_demo = demo
        self._forced_modified = False
        self._generation = 0
        self._autosaved_generation = 0
        self._session = uuid.uuid4().hex
        _LIVE_SESSIONS.add(self._session)
        self.summary: TeamSummary = self._compute()
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self._autosave_timer.timeout.connect(self.autosave_now)
        self._autosave_timer.start()

    def _on_clean_changed(self, _clean: bool) -> None:
        self.state_changed.emit()

    # -- computation ---------------------------------------------------------------------
    @property
    def as_of(self) -> date:
        """The date loads are computed for: today (fixed in tests)."""
        return self._fixed_as_of or date.today()

    def norm_set(self) -> NormSet:
        """The team's chosen norm set (the default set if the choice is unknown)."""
        try:
            return self.team.norm_set()
        except KeyError:
            return default_norm_set()

    def _compute(self) -> TeamSummary:
        return summarize(self.team, self.as_of, self.norm_set())

    def apply_change(self, change: Change) -> None:
        """The team has changed as ``change`` says: recompute once and tell the views."""
        self._generation += 1
        self.summary = self._compute()
        self.changed.emit(change)

    def set_team_object(self, team: Team) -> None:
        """Make ``team`` the live team (used by ``ReplaceTeamCommand``)."""
        self.team = team
        self.apply_change(Change.everything())

    # -- edits (each one undoable step) ----------------------------------------------------
    def set_count(self, member_id: str, case_type: str, count: int, text: str) -> None:
        """Set how many cases of ``case_type`` one person holds."""
        self.undo_stack.push(commands.SetCountCommand(self, member_id, case_type, count, text))

    def set_member_field(self, member_id: str, field: str, value: Any, text: str) -> None:
        """Set one attribute of one person (``commands.MEMBER_FIELDS``)."""
        self.undo_stack.push(commands.SetMemberFieldCommand(self, member_id, field, value, text))

    def set_competences(self, member_id: str, competences: tuple[str, ...], takes_new_cases: bool,
                        text: str) -> None:
        """Set the case types and areas one person may take (``core/competences.py``; empty: the
        default) and whether they take new cases."""
        member = self.team.member(member_id)
        if tuple(member.competences) == tuple(competences) and member.takes_new_cases == takes_new_cases:
            return
        self.undo_stack.push(commands.SetCompetencesCommand(self, member_id, tuple(competences),
                                                            takes_new_cases, text))

    def apply_counts(self, changes: dict[str, dict[str, int]], text: str) -> None:
        """Set many counts as one step (a planning proposal): member id -> case type -> count.
        Counts equal to the present ones are left out; nothing changed, nothing pushed."""
        wanted = {}
        for member_id, counts in changes.items():
            held = self.team.member(member_id).counts
            differing = {t: n for t, n in counts.items() if held.get(t) != n}
            if differing:
                wanted[member_id] = differing
        if wanted:
            self.undo_stack.push(commands.SetCountsCommand(self, wanted, text))

    def add_members(self, position: int, members: list[StaffMember], text: str) -> None:
        """Insert people at ``position`` in the staff list."""
        self.undo_stack.push(commands.InsertMembersCommand(self, position, members, text))

    def remove_members(self, member_ids: list[str], text: str) -> None:
        """Remove people by id (undo puts them back where they were)."""
        self.undo_stack.push(commands.RemoveMembersCommand(self, member_ids, text))

    def set_settings(self, info: TeamInfo, settings: TeamSettings, text: str) -> None:
        """Change the team's description and settings."""
        self.undo_stack.push(commands.SetSettingsCommand(self, info, settings, text))

    def set_norm_set_choice(self, set_id: str, text: str) -> None:
        """Measure the team against another norm set (a settings change, nothing else copied)."""
        if set_id == self.team.settings.norm_set_id:
            return
        settings = copy.copy(self.team.settings)
        settings.norm_set_id = set_id
        self.set_settings(self.team.info, settings, text)

    def set_norm_sets(self, norm_sets: list[NormSet], text: str) -> None:
        """Replace the team's own norm sets."""
        self.undo_stack.push(commands.SetNormSetsCommand(self, norm_sets, text))

    def replace_team(self, team: Team, text: str) -> None:
        """Swap in a whole new team (an import) as one undoable step."""
        self.undo_stack.push(commands.ReplaceTeamCommand(self, team, text))

    def replace(self, team: Team, path: Path | None, *, demo: bool = False, modified: bool = False) -> None:
        """Load a different team into this document: a fresh history, a new recovery session."""
        self.discard_recovery()
        self.undo_stack.clear()
        self.team, self.path, self.is_demo = team, path, demo
        self._forced_modified = modified
        self._autosaved_generation = self._generation
        self.apply_change(Change.everything())
        self.state_changed.emit()

    # -- modified state and saving -------------------------------------------------------
    def is_modified(self) -> bool:
        return self._forced_modified or not self.undo_stack.isClean()

    def save(self, path: Path) -> None:
        """Save atomically to ``path`` (raises ``DocumentError``); the document is then clean."""
        from sagstal_desktop.io.document import save_team

        save_team(self.team, path)
        self.path, self.is_demo, self._forced_modified = Path(path), False, False
        self.undo_stack.setClean()
        self.discard_recovery()
        self._autosaved_generation = self._generation
        self.state_changed.emit()

    def display_name(self) -> str:
        """The file name, or "" for a new document or the demo (the window says which)."""
        return self.path.name if self.path else ""

    # -- recovery ------------------------------------------------------------------------
    def _recovery_files(self) -> tuple[Path, Path]:
        from sagstal_desktop.config import recovery_dir

        folder = recovery_dir()
        return folder / f"{self._session}.sagstal", folder / f"{self._session}.json"

    def autosave_now(self) -> bool:
        """Write the recovery copy if there are changes since the last one; True if written."""
        if not self.is_modified() or self._generation == self._autosaved_generation:
            return False
        from sagstal_desktop.io.document import DocumentError, save_team

        team_file, meta_file = self._recovery_files()
        try:
            save_team(self.team, team_file)
            meta = {
                "path": str(self.path) if self.path else None,
                "demo": self.is_demo,
                "pid": os.getpid(),
                "saved_at": datetime.now().isoformat(timespec="seconds"),
                "team_name": self.team.info.team_name,
            }
            tmp = meta_file.with_suffix(".tmp")
            tmp.write_text(json.dumps(meta), encoding="utf-8")
            os.replace(tmp, meta_file)
        except (OSError, DocumentError):
            return False  # a failing autosave must never disturb the user's work
        self._autosaved_generation = self._generation
        return True

    def discard_recovery(self) -> None:
        """Remove this document's recovery copy (after a save, or a deliberate close)."""
        for file in self._recovery_files():
            with contextlib.suppress(OSError):
                file.unlink()

    def close(self) -> None:
        """The document is closed on purpose: stop autosaving and remove the recovery copy."""
        self._autosave_timer.stop()
        self.discard_recovery()
        _LIVE_SESSIONS.discard(self._session)


@dataclass(frozen=True)
class Recoverable:
    """A recovery copy left behind by a Sagstal that did not close normally."""

    team_file: Path
    meta_file: Path
    original_path: Path | None
    saved_at: str
    team_name: str

    def discard(self) -> None:
        for file in (self.team_file, self.meta_file):
            with contextlib.suppress(OSError):
                file.unlink()


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def find_recoverable() -> list[Recoverable]:
    """Recovery copies whose process has ended (newest first). Copies of documents open in
    this process, or in another Sagstal that is still running, are left alone."""
    from sagstal_desktop.config import recovery_dir

    found = []
    for meta_file in recovery_dir().glob("*.json"):
        session = meta_file.stem
        team_file = meta_file.with_suffix(".sagstal")
        if session in _LIVE_SESSIONS or not team_file.exists():
            continue
        try:
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
            pid = int(meta.get("pid", 0))
        except (OSError, ValueError, TypeError):
            continue
        if pid == os.getpid() or (pid and _process_alive(pid)):
            continue
        original = meta.get("path")
        found.append(Recoverable(team_file, meta_file, Path(original) if original else None,
                                 str(meta.get("saved_at", "")), str(meta.get("team_name", ""))))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)
