"""A file operation that fails says why in the UI language (``io.problems.system_reason``): by
the system's error number (errno, or Windows' own ``winerror``), never with the system's English
text alone; an unknown number gives a translated clause with the system's text in parentheses.
Real failures are made where the machine allows (chmod 000 as a normal user) and simulated where
it does not (root reads every file; a Windows sharing violation on Linux)."""

from __future__ import annotations

import builtins
import errno
import io
import os
import re
import sqlite3
from pathlib import Path

import pytest
from conftest import run_cli
from PySide6.QtWidgets import QMessageBox

from sagstal_desktop.io import document
from sagstal_desktop.io.document import DocumentError, load_team, save_team
from sagstal_desktop.io.problems import _ERRNO_KINDS, _WINERRORS, system_reason
from sagstal_desktop.io.table_reader import ReadError, read_table

#: Words of the system's and the libraries' English messages (and of the English msgids) that
#: never occur in a Danish sentence ("at", "by", "computer", "have", "part" and "to" do: not listed);
#: matched as whole words, in lower case or with a capital first letter ("IT" is Danish).
_ENGLISH_TEXT = """
    the is are was of and or not no it its file folder directory denied permission space left device
    process cannot access being used another such found exists name too long busy resource network
    connection timed out stale handle error drive try again path disk quota exceeded operation
    unexpected occurred input output read only write while this that with has been bytes parts
    unpacked packed memory most in all
"""
ENGLISH = frozenset(_ENGLISH_TEXT.split())


def english_words(text: str) -> set[str]:
    """The English words of ``text`` outside parentheses (where the system's own text may stand)."""
    outside = re.sub(r"\([^()]*\)", " ", re.sub(r"\([^()]*\)", " ", text))
    words = re.findall(r"[A-Za-zÆØÅæøå]+", outside)
    return {w for w in words if w in ENGLISH or (w[:1].isupper() and w[1:].islower() and w.lower() in ENGLISH)}


def oserror(number: int | None, text: str, *, winerror: int | None = None, kind: type = OSError) -> OSError:
    """An OSError as the system raises it; on Linux the Windows number is set by hand (the
    constructor keeps it on Windows only)."""
    exc = kind(number, text)
    if winerror is not None:
        exc.winerror = winerror
    return exc


# -- every number its own Danish reason -------------------------------------------------------

_NAMED_ERRNOS = sorted(name for name in _ERRNO_KINDS if hasattr(errno, name))


@pytest.mark.parametrize("name", _NAMED_ERRNOS)
def test_each_errno_has_a_danish_reason_without_english(name):
    number = getattr(errno, name)
    exc = oserror(number, os.strerror(number))
    danish, english = system_reason(exc, "da"), system_reason(exc, "en")
    assert danish != english and not english_words(danish), (name, danish)
    assert os.strerror(number) not in danish and "Sagstal ikke kan forklare" not in danish


@pytest.mark.parametrize("winerror", sorted(_WINERRORS))
def test_each_windows_error_has_a_danish_reason_without_english(winerror):
    exc = oserror(errno.EINVAL, "Some Windows text", winerror=winerror)  # the errno says little
    danish = system_reason(exc, "da")
    assert not english_words(danish) and "Windows text" not in danish and "ikke kan forklare" not in danish
    assert danish != system_reason(oserror(errno.EINVAL, "Some Windows text"), "da")


@pytest.mark.parametrize(("exc", "words"), [
    (oserror(errno.EACCES, "Permission denied"), "adgang blev nægtet"),
    (oserror(errno.EPERM, "Operation not permitted"), "adgang blev nægtet"),
    (oserror(errno.ENOENT, "No such file or directory"), "findes ikke"),
    (oserror(errno.ENOSPC, "No space left on device"), "drevet er fuldt"),
    (oserror(errno.EDQUOT, "Disk quota exceeded"), "lagerkvote"),
    (oserror(errno.EROFS, "Read-only file system"), "kan kun læses"),
    (oserror(errno.EEXIST, "File exists"), "findes allerede"),
    (oserror(errno.EISDIR, "Is a directory"), "det er en mappe"),
    (oserror(errno.ENOTDIR, "Not a directory"), "skulle være en mappe"),
    (oserror(errno.ENAMETOOLONG, "File name too long"), "260 tegn"),
    (oserror(errno.EBUSY, "Device or resource busy"), "et andet program har filen åben"),
    (oserror(errno.ESTALE, "Stale file handle"), "kender ikke længere filen"),
    (oserror(errno.EIO, "Input/output error"), "meldte fejl under læsning eller skrivning"),
    (oserror(errno.ETIMEDOUT, "Connection timed out"), "svarede ikke i tide"),
    # Windows: a sharing violation is EACCES, told apart by its own number
    (oserror(errno.EACCES, "The process cannot access the file because it is being used by another process",
             winerror=32, kind=PermissionError), "Windows oplyser ikke hvilket"),
    (oserror(errno.EACCES, "The process cannot access the file because another process has locked a portion "
             "of the file", winerror=33, kind=PermissionError), "luk filen i Excel"),
    (oserror(errno.EACCES, "Access is denied", winerror=5, kind=PermissionError), "adgang blev nægtet"),
    (oserror(errno.ENOSPC, "There is not enough space on the disk", winerror=112), "drevet er fuldt"),
    (oserror(errno.EINVAL, "The specified network name is no longer available", winerror=64),
     "forbindelsen til netværksdrevet blev afbrudt"),
    (oserror(errno.ENOENT, "The network path was not found", winerror=53), "netværksdrevet"),
    (oserror(errno.EINVAL, "An unexpected network error occurred", winerror=59), "netværksdrevet"),
])
def test_known_failures_read_in_danish(exc, words):
    text = system_reason(exc, "da")
    assert words in text and not english_words(text) and exc.strerror not in text


def test_the_sharing_violation_says_which_program_cannot_be_told_and_what_to_do():
    exc = oserror(errno.EACCES, "The process cannot access the file because it is being used by another process",
                  winerror=32, kind=PermissionError)
    text = system_reason(exc, "da")
    assert "oplyser ikke hvilket" in text and "Excel" in text and "OneDrive" in text
    assert text != system_reason(oserror(errno.EACCES, "Permission denied"), "da")  # not "no permission"


def test_an_unknown_number_keeps_the_systems_text_in_parentheses_after_danish():
    exc = oserror(errno.EOPNOTSUPP, os.strerror(errno.EOPNOTSUPP))
    text = system_reason(exc, "da")
    assert text == f"der opstod en fejl, som Sagstal ikke kan forklare ([Errno {errno.EOPNOTSUPP}] " \
                   f"{os.strerror(errno.EOPNOTSUPP)})"
    assert not english_words(text)
    windows = system_reason(oserror(errno.EINVAL, "Incorrect function", winerror=1), "da")
    assert windows.endswith("([WinError 1] Incorrect function)")


def test_the_reason_comes_from_the_innermost_oserror_of_a_chain():
    from sagstal_desktop.io.atomic_write import WriteFailed

    inner = oserror(errno.EACCES, "The process cannot access the file", winerror=32, kind=PermissionError)
    try:
        try:
            raise inner
        except OSError as exc:
            raise WriteFailed(Path("x"), exc.strerror, exc.errno) from exc  # the errno alone says "denied"
    except WriteFailed as outer:
        assert "oplyser ikke hvilket" in outer.reason("da")


# -- through the readers, the CLI and the window ----------------------------------------------

def _refuse(monkeypatch, path: Path, exc: OSError) -> None:
    """Every way of opening ``path`` (os.open, open, sqlite3.connect) raises ``exc``: what a file
    without read permission does to a normal user (root reads it anyway, so it is simulated)."""
    target = os.path.abspath(path)

    def refused(name) -> bool:
        return isinstance(name, (str, os.PathLike)) and os.path.abspath(os.fspath(name)) == target

    real_os_open, real_open, real_connect = os.open, builtins.open, sqlite3.connect

    def os_open(name, *args, **kwargs):
        if refused(name):
            raise exc
        return real_os_open(name, *args, **kwargs)

    def open_(name, *args, **kwargs):
        if refused(name):
            raise exc
        return real_open(name, *args, **kwargs)

    def connect(name, *args, **kwargs):
        if refused(name):
            raise exc
        return real_connect(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(builtins, "open", open_)
    monkeypatch.setattr(io, "open", open_)
    monkeypatch.setattr(sqlite3, "connect", connect)


def _unreadable(monkeypatch, path: Path) -> None:
    """``path`` cannot be read: chmod 000, and simulated too when running as root."""
    path.chmod(0)
    if os.geteuid() == 0:  # root ignores the permission bits
        _refuse(monkeypatch, path, oserror(errno.EACCES, "Permission denied", kind=PermissionError))


def test_a_file_without_read_permission_fails_in_danish_through_the_cli(demo_file, capsys, monkeypatch):
    before = demo_file.read_bytes()
    _unreadable(monkeypatch, demo_file)
    code, out, err = run_cli(capsys, "summary", str(demo_file))
    monkeypatch.undo()
    demo_file.chmod(0o644)
    assert code == 2 and out == ""
    line = err.strip()
    assert len(line.splitlines()) == 1
    assert line.startswith("Filen demo.sagstal kan ikke læses: adgang blev nægtet (du har måske ikke rettigheder")
    assert "Permission denied" not in line and not english_words(line)
    assert demo_file.read_bytes() == before


def test_a_sharing_violation_on_open_says_another_program_has_it(demo_file, capsys, monkeypatch):
    _refuse(monkeypatch, demo_file, oserror(errno.EACCES, "The process cannot access the file because it is "
                                            "being used by another process", winerror=32, kind=PermissionError))
    code, _out, err = run_cli(capsys, "summary", str(demo_file))
    assert code == 2
    assert "et andet program har filen åben, og Windows oplyser ikke hvilket" in err
    assert "process" not in err and not english_words(err)
    code, _out, err = run_cli(capsys, "--lang", "en", "summary", str(demo_file))
    assert code == 2 and "another program has the file open, and Windows does not tell which" in err


def test_a_lost_network_drive_on_open_says_so(demo_file, capsys, monkeypatch):
    _refuse(monkeypatch, demo_file, oserror(errno.EINVAL, "The specified network name is no longer available",
                                            winerror=64))
    code, _out, err = run_cli(capsys, "summary", str(demo_file))
    assert code == 2 and "forbindelsen til netværksdrevet blev afbrudt" in err and not english_words(err)


def test_the_window_says_it_in_danish_when_a_file_cannot_be_read(make_window, demo, demo_file, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    win = make_window(demo, lang="da", show=False)
    _unreadable(monkeypatch, demo_file)
    try:
        assert not win.files.open_path(demo_file)
    finally:
        demo_file.chmod(0o644)
    assert len(shown) == 1
    assert shown[0].startswith("Filen demo.sagstal kan ikke læses: adgang blev nægtet")
    assert "Permission denied" not in shown[0] and not english_words(shown[0])


def test_a_full_disk_during_a_save_keeps_the_file_and_says_so_in_danish(tmp_path, demo, monkeypatch):
    path = save_team(demo, tmp_path / "team.sagstal")
    before = path.read_bytes()
    changed = demo.copy()
    changed.staff[0].counts["sygedagpenge"] = 7

    def full(db, team, rows=None):
        raise oserror(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(document, "_write", full)
    with pytest.raises(DocumentError) as info:
        save_team(changed, path)
    text = info.value.message("da")
    assert text == ("team.sagstal kunne ikke gemmes: drevet er fuldt; frigør plads, og prøv igen. "
                    "Den tidligere version er uændret.")
    assert not english_words(text)
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["team.sagstal"]
    assert load_team(path).staff[0].counts == demo.staff[0].counts


def test_the_window_says_in_danish_that_a_full_disk_kept_the_saved_file(make_window, demo, demo_file, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    win = make_window(demo, lang="da", show=False)
    assert win.files.open_path(demo_file)
    before = demo_file.read_bytes()
    model = win.model()
    assert model.setData(model.index(0, model.column_of_case_type("sygedagpenge")), "41")

    def full(db, team, rows=None):
        raise oserror(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(document, "_write", full)
    assert not win.files.save()
    assert shown == ["demo.sagstal kunne ikke gemmes: drevet er fuldt; frigør plads, og prøv igen. "
                     "Den tidligere version er uændret."]
    assert demo_file.read_bytes() == before and win.isWindowModified()
    assert sorted(p.name for p in demo_file.parent.iterdir()) == [".~lock.demo.sagstal#", "demo.sagstal"]  # no temp


def _full_fsync(monkeypatch) -> None:
    """Every fsync fails as on a full disk (the atomic writer's step before the rename)."""
    def no_space(fd):
        raise oserror(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)


def test_the_windows_history_export_and_memo_copy_fail_in_danish(make_window, danish, demo, tmp_path, monkeypatch):
    from sagstal_desktop.gui.handlers import history as history_actions
    from sagstal_desktop.gui.handlers import memo as memo_actions
    from sagstal_desktop.report.options import MemoOptions

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    win = make_window(demo, lang="da", show=False)
    source = tmp_path / "memo.pdf"
    source.write_bytes(b"%PDF-1.4 a memo")
    target = tmp_path / "kopi.pdf"
    monkeypatch.setattr(memo_actions, "ask_save_path", lambda window, suggested: target)
    _full_fsync(monkeypatch)
    assert not history_actions.export_history(win, tmp_path / "udvikling.xlsx")
    assert memo_actions.save_copy(win, source, MemoOptions(lang="da")) is None
    monkeypatch.undo()
    assert len(shown) == 2
    assert shown[0] == f"{tmp_path / 'udvikling.xlsx'}: drevet er fuldt; frigør plads, og prøv igen"
    assert shown[1].endswith(f"{target}: drevet er fuldt; frigør plads, og prøv igen")
    assert [english_words(text.replace(str(tmp_path), "")) for text in shown] == [set(), set()], shown
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.pdf"]


def test_sqlites_own_disk_full_text_is_translated_too(tmp_path, demo, monkeypatch):
    path = save_team(demo, tmp_path / "team.sagstal")
    before = path.read_bytes()

    def full(db, team, rows=None):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(document, "_write", full)
    with pytest.raises(DocumentError) as info:
        save_team(demo, path)
    assert "drevet er fuldt" in info.value.message("da") and not english_words(info.value.message("da"))
    assert path.read_bytes() == before


# -- spreadsheets ------------------------------------------------------------------------------

def test_a_spreadsheet_without_read_permission_fails_in_danish(tmp_path, monkeypatch):
    path = tmp_path / "team.csv"
    path.write_text("Navn;Timer\nAnna;37\n", encoding="utf-8")
    _unreadable(monkeypatch, path)
    with pytest.raises(ReadError) as info:
        read_table(path)
    path.chmod(0o644)
    text = info.value.message("da")
    assert info.value.code == "unreadable" and text.startswith("Filen team.csv kan ikke læses: adgang blev nægtet")
    assert not english_words(text)


def test_every_hostile_or_damaged_spreadsheet_is_refused_in_danish(tmp_path):
    """The fuzz corpus's spreadsheets: each refusal is Danish (no English from zipfile, openpyxl or
    defusedxml); the zip bombs say in Danish how much they unpack to."""
    import fuzz_corpus as fc

    refused = {}
    for name, make in fc.sheet_cases():
        folder = tmp_path / name
        folder.mkdir()
        try:
            read_table(make(folder))
        except ReadError as exc:
            refused[name] = exc
    assert len(refused) >= 12
    for name, exc in refused.items():
        assert not english_words(exc.message("da")), (name, exc.message("da"))
    assert "delen xl/sharedStrings.xml fylder" in refused["xlsx_zip_bomb"].message("da")
    assert "byte udpakket" in refused["xlsx_zip_bomb"].message("da")
    assert "dele; højst 2.000 læses" in refused["xlsx_many_members"].message("da")
    bomb = ReadError("bomb", "x.xlsx", "part", part="xl/sharedStrings.xml", packed=61_234, unpacked=62_914_560)
    assert "delen xl/sharedStrings.xml fylder 61.234 byte pakket og 62.914.560 byte udpakket" in bomb.message("da")
    assert "61,234 bytes packed" in bomb.message("en")


def test_a_broken_csv_gets_a_danish_reason(tmp_path):
    import csv

    path = tmp_path / "team.csv"
    path.write_text("Navn;Timer\n\"Anna" + "x" * (csv.field_size_limit() + 10) + "\n", encoding="utf-8")
    with pytest.raises(ReadError) as info:
        read_table(path)
    text = info.value.message("da")
    assert info.value.code == "unreadable" and "en celle er længere, end en celle må være" in text
    assert "field limit" not in text and not english_words(text)
