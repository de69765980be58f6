"""A team as plain JSON-ready data (for snapshots, ``--json`` output and tests), and back."""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import date
from typing import Any

from sagstal_desktop.core.case_weight import Weighting
from sagstal_desktop.core.model import StaffMember, Team, TeamInfo, TeamSettings
from sagstal_desktop.core.reductions import Reduction


def member_to_dict(member: StaffMember) -> dict[str, Any]:
    return {
        "id": member.id,
        "name": member.name,
        "weekly_hours": member.weekly_hours,
        "other_hours": member.other_hours,
        "other_tasks": member.other_tasks,
        "start_date": member.start_date.isoformat() if member.start_date else None,
        "counts": dict(member.counts),
        "note": member.note,
        "competences": list(member.competences),
        "takes_new_cases": member.takes_new_cases,
        "reductions": [r.to_dict() for r in member.reductions],
        **({"levels": {t: dict(split) for t, split in member.levels.items()}} if member.levels else {}),
    }


def member_from_dict(data: dict[str, Any]) -> StaffMember:
    start = data.get("start_date")
    return StaffMember(
        id=str(data["id"]),
        name=str(data["name"]),
        weekly_hours=float(data["weekly_hours"]),
        other_hours=float(data.get("other_hours") or 0.0),
        other_tasks=str(data.get("other_tasks") or ""),
        start_date=date.fromisoformat(start) if start else None,
        counts={str(k): int(v) for k, v in (data.get("counts") or {}).items()},
        note=str(data.get("note") or ""),
        competences=tuple(str(c) for c in data.get("competences") or ()),
        takes_new_cases=bool(data.get("takes_new_cases", True)),
        reductions=tuple(Reduction.from_dict(r) for r in data.get("reductions") or ()),
        levels={str(t): {str(k): int(n) for k, n in split.items()} for t, split in (data.get("levels") or {}).items()},
    )


def info_to_dict(info: TeamInfo) -> dict[str, Any]:
    return asdict(info)


def info_from_dict(data: dict[str, Any]) -> TeamInfo:
    known = {f.name for f in fields(TeamInfo)}
    return TeamInfo(**{k: str(v) for k, v in data.items() if k in known})


def settings_to_dict(settings: TeamSettings) -> dict[str, Any]:
    """The settings as JSON-ready data; the case weighting only when it differs from the default
    (files and snapshots of teams that never weighted stay as they were)."""
    out = {f.name: getattr(settings, f.name) for f in fields(TeamSettings) if f.name != "weighting"}
    if settings.weighting != Weighting():
        out["weighting"] = settings.weighting.to_dict()
    return out


def settings_from_dict(data: dict[str, Any]) -> TeamSettings:
    known = {f.name for f in fields(TeamSettings)}
    values = {k: v for k, v in data.items() if k in known}
    values.setdefault("anonymise_salt", "")  # an older file: labels keyed by the ids alone, still stable
    values["weighting"] = Weighting.from_dict(values.get("weighting"))
    return TeamSettings(**values)


def team_inputs(team: Team) -> dict[str, Any]:
    """Everything a person entered (no snapshots, no norm-set bodies)."""
    return {
        "info": info_to_dict(team.info),
        "settings": settings_to_dict(team.settings),
        "staff": [member_to_dict(m) for m in team.staff],
    }


def team_from_inputs(inputs: dict[str, Any], custom_norm_sets: list | tuple = ()) -> Team:
    """A team built from ``team_inputs`` output (no snapshots, no scenarios); the norm sets
    ``custom_norm_sets`` are shared (they are immutable)."""
    return Team(
        info=info_from_dict(inputs.get("info") or {}),
        settings=settings_from_dict(dict(inputs.get("settings") or {})),
        staff=[member_from_dict(m) for m in inputs.get("staff") or ()],
        custom_norm_sets=list(custom_norm_sets),
    )
