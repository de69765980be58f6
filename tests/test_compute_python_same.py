"""The plain-Python computation (``core.load._compute_people_python``) against the code it
replaced, a person and a case type at a time: the same figures to the last bit (floats compared
by their exact value and sign), the same cases per type in the same key order."""

from __future__ import annotations

import math
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from sagstal_desktop.core.load import (
    _ROW_FIELDS,
    _STATUS_BY_CODE,
    EPSILON,
    HOURS_EPSILON,
    PersonResult,
    PersonResults,
    _compute_people_python,
    _Computed,
    _newcomer_flags,
    _same_unweighted,
    _Weights,
)
from sagstal_desktop.core.model import StaffMember, TeamSettings
from sagstal_desktop.core.norms import find_norm_set

DAY = date(2026, 11, 22)
NORMS = find_norm_set("ds_2020")
#: Types the set measures, and two it cannot (uncovered)
TYPES = [t for t in ("sygedagpenge", "ressourceforloeb", "jobafklaring", "born_familie", "voksenpsykiatri")
         if NORMS.norm_for(t) is not None] + ["ukendt_a", "ukendt_b"]


# The code before: one person and one case type at a time (the commit before this test).
def reference(
    staff: list[StaffMember], weights: _Weights, settings: TeamSettings, as_of: date
) -> _Computed:
    fth = weights.norm_set.full_time_hours
    keep = 1.0 - settings.newcomer_reduction
    columns: dict[str, list] = {name: [] for name in PersonResult._fields}
    totals: dict[str, int] = {}
    uncovered: dict[str, int] = {}
    status_counts = [0] * len(_STATUS_BY_CODE)
    available = total_capacity = casework_hours = 0.0
    total_cases = 0
    rows: list[tuple] = []
    for person, newcomer in zip(staff, _newcomer_flags(staff, settings, as_of), strict=True):
        weighted_max = weighted_min = 0.0
        total = unc = 0
        for case_type, n in person.counts.items():
            if not n:
                continue
            total += n
            norm = weights.norm(case_type)
            target = uncovered if norm is None else totals
            target[case_type] = target.get(case_type, 0) + n
            if norm is None:
                unc += n
            else:
                weighted_max += n / norm.max
                weighted_min += n / norm.min
        hours = person.casework_hours_on(as_of) if person.reductions else person.casework_hours
        if 0 < hours <= HOURS_EPSILON:
            hours = 0.0
        capacity = hours / fth * (keep if newcomer else 1.0) if hours > 0 else 0.0
        if capacity > 0:
            load_max, load_min = weighted_max / capacity, weighted_min / capacity
            if total and unc == total:
                code = 5
            elif load_max > 1.0 + EPSILON:
                code = 2
            elif unc:
                code = 4
            else:
                code = 0 if load_min < 1.0 - EPSILON else 1
        else:
            load_max = load_min = None
            code = 3
        measured = capacity * (total - unc) / total if total else capacity
        status_counts[code] += 1
        available += measured
        total_capacity += capacity
        total_cases += total
        if hours > 0:
            casework_hours += hours
        rows.append((person.id, person.name, person.weekly_hours, max(hours, 0.0), newcomer, capacity, measured,
                     total, unc, weighted_max, weighted_min, total * fth / hours if hours > 0 else None,
                     load_max, load_min, _STATUS_BY_CODE[code]))
    for name, column in zip(_ROW_FIELDS, zip(*rows, strict=True) if rows else [()] * len(_ROW_FIELDS), strict=True):
        columns[name].extend(column)  # one row per person, turned into columns at once
    _same_unweighted(columns)
    return _Computed(PersonResults(columns), totals, uncovered, available, casework_hours, total_cases,
                     status_counts, total_capacity)


def same(a, b) -> bool:
    """Equal to the last bit: floats by value and sign (and both NaN or neither), other values by
    ==, and of the same type."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
    return a == b


def members():
    counts = st.lists(st.tuples(st.sampled_from(TYPES), st.integers(0, 400)), max_size=7).map(dict)
    return st.builds(
        lambda c, hours, other, start, order: StaffMember(
            name="X", weekly_hours=hours, other_hours=other, start_date=start,
            counts=dict(sorted(c.items(), reverse=order))),
        counts, st.floats(0, 60, allow_nan=False) | st.sampled_from([37.0, 0.0, 1e-7]),
        st.floats(0, 40, allow_nan=False) | st.just(0.0),
        st.none() | st.dates(date(2025, 1, 1), date(2027, 1, 1)), st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.lists(members(), max_size=25), st.floats(0, 0.9), st.integers(0, 12), st.booleans())
def test_the_same_figures_as_a_person_and_a_type_at_a_time(staff, reduction, months, same_layout):
    if same_layout and staff:  # most teams: every person lists the same types in the same order
        layout = list(staff[0].counts)
        for m in staff:
            m.counts = {t: m.counts.get(t, 3) for t in layout}
    team_settings = TeamSettings(newcomer_reduction=reduction, newcomer_months=months)
    new = _compute_people_python(staff, _Weights(NORMS), team_settings, DAY)
    old = reference(staff, _Weights(NORMS), team_settings, DAY)
    for name in PersonResult._fields:
        a, b = new.persons.column(name), old.persons.column(name)
        assert len(a) == len(b) and all(map(same, a, b)), name
    assert list(new.totals.items()) == list(old.totals.items())
    assert list(new.uncovered.items()) == list(old.uncovered.items())
    for name in ("available_fte", "casework_hours", "total_cases", "total_capacity"):
        assert same(getattr(new, name), getattr(old, name)), name
    assert new.status_counts == old.status_counts
