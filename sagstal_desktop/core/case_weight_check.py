"""How much a case-weighted conclusion rests on the team's choice (issue 27): who would change
status if every point moved by ``case_weight_sensitivity_step`` (points mode), or if the cases
not assessed were all of the most or all of the least demanding level."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from sagstal_desktop.core.case_weight import ENKEL, LEVELS, NOT_ASSESSED, SAERLIGT, Weighting, level_totals
from sagstal_desktop.core.defaults import defaults
from sagstal_desktop.core.load import TeamSummary, summarize
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet


def sensitivity_step() -> float:
    return float(defaults()["case_weight_sensitivity_step"])


@dataclass(frozen=True)
class Sensitivity:
    """Staff whose status would change (None: the check does not apply)."""

    step: float
    points_switch: int | None  # every point moved up by ``step``, or down (points mode only)
    unassessed_cases: int
    unassessed_switch: int | None  # the cases not assessed all særligt komplicerede, or all enkle


def _statuses(team: Team, weighting: Weighting, as_of: date, norm_set: NormSet) -> list:
    variant = team.copy()
    variant.settings = dataclasses.replace(team.settings, weighting=weighting)
    return summarize(variant, as_of, norm_set).persons.column("status")


def _switching(base: list, *variants: list) -> int:
    return sum(1 for i, status in enumerate(base) if any(v[i] is not status for v in variants))


def moved_points(weighting: Weighting, step: float) -> tuple[Weighting, Weighting]:
    """The weighting with every point ``step`` higher, and ``step`` lower (a point at or below
    ``step`` stays: points must stay above 0)."""
    up = tuple(p + step for p in weighting.points)
    down = tuple(p - step if p > step else p for p in weighting.points)
    return weighting.with_points(up), weighting.with_points(down)


def extreme_levels(weighting: Weighting) -> tuple[str, str]:
    """The most and the least demanding level: by the points in points mode (the first of
    equals), else særligt kompliceret (measured against the minimum) and enkel (the maximum)."""
    if weighting.mode != "points":
        return SAERLIGT, ENKEL
    by_points = weighting.points_by_level()
    return max(LEVELS, key=by_points.__getitem__), min(LEVELS, key=by_points.__getitem__)


def sensitivity(team: Team, summary: TeamSummary, norm_set: NormSet) -> Sensitivity:
    """The check for ``team`` as ``summary`` measured it (with the team's weighting on)."""
    weighting, as_of = team.settings.weighting, summary.as_of
    base = summary.persons.column("status")
    step = sensitivity_step()
    points_switch = None
    if weighting.mode == "points":
        up, down = moved_points(weighting, step)
        points_switch = _switching(base, _statuses(team, up, as_of, norm_set), _statuses(team, down, as_of, norm_set))
    unassessed = level_totals(team.staff)[NOT_ASSESSED]
    unassessed_switch = None
    if unassessed:
        heaviest, lightest = (dataclasses.replace(weighting, default_level=level)
                              for level in extreme_levels(weighting))
        unassessed_switch = _switching(base, _statuses(team, heaviest, as_of, norm_set),
                                       _statuses(team, lightest, as_of, norm_set))
    return Sensitivity(step, points_switch, unassessed, unassessed_switch)


