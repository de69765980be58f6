"""The load model: each person's casework capacity and weighted load, and the team summary.

Definitions (domain brief, "The load model the app implements"):

* casework capacity  c = (weekly hours - hours on other tasks - dated reductions active on the
  date measured, ``core/reductions.py``) / 37, times (1 - reduction)
  while the person is a newcomer (start date less than ``newcomer_months`` before the date
  measured);
* weighted load against the DS maximum  L = sum_t n_t / max_t / c  (1.0 = 100 %); likewise
  against the minimum, to tell "below range";
* full-time-equivalent caseload = total cases * 37 / casework hours;
* team: FTE needed at max = sum_t N_t / max_t (and at min and midpoint), available FTE =
  sum c, shortfall = needed - available, yearly cost = shortfall * cost per FTE.

A person with no casework capacity gets the status NOT_COMPUTABLE; no inf or NaN is produced.
Cases of a type the chosen norm set cannot measure are counted, reported as *uncovered*
(unmeasured) and left out of the loads. They are never read as "below range":

* a person whose cases are all unmeasured gets UNMEASURED;
* a person with some unmeasured cases is OVER if the measured cases alone exceed the maximum
  (the unmeasured ones can only add to that), and PARTLY_UNMEASURED otherwise.

Capacity rule for the team (so that unmeasured cases never shrink a shortfall): a person's
capacity counts as available for the measured cases only in proportion to the measured share
of their cases, ``c * covered / total`` (all of ``c`` for a person with no cases). Someone who
holds only unmeasured cases therefore adds nothing to the available FTE. ``total_capacity_fte``
keeps the plain sum of ``c``.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import reduce
from itertools import chain, repeat
from operator import add, attrgetter, methodcaller, truediv
from typing import NamedTuple, overload

from sagstal_desktop.core.case_weight import LEVELS, OFF, Weighting, resolved_split
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.core.norms import NormSet, TypeNorm
from sagstal_desktop.core.reductions import active_hours

#: Tolerance for comparing a load with 100 %: exactly a DS-maximum caseload is "within".
EPSILON = 1e-9
#: Casework hours at or below this (a few milliseconds a week) count as none: a numerical guard
#: so that loads stay finite, not a rule about people.
HOURS_EPSILON = 1e-6


class Status(StrEnum):
    """Where a person's caseload lies against the norm range."""

    BELOW = "below"
    WITHIN = "within"
    OVER = "over"
    NOT_COMPUTABLE = "not_computable"
    PARTLY_UNMEASURED = "partly_unmeasured"  # some cases have no norm; the measured ones are not over
    UNMEASURED = "unmeasured"  # every case has no norm in the chosen set


class PersonResult(NamedTuple):
    """The computed figures for one staff member (a named tuple: 10,000 of them are cheap)."""

    member_id: str
    name: str
    weekly_hours: float
    casework_hours: float
    newcomer: bool
    capacity: float  # casework FTE after the newcomer reduction
    measured_capacity: float  # capacity * covered / total cases: what counts for the measured cases
    total_cases: int
    uncovered_cases: int  # cases of types the norm set cannot measure
    weighted_max: float  # sum n_t / max_t: FTE of work at DS max the person's cases represent
    weighted_min: float
    fte_caseload: float | None  # None without casework hours
    load_max: float | None  # fraction: 1.0 = exactly DS max for the person's capacity
    load_min: float | None
    status: Status  # follows the case-weighted load when the team's weighting is on
    #: Without case weight (``core/case_weight.py``): the same as the fields above while the
    #: team's weighting is off.
    unweighted_max: float  # sum n_t / max_t, every case alike
    load_max_unweighted: float | None
    load_min_unweighted: float | None
    status_unweighted: Status

    @property
    def computable(self) -> bool:
        return self.status is not Status.NOT_COMPUTABLE

    def room(self, norm: TypeNorm) -> float | None:
        """How many more cases of ``norm``'s type the person can take before reaching DS max
        (negative: how many the person is over by). None if not computable."""
        if self.status is Status.NOT_COMPUTABLE:
            return None
        return (self.capacity - self.weighted_max) * norm.max

    def room_whole(self, norm: TypeNorm) -> int | None:
        """``room`` in whole cases: cases that still fit (rounded down), or minus the number
        of cases to hand over to get within DS max (rounded away from zero)."""
        room = self.room(norm)
        if room is None:
            return None
        if room >= -EPSILON:
            return math.floor(room + EPSILON)
        return -math.ceil(-room - EPSILON)


@dataclass(frozen=True, slots=True)
class GroupSummary:
    """A norm area's share of the team's cases and of the staff it needs."""

    group_id: str
    cases: int
    fte_needed_max: float
    fte_needed_mid: float
    fte_needed_min: float


@dataclass(frozen=True)
class TeamSummary:
    """Team figures. FTE = full-time (37 h) casework positions."""

    norm_set_id: str
    as_of: date
    full_time_hours: float
    persons: PersonResults
    cases_by_type: dict[str, int]  # covered cases, by the case type the team holds them under
    uncovered_by_type: dict[str, int]
    groups: tuple[GroupSummary, ...]
    total_cases: int
    covered_cases: int
    available_fte: float
    casework_hours: float
    total_capacity_fte: float  # sum of every person's capacity, unmeasured cases or not
    fte_needed_max: float
    fte_needed_mid: float
    fte_needed_min: float
    cost_per_fte: float | None
    staff_count: int
    computable_count: int
    over_count: int
    within_count: int
    below_count: int
    partly_unmeasured_count: int = 0
    unmeasured_count: int = 0
    #: The case weighting the figures were computed with (``core/case_weight.py``); with it
    #: on, ``persons``' loads and statuses, ``fte_needed_*`` and ``over_count`` are
    #: case-weighted ("FTE needed for the weighted cases") and these keep the unweighted ones.
    weighting: Weighting = OFF
    fte_needed_max_unweighted: float = 0.0
    fte_needed_mid_unweighted: float = 0.0
    fte_needed_min_unweighted: float = 0.0
    over_count_unweighted: int = 0
    assessed_cases: int = 0  # cases split by level (the rest are not assessed)

    @property
    def weighted(self) -> bool:
        """True when the figures are case-weighted (the team's weighting is on)."""
        return self.weighting.on

    def fte_needed_unweighted(self, level: str = "max") -> float:
        return {"max": self.fte_needed_max_unweighted, "mid": self.fte_needed_mid_unweighted,
                "min": self.fte_needed_min_unweighted}[level]

    @property
    def not_computable_count(self) -> int:
        return self.staff_count - self.computable_count

    @property
    def uncovered_cases(self) -> int:
        """The team's cases of types the norm set has no range for (reported, not measured)."""
        return self.total_cases - self.covered_cases

    @property
    def uneven(self) -> bool:
        """True when the team has the FTE it needs at the maximum but people are over: the cases
        are unevenly spread."""
        return self.over_count > 0 and self.shortfall("max") <= 1e-9

    def shortfall(self, level: str = "max") -> float:
        """FTE needed at ``level`` ("max", "mid" or "min") minus available FTE.
        Positive: the team lacks staff; negative: a surplus."""
        return self.fte_needed(level) - self.available_fte

    def fte_needed(self, level: str = "max") -> float:
        return {"max": self.fte_needed_max, "mid": self.fte_needed_mid, "min": self.fte_needed_min}[level]

    def yearly_cost(self, level: str = "max") -> float | None:
        """Yearly cost of closing the shortfall at ``level`` (0 with no shortfall); None
        while no cost per FTE has been entered."""
        if self.cost_per_fte is None:
            return None
        return max(self.shortfall(level), 0.0) * self.cost_per_fte

    @property
    def share_within_max(self) -> float | None:
        """Share at or below the maximum (0-1) of the staff whose status is known (below, within
        or over; partly and fully unmeasured people are left out); None if there are none."""
        known = self.below_count + self.within_count + self.over_count
        if not known:
            return None
        return (self.below_count + self.within_count) / known

    @property
    def average_fte_caseload(self) -> float | None:
        """The team's cases per full-time casework position: total cases * 37 / the casework
        hours of everyone with casework hours."""
        if self.casework_hours <= 0:
            return None
        return self.total_cases * self.full_time_hours / self.casework_hours

    @property
    def effective_range(self) -> tuple[float, float] | None:
        """The DS range for the team's mix of cases: cases / FTE needed at min and at max.
        For a team with one case type this is that type's range."""
        if self.covered_cases <= 0:
            return None
        return (self.covered_cases / self.fte_needed_min, self.covered_cases / self.fte_needed_max)


def add_months(day: date, months: int) -> date:
    """``day`` moved ``months`` calendar months on, clamped to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    if day.day <= 28:
        return date(year, month, day.day)
    last = 31 if month == 12 else (date(year, month + 1, 1) - _ONE_DAY).day
    return date(year, month, min(day.day, last))


_ONE_DAY = timedelta(days=1)


def is_newcomer(start_date: date | None, as_of: date, months: int) -> bool:
    """True while ``as_of`` lies before the end of the newcomer period that starts at
    ``start_date`` (also for a start date still to come)."""
    if start_date is None or months <= 0:
        return False
    return as_of < add_months(start_date, months)


class _Weights:
    """Per norm set: 1/max and 1/min for each case type, and which types it cannot measure.

    The hot loop works on whole ``counts`` dicts at C speed: persons whose dicts list the same
    case types in the same order share one tuple of weights, so a person's load is
    ``sum(map(mul, counts.values(), weights))`` with no Python-level step per case type.
    """

    def __init__(self, norm_set: NormSet) -> None:
        self.norm_set = norm_set
        self._resolved: dict[str, TypeNorm | None] = {}
        self._by_signature: dict[tuple[str, ...], tuple] = {}

    def norm(self, case_type: str) -> TypeNorm | None:
        try:
            return self._resolved[case_type]
        except KeyError:
            norm = self._resolved[case_type] = self.norm_set.norm_for(case_type)
            return norm

    def for_signature(self, signature: tuple[str, ...]) -> tuple:
        """(inv_max, inv_min, covered mask or None) for a tuple of case types."""
        found = self._by_signature.get(signature)
        if found is None:
            norms = [self.norm(t) for t in signature]
            inv_max = tuple(1.0 / n.max if n else 0.0 for n in norms)
            inv_min = tuple(1.0 / n.min if n else 0.0 for n in norms)
            mask = None if all(norms) else tuple(1 if n else 0 for n in norms)
            found = self._by_signature[signature] = (inv_max, inv_min, mask)
        return found


class PersonResults(Sequence[PersonResult]):
    """Every person's figures, kept by column; a ``PersonResult`` is built when asked for.

    Building 10,000 tuples up front would cost more than the whole computation; a table view
    asks only for its visible rows. ``column(name)`` gives a whole column (for charts).
    """

    __slots__ = ("_columns", "_size")

    def __init__(self, columns: dict[str, list]) -> None:
        self._columns = tuple(columns[name] for name in PersonResult._fields)
        self._size = len(self._columns[0])

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: int) -> PersonResult: ...
    @overload
    def __getitem__(self, index: slice) -> list[PersonResult]: ...
    def __getitem__(self, index: int | slice) -> PersonResult | list[PersonResult]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._size))]
        return PersonResult._make([column[index] for column in self._columns])

    def column(self, name: str) -> list:
        """One field for every person, e.g. ``column("load_max")``."""
        return self._columns[PersonResult._fields.index(name)]


def _signature_groups(staff: list[StaffMember]) -> dict[tuple[str, ...], list[int]]:
    """Indexes of the persons whose counts list the same case types in the same order."""
    signatures = list(map(tuple, map(attrgetter("counts"), staff)))
    if signatures and signatures.count(signatures[0]) == len(signatures):
        return {signatures[0]: list(range(len(signatures)))}  # the usual case: one layout
    groups: dict[tuple[str, ...], list[int]] = {}
    for index, signature in enumerate(signatures):
        groups.setdefault(signature, []).append(index)
    return groups


class _Computed(NamedTuple):
    persons: PersonResults
    totals: dict[str, int]  # covered cases per case type
    uncovered: dict[str, int]
    available_fte: float
    casework_hours: float
    total_cases: int
    status_counts: list[int]  # indexed like _STATUS_BY_CODE
    total_capacity: float


_STATUS_BY_CODE = (Status.BELOW, Status.WITHIN, Status.OVER, Status.NOT_COMPUTABLE, Status.PARTLY_UNMEASURED,
                   Status.UNMEASURED)


def _compute_people(
    staff: list[StaffMember], weights: _Weights, settings: TeamSettings, as_of: date
) -> _Computed:
    """Every person's figures and their sums. Large teams go through numpy (imported for a very
    large one; from ``NUMPY_LOADED_FROM_STAFF`` if it is imported already or the process
    computes again and again, see ``prefer_numpy``); small ones through plain Python, which is as
    fast there and keeps numpy's import off the window's start-up. Both follow the same
    definitions; the tests hold them to each other."""
    if uses_numpy(len(staff)):
        return _compute_people_numpy(staff, weights, settings, as_of)
    return _compute_people_python(staff, weights, settings, as_of)


#: Team size from which the numpy path is used even if numpy must be imported for it: importing
#: numpy takes 0.1-0.2 s, what plain Python needs for some 30,000-50,000 persons (a command such
#: as ``sagstal memo`` runs once per process).
NUMPY_FROM_STAFF = 50_000
#: Team size from which the numpy path is used when numpy is already imported, or preferred.
NUMPY_LOADED_FROM_STAFF = 1000
_numpy_preferred = False


def prefer_numpy() -> None:
    """For a process that computes the same team again at every edit (the window): take the numpy
    path from ``NUMPY_LOADED_FROM_STAFF`` persons on, importing numpy once (3 times faster for a
    team of thousands; a command that computes once keeps plain Python up to ``NUMPY_FROM_STAFF``)."""
    global _numpy_preferred
    _numpy_preferred = True


def uses_numpy(staff_count: int) -> bool:
    """Whether a team of ``staff_count`` persons is computed with numpy."""
    return staff_count >= NUMPY_FROM_STAFF or (
        staff_count >= NUMPY_LOADED_FROM_STAFF and (_numpy_preferred or "numpy" in sys.modules))


def warm_up(staff_count: int) -> None:
    """Import numpy now if a team of ``staff_count`` persons will be computed with it (call it on
    the worker thread that reads the team, so the window's thread does not pay the import)."""
    if uses_numpy(staff_count):
        import numpy  # noqa: F401


def _newcomer_flags(staff: list[StaffMember], settings: TeamSettings, as_of: date) -> list[bool]:
    months = settings.newcomer_months
    known: dict[date | None, bool] = {None: False}
    flags = []
    for start in map(attrgetter("start_date"), staff):
        found = known.get(start)
        if found is None:
            found = known[start] = is_newcomer(start, as_of, months)
        flags.append(found)
    return flags


def _compute_people_python(
    staff: list[StaffMember], weights: _Weights, settings: TeamSettings, as_of: date
) -> _Computed:
    """Every person's figures in plain Python, with the float operations of the definitions in
    the same order: a person's weighted cases are ``0.0 + n1 / max1 + n2 / max2 + ...`` over
    the covered types, left to right in the order of the person's counts (a type counted 0 adds
    ``0 / max``, which changes no such sum). The persons whose counts list the same case types
    in the same order (``_Layout``) are summed a case type at a time for all of them at once, at
    C speed (``_layout_sums``): each person's sum still takes its terms in the same order. The
    cases per type are summed per layout (whole numbers: the order of their sums changes
    nothing) and keyed in the order in which the types first have a count."""
    fth = weights.norm_set.full_time_hours
    keep = 1.0 - settings.newcomer_reduction
    columns: dict[str, list] = {name: [] for name in PersonResult._fields}
    status_counts = [0] * len(_STATUS_BY_CODE)
    available = total_capacity = casework_hours = 0.0
    total_cases = 0
    rows: list[tuple] = []
    layouts, totals_of, uncovered_of, max_of, min_of = _layout_sums(staff, weights)
    for person, newcomer, total, unc, weighted_max, weighted_min in zip(
            staff, _newcomer_flags(staff, settings, as_of), totals_of, uncovered_of, max_of, min_of, strict=True):
        hours = person.casework_hours_on(as_of) if person.reductions else person.casework_hours
        if 0 < hours <= HOURS_EPSILON:
            hours = 0.0
        capacity = hours / fth * (keep if newcomer else 1.0) if hours > 0 else 0.0
        if capacity > 0:
            load_max, load_min = weighted_max / capacity, weighted_min / capacity
            if total and unc == total:
                code = 5
            elif load_max > 1.0 + EPSILON:
                code = 2
            elif unc:
                code = 4
            else:
                code = 0 if load_min < 1.0 - EPSILON else 1
        else:
            load_max = load_min = None
            code = 3
        measured = capacity * (total - unc) / total if total else capacity
        status_counts[code] += 1
        available += measured
        total_capacity += capacity
        total_cases += total
        if hours > 0:
            casework_hours += hours
        rows.append((person.id, person.name, person.weekly_hours, max(hours, 0.0), newcomer, capacity, measured,
                     total, unc, weighted_max, weighted_min, total * fth / hours if hours > 0 else None,
                     load_max, load_min, _STATUS_BY_CODE[code]))
    for name, column in zip(_ROW_FIELDS, zip(*rows, strict=True) if rows else [()] * len(_ROW_FIELDS), strict=True):
        columns[name].extend(column)  # one row per person, turned into columns at once
    _same_unweighted(columns)
    totals, uncovered = _cases_by_type(staff, layouts, weights)
    return _Computed(PersonResults(columns), totals, uncovered, available, casework_hours, total_cases,
                     status_counts, total_capacity)


def _layout_sums(staff: list[StaffMember], weights: _Weights) -> tuple[list[_Layout], list, list, list, list]:
    """(the layouts, and per person: cases, cases the norm set cannot measure, weighted cases at
    the maximum and at the minimum). Per layout, a case type at a time for all its persons:
    ``sum = sum + n / max``, starting from 0.0, the types in the layout's order, so each
    person's float sum takes the same terms in the same order as one person at a time would."""
    size = len(staff)
    totals, uncovered, at_max, at_min = [0] * size, [0] * size, [0.0] * size, [0.0] * size
    counts = list(map(attrgetter("counts"), staff))
    layouts = []
    for signature, indexes in _signature_groups(staff).items():
        layout = _Layout(signature, weights)
        layouts.append(layout)
        if not signature:
            continue
        layout.columns = list(zip(*map(tuple, map(methodcaller("values"), map(counts.__getitem__, indexes))),
                                  strict=True))
        people = len(indexes)
        total, unc, high, low = [0] * people, [0] * people, [0.0] * people, [0.0] * people
        norms = iter(zip(layout.maxes, layout.mins, strict=True))
        for j, column in enumerate(layout.columns):
            total = list(map(add, total, column))
            if layout.mask is None or layout.mask[j]:
                most, least = next(norms)
                high = list(map(add, high, map(truediv, column, repeat(most))))
                low = list(map(add, low, map(truediv, column, repeat(least))))
            else:
                unc = list(map(add, unc, column))
        if people == size:  # one layout (the usual team): the persons in order
            return layouts, total, unc, high, low
        for i, a, b, c, d in zip(indexes, total, unc, high, low, strict=True):
            totals[i], uncovered[i], at_max[i], at_min[i] = a, b, c, d
    return layouts, totals, uncovered, at_max, at_min


class _Layout:
    """The case types of a ``counts`` dict in its order, with each covered type's norm
    (``maxes``, ``mins``: those of the covered types, in order), which types are covered
    (``mask``; None: all) and, per type, the counts of every person who has this layout."""

    __slots__ = ("columns", "mask", "maxes", "mins", "signature", "uncovered")

    def __init__(self, signature: tuple[str, ...], weights: _Weights) -> None:
        norms = [weights.norm(t) for t in signature]
        self.signature = signature
        self.maxes = tuple(n.max for n in norms if n is not None)
        self.mins = tuple(n.min for n in norms if n is not None)
        self.mask = None if all(n is not None for n in norms) else tuple(n is not None for n in norms)
        self.uncovered = None if self.mask is None else tuple(not covered for covered in self.mask)
        self.columns: list[tuple] = []


def _cases_by_type(staff: list[StaffMember], layouts, weights: _Weights) -> tuple[dict[str, int], dict[str, int]]:
    """(covered cases per case type, cases per type the norm set cannot measure): each type
    with a count anywhere, keyed in the order in which the types first have a count (person by
    person, each person's counts in their order), the sum of its counts."""
    sums: dict[str, int] = {}
    for layout in layouts:
        for case_type, column in zip(layout.signature, layout.columns, strict=True):
            if any(column):
                sums[case_type] = reduce(add, filter(None, column), sums.get(case_type, 0))
    totals: dict[str, int] = {}
    uncovered: dict[str, int] = {}
    if not sums:
        return totals, uncovered
    wanted = len(sums)
    for counts in map(attrgetter("counts"), staff):
        for case_type, n in counts.items():
            if n and case_type not in totals and case_type not in uncovered:
                (uncovered if weights.norm(case_type) is None else totals)[case_type] = sums[case_type]
        if len(totals) + len(uncovered) == wanted:
            break
    return totals, uncovered


#: The columns of ``_compute_people_python``'s rows, in order.
_ROW_FIELDS = ("member_id", "name", "weekly_hours", "casework_hours", "newcomer", "capacity", "measured_capacity",
               "total_cases", "uncovered_cases", "weighted_max", "weighted_min", "fte_caseload", "load_max",
               "load_min", "status")


def _same_unweighted(columns: dict[str, list]) -> None:
    """The unweighted columns while no case weight applies: the weighted ones themselves."""
    columns["unweighted_max"] = columns["weighted_max"]
    columns["load_max_unweighted"] = columns["load_max"]
    columns["load_min_unweighted"] = columns["load_min"]
    columns["status_unweighted"] = columns["status"]


def _compute_people_numpy(
    staff: list[StaffMember], weights: _Weights, settings: TeamSettings, as_of: date
) -> _Computed:
    """Every person's figures and their sums, vectorised: persons holding the same case types
    in the same order form one integer matrix, so 10,000 staff x 30 case types cost a few
    matrix products instead of 300,000 Python steps."""
    import numpy as np

    size = len(staff)
    wmax, wmin = np.zeros(size), np.zeros(size)
    total, unc = np.zeros(size, dtype=np.int64), np.zeros(size, dtype=np.int64)
    totals: dict[str, int] = {}
    uncovered: dict[str, int] = {}
    for signature, indexes in _signature_groups(staff).items():
        if not signature:
            continue
        inv_max, inv_min, mask = weights.for_signature(signature)
        width = len(signature)
        counts = np.fromiter(
            chain.from_iterable([staff[i].counts.values() for i in indexes]),
            dtype=np.int64, count=width * len(indexes),
        ).reshape(len(indexes), width)
        rows = np.asarray(indexes)
        wmax[rows] = counts @ np.asarray(inv_max)
        wmin[rows] = counts @ np.asarray(inv_min)
        row_total = counts.sum(axis=1)
        total[rows] = row_total
        if mask:
            unc[rows] = row_total - counts @ np.asarray(mask, dtype=np.int64)
        for case_type, n in zip(signature, counts.sum(axis=0).tolist(), strict=True):
            if n:
                target = totals if weights.norm(case_type) is not None else uncovered
                target[case_type] = target.get(case_type, 0) + n

    fth = weights.norm_set.full_time_hours
    newcomers = np.fromiter(_newcomer_flags(staff, settings, as_of), dtype=bool, count=size)
    weekly = np.fromiter(map(attrgetter("weekly_hours"), staff), dtype=float, count=size)
    hours = weekly - np.fromiter(map(attrgetter("other_hours"), staff), dtype=float, count=size)
    for i, person in enumerate(staff):
        if person.reductions:
            hours[i] -= active_hours(person.reductions, as_of)
    hours[(hours > 0) & (hours <= HOURS_EPSILON)] = 0.0
    has_hours = hours > 0
    safe_hours = np.where(has_hours, hours, 1.0)
    keep = np.where(newcomers, 1.0 - settings.newcomer_reduction, 1.0)
    capacity = np.where(has_hours, safe_hours / fth * keep, 0.0)
    computable = capacity > 0
    safe_capacity = np.where(computable, capacity, 1.0)
    load_max = wmax / safe_capacity
    load_min = wmin / safe_capacity
    status_code = np.select(
        [~computable, (total > 0) & (unc == total), load_max > 1.0 + EPSILON, unc > 0, load_min < 1.0 - EPSILON],
        [3, 5, 2, 4, 0], default=1,
    )
    measured = np.where(total > 0, capacity * (total - unc) / np.maximum(total, 1), capacity)
    fte_caseload = (total * fth / safe_hours).tolist()
    load_max_list, load_min_list = load_max.tolist(), load_min.tolist()
    for i in np.flatnonzero(~has_hours).tolist():
        fte_caseload[i] = None
    for i in np.flatnonzero(~computable).tolist():
        load_max_list[i] = load_min_list[i] = None
    columns = {
        "member_id": list(map(attrgetter("id"), staff)),
        "name": list(map(attrgetter("name"), staff)),
        "weekly_hours": weekly.tolist(),
        "casework_hours": np.maximum(hours, 0.0).tolist(),
        "newcomer": newcomers.tolist(),
        "capacity": capacity.tolist(),
        "measured_capacity": measured.tolist(),
        "total_cases": total.tolist(),
        "uncovered_cases": unc.tolist(),
        "weighted_max": wmax.tolist(),
        "weighted_min": wmin.tolist(),
        "fte_caseload": fte_caseload,
        "load_max": load_max_list,
        "load_min": load_min_list,
        "status": list(map(_STATUS_BY_CODE.__getitem__, status_code.tolist())),
    }
    _same_unweighted(columns)
    persons = PersonResults(columns)
    return _Computed(
        persons,
        totals,
        uncovered,
        float(measured.sum()),
        float(hours[has_hours].sum()),
        int(total.sum()),
        np.bincount(status_code, minlength=len(_STATUS_BY_CODE)).tolist(),
        float(capacity.sum()),
    )


def compute_person(
    member: StaffMember, norm_set: NormSet, settings: TeamSettings, as_of: date
) -> PersonResult:
    """The figures for one staff member (case-weighted when ``settings.weighting`` is on)."""
    weights = _Weights(norm_set)
    computed = _compute_people([member], weights, settings, as_of)
    if settings.weighting.on:
        computed = _apply_weighting(computed, [member], weights, settings.weighting)[0]
    return computed.persons[0]


def summarize(team: Team, as_of: date | None = None, norm_set: NormSet | None = None) -> TeamSummary:
    """Compute every person's figures and the team summary against ``norm_set`` (default: the
    team's chosen set) on the date ``as_of`` (default: today).

    With the team's case weighting on (``TeamSettings.weighting``, ``core/case_weight.py``) the
    loads, statuses and FTE needed are the case-weighted ones; the unweighted figures are kept
    beside them (``PersonResult.load_max_unweighted``, ``TeamSummary.fte_needed_max_unweighted``).
    Off, the computation is the one it always was."""
    as_of = as_of or date.today()
    norm_set = norm_set or team.norm_set()
    weights = _Weights(norm_set)
    weighting = team.settings.weighting
    computed = _compute_people(team.staff, weights, team.settings, as_of)
    plain = _needs(computed.totals, computed.totals, weights, norm_set)
    unweighted_over = computed.status_counts[2]
    assessed = 0
    if weighting.on:
        computed, equivalents, assessed = _apply_weighting(computed, team.staff, weights, weighting)
        need_max, need_mid, need_min, groups = _needs(computed.totals, equivalents, weights, norm_set)
    else:
        need_max, need_mid, need_min, groups = plain
    below, within, over, not_computable, partly, unmeasured = computed.status_counts
    return TeamSummary(
        norm_set_id=norm_set.id,
        as_of=as_of,
        full_time_hours=norm_set.full_time_hours,
        persons=computed.persons,
        cases_by_type=computed.totals,
        uncovered_by_type=computed.uncovered,
        groups=groups,
        total_cases=computed.total_cases,
        covered_cases=sum(computed.totals.values()),
        available_fte=computed.available_fte,
        casework_hours=computed.casework_hours,
        total_capacity_fte=computed.total_capacity,
        fte_needed_max=need_max,
        fte_needed_mid=need_mid,
        fte_needed_min=need_min,
        cost_per_fte=team.settings.cost_per_fte,
        staff_count=len(computed.persons),
        computable_count=len(computed.persons) - not_computable,
        over_count=over,
        within_count=within,
        below_count=below,
        partly_unmeasured_count=partly,
        unmeasured_count=unmeasured,
        weighting=weighting,
        fte_needed_max_unweighted=plain[0],
        fte_needed_mid_unweighted=plain[1],
        fte_needed_min_unweighted=plain[2],
        over_count_unweighted=unweighted_over,
        assessed_cases=assessed,
    )


def _needs(counts: dict[str, int], equivalents: dict[str, float] | dict[str, int], weights: _Weights,
           norm_set: NormSet) -> tuple[float, float, float, tuple[GroupSummary, ...]]:
    """FTE needed at max, mid and min for the covered ``equivalents`` per type (the counts
    themselves, or case-weighted cases), and per norm area (cases: ``counts``)."""
    need_max = need_min = need_mid = 0.0
    by_group: dict[str, list] = {g.id: [0, 0.0, 0.0, 0.0] for g in norm_set.groups}
    for case_type, n in counts.items():
        norm = weights.norm(case_type)
        e = equivalents.get(case_type, 0)
        acc = by_group[norm.group_id]
        acc[0] += n
        acc[1] += e / norm.max
        acc[2] += e / norm.midpoint
        acc[3] += e / norm.min
        need_max += e / norm.max
        need_mid += e / norm.midpoint
        need_min += e / norm.min
    return need_max, need_mid, need_min, tuple(GroupSummary(gid, *acc) for gid, acc in by_group.items() if acc[0])


def _status_code(capacity: float, total: int, unc: int, load_max: float, load_min: float) -> int:
    """The status (an index of ``_STATUS_BY_CODE``) of a person with capacity, as
    ``_compute_people_python`` decides it."""
    if capacity <= 0:
        return 3
    if total and unc == total:
        return 5
    if load_max > 1.0 + EPSILON:
        return 2
    if unc:
        return 4
    return 0 if load_min < 1.0 - EPSILON else 1


def _apply_weighting(computed: _Computed, staff: list[StaffMember], weights: _Weights,
                     weighting: Weighting) -> tuple[_Computed, dict[str, float], int]:
    """``computed`` (unweighted) with each case multiplied by its level's factor
    (``Weighting.factor``): the loads and statuses case-weighted, the unweighted ones kept in
    their own columns. Also the case-weighted cases per covered type and how many covered and
    uncovered cases were assessed."""
    columns = dict(zip(PersonResult._fields, computed.persons._columns, strict=True))
    columns["unweighted_max"] = columns["weighted_max"]
    columns["load_max_unweighted"] = columns["load_max"]
    columns["load_min_unweighted"] = columns["load_min"]
    columns["status_unweighted"] = columns["status"]
    default = weighting.default_level
    per_type: dict[str, tuple | None] = {}  # case type -> per level (factor / max, factor / min, factor)
    equivalents: dict[str, float] = {}
    status_counts = [0] * len(_STATUS_BY_CODE)
    wmax_col, wmin_col, lmax_col, lmin_col, status_col = [], [], [], [], []
    assessed_total = 0
    capacities, totals, uncs = columns["capacity"], columns["total_cases"], columns["uncovered_cases"]
    for index, person in enumerate(staff):
        wmax = wmin = 0.0
        levels = person.levels
        for case_type, n in person.counts.items():
            if not n:
                continue
            own = levels.get(case_type) if levels else None
            if own:
                assessed_total += sum(own.values())
            try:
                entry = per_type[case_type]
            except KeyError:
                norm = weights.norm(case_type)
                entry = per_type[case_type] = None if norm is None else {
                    level: (f / norm.max, f / norm.min, f)
                    for level, f in ((level, weighting.factor(level, norm)) for level in LEVELS)}
            if entry is None:
                continue  # unmeasured at any level
            if own:
                split = resolved_split(levels, case_type, n, default)
                for level, k in split.items():
                    if k:
                        on_max, on_min, f = entry[level]
                        wmax += k * on_max
                        wmin += k * on_min
                        equivalents[case_type] = equivalents.get(case_type, 0.0) + k * f
            else:
                on_max, on_min, f = entry[default]
                wmax += n * on_max
                wmin += n * on_min
                equivalents[case_type] = equivalents.get(case_type, 0.0) + n * f
        capacity = capacities[index]
        if capacity > 0:
            load_max, load_min = wmax / capacity, wmin / capacity
        else:
            load_max = load_min = None
        code = _status_code(capacity, totals[index], uncs[index], load_max or 0.0, load_min or 0.0)
        status_counts[code] += 1
        wmax_col.append(wmax)
        wmin_col.append(wmin)
        lmax_col.append(load_max)
        lmin_col.append(load_min)
        status_col.append(_STATUS_BY_CODE[code])
    columns.update(weighted_max=wmax_col, weighted_min=wmin_col, load_max=lmax_col, load_min=lmin_col,
                   status=status_col)
    return computed._replace(persons=PersonResults(columns), status_counts=status_counts), equivalents, assessed_total
