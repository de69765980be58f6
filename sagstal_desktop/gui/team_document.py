"""The open document: the team, its file, undo history, the computed summary, autosave.

Every edit is a method of ``Document`` (``set_count``, ``set_member_field``, ``set_competences``,
``apply_counts``, ``add_members``,
``remove_members``, ``set_settings``, ``set_norm_sets``, ``set_norm_set_choice``,
``import_rows``, ``replace_team``, ``set_variant``) that pushes one undo command (``commands.py``). A command changes
``document.team`` and calls ``apply_change``, which recomputes the summary once
(``core.load.summarize``) and emits ``changed`` with a ``Change`` saying which rows, columns,
norm sets or settings changed, on redo and on undo alike. Views read ``document.summary`` and
update only what the ``Change`` names.

Scenarios: while a scenario is open, ``team`` is that variant (built from its stored inputs, so
the same table and undo edit it) and ``base`` holds the team itself with its scenarios;
``file_team()`` folds the variant's inputs back in, and is what is saved. What the window shows
is the scenario computed (``core.scenarios.evaluate_variant``, as Compare computes it):
``summary`` is then the summary of that computation and ``variant_result`` its details (who is
absent, whose counts changed, cases without a caseworker). Opening a variant,
making, renaming or deleting one, and changing its absences are each one undoable step
(``set_variant``: the whole (team, base, scenario name) state before and after).

While the document has unsaved changes it is copied every ``AUTOSAVE_INTERVAL_MS`` (2 s: a
crash loses at most about that much work) to a recovery file in ``user_folders.recovery_dir()``
(``<session>.sagstal`` plus ``<session>.json`` with the original path, absolute, and the process
id); folder and files are private to the user. For a document of a file, the file as it was last
read or saved (``SharedFile.track``) is kept beside it too (``<session>.base``, a team file,
written once per read or save, its fingerprint in the record): a recovered document is then merged
with what others wrote to the file since, as any open document is, instead of overwriting it. The
timer takes a copy of the team on the GUI thread and writes it in a worker thread, so a big team
never stalls the window. A clean save or close removes the copy; a copy left by a process that
no longer runs is offered for recovery at the next start (``find_recoverable``).
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import json
import os
import threading
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from sagstal_desktop.core.change import ALL, Change
from sagstal_desktop.core.load import TeamSummary, prefer_numpy, summarize
from sagstal_desktop.core.model import Snapshot, StaffMember, Team, TeamInfo, TeamSettings
from sagstal_desktop.core.norms import NormSet, default_norm_set
from sagstal_desktop.core.operations import ImportRow
from sagstal_desktop.gui import commands

if TYPE_CHECKING:
    from sagstal_desktop.io.file_lock import Fingerprint

AUTOSAVE_INTERVAL_MS = 2000
#: The file as read, beside a recovery copy ``<session>.sagstal`` (the base of a merge).
BASE_SUFFIX = ".base"

#: Recovery sessions of documents open in this process (not offered for recovery).
_LIVE_SESSIONS: set[str] = set()


@dataclass(frozen=True)
class SaveSnapshot:
    """What a save writes: a private copy of the team, and the edit it reflects."""

    team: Team
    undo_index: int
    generation: int


class Document(QObject):
    """One team document: the live ``Team``, where it is saved, and its undo history."""

    changed = Signal(object)  # a ``Change``: the team changed and ``summary`` is new
    state_changed = Signal()  # path, demo flag or modified state changed (window title)
    flows_changed = Signal()  # the intake and closures per month changed (the forecast's input)

    def __init__(self, team: Team, path: Path | None = None, *, demo: bool = False,
                 as_of: date | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        prefer_numpy()  # every edit computes the team again: numpy for a team of thousands
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.undo_stack.indexChanged.connect(self._on_index_changed)
        self._shown_modified: bool | None = None
        self._fixed_as_of = as_of
        self.team = team
        self.base: Team | None = None  # the team itself while a scenario is open
        self.scenario_name: str | None = None  # the open scenario (None: the team itself)
        self.variant_result = None  # core.scenarios.VariantResult of the open scenario (None: the team)
        self.path: Path | None = _absolute(path)
        self.is_demo = demo
        self._forced_modified = False
        self._generation = 0
        self._autosaved_generation = 0
        self._session = os.urandom(16).hex()
        self._recovery_lock = threading.Lock()  # one recovery write at a time; discard waits for it
        self._recovery_epoch = 0  # bumped by discard: a write started before it is dropped
        self._writer: threading.Thread | None = None
        self._recovery_base: tuple[Path, Team, Fingerprint] | None = None  # set_recovery_base
        self._recovery_base_version = 0
        self._recovery_base_written: tuple[int, int] | None = None  # (epoch, version) of the base file
        _LIVE_SESSIONS.add(self._session)
        self.summary: TeamSummary = self._compute()
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self._autosave_timer.timeout.connect(self.autosave_in_background)
        self._autosave_timer.start()

    def _on_clean_changed(self, _clean: bool) -> None:
        self._shown_modified = self.is_modified()
        self.state_changed.emit()

    def _on_index_changed(self, _index: int) -> None:
        """Opening a variant is an undo step that changes nothing in the file: stepping over it
        can make the document clean or modified without the stack's clean state changing."""
        modified = self.is_modified()
        if modified != self._shown_modified:
            self._shown_modified = modified
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

    def open_scenario(self):
        """The open scenario (``core.scenario_model.Scenario``), or None for the team itself."""
        if self.base is None or self.scenario_name is None:
            return None
        return next((s for s in self.base.scenarios if s.name == self.scenario_name), None)

    def _compute(self) -> TeamSummary:
        self.variant_result = None
        scenario = self.open_scenario()
        if scenario is not None:
            from sagstal_desktop.core.scenarios import evaluate_variant

            variant = self.team
            if variant.settings.norm_set_id != self.norm_set().id:  # an unknown choice: the default set
                variant = variant.copy()
                variant.settings.norm_set_id = self.norm_set().id
            from sagstal_desktop.core.planning import PlanningError

            try:
                self.variant_result = evaluate_variant(variant, scenario, self.base, self.as_of)
            except (PlanningError, ValueError, KeyError):  # a variant the planning cannot take
                self.variant_result = None  # shown as entered rather than taking the window down
            else:
                return self.variant_result.summary
        return summarize(self.team, self.as_of, self.norm_set())

    def apply_change(self, change: Change) -> None:
        """The team has changed as ``change`` says: recompute once and tell the views. In a
        scenario whose computation moves cases (absences, added positions), one edit can change
        other people's figures: then every row is told."""
        self._generation += 1
        self.summary = self._compute()
        result = self.variant_result
        if result is not None and not change.all_rows and (result.absent or result.taken):
            change = dataclasses.replace(change, rows=ALL)
        self.changed.emit(change)

    def set_team_object(self, team: Team) -> None:
        """Make ``team`` the live team (used by ``ReplaceTeamCommand``)."""
        self.team = team
        self.apply_change(Change.everything())

    # -- edits (each one undoable step) ----------------------------------------------------
    def set_count(self, member_id: str, case_type: str, count: int, text: str) -> None:
        """Set how many cases of ``case_type`` one person holds."""
        self.undo_stack.push(commands.SetCountCommand(self, member_id, case_type, count, text))

    def set_levels(self, member_id: str, case_type: str, split: dict[str, int] | None, text: str) -> None:
        """Set how many of one person's cases of ``case_type`` are at each case-weight level
        (``core.operations.set_levels``; None: none assessed)."""
        self.undo_stack.push(commands.SetLevelsCommand(self, member_id, case_type, split, text))

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

    def apply_counts(self, changes: dict[str, dict[str, int]], text: str,
                     levels: dict[str, dict[str, dict[str, int]]] | None = None) -> None:
        """Set many counts as one step (a planning proposal): member id -> case type -> count.
        Counts equal to the present ones are left out; nothing changed, nothing pushed.
        ``levels``: member id -> the person's whole case-weight split after the plan
        (``core.operations.level_changes``: new cases at a chosen level), set in the same step."""
        wanted = {}
        for member_id, counts in changes.items():
            held = self.team.member(member_id).counts
            differing = {t: n for t, n in counts.items() if held.get(t) != n}
            if differing:
                wanted[member_id] = differing
        if wanted:
            self.undo_stack.push(commands.SetCountsCommand(self, wanted, text, levels))

    def add_members(self, position: int, members: list[StaffMember], text: str) -> None:
        """Insert people at ``position`` in the staff list."""
        self.undo_stack.push(commands.InsertMembersCommand(self, position, members, text))

    def apply_cells(self, edits: list[tuple[str, str, Any]], text: str,
                    new_members: list[StaffMember] | None = None) -> None:
        """Set many cells at once as one undoable step: ``edits`` are (member id, field or
        ``count_column(case type)``, value); ``new_members`` are appended at the end first."""
        if edits or new_members:
            self.undo_stack.push(commands.ApplyCellsCommand(self, edits, new_members or [], text))

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

    def history_team(self) -> Team:
        """The team whose history (snapshots) is shown and edited: the team itself, also while a
        scenario is open (a scenario is a variant of the inputs, not of the team's past)."""
        return self.base if self.base is not None and self.scenario_name is not None else self.team

    def set_snapshots(self, snapshots: list[Snapshot], text: str) -> None:
        """Replace the team's snapshots (its history); no staff figure changes."""
        self.undo_stack.push(commands.SetSnapshotsCommand(self, snapshots, text))

    def set_flows(self, flows: list, text: str) -> None:
        """Replace the team's intake and closures per month and case type (``core.flows``; checked
        by ``core.operations.set_flows`` before the step is pushed) as one undoable step."""
        from sagstal_desktop.core.flows import check_flows

        check_flows(flows)  # raises FlowError: nothing pushed
        self.undo_stack.push(commands.SetFlowsCommand(self, flows, text))

    def set_variant(self, team: Team, base: Team | None, scenario_name: str | None, text: str,
                    view_only: bool = False) -> None:
        """Make ``team`` the live team, ``base`` the stored team and ``scenario_name`` the open
        scenario (None, None: the team itself), as one undoable step. ``view_only``: the step
        only opens another variant (the saved file would be the same), so it does not make the
        document modified (``is_modified``)."""
        command = commands.SetVariantCommand(self, team, base, scenario_name, text)
        command.view_only = view_only
        self.undo_stack.push(command)

    def set_variant_state(self, team: Team, base: Team | None, scenario_name: str | None) -> None:
        """Used by ``SetVariantCommand``."""
        self.team, self.base, self.scenario_name = team, base, scenario_name
        self.apply_change(Change.everything())
        self.state_changed.emit()

    def file_team(self) -> Team:
        """The team as it is saved: with the open scenario's inputs taken from the live team."""
        if self.base is None or self.scenario_name is None:
            return self.team
        from sagstal_desktop.core.serialize import team_inputs

        saved = self.base.copy()
        saved.custom_norm_sets = list(self.team.custom_norm_sets)
        for scenario in saved.scenarios:
            if scenario.name == self.scenario_name:
                scenario.inputs = team_inputs(self.team)
        return saved

    def replace_team(self, team: Team, text: str) -> None:
        """Swap in a whole team computed by the core (a merge of the file as it is on disk) as one
        undoable step (an import is ``import_rows``)."""
        self.undo_stack.push(commands.ReplaceTeamCommand(self, team, text))

    def import_rows(self, rows: list[ImportRow], mode: str, present: frozenset[str], full_time_hours: float | None,
                    text: str) -> None:
        """Import a read spreadsheet's rows into the team (``core.operations.import_rows``, the
        operation ``sagstal import --into`` makes) as one undoable step."""
        self.undo_stack.push(commands.ImportRowsCommand(self, rows, mode, present, full_time_hours, text))

    def replace(self, team: Team, path: Path | None, *, demo: bool = False, modified: bool = False) -> None:
        """Load a different team into this document: a fresh history, a new recovery session."""
        self.discard_recovery()
        self.undo_stack.clear()
        self.team, self.path, self.is_demo = team, _absolute(path), demo
        self.base, self.scenario_name = None, None
        self._forced_modified = modified
        self._autosaved_generation = self._generation
        self.apply_change(Change.everything())
        self.state_changed.emit()

    # -- modified state and saving -------------------------------------------------------
    def is_modified(self) -> bool:
        """Unsaved changes: the undo stack away from its clean state by steps that change the
        file (steps that only open another variant do not count)."""
        if self._forced_modified:
            return True
        stack = self.undo_stack
        if stack.isClean():
            return False
        clean, index = stack.cleanIndex(), stack.index()
        if clean < 0:
            return True
        return not all(getattr(stack.command(k), "view_only", False)
                       for k in range(min(clean, index), max(clean, index)))

    def save(self, path: Path) -> None:
        """Save atomically to ``path`` (raises ``DocumentError``); the document is then clean."""
        from sagstal_desktop.io.document import save_team

        snapshot = self.save_snapshot()
        save_team(snapshot.team, path)
        self.mark_saved(path, snapshot)

    def save_snapshot(self) -> SaveSnapshot:
        """A copy of the team as it is saved (``file_team``) to write on another thread (taken
        here, on the GUI thread), with the edit it was taken at."""
        return SaveSnapshot(self.file_team().copy(), self.undo_stack.index(), self._generation)

    def mark_saved(self, path: Path, snapshot: SaveSnapshot) -> None:
        """``snapshot`` was written to ``path``: the document now belongs to that file, and is
        clean unless it was edited while the copy was being written."""
        self.path, self.is_demo = _absolute(Path(path)), False
        if snapshot.undo_index == self.undo_stack.index() and snapshot.generation == self._generation:
            self._forced_modified = False
            self.undo_stack.setClean()
            self.discard_recovery()
            self._autosaved_generation = self._generation
        self.state_changed.emit()

    def display_name(self) -> str:
        """The file name, or "" for a new document or the demo (the window says which)."""
        return self.path.name if self.path else ""

    # -- recovery ------------------------------------------------------------------------
    def _recovery_files(self) -> tuple[Path, Path, Path]:
        """The recovery copy, its record and the copy of the file as read (the merge's base)."""
        from sagstal_desktop.user_folders import recovery_dir

        folder = recovery_dir()
        return (folder / f"{self._session}.sagstal", folder / f"{self._session}.json",
                folder / f"{self._session}{BASE_SUFFIX}")

    def set_recovery_base(self, path: Path | None, team: Team | None, print_: Fingerprint | None) -> None:
        """``path`` was read (or saved) as ``team`` with fingerprint ``print_`` (None: unknown).
        Kept beside the recovery copy while the document is that file's, so that recovering it
        can merge with changes made to the file since. ``team`` must not be changed afterwards
        (``SharedFile`` keeps a private copy that it replaces, never edits)."""
        known = path is not None and team is not None and print_ is not None
        self._recovery_base = (_absolute(path), team, print_) if known else None
        self._recovery_base_version += 1

    def autosave_now(self) -> bool:
        """Write the recovery copy now, on this thread, if there are changes since the last
        one; True if written."""
        job = self._recovery_job()
        return job is not None and self._write_recovery(*job)

    def autosave_in_background(self) -> bool:
        """The timer's autosave: copy the team here (GUI thread), write it in a worker thread.
        Skipped while the previous write still runs (the next tick catches up). True if a
        write was started."""
        if self._writer is not None and self._writer.is_alive():
            return False
        job = self._recovery_job()
        if job is None:
            return False
        self._writer = threading.Thread(target=self._write_recovery, args=job, name="sagstal-autosave", daemon=True)
        self._writer.start()
        return True

    def wait_for_autosave(self, timeout: float | None = None) -> None:
        """Wait until a background recovery write has finished (tests, closing)."""
        if self._writer is not None:
            self._writer.join(timeout)

    def _recovery_job(self) -> tuple[Team, dict, int, int, Team | None, int] | None:
        if not self.is_modified() or self._generation == self._autosaved_generation:
            return None
        meta = {
            "path": str(self.path) if self.path else None,
            "demo": self.is_demo,
            "pid": os.getpid(),
            "saved_at": datetime.now().isoformat(timespec="seconds"),
            "team_name": self.team.info.team_name,
            "base": None,
        }
        base_team = None
        base = self._recovery_base
        if base is not None and self.path is not None and not self.is_demo and base[0] == self.path:
            meta["base"] = dataclasses.asdict(base[2])
            if self._recovery_base_written != (self._recovery_epoch, self._recovery_base_version):
                base_team = base[1]  # not yet beside this recovery copy: written with it
        return (self.file_team().copy(), meta, self._generation, self._recovery_epoch, base_team,
                self._recovery_base_version)

    def _write_recovery(self, team: Team, meta: dict, generation: int, epoch: int, base: Team | None = None,
                        base_version: int = 0) -> bool:
        """Write the recovery copy, the base (when new) and the record (any thread). Never raises."""
        from sagstal_desktop.io.document import DocumentError, save_team

        with self._recovery_lock:
            if epoch != self._recovery_epoch:
                return False  # saved or closed since the copy was taken
            team_file, meta_file, base_file = self._recovery_files()
            try:
                save_team(team, team_file, private=True)
                if base is not None:
                    save_team(base, base_file, private=True)
                    self._recovery_base_written = (epoch, base_version)
                elif meta["base"] is None:
                    with contextlib.suppress(FileNotFoundError):
                        base_file.unlink()
                _write_private_text(meta_file, json.dumps(meta))
            except (OSError, DocumentError):
                return False  # a failing autosave must never disturb the user's work
            self._autosaved_generation = max(self._autosaved_generation, generation)
            return True

    def discard_recovery(self) -> None:
        """Remove this document's recovery copy (after a save, or a deliberate close)."""
        with self._recovery_lock:
            self._recovery_epoch += 1
            for file in self._recovery_files():
                with contextlib.suppress(OSError):
                    file.unlink()

    def close(self) -> None:
        """The document is closed on purpose: stop autosaving and remove the recovery copy."""
        self._autosave_timer.stop()
        self.wait_for_autosave()
        self.discard_recovery()
        _LIVE_SESSIONS.discard(self._session)


def _absolute(path: Path | str | None) -> Path | None:
    """An absolute path (without resolving links): a recovery record must name the same file
    whatever folder the program is started from next time."""
    return Path(os.path.abspath(path)) if path is not None else None


def _write_private_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through the atomic writer, private (0600)."""
    from sagstal_desktop.io.atomic_write import write_text

    write_text(path, text, private=True)


@dataclass(frozen=True)
class Recoverable:
    """A recovery copy left behind by a Sagstal that did not close normally. ``base_file`` and
    ``base_print``: the original file as that Sagstal had read it (None when unknown: a new
    team, or a copy written before bases were kept)."""

    team_file: Path
    meta_file: Path
    original_path: Path | None
    saved_at: str
    team_name: str
    base_file: Path | None = None
    base_print: Fingerprint | None = None

    def discard(self) -> None:
        for file in (self.team_file, self.meta_file, self.team_file.with_name(self.meta_file.stem + BASE_SUFFIX)):
            with contextlib.suppress(OSError):
                file.unlink()


def _base_print(record: object) -> Fingerprint | None:
    """The base's fingerprint in a recovery record (None if absent or malformed)."""
    from sagstal_desktop.io.file_lock import Fingerprint

    if not isinstance(record, dict):
        return None
    size, mtime_ns, sha256 = record.get("size"), record.get("mtime_ns"), record.get("sha256")
    if type(size) is not int or type(mtime_ns) is not int or not isinstance(sha256, str):
        return None
    return Fingerprint(size, mtime_ns, sha256)


def _remove_stale_recovery_temps(folder: Path) -> None:
    """Temporary files of a recovery write that was killed (``.<session>....tmp``)."""
    import time

    from sagstal_desktop.io.safe_files import STALE_AFTER_SECONDS

    for file in folder.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            if file.is_file() and time.time() - file.stat().st_mtime > STALE_AFTER_SECONDS:
                file.unlink()


def find_recoverable() -> list[Recoverable]:
    """Recovery copies whose process has ended (newest first). Copies of documents open in
    this process, or in another Sagstal that is still running, are left alone."""
    from sagstal_desktop.io.file_lock import process_alive
    from sagstal_desktop.user_folders import recovery_dir

    folder = recovery_dir()
    _remove_stale_recovery_temps(folder)
    found = []
    for meta_file in folder.glob("*.json"):
        session = meta_file.stem
        team_file = meta_file.with_suffix(".sagstal")
        if session in _LIVE_SESSIONS or not team_file.exists():
            continue
        try:
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
            pid = int(meta.get("pid", 0))
        except (OSError, ValueError, TypeError, AttributeError):  # AttributeError: a record that is no object
            continue
        if pid == os.getpid() or (pid and process_alive(pid)):
            continue
        original = meta.get("path")
        if original is not None and not (isinstance(original, str) and os.path.isabs(original)):
            original = None  # a relative path would name a different file from another folder
        base_file = folder / f"{session}{BASE_SUFFIX}"
        base_print = _base_print(meta.get("base")) if original else None
        if base_print is None or not base_file.is_file():
            base_file, base_print = None, None
        found.append(Recoverable(team_file, meta_file, Path(original) if original else None,
                                 str(meta.get("saved_at", "")), str(meta.get("team_name", "")),
                                 base_file, base_print))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)
