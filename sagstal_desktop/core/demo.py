"""The built-in demo team: a jobcenter team for sickness benefit and job clarification.

Twelve fictitious caseworkers: full-timers and part-timers, a newcomer (started two months
before the day it is built), a union representative (TR) with hours on TR work, one with
project hours; loads below, within and over DS's 2020 ranges. The names are invented.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sagstal_desktop.core.formatting import format_number
from sagstal_desktop.core.history import take_snapshot
from sagstal_desktop.core.load import add_months
from sagstal_desktop.core.model import StaffMember, Team, TeamInfo, TeamSettings
from sagstal_desktop.core.references import budget_case

# (name, weekly hours, other hours, other tasks, start: years/months before today, sdp, jobafkl.)
_PEOPLE = (
    ("Anne Holm", 37, 0, "", (9, 0), 57, 0),
    ("Bo Jensen", 37, 0, "", (4, 3), 48, 4),
    ("Camilla Nørgaard", 30, 0, "", (6, 1), 40, 0),
    ("Dorthe Ågaard", 37, 6, "TR-arbejde", (12, 5), 38, 0),
    ("Emil Sørensen", 37, 0, "", (0, 2), 30, 0),
    ("Frederik Lund", 37, 0, "", (3, 8), 0, 44),
    ("Gitte Mølgaard", 25, 0, "", (15, 0), 0, 34),
    ("Hanne Kjær", 37, 0, "", (7, 6), 63, 0),
    ("Ida Bech", 32, 0, "", (2, 2), 20, 10),
    ("Jonas Friis", 37, 4, "Udviklingsprojekt", (5, 9), 41, 6),
    ("Karin Østergaard", 37, 0, "", (1, 4), 29, 0),
    ("Lars Winther", 37, 0, "", (10, 2), 0, 43),
)



def _bi08_cost() -> tuple[float, str]:
    """The demo's cost per FTE, our own derivation from budget proposal BI08 (seed 004), which
    states no number of positions and no cost per position: the yearly cost over the FTE it
    would add if its 5,000 target-group citizens went from 70 to 50 per caseworker
    (5,000 / 50 - 5,000 / 70 = 28.57), i.e. 396,900 DKK. The note says so."""
    case = budget_case()
    note = (
        f"Vores beregning ud fra Københavns Kommunes budgetforslag BI08 ({case.price_level}), som ikke "
        f"selv angiver antal stillinger eller pris pr. stilling: "
        f"{format_number(case.yearly_cost_thousand_dkk / 1000, 2)} mio. kr. om året / "
        f"{format_number(case.extra_fte, 2)} årsværk, under antagelse af at målgruppernes "
        f"{format_number(case.citizens, 0)} borgere går fra {format_number(case.current_caseload, 0)} til "
        f"{format_number(case.target_caseload, 0)} sager pr. sagsbehandler"
    )
    return case.cost_per_fte, note


def demo_team(today: date | None = None) -> Team:
    """A fresh copy of the demo team, dated relative to ``today``."""
    today = today or date.today()
    cost, cost_source = _bi08_cost()
    team = Team(
        info=TeamInfo(
            municipality="Eksempel Kommune",
            department="Jobcenter, Sygedagpenge og jobafklaring",
            team_name="Team Nord",
            author_role="team_leader",
        ),
        settings=TeamSettings(
            norm_set_id="ds_2020",
            cost_per_fte=round(cost),
            cost_source=cost_source,
            budget_first_year=today.year + 1,
        ),
    )
    for name, hours, other, tasks, (years, months), sdp, jobafklaring in _PEOPLE:
        counts = {"sygedagpenge": sdp, "jobafklaring": jobafklaring}
        team.staff.append(
            StaffMember(
                name=name,
                weekly_hours=float(hours),
                other_hours=float(other),
                other_tasks=tasks,
                start_date=add_months(today, -(years * 12 + months)),
                counts=counts,
            )
        )
    earlier = team.copy()
    earlier.snapshots = []
    for person in earlier.staff:
        person.counts = {t: max(0, n - 3) for t, n in person.counts.items()}
    snap_day = add_months(today, -3)
    snapshot = take_snapshot(
        earlier, "Kvartalsopgørelse", as_of=snap_day,
        taken_at=datetime.combine(snap_day, datetime.min.time()) + timedelta(hours=9),
    )
    team.snapshots.append(snapshot)
    return team
