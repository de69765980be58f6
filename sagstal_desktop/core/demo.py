"""The built-in demo team: a jobcenter team for sickness benefit and job clarification.

Twelve fictitious caseworkers: full-timers and part-timers, a newcomer (started two months
before the day it is built), a union representative (TR) with hours on TR work, one with
project hours; loads below, within and over DS's 2020 ranges. The names are invented.

The demo ships with a year of monthly snapshots (the first of each of the twelve months before
today): the same people with fewer cases a year ago, growing month by month, the newcomer only
from the month after he started, and the first months measured against the 2015 case-type
norms before the team changed to DS's 2020 ranges. The development is invented, like the names.

It also ships with 24 months of intake and closures per case type (``_flows``), so the forecast
shows out of the box: sickness benefit with a rising intake and about 16 % of open cases closed
a month, job clarification with longer cases (about 7 % closed a month); worked back from today's
counts. Invented figures too.
"""

from __future__ import annotations

from datetime import date

from sagstal_desktop.core.formatting import format_number
from sagstal_desktop.core.history import make_snapshot, morning_of
from sagstal_desktop.core.load import add_months
from sagstal_desktop.core.model import StaffMember, Team, TeamInfo, TeamSettings
from sagstal_desktop.core.norms import find_norm_set
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

#: (months before today, share of today's cases each person held then, norm set, label):
#: invented figures for the demo's history.
_HISTORY = (
    (12, 0.84, "ds_2015_types", "Årsopgørelse"),
    (11, 0.86, "ds_2015_types", ""),
    (10, 0.85, "ds_2015_types", ""),
    (9, 0.88, "ds_2015_types", "Kvartalsopgørelse"),
    (8, 0.90, "ds_2020", "Skift til DS 2020"),
    (7, 0.89, "ds_2020", ""),
    (6, 0.92, "ds_2020", "Kvartalsopgørelse"),
    (5, 0.94, "ds_2020", ""),
    (4, 0.93, "ds_2020", ""),
    (3, 0.96, "ds_2020", "Kvartalsopgørelse"),
    (2, 0.98, "ds_2020", ""),
    (1, 0.97, "ds_2020", ""),
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
    team.snapshots = _history(team, today)
    team.flows = _flows(team, today)
    return team


#: (case type, exit rate, net growth per month in the first and the second year): invented.
_FLOW_TYPES = (("sygedagpenge", 0.16, (2, 5)), ("jobafklaring", 0.07, (1, 1)))
#: A fixed wiggle of the closures (cases), so the months are not all alike.
_WIGGLE = (0, 3, -2, 1, -3, 2, 4, -1, -4, 1, 2, -2)
_NET_WIGGLE = (1, -2, 0, 3, -1, -3, 2, 0, -2, 1, 3, -1)


def _flows(team: Team, today: date) -> list:
    """The demo's intake and closures for the 24 months before today's month, per case type:
    closures = exit rate x open cases (plus a fixed wiggle), intake = closures + the month's net
    growth; the open cases at the start are chosen so the last month ends at today's count. In the
    last twelve months the net growth is what the demo's monthly snapshots (taken on the first of
    each month) show, so the flows and the history tell the same story."""
    from sagstal_desktop.core.flows import Flow, check_flows, month_after
    from sagstal_desktop.core.forecast import snapshot_stocks

    first = month_after(today.replace(day=1), -24)
    stocks = snapshot_stocks(team)
    flows = []
    for case_type, rate, (net_1, net_2) in _FLOW_TYPES:
        today_count = sum(p.counts.get(case_type, 0) for p in team.staff)
        nets = [(net_1 if k < 12 else net_2) + _NET_WIGGLE[k % 12] for k in range(24)]
        for k in range(12, 24):  # month k runs from one snapshot (or today) to the next
            start, end = month_after(first, k), month_after(first, k + 1)
            if start in stocks:
                after = stocks[end].get(case_type, 0) if end in stocks else today_count
                nets[k] = after - stocks[start].get(case_type, 0)
        stock = today_count - sum(nets)
        for k, net in enumerate(nets):
            closed = max(0, round(rate * stock) + _WIGGLE[k % 12], -net)  # never a negative intake
            flows.append(Flow(month_after(first, k), case_type, closed + net, closed))
            stock += net
    return check_flows(flows)


def _history(team: Team, today: date) -> list:
    """The demo's monthly snapshots, oldest first (see ``_HISTORY``)."""
    snapshots = []
    for months_back, share, norm_set_id, label in _HISTORY:
        day = add_months(today.replace(day=1), -months_back)
        then = team.copy()
        then.snapshots = []
        then.settings.norm_set_id = norm_set_id
        then.staff = [p for p in then.staff if p.start_date is None or p.start_date <= day]
        for person in then.staff:
            person.counts = {t: round(n * share) for t, n in person.counts.items()}
        snapshots.append(make_snapshot(then, label, as_of=day, taken_at=morning_of(day),
                                       norm_set=find_norm_set(norm_set_id)))
    return snapshots
