"""Reading a spreadsheet file (``.xlsx`` or ``.csv``) into a plain table of cells.

CSV is read as Danish Excel writes it (semicolon, decimal comma, UTF-8 with or without BOM, or
Windows-1252), as comma- or tab-separated UTF-8, and as Excel's UTF-16 "Unicode text". The
delimiter is taken from the header line. ``.xlsx`` is read with openpyxl in read-only mode.

Row numbers are kept as the user sees them in Excel (the first row is 1), also when blank rows
or a title above the header are skipped. A file that cannot be read raises ``ReadError`` with a
message in Danish and English; nothing here changes any team.
"""

from __future__ import annotations

import contextlib
import csv
import io
import stat
import zipfile
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from sagstal_desktop.core.formatting import format_number
from sagstal_desktop.core.validation import is_blank
from sagstal_desktop.i18n import N_, tr
from sagstal_desktop.io.columns import NAME, guess_target
from sagstal_desktop.io.gc_pause import paused_gc
from sagstal_desktop.io.links import link_problem
from sagstal_desktop.io.problems import failure_detail, known_reason

#: Called with (rows read so far, expected total or 0); return value ignored.
Progress = Callable[[int, int], None]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_HEADER_SEARCH_ROWS = 10
_PROGRESS_EVERY = 2000

# Budgets: a spreadsheet file from anyone must not take the program's memory or time.
MAX_FILE_BYTES = 100 * 1024 * 1024  # the file itself (CSV or xlsx)
MAX_ROWS = 250_000  # rows read from a sheet (the importer is built for 100,000 staff)
MAX_COLUMNS = 512  # columns read from a sheet; cells beyond are not read
# Cells kept from a sheet: each costs about 60 bytes in memory (a short text and its place in the
# row), so 8 million keep a hostile sheet (97 MB of one-character cells) under about 500 MB; a
# team of 100,000 with 40 columns has 4 million.
MAX_CELLS = 8_000_000
MAX_ZIP_MEMBERS = 2_000
MAX_MEMBER_BYTES = 128 * 1024 * 1024  # one unpacked part of an xlsx
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # all unpacked parts together
MAX_RATIO = 200  # unpacked/packed for a part over 1 MB (real sheets: about 5-30)
_EXCEL_MAX_ROWS, _EXCEL_MAX_COLUMNS = 1_048_576, 16_384
STAFF_SHEET_NAMES = ("medarbejdere", "staff")


class ReadError(Exception):
    """A file that cannot be read as a table. ``message(lang)`` names the file and the reason."""

    _TEXTS: ClassVar[dict[str, str]] = {  # code: English msgid
        "missing": N_("The file {name} does not exist."),
        "link_loop": N_("{name} is a link that loops: it leads back to itself and never reaches a file."),
        "dangling_link": N_("{name} is a link that leads nowhere: the file it points to does not exist."),
        "unreadable": N_("The file {name} cannot be read: {detail}."),
        "empty": N_("The file {name} is empty."),
        "encrypted": N_("{name} is protected with a password. Remove the password in Excel (File > Info > "
                        "Protect workbook) and save it again, then import it."),
        "xls": N_("{name} is an old Excel 97-2003 file (.xls). Save it as .xlsx in Excel and import that."),
        "corrupt": N_("{name} is damaged or not an Excel workbook ({detail})."),
        "corrupt_because": N_("{name} is damaged or not an Excel workbook: {reason}."),
        "corrupt_plain": N_("{name} is damaged or not an Excel workbook."),
        "no_sheet": N_("{name} has no sheet called \"{detail}\"."),
        "format": N_("{name}: only .xlsx and .csv files can be imported."),
        "encoding": N_("{name} is not a text file that can be read as CSV."),
        "not_regular": N_("{name} is not an ordinary file (it is a folder, a device or a pipe)."),
        "bomb": N_("{name} unpacks to far more than it holds ({detail}); it is damaged or made to exhaust the "
                   "computer's memory and is not read."),
        "too_large": N_("{name} is too large to import ({size} MB; at most {limit} MB)."),
        "too_many_rows": N_("{name}: the sheet has more than {detail} rows; split it into smaller files."),
        "too_many_cells": N_("{name}: the sheet has more than {detail} cells; split it into smaller files."),
        "too_many_columns": N_("{name}: the sheet has more than {detail} columns; remove the columns that are "
                               "not needed."),
    }

    #: What makes a workbook a zip bomb (``bomb``), in words; numbers are given as parameters.
    _BOMBS: ClassVar[dict[str, str]] = {  # kind: English msgid
        "parts": N_("{parts} parts; at most {limit} are read"),
        "part": N_("the part {part} takes {packed} bytes packed and {unpacked} bytes unpacked"),
        "unpacked": N_("{unpacked} bytes unpacked in all; at most {limit} are read"),
        "memory": N_("the computer ran out of memory reading it"),
    }

    def __init__(self, code: str, path: Path | str, detail: str = "", **params: object) -> None:
        self.code, self.path, self.detail, self.params = code, Path(path), detail, params
        super().__init__(self.message("en"))

    #: The zip reader's and openpyxl's own (English) explanation of a damaged workbook, by a piece
    #: of its text: the message gives the translated reason instead. Anything else is shown raw
    #: in English only.
    _DAMAGE: ClassVar[tuple[tuple[str, str], ...]] = (  # (piece of the library's text, English msgid)
        ("not a zip file", N_("it is not packed as an .xlsx workbook is, or it is cut short (only part of it "
                              "was saved or copied)")),
        ("truncated", N_("the file is cut short (only part of it was saved or copied)")),
        ("eof", N_("the file is cut short (only part of it was saved or copied)")),
        ("bad magic number", N_("its zip package is damaged")),
        ("bad crc", N_("its zip package is damaged")),
        ("error -3 while decompressing", N_("its zip package is damaged")),
        ("encrypt", N_("it is protected with a password")),
        ("there is no item named", N_("a part of the workbook is missing")),
        ("no sheets", N_("the workbook has no sheets")),
        ("sheet dimension", N_("the sheet claims to be larger than Excel allows")),
        ("does not support", N_("it is not a workbook format that can be imported")),
    )

    def damage_reason(self, lang: str = "da") -> str | None:
        """The translated reason a workbook is damaged, if the library's text is a known case."""
        return known_reason(self.detail, self._DAMAGE, lang)

    def message(self, lang: str = "da") -> str:
        if self.code == "corrupt":
            reason = self.damage_reason(lang)
            if reason is not None:
                return tr(self._TEXTS["corrupt_because"], lang).format(name=self.path.name, reason=reason)
            if not lang.startswith("en") or not self.detail:  # the library's English only in English
                return tr(self._TEXTS["corrupt_plain"], lang).format(name=self.path.name)
        params = {k: format_number(v, 0, lang) if isinstance(v, int) else v for k, v in self.params.items()}
        detail = self.detail
        if self.code == "unreadable":
            detail = failure_detail(self, self.detail, lang)
        elif self.code == "bomb":
            detail = tr(self._BOMBS[self.detail], lang).format(**params)
        return tr(self._TEXTS[self.code], lang).format(name=self.path.name, detail=detail, **params)


class ReadCancelled(Exception):
    """Reading was cancelled by the user."""


@dataclass
class RawTable:
    """The cells of one sheet: the header, the data rows, and each row's number in Excel."""

    path: Path
    sheet: str | None  # None for CSV
    headers: list[str]
    rows: list[list[Any]]
    row_numbers: list[int]
    header_row: int = 1
    encoding: str | None = None
    delimiter: str | None = None
    sheets: list[str] = field(default_factory=list)
    #: CSV rows with more values than the header has columns: (row number, number of values)
    ragged_rows: list[tuple[int, int]] = field(default_factory=list)

    @property
    def file_name(self) -> str:
        return self.path.name


#: Whether a row is the table's header row (a title or notes may stand above it).
HeaderTest = Callable[[list[Any]], bool]


def names_a_person(cells: list[Any]) -> bool:
    """The staff import's header test: the row has a name column."""
    return any(guess_target(v) == NAME for v in cells if not is_blank(v))


def read_table(
    path: Path | str,
    sheet: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    is_header: HeaderTest = names_a_person,
    max_rows: int | None = None,
) -> RawTable:
    """Read ``path`` (.xlsx or .csv, decided by content where possible). The header is the first
    row within the first rows that passes ``is_header`` (else the first non-blank row). Raises
    ReadError or ReadCancelled. ``max_rows`` lowers the row budget (``MAX_ROWS``): a reader that
    can use only so many rows stops reading at the first row past it."""
    token = _ROW_BUDGET.set(min(MAX_ROWS, max_rows) if max_rows is not None else MAX_ROWS)
    try:
        with paused_gc():
            return _read_table(Path(path), sheet, progress, cancelled, is_header)
    finally:
        _ROW_BUDGET.reset(token)


_ROW_BUDGET: ContextVar[int] = ContextVar("row_budget", default=MAX_ROWS)


def _read_table(
    path: Path, sheet: str | None, progress: Progress | None, cancelled: Callable[[], bool] | None,
    is_header: HeaderTest = names_a_person,
) -> RawTable:
    try:
        info = path.stat()
    except OSError as exc:
        code = link_problem(path, exc) or ("missing" if isinstance(exc, FileNotFoundError) else "unreadable")
        raise ReadError(code, path, exc.strerror or str(exc)) from None if code == "missing" else exc
    if not stat.S_ISREG(info.st_mode):
        raise ReadError("not_regular", path)
    if info.st_size > MAX_FILE_BYTES:
        raise ReadError("too_large", path, size=info.st_size // 2**20, limit=MAX_FILE_BYTES // 2**20)
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise ReadError("unreadable", path, exc.strerror or str(exc)) from exc
    suffix = path.suffix.lower()
    if head.startswith(_OLE_MAGIC):
        raise ReadError("encrypted" if _is_encrypted_ole(path) else "xls", path)
    if suffix in (".xlsx", ".xlsm") or head.startswith(_ZIP_MAGIC):
        if path.stat().st_size == 0:
            raise ReadError("empty", path)
        return _read_xlsx(path, sheet, progress, cancelled, is_header)
    if suffix in (".csv", ".txt", ".tsv", ""):
        return _read_csv(path, progress, cancelled, is_header)
    raise ReadError("format", path)


def _is_encrypted_ole(path: Path) -> bool:
    """An OOXML file encrypted by Excel is an OLE container with an "EncryptionInfo" stream."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data


# -- CSV ---------------------------------------------------------------------------------------


def decode_csv_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _sniff_delimiter(line: str) -> str:
    counts = {d: 0 for d in ";,\t"}
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda d: (counts[d], d == ";"))
    return best if counts[best] else ";"


_QUOTED_FORMULA = ("'=", "'+", "'-", "'@", "'\t", "'\r")


def _unquoted(cell: str) -> str:
    """A cell our CSV export protected against formula injection ("'=SUM(...)") as it was."""
    return cell[1:] if cell.startswith(_QUOTED_FORMULA) else cell


def _first_line(text: str) -> str:
    """The first line of ``text`` that is not blank (without copying the rest of the text)."""
    start = 0
    while start < len(text):
        ends = [i for i in (text.find("\n", start), text.find("\r", start)) if i >= 0]
        end = min(ends) if ends else len(text)
        line = text[start:end]
        if line.strip():
            return line
        start = end + 1
    return ""


def _read_csv(path: Path, progress: Progress | None, cancelled: Callable[[], bool] | None,
              is_header: HeaderTest = names_a_person) -> RawTable:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError("unreadable", path, exc.strerror or str(exc)) from exc
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("encoding", path)
    try:
        text, encoding = decode_csv_bytes(data)
    except UnicodeDecodeError as exc:
        raise ReadError("encoding", path) from exc
    del data  # the text alone from here on
    if not text.strip():
        raise ReadError("empty", path)
    first_line = _first_line(text)
    hint = first_line.strip().strip('"').lower()
    if hint.startswith("sep=") and len(hint) == 5:
        # Excel's "sep=;" line: it names the separator and is not shown as a row
        delimiter = first_line.strip().strip('"')[4]
        text = text.split("\n", 1)[1] if "\n" in text else ""
    else:
        delimiter = _sniff_delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    total = text.count("\n") + 1
    raw_rows: list[tuple[int, list[str]]] = []
    cells = 0
    try:
        for row in reader:
            line = reader.line_num  # the physical line the row ended on; equal unless a cell has line breaks
            if len(row) > MAX_COLUMNS and any(not is_blank(v) for v in row[MAX_COLUMNS:]):
                raise ReadError("too_many_columns", path, str(MAX_COLUMNS))
            cells += len(row) - row.count("")  # an empty cell is one shared object
            if cells > MAX_CELLS:
                raise ReadError("too_many_cells", path, f"{MAX_CELLS:,}".replace(",", "."))
            raw_rows.append((line, [_unquoted(cell) for cell in row[:MAX_COLUMNS]]))
            if len(raw_rows) > _ROW_BUDGET.get():
                raise ReadError("too_many_rows", path, f"{_ROW_BUDGET.get():,}".replace(",", "."))
            if len(raw_rows) % _PROGRESS_EVERY == 0:
                _tick(progress, cancelled, len(raw_rows), total)
    except csv.Error as exc:
        raise ReadError("unreadable", path, str(exc)) from exc
    # number rows as Excel shows them: one per record (records with embedded line breaks are one row)
    numbered = [(i + 1, row) for i, (_line, row) in enumerate(raw_rows)]
    table = _table_from_rows(path, None, numbered, is_header, header_width_only=True)
    table.encoding, table.delimiter = encoding, delimiter
    return table


# -- xlsx --------------------------------------------------------------------------------------


def _read_xlsx(
    path: Path, sheet: str | None, progress: Progress | None, cancelled: Callable[[], bool] | None,
    is_header: HeaderTest = names_a_person,
) -> RawTable:
    import openpyxl  # lazily: not needed at window start
    from openpyxl.utils.exceptions import InvalidFileException

    _check_zip(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except MemoryError as exc:
        raise ReadError("bomb", path, "memory") from exc
    except (zipfile.BadZipFile, InvalidFileException, KeyError, EOFError, ValueError, OSError) as exc:
        raise ReadError("corrupt", path, _short(exc)) from exc
    except Exception as exc:  # openpyxl raises many kinds on damaged XML
        raise ReadError("corrupt", path, _short(exc)) from exc
    try:
        names = list(book.sheetnames)
        if not names:
            raise ReadError("corrupt", path, "no sheets")
        if sheet is not None:
            match = [n for n in names if n == sheet] or [n for n in names if n.casefold() == sheet.casefold()]
            if not match:
                raise ReadError("no_sheet", path, sheet)
            chosen = match[0]
        else:
            staff = [n for n in names if n.casefold() in STAFF_SHEET_NAMES]
            chosen = staff[0] if staff else (book.active.title if book.active is not None else names[0])
        numbered = _sheet_rows(path, book[chosen], progress, cancelled)
    except (ReadError, ReadCancelled):
        raise
    except MemoryError as exc:
        raise ReadError("bomb", path, "memory") from exc
    except Exception as exc:  # a missing sheet part (KeyError/IndexError), broken XML, ...
        raise ReadError("corrupt", path, _short(exc)) from exc
    finally:
        with contextlib.suppress(Exception):
            book.close()
    table = _table_from_rows(path, chosen, numbered, is_header)
    table.sheets = names
    return table


def _check_zip(path: Path) -> None:
    """Refuse an xlsx whose parts unpack to too much (a zip bomb) before openpyxl reads it: the
    sizes come from the zip directory, and Python's zip reader never unpacks past them."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise ReadError("corrupt", path, _short(exc)) from exc
    except OSError as exc:  # the file itself could not be read (no permission, a lost network drive)
        raise ReadError("unreadable", path, exc.strerror or str(exc)) from exc
    if len(members) > MAX_ZIP_MEMBERS:
        raise ReadError("bomb", path, "parts", parts=len(members), limit=MAX_ZIP_MEMBERS)
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MAX_MEMBER_BYTES or (member.file_size > 2**20 and ratio > MAX_RATIO):
            raise ReadError("bomb", path, "part", part=member.filename[:60], packed=member.compress_size,
                            unpacked=member.file_size)
    if total > MAX_UNPACKED_BYTES:
        raise ReadError("bomb", path, "unpacked", unpacked=total, limit=MAX_UNPACKED_BYTES)


def _sheet_rows(path: Path, ws: Any, progress: Progress | None,
                cancelled: Callable[[], bool] | None) -> list[tuple[int, list[Any]]]:
    """The sheet's rows within the row and column budget. The declared dimension is checked
    first; blank rows (which a huge declared dimension is mostly made of) are not kept."""
    declared_rows, declared_cols = ws.max_row or 0, ws.max_column or 0
    if declared_rows > _EXCEL_MAX_ROWS or declared_cols > _EXCEL_MAX_COLUMNS:
        raise ReadError("corrupt", path, f"sheet dimension {declared_rows} x {declared_cols}")
    max_col = min(declared_cols, MAX_COLUMNS + 1) if declared_cols else MAX_COLUMNS + 1
    numbered: list[tuple[int, list[Any]]] = []
    cells = 0
    blank_row: object = None
    for number, row in enumerate(ws.iter_rows(max_col=max_col, values_only=True), start=1):
        if number > _ROW_BUDGET.get():
            if row is blank_row or all(v is None for v in row):
                continue
            raise ReadError("too_many_rows", path, f"{_ROW_BUDGET.get():,}".replace(",", "."))
        if row is blank_row:
            continue  # openpyxl hands out one shared tuple for every missing row
        if all(v is None for v in row):
            blank_row = row
            continue
        if len(row) > MAX_COLUMNS and not is_blank(row[MAX_COLUMNS]):
            raise ReadError("too_many_columns", path, str(MAX_COLUMNS))
        cells += len(row) - row.count(None)
        if cells > MAX_CELLS:
            raise ReadError("too_many_cells", path, f"{MAX_CELLS:,}".replace(",", "."))
        numbered.append((number, list(row[:MAX_COLUMNS])))
        if number % _PROGRESS_EVERY == 0:
            _tick(progress, cancelled, number, declared_rows)
    return numbered


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:160]


# -- shared ------------------------------------------------------------------------------------


def _tick(progress: Progress | None, cancelled: Callable[[], bool] | None, done: int, total: int) -> None:
    if cancelled is not None and cancelled():
        raise ReadCancelled
    if progress is not None:
        progress(done, total)


def _table_from_rows(path: Path, sheet: str | None, numbered: list[tuple[int, list[Any]]],
                     is_header: HeaderTest = names_a_person, header_width_only: bool = False) -> RawTable:
    """Find the header (the first row within the first rows that passes ``is_header``; else the
    first non-blank row), drop blank rows, trim trailing empty columns. With
    ``header_width_only`` (CSV) the table is as wide as the header, and rows with values beyond
    it are listed in ``ragged_rows``."""
    non_blank = [(n, row) for n, row in numbered if any(not is_blank(v) for v in row)]
    if not non_blank:
        raise ReadError("empty", path)
    header_index = 0
    for i, (_n, row) in enumerate(non_blank[:_HEADER_SEARCH_ROWS]):
        if is_header(row):
            header_index = i
            break
    header_row, header_cells = non_blank[header_index]
    if header_width_only:
        width = len(header_cells)
        while width > 0 and is_blank(header_cells[width - 1]):
            width -= 1
    else:
        width = max((len(r) for _n, r in non_blank[header_index:]), default=0)
    while width > 0 and is_blank(header_cells[width - 1] if width - 1 < len(header_cells) else None) and all(
        width - 1 >= len(r) or is_blank(r[width - 1]) for _n, r in non_blank[header_index + 1:]
    ):
        width -= 1
    headers = [
        "" if i >= len(header_cells) or header_cells[i] is None else str(header_cells[i]).strip()
        for i in range(width)
    ]
    rows: list[list[Any]] = []
    numbers: list[int] = []
    ragged: list[tuple[int, int]] = []
    for n, row in non_blank[header_index + 1:]:
        if len(row) < width:
            row = row + [None] * (width - len(row))
        elif len(row) > width:
            if any(not is_blank(v) for v in row[width:]):
                ragged.append((n, max(i + 1 for i, v in enumerate(row) if not is_blank(v))))
            row = row[:width]
        rows.append(row)
        numbers.append(n)
    return RawTable(path=path, sheet=sheet, headers=headers, rows=rows, row_numbers=numbers, header_row=header_row,
                    ragged_rows=ragged)
