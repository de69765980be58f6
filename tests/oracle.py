"""A deliberately plain implementation of the load model, straight from the domain brief's
definitions, one case at a time. The tests compare the fast core against it, and
bench/bench_core.py uses it as the baseline."""

from __future__ import annotations

from datetime import date

from sagstal_desktop.core.load import is_newcomer
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet


def oracle_person(member, norm_set: NormSet, settings, as_of: date) -> dict:
    fth = norm_set.full_time_hours
    hours = member.weekly_hours - member.other_hours
    newcomer = is_newcomer(member.start_date, as_of, settings.newcomer_months)
    capacity = hours / fth * ((1 - settings.newcomer_reduction) if newcomer else 1) if hours > 0 else 0.0
    weighted_max = weighted_min = 0.0
    total = uncovered = 0
    for case_type, n in member.counts.items():
        total += n
        norm = norm_set.norm_for(case_type)
        if norm is None:
            uncovered += n
            continue
        weighted_max += n / norm.max
        weighted_min += n / norm.min
    if capacity > 0:
        load_max, load_min = weighted_max / capacity, weighted_min / capacity
        if total > 0 and uncovered == total:
            status = "unmeasured"  # nothing measured: never "below"
        elif load_max > 1 + 1e-9:
            status = "over"  # the measured cases alone are over; unmeasured ones only add
        elif uncovered:
            status = "partly_unmeasured"
        else:
            status = "over" if load_max > 1 + 1e-9 else "below" if load_min < 1 - 1e-9 else "within"
    else:
        load_max = load_min = None
        status = "not_computable"
    # the capacity rule: only the measured share of a person's cases claims their capacity
    measured_capacity = capacity * (total - uncovered) / total if total else capacity
    return {
        "capacity": capacity,
        "measured_capacity": measured_capacity,
        "total": total,
        "uncovered": uncovered,
        "fte_caseload": total * fth / hours if hours > 0 else None,
        "load_max": load_max,
        "load_min": load_min,
        "status": status,
    }


def oracle_team(team: Team, norm_set: NormSet, as_of: date) -> dict:
    persons = [oracle_person(m, norm_set, team.settings, as_of) for m in team.staff]
    need = {"max": 0.0, "mid": 0.0, "min": 0.0}
    for member in team.staff:
        for case_type, n in member.counts.items():
            norm = norm_set.norm_for(case_type)
            if norm is not None:
                need["max"] += n / norm.max
                need["mid"] += n / norm.midpoint
                need["min"] += n / norm.min
    return {
        "persons": persons,
        "available": sum(p["measured_capacity"] for p in persons),
        "total_capacity": sum(p["capacity"] for p in persons),
        "need": need,
        "over": sum(p["status"] == "over" for p in persons),
        "total": sum(p["total"] for p in persons),
    }
