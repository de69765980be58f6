"""The one atomic writer: every file Sagstal writes (team files, recovery copies, exports, the
memo, the history and comparison workbooks) goes through ``atomic_path``.

* A temporary file ``.<name>.<random><suffix>`` is made beside the target (same folder, so the
  rename cannot cross file systems), created 0600 and locked (``safe_files.lock_temp``) while it
  is written: a clean-up run by another process leaves it alone.
* The caller writes the temporary file; then it is flushed to disk (fsync), given its mode and
  renamed over the target (``os.replace``, retried briefly while Windows reports the target
  held open by another program: ``file_lock.replace_retrying``), and the folder is fsynced.
* On any failure, also KeyboardInterrupt and a full disk, the temporary file is removed and
  the target is left as it was; the failure comes out as ``WriteFailed`` (an ``OSError`` with a
  readable ``detail``) or as the caller's own exception.
* A target that is a symbolic link is written through: the file it points to is replaced, and
  the link stays (a team file linked from a shared drive stays the shared file).
* Modes: a user-chosen output keeps the mode of the file it replaces, or gets the mode a new
  file gets under the user's umask; ``private=True`` (recovery copies, settings) is 0600.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sagstal_desktop.io.file_lock import replace_retrying
from sagstal_desktop.io.safe_files import default_file_mode, lock_temp, release_temp, remove_stale_temps, temp_prefix

_POSIX = os.name == "posix"


class WriteFailed(OSError):
    """A file could not be written; the target is unchanged and no temporary file is left.
    ``detail`` is the system's reason in words ("No space left on device")."""

    def __init__(self, path: Path, detail: str, errno_: int | None = None, *, in_use: bool = False) -> None:
        super().__init__(errno_ or 0, detail, str(path))
        #: True when Windows refused to replace the target because another program holds it open
        #: (a sharing violation that lasted past ``replace_retrying``'s retries)
        self.path, self.detail, self.in_use = path, detail, in_use

    def reason(self, lang: str = "da") -> str:
        """Why, translated, from the system's error number (``io.problems.system_reason``)."""
        from sagstal_desktop.io.problems import system_reason

        return system_reason(self, lang)


def real_target(path: str | os.PathLike[str]) -> Path:
    """The file a write of ``path`` replaces: ``path`` itself, or, if it is a symbolic link
    (or a chain of them), the file the link points to."""
    path = Path(path)
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def _detail(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return os.strerror(errno.ENOSPC)
    return exc.strerror or str(exc) or type(exc).__name__


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (the rename) to disk; POSIX only, never raises."""
    if not _POSIX:
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def target_mode(target: Path, private: bool) -> int:
    """The mode the finished file gets: 0600 if ``private``; else the replaced file's mode, or
    0o666 less the umask for a new file."""
    if private:
        return 0o600
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return default_file_mode()


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], *, private: bool = False, suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a temporary path beside ``path`` for the caller to write; on a normal exit it
    replaces ``path`` atomically (see the module). Raises ``WriteFailed`` on an ``OSError``;
    any other exception is passed on, after the temporary file is removed."""
    target = real_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_temps(target, suffix)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix(target), suffix=suffix, dir=folder)
    except OSError as exc:
        raise WriteFailed(Path(path), _detail(exc), exc.errno) from exc
    fd = lock_temp(fd)  # held until the end: another process's clean-up leaves this file alone
    tmp = Path(tmp_name)
    try:
        yield tmp
        _fsync_file(tmp)
        if _POSIX:
            os.chmod(tmp, target_mode(target, private))
        replace_retrying(tmp, target)  # waits out a Windows sharing violation (io/file_lock.py)
        fsync_dir(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, WriteFailed):
            raise
        in_use = isinstance(exc, PermissionError) and (os.name == "nt" or getattr(exc, "winerror", None) is not None)
        raise WriteFailed(Path(path), _detail(exc), exc.errno, in_use=in_use) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    finally:
        release_temp(fd)


def write_bytes(path: str | os.PathLike[str], data: bytes | memoryview, *, private: bool = False,
                suffix: str = ".tmp") -> Path:
    """Write ``data`` to ``path`` through ``atomic_path``; returns the path written."""
    with atomic_path(path, private=private, suffix=suffix) as tmp, open(tmp, "wb") as fh:
        fh.write(data)
    return Path(path)


def write_text(path: str | os.PathLike[str], text: str, *, private: bool = False, suffix: str = ".tmp",
               encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` through ``atomic_path``; returns the path written."""
    return write_bytes(path, text.encode(encoding), private=private, suffix=suffix)


def copy_file(source: str | os.PathLike[str], path: str | os.PathLike[str], *, suffix: str = ".tmp") -> Path:
    """Copy ``source`` to ``path`` through ``atomic_path`` (a user-chosen output)."""
    import shutil

    with atomic_path(path, suffix=suffix) as tmp:
        shutil.copyfile(source, tmp)
    return Path(path)
