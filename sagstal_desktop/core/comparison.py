"""The figures that compare the current team with scenarios, side by side.

Every figure is computed here from ``core.load.summarize`` on each variant (through
``core.scenarios.evaluate``), so each column equals the summary of that variant alone; the
table layer (``io/compare_table.py``) only lays them out. Row names take the measure's words
from ``core/wording.py``: when the variants are measured against norm sets of different kinds
(DS's own and a municipal ceiling), the rows say "normsættets maksimum", never "DS' maksimum".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sagstal_desktop.core import wording
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.scenarios import VariantResult, evaluate, evaluate_scenario, find
from sagstal_desktop.i18n import N_, tr

#: The compared figures, in the table's order.
FIGURE_KEYS = (
    "norm_set", "fte_needed_max", "fte_needed_mid", "fte_needed_min", "available_fte", "shortfall_fte",
    "yearly_cost", "over_count", "average_fte_caseload", "cases_without_caseworker", "absent_count",
    "target_fte", "target_extra_fte", "target_yearly_cost",
)
_LABELS = {
    "norm_set": N_("Norm set"), "fte_needed_max": N_("FTE needed at <max>"),
    "fte_needed_mid": N_("FTE needed at <mid>"), "fte_needed_min": N_("FTE needed at <min>"),
    "available_fte": N_("Available casework FTE"), "shortfall_fte": N_("Shortfall in FTE at <max> (minus: surplus)"),
    "yearly_cost": N_("Yearly cost (at <max>)"), "over_count": N_("Staff over <max>"),
    "average_fte_caseload": N_("Average FTE caseload"), "cases_without_caseworker": N_("Cases without a caseworker"),
    "absent_count": N_("Absent / vacant"), "target_extra_fte": N_("Extra FTE at the target caseload (minus: surplus)"),
    "target_fte": N_("FTE needed at the target caseload"),
    "target_yearly_cost": N_("Yearly cost of the extra FTE at the target caseload"),
    "current": N_("Current team"), "load": N_("Load in % of <max>"),
}


def figures(result: VariantResult, lang: str = "da") -> dict[str, object]:
    """One variant's figures (FIGURE_KEYS): numbers, or None where there is none."""
    summary = result.summary
    return {
        "norm_set": result.norm_set.short_name(lang) or result.norm_set.name(lang),
        "fte_needed_max": summary.fte_needed_max,
        "fte_needed_mid": summary.fte_needed_mid,
        "fte_needed_min": summary.fte_needed_min,
        "available_fte": summary.available_fte,
        "shortfall_fte": summary.shortfall("max"),
        "yearly_cost": summary.yearly_cost("max"),
        "over_count": summary.over_count,
        "average_fte_caseload": summary.average_fte_caseload,
        "cases_without_caseworker": result.cases_without_caseworker,
        "absent_count": len(result.absent),
        "target_fte": None if result.target is None else result.target.fte_at_target,
        "target_extra_fte": None if result.target is None else result.target.extra_fte,
        "target_yearly_cost": None if result.target is None else result.target.yearly_cost,
    }


@dataclass(frozen=True)
class PersonRow:
    """One person's load (fraction of the maximum; None: not computable or not in the variant)
    in each variant, and in which variants the person is away."""

    member_id: str
    name: str
    loads: tuple[float | None, ...]
    absent: tuple[bool, ...]


@dataclass(frozen=True)
class Comparison:
    """The current team and scenarios computed on one date."""

    as_of: date
    names: tuple[str, ...]  # column titles: the current team first
    results: tuple[VariantResult, ...]
    figures: tuple[dict[str, object], ...]
    labels: dict[str, str]  # FIGURE_KEYS -> row name, plus "load" (the persons' table)
    persons: tuple[PersonRow, ...]


def labels_for(results: Sequence[VariantResult], lang: str = "da") -> dict[str, str]:
    """Row names worded by the variants' norm sets (one kind: its words; mixed: the set's own)."""
    kinds = {wording.kind_of(r.norm_set) for r in results}
    measure = results[0].norm_set if len(kinds) == 1 else "custom"
    return {key: wording.fill(tr(text, lang), measure, lang) for key, text in _LABELS.items()}


def person_rows(results: Sequence[VariantResult]) -> tuple[PersonRow, ...]:
    """Everyone in any variant, in order of first appearance."""
    order: dict[str, str] = {}
    for result in results:
        for member in result.team.staff:
            order.setdefault(member.id, member.name)
    by_variant = [dict(zip(r.summary.persons.column("member_id"), r.summary.persons.column("load_max"),
                           strict=True)) for r in results]
    return tuple(
        PersonRow(member_id, name, tuple(loads.get(member_id) for loads in by_variant),
                  tuple(member_id in r.absent for r in results))
        for member_id, name in order.items()
    )


def compare(team: Team, scenario_names: Sequence[str] | None = None, as_of: date | None = None,
            lang: str = "da") -> Comparison:
    """The current team and the named scenarios (default: all) on ``as_of`` (default: today)."""
    as_of = as_of or date.today()
    chosen = [find(team, n) for n in scenario_names] if scenario_names is not None else list(team.scenarios)
    results = (evaluate(team, as_of), *(evaluate_scenario(s, team, as_of) for s in chosen))
    labels = labels_for(results, lang)
    names = (labels["current"], *(s.name for s in chosen))
    return Comparison(as_of, names, results, tuple(figures(r, lang) for r in results), labels, person_rows(results))
