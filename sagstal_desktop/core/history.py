"""Dated snapshots of a team: what the caseload was, and what it showed, on a given day."""

from __future__ import annotations

from datetime import date, datetime

from sagstal_desktop.core.load import summarize
from sagstal_desktop.core.model import Snapshot, Team
from sagstal_desktop.core.serialize import member_from_dict, team_inputs


def take_snapshot(team: Team, label: str = "", as_of: date | None = None,
                  taken_at: datetime | None = None) -> Snapshot:
    """Record the team's inputs and key figures now; appended to ``team.snapshots``."""
    as_of = as_of or date.today()
    summary = summarize(team, as_of)
    figures = {
        "as_of": as_of.isoformat(),
        "norm_set": summary.norm_set_id,
        "staff": summary.staff_count,
        "cases": summary.total_cases,
        "available_fte": summary.available_fte,
        "fte_needed_max": summary.fte_needed_max,
        "fte_needed_mid": summary.fte_needed_mid,
        "fte_needed_min": summary.fte_needed_min,
        "over": summary.over_count,
        "average_fte_caseload": summary.average_fte_caseload,
    }
    snapshot = Snapshot(
        taken_at=(taken_at or datetime.now()).replace(microsecond=0),
        label=label,
        data={"inputs": team_inputs(team), "figures": figures},
    )
    team.snapshots.append(snapshot)
    return snapshot


def snapshot_staff(snapshot: Snapshot) -> list:
    """The staff as they were when the snapshot was taken."""
    return [member_from_dict(m) for m in snapshot.data.get("inputs", {}).get("staff", [])]
