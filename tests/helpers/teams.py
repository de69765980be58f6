"""Large teams for the tests, the same on every run (no unseeded randomness)."""

from __future__ import annotations

import random
from datetime import date

from sagstal_desktop.core.model import StaffMember, Team, TeamSettings

#: A fixed day for everything dated relative to "today" (as ``conftest.TODAY``).
TODAY = date(2026, 11, 22)


def scaled_team(team: Team, size: int, name: str = "{name} {i:04d}") -> Team:
    """A copy of ``team`` with ``size`` staff: its people repeated in turn, numbered by ``name``
    (default "Anne Holm 0012"; ``{name}`` the person's name, ``{i}`` the position)."""
    scaled = team.copy()
    base = team.staff
    scaled.staff = [StaffMember(name=name.format(name=p.name, i=i), weekly_hours=p.weekly_hours,
                                other_hours=p.other_hours, start_date=p.start_date, counts=dict(p.counts))
                    for i, p in ((i, base[i % len(base)]) for i in range(size))]
    return scaled


def big_demo_team(size: int) -> Team:
    """The demo team (as of ``TODAY``) scaled to ``size`` staff (``scaled_team``)."""
    from sagstal_desktop.core.demo import demo_team

    return scaled_team(demo_team(TODAY), size)


def random_team(staff: int, seed: int = 8, norm_set_id: str = "ds_2015_types",
                case_types: tuple[str, ...] = ("sygedagpenge", "sdp_kat1", "jobafklaring")) -> Team:
    """``staff`` people ("Medarbejder 0", ...) with 37, 32 or 30 hours and 5-20 cases of each of
    ``case_types``, drawn from a generator seeded with ``seed``."""
    rng = random.Random(seed)
    team = Team(settings=TeamSettings(norm_set_id=norm_set_id))
    for i in range(staff):
        team.staff.append(StaffMember(
            name=f"Medarbejder {i}", weekly_hours=rng.choice([37.0, 32.0, 30.0]),
            start_date=date(2020, 1, 1), counts={t: rng.randint(5, 20) for t in case_types}))
    return team


def uniform_team(people: int) -> Team:
    """``people`` full-timers ("Medarbejder 0", ...; ids "id000000", ...) with 30-69 sickness
    benefit cases and 0-6 job clarification programmes, by position."""
    team = Team()
    team.staff = [StaffMember(name=f"Medarbejder {i}", weekly_hours=37.0,
                              counts={"sygedagpenge": 30 + i % 40, "jobafklaringsforloeb": i % 7}, id=f"id{i:06d}")
                  for i in range(people)]
    return team
