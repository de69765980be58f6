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


_SCENARIO = N_("Scenario {n}")
_BAND_SHEET = N_("Staff per load band")
_BAND_SHEET_NAME = N_("Load bands")  # a sheet's name has at most 31 characters
_NO_LOAD = N_("No load (absent, no casework hours, or no case with a norm)")
_TOO_FEW = N_("Fewer than {k} staff with a load: no figures per load band.")


def anonymous_names(comparison: Comparison, lang: str = "da") -> list[str]:
    """The columns' titles of an anonymised comparison: the current team, "Scenarie 1", …
    (a scenario's own name may name a person)."""
    return [comparison.names[0], *(tr(_SCENARIO, lang).format(n=i) for i in range(1, len(comparison.names)))]


def bands_frame(comparison: Comparison, lang: str = "da") -> pandas.DataFrame:
    """The anonymised comparison's second table (``core.anonymise``): how many staff have their
    load in each band in each variant, no row per person; empty below k staff with a load."""
    import pandas as pd

    from sagstal_desktop.core.anonymise import band_texts, load_band, min_staff, rows_allowed

    names = anonymous_names(comparison, lang)
    bands = band_texts(lang)
    columns = {}
    for i, name in enumerate(names):
        staff = {m.id for m in comparison.results[i].team.staff}
        counted = [load_band(row.loads[i]) for row in comparison.persons if row.member_id in staff]
        if not rows_allowed(sum(1 for b in counted if b is not None)):
            return pd.DataFrame({tr(_BAND_SHEET, lang): [tr(_TOO_FEW, lang).format(k=min_staff())]})
        columns[name] = [sum(1 for b in counted if b == band) for band in reversed(range(len(bands)))]
        columns[name].append(sum(1 for b in counted if b is None))
    index = pd.Index([*reversed(bands), tr(_NO_LOAD, lang)], name=comparison.labels["load"])
    return pd.DataFrame(columns, index=index)


_NOTE_SHEET = N_("Note")
#: Figures in FTE: two decimals, as the memo gives them.
_FTE_KEYS = frozenset({"fte_needed_max", "fte_needed_mid", "fte_needed_min", "available_fte", "shortfall_fte",
                       "target_fte", "target_extra_fte"})


def anonymous_figures(comparison: Comparison, lang: str = "da") -> pandas.DataFrame:
    """The anonymised comparison's figures: scenarios "Scenarie 1, 2, …", FTE to two decimals,
    caseloads to one and costs in whole kroner, as the memo prints them (full precision gives sums
    of hours back exactly)."""
    frame = figures_frame(comparison)
    frame.columns = anonymous_names(comparison, lang)
    for key in FIGURE_KEYS:
        places = None if key in ("norm_set", "over_count", "cases_without_caseworker", "absent_count") else \
            0 if key in ("yearly_cost", "target_yearly_cost") else 2 if key in _FTE_KEYS else 1
        if places is not None:
            label = comparison.labels[key]
            frame.loc[label] = [None if v is None else round(float(v), places) for v in frame.loc[label]]
    return frame


def export_xlsx(comparison: Comparison, path: str | os.PathLike[str], lang: str = "da",
                anonymise: bool = False, left_out: int = 0) -> None:
    """Both tables in one workbook (``DataFrame.to_excel`` with openpyxl), loads to one decimal;
    written through the atomic writer, every name through the cell guard (``io.cell_guard``).
    ``anonymise``: scenarios as "Scenarie 1, 2, …", figures rounded as in the memo and, instead of
    each person's load, the staff per load band in each variant (``core.anonymise``); ``left_out``:
    how many scenarios ``core.anonymise.shown_scenarios`` left out (a sheet says so and why).
    Raises ``atomic_write.WriteFailed`` (an OSError) if the file cannot be written."""
    import pandas as pd

    from sagstal_desktop.io.atomic_write import atomic_path
    from sagstal_desktop.io.cell_guard import guard_frame, guard_workbook

    first, second = (tr(sheet, lang) for sheet in _SHEETS)
    sheets = {}
    if anonymise:
        sheets[first] = anonymous_figures(comparison, lang)
        sheets[tr(_BAND_SHEET_NAME, lang)] = bands_frame(comparison, lang)
        if left_out:
            from sagstal_desktop.core.anonymise import left_out_text

            note = tr(_NOTE_SHEET, lang)
            sheets[note] = pd.DataFrame({note: [left_out_text(left_out, lang)]})
    else:
        sheets[first] = figures_frame(comparison)
        sheets[second] = persons_frame(comparison, lang).round(1)
    notes = {tr(_NOTE_SHEET, lang)}
    with atomic_path(path) as tmp, pd.ExcelWriter(tmp, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            guard_frame(frame).to_excel(writer, sheet_name=name, index=name not in notes)
        guard_workbook(writer.book)
