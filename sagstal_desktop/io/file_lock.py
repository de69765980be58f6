"""Sharing a team file: who has it open, a short lock around each write, and what was read.

A team file often lives on a network drive or in a synchronised folder, opened by a team
leader, a deputy and the TR, and written by ``sagstal`` commands. Three things keep one writer
from erasing another's work:

* **The edit lock** ``.~lock.NAME.sagstal#`` beside the file, while a window has it open for
  editing (as office programs do; hidden on Windows, 0600 on POSIX). It records the login
  name, the computer name, when the file was opened and the process id, nothing else. The
  window refreshes its modification time every ``edit_lock_heartbeat_seconds`` (the heartbeat).
  A lock is *stale* when it was made on this computer by a process that no longer runs, or has
  had no heartbeat for ``edit_lock_stale_seconds`` (``resources/defaults.json``); a stale lock
  may be taken over, and the caller says so (``EditLock.acquire`` returns what it replaced).
* **The write lock** ``.~write.NAME.sagstal#``: made with ``O_EXCL`` for the few moments of
  one read-modify-write (a ``sagstal snapshot``, a save from the window), so that two writers
  never both read the old file and the later erases the earlier. A second writer waits up to
  ``write_lock_wait_seconds`` and then gives up (``LockBusy``). A write lock left by a killed
  process is removed when its process is gone (same computer) or it is older than
  ``write_lock_stale_seconds``.
* **The fingerprint** of the file as read (size, modification time, SHA-256 of the bytes):
  before a save the window compares it with the file on disk, so a change made elsewhere is
  never overwritten silently.

Also here: ``replace_retrying`` (``os.replace`` that waits out a Windows sharing violation, e.g.
an antivirus or a sync client holding the file) and ``conflict_copies`` (a sync client's
"NAME-PC.sagstal" / "NAME (1).sagstal" beside the file).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import socket
import stat
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sagstal_desktop.core.defaults import defaults
from sagstal_desktop.i18n import tr

EDIT_PREFIX = ".~lock."
WRITE_PREFIX = ".~write."
LOCK_SUFFIX = "#"
_MAX_LOCK_BYTES = 4096
_HASH_CHUNK = 1 << 20


def _setting(key: str) -> float:
    return float(defaults()[key])


def heartbeat_seconds() -> float:
    """How often a window refreshes its edit lock."""
    return _setting("edit_lock_heartbeat_seconds")


def stale_seconds() -> float:
    """An edit lock without a heartbeat for this long is stale."""
    return _setting("edit_lock_stale_seconds")


# -- who am I ------------------------------------------------------------------------------


def login_name() -> str:
    """The user's login name ("" if it cannot be told)."""
    import getpass

    try:
        return getpass.getuser()[:100]
    except Exception:
        return ""


def computer_name() -> str:
    """This computer's name (Windows: COMPUTERNAME, as Explorer shows it)."""
    name = os.environ.get("COMPUTERNAME") if os.name == "nt" else None
    return (name or socket.gethostname() or "")[:100]


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this computer (True when it cannot be told)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _windows_process_alive(pid: int) -> bool:
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.restype = wintypes.HANDLE
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.get_last_error() == 5  # ERROR_ACCESS_DENIED: it exists, owned by someone else
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _hide(path: Path) -> None:
    """Give ``path`` the hidden attribute on Windows (a dot-name hides it elsewhere)."""
    if os.name != "nt":
        return
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.windll.kernel32.SetFileAttributesW(str(path), 0x2)  # FILE_ATTRIBUTE_HIDDEN


def _create_private(path: Path, text: str) -> None:
    """Create ``path`` exclusively (``FileExistsError`` if it exists), 0600, with ``text``."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    try:
        os.write(fd, text.encode("utf-8"))
        if os.name == "posix":
            with contextlib.suppress(OSError):
                os.fchmod(fd, 0o600)  # whatever the umask
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    os.close(fd)
    _hide(path)


# -- lock records ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LockInfo:
    """What a lock file says: who, where, since when, which process; ``heartbeat`` is the
    file's modification time (the holder refreshes it)."""

    login: str
    computer: str
    since: datetime
    pid: int
    token: str
    heartbeat: float

    def is_stale(self, now: float | None = None, max_age: float | None = None) -> bool:
        """Made on this computer by a process that has ended, or no heartbeat for ``max_age``."""
        now = time.time() if now is None else now
        max_age = stale_seconds() if max_age is None else max_age
        if self.pid > 0 and self.computer and self.computer == computer_name() and not process_alive(self.pid):
            return True
        return now - self.heartbeat > max_age

    def message(self, lang: str = "da") -> str:
        """"Open by anna on PC-12 since 6.12.2026 kl. 09.15" (who has the file)."""
        from sagstal_desktop.core.formatting import format_timestamp

        return tr("Open by {login} on {computer} since {time}", lang).format(
            login=self.login or "?", computer=self.computer or "?", time=format_timestamp(self.since, lang))


def _record(token: str) -> str:
    return json.dumps({"app": "sagstal", "login": login_name(), "computer": computer_name(),
                       "since": datetime.now().isoformat(timespec="seconds"), "pid": os.getpid(),
                       "token": token}, ensure_ascii=False)


def read_lock(lock_file: Path) -> LockInfo | None:
    """The lock at ``lock_file``; None if there is none. A lock that cannot be read (being
    written, or damaged) is reported as held by an unknown user now, never ignored."""
    try:
        info = os.stat(lock_file, follow_symlinks=False)
    except OSError:
        return None
    unknown = LockInfo("", "", datetime.fromtimestamp(info.st_mtime), 0, "", info.st_mtime)
    if not stat.S_ISREG(info.st_mode):
        return unknown
    try:
        with open(lock_file, "rb") as fh:
            data = json.loads(fh.read(_MAX_LOCK_BYTES).decode("utf-8"))
        return LockInfo(str(data["login"])[:100], str(data["computer"])[:100],
                        datetime.fromisoformat(str(data["since"])), int(data["pid"]), str(data["token"]),
                        info.st_mtime)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return unknown


def _remove_if_same(lock_file: Path, seen: LockInfo) -> bool:
    """Remove ``lock_file`` if it is still the lock ``seen`` (not one made since)."""
    now = read_lock(lock_file)
    if now is None:
        return True
    if now.token != seen.token or now.pid != seen.pid or now.computer != seen.computer:
        return False
    try:
        lock_file.unlink()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True


def remove_stale_edit_lock(path: Path | str, seen: LockInfo) -> bool:
    """Remove the edit lock of ``path`` that was read as ``seen`` (stale), unless it has been
    replaced since. True if it is gone."""
    return _remove_if_same(edit_lock_path(path), seen)


def edit_lock_path(path: Path | str) -> Path:
    path = Path(path)
    return path.with_name(f"{EDIT_PREFIX}{path.name}{LOCK_SUFFIX}")


def write_lock_path(path: Path | str) -> Path:
    path = Path(path)
    return path.with_name(f"{WRITE_PREFIX}{path.name}{LOCK_SUFFIX}")


# -- the edit lock --------------------------------------------------------------------------


class FileLocked(Exception):
    """The file is open for editing elsewhere (``info`` says by whom)."""

    def __init__(self, path: Path, info: LockInfo) -> None:
        self.path, self.info = Path(path), info
        super().__init__(self.message("en"))

    def message(self, lang: str = "da") -> str:
        return tr("{name} is in use. {who}.", lang).format(name=self.path.name, who=self.info.message(lang))


def edit_lock_holder(path: Path | str) -> LockInfo | None:
    """Who has ``path`` open for editing, if anyone (stale locks included; see ``is_stale``)."""
    return read_lock(edit_lock_path(path))


class EditLock:
    """This process's edit lock on one file. ``acquire`` makes it (or raises ``FileLocked``);
    ``heartbeat`` refreshes it; ``release`` removes it if it is still ours."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(os.path.abspath(path))
        self.lock_file = edit_lock_path(self.path)
        self.token = os.urandom(8).hex()
        self.held = False

    def acquire(self, *, take_over_stale: bool = True) -> LockInfo | None:
        """Make the lock. Returns the stale lock it replaced (to tell the user), or None.
        Raises ``FileLocked`` if someone else holds a live lock (or a stale one and
        ``take_over_stale`` is False), ``OSError`` if the folder does not let us write."""
        replaced = None
        for _attempt in range(3):
            try:
                _create_private(self.lock_file, _record(self.token))
                self.held = True
                return replaced
            except FileExistsError:
                pass
            other = read_lock(self.lock_file)
            if other is None:
                continue  # removed meanwhile
            if other.token == self.token:
                self.held = True
                return replaced
            if not (take_over_stale and other.is_stale()):
                raise FileLocked(self.path, other)
            if _remove_if_same(self.lock_file, other):
                replaced = other
        other = read_lock(self.lock_file)
        raise FileLocked(self.path, other or LockInfo("", "", datetime.now(), 0, "", time.time()))

    def heartbeat(self) -> bool:
        """Refresh the lock's modification time; re-make it if it has gone (e.g. a sync
        client removed it). False if it is now someone else's."""
        if not self.held:
            return False
        current = read_lock(self.lock_file)
        if current is None:
            try:
                _create_private(self.lock_file, _record(self.token))
            except OSError:
                return False
            return True
        if current.token != self.token:
            self.held = False
            return False
        with contextlib.suppress(OSError):
            os.utime(self.lock_file)
        return True

    def release(self) -> None:
        """Remove the lock if it is still ours."""
        if not self.held:
            return
        self.held = False
        current = read_lock(self.lock_file)
        if current is not None and current.token == self.token:
            with contextlib.suppress(OSError):
                self.lock_file.unlink()


# -- the write lock -------------------------------------------------------------------------


class LockBusy(Exception):
    """Another writer kept the file locked for longer than the wait."""

    def __init__(self, path: Path, waited: float) -> None:
        self.path, self.waited = Path(path), waited
        super().__init__(self.message("en"))

    def message(self, lang: str = "da") -> str:
        return tr("{name} is being saved by another program; gave up after {seconds} seconds. Nothing was "
                  "changed; try again.", lang).format(name=self.path.name, seconds=round(self.waited))


class WriteLock:
    """``with WriteLock(path):`` the few moments of one read-modify-write of ``path``."""

    def __init__(self, path: Path | str, wait: float | None = None) -> None:
        self.path = Path(path)
        self.lock_file = write_lock_path(self.path)
        self.wait = _setting("write_lock_wait_seconds") if wait is None else wait
        self.token = os.urandom(8).hex()
        self.held = False

    def __enter__(self) -> WriteLock:
        deadline = time.monotonic() + self.wait
        delay = 0.005
        while True:
            try:
                _create_private(self.lock_file, _record(self.token))
                self.held = True
                return self
            except FileExistsError:
                pass
            except OSError as exc:
                if not (isinstance(exc, PermissionError) and os.name == "nt"):
                    raise  # a folder we may not write in: the save itself would fail the same way
            other = read_lock(self.lock_file)
            if other is not None and other.is_stale(max_age=_setting("write_lock_stale_seconds")):
                _remove_if_same(self.lock_file, other)
                continue
            if time.monotonic() >= deadline:
                raise LockBusy(self.path, self.wait)
            time.sleep(delay)
            delay = min(delay * 1.5, 0.1)

    def __exit__(self, *_exc: object) -> None:
        if self.held:
            self.held = False
            current = read_lock(self.lock_file)
            if current is not None and current.token == self.token:
                with contextlib.suppress(OSError):
                    self.lock_file.unlink()


# -- what was read --------------------------------------------------------------------------


@dataclass(frozen=True)
class Fingerprint:
    """A file as it was read: size, modification time (ns) and SHA-256 of its bytes."""

    size: int
    mtime_ns: int
    sha256: str


def fingerprint(path: Path | str) -> Fingerprint | None:
    """The file's fingerprint now (None if it does not exist or cannot be read)."""
    try:
        with open(path, "rb") as fh:
            info = os.fstat(fh.fileno())
            digest = hashlib.sha256()
            while chunk := fh.read(_HASH_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return Fingerprint(info.st_size, info.st_mtime_ns, digest.hexdigest())


def changed_since(path: Path | str, known: Fingerprint | None) -> bool:
    """Whether ``path`` differs from ``known`` (cheap when size and time are unchanged; a file
    touched but with the same bytes is unchanged). A file that has gone counts as changed."""
    if known is None:
        return False
    try:
        info = os.stat(path)
    except OSError:
        return True
    if info.st_size == known.size and info.st_mtime_ns == known.mtime_ns:
        return False
    now = fingerprint(path)
    return now is None or now.sha256 != known.sha256


# -- Windows file semantics -----------------------------------------------------------------


def replace_retrying(src: Path | str, dst: Path | str, *, attempts: int | None = None,
                     delay: float = 0.1, sleep: Callable[[float], None] = time.sleep) -> None:
    """``os.replace(src, dst)``, retried while it fails with ``PermissionError`` (Windows: the
    target is held open by an antivirus, a sync client or another program, a sharing
    violation), for about ``save_replace_retry_seconds``. Raises the last ``PermissionError``;
    ``src`` is then still there for the caller to remove."""
    if attempts is None:
        attempts = max(1, round(_setting("save_replace_retry_seconds") / delay))
    for attempt in range(attempts):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if attempt + 1 == attempts:
                raise
            sleep(delay)


def conflict_copies(path: Path | str, limit: int = 20) -> list[Path]:
    """Sync-client conflict copies of ``path`` in its folder: "NAME-PC-NAVN.sagstal",
    "NAME-DESKTOP-AB12CD.sagstal" (OneDrive), "NAME (1).sagstal". Never raises."""
    path = Path(path)
    stem = path.stem.lower()
    found: list[Path] = []
    try:
        with os.scandir(path.parent if str(path.parent) else ".") as entries:
            for entry in entries:
                name = entry.name
                if name == path.name or not name.lower().endswith(".sagstal"):
                    continue
                low = name.lower()
                if (low.startswith(stem + " (") and re.fullmatch(r" \(\d{1,3}\)\.sagstal", low[len(stem):])) \
                        or (low.startswith(stem + "-") and len(low) - len(stem) - len(".sagstal") > 1):
                    with contextlib.suppress(OSError):
                        if entry.is_file():
                            found.append(path.with_name(name))
                if len(found) >= limit:
                    break
    except OSError:
        return []
    return sorted(found)
