"""The window's side of a shared team file (``io/file_lock.py`` has the files themselves).

* **Who has it open.** Opening a file takes the edit lock beside it and refreshes it every
  ``edit_lock_heartbeat_seconds``; closing, or opening another file, removes it. A file another
  window or person has open is announced ("Open by anna on PC-12 since …") with the choice to
  open it read-only, open a copy, or open it anyway. A stale lock (its program crashed) is taken
  over, and the window says so.
* **Changes made elsewhere.** What was read is remembered (the team, and the file's size, time
  and hash). The file is watched (``QFileSystemWatcher``, and a check every autosave interval
  for network drives whose changes the watcher does not see): a change shows a bar at the top
  of the window at once, without interrupting typing. Every save first checks the file under
  the short write lock; if it changed, the user chooses: reload (after confirming that the
  unsaved changes go), save mine as a copy, or merge (``core/merge.py``: the other writer's
  snapshots, scenarios, people and cells are kept beside mine; where both changed the same cell,
  person or scenario the list is shown and the user chooses whose version wins).
* Sync-client conflict copies beside the opened file are mentioned in the status bar.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QSizePolicy, QToolBar, QWidget

from sagstal_desktop.i18n import _, pgettext

if TYPE_CHECKING:
    from sagstal_desktop.core.merge import Conflict
    from sagstal_desktop.core.model import Team
    from sagstal_desktop.gui.main_window import MainWindow
    from sagstal_desktop.io.file_lock import EditLock, Fingerprint, LockInfo

#: How often (ms) the file is compared with what was read, besides the watcher.
CHECK_INTERVAL_MS = 2000
#: At most this many conflicts are listed in the message (then "and N more").
MAX_LISTED_CONFLICTS = 12

OPEN_READ_ONLY, OPEN_COPY, OPEN_ANYWAY, OPEN_CANCEL = "read_only", "copy", "anyway", "cancel"
#: Recovered unsaved changes to a file someone else has open: keep them as a new file.
RECOVER_AS_NEW = "recover_as_new"
RELOAD, SAVE_COPY, MERGE, CANCEL = "reload", "copy", "merge", "cancel"


class ChangedOnDisk(Exception):
    """The file changed since it was read (raised by ``SharedFile.write``; nothing written)."""


@dataclass(frozen=True)
class Read:
    """A team as read from a file, with the file's fingerprint at that moment."""

    team: Team
    fingerprint: Fingerprint | None


def read_team(path: Path) -> Read:
    """Read ``path`` with its fingerprint (taken first: a change while reading shows later as a
    change, never the reverse). Raises ``DocumentError``."""
    from sagstal_desktop.io.document import load_team
    from sagstal_desktop.io.file_lock import fingerprint

    print_before = fingerprint(path)
    return Read(load_team(path), print_before)


class SharedFile(QObject):
    """The lock, the remembered read and the watcher of the window's open file."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        from sagstal_desktop.io.file_lock import heartbeat_seconds

        self._window = window
        self.path: Path | None = None  # the file tracked (the document's file)
        self.lock: EditLock | None = None
        self.base: Team | None = None  # the team as last read from or saved to ``path``
        self.print: Fingerprint | None = None
        self.read_only = False
        self._announced: tuple[int, int] | str | None = None  # the (size, time) the bar tells of, or "gone"
        self._last_seen: tuple[tuple[int, int] | None, bool] = (None, False)  # the last check
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file_changed)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(int(heartbeat_seconds() * 1000))
        self._heartbeat.timeout.connect(self.beat)
        self._check = QTimer(self)
        self._check.setInterval(CHECK_INTERVAL_MS)
        self._check.timeout.connect(self.check_external)
        self.bar = _Bar(window)
        window.document().state_changed.connect(self._on_state_changed)

    # -- which file --------------------------------------------------------------------------
    def track(self, path: Path | None, read: Read | None, *, lock: bool = False) -> None:
        """The document now shows ``path`` as ``read`` (None: a new document, or unknown
        contents: no check). With ``lock`` the edit lock is taken (or kept)."""
        same = path is not None and self.path is not None and _same(path, self.path)
        if not same:
            self._untrack()
        self.path = Path(path) if path is not None else None
        self.base = read.team.copy() if read is not None else None
        self.print = read.fingerprint if read is not None else None
        self._keep_base_for_recovery()
        self._announced, self._last_seen = None, (None, False)
        self.bar.hide()
        if self.path is None:
            return
        if str(self.path) not in self._watcher.files():
            self._watcher.addPath(str(self.path))
        self._check.start()
        if lock and (self.lock is None or not self.lock.held):
            self._take_lock()

    def _untrack(self) -> None:
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self._check.stop()
        self._heartbeat.stop()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        self.path, self.base, self.print, self.read_only = None, None, None, False
        self._keep_base_for_recovery()

    def _keep_base_for_recovery(self) -> None:
        """The document's recovery copy keeps the file as read beside it (the base of a merge
        after recovering it)."""
        self._window.document().set_recovery_base(self.path, self.base, self.print)

    def _on_state_changed(self) -> None:
        doc = self._window.document()
        path = None if doc.is_demo else doc.path
        if self.path is not None and (path is None or not _same(path, self.path)):
            self._untrack()  # another file or a new team: this file's lock and watch end

    def _take_lock(self) -> None:
        from sagstal_desktop.io.file_lock import EditLock, FileLocked

        lock = EditLock(self.path)
        try:
            replaced = lock.acquire()
        except (FileLocked, OSError):
            return  # opened anyway (or a folder without write access): no lock of ours
        self.lock = lock
        self._heartbeat.start()
        if replaced is not None:
            self.bar.show_note(_("{file} had a lock left by a Sagstal that is no longer running ({who}). This "
                                 "window has taken it over.").format(file=self.path.name,
                                                                     who=replaced.message(self._lang())))

    def beat(self) -> None:
        """The heartbeat: refresh the edit lock (a lock someone else took over is given up)."""
        if self.lock is not None and not self.lock.heartbeat():
            from sagstal_desktop.io.file_lock import edit_lock_holder

            holder = edit_lock_holder(self.path)
            self.lock = None
            self._heartbeat.stop()
            if holder is not None:
                self.bar.show_note(_("Another Sagstal has taken over {file}. {who}.").format(
                    file=self.path.name, who=holder.message(self._lang())))

    def close(self) -> None:
        """The window closes: remove the lock, stop watching."""
        self._untrack()

    def _lang(self) -> str:
        return self._window.language()

    # -- opening -----------------------------------------------------------------------------
    def is_open_here(self, path: Path) -> bool:
        return self.path is not None and _same(path, self.path)

    def how_to_open(self, path: Path) -> str:
        """Before opening ``path``: ``OPEN_ANYWAY`` (the normal case: nobody else has it; lock
        it), or what the user chose when someone else has it open."""
        holder = self._other_holder(path)
        return OPEN_ANYWAY if holder is None else ask_locked_open(self._window, path, holder)

    def how_to_recover(self, path: Path) -> str:
        """Before recovering unsaved changes to ``path`` (after a crash): ``OPEN_ANYWAY`` when
        nobody else has it open (lock it), else what the user chose: ``OPEN_ANYWAY`` (merged with
        their changes on saving), ``RECOVER_AS_NEW`` or ``OPEN_CANCEL`` (recover later)."""
        holder = self._other_holder(path)
        return OPEN_ANYWAY if holder is None else ask_locked_recover(self._window, path, holder)

    def _other_holder(self, path: Path) -> LockInfo | None:
        """Who else has ``path`` open for editing (None: nobody, a stale lock, or this window)."""
        from sagstal_desktop.io.file_lock import edit_lock_holder

        if self.is_open_here(path) and self.lock is not None and self.lock.held:
            return None
        holder = edit_lock_holder(path)
        return None if holder is None or holder.is_stale() else holder

    def mention_conflict_copies(self, path: Path) -> None:
        """Say in the status bar when a sync client's conflict copies lie beside ``path``."""
        from sagstal_desktop.io.file_lock import conflict_copies

        copies = conflict_copies(path)
        if copies:
            names = ", ".join(p.name for p in copies[:3]) + (" …" if len(copies) > 3 else "")
            self._window.show_status(_("Copies that a synchronising program may have made lie beside the file: "
                                       "{names}. Compare them with {file} before deleting them.").format(
                                           names=names, file=path.name), 20000)

    # -- changes made elsewhere --------------------------------------------------------------
    def changed_outside(self) -> bool:
        from sagstal_desktop.io.file_lock import changed_since

        return self.path is not None and self.print is not None and changed_since(self.path, self.print)

    def _on_file_changed(self, path: str) -> None:
        if Path(path).exists() and path not in self._watcher.files():
            self._watcher.addPath(path)  # a file replaced by rename drops out of the watch
        self.check_external()

    def check_external(self) -> bool:
        """Show the bar if the file has changed since it was read (not while this window saves).
        True if it has. The bytes are hashed only when the file's size or time is new since the
        last check (the timer asks every few seconds)."""
        import os

        if self.path is None or self._window.files.saving or self.print is None:
            return False
        try:
            info = os.stat(self.path)
            seen = (info.st_size, info.st_mtime_ns)
        except OSError:
            seen = None
        if seen == (self.print.size, self.print.mtime_ns):
            return False
        if seen is not None and seen == self._last_seen[0]:
            return self._last_seen[1]
        changed = self.changed_outside()
        self._last_seen = (seen, changed)
        if changed and (seen or "gone") != self._announced:
            self._announced = seen or "gone"
            self.bar.show_changed(self.path.name, self)
        return changed

    def write(self, team: Team, path: Path) -> Fingerprint | None:
        """Save ``team`` to ``path`` under the write lock, after checking that the tracked file
        has not changed since it was read (``ChangedOnDisk``, nothing written). Any thread.
        Raises ``DocumentError``, ``LockBusy``, ``ChangedOnDisk``; returns the new fingerprint."""
        from sagstal_desktop.io.document import DocumentError, save_team
        from sagstal_desktop.io.file_lock import WriteLock, changed_since, fingerprint

        with contextlib.ExitStack() as stack:
            try:
                stack.enter_context(WriteLock(path))
            except OSError as exc:  # a folder without write access: the save would fail the same way
                raise DocumentError("save_failed", path, exc.strerror or str(exc)) from exc
            if self.is_open_here(path) and self.print is not None and changed_since(path, self.print):
                raise ChangedOnDisk(path)
            save_team(team, path)
            return fingerprint(path)

    def saved(self, path: Path, team: Team, print_after: Fingerprint | None) -> None:
        """``team`` was written to ``path``: it is now what was read (locked if it is new)."""
        self.read_only = False
        self.track(path, Read(team, print_after), lock=True)

    def resolve(self, path: Path) -> str:
        """The file changed since it was read: ask what to do and do it. Returns ``MERGE``
        (merged into the document: save again), ``SAVE_COPY`` (save as), ``RELOAD`` (done) or
        ``CANCEL``."""
        choice = ask_external_change(self._window, path)
        if choice == RELOAD:
            return RELOAD if self.reload(confirm=True) else CANCEL
        if choice == MERGE:
            return MERGE if self.merge() else CANCEL
        return choice

    def _read_now(self, path: Path):
        """The file as it is now on disk (``read_in_background``), or None after a message."""
        from sagstal_desktop.io.document import DocumentError

        try:
            return read_in_background(self._window, path, with_fingerprint=True)
        except DocumentError as error:
            QMessageBox.warning(self._window, _("Cannot open the file"), error.message(self._lang()))
            return None

    def reload(self, *, confirm: bool = True) -> bool:
        """Load the file as it is now, discarding unsaved changes (asked first)."""
        doc = self._window.document()
        path = self.path
        if path is None:
            return False
        if confirm and doc.is_modified():
            answer = QMessageBox.question(
                self._window, _("Reload the file?"),
                _("Load {file} as it is now on disk? Your unsaved changes will be lost.").format(file=path.name),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return False
        read = self._read_now(path)
        if read is None:
            return False
        doc.replace(read.team, path)
        self.track(path, read, lock=not self.read_only)
        self._window.show_status(_("Reloaded {file}").format(file=path.name))
        return True

    def merge(self) -> bool:
        """Merge the file as it is now into the document (unsaved; one undoable step). Conflicts
        are listed and the user chooses whose version wins, or cancels (nothing changes)."""
        from sagstal_desktop.core.merge import MINE, THEIRS, merge_teams

        doc = self._window.document()
        path = self.path
        if path is None or self.base is None:
            return False
        read = self._read_now(path)
        if read is None:
            return False
        result = merge_teams(self.base, doc.file_team(), read.team, MINE)
        if result.conflicts:
            side = ask_conflicts(self._window, path, result.conflicts)
            if side is None:
                return False
            if side == THEIRS:
                result = merge_teams(self.base, doc.file_team(), read.team, THEIRS)
        text = _("Merge changes from {file}").format(file=path.name)
        if doc.scenario_name is not None:
            doc.set_variant(result.team, None, None, text)
        else:
            doc.replace_team(result.team, text)
        self.base, self.print = read.team.copy(), read.fingerprint
        self._keep_base_for_recovery()
        self._announced, self._last_seen = None, (None, False)
        self.bar.hide()
        self._window.show_status(_("Merged: {snapshots} snapshots and {scenarios} scenarios added by others, "
                                   "{changes} other changes taken, {conflicts} conflicts.").format(
            snapshots=result.snapshots_added, scenarios=result.scenarios_added, changes=result.changes_taken,
            conflicts=len(result.conflicts)), 15000)
        return True


def _same(a: Path, b: Path) -> bool:
    import os

    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


class _BarLabel(QLabel):
    """The bar's word-wrapping text, as tall as its lines at the width it is given. (A tool bar
    does not ask a label's height for its width; a wrapping label's own hint assumes a narrow
    column of text, so two lines across a wide window got a bar four lines tall.)"""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self.width() > hint.width() and self.text():
            return QSize(hint.width(), self.heightForWidth(self.width()))
        return hint

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), min(hint.height(), self.sizeHint().height()))

    def setText(self, text: str) -> None:
        super().setText(text)
        self.updateGeometry()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the lines the text needs at the new width


class _Bar(QToolBar):
    """A bar across the top of the window, on a row of its own below the tool bars: a change made
    elsewhere, or a note (never modal). Its buttons are shown and hidden through their tool-bar
    actions (a widget in a tool bar is hidden by its action, not by itself)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("sharedFileBar")
        self.setMovable(False)
        self.setFloatable(False)
        self._window = window
        self._placed = False
        self.label = _BarLabel(self)
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(self.label)
        self.reload_button = QPushButton(self)
        self.merge_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self._actions = {button: self.addWidget(button)
                         for button in (self.reload_button, self.merge_button, self.close_button)}
        self.close_button.clicked.connect(self.hide)
        self._shared: SharedFile | None = None
        self.reload_button.clicked.connect(lambda: self._shared and self._shared.reload(confirm=True))
        self.merge_button.clicked.connect(lambda: self._shared and self._shared.merge())
        self.hide()

    def _show(self) -> None:
        """Show the bar; the first time, placed on a new row below the window's tool bars (made
        by then), so it spans the window's width instead of squeezing beside the main tool bar."""
        if not self._placed:
            self._placed = True
            self._window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
            self._window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)
        self.show()

    def show_changed(self, name: str, shared: SharedFile) -> None:
        self._shared = shared
        doc_modified = shared._window.document().is_modified()
        self.label.setText(_("{file} has been changed outside this window (by another person or a sagstal "
                             "command).").format(file=name) + " " + (
            _("Merge their changes into yours, or reload (your unsaved changes would be lost).") if doc_modified
            else _("Reload to see the changes.")))
        self.reload_button.setText(_("Reload"))
        self.merge_button.setText(_("Merge"))
        self.close_button.setText(_("Later"))
        self._actions[self.reload_button].setVisible(True)
        self._actions[self.merge_button].setVisible(doc_modified)
        self._show()

    def show_note(self, text: str) -> None:
        self.label.setText(text)
        self.close_button.setText(_("OK"))
        self._actions[self.reload_button].setVisible(False)
        self._actions[self.merge_button].setVisible(False)
        self._show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


# -- questions -------------------------------------------------------------------------------


def _choose(window: MainWindow, title: str, text: str, info: str, choices: list[tuple[str, str, bool]],
            cancelled: str, object_name: str) -> str:
    """A warning with one button per choice (text, value, destructive) and Cancel; the first
    choice is the default, Esc cancels. Returns the chosen value, or ``cancelled``."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=window)
    box.setInformativeText(info)
    role = QMessageBox.ButtonRole
    buttons = {box.addButton(label, role.DestructiveRole if destructive else role.AcceptRole): value
               for label, value, destructive in choices}
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(next(iter(buttons)))
    box.setEscapeButton(cancel)
    box.setObjectName(object_name)
    box.exec()
    return buttons.get(box.clickedButton(), cancelled)


def ask_locked_open(window: MainWindow, path: Path, holder: LockInfo) -> str:
    """Someone else has ``path`` open: read-only, a copy, anyway, or cancel."""
    return _choose(window, _("The file is open elsewhere"),
                   _("{file} is already open for editing. {who}.").format(
                       file=path.name, who=holder.message(window.language())),
                   _("Changes saved by two people at once can overwrite each other. Open it read-only "
                     "to look, or a copy to try something out."),
                   [(_("Open read-only"), OPEN_READ_ONLY, False), (_("Open a copy"), OPEN_COPY, False),
                    (_("Open anyway"), OPEN_ANYWAY, True)], OPEN_CANCEL, "lockedOpenBox")


def ask_locked_recover(window: MainWindow, path: Path, holder: LockInfo) -> str:
    """Someone else has ``path`` open and there are recovered unsaved changes to it: open them
    anyway (merged on saving), save them as a new file, or cancel (recover them later). There is
    no read-only choice: recovered changes exist only in this window until saved."""
    return _choose(window, _("The file is open elsewhere"),
                   _("{file} is already open for editing. {who}.").format(
                       file=path.name, who=holder.message(window.language())),
                   _("Your recovered changes are not in the file yet. Open them anyway, and Sagstal merges "
                     "them with the other person's changes when you save, or save them as a new file."),
                   [(_("Open anyway (merge when saving)"), OPEN_ANYWAY, False),
                    (_("Save as a new file…"), RECOVER_AS_NEW, False)], OPEN_CANCEL, "lockedRecoverBox")


def ask_external_change(window: MainWindow, path: Path) -> str:
    """The file changed since it was read: reload, save mine as a copy, merge, or cancel."""
    return _choose(window, _("The file has changed"),
                   _("{file} has been changed by someone else since you opened it. Saving now would "
                     "overwrite their changes.").format(file=path.name),
                   _("Merge keeps their snapshots, scenarios and changes beside yours and shows any "
                     "cell both of you changed."),
                   [(_("Merge"), MERGE, False), (_("Save mine as a copy…"), SAVE_COPY, False),
                    (_("Reload theirs"), RELOAD, True)], CANCEL, "externalChangeBox")


def conflict_lines(conflicts: list[Conflict], lang: str) -> list[str]:
    """One line per conflict: what, mine, theirs."""
    from sagstal_desktop.core.formatting import format_value

    names = {"name": _("Name"), "weekly_hours": _("Weekly hours"), "other_hours": _("Other hours"),
             "other_tasks": _("Other tasks"), "start_date": _("Start date"), "note": pgettext("column", "Note"),
             "competences": _("Competences"), "takes_new_cases": _("Takes new cases"),
             "reductions": _("Reductions")}
    from sagstal_desktop.core.norms import catalogue

    types = {key: t.name(lang) for key, t in catalogue().items()}

    def show(value) -> str:
        if value is None:
            return _("removed")
        if isinstance(value, (tuple, list)):
            return str(len(value))
        return format_value(value, lang)

    lines = []
    for c in conflicts:
        if c.kind == "cell":
            what = names.get(c.field) or types.get(c.field.removeprefix("count:"), c.field.removeprefix("count:"))
            lines.append(_("{person}, {what}: yours {mine}, theirs {theirs}").format(
                person=c.label, what=what, mine=show(c.mine), theirs=show(c.theirs)))
        elif c.kind == "person":
            lines.append(_("{person}: removed by one of you, changed by the other").format(person=c.label))
        elif c.kind == "scenario":
            lines.append(_("Scenario {name}: changed by both of you").format(name=c.label))
        elif c.kind == "flow":
            def flow(value):
                return _("removed") if value is None else _("{new} new, {closed} closed").format(
                    new=format_value(value[0], lang), closed=format_value(value[1], lang))

            lines.append(_("Intake and closures {month_and_type}: yours {mine}, theirs {theirs}").format(
                month_and_type=c.label, mine=flow(c.mine), theirs=flow(c.theirs)))
        else:
            lines.append(_("Setting {name}: yours {mine}, theirs {theirs}").format(
                name=c.field or c.label, mine=show(c.mine), theirs=show(c.theirs)))
    return lines


def ask_conflicts(window: MainWindow, path: Path, conflicts: list[Conflict]) -> str | None:
    """Show the conflicts of a merge; "mine", "theirs" for all of them, or None (cancel)."""
    from sagstal_desktop.core.merge import MINE, THEIRS

    lines = conflict_lines(conflicts, window.language())
    shown = lines[:MAX_LISTED_CONFLICTS]
    if len(lines) > len(shown):
        shown.append(_("… and {n} more").format(n=len(lines) - len(shown)))
    box = QMessageBox(QMessageBox.Icon.Question, _("Both changed the same"),
                      _("You and the other writer of {file} changed the same things differently:").format(
                          file=path.name) + "\n\n" + "\n".join(shown), parent=window)
    box.setInformativeText(_("Everything else is merged. Whose version should these keep?"))
    mine = box.addButton(_("Keep mine"), QMessageBox.ButtonRole.AcceptRole)
    theirs = box.addButton(_("Keep theirs"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(mine)
    box.setEscapeButton(cancel)
    box.setObjectName("conflictBox")
    box.exec()
    return {mine: MINE, theirs: THEIRS}.get(box.clickedButton())


#: Opening that takes longer than this shows a progress dialog (as saving does).
OPEN_PROGRESS_AFTER_MS = 200


def read_in_background(window: QWidget, path: Path, *, with_fingerprint: bool = False):
    """Read a team file in a worker thread, so a big team never stalls the window ("Opening …",
    with progress after ``OPEN_PROGRESS_AFTER_MS``); numpy is imported there too when the window
    will compute this team with it (``core.load.warm_up``). Raises ``DocumentError``. Returns the
    ``Team``, or with ``with_fingerprint`` a ``shared_file.Read`` (the team and the file's
    fingerprint)."""
    from sagstal_desktop.core.load import prefer_numpy, warm_up
    from sagstal_desktop.gui.background import run_with_progress

    def read(_progress, _cancelled):
        done = read_team(path)
        prefer_numpy()
        warm_up(len(done.team.staff))
        return done if with_fingerprint else done.team

    return run_with_progress(window, _("Opening {file}…").format(file=path.name), read, title=_("Open"),
                             min_duration_ms=OPEN_PROGRESS_AFTER_MS, cancellable=False)
