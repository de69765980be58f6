"""The memo's own words: English msgids by key, translated through the one text layer.

The memo renders in a language chosen per call (``lang``), so ``texts(lang, norm_set)`` translates
the whole table with ``i18n.translator(lang)``; the Danish lives in ``translations/da.po`` like
every other string. The measure is named by the norm set's kind: the placeholders ``<max>``,
``<Max>``, ``<mid>``, ``<min>``, ``<range>``, ``<range_of>``, ``<max_short>``, ``<min_short>`` in a
msgid or msgstr are filled by ``core.wording.fill`` ("DS' maksimum" for DS's sets, "normsættets
maksimum" for others). ``{name}`` fields are filled with ``str.format``; numbers and dates are
formatted by the caller with ``core.formatting``. Texts whose wording depends on a count are in
``PLURALS`` (``plural(key, n, lang, norm_set)``); a status is worded by ``core.wording``, as
everywhere else.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from sagstal_desktop.core.anonymise import staff_label, staff_letters  # noqa: F401  (re-exported)
from sagstal_desktop.core.formatting import format_long_date
from sagstal_desktop.i18n import LANGUAGES, N_, NP_, Nn_, translator

TEXTS: dict[str, str] = {
    "title": N_("Memo on caseloads and staffing"),
    "municipality": N_("Municipality"),
    "department": N_("Department"),
    "team": N_("Team"),
    "date": N_("As of"),
    "author": N_("Prepared by"),
    "norm_set": N_("Measured against"),
    "role_team_leader": N_("Team leader"),
    "role_tr": N_("Union representative (TR)"),
    "role_other": N_("Other"),
    "anonymised_note": N_("Staff are anonymised for readers who know the team: labels (Staff member A, B, …) "
                          "are drawn afresh for this memo; per person only the load band and the status are "
                          "shown, no cases, hours, FTE, start dates or newcomer status; scenarios name no one."),
    "h_summary": N_("Summary"),
    "conclusion_over": N_("{over} of {computable} staff hold more cases than <max> for their casework hours."),
    "conclusion_none_over": N_("None of the {computable} staff holds more cases than <max> for their casework "
                               "hours."),
    "conclusion_need": N_("For all of the team's {cases} cases to lie within <max>, the team needs {need} "
                          "casework FTE; it has {available}."),
    "conclusion_need_measured": N_("For the team's {cases} cases with a norm to lie within <max>, the team "
                                   "needs {need} casework FTE; for them it has {available}."),
    "conclusion_need_mid": N_("At <mid> it needs {need} FTE."),
    "cases_total": N_("Total cases"),
    "uncovered_suffix": N_("of which {n} with no norm in the set"),
    "available_fte": N_("Available casework FTE"),
    "fte_needed": N_("FTE needed"),
    "shortfall_row": N_("Shortfall / surplus"),
    "shortfall": N_("short {n}"),
    "surplus": N_("surplus {n}"),
    "balanced": N_("balanced"),
    "yearly_cost": N_("Yearly cost of the shortfall"),
    "over_max": N_("Staff over <max>"),
    "n_of_n": N_("{n} of {total}"),
    "avg_caseload": N_("Average full-time-equivalent caseload"),
    "against_range": N_("{value} (<range> for the team's cases: {range})"),
    "cost_per_fte": N_("Cost per FTE"),
    "h_chart": N_("Load per person"),
    "chart_caption": N_("Each person's caseload as a percentage of <max> for their casework hours. 100% = "
                        "exactly <max>. The dashed line shows <min> for the team's mix of cases ({min_level}; "
                        "Sagstal's calculation: FTE needed at <max> / FTE needed at <min>)."),
    "chart_sorted": N_("Staff sorted by load"),
    "chart_line_max": N_("<max_short> 100%"),
    "chart_line_min": N_("<min_short> {pct}"),
    "chart_unmeasured": N_("Staff with no norm for any of their cases ({n}) are not shown."),
    "h_staff": N_("Staff"),
    "col_name": N_("Name"),
    "col_hours": N_("Hours per week"),
    "col_other": N_("Other hours"),
    "col_total": N_("Total cases"),
    "col_load": N_("Load"),
    "col_status": N_("Status"),
    "col_uncovered": N_("No norm"),
    "status_unmeasured_count": N_("{status} ({n})"),
    "staff_note_unmeasured": N_("Number in brackets after the status: cases with no norm in the set (not part "
                                "of the load)."),
    "available_fte_measured": N_("Casework FTE for cases with a norm"),
    "status_total": N_("{n} over"),
    "staff_note": N_("Casework FTE: casework hours as full-time positions of {fth} hours. FTE caseload: cases × "
                     "{fth} / casework hours. Load: the caseload as a percentage of <max> for the person's "
                     "casework hours. {newcomer}"),
    "newcomer_note": N_("* Newcomer: casework capacity reduced by {reduction} for the first {months} months."),
    "h_national": N_("National figures from DS's 2023 survey"),
    "national_intro": N_("In {period} DS asked its union representatives in the municipalities about caseloads "
                         "({answered} of {sent} answered, {municipalities} municipalities). The figures are "
                         "averages per workplace, not per person, and are not adjusted for hours. Figures for "
                         "the team's areas:"),
    "nat_area": N_("Area"),
    "nat_answers": N_("TR answers"),
    "nat_avg": N_("Avg. caseload 2023 (2019)"),
    "nat_too_high": N_("TR: caseload too high"),
    "nat_assessed": N_("Assessed caseload"),
    "nat_range": N_("DS range 2023"),
    "nat_within": N_("Workplaces within DS max"),
    "nat_newer": N_("DS newer range"),
    "nat_same": N_("unchanged"),
    "nat_overall": N_("Across all areas {within} of {answers} answers were within DS's recommended caseloads "
                      "({pct}; {pct_2019} in 2019)."),
    "h_budget": N_("Budget"),
    "budget_intro": N_("Sagstal's calculation: the cost of closing the team's shortfall of FTE (above) at a cost "
                       "per FTE of {cost}{cost_source}, the shortfall × the cost per FTE in DKK 1,000 a year. "
                       "Amounts are at the price level of the cost per FTE. The rows are alternatives and are not "
                       "to be added up."),
    "budget_cost_source": N_(" ({source})"),
    "budget_unit": N_("DKK 1,000"),
    "budget_row": N_("Staffing at {level} (+{fte} FTE)"),
    "budget_total": N_("Total"),
    "budget_none": N_("The team has no shortfall at <max>, <mid> or <min>; there is no budget need."),
    "budget_bi08": N_("For comparison: in budget proposal BI08 the City of Copenhagen proposed {yearly} (DKK "
                      "1,000, {price_level}) a year in {first}-{last}, {total} in all, to bring caseloads in "
                      "sickness benefit and job clarification from about {current} down to {target} cases (DS: "
                      "{range}). The proposal states no number of positions and no cost per position."),
    "h_references": N_("Caseloads in other projects"),
    "ref_intro": N_("Among others, the source names {documented} as projects that limited caseloads and achieved "
                    "a positive effect. {ongoing} are ongoing projects that the source names for their limited "
                    "caseloads; it reports no effect of them."),
    "ref_group_documented": N_("Positive effect reported by the source (among others)"),
    "ref_group_ongoing": N_("Ongoing projects"),
    "and": N_("and"),
    "ref_project": N_("Project"),
    "ref_role": N_("Role"),
    "ref_caseload": N_("Caseload"),
    "ref_effect": N_("Effect"),
    "h_method": N_("Assumptions and method"),
    "m_norm_set": N_("Norm set: {name}. {description}"),
    "m_full_time": N_("One FTE is a full-time position of {fth} hours a week."),
    "m_capacity": N_("Casework capacity (FTE): c = (weekly hours − hours on other tasks) / {fth}. Subtracting "
                     "the hours on other tasks (such as projects, further training or union work) is Sagstal's "
                     "method: DS recommends fewer cases for staff on reduced hours, with tasks other than casework "
                     "or in further training, and says nothing about deducting hours."),
    "m_newcomer": N_("Newcomers: c is reduced by {reduction} for the first {months} months after they start. DS "
                     "recommends a lower caseload for about 6 months without saying how much lower; the "
                     "reduction is a local assumption."),
    "m_load": N_("Load against <max>: L = Σ n_t / max_t / c, where n_t is the person's cases of type t. L = "
                 "100% is exactly <max>; above 100% is over <range_of>. Below <min>: Σ n_t / min_t / c below "
                 "100%."),
    "m_ftecl": N_("FTE caseload: total cases × {fth} / casework hours."),
    "m_team": N_("FTE needed: Σ N_t / max_t (likewise at the minimum and the midpoint), where N_t is the team's "
                 "cases of type t. Shortfall = FTE needed − available casework FTE."),
    "m_cost": N_("Yearly cost = shortfall × cost per FTE ({cost}){source}."),
    "m_no_cost": N_("No cost per FTE has been entered, so no cost is computed."),
    "m_caveat": N_("DS's ranges assume normal conditions (no long-term sick leave, parental leave without a "
                   "substitute or vacant positions) and do not tell everything: the weight of the cases and the "
                   "organisation matter too."),
    "m_pro_rata": N_("Reducing the caseload in proportion to hours is the method's assumption: DS says staff "
                     "with reduced hours or other tasks should have fewer cases, not how many fewer."),
    "m_national": N_("National figures are averages per workplace reported by union representatives; they do "
                     "not describe individual staff and are not adjusted for hours."),
    "m_minimum": N_("<Min> is the low end of a range, not a staffing demand. The headline is FTE at <max>; the "
                    "midpoint and the minimum are shown as a range."),
    "m_fleksjob": N_("At the time of DS's 2023 survey, flexi-jobs had no DS range of their own; DS named only the "
                     "area of resource programmes, disability pension assessment and flexi-jobs as a whole, whose "
                     "range this norm set uses for the team's flexi-job cases."),
    "h_norms": N_("Norms for the team's cases"),
    "norm_type": N_("Case type"),
    "norm_cases": N_("Team's cases"),
    "norm_range": N_("Range"),
    "norm_need": N_("FTE at max"),
    "norm_inherited_from": N_("(inherited from {group}; no figure of its own)"),
    "norm_source": N_("Source"),
    "h_sources": N_("Sources"),
    "source_line": N_("Source: {refs}"),
    "derived_source": N_("Source: Sagstal's calculation on the team's own figures (cases and hours per staff "
                         "member, as of {date}) and the ranges of {norm_set} {refs}."),
    "derived_summary": N_("Sagstal's calculation: FTE needed = the team's cases of each type / <max> for the type, "
                          "summed (likewise at <mid> and <min>); shortfall = FTE needed − available casework FTE "
                          "(negative: a surplus); <range> for the team's cases = the team's cases / FTE needed at "
                          "<min> and at <max>; "
                          "average FTE caseload = the team's cases × {fth} / casework hours."),
    "derived_cost": N_("Yearly cost = the shortfall × the cost per FTE (0 for a surplus)."),
    "footer_generated": N_("Generated {when} by Sagstal {version}"),
    "page_of": N_("Page {page} of {pages}"),
}

#: A level's name is the set's own term, capitalised (``core.wording``): nothing to translate.
LEVELS: dict[str, str] = {"level_max": "<Max>", "level_mid": "<Mid>", "level_min": "<Min>"}

#: Headers of the memo's narrow staff table: a short or wrappable form of the glossary's term
#: (msgids in the context "memo table"; translations/glossary.json lists them as allowed forms).
TABLE_HEADERS: dict[str, str] = {
    "col_fte": NP_("memo table", "Casework FTE"),
    "col_ftecl": NP_("memo table", "FTE caseload"),
}

PLURALS: dict[str, tuple[str, str]] = {
    "not_computable_note": Nn_("{n} staff member has no casework hours; the load cannot be computed.",
                               "{n} staff members have no casework hours; their load cannot be computed."),
    "chart_not_computable": Nn_("{n} staff member with no casework hours is not shown.",
                                "{n} staff members with no casework hours are not shown."),
    "totals": Nn_("Total ({n} staff member)", "Total ({n} staff)"),
    "m_uncovered": Nn_(
        "{n} case is of a type the norm set does not measure; it counts in the total but not in the load. A person "
        "holding such cases is \"Partly unmeasured\" (or \"Unmeasured\" when no case has a norm), never below the "
        "range, unless the measured cases alone are over. The person's capacity counts for the measured cases only "
        "in proportion to their share of the person's cases (c × cases with a norm / all cases), so unmeasured cases "
        "never make the shortfall look smaller.",
        "{n} cases are of types the norm set does not measure; they count in the total but not in the load. A person "
        "holding such cases is \"Partly unmeasured\" (or \"Unmeasured\" when no case has a norm), never below the "
        "range, unless the measured cases alone are over. The person's capacity counts for the measured cases only "
        "in proportion to their share of the person's cases (c × cases with a norm / all cases), so unmeasured cases "
        "never make the shortfall look smaller."),
}


def _memo_language(lang: str) -> str:
    return lang if lang in LANGUAGES else "da"  # the memo falls back to Danish


def _kind(norm_set) -> str:
    from sagstal_desktop.core.wording import kind_of

    return "ds" if norm_set is None else kind_of(norm_set)


def texts(lang: str, norm_set=None) -> dict[str, str]:
    """The memo's strings in ``lang`` ("da" or "en"; anything else falls back to Danish), with the
    measure named by ``norm_set``'s kind (``<max>`` -> "DS' maksimum" or "normsættets maksimum",
    see ``core.wording``; DS's words when no set is given)."""
    return _texts(_memo_language(lang), _kind(norm_set))


@cache
def _texts(lang: str, kind: str) -> dict[str, str]:
    from sagstal_desktop.core.wording import fill

    catalogue = translator(lang)
    out = {key: catalogue.gettext(message) for key, message in TEXTS.items()}
    out.update(LEVELS)
    out.update({key: catalogue.pgettext("memo table", message) for key, message in TABLE_HEADERS.items()})
    return {key: fill(value, kind, lang) for key, value in out.items()}


def plural(key: str, n: int, lang: str, norm_set=None) -> str:
    """The text ``key`` of ``PLURALS`` for ``n`` in ``lang``, with ``{n}`` left to the caller."""
    from sagstal_desktop.core.wording import fill

    singular, plural_form = PLURALS[key]
    lang = _memo_language(lang)
    return fill(translator(lang).ngettext(singular, plural_form, n), _kind(norm_set), lang)


def long_date(day: date, lang: str) -> str:
    """``22. november 2026`` / ``22 November 2026``."""
    return format_long_date(day, _memo_language(lang))


def join_names(names: list[str], lang: str) -> str:
    """``A``, ``A og B``, ``A, B og C`` (``and`` in English)."""
    word = texts(lang)["and"]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {word} {names[-1]}"
