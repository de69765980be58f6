"""Anonymised output that a reader who knows the team cannot trace back (issue 20).

The threat model (README, help): anonymised memos, spreadsheets and comparison exports reach
management, politicians and the press, read by people who know the team: who works part-time,
who is new, who is on leave, who specialises. From any anonymised output such a reader must not
be able to link a label to a person, nor work out anyone's weekly or casework hours, or whether
they are new, more closely than the team's own figures allow.

So an anonymised output shows per person only:

- a label, "Medarbejder A, B, …", drawn afresh for every output: a keyed hash of each member's
  id and a random salt made for that output alone (``fresh_salt``), so the letters say nothing
  about names, the team's order or any other memo, and one unmasked label unmasks nothing else;
- the load in a band (``load_band``: under 80 %, 80-100 %, 100-120 %, over 120 %; the edges are
  ``anonymise_load_bands`` in ``resources/defaults.json``), never an exact percentage, which
  beside the cases gives the casework hours (and so a 32,5-hour week or a newcomer's reduction)
  back;
- the status (over, within, below, …) without the count of unmeasured cases.

No cases per person (per type or in total: a specialist's type and a part-timer's total stand
out), no hours, capacity, full-time caseload, start date, newcomer mark or competences. Rows are
sorted by band, then by label. Rows appear only when the team has at least ``min_staff()`` (k,
``anonymise_min_staff`` = 5) staff with a load; below that, team figures only. Scenarios name no
person: absences are counted at team level with the general reason "fravær", without dates. A
scenario, or a history, whose team figures would single out fewer than k persons is left out
(``shown_scenarios``, ``history_singles_out``; the rule and why are below).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Sequence
from itertools import pairwise

from sagstal_desktop.i18n import LANGUAGES, N_, Nn_, ntr, tr

#: The key of the label hash (not a secret: the salt is random and never printed or saved).
_KEY = b"sagstal anonymised staff labels v2"

_LABEL = N_("Staff member {letters}")
_BAND_UNDER = N_("under {pct}")
_BAND_BETWEEN = N_("{low}–{high}")
_BAND_OVER = N_("over {pct}")
_ANONYMISED = N_("{title} (anonymised)")


def anonymised_title(title: str, lang: str = "da") -> str:
    """``Notat … (anonymiseret)``: the title or default file name of an anonymised output."""
    return tr(_ANONYMISED, lang if lang in LANGUAGES else "da").format(title=title)


def staff_letters(index: int) -> str:
    """A, B, …, Z, AA, AB, … for index 0, 1, …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def staff_label(index: int, lang: str = "da") -> str:
    """``Medarbejder A`` / ``Staff member A`` for label number ``index``."""
    return tr(_LABEL, lang if lang in LANGUAGES else "da").format(letters=staff_letters(index))


def fresh_salt() -> str:
    """A random salt for one output (128 bits); never saved, so no later output repeats it."""
    return secrets.token_hex(16)


def label_numbers(member_ids: Iterable[str], salt: str) -> dict[str, int]:
    """Each member id's label number (0 = A), in the order of the keyed hash of salt and id."""

    def rank(member_id: str) -> tuple[bytes, str]:
        data = f"{salt}\x00{member_id}".encode()
        return hashlib.blake2b(data, key=_KEY, digest_size=16).digest(), member_id

    return {member_id: i for i, member_id in enumerate(sorted(set(member_ids), key=rank))}


def anonymous_labels(member_ids: Sequence[str], lang: str = "da", salt: str | None = None) -> dict[str, str]:
    """``{member id: "Medarbejder C"}`` for every id, drawn with ``salt`` (default: a fresh
    random one, so two calls give unrelated labels; pass one salt to label one output)."""
    numbers = label_numbers(member_ids, fresh_salt() if salt is None else salt)
    return {member_id: staff_label(numbers[member_id], lang) for member_id in member_ids}


def min_staff() -> int:
    """k: anonymised output has rows per person only from this many staff with a load."""
    from sagstal_desktop.core.defaults import defaults

    return int(defaults()["anonymise_min_staff"])


def band_edges() -> tuple[float, ...]:
    """The edges of the load bands (fractions of the maximum), ascending."""
    from sagstal_desktop.core.defaults import defaults

    return tuple(sorted(float(x) for x in defaults()["anonymise_load_bands"]))


def load_band(load: float | None) -> int | None:
    """The band of ``load``: 0 = under the first edge, …, len(edges) = over the last; a load on an
    edge belongs to the band below it (100 % exactly is within the maximum). None without a load."""
    if load is None:
        return None
    value = round(load, 9)  # a load computed as 1.0000000000000002 is 100 %
    return sum(1 for edge in band_edges() if value > edge)


def band_text(band: int, lang: str = "da") -> str:
    """``under 80 %``, ``80–100 %``, ``100–120 %``, ``over 120 %`` (English: ``80–100%``)."""
    from sagstal_desktop.core.formatting import format_number, format_percent

    lang = lang if lang in LANGUAGES else "da"
    edges = band_edges()
    if band <= 0:
        return tr(_BAND_UNDER, lang).format(pct=format_percent(edges[0], 0, lang))
    if band >= len(edges):
        return tr(_BAND_OVER, lang).format(pct=format_percent(edges[-1], 0, lang))
    return tr(_BAND_BETWEEN, lang).format(low=format_number(edges[band - 1] * 100, 0, lang),
                                          high=format_percent(edges[band], 0, lang))


def band_texts(lang: str = "da") -> list[str]:
    """Every band's text, lowest first."""
    return [band_text(i, lang) for i in range(len(band_edges()) + 1)]


def rows_allowed(staff_with_load: int) -> bool:
    """Whether an anonymised output may show rows per person for this many staff with a load."""
    return staff_with_load >= min_staff()


def anonymous_order(bands: Sequence[int | None], labels: Sequence[str]) -> list[int]:
    """Indexes ordered by band, highest first, then by label (A, B, …, Z, AA); no band last."""

    def key(i: int) -> tuple[bool, int, int, str]:
        label = labels[i]
        return bands[i] is None, -(bands[i] or 0), len(label), label

    return sorted(range(len(bands)), key=key)


def by_load(loads: Sequence[float | None]) -> list[int]:
    """Indexes ordered by load, highest first; persons without a load last (stable otherwise)."""
    return sorted(range(len(loads)), key=lambda i: (loads[i] is None, -(loads[i] or 0.0)))


# -- scenarios and history that concern few persons (issue 20, second pass) ---------------------
#
# A scenario's team figures differ from the current team's only by what it changes. When it
# changes one known person (Line's sick leave), the difference is that person's casework FTE
# (10,6 → 9,7 available FTE) and the change in staff per band is her band. So an anonymised
# output shows a scenario only when every difference a reader can form from the shown columns
# (a scenario minus the current team, one scenario minus another, or any sum and difference of
# them) concerns no person or at least k persons:
#
# - a scenario that changes no person (added positions, a ceiling or another norm set, a target
#   caseload, the cost per FTE) is shown;
# - one whose changed capacities (absent, vacant, removed, other hours, other tasks, dated
#   reductions, newcomer status or reduction) concern 1 to k − 1 persons is left out, and so is
#   one whose changed cases (absent, vacant, removed, cases moved) concern 1 to k − 1 persons:
#   the available FTE sums the one, the team's cases and cases without a caseworker the other,
#   so that a single absence hidden among cases moved between four colleagues still shows;
# - of the rest, in the team's order, one is shown only when the persons it changes are disjoint
#   from those of every scenario already shown, or it changes exactly the same persons in exactly
#   the same way as one of them. Disjoint groups of at least k each keep every sum and difference
#   of columns a sum over whole groups, so it never isolates fewer than k persons. Requiring only
#   that two scenarios differ by k persons is not enough: A = {1..5}, B = {2..9}, C = {1, 6..9}
#   differ pairwise by 5 or more, yet A + C − B is twice person 1.
#
# The history's rows differ the same way from one snapshot to the next (someone joins, leaves,
# changes hours or stops being new), so an anonymised memo leaves the history out when two
# consecutive rows differ in the capacity of 1 to k − 1 persons.

_LEFT_OUT = Nn_("{n} scenario is left out because its figures concern fewer than {k} staff members, or staff "
                "members that another scenario shown also concerns, so that a reader who knows the team could work "
                "out one person's hours or load from them.",
                "{n} scenarios are left out because their figures concern fewer than {k} staff members, or staff "
                "members that another scenario shown also concerns, so that a reader who knows the team could work "
                "out one person's hours or load from them.")
_HISTORY_LEFT_OUT = N_("The history is left out of this anonymised memo: between two of its snapshots the hours of "
                       "fewer than {k} staff members changed (someone joined, left, changed hours or stopped being "
                       "new), so that a reader who knows the team could work out that person's hours from the team's "
                       "figures.")


def left_out_text(n: int, lang: str = "da") -> str:
    """The sentence an anonymised output prints when it leaves ``n`` scenarios out, and why."""
    return ntr(*_LEFT_OUT, n, lang if lang in LANGUAGES else "da").format(n=n, k=min_staff())


def history_left_out_text(lang: str = "da") -> str:
    """The sentence an anonymised memo prints when it leaves its history out, and why."""
    return tr(_HISTORY_LEFT_OUT, lang if lang in LANGUAGES else "da").format(k=min_staff())


def capacity_state(member, settings, on) -> tuple:
    """What of ``member`` the available FTE shows on ``on``: casework hours that day, and the
    newcomer status and reduction."""
    from sagstal_desktop.core.load import is_newcomer

    newcomer = is_newcomer(member.start_date, on, settings.newcomer_months)
    return round(member.casework_hours_on(on), 9), newcomer, settings.newcomer_reduction if newcomer else None


def cases_state(member) -> tuple:
    """``member``'s cases by type (types without cases left out)."""
    return tuple(sorted((t, n) for t, n in member.counts.items() if n))


def person_changes(scenario, team, as_of) -> dict[str, tuple]:
    """``{member id: what changes}`` for each person of the current ``team`` whom ``scenario``
    changes on ``as_of`` in a way its figures show: ``("removed",)``, ``("absent",)`` (absent or
    vacant that day), or ``("changed", capacity or None, cases or None)`` with the new capacity
    (``capacity_state``) and the new cases where they changed. Added positions are no person of the team."""
    from sagstal_desktop.core.scenarios import materialise

    variant = materialise(scenario, team)
    after = {m.id: m for m in variant.staff}
    away = {a.member_id for a in scenario.absences if a.active(as_of)}
    changes: dict[str, tuple] = {}
    for member in team.staff:
        new = after.get(member.id)
        if new is None:
            changes[member.id] = ("removed",)
        elif member.id in away:
            changes[member.id] = ("absent",)
        else:
            capacity, cases = capacity_state(new, variant.settings, as_of), cases_state(new)
            capacity_changed = capacity != capacity_state(member, team.settings, as_of)
            cases_changed = cases != cases_state(member)
            if capacity_changed or cases_changed:
                changes[member.id] = ("changed", capacity if capacity_changed else None,
                                      cases if cases_changed else None)
    return changes


def _too_few(changes: dict[str, tuple], k: int) -> bool:
    """Whether the persons whose capacity, or those whose cases, change are 1 to k − 1."""
    capacity = sum(1 for c in changes.values() if c[0] != "changed" or c[1] is not None)
    cases = sum(1 for c in changes.values() if c[0] != "changed" or c[2] is not None)
    return 0 < capacity < k or 0 < cases < k


def shown_scenarios(team, names, as_of, k: int | None = None) -> tuple[list[str], int]:
    """(the scenarios ``names`` an anonymised output may show, in their order; how many it
    leaves out) by the rule above (k: ``min_staff()``)."""
    from sagstal_desktop.core.scenarios import find

    k = min_staff() if k is None else k
    shown: list[str] = []
    kept: list[dict[str, tuple]] = []
    for name in names:
        changes = person_changes(find(team, name), team, as_of)
        if changes and (_too_few(changes, k) or any(
                changes != other and changes.keys() & other.keys() for other in kept)):
            continue
        shown.append(name)
        if changes:
            kept.append(changes)
    return shown, len(names) - len(shown)


def _step_too_few(before, after, k: int) -> bool:
    """Whether two snapshots' teams differ in the capacity (``capacity_state``: present, casework
    hours, newcomer status) of 1 to k − 1 persons: counted by person (id) and, in case the ids
    changed, by the states alone; the fewer counts. Cases are not counted: between two snapshots
    most people's cases change, and the reader does not know whose did, while everyone knows who
    joined, left or went part-time. A snapshot of figures only names nobody, so any change of its
    staff or FTE counts."""
    from collections import Counter

    from sagstal_desktop.core.history import snapshot_date, snapshot_figures, snapshot_team

    teams = snapshot_team(before), snapshot_team(after)
    if teams[0] is None or teams[1] is None:
        a, b = snapshot_figures(before), snapshot_figures(after)
        return (a.staff, round(a.available_fte, 6)) != (b.staff, round(b.available_fte, 6))
    days = snapshot_date(before), snapshot_date(after)
    states = [{m.id: capacity_state(m, t.settings, d) for m in t.staff} for t, d in zip(teams, days, strict=True)]
    by_id = sum(1 for i in states[0].keys() | states[1].keys() if states[0].get(i) != states[1].get(i))
    first, second = (Counter(x.values()) for x in states)
    return 0 < min(by_id, max(sum((first - second).values()), sum((second - first).values()))) < k


_FORECAST_FTE_LEFT_OUT = N_("The available casework FTE per month, and the month the team would pass <max>, are "
                            "left out of this anonymised memo: in the forecast's months the hours of fewer than {k} "
                            "staff members change (a dated reduction, or someone stops being new), so that a reader "
                            "who knows the team could work out that person's hours from the team's figures.")


def forecast_singles_out(team, days: Sequence, k: int | None = None) -> bool:
    """Whether the available FTE of ``team`` on ``days`` (today, then each forecast month) lets a
    reader who knows the team isolate fewer than k persons: between two consecutive days the
    capacity (``capacity_state``) of 1 to k − 1 of the same staff changes (dated reductions,
    newcomer periods ending)."""
    k = min_staff() if k is None else k
    states = [{m.id: capacity_state(m, team.settings, d) for m in team.staff} for d in days]
    return any(0 < sum(1 for i in a if a[i] != b[i]) < k for a, b in pairwise(states))


def forecast_left_out_text(lang: str = "da") -> str:
    """The sentence an anonymised memo prints when it leaves the forecast's available FTE out."""
    return tr(_FORECAST_FTE_LEFT_OUT, lang if lang in LANGUAGES else "da").format(k=min_staff())


def history_singles_out(snapshots, k: int | None = None) -> bool:
    """Whether the history of ``snapshots`` (the rows a memo shows, in date order) lets a reader
    who knows the team isolate fewer than k persons (``_step_too_few`` between consecutive rows)."""
    k = min_staff() if k is None else k
    return any(_step_too_few(a, b, k) for a, b in pairwise(snapshots))
