"""The comparison of the current team and scenarios as tables (pandas) and an Excel file.

``core/comparison.py`` computes every figure; this module only lays them out: one table of
team figures (a row per figure, a column per variant) and one of each person's load in each
variant. pandas is imported when a table is built, never on the window's start-up.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from sagstal_desktop.core.comparison import FIGURE_KEYS, Comparison
from sagstal_desktop.i18n import N_, tr

if TYPE_CHECKING:
    import pandas

_SHEETS = (N_("Comparison"), N_("Load per person"))
_PERSON = N_("Staff member")
_AWAY = N_("{name} (absent)")


def figures_frame(comparison: Comparison) -> pandas.DataFrame:
    """Rows: the figures (named by ``comparison.labels``); columns: the variants."""
    import pandas as pd

    data = {name: [values[key] for key in FIGURE_KEYS] for name, values in
            zip(comparison.names, comparison.figures, strict=True)}
    return pd.DataFrame(data, index=[comparison.labels[key] for key in FIGURE_KEYS], dtype=object)


def persons_frame(comparison: Comparison, lang: str = "da") -> pandas.DataFrame:
    """Rows: people (the name marked where the person is away in any variant); columns: each
    variant's load in % of the maximum (empty: not computable, away or not in the variant)."""
    import pandas as pd

    rows = {
        name: [None if row.loads[i] is None else row.loads[i] * 100 for row in comparison.persons]
        for i, name in enumerate(comparison.names)
    }
    index = pd.Index([tr(_AWAY, lang).format(name=row.name) if any(row.absent) else row.name
                      for row in comparison.persons], name=tr(_PERSON, lang))
    frame = pd.DataFrame(rows, index=index, dtype=float)
    frame.columns = pd.MultiIndex.from_tuples([(comparison.labels["load"], n) for n in comparison.names])
    return frame


def export_xlsx(comparison: Comparison, path: str | os.PathLike[str], lang: str = "da") -> None:
    """Both tables in one workbook (``DataFrame.to_excel`` with openpyxl), loads to one decimal;
    written through the atomic writer, every name through the cell guard (``io.cell_guard``).
    Raises ``atomic_write.WriteFailed`` (an OSError) if the file cannot be written."""
    import pandas as pd

    from sagstal_desktop.io.atomic_write import atomic_path
    from sagstal_desktop.io.cell_guard import guard_frame, guard_workbook

    first, second = (tr(sheet, lang) for sheet in _SHEETS)
    figures = guard_frame(figures_frame(comparison))
    persons = guard_frame(persons_frame(comparison, lang).round(1))
    with atomic_path(path) as tmp, pd.ExcelWriter(tmp, engine="openpyxl") as writer:
        figures.to_excel(writer, sheet_name=first)
        persons.to_excel(writer, sheet_name=second)
        guard_workbook(writer.book)
