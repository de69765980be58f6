"""The forecast in words, once for the command line, the window and the memo: the method in plain
language, the inputs per case type, the crossing month, the backtest, and why there is no
forecast. Every figure is said to be Sagstal's calculation on the team's own intake figures.
The measure is named by the norm set (``core.wording.fill``: "DS' maksimum" only for DS's sets).
"""

from __future__ import annotations

from datetime import date

from sagstal_desktop.core.forecast import Forecast, ForecastError
from sagstal_desktop.core.formatting import format_number, format_percent
from sagstal_desktop.core.norms import case_type_name
from sagstal_desktop.core.wording import fill
from sagstal_desktop.i18n import N_, ntr, tr

_ERRORS = {
    "no_flows": N_("No forecast: the team file has no intake and closures per month. Enter them under Team → "
                   "Intake and closures… or import them with \"sagstal flows FILE --from flows.xlsx\"; the "
                   "forecast needs at least {need} months."),
    "too_few_months": N_("No forecast: the team file has intake and closures for {have} months; the window needs "
                         "{need}. Add earlier months, or choose a window of at least 3 and at most {have} months."),
    "window_range": N_("No forecast: the window must be at least {need} months."),
    "months_range": N_("No forecast: the forecast looks 1 to {need} months ahead."),
    "intake_range": N_("No forecast: the intake change must lie between {low} % and {high} %."),
}

#: The source line every figure carries.
SOURCE = N_("Sagstal's calculation on the team's own figures for intake and closures")


def error_message(exc: ForecastError, lang: str = "da") -> str:
    """Why there is no forecast, naming what is missing."""
    if exc.code == "intake_range":
        low, high = exc.need  # type: ignore[misc]
        return tr(_ERRORS[exc.code], lang).format(low=format_number(low, 0, lang), high=format_number(high, 0, lang))
    return tr(_ERRORS[exc.code], lang).format(have=exc.have, need=exc.need)


def month_text(day: date, lang: str = "da") -> str:
    """``januar 2027`` / ``January 2027``."""
    from babel.dates import format_date as babel_date

    return babel_date(day, "MMMM yyyy", locale="da_DK" if lang == "da" else "en_GB")


def method_text(result: Forecast, lang: str = "da") -> str:
    """The default method in plain words, with this forecast's window and band."""
    text = tr("For each case type Sagstal takes the average number of new cases per month over the last {w} months "
              "({first}–{last}) and the share of open cases that was closed each month over the same months. Each "
              "coming month it then counts the cases open today, takes away that share, and adds the average "
              "number of new cases. The band shows where the number of cases lands in {pct} of 100 months if the "
              "coming months are like the last {w}: new cases vary by chance, and so do closures; the band also "
              "takes into account that {w} months are a small basis. It is computed by formula, not simulated. It "
              "does not foresee changes in the law, the labour market or the team's way of working.", lang)
    return text.format(w=result.window, first=month_text(result.window_months[0], lang),
                       last=month_text(result.window_months[-1], lang),
                       pct=format_number(result.band_pct, 0, lang))


def inputs_lines(result: Forecast, lang: str = "da") -> list[str]:
    """One line per case type: new cases per month, share closed per month, cases today."""
    lines = []
    for t, m in result.methods.items():
        lines.append(tr("{type}: {lam} new cases a month, {h} of open cases closed a month, {n} cases today",
                        lang).format(type=case_type_name(t, lang), lam=format_number(m.arrivals, 1, lang),
                                     h=format_percent(m.exit_rate, 1, lang), n=format_number(m.start, 0, lang)))
    for t, n in result.held.items():
        lines.append(tr("{type}: no intake and closures entered; held at today's {n} cases", lang).format(
            type=case_type_name(t, lang), n=format_number(n, 0, lang)))
    if result.measured_months:
        lines.append(ntr("The cases open at the start of {n} month ({first}) are the counts of a snapshot taken that "
                         "day; the months before are worked back from it.",
                         "The cases open at the start of {n} months ({first}–{last}) are the counts of snapshots "
                         "taken those days; the months before each are worked back from it.",
                         len(result.measured_months), lang).format(
            n=len(result.measured_months), first=month_text(result.measured_months[0], lang),
            last=month_text(result.measured_months[-1], lang)))
    if result.intake_change_pct:
        lines.append(tr("What-if: intake changed by {pct} %", lang).format(
            pct=("+" if result.intake_change_pct > 0 else "") + format_number(result.intake_change_pct, 0, lang)))
    return lines + warning_lines(result, lang)


def warning_lines(result: Forecast, lang: str = "da") -> list[str]:
    """What the forecast had to assume because the data disagree: an exit rate capped at 100 %."""
    lines = []
    for t, m in result.methods.items():
        if m.capped is not None:
            closed, opened = m.capped
            lines.append(tr("The exit rate for {type} is set to {pct}: the closed cases exceed the open ones "
                            "({closed} closed against {open} open at the start of the months used). Check the "
                            "intake and closures and the case counts.", lang).format(
                type=case_type_name(t, lang), pct=format_percent(1.0, 0, lang), closed=format_number(closed, 0, lang),
                open=format_number(opened, 0, lang)))
    return lines


def crossing_text(result: Forecast, norm_set, lang: str = "da") -> str:
    """When the team is expected to need more FTE at the maximum than it has, if it does."""
    month = result.crosses_max
    if month is None:
        return fill(tr("The team is not expected to pass <max> in the {n} months forecast.", lang),
                    norm_set, lang).format(n=len(result.months))
    return fill(tr("The team is expected to pass <max> in {month}: it is expected to need more FTE at <max> than it "
                   "has available.", lang), norm_set, lang).format(month=month_text(month, lang))


def backtest_text(result: Forecast, lang: str = "da") -> str:
    """The backtest in one or two sentences; says plainly when the method does worse than "the
    same as today"."""
    bt = result.backtest
    if bt is None:
        return tr("No backtest: it needs intake and closures for at least {need} months.", lang).format(
            need=result.backtest_months_needed)
    text = tr("Backtest: for {n} past months ({first}–{last}) the method forecast the team's cases one month ahead "
              "from the {w} months before. Typical error (median): {err} cases; \"the same as today\" missed by "
              "{naive} cases. {cov} of the actual months lay inside the {pct} band.", lang).format(
        n=bt.months, first=month_text(bt.first, lang), last=month_text(bt.last, lang), w=result.window,
        err=format_number(bt.median_abs_error, 1, lang), naive=format_number(bt.naive_median_abs_error, 1, lang),
        cov=format_percent(bt.coverage_pct / 100, 0, lang), pct=format_percent(result.band_pct / 100, 0, lang))
    if bt.worse_than_naive:
        text += " " + tr("The method did worse than simply assuming the number of cases stays as it is today; do not "
                         "rely on this forecast.", lang)
    return text


def source_text(lang: str = "da") -> str:
    return tr(SOURCE, lang)
