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


def anonymous_figures(comparison: Comparison, lang: str = "da") -> pandas.DataFrame:
    """The anonymised comparison's figures: scenarios "Scenarie 1, 2, …", FTE and caseloads to one
    decimal and costs in whole kroner, as the memo prints them (full precision gives sums of hours
    back exactly)."""
    frame = figures_frame(comparison)
    frame.columns = anonymous_names(comparison, lang)
    for key in FIGURE_KEYS:
        places = None if key in ("norm_set", "over_count", "cases_without_caseworker", "absent_count") else \
            0 if key in ("yearly_cost", "target_yearly_cost") else 1
        if places is not None:
            label = comparison.labels[key]
            frame.loc[label] = [None if v is None else round(float(v), places) for v in frame.loc[label]]
    return frame


def export_xlsx(comparison: Comparison, path: str | os.PathLike[str], lang: str = "da",
                anonymise: bool = False, left_out: int = 0) -> None:
    """Both tables in one workbook (``DataFrame.to_excel`` with openpyxl), loads to one decimal.
    ``anonymise``: scenarios as "Scenarie 1, 2, …", figures rounded as in the memo and, instead of
    each person's load, the staff per load band in each variant (``core.anonymise``); ``left_out``:
    how many scenarios ``core.anonymise.shown_scenarios`` left out (a sheet says so and why)."""
    import pandas as pd

    first, second = (tr(sheet, lang) for sheet in _SHEETS)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        figures = figures_frame(comparison)
        if anonymise:
            anonymous_figures(comparison, lang).to_excel(writer, sheet_name=first)
            bands_frame(comparison, lang).to_excel(writer, sheet_name=tr(_BAND_SHEET_NAME, lang))
            if left_out:
                from sagstal_desktop.core.anonymise import left_out_text

                note = tr(_NOTE_SHEET, lang)
                pd.DataFrame({note: [left_out_text(left_out, lang)]}).to_excel(writer, sheet_name=note, index=False)
            return
        figures.to_excel(writer, sheet_name=first)
        persons_frame(comparison, lang).round(1).to_excel(writer, sheet_name=second)
