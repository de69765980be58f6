"""Small teams for the planning tests, and brute-force optima to hold the planner to."""

from __future__ import annotations

import itertools
from datetime import date

from hypothesis import strategies as st

from sagstal_desktop.core.competences import CompetenceRule
from sagstal_desktop.core.load import summarize
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings

AS_OF = date(2026, 11, 22)
TYPES = ("sygedagpenge", "jobafklaring")  # ds_2020: DS maximum 50 and 45


def vector(loads) -> tuple[float, ...]:
    """Computable loads, highest first, rounded for comparison."""
    return tuple(round(x, 9) for x in sorted((x for x in loads if x is not None), reverse=True))


def team_loads(team: Team) -> list[float | None]:
    return list(summarize(team, AS_OF).persons.column("load_max"))


@st.composite
def small_teams(draw, max_people: int = 6, max_cases: int = 40) -> Team:
    staff = []
    for i in range(draw(st.integers(1, max_people))):
        hours = draw(st.sampled_from([37.0, 37.0, 30.0, 25.0, 0.0]))
        counts = {t: draw(st.integers(0, max_cases)) for t in TYPES}
        competences = draw(st.sampled_from([(), (), ("sygedagpenge",), ("jobafklaring",), TYPES]))
        staff.append(StaffMember(f"P{i}", weekly_hours=hours, counts=counts, competences=competences,
                                 takes_new_cases=draw(st.sampled_from([True, True, True, False]))))
    return Team(settings=TeamSettings(norm_set_id="ds_2020"), staff=staff)


def _compositions(total: int, parts: int):
    if parts == 0:
        if total == 0:
            yield ()
        return
    for first in range(total + 1):
        for rest in _compositions(total - first, parts - 1):
            yield (first, *rest)


def receivers(team: Team, case_type: str) -> list[int]:
    rule = CompetenceRule(team, team.norm_set())
    computable = [r.computable for r in summarize(team, AS_OF).persons]
    return [i for i, m in enumerate(team.staff) if computable[i] and rule.may_receive(m, case_type)]


def brute_force_distribution(team: Team, incoming: dict[str, int]) -> tuple[float, ...] | None:
    """The leximin-best sorted load vector over every allocation (None: none possible)."""
    summary = summarize(team, AS_OF)
    norm_set = team.norm_set()
    base = [r.load_max for r in summary.persons]
    capacity = [r.capacity for r in summary.persons]
    options = []
    for case_type, cases in incoming.items():
        who = receivers(team, case_type)
        if cases and not who:
            return None
        step = 1.0 / norm_set.norm_for(case_type).max
        options.append([(who, split, step) for split in _compositions(cases, len(who))])
    best = None
    for choice in itertools.product(*options):
        loads = list(base)
        for who, split, step in choice:
            for i, n in zip(who, split, strict=True):
                loads[i] += n * step / capacity[i]
        key = vector(loads)
        if best is None or key < best:
            best = key
    return best


def brute_force_rebalance(team: Team, max_moves: int, aim: str = "even") -> tuple:
    """The best (sorted load vector, moved cases) over every reachable set of counts; for the
    aim "fewest-over" the best (staff over the maximum, sorted load vector, moved cases)."""
    summary = summarize(team, AS_OF)
    norm_set = team.norm_set()
    capacity = [r.capacity for r in summary.persons]
    computable = [r.computable for r in summary.persons]
    per_type = []
    for case_type in TYPES:
        takers = set(receivers(team, case_type))
        held = [m.counts.get(case_type, 0) for m in team.staff]
        movable = [i for i in range(len(team.staff)) if computable[i]]
        total = sum(held[i] for i in movable)
        finals = []
        for split in _compositions(total, len(movable)):
            final = list(held)
            ok = True
            for i, n in zip(movable, split, strict=True):
                if n > held[i] and i not in takers:
                    ok = False
                    break
                final[i] = n
            if ok:
                finals.append((final, sum(max(0, held[i] - final[i]) for i in movable)))
        per_type.append((case_type, finals))
    best = None
    for choice in itertools.product(*(finals for _t, finals in per_type)):
        moved = sum(m for _f, m in choice)
        if moved > max_moves:
            continue
        loads = []
        for i in range(len(team.staff)):
            if not computable[i]:
                loads.append(None)
                continue
            work = sum(final[i] / norm_set.norm_for(t).max for (t, _), (final, _m) in zip(per_type, choice,
                                                                                           strict=True))
            loads.append(work / capacity[i])
        key = (vector(loads), moved)
        if aim == "fewest-over":
            key = (sum(1 for x in loads if x is not None and x > 1.0 + 1e-9), *key)
        if best is None or key < best:
            best = key
    return best


def generated_team(staff: int, seed: int = 7) -> Team:
    """The benchmark's generated team (bench/bench_planning.py): ``staff`` people in 2-3 of 10
    areas at 60-130 % of DS's maximum, mixed competences, some taking no new cases."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "bench_planning.py"
    spec = importlib.util.spec_from_file_location("bench_planning", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_team(staff, seed)


def _level_shares(pool: dict[str, int], needs: list[int]):
    """Every way to hand the cases of ``pool`` (level -> n) to receivers needing ``needs`` cases:
    per receiver, level -> n."""
    levels = sorted(pool)
    if not levels:
        if not any(needs):
            yield [{} for _ in needs]
        return
    first, rest = levels[0], {lv: n for lv, n in pool.items() if lv != levels[0]}
    for split in _compositions(pool[first], len(needs)):
        if any(k > need for k, need in zip(split, needs, strict=True)):
            continue
        for tail in _level_shares(rest, [need - k for k, need in zip(split, needs, strict=True)]):
            yield [{**({first: k} if k else {}), **t} for k, t in zip(split, tail, strict=True)]


def brute_force_rebalance_levels(team: Team, max_moves: int, aim: str = "even") -> tuple:
    """As ``brute_force_rebalance``, with the cases' levels: for every reachable set of counts
    the cases that leave each giver are those ``core.case_weight.move_cases`` moves (the
    not-assessed ones first, then the assessed ones in the order of the levels), and every way
    of handing them to the receivers (who keep each case's level) is tried; loads by
    ``core.load`` with the team's case weight. The best (sorted load vector, moved cases); for
    the aim "fewest-over" the best (staff over the maximum, sorted load vector, moved cases)."""
    from types import SimpleNamespace

    from sagstal_desktop.core.case_weight import add_at_level, first_moving, move_cases
    from sagstal_desktop.core.planning.distribute import light_copy

    summary = summarize(team, AS_OF)
    computable = [r.computable for r in summary.persons]
    types = sorted({t for m in team.staff for t, n in m.counts.items() if n})
    per_type = []
    for case_type in types:
        takers = set(receivers(team, case_type))
        held = [m.counts.get(case_type, 0) for m in team.staff]
        movable = [i for i in range(len(team.staff)) if computable[i]]
        finals = []
        for split in _compositions(sum(held[i] for i in movable), len(movable)):
            final = list(held)
            for i, n in zip(movable, split, strict=True):
                final[i] = n
            if any(final[i] > held[i] and i not in takers for i in movable):
                continue
            moved = sum(max(0, held[i] - final[i]) for i in movable)
            if moved > max_moves:
                continue
            pool: dict[str, int] = {}
            for i in movable:
                if final[i] < held[i]:
                    member = team.staff[i]
                    for level, k in first_moving(member.levels, case_type, held[i], held[i] - final[i]).items():
                        pool[level] = pool.get(level, 0) + k
            gainers = [i for i in movable if final[i] > held[i]]
            for shares in _level_shares(pool, [final[i] - held[i] for i in gainers]):
                finals.append((final, moved, list(zip(gainers, shares, strict=True))))
        per_type.append((case_type, held, finals))
    best = None
    for choice in itertools.product(*(finals for _t, _h, finals in per_type)):
        moved = sum(m for _f, m, _s in choice)
        if moved > max_moves:
            continue
        after = light_copy(team)
        for (case_type, held, _finals), (final, _m, shares) in zip(per_type, choice, strict=True):
            sink = SimpleNamespace(counts={}, levels={})
            for i, member in enumerate(after.staff):
                if final[i] < held[i]:
                    move_cases(member, sink, case_type, held[i] - final[i])
            for i, share in shares:
                member = after.staff[i]
                member.counts[case_type] = final[i]
                for level, k in share.items():
                    add_at_level(member.levels, case_type, None if level == "ikke_vurderet" else level, k)
        loads = team_loads(after)
        key = (vector(loads), moved)
        if aim == "fewest-over":
            key = (sum(1 for x in loads if x is not None and x > 1.0 + 1e-9), *key)
        if best is None or key < best:
            best = key
    return best
