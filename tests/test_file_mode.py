"""Written files get the usual file mode without ``os.umask`` (which would race other threads):
the one atomic writer (``io.atomic_write``) gives a user-chosen output the replaced file's mode or
0666 less the umask, and a private file (recovery copy, settings) 0600."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from sagstal_desktop.io import atomic_write, safe_files

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/self/status")
def test_umask_is_read_without_changing_it():
    old = os.umask(0o027)
    try:
        assert safe_files._read_umask() == 0o027
        assert safe_files._read_umask() == 0o027
    finally:
        os.umask(old)


@posix_only
def test_a_new_file_gets_0666_less_the_umask(tmp_path, monkeypatch):
    monkeypatch.setattr(safe_files, "_UMASK", 0o022)
    atomic_write.write_bytes(tmp_path / "memo.pdf", b"%PDF-")
    assert stat.S_IMODE((tmp_path / "memo.pdf").stat().st_mode) == 0o644
    monkeypatch.setattr(safe_files, "_UMASK", 0o077)
    atomic_write.write_bytes(tmp_path / "other.pdf", b"%PDF-")
    assert stat.S_IMODE((tmp_path / "other.pdf").stat().st_mode) == 0o600


@posix_only
def test_a_replaced_file_keeps_its_mode_and_a_private_one_is_owner_only(tmp_path):
    target = tmp_path / "memo.pdf"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    atomic_write.write_bytes(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_bytes() == b"new"
    atomic_write.write_text(tmp_path / "recovery.json", "{}", private=True)
    assert stat.S_IMODE((tmp_path / "recovery.json").stat().st_mode) == 0o600


def test_nothing_is_chmodded_off_posix(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic_write, "_POSIX", False)
    monkeypatch.setattr(atomic_write.os, "chmod", lambda *a: pytest.fail("chmod on Windows"))
    atomic_write.write_bytes(tmp_path / "x", b"x")
    assert (tmp_path / "x").read_bytes() == b"x"


#: Calls that do not exist or misbehave on Windows; io/ and gui/team_document.py guard their own.
_POSIX_ONLY = ("os.umask(", "import fcntl", "signal.SIGKILL", "os.getuid(", "os.geteuid(", "os.fork(", "import pwd",
               "import grp", "os.setsid(", "os.killpg(")


def test_no_unguarded_posix_only_calls_outside_io():
    from pathlib import Path

    package = Path(atomic_write.__file__).resolve().parent.parent
    found = []
    for path in package.rglob("*.py"):
        rel = path.relative_to(package).as_posix()
        if rel.startswith("io/") or rel == "gui/team_document.py":
            continue
        text = path.read_text(encoding="utf-8")
        found += [f"{rel}: {call}" for call in _POSIX_ONLY if call in text]
    assert found == []
