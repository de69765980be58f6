"""The memo's optional section "Prognose" (Forecast): the method in plain words, its inputs per
case type, a table of the expected cases with their band and FTE needed against the casework
FTE per month, the month the team is expected to pass the maximum, and the backtest.

Every figure is labelled as Sagstal's calculation on the team's own figures for intake and
closures (``core.forecast_text.SOURCE``); the measure is named by the norm set (``core.wording``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sagstal_desktop.core.anonymise import forecast_left_out_text, forecast_singles_out
from sagstal_desktop.core.forecast import ForecastError, forecast
from sagstal_desktop.core.forecast_text import (
    backtest_text,
    crossing_text,
    error_message,
    inputs_lines,
    method_text,
    month_text,
    source_text,
)
from sagstal_desktop.core.wording import fill
from sagstal_desktop.i18n import N_, NP_, ptr, tr
from sagstal_desktop.report.memo_style import FRAME_W, esc, mm

if TYPE_CHECKING:
    from sagstal_desktop.report.pdf import MemoBuilder

TEXTS = {
    "h_forecast": N_("Forecast"),
    "inputs": N_("The inputs, from the team's own figures for intake and closures:"),
    "source": N_("Source: {source}. The figures are a projection, not a promise: the band gives the range the "
                 "method expects in {pct} of cases."),
}
HEAD_CONTEXT = "memo table"
HEADS = (NP_("memo table", "Month"), NP_("memo table", "Expected cases"), NP_("memo table", "Band"),
         NP_("memo table", "FTE at <max>"), NP_("memo table", "Band of FTE"),
         NP_("memo table", "Available casework FTE"))


def forecast_section(builder: MemoBuilder) -> list:
    """The section's flowables (a heading and one sentence when there is too little data)."""
    from reportlab.platypus import KeepTogether

    lang, s, opts = builder.lang, builder.styles, builder.options
    heading = builder.para(esc(tr(TEXTS["h_forecast"], lang)), s.h2)
    try:
        result = forecast(builder.team, builder.summary.as_of, opts.forecast_months, opts.forecast_window,
                          opts.forecast_intake_change, norm_set=builder.norm_set)
    except ForecastError as exc:
        return [heading, builder.para(esc(error_message(exc, lang)))]
    lines = [builder.para(esc(method_text(result, lang))), builder.para(esc(tr(TEXTS["inputs"], lang)))]
    lines += [builder.para(esc(line), s.bullet, ) for line in inputs_lines(result, lang)]
    # anonymised: a change of the available FTE that fewer than k persons make would show their hours
    hide_fte = opts.anonymise and forecast_singles_out(
        builder.team, [builder.summary.as_of, *(m.month for m in result.months)])
    out = [KeepTogether([heading, *lines]), _table(builder, result, with_available=not hide_fte)]
    if hide_fte:
        out.append(builder.para(esc(fill(forecast_left_out_text(lang), builder.norm_set, lang)), s.after_table))
    else:
        out.append(builder.para(esc(crossing_text(result, builder.norm_set, lang)), s.after_table))
    out.append(builder.para(esc(backtest_text(result, lang))))
    pct = builder.pct(result.band_pct / 100)
    out.append(builder.para(esc(tr(TEXTS["source"], lang).format(source=source_text(lang), pct=pct)), s.small))
    return out


def _table(builder: MemoBuilder, result, with_available: bool = True):
    s, lang, num = builder.styles, builder.lang, builder.num
    heads = HEADS if with_available else HEADS[:-1]
    data = [[builder.para(esc(fill(ptr(HEAD_CONTEXT, h, lang), builder.norm_set, lang)),
                          s.head if i == 0 else s.head_r) for i, h in enumerate(heads)]]
    for m in result.months:
        row = [month_text(m.month, lang), num(m.total.expected, 0),
               f"{num(m.total.low, 0)}–{num(m.total.high, 0)}", num(m.fte_needed_max.expected, 2),
               f"{num(m.fte_needed_max.low, 2)}–{num(m.fte_needed_max.high, 2)}"]
        data.append([*row, num(m.available_fte, 2)] if with_available else row)
    widths = [mm(30), mm(24), mm(26), mm(28), mm(30)][:len(heads) - 1]
    widths.append(FRAME_W - sum(widths))
    return builder.table(data, widths, builder.grid_style(len(data), numeric_from=1))
