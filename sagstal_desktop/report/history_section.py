"""The memo's section "Udvikling" (History): the trend chart and a table of the last twelve
snapshots (or the chosen period). Shown when the period holds two or more snapshots.

Every figure says where it comes from: the snapshots' figures are the program's own calculation
on the team's inputs recorded on each date, measured against the norm set stored with the
snapshot; rows from a spreadsheet are the team's own figures and are marked as such.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sagstal_desktop.core.anonymise import history_left_out_text, history_singles_out
from sagstal_desktop.core.formatting import format_date, format_number
from sagstal_desktop.core.trend import (
    DEFAULT_LAST,
    TrendRow,
    norm_set_changes,
    period_snapshots,
    shortfall_run,
    trend_rows,
    weighting_changes,
)
from sagstal_desktop.i18n import N_, NP_, ptr, tr, translator
from sagstal_desktop.report.history_chart import trend_chart
from sagstal_desktop.report.memo_style import FRAME_W, esc, mm
from sagstal_desktop.report.texts import long_date

if TYPE_CHECKING:
    from sagstal_desktop.report.pdf import MemoBuilder


TEXTS: dict[str, str] = {
    "h_history": N_("History"),
    "intro": N_("The team's development over {n} snapshots from {first} to {last}."),
    "derived": N_("The figures are Sagstal's own calculation on the team's recorded inputs (staff, hours and "
                  "cases) on each date, measured against the norm set chosen then; they are stored with the "
                  "snapshot and not recomputed when the norm sets change."),
    "table_rows": N_("Rows marked * are the team's own figures from a spreadsheet; Sagstal did not compute them."),
    "change": N_("The norm set changed on {date} from \"{old}\" to \"{new}\" (dashed line); figures before and "
                 "after the change are measured against different ranges."),
    "edited": N_("The norm set \"{new}\" got new ranges on {date} (dashed line); figures before and after are "
                 "measured against different ranges."),
    "run": N_("FTE needed at {maximum} has exceeded the available casework FTE in the latest {n} snapshots in a "
              "row."),
    "run_one": N_("In the latest snapshot FTE needed at {maximum} exceeded the available casework FTE."),
    "none": N_("In none of the snapshots did FTE needed at {maximum} exceed the available casework FTE."),
    "ds_max": N_("DS max"),
    "set_max": N_("the norm set's max"),
    "source": N_("Shortfall at max = FTE needed at the norm set's max minus available casework FTE "
                 "(negative: a surplus). Source: Sagstal's own calculation on the team's recorded inputs on each "
                 "date."),
}
#: The table's column heads (the memo tables' context: short forms of common words).
HEAD_CONTEXT = "memo table"
HEADS = (NP_("memo table", "Date"), NP_("memo table", "Norm set"), NP_("memo table", "Staff"),
         NP_("memo table", "Cases"), NP_("memo table", "Casework FTE"), NP_("memo table", "FTE at max"),
         NP_("memo table", "FTE at min"), NP_("memo table", "Shortfall at max"), NP_("memo table", "Over max"),
         NP_("memo table", "Avg. full-time"))


def history_texts(lang: str) -> dict[str, str]:
    """The section's texts in ``lang``."""
    gettext = translator(lang).gettext
    return {key: gettext(text) for key, text in TEXTS.items()}


def memo_rows(builder: MemoBuilder) -> list[TrendRow]:
    """The rows the memo shows: the chosen period, else the last twelve snapshots."""
    opts = builder.options
    if opts.history_from or opts.history_to:
        return trend_rows(builder.team, opts.history_from, opts.history_to)
    return trend_rows(builder.team, last=DEFAULT_LAST)


def memo_snapshots(builder: MemoBuilder) -> list:
    """The snapshots of ``memo_rows``."""
    opts = builder.options
    if opts.history_from or opts.history_to:
        return period_snapshots(builder.team, opts.history_from, opts.history_to)
    return period_snapshots(builder.team, last=DEFAULT_LAST)


def history_section(builder: MemoBuilder) -> list:
    """The section's flowables; empty with fewer than two snapshots in the period."""
    from reportlab.platypus import KeepTogether

    rows = memo_rows(builder)
    if len(rows) < 2:
        return []
    lang, s = builder.lang, builder.styles
    t = history_texts(lang)
    if builder.options.anonymise and history_singles_out(memo_snapshots(builder)):  # core.anonymise
        return [builder.para(esc(t["h_history"]), s.h2), builder.para(esc(history_left_out_text(lang)))]
    text = [t["intro"].format(n=len(rows), first=long_date(rows[0].date, lang), last=long_date(rows[-1].date, lang)),
            t["derived"]]
    if any(r.origin == "table" for r in rows):
        text.append(t["table_rows"])
    for i in norm_set_changes(rows):
        key = "change" if rows[i].norm_set != rows[i - 1].norm_set else "edited"
        text.append(t[key].format(date=long_date(rows[i].date, lang), old=rows[i - 1].norm_set_name(lang),
                                  new=rows[i].norm_set_name(lang)))
    for i in weighting_changes(rows):  # case weight (issue 27): marked as a change of norm set is
        text.append(tr(WEIGHTING_CHANGE, lang).format(date=long_date(rows[i].date, lang),
                                                      old=_weighting_words(rows[i - 1], lang),
                                                      new=_weighting_words(rows[i], lang)))
    # "DS' maksimum" only when every row is measured against one of DS's own sets
    maximum = t["ds_max"] if all(r.measured_by_ds for r in rows) else t["set_max"]
    run = shortfall_run(rows)
    text.append(t["run"].format(n=run, maximum=maximum) if run > 1 else
                t["run_one"].format(maximum=maximum) if run == 1 else
                t["none"].format(maximum=maximum) if all(r.shortfall_max <= 0 for r in rows) else "")
    head = [builder.para(esc(t["h_history"]), s.h2), builder.para(esc(" ".join(x for x in text if x))),
            trend_chart(rows, FRAME_W, lang)]
    return [KeepTogether(head), _table(builder, rows, t), builder.para(esc(t["source"]), s.small)]


WEIGHTING_CHANGE = N_("The case weighting changed on {date} from {old} to {new} (dashed line); figures before and "
                      "after the change count the cases' weight differently.")


def _weighting_words(row: TrendRow, lang: str) -> str:
    from sagstal_desktop.core.case_weight import MODE_NAMES

    return "»" + tr(MODE_NAMES[row.weighting[0] if row.weighting else "off"], lang) + "«"


def _table(builder: MemoBuilder, rows: list[TrendRow], t: dict):
    s = builder.styles
    num = builder.num

    def whole(value: int | None) -> str:
        return "–" if value is None else str(value)

    lang = builder.lang
    data = [[builder.para(esc(ptr(HEAD_CONTEXT, h, lang)), s.head if i < 2 else s.head_r)
             for i, h in enumerate(HEADS)]]
    for r in rows:
        mark = " *" if r.origin == "table" else ""
        norm_set = builder.para(esc(r.norm_set_name(builder.lang)), s.cell)
        data.append([format_date(r.date, builder.lang) + mark, norm_set,
                     whole(r.staff), whole(r.cases), num(r.available_fte, 2), num(r.fte_needed_max, 2),
                     num(r.fte_needed_min, 2), format_number(r.shortfall_max, 2, builder.lang), whole(r.over_count),
                     num(r.average_fte_caseload)])  # FTE with 2 decimals, as everywhere in the memo
    widths = [mm(19), mm(34), mm(14), mm(12), mm(17), mm(16), mm(16), mm(16), mm(12)]
    widths.append(FRAME_W - sum(widths))
    return builder.table(data, widths, builder.grid_style(len(data), numeric_from=2))
