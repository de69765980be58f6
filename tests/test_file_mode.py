"""A written memo gets the usual file mode without ``os.umask`` (which would race other threads)."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from sagstal_desktop.report import file_mode

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/self/status")
def test_umask_is_read_without_changing_it():
    old = os.umask(0o027)
    try:
        assert file_mode.current_umask() == 0o027
        assert file_mode.current_umask() == 0o027
    finally:
        os.umask(old)


@posix_only
def test_a_new_file_gets_0666_less_the_umask(tmp_path, monkeypatch):
    monkeypatch.setattr(file_mode, "current_umask", lambda: 0o022)
    tmp = tmp_path / "x.part"
    tmp.write_bytes(b"")
    os.chmod(tmp, 0o600)
    file_mode.give_default_mode(tmp, tmp_path / "memo.pdf")
    assert stat.S_IMODE(tmp.stat().st_mode) == 0o644


@posix_only
def test_a_replaced_file_keeps_its_mode_and_unknown_umask_keeps_owner_only(tmp_path, monkeypatch):
    monkeypatch.setattr(file_mode, "current_umask", lambda: None)
    target, tmp = tmp_path / "memo.pdf", tmp_path / "x.part"
    for path in (target, tmp):
        path.write_bytes(b"")
    os.chmod(target, 0o640)
    os.chmod(tmp, 0o600)
    file_mode.give_default_mode(tmp, target)
    assert stat.S_IMODE(tmp.stat().st_mode) == 0o640
    target.unlink()
    os.chmod(tmp, 0o600)
    file_mode.give_default_mode(tmp, target)
    assert stat.S_IMODE(tmp.stat().st_mode) == 0o600


def test_nothing_is_done_off_posix(tmp_path, monkeypatch):
    monkeypatch.setattr(file_mode.os, "name", "nt")
    monkeypatch.setattr(file_mode.os, "chmod", lambda *a: pytest.fail("chmod on Windows"))
    file_mode.give_default_mode(tmp_path / "x", tmp_path / "y")


#: Calls that do not exist or misbehave on Windows; io/ and gui/document.py guard their own.
_POSIX_ONLY = ("os.umask(", "import fcntl", "signal.SIGKILL", "os.getuid(", "os.geteuid(", "os.fork(", "import pwd",
               "import grp", "os.setsid(", "os.killpg(")


def test_no_unguarded_posix_only_calls_outside_io():
    from pathlib import Path

    package = Path(file_mode.__file__).resolve().parent.parent
    found = []
    for path in package.rglob("*.py"):
        rel = path.relative_to(package).as_posix()
        if rel.startswith("io/") or rel == "gui/document.py":
            continue
        text = path.read_text(encoding="utf-8")
        found += [f"{rel}: {call}" for call in _POSIX_ONLY if call in text]
    assert found == []
