"""One sentence saying what a scenario changes compared with the current team.

Built from the scenario's stored inputs against the team's (who is absent or vacant and
whether their cases are spread, positions added or removed, changed hours, moved cases, another
norm set or a ceiling, a target caseload), for the memo's section "Scenarier" and the views.
``name_of`` gives the word used for a person (their name, or an anonymous label).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sagstal_desktop.core.formatting import format_date, format_number
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.core.scenario_model import Absence, Scenario
from sagstal_desktop.core.scenarios import materialise
from sagstal_desktop.i18n import N_, Nn_, ntr, tr

_ABSENT_SPREAD = N_("{name} absent{period}, the cases spread over colleagues with the competence by the "
                    "distribution rule (the highest load as low as possible)")
_ABSENT_KEPT = N_("{name} absent{period}, the cases left without a caseworker")
_VACANT_SPREAD = N_("{name}'s position vacant, the cases spread over colleagues with the competence by the "
                    "distribution rule (the highest load as low as possible)")
_VACANT_KEPT = N_("{name}'s position vacant, the cases left without a caseworker")
_FROM_TO = N_(" {start}–{end}")
_FROM = N_(" from {start}")
_UNTIL = N_(" until {end}")
_ADDED = Nn_("{n} more position of {hours} hours", "{n} more positions of {hours} hours")
_ADDED_TAKING = Nn_("{n} more position of {hours} hours, taking cases from the most loaded colleagues by the "
                    "same rule (one case at a time from the highest load)",
                    "{n} more positions of {hours} hours, taking cases from the most loaded colleagues by the "
                    "same rule (one case at a time from the highest load)")
_REMOVED = N_("{name}'s position removed")
_HOURS = N_("{name} at {hours} hours a week instead of {before}")
_OTHER = N_("{name} with {hours} hours on other tasks instead of {before}")
_MOVED = Nn_("{n} case moved between colleagues", "{n} cases moved between colleagues")
_CEILING = N_("a ceiling of {n} cases")
_NORM_SET = N_("measured against {name}")
_TARGET = N_("a target of {n} cases per full-time caseworker")
_SAME = N_("the same inputs as the current team")
# Anonymised: counted at team level, a general reason, no label, no dates, no hours (issue 20).
_ANON_ABSENT_SPREAD = Nn_("absence of {n} staff member, the cases spread over colleagues",
                          "absence of {n} staff members, the cases spread over colleagues")
_ANON_ABSENT_KEPT = Nn_("absence of {n} staff member, the cases left without a caseworker",
                        "absence of {n} staff members, the cases left without a caseworker")
_ANON_REMOVED = Nn_("{n} position removed", "{n} positions removed")
_ANON_HOURS = Nn_("other weekly hours for {n} staff member", "other weekly hours for {n} staff members")
_ANON_OTHER = Nn_("other hours on other tasks for {n} staff member", "other hours on other tasks for {n} staff members")


def period_text(absence: Absence, lang: str = "da") -> str:
    """`` 1.2.–30.4.2027`` (the year once when both dates share it), `` fra 1.2.2027``, or ""."""
    start, end = absence.start, absence.end
    if start and end:
        first = format_date(start, lang)
        if lang == "da" and start.year == end.year:
            first = first.rsplit(".", 1)[0] + "."
        return tr(_FROM_TO, lang).format(start=first, end=format_date(end, lang))
    if start:
        return tr(_FROM, lang).format(start=format_date(start, lang))
    if end:
        return tr(_UNTIL, lang).format(end=format_date(end, lang))
    return ""


def ceiling_of(norm_set: NormSet) -> float | None:
    """The one maximum every range of an own set shares (a municipal ceiling), else None."""
    if norm_set.kind in ("ds", "survey"):
        return None
    maxima = {n.max for n in norm_set.type_norms if n.max is not None}
    return maxima.pop() if len(maxima) == 1 else None


def _hours(value: float, lang: str) -> str:
    return format_number(value, 0 if float(value).is_integer() else 1, lang)


def scenario_parts(scenario: Scenario, team: Team, lang: str = "da",
                   name_of: Callable[[str], str] | None = None, as_of: date | None = None,
                   anonymous: bool = False) -> list[str]:
    """The scenario's differences from ``team``, one phrase each, in a fixed order.
    ``anonymous``: no person is named, dated or given hours; absences (sick leave, parental
    leave, other and vacant positions alike) are counted with the general reason "fravær",
    removed positions and changed hours are counted (``core.anonymise``)."""
    variant = materialise(scenario, team)
    names = {m.id: m.name for m in (*team.staff, *variant.staff)}
    name = name_of or (lambda member_id: names.get(member_id, member_id))
    ids = {m.id for m in variant.staff}
    parts: list[str] = []
    away = [a for a in scenario.absences if a.member_id in ids]
    if anonymous:
        if away:
            text = _ANON_ABSENT_SPREAD if scenario.redistribute else _ANON_ABSENT_KEPT
            parts.append(ntr(*text, len(away), lang).format(n=len(away)))
    else:
        for absence in away:
            if absence.kind == "vacant":
                text = _VACANT_SPREAD if scenario.redistribute else _VACANT_KEPT
                parts.append(tr(text, lang).format(name=name(absence.member_id)))
            else:
                text = _ABSENT_SPREAD if scenario.redistribute else _ABSENT_KEPT
                parts.append(tr(text, lang).format(name=name(absence.member_id),
                                                   period=period_text(absence, lang)))
    before = {m.id: m for m in team.staff}
    added: dict[float, int] = {}
    for member in variant.staff:
        if member.id not in before:
            added[member.weekly_hours] = added.get(member.weekly_hours, 0) + 1
    for hours, n in added.items():
        phrase = _ADDED_TAKING if scenario.positions_take_cases else _ADDED
        parts.append(ntr(*phrase, n, lang).format(n=n, hours=_hours(hours, lang)))
    removed = [m for m in team.staff if m.id not in ids]
    if anonymous and removed:
        parts.append(ntr(*_ANON_REMOVED, len(removed), lang).format(n=len(removed)))
    elif not anonymous:
        parts += [tr(_REMOVED, lang).format(name=name(m.id)) for m in removed]
    moved = hours_changed = other_changed = 0
    for member in variant.staff:
        old = before.get(member.id)
        if old is None:
            continue
        if member.weekly_hours != old.weekly_hours:
            hours_changed += 1
            if not anonymous:
                parts.append(tr(_HOURS, lang).format(name=name(member.id), hours=_hours(member.weekly_hours, lang),
                                                     before=_hours(old.weekly_hours, lang)))
        if member.other_hours != old.other_hours:
            other_changed += 1
            if not anonymous:
                parts.append(tr(_OTHER, lang).format(name=name(member.id), hours=_hours(member.other_hours, lang),
                                                     before=_hours(old.other_hours, lang)))
        for case_type in set(member.counts) | set(old.counts):
            moved += max(0, member.counts.get(case_type, 0) - old.counts.get(case_type, 0))
    if anonymous and hours_changed:
        parts.append(ntr(*_ANON_HOURS, hours_changed, lang).format(n=hours_changed))
    if anonymous and other_changed:
        parts.append(ntr(*_ANON_OTHER, other_changed, lang).format(n=other_changed))
    if moved:
        parts.append(ntr(*_MOVED, moved, lang).format(n=moved))
    norm_set = variant.norm_set()
    if norm_set.id != team.norm_set().id:
        ceiling = ceiling_of(norm_set)
        parts.append(tr(_CEILING, lang).format(n=_hours(ceiling, lang)) if ceiling is not None
                     else tr(_NORM_SET, lang).format(name=norm_set.name(lang)))
    if scenario.target_caseload is not None:
        parts.append(tr(_TARGET, lang).format(n=_hours(scenario.target_caseload, lang)))
    return parts


def describe(scenario: Scenario, team: Team, lang: str = "da",
             name_of: Callable[[str], str] | None = None, anonymous: bool = False) -> str:
    """The parts as one sentence: ``"1 stilling mere à 37 timer."``."""
    parts = scenario_parts(scenario, team, lang, name_of, anonymous=anonymous) or [tr(_SAME, lang)]
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."
