"""Every text of the planning in one place, as English msgids of the text layer (Danish in
``translations/da.po``): why a plan cannot be made, and how an assignment or a move reads
("3 sygedagpenge-sager fra Anne Holm til Ida Bech"), and what a plan cut short by the time limit
has proven."""

from __future__ import annotations

from sagstal_desktop.core.norms import case_type_name
from sagstal_desktop.i18n import N_, Nn_, ntr, tr

MESSAGES: dict[str, str] = {
    # code: English msgid; {value} is the case type's name or the number as given
    "unknown_type": N_("\"{value}\" is not a case type"),
    "unmeasured_type": N_("the norm set cannot measure the case type \"{value}\""),
    "negative_cases": N_("the number of new {value} cases is negative ({limit})"),
    "nobody_eligible": N_("nobody may take new {value} cases (competences, \"no new cases\" or no casework hours)"),
    "negative_moves": N_("the largest number of moved cases is negative ({value})"),
    "too_many_new": N_("{value} new cases are more than one distribution may hand out (at most {limit})"),
    "person_count_limit": N_("the plan would give {value} more than {limit} cases of one type, more than a "
                             "team file can hold"),
    "bad_time_limit": N_("the time limit must be a number of seconds, 0 or more (not {value})"),
    "unknown_aim": N_("\"{value}\" is not an aim (even or fewest-over)"),
}


#: Names listed of the staff a plan takes over the maximum; more are counted.
NAMES_SHOWN = 10

PHRASES: dict[str, str] = {
    "over": N_("Staff over <max>: {before} → {after}."),
    "pushed": N_("Taken over <max> by the plan: {names}."),
    "assignment": N_("{cases} to {to}"),
    "move": N_("{cases} from {source} to {to}"),
}
#: "… og 3 flere" after the names listed
MORE: tuple[str, str] = Nn_("{names} and {n} more", "{names} and {n} more")
#: "3 sygedagpenge-sager" / "3 sickness benefit cases" (the case type's name, lower case, is {type})
CASES: tuple[str, str] = Nn_("{n} {type} case", "{n} {type} cases")


def _phrase(key: str, lang: str, **values: object) -> str:
    return tr(PHRASES[key], lang).format(**values)


def cases_text(cases: int, case_type: str, lang: str = "da") -> str:
    """"3 sygedagpenge-sager" / "3 sickness benefit cases"."""
    name = case_type_name(case_type, lang).lower()
    return ntr(*CASES, cases, lang).format(n=cases, type=name)


def assignment_text(assignment, lang: str = "da") -> str:
    """"9 sygedagpenge-sager til Karin Østergaard"."""
    return _phrase("assignment", lang, cases=cases_text(assignment.cases, assignment.case_type, lang),
                   to=assignment.name)


def move_text(move, lang: str = "da") -> str:
    """"3 sygedagpenge-sager fra Anne Holm til Ida Bech"."""
    return _phrase("move", lang, cases=cases_text(move.cases, move.case_type, lang), source=move.from_name,
                   to=move.to_name)


def over_text(plan, norm_set, lang: str = "da") -> str:
    """"Medarbejdere over DS' maksimum: 2 → 3. Over DS' maksimum med planen: Anne Holm." (the
    second sentence only when the plan takes someone over it). ``norm_set`` names the maximum."""
    from sagstal_desktop.core.formatting import format_number
    from sagstal_desktop.core.wording import fill

    text = _phrase("over", lang, before=format_number(plan.over_count_before, 0, lang),
                   after=format_number(plan.over_count_after, 0, lang))
    pushed = [p.name for p in plan.pushed_over]
    if pushed:
        names = ", ".join(pushed[:NAMES_SHOWN])
        if len(pushed) > NAMES_SHOWN:
            rest = len(pushed) - NAMES_SHOWN
            names = ntr(*MORE, rest, lang).format(names=names, n=format_number(rest, 0, lang))
        text += " " + _phrase("pushed", lang, names=names)
    return fill(text, norm_set, lang)


#: A rebalance cut short by the time limit after its highest load levels were proven
LEVELS: tuple[str, str] = Nn_(
    "The highest load proven optimal (staff at it: {staff}); the time limit was reached before the lower "
    "loads and the number of moved cases were proven optimal.",
    "The {n} highest load levels proven optimal (staff at them: {staff}); the time limit was reached before "
    "the lower loads and the number of moved cases were proven optimal.")
LOADS_PROVEN = N_("Every load proven optimal; the time limit was reached before the number of moved cases "
                  "was proven the fewest possible.")


def levels_text(plan, lang: str = "da") -> str | None:
    """What a rebalance cut short by the time limit has proven, level by level: every load (only
    the fewest moves unproven), or the highest ``levels_proven`` load levels and the staff at
    them; None for a proven plan, a distribution, or a plan with no level proven this way."""
    from sagstal_desktop.core.formatting import format_number

    if plan.optimal or not hasattr(plan, "loads_proven"):
        return None
    if plan.loads_proven:
        return tr(LOADS_PROVEN, lang)
    if plan.levels_proven < 1:
        return None
    return ntr(*LEVELS, plan.levels_proven, lang).format(n=format_number(plan.levels_proven, 0, lang),
                                                         staff=format_number(plan.staff_proven, 0, lang))


#: A rebalance with case weight on where cases the plan could move weigh otherwise than counted
#: (``Rebalance.other_level_cases``; {level}: the team's level for cases not assessed)
OTHER_LEVEL: tuple[str, str] = Nn_(
    "The plan is computed with every moved case counted as {level}, but {n} of the cases the plan could move is "
    "assessed at another level; so it is not proven that the plan is the best. The loads are the real ones after "
    "the move.",
    "The plan is computed with every moved case counted as {level}, but {n} of the cases the plan could move are "
    "assessed at another level; so it is not proven that the plan is the best. The loads are the real ones after "
    "the move.")
#: ... and how many of the moved cases that is (``Rebalance.other_level_moved``)
OTHER_LEVEL_MOVED: tuple[str, str] = Nn_(
    "{n} of the moved cases is assessed at another level and counts at its own level in the loads.",
    "{n} of the moved cases are assessed at another level and count at their own level in the loads.")


def other_level_text(plan, lang: str = "da") -> str | None:
    """Why a rebalance with case weight on proves nothing (see ``OTHER_LEVEL``), or None where
    every case it could move weighs as the planner counted it (or the plan is a distribution)."""
    from sagstal_desktop.core.case_weight import level_name
    from sagstal_desktop.core.formatting import format_number

    other = getattr(plan, "other_level_cases", 0)
    if not other:
        return None
    level = level_name(plan.team_after.settings.weighting.default_level, lang)
    text = ntr(*OTHER_LEVEL, other, lang).format(level=level, n=format_number(other, 0, lang))
    if plan.other_level_moved:
        moved = plan.other_level_moved
        text += " " + ntr(*OTHER_LEVEL_MOVED, moved, lang).format(n=format_number(moved, 0, lang))
    return text
