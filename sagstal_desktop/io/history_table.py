"""The team's history as a time series: a pandas DataFrame of the trend rows (one row per
snapshot, indexed by date), and its export to ``.xlsx``. pandas is imported here only, when
a history is shown or exported, never on the window's start-up path.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sagstal_desktop.core.trend import TrendRow
from sagstal_desktop.i18n import N_, NP_, ptr, tr
from sagstal_desktop.io.history_import import HISTORY_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

#: Columns of the frame: key -> (Danish header, English header). The headers are data, not text of
#: the window: a written history is read back by the history import, so both take them from its
#: one table (``io.history_import.HISTORY_COLUMNS``, which accepts both languages and more).
FRAME_COLUMNS: dict[str, tuple[str, str]] = {
    key: HISTORY_COLUMNS[key][:2]
    for key in ("label", "norm_set", "staff", "cases", "available_fte", "fte_needed_max", "fte_needed_min",
                "over_count", "average_fte_caseload")
}
DATE_HEADER: tuple[str, str] = HISTORY_COLUMNS["date"][:2]
#: The export's sheets and the note on where its figures come from (the text layer).
HISTORY_SHEET = NP_("sheet", "History")
SOURCE_SHEET = NP_("sheet", "Source")
SOURCE_NOTE = N_("Sagstal's own calculation on the team's recorded inputs on each date, measured against the norm "
                 "set in use then.")


def trend_frame(rows: list[TrendRow]) -> pd.DataFrame:
    """The trend rows as a DataFrame indexed by date (a DatetimeIndex named "date"), with a
    ``shortfall_max`` column (FTE needed at DS max minus available) and ``norm_set_changed``."""
    import pandas as pd

    frame = pd.DataFrame(
        {
            "label": [r.label for r in rows],
            "norm_set": [r.norm_set for r in rows],
            "norm_set_name": [r.norm_set_name_da for r in rows],
            "staff": pd.array([r.staff for r in rows], dtype="Int64"),
            "cases": pd.array([r.cases for r in rows], dtype="Int64"),
            "available_fte": [r.available_fte for r in rows],
            "fte_needed_max": [r.fte_needed_max for r in rows],
            "fte_needed_min": [r.fte_needed_min for r in rows],
            "over_count": pd.array([r.over_count for r in rows], dtype="Int64"),
            "average_fte_caseload": pd.array([r.average_fte_caseload for r in rows], dtype="Float64"),
        },
        index=pd.DatetimeIndex([pd.Timestamp(r.date) for r in rows], name="date"),
    )
    frame["shortfall_max"] = frame["fte_needed_max"] - frame["available_fte"]
    changed = frame["norm_set"].ne(frame["norm_set"].shift())
    if len(frame):
        changed.iloc[0] = False
    frame["norm_set_changed"] = changed.astype(bool)
    return frame


def export_trend_xlsx(rows: list[TrendRow], path: str | Path, lang: str = "da") -> Path:
    """Write the history to ``path`` (.xlsx, via openpyxl) with the headers the history import
    reads back, and a second sheet saying where the figures come from; through the atomic
    writer and the cell guard (``io.cell_guard``). Raises ``atomic_write.WriteFailed``."""
    import pandas as pd

    frame = trend_frame(rows)
    which = 0 if lang == "da" else 1
    out = pd.DataFrame({DATE_HEADER[which]: [r.date for r in rows]})
    for key, headers in FRAME_COLUMNS.items():
        out[headers[which]] = list(frame[key]) if key != "norm_set" else [r.norm_set or "" for r in rows]
    out = out.astype(object).where(out.notna(), None)
    path = Path(path)
    note = tr(SOURCE_NOTE, lang)
    sheet, about = ptr("sheet", HISTORY_SHEET, lang), ptr("sheet", SOURCE_SHEET, lang)
    from sagstal_desktop.io.atomic_write import atomic_path
    from sagstal_desktop.io.cell_guard import guard_frame, guard_workbook

    out = guard_frame(out)
    with atomic_path(path) as tmp, pd.ExcelWriter(tmp, engine="openpyxl") as writer:
        out.to_excel(writer, sheet_name=sheet, index=False)
        pd.DataFrame({about: [note]}).to_excel(writer, sheet_name=about, index=False)
        ws = writer.sheets[sheet]
        for column in ws.columns:
            letter = column[0].column_letter
            ws.column_dimensions[letter].width = max(12, len(str(column[0].value or "")) + 2)
        guard_workbook(writer.book)
    return path
