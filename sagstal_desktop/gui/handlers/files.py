"""The main window's file handling: new, open, save, save as, the recent files and the offer
to recover unsaved changes a Sagstal that did not close normally left behind.

``FileActions(window)`` works on the window's ``Document``; every message names the file and
the reason. Texts keep the main window's translation context.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from sagstal_desktop.core.model import Team
from sagstal_desktop.gui import settings
from sagstal_desktop.gui.dialogs.file_dialogs import ask_open_path, ask_save_path
from sagstal_desktop.gui.shared_file import OPEN_ANYWAY, OPEN_CANCEL, RECOVER_AS_NEW, read_in_background
from sagstal_desktop.gui.team_document import find_recoverable
from sagstal_desktop.i18n import _

if TYPE_CHECKING:
    from sagstal_desktop.gui.window_api import WindowApi

FILE_SUFFIX = ".sagstal"
#: Saving or opening that takes longer than this shows a progress dialog.
SAVE_PROGRESS_AFTER_MS = 200


class FileActions:
    """Opening and saving the window's document, and the recent-files list."""

    def __init__(self, window: WindowApi) -> None:
        self._window = window
        self.title_hint = ""  # the window title of an unsaved document made from an import
        self.saving = False  # a save is being written (no second one meanwhile)

    @staticmethod
    def tr(text: str) -> str:
        return _(text)

    @property
    def _document(self):
        return self._window.document()

    def new_document(self) -> None:
        if not self.maybe_save():
            return
        self.title_hint = ""
        self._document.replace(Team(), None)
        from sagstal_desktop.gui.dialogs.new_team import NewTeamDialog

        dialog = NewTeamDialog(self._window.language(), self._window)
        dialog.accepted.connect(lambda: self.start_team(dialog.team(), dialog.case_types()))
        dialog.open()  # window-modal, not blocking: the empty table and its hint are behind it

    def start_team(self, team: Team, case_types: list[str]) -> None:
        """Make ``team`` (empty, as set up in the new-team dialog) the document, with the chosen
        case types' columns."""
        self.title_hint = team.info.team_name
        self._document.replace(team, None)
        self._window.model().set_chosen_case_types(case_types)

    def open_team_as_new(self, team: Team, title: str) -> None:
        """Open ``team`` as a new, unsaved document (after offering to save the current one)."""
        if not self.maybe_save():
            return
        self.title_hint = title
        self._document.replace(team, None, modified=True)

    def open_file(self, path: Path | str | None = None) -> bool:
        """Open a team file (asks for one when ``path`` is None). A file that cannot be opened
        shows the reason and changes nothing."""
        if not self.maybe_save():
            return False
        if path is None:
            chosen = ask_open_path(self._window, _("Open team"), self._file_filter(), self._start_folder())
            if chosen is None:
                return False
            path = chosen
        return self.open_path(Path(path))

    def open_path(self, path: Path, how: str | None = None) -> bool:
        """Open ``path`` without asking to save first (start-up, recent files after asking). A
        file someone else has open asks first (read-only, a copy, anyway), unless ``how`` answers
        already (the department view opens a locked file read-only); the file already open here
        is read again (``gui/shared_file.py``)."""
        from sagstal_desktop.gui.shared_file import OPEN_ANYWAY, OPEN_CANCEL, OPEN_COPY, OPEN_READ_ONLY
        from sagstal_desktop.io.document import DocumentError

        shared = self._window.shared
        how = how or shared.how_to_open(Path(path))
        if how == OPEN_CANCEL:
            return False
        try:
            read = read_in_background(self._window, Path(path), with_fingerprint=True)
        except DocumentError as error:
            QMessageBox.warning(self._window, _("Cannot open the file"), error.message(self._window.language()))
            self._forget_recent(path)
            return False
        if how == OPEN_COPY:
            self.title_hint = _("Copy of {name}").format(name=Path(path).stem)
            self._document.replace(read.team, None, modified=True)
            self._window.show_status(_("Opened a copy of {file}; save it under another name.").format(
                file=Path(path).name))
            return True
        self.title_hint = ""
        self._document.replace(read.team, Path(path))
        shared.track(Path(path), read, lock=how == OPEN_ANYWAY)
        shared.read_only = how == OPEN_READ_ONLY
        self._document.state_changed.emit()  # the title shows "read-only"
        self.remember_recent(Path(path))
        self._window.show_status(_("Opened {file}").format(file=Path(path).name))
        shared.mention_conflict_copies(Path(path))
        return True

    def claim_started_file(self, path: Path) -> None:
        """The file the program was started with is open: take its lock, or, when someone else
        has it open, ask as ``open_path`` does (cancel: read-only)."""
        from sagstal_desktop.gui.shared_file import OPEN_CANCEL, OPEN_COPY, OPEN_READ_ONLY, Read

        shared = self._window.shared
        how = shared.how_to_open(Path(path))
        if how == OPEN_COPY:
            self.title_hint = _("Copy of {name}").format(name=Path(path).stem)
            self._document.replace(self._document.team, None, modified=True)
            return
        read = Read(self._document.file_team(), shared.print)
        shared.track(Path(path), read, lock=how not in (OPEN_READ_ONLY, OPEN_CANCEL))
        shared.read_only = how in (OPEN_READ_ONLY, OPEN_CANCEL)
        self._document.state_changed.emit()
        shared.mention_conflict_copies(Path(path))

    def save(self) -> bool:
        doc = self._document
        if doc.path is None or doc.is_demo or self._window.shared.read_only:
            return self.save_as()
        return self._save_to(doc.path)

    def save_as(self) -> bool:
        suggested = self._start_folder() / ((self._document.team.info.team_name or _("team")) + FILE_SUFFIX)
        path = ask_save_path(self._window, _("Save team as"), suggested, self._file_filter(), FILE_SUFFIX)
        return False if path is None else self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        """Write the team to ``path`` in a worker thread (a copy taken here), with progress for a
        big team; the window keeps repainting. A second save while one runs is refused. There is no
        Cancel: the file is replaced atomically at the end (10,000 people take about 0.1 s).

        The write checks first that nobody changed the file since it was read (under the short
        write lock, ``SharedFile.write``); if someone did, the user chooses to merge (then it is
        saved), save a copy, or reload. A failed save keeps the work in the window and writes the
        recovery copy now."""
        from sagstal_desktop.gui.background import run_with_progress
        from sagstal_desktop.gui.shared_file import MERGE, SAVE_COPY, ChangedOnDisk
        from sagstal_desktop.io.document import DocumentError
        from sagstal_desktop.io.file_lock import LockBusy

        if self.saving:
            self._window.show_status(_("A save is already running."))
            return False
        shared = self._window.shared
        if shared.read_only and shared.is_open_here(path):
            QMessageBox.warning(self._window, _("Cannot save the file"),
                                _("{file} is open read-only here because someone else has it open. Save your "
                                  "changes under another name.").format(file=path.name))
            return False
        for _attempt in range(3):
            self.saving = True
            snapshot = self._document.save_snapshot()
            try:
                written = run_with_progress(self._window, _("Saving {file}…").format(file=path.name),
                                            lambda _progress, _cancelled, team=snapshot.team: shared.write(team, path),
                                            title=_("Save"), min_duration_ms=SAVE_PROGRESS_AFTER_MS,
                                            cancellable=False)
            except ChangedOnDisk:
                self.saving = False
                choice = shared.resolve(path)
                if choice == MERGE:
                    continue
                if choice == SAVE_COPY:
                    return self.save_as()
                return False  # reloaded (their version is open now) or cancelled: not saved
            except (DocumentError, LockBusy) as error:
                self.saving = False
                self._document.autosave_now()  # the work stays here and in the recovery copy
                QMessageBox.warning(self._window, _("Cannot save the file"), error.message(self._window.language()))
                return False
            finally:
                self.saving = False
            break
        else:
            return False
        self._document.mark_saved(path, snapshot)
        shared.saved(path, snapshot.team, written)
        self.title_hint = ""
        self.remember_recent(path)
        self._window.show_status(_("Saved {file}").format(file=path.name))
        self._offer_snapshot()
        return True

    def _offer_snapshot(self) -> None:
        """After a save: offer a snapshot when this month has none (a non-blocking question)."""
        from sagstal_desktop.gui.handlers.history import offer_snapshot

        offer_snapshot(self._window)

    def maybe_save(self) -> bool:
        """Ask to save unsaved changes. False if the user cancels (or saving fails)."""
        if not self._document.is_modified():
            return True
        answer = QMessageBox.question(
            self._window, _("Unsaved changes"),
            _("The team has changes that are not saved. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def offer_recovery(self) -> bool:
        """Offer the recovery copies a Sagstal that did not close normally left behind.
        Returns True if one was recovered (it is then open, unsaved)."""
        for found in find_recoverable():
            from sagstal_desktop.io.document import DocumentError, load_team  # only with something to offer

            name = found.original_path.name if found.original_path else (found.team_name or _("a new team"))
            answer = QMessageBox.question(
                self._window, _("Recover unsaved changes?"),
                _("Sagstal was not closed normally. Unsaved changes to {name} from {time} were kept. "
                  "Recover them?").format(name=name, time=_saved_at_text(found.saved_at)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes)
            if answer != QMessageBox.StandardButton.Yes:
                found.discard()
                continue
            try:
                team = load_team(found.team_file, remember=False)  # the private copy is never saved back
            except DocumentError as error:
                QMessageBox.warning(self._window, _("Cannot recover"), error.message(self._window.language()))
                found.discard()
                continue
            how = self._recover(found, team)
            if how == OPEN_CANCEL:
                self._window.show_status(_("The unsaved changes to {name} are kept; Sagstal offers them again at "
                                           "the next start.").format(name=name))
                continue
            found.discard()
            self._document.autosave_now()
            self._window.show_status(_("Recovered the unsaved changes. Save to keep them."))
            if how == OPEN_ANYWAY and found.original_path is not None:
                self._window.shared.mention_conflict_copies(found.original_path)
            if how == RECOVER_AS_NEW:
                self.save_as()  # cancelled: the work stays here, unsaved, and in the recovery copy
            return True
        return False

    def _recover(self, found, team: Team) -> str:
        """Make the recovered ``team`` the document as opening its file would: the file's edit
        lock is taken, or, when someone else has the file open, the user chooses to open the
        changes anyway or keep them as a new file (``SharedFile.how_to_recover``). The file as the
        crashed Sagstal had read it is what a save checks against and merges from, so changes
        written since are merged, not overwritten. Returns the choice (``OPEN_CANCEL``: nothing
        changed). A recovered new team has no file: no lock."""
        path = found.original_path
        if path is None:
            self.title_hint = ""
            self._document.replace(team, None, modified=True)
            return OPEN_ANYWAY
        shared = self._window.shared
        how = shared.how_to_recover(path)
        if how == OPEN_CANCEL:
            return how
        if how == RECOVER_AS_NEW:
            self.title_hint = _("Recovered changes to {name}").format(name=path.stem)
            self._document.replace(team, None, modified=True)
            return how
        self.title_hint = ""
        self._document.replace(team, path, modified=True)
        shared.track(path, self._recovered_base(found), lock=True)
        self._document.state_changed.emit()
        self.remember_recent(path)
        return OPEN_ANYWAY

    def _recovered_base(self, found):
        """The file as the crashed Sagstal had read it (``shared_file.Read``): kept beside the
        recovery copy (also when the file cannot be found now, e.g. a network drive not yet
        connected: a save then checks it as any save does). Without it (a copy from before bases
        were kept, or a damaged one): the file as it is now, or None when it has gone (no check:
        saving makes it again)."""
        from sagstal_desktop.gui.shared_file import Read
        from sagstal_desktop.io.document import DocumentError, load_team

        path = found.original_path
        if found.base_file is not None:
            try:
                return Read(load_team(found.base_file, remember=False), found.base_print)
            except DocumentError:
                pass
        if not path.exists():
            return None
        try:
            return read_in_background(self._window, path, with_fingerprint=True)
        except DocumentError:
            return None

    def _file_filter(self) -> str:
        return _("Sagstal team (*.sagstal);;All files (*)")

    def _start_folder(self) -> Path:
        recent = self.recent_files()
        return recent[0].parent if recent else Path.home()

    # -- recent files ------------------------------------------------------------------------
    def recent_files(self) -> list[Path]:
        return [Path(p) for p in settings.RECENT_FILES.get()]

    def remember_recent(self, path: Path) -> None:
        path = path.resolve()
        files = [path, *[p for p in self.recent_files() if p != path]][:settings.MAX_RECENT_FILES]
        settings.RECENT_FILES.set([str(p) for p in files])

    def _forget_recent(self, path: Path) -> None:
        settings.RECENT_FILES.set([str(p) for p in self.recent_files() if p != Path(path).resolve()])


def _saved_at_text(saved_at: str) -> str:
    """When a recovery copy was written, in the window's language ("30.11.2026 kl. 22.34")."""
    from datetime import datetime

    from sagstal_desktop.core.formatting import format_timestamp
    from sagstal_desktop.i18n import current_language

    try:
        return format_timestamp(datetime.fromisoformat(saved_at), current_language())
    except ValueError:
        return saved_at
