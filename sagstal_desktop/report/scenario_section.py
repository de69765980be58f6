"""The memo's section "Scenarier" (Scenarios): the current team beside the chosen scenarios in
a table and a small chart, each scenario described in one sentence of what differs.

The figures are ``core.comparison.compare``'s (each variant's summary alone). Every figure is the
program's own calculation on the scenario's assumptions; the measure is named by the variants'
norm sets (``core.wording`` via ``core.comparison.labels_for``): "normsættets maksimum" when the
variants use different kinds of norm sets. Shown when the team has scenarios and the memo's
options choose some (``MemoOptions.scenarios``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sagstal_desktop.core.anonymise import left_out_text, shown_scenarios
from sagstal_desktop.core.comparison import Comparison, compare
from sagstal_desktop.core.formatting import format_dkk, format_number
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.scenario_describe import describe, scenario_parts
from sagstal_desktop.core.scenarios import find
from sagstal_desktop.i18n import N_, Nn_, ntr, translator
from sagstal_desktop.report.memo_style import FRAME_W, esc, mm
from sagstal_desktop.report.scenario_chart import scenario_chart
from sagstal_desktop.report.texts import long_date

if TYPE_CHECKING:
    from sagstal_desktop.report.pdf import MemoBuilder


TEXTS: dict[str, str] = {
    "h_scenarios": N_("Scenarios"),
    "derived": N_("Every figure in this section is Sagstal's own calculation on the scenario's assumptions (the "
                  "staff, hours, cases, absences and norm set described below), computed the same way as the "
                  "summary above; the scenarios are assumptions, not the team's present situation."),
    "mixed": N_("The variants are measured against norm sets of different kinds, so the rows name the norm set's "
                "own maximum, midpoint and minimum."),
    "scenario": N_("Scenario {n}"),
    "source": N_("Source: Sagstal's own calculation on each variant's assumptions. Shortfall = FTE needed minus "
                 "available casework FTE (negative: a surplus); yearly cost = the shortfall at the team's cost per "
                 "FTE (0 for a surplus)."),
    "unproven": N_("In {names} the absent colleagues' cases are handed on as evenly as Sagstal could find within "
                   "{seconds} seconds; that no more even hand-over exists is not proven (the highest load is)."),
    "unproven_top": N_("In {names} the absent colleagues' cases are handed on as evenly as Sagstal could find "
                       "within {seconds} seconds; that no more even hand-over exists is not proven."),
    "target_source": N_("Target caseload (Sagstal's calculation, as in the City of Copenhagen's budget case): FTE "
                        "needed at the target = the variant's cases / the target; extra FTE = that minus the cases / "
                        "the variant's average full-time caseload (negative: a surplus); yearly cost = the extra FTE "
                        "at the team's cost per FTE (0 for a surplus)."),
}
_INTRO = Nn_("The current team compared with {n} scenario on {date}.",
             "The current team compared with {n} scenarios on {date}.")
#: The table's rows (``core.comparison.FIGURE_KEYS``) in the memo's order.
ROWS = ("norm_set", "fte_needed_max", "fte_needed_mid", "fte_needed_min", "available_fte", "shortfall_fte",
        "yearly_cost", "over_count", "average_fte_caseload")


def scenario_texts(lang: str) -> dict[str, str]:
    """The section's texts in ``lang``."""
    gettext = translator(lang).gettext
    return {key: gettext(text) for key, text in TEXTS.items()}


def chosen_names(team: Team, chosen: tuple[str, ...] | None) -> list[str]:
    """The scenarios the memo shows: ``chosen`` (None: all the team's) that exist, in the team's order."""
    names = [s.name for s in team.scenarios]
    return names if chosen is None else [n for n in names if n in chosen]


def shown_names(builder: MemoBuilder) -> tuple[list[str], int]:
    """(the chosen scenarios the memo shows, how many an anonymised memo leaves out): an anonymised
    memo shows only those whose figures cannot single a person out (``core.anonymise``)."""
    names = chosen_names(builder.team, builder.options.scenarios)
    if not builder.options.anonymise:
        return names, 0
    return shown_scenarios(builder.team, names, builder.summary.as_of)


def memo_comparison(builder: MemoBuilder, names: list[str]) -> Comparison | None:
    """The comparison of ``names`` (``shown_names``) the section shows (the current column measured
    by the memo's norm set), or None."""
    if not names:
        return None
    team = builder.team
    if team.settings.norm_set_id != builder.norm_set.id:
        team = team.copy()
        team.settings.norm_set_id = builder.norm_set.id
    return compare(team, names, builder.summary.as_of, builder.lang)


def scenario_section(builder: MemoBuilder) -> list:
    """The section's flowables; empty when no scenario is chosen."""
    from reportlab.platypus import KeepTogether, Spacer

    names, left_out = shown_names(builder)
    result = memo_comparison(builder, names)
    lang, s, team = builder.lang, builder.styles, builder.team
    t = scenario_texts(lang)
    if result is None:  # an anonymised memo may leave every chosen scenario out: it says so
        return [builder.para(esc(t["h_scenarios"]), s.h2), builder.para(esc(left_out_text(left_out, lang)))] \
            if left_out else []
    anonymise = builder.options.anonymise
    titles = list(result.names)
    if anonymise:  # scenario names may hold names; the sentences name nobody (core.anonymise)
        titles[1:] = [t["scenario"].format(n=i) for i in range(1, len(titles))]
    n = len(titles) - 1
    intro = [ntr(*_INTRO, n, lang).format(n=n, date=long_date(result.as_of, lang)), t["derived"]]
    if len({r.norm_set.kind if r.norm_set.kind in ("ds", "survey") else "custom" for r in result.results}) > 1:
        intro.append(t["mixed"])
    if left_out:
        intro.append(left_out_text(left_out, lang))
    out = [builder.para(esc(t["h_scenarios"]), s.h2), builder.para(esc(" ".join(intro)))]
    bullets = []
    for title, name in zip(titles[1:], result.names[1:], strict=True):
        sentence = memo_sentence(find(team, name), team, lang, anonymous=anonymise)
        p = builder.para(f"<b>{esc(title)}:</b> {esc(sentence)}", s.bullet)
        p.bulletText = "•"
        bullets.append(p)
    blocks = []
    for columns in column_groups(len(titles)):  # the current team, then at most PER_TABLE scenarios
        group_titles = [titles[i] for i in columns]
        figures = [result.figures[i] for i in columns]
        chart = scenario_chart(group_titles, figures, result.labels, FRAME_W, lang)
        blocks.append(KeepTogether([_table(builder, result, group_titles, figures), Spacer(1, 6), chart]))
    # the heading stays with the first description; the descriptions themselves may run over pages
    head = [KeepTogether([*out, *bullets[:1]]), *bullets[1:]]
    source = t["source"]
    if any(f["target_fte"] is not None for f in result.figures):
        source += " " + t["target_source"]
    source += unproven_text(result, titles, lang)
    return [*head, *blocks, builder.para(esc(source), s.small)]


def unproven_text(result: Comparison, titles: list[str], lang: str) -> str:
    """" I Scenarie 2 er …": the variants whose hand-over of absent colleagues' cases the time
    budget cut short (``VariantResult.redistribution_proven``), or "" when every one is proven."""
    from sagstal_desktop.core.scenarios import REDISTRIBUTION_TIME_LIMIT
    from sagstal_desktop.report.texts import join_names

    t = scenario_texts(lang)
    parts = []
    for key in ("unproven", "unproven_top"):
        names = [title for title, r in zip(titles, result.results, strict=True)
                 if not r.redistribution_proven and (r.redistribution_levels >= 1) == (key == "unproven")]
        if names:
            parts.append(" " + t[key].format(names=join_names(names, lang),
                                             seconds=format_number(REDISTRIBUTION_TIME_LIMIT, 0, lang)))
    return "".join(parts)


#: Changes a scenario's description in the memo names one by one; more are counted (a scenario
#: with 1,000 absences is one line, not pages of names that take reportlab minutes to lay out).
MAX_PARTS = 12
_MORE_PARTS = Nn_("and {n} more change", "and {n} more changes")


def memo_sentence(scenario, team: Team, lang: str, name_of=None, anonymous: bool = False) -> str:
    """``describe``'s sentence with at most ``MAX_PARTS`` changes named, then how many more
    (``anonymous``: nobody named, dated or given hours, as ``describe``)."""
    parts = scenario_parts(scenario, team, lang, name_of, anonymous=anonymous)
    if len(parts) <= MAX_PARTS:
        return describe(scenario, team, lang, name_of, anonymous=anonymous)
    more = len(parts) - MAX_PARTS
    text = "; ".join([*parts[:MAX_PARTS], ntr(*_MORE_PARTS, more, lang).format(n=format_number(more, 0, lang))])
    return text[:1].upper() + text[1:] + "."


#: Scenarios per table (and chart) in the memo: with the current team, six columns fit the page's
#: width; more scenarios continue in further tables, each beginning with the current team again.
PER_TABLE = 5


def column_groups(columns: int) -> list[list[int]]:
    """The variants' columns (0 = the current team) laid out as tables: column 0 and at most
    ``PER_TABLE`` scenarios in each."""
    scenarios = list(range(1, columns))
    return [[0, *scenarios[i:i + PER_TABLE]] for i in range(0, len(scenarios), PER_TABLE)] or [[0]]


#: Figures in FTE: two decimals, as the memo's summary gives them ("6,75", "overskud 0,16").
FTE_KEYS = frozenset({"fte_needed_max", "fte_needed_mid", "fte_needed_min", "available_fte", "shortfall_fte",
                      "target_fte", "target_extra_fte"})


def cell_text(key: str, value: object, lang: str) -> str:
    """One figure as the table shows it: FTE with two decimals (as in the summary), caseloads with one."""
    from sagstal_desktop.core.formatting import format_number

    if value is None:
        return "–"
    if key == "norm_set":
        return str(value)
    if key in ("yearly_cost", "target_yearly_cost"):
        return format_dkk(float(value), lang)
    if key == "over_count":
        return str(value)
    return format_number(float(value), 2 if key in FTE_KEYS else 1, lang)


def _table(builder: MemoBuilder, result: Comparison, titles: list[str], figures: list[dict]):
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    s = builder.styles
    right = ParagraphStyle("cell_right", parent=s.cell, alignment=TA_RIGHT)
    rows = list(ROWS)
    if any(f["cases_without_caseworker"] for f in figures):
        rows.append("cases_without_caseworker")
    if any(f["target_fte"] is not None for f in figures):  # the target scenario's own result
        rows += ["target_fte", "target_extra_fte", "target_yearly_cost"]
    data = [[builder.para("", s.head), *(builder.para(esc(title), s.head_r) for title in titles)]]
    for key in rows:
        data.append([builder.para(esc(result.labels[key]), s.cell),
                     *(builder.para(esc(cell_text(key, f[key], builder.lang)), right) if key == "norm_set"
                       else cell_text(key, f[key], builder.lang) for f in figures)])
    first = mm(66)
    widths = [first] + [(FRAME_W - first) / len(titles)] * len(titles)
    return builder.table(data, widths, builder.grid_style(len(data)))
