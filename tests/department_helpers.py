"""Generated team files for the department overview's tests and bench (issue 26)."""

from __future__ import annotations

import random
import shutil
from datetime import date
from pathlib import Path

from sagstal_desktop.core.history import make_snapshot, morning_of
from sagstal_desktop.core.load import add_months
from sagstal_desktop.core.model import StaffMember, Team, TeamInfo, TeamSettings

DAY = date(2026, 11, 22)


def make_team(seed: int, staff: int = 30, norm_set_id: str = "ds_2020", snapshots: int = 5,
              cost: float | None = 500_000.0, day: date = DAY) -> Team:
    """Team "Team NN": ``staff`` full-timers on sygedagpenge and jobafklaring (random counts from
    ``seed``), a newcomer among them, and ``snapshots`` monthly snapshots before ``day``."""
    rng = random.Random(seed)
    team = Team(info=TeamInfo("Eksempel Kommune", "Jobcenter", f"Team {seed:02d}"),
                settings=TeamSettings(norm_set_id=norm_set_id, cost_per_fte=cost))
    for j in range(staff):
        team.staff.append(StaffMember(
            name=f"Medarbejder {seed}-{j}", weekly_hours=rng.choice([37.0, 37.0, 32.0]),
            start_date=date(2020, 1, 1) if j else add_months(day, -2),
            counts={"sygedagpenge": rng.randint(20, 40), "jobafklaring": rng.randint(5, 30)}))
    for back in range(snapshots, 0, -1):
        when = add_months(day.replace(day=1), -back)
        team.snapshots.append(make_snapshot(team, "", as_of=when, taken_at=morning_of(when)))
    return team


def make_folder(folder: Path, teams: int = 12) -> dict[str, Path]:
    """``teams`` team files: ``teams - 3`` alike, one on another norm set ("other"), one copy of
    the first ("copy", named as a sync client names it) and one damaged file ("damaged")."""
    from sagstal_desktop.io.document import save_team

    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for i in range(teams - 3):
        files[f"team{i}"] = save_team(make_team(i), folder / f"team{i:02d}.sagstal")
    files["other"] = save_team(make_team(50, norm_set_id="ds_current"), folder / "other.sagstal")
    files["copy"] = folder / "team00 (1).sagstal"
    shutil.copy2(files["team0"], files["copy"])
    files["damaged"] = folder / "zz damaged.sagstal"
    data = files["team1"].read_bytes()
    files["damaged"].write_bytes(data[:100] + b"\x00" * 4000 + data[4100:])
    return files
