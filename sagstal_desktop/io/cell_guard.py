"""The one guard every exporter puts text through before it reaches a spreadsheet cell.

* ``safe_text(text, csv=...)``: control characters removed (line feeds and tabs inside the text
  are kept; everything else in C0, DEL and C1, which XML forbids or a terminal obeys, goes);
  for CSV a cell that a spreadsheet program would read as a formula (it starts with ``=``,
  ``+``, ``-``, ``@``, tab or carriage return) gets a leading single quote (OWASP's advice).
* ``safe_value(value, csv=...)``: the same for any cell value (non-text values pass unchanged).
* ``guard_frame(frame)``: a pandas DataFrame with every text value, index label and column
  name passed through ``safe_text``, for the exports ``DataFrame.to_excel`` writes.
* ``guard_workbook(book)``: every cell of an openpyxl workbook that would be written as a
  formula is written as text instead (openpyxl takes any string starting with ``=`` for a
  formula); call it after filling the workbook, before saving.

In an ``.xlsx`` file a text cell is never evaluated, so there ``=SUM(A1)`` stays as typed; in
a ``.csv`` file there are no cell types, so the quote is the guard.
"""

from __future__ import annotations

import re
from typing import Any

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: A text cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$", re.ASCII)


def neutralise_formula(text: str) -> str:
    """A CSV text cell made safe against formula injection: a cell that starts with ``=``,
    ``+``, ``-``, ``@``, tab or carriage return gets a leading single quote, so that LibreOffice
    and Excel show it as text instead of evaluating it. A plain number such as "-3" or "+2,5"
    is left as it is."""
    if text.startswith(FORMULA_START) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def safe_text(text: str, *, csv: bool = False) -> str:
    """``text`` fit for a cell: control characters removed; for CSV also formula-neutralised."""
    if _CONTROLS.search(text):
        text = _CONTROLS.sub("", text)
    return neutralise_formula(text) if csv else text


def safe_value(value: Any, *, csv: bool = False) -> Any:
    """``safe_text`` for a text value; any other value unchanged."""
    return safe_text(value, csv=csv) if isinstance(value, str) else value


def guard_frame(frame: Any) -> Any:
    """A copy of a pandas DataFrame whose text values, index labels and column names (also in a
    MultiIndex) are passed through ``safe_text``."""
    import pandas as pd

    def fix_index(index: pd.Index) -> pd.Index:
        if isinstance(index, pd.MultiIndex):
            return pd.MultiIndex.from_tuples([tuple(safe_value(v) for v in t) for t in index], names=index.names)
        return pd.Index([safe_value(v) for v in index], name=safe_value(index.name), dtype=index.dtype
                        if index.dtype != object else object)

    out = frame.copy()
    for i in range(out.shape[1]):
        column = out.iloc[:, i]
        if column.dtype == object:
            out.iloc[:, i] = column.map(safe_value)
    out.index = fix_index(out.index)
    out.columns = fix_index(out.columns)
    return out


def guard_workbook(book: Any) -> None:
    """Make every formula cell of an openpyxl workbook (not write-only) a text cell, its
    control characters removed."""
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" or (isinstance(cell.value, str) and _CONTROLS.search(cell.value)):
                    text = safe_text(str(cell.value))
                    cell.value = text
                    cell.data_type = "s"
