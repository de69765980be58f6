"""The pattern model of distribution (core/planning/patterns.py) against the case-count model
it replaces (``milp.leximin``, still used where the patterns are too many): the same leximin-
optimal loads on random teams with several case types, and a local-
search start that only ever improves."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from planning_helpers import AS_OF, generated_team, vector

from sagstal_desktop.core.planning import distribute
from sagstal_desktop.core.planning import patterns as patterns_module
from sagstal_desktop.core.planning.patterns import Person, improve

TYPES = ("born_familie", "voksenhandicap", "jobparate_o30", "aktivitetsparate_o30", "sygedagpenge")


@pytest.mark.slow
@given(st.integers(4, 24), st.integers(0, 10_000),
       st.fixed_dictionaries({t: st.integers(0, 12) for t in TYPES[:4]}))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_patterns_give_the_case_count_models_optimum(staff, seed, incoming):
    team = generated_team(staff, seed)
    try:
        by_patterns = distribute(team, incoming, AS_OF, exact=True)
    except Exception as error:  # nobody eligible for a type: both models refuse alike
        with pytest.raises(type(error)):
            _plain(team, incoming)
        return
    plain = _plain(team, incoming)
    assert by_patterns.optimal and plain.optimal
    assert vector(by_patterns.loads_after()) == pytest.approx(vector(plain.loads_after()), abs=1e-9)
    for case_type, cases in incoming.items():
        assert sum(a.cases for a in by_patterns.assignments if a.case_type == case_type) == cases


def _plain(team, incoming):
    saved = patterns_module.MAX_PATTERNS
    patterns_module.MAX_PATTERNS = -1  # every team has too many: the case-count model
    try:
        return distribute(team, incoming, AS_OF, exact=True)
    finally:
        patterns_module.MAX_PATTERNS = saved


@given(st.integers(4, 10), st.integers(0, 10_000),
       st.fixed_dictionaries({t: st.integers(0, 8) for t in TYPES[:3]}))
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_patterns_give_the_case_count_models_optimum_small(staff, seed, incoming):
    test_patterns_give_the_case_count_models_optimum.hypothesis.inner_test(staff, seed, incoming)


@pytest.mark.slow
def test_a_team_the_pattern_model_stalls_on_is_proven_by_case_counts():
    """Hypothesis found a 10-person team on which HiGHS stalls on the pattern model for the
    whole 10 s (gap 50 %) while the case-count model proves it in under a second: the pattern
    model has a share of the time, then the case-count model, and the proof is kept."""
    team = generated_team(10, 219)
    incoming = {"born_familie": 12, "voksenhandicap": 10, "jobparate_o30": 12, "aktivitetsparate_o30": 5}
    plan = distribute(team, incoming, AS_OF, exact=True)
    assert plan.optimal and plan.gap == 0
    assert vector(plan.loads_after()) == pytest.approx(vector(_plain(team, incoming).loads_after()), abs=1e-9)


@pytest.mark.slow
def test_the_big_team_is_proven_with_patterns():
    """100 cases of 5 types on the generated 200-person team: proven optimal (the case-count
    model stopped at the 10 s limit with a gap of 1-2 %)."""
    plan = distribute(generated_team(200), dict.fromkeys(TYPES, 20), AS_OF, time_limit=60)
    assert plan.optimal and plan.gap == 0 and plan.levels_proven > 1


@given(st.lists(st.tuples(st.integers(0, 30), st.sampled_from([1.0, 0.8, 0.5]), st.integers(0, 3),
                          st.integers(0, 3)), min_size=2, max_size=6))
@settings(max_examples=60, deadline=None)
def test_local_search_keeps_totals_and_never_worsens(rows):
    """``improve`` moves cases between persons only when the pair's higher load falls: the type
    totals stay, every pattern is the person's own, and the sorted loads never get worse."""
    takes = ((0, 2.0, 3), (1, 3.0, 3))
    persons = [Person(float(base), 10.0 * capacity, True, takes) for base, capacity, _a, _b in rows]
    start = [(a, b) for _base, _c, a, b in rows]
    top = max(p.load(c) for p, c in zip(persons, start, strict=True)) + 1.0
    allowed = [p.patterns(top, 10_000) for p in persons]
    better = improve(persons, allowed, start, deadline=float("inf"))
    assert all(c in mine for c, mine in zip(better, allowed, strict=True))
    assert [sum(c[k] for c in better) for k in (0, 1)] == [sum(c[k] for c in start) for k in (0, 1)]
    loads = vector(p.load(c) for p, c in zip(persons, better, strict=True))
    assert loads <= vector(p.load(c) for p, c in zip(persons, start, strict=True))
