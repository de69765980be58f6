"""The department overview: many teams' files rolled up into one picture (issue 26).

Pure Python. The io layer (``io/department_reader.py``) reads each ``.sagstal`` file through
the hostile-file reader and hands the results over as ``TeamSource`` values; ``roll_up`` then

* computes every team with the core's own model (``core.load.summarize``, the figures of
  ``sagstal summary``), never a second model;
* checks that the teams are comparable and lists what is not as ``Problem`` values, of the
  kinds in ``PROBLEM_KINDS``:

  - ``unreadable``: the reader refused the file (its own translated message);
  - ``duplicate_team``: a copy of another file (the same bytes, or exactly the same staff ids):
    the copy is named, read, and *not counted* in the total (the team counts once);
  - ``norm_set``: measured against another norm set, or another version of one (an own set with
    other ranges), than most teams (the reference; with ``norms`` every team is measured against
    that set instead, and ``Department.norms_changed`` says which teams that changes);
  - ``duplicate_person``: the same person in two counted teams (same id, or same name and start
    date), named on the later file;
  - ``stale``: the file was last saved, or its latest snapshot is, more than
    ``department_stale_days`` (``resources/defaults.json``) before the date measured;
  - ``settings``: settings that change the figures differ from most teams' (the newcomer
    reduction or period where the team has a newcomer it changes, the cost per FTE, the case
    weighting: a weighted team's figures are its weighted ones);

* sums the counted teams (``Totals``), works out the free capacity at the maximum, the trend
  aligned by month and "sustained overload".

Definitions (also in the help, ``resources/help/help_*.html#afdeling``):

* a team's **load at the maximum** = FTE needed at the maximum / available FTE (the team as a
  whole; 100 % = exactly the staff the maximum asks for). None without available FTE.
* **free capacity** at the maximum = available FTE - FTE needed at the maximum where positive (0
  for a team with a shortfall: one team's surplus is not moved to another), in FTE and in cases
  of the team's own mix (free FTE x the team's cases per FTE at the maximum).
* a team's **trend** has one point per calendar month: its latest snapshot in that month (figures
  as recorded, ``core.trend``); the department's trend sums, per month, the teams with a point.
* **sustained overload**: over the maximum (a shortfall at the maximum) in at least
  ``sustained_overload_over`` (3) of the team's last ``sustained_overload_of`` (4) monthly points
  up to the date measured.
* the total's **yearly cost** is the sum of each team's cost of closing its own shortfall (a team
  with a surplus costs 0), over the teams with a cost per FTE (``Totals.yearly_cost_teams``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sagstal_desktop.core.defaults import defaults
from sagstal_desktop.core.history import SnapshotFigures, ordered_snapshots, snapshot_date, snapshot_figures
from sagstal_desktop.core.load import TeamSummary, is_newcomer, summarize
from sagstal_desktop.core.model import Snapshot, StaffMember, Team
from sagstal_desktop.core.norms import NormSet, builtin_norm_sets, find_norm_set
from sagstal_desktop.i18n import N_, ntr, tr

PROBLEM_KINDS = ("unreadable", "norm_set", "duplicate_person", "duplicate_team", "stale", "settings")
LEVELS = ("max", "mid", "min")
#: Names listed in one duplicate-person problem before "and N more".
_NAMES_SHOWN = 5


def stale_days() -> int:
    """Days after which a file's last save or latest snapshot is old (``department_stale_days``)."""
    return int(defaults()["department_stale_days"])


def sustained_rule() -> tuple[int, int]:
    """(over, of): over the maximum in at least ``over`` of the last ``of`` monthly points."""
    return int(defaults()["sustained_overload_over"]), int(defaults()["sustained_overload_of"])


# -- input --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TeamSource:
    """One team file as the department reader read it.

    ``file``: the path as given or found (shown and used as the file's name in problems);
    ``team``: the team read, None when the file could not be read; ``error``: then the reader's
    message in a language (``error("da")``); ``last_saved``: the file's modification time;
    ``digest``: SHA-256 of the file's bytes (tells copies); ``locked_by``: set when a window has
    the file open for editing (it is read all the same), the lock's message in a language."""

    file: str
    team: Team | None
    error: Callable[[str], str] | None = None
    last_saved: datetime | None = None
    digest: str = ""
    locked_by: Callable[[str], str] | None = None


class DepartmentError(ValueError):
    """A department that cannot be rolled up as asked (an unknown ``norms`` id)."""

    def __init__(self, set_id: str, known: Sequence[str]) -> None:
        self.set_id, self.known = set_id, tuple(known)
        super().__init__(self.message("en"))

    def message(self, lang: str = "da") -> str:
        return tr(N_("unknown norm set {name}; known: {known}"), lang).format(
            name=repr(self.set_id), known=", ".join(self.known))


# -- output -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """Something that keeps the teams from being compared or summed as they are.

    ``file``: the file it concerns (for a copy: the copy; for a person in two teams: the later
    file); ``kind``: one of ``PROBLEM_KINDS``; ``other_file``: the other file concerned, if any;
    ``message(lang)``: one sentence saying what and why."""

    file: str
    kind: str
    render: Callable[[str], str] = field(repr=False, compare=False)
    other_file: str | None = None

    def message(self, lang: str = "da") -> str:
        return self.render(lang)


@dataclass(frozen=True)
class MonthPoint:
    """A team's latest snapshot in one calendar month (``month``: its first day; ``day``: the
    snapshot's own date), with the figures it recorded (never recomputed, as ``core.trend``)."""

    month: date
    day: date
    norm_set: str | None  # the id of the set the snapshot was measured against
    figures: SnapshotFigures

    @property
    def shortfall_max(self) -> float:
        return self.figures.fte_needed_max - self.figures.available_fte

    @property
    def over(self) -> bool:
        """Over the maximum: a shortfall at the maximum in the snapshot's recorded figures."""
        return self.shortfall_max > 1e-9


@dataclass(frozen=True)
class TeamRow:
    """One team file's figures (the core's model: ``summary`` is ``core.load.summarize``'s).

    ``counted`` is False for a copy of another file (``copy_of`` names it): it is shown, never
    summed. ``norm_set`` is the set measured against (the chosen one with ``norms``), and
    ``own_norm_set_id`` the team's own choice."""

    file: str
    team: Team
    summary: TeamSummary
    norm_set: NormSet
    own_norm_set_id: str
    last_saved: datetime | None
    months: tuple[MonthPoint, ...]
    sustained_overload: bool
    counted: bool = True
    copy_of: str | None = None
    locked_by: Callable[[str], str] | None = field(default=None, repr=False, compare=False)

    @property
    def team_name(self) -> str:
        return self.team.info.team_name

    @property
    def display_name(self) -> str:
        """The team's name, or its file's name without ending when the team has none."""
        return self.team.info.team_name or _name(self.file).rsplit(".", 1)[0]

    @property
    def staff(self) -> int:
        return self.summary.staff_count

    @property
    def cases(self) -> int:
        return self.summary.total_cases

    @property
    def cases_by_area(self) -> dict[str, int]:
        """Covered cases per norm area (the set's group ids)."""
        return {g.group_id: g.cases for g in self.summary.groups}

    def fte_needed(self, level: str = "max") -> float:
        return self.summary.fte_needed(level)

    @property
    def available_fte(self) -> float:
        return self.summary.available_fte

    def shortfall(self, level: str = "max") -> float:
        return self.summary.shortfall(level)

    def yearly_cost(self, level: str = "max") -> float | None:
        return self.summary.yearly_cost(level)

    @property
    def over_count(self) -> int:
        return self.summary.over_count

    @property
    def share_within_max(self) -> float | None:
        return self.summary.share_within_max

    @property
    def load_max(self) -> float | None:
        """FTE needed at the maximum / available FTE (1.0 = 100 %); None without available FTE."""
        return team_load(self.summary.fte_needed_max, self.summary.available_fte)

    @property
    def free_fte(self) -> float:
        """Available FTE beyond what the maximum asks for (0 with a shortfall)."""
        return max(-self.summary.shortfall("max"), 0.0)

    @property
    def free_cases(self) -> float | None:
        """``free_fte`` in cases of the team's own mix at the maximum; None without measured cases."""
        if self.summary.fte_needed_max <= 0:
            return None
        return self.free_fte * self.summary.covered_cases / self.summary.fte_needed_max

    @property
    def last_snapshot(self) -> date | None:
        return self.months[-1].day if self.months else None


@dataclass(frozen=True)
class Totals:
    """The counted teams summed (each team once; copies are left out)."""

    teams: int
    staff: int
    cases: int
    cases_by_area: dict[str, int]
    fte_needed: dict[str, float]
    available_fte: float
    shortfall_fte: dict[str, float]
    yearly_cost: dict[str, float] | None  # None: no team has a cost per FTE
    yearly_cost_teams: int  # teams whose cost is in ``yearly_cost``
    over_count: int
    known_status_count: int  # staff below, within or over (the base of ``share_within_max``)
    within_or_below_count: int
    free_fte: float
    free_cases: float
    sustained_overload_teams: int

    @property
    def share_within_max(self) -> float | None:
        return self.within_or_below_count / self.known_status_count if self.known_status_count else None

    @property
    def load_max(self) -> float | None:
        return team_load(self.fte_needed["max"], self.available_fte)


@dataclass(frozen=True)
class DepartmentMonth:
    """One calendar month of the department's trend: the counted teams with a point that month."""

    month: date
    teams: int
    staff: int | None  # None when a team's point lacks it (a spreadsheet row)
    cases: int | None
    available_fte: float
    fte_needed_max: float
    fte_needed_min: float
    over_count: int | None
    teams_over: int  # teams over the maximum that month

    @property
    def shortfall_max(self) -> float:
        return self.fte_needed_max - self.available_fte


@dataclass(frozen=True)
class NormChange:
    """With ``norms``: a team measured against the chosen set instead of its own choice."""

    file: str
    team_name: str
    own_norm_set_id: str
    measured_against: str
    load_max_own: float | None
    load_max_chosen: float | None


@dataclass(frozen=True)
class Department:
    """The department: its files, its teams' figures, the total, the problems and the trend.

    ``files_total`` (M) files were given; ``files_read`` (N) of them could be read ("N af M
    teamfiler"); ``teams`` has one row per readable file, copies included (``counted`` False);
    ``chosen_norm_set``: the set every team is measured against (``norms``), else None."""

    as_of: date
    files_total: int
    teams: tuple[TeamRow, ...]
    totals: Totals
    problems: tuple[Problem, ...]
    trend: tuple[DepartmentMonth, ...]
    chosen_norm_set: NormSet | None = None
    norms_changed: tuple[NormChange, ...] = ()

    @property
    def files_read(self) -> int:
        return len(self.teams)

    @property
    def counted_teams(self) -> tuple[TeamRow, ...]:
        return tuple(row for row in self.teams if row.counted)

    @property
    def words_kind(self) -> str:
        """The kind whose words name the measure (``core.wording.fill``): "ds" when every counted
        team is measured against one of DS's sets, else "custom" ("normsættets maksimum")."""
        rows = self.counted_teams
        return "ds" if rows and all(row.norm_set.kind == "ds" for row in rows) else "custom"

    @property
    def full_time_hours(self) -> float:
        """Hours of one full-time position: the first counted team's norm set's (37 in DS's)."""
        rows = self.counted_teams
        return rows[0].norm_set.full_time_hours if rows else 37.0

    def files_text(self, lang: str = "da") -> str:
        """"11 af 12 teamfiler" (the files read of the files given)."""
        return ntr("{read} of {total} team file", "{read} of {total} team files", self.files_total, lang).format(
            read=self.files_read, total=self.files_total)


def team_load(needed: float, available: float) -> float | None:
    """A team's load at the maximum (needed / available); None without available FTE."""
    if available <= 1e-12:
        return None
    return needed / available


# -- rolling up ---------------------------------------------------------------------------


def _norm_key(norm_set: NormSet) -> tuple:
    """What makes two norm sets measure alike: id, full-time hours and every range."""
    return (norm_set.id, norm_set.full_time_hours,
            tuple((n.case_type, n.min, n.max) for n in norm_set.type_norms))


def resolve_norms(set_id: str, teams: Sequence[Team]) -> NormSet:
    """The set ``set_id`` names: a built-in set, else the first team's own set of that id (in
    file order). Raises ``DepartmentError`` if no team knows it."""
    for team in teams:
        try:
            return find_norm_set(set_id, team.custom_norm_sets)
        except KeyError:
            continue
    try:
        return find_norm_set(set_id)
    except KeyError:
        known = [s.id for s in builtin_norm_sets()]
        for team in teams:
            known.extend(s.id for s in team.custom_norm_sets if s.id not in known)
        raise DepartmentError(set_id, known) from None


def month_points(team: Team, as_of: date) -> tuple[MonthPoint, ...]:
    """The team's latest snapshot in each calendar month up to ``as_of``, oldest first."""
    latest: dict[date, Snapshot] = {}
    for snapshot in ordered_snapshots(team):  # date order: the last one of a month wins
        day = snapshot_date(snapshot)
        if day <= as_of:
            latest[day.replace(day=1)] = snapshot
    return tuple(MonthPoint(month, snapshot_date(s), _snapshot_set_id(s), snapshot_figures(s))
                 for month, s in sorted(latest.items()))


def _snapshot_set_id(snapshot: Snapshot) -> str | None:
    stored = snapshot.data.get("norm_set")
    if isinstance(stored, dict) and isinstance(stored.get("id"), str):
        return stored["id"]
    set_id = snapshot.data.get("figures", {}).get("norm_set")
    return str(set_id) if set_id else None


def sustained_overload(months: Sequence[MonthPoint]) -> bool:
    """Over the maximum in at least 3 of the last 4 monthly points (``sustained_rule``)."""
    over, of = sustained_rule()
    return sum(point.over for point in months[-of:]) >= over


def roll_up(sources: Sequence[TeamSource], as_of: date | None = None, norms: str | None = None) -> Department:
    """The department of ``sources`` (in the order given, which decides which of two copies is
    "the copy": the later) on ``as_of`` (default today), every team against its own norm set, or
    against the set ``norms`` names (see ``resolve_norms``)."""
    as_of = as_of or date.today()
    problems: list[Problem] = []
    readable = [s for s in sources if s.team is not None]
    for source in sources:
        if source.team is None:
            error = source.error or (lambda lang: "")
            problems.append(Problem(source.file, "unreadable", error))
    chosen = resolve_norms(norms, [s.team for s in readable]) if norms else None

    rows: list[TeamRow] = []
    by_digest: dict[str, str] = {}
    by_staff: dict[frozenset[str], str] = {}
    for source in readable:
        team = source.team
        assert team is not None
        copy_of = by_digest.get(source.digest) if source.digest else None
        ids = frozenset(p.id for p in team.staff)
        if copy_of is None and ids:
            copy_of = by_staff.get(ids)
        if copy_of is None:
            if source.digest:
                by_digest[source.digest] = source.file
            if ids:
                by_staff[ids] = source.file
        norm_set = chosen or team.norm_set()
        months = month_points(team, as_of)
        rows.append(TeamRow(
            file=source.file, team=team, summary=summarize(team, as_of, norm_set), norm_set=norm_set,
            own_norm_set_id=team.settings.norm_set_id, last_saved=source.last_saved, months=months,
            sustained_overload=sustained_overload(months), counted=copy_of is None, copy_of=copy_of,
            locked_by=source.locked_by))
        if copy_of is not None:
            problems.append(Problem(source.file, "duplicate_team", _copy_text(source.file, copy_of), copy_of))

    counted = [row for row in rows if row.counted]
    norms_changed: list[NormChange] = []
    if chosen is not None:
        for row in counted:
            own = row.team.norm_set()
            if _norm_key(own) != _norm_key(chosen):
                own_summary = summarize(row.team, as_of, own)
                norms_changed.append(NormChange(
                    row.file, row.team_name, own.id, chosen.id,
                    team_load(own_summary.fte_needed_max, own_summary.available_fte), row.load_max))
    else:
        problems.extend(_norm_problems(counted))
    problems.extend(_person_problems(counted))
    problems.extend(_stale_problems(rows, as_of))
    problems.extend(_settings_problems(counted, as_of))
    order = {kind: i for i, kind in enumerate(PROBLEM_KINDS)}
    position = {source.file: i for i, source in enumerate(sources)}
    problems.sort(key=lambda p: (position.get(p.file, 0), order[p.kind]))
    return Department(
        as_of=as_of, files_total=len(sources), teams=tuple(rows), totals=_totals(counted),
        problems=tuple(problems), trend=_trend(counted), chosen_norm_set=chosen, norms_changed=tuple(norms_changed))


def _name(file: str) -> str:
    """A file's name without its folder (problems name files so)."""
    return file.replace("\\", "/").rsplit("/", 1)[-1]


def _copy_text(file: str, original: str) -> Callable[[str], str]:
    return lambda lang: tr(N_("{file} is a copy of {original} (the same team); it is counted once."), lang).format(
        file=_name(file), original=_name(original))


def _norm_problems(counted: Sequence[TeamRow]) -> list[Problem]:
    """Teams measured against another set, or another version of it, than most teams."""
    if not counted:
        return []
    keys = [_norm_key(row.norm_set) for row in counted]
    tally = Counter(keys)
    reference_key = max(tally, key=lambda k: (tally[k], -keys.index(k)))
    reference = counted[keys.index(reference_key)].norm_set
    found = []
    for row, key in zip(counted, keys, strict=True):
        if key == reference_key:
            continue
        same_id = row.norm_set.id == reference.id

        def render(lang: str, row: TeamRow = row, same_id: bool = same_id) -> str:
            if same_id:
                text = N_("{file} is measured against another version of {set} (other ranges) than the other "
                          "teams; use --norms to measure all against one set.")
            else:
                text = N_("{file} is measured against {own}, most teams against {set}; use --norms to measure "
                          "all against one set.")
            return tr(text, lang).format(file=_name(row.file), own=row.norm_set.short_name(lang),
                                         set=reference.short_name(lang))

        found.append(Problem(row.file, "norm_set", render))
    return found


def _person_problems(counted: Sequence[TeamRow]) -> list[Problem]:
    """People found in two counted teams (same id, or same name and start date): one problem per
    pair of files, on the later file."""
    seen: dict[tuple[Any, ...], int] = {}
    found = []
    for index, row in enumerate(counted):
        shared: dict[int, list[str]] = {}
        for person in row.team.staff:
            hits = {seen[key] for key in _person_keys_of(person) if key in seen and seen[key] != index}
            for other in sorted(hits):
                names = shared.setdefault(other, [])
                if person.name not in names:
                    names.append(person.name)
        for other, names in shared.items():
            found.append(Problem(row.file, "duplicate_person",
                                 _person_text(row.file, counted[other].file, names), counted[other].file))
        for person in row.team.staff:
            for key in _person_keys_of(person):
                seen.setdefault(key, index)
    return found


def _person_keys_of(person: StaffMember) -> list[tuple[Any, ...]]:
    """A person's identity: the id, and (with a start date) the name with the start date."""
    keys: list[tuple[Any, ...]] = [("id", person.id)]
    if person.start_date is not None and person.name.strip():
        keys.append(("name", " ".join(person.name.casefold().split()), person.start_date))
    return keys


def _person_text(file: str, other: str, names: list[str]) -> Callable[[str], str]:
    def render(lang: str) -> str:
        shown = ", ".join(names[:_NAMES_SHOWN])
        if len(names) > _NAMES_SHOWN:
            more = len(names) - _NAMES_SHOWN
            shown += ntr(" and {n} more", " and {n} more", more, lang).format(n=more)
        return ntr("{file}: {count} person is also in {other} ({names}); they are counted in both teams.",
                   "{file}: {count} persons are also in {other} ({names}); they are counted in both teams.",
                   len(names), lang).format(file=_name(file), count=len(names), other=_name(other), names=shown)
    return render


def _stale_problems(rows: Sequence[TeamRow], as_of: date) -> list[Problem]:
    from sagstal_desktop.core.formatting import format_date

    limit = stale_days()
    found = []
    for row in rows:
        saved = row.last_saved.date() if row.last_saved else None
        snap = row.last_snapshot
        old_save = saved is not None and (as_of - saved).days > limit
        old_snap = snap is not None and (as_of - snap).days > limit
        if not (old_save or old_snap):
            continue

        def render(lang: str, row: TeamRow = row, saved: date | None = saved, snap: date | None = snap,
                   old_save: bool = old_save, old_snap: bool = old_snap) -> str:
            parts = []
            if old_save:
                parts.append(tr(N_("last saved {date}"), lang).format(date=format_date(saved, lang)))
            if old_snap:
                parts.append(tr(N_("latest snapshot {date}"), lang).format(date=format_date(snap, lang)))
            return ntr("{file} may be out of date: {what} (more than {days} day before {as_of}).",
                       "{file} may be out of date: {what} (more than {days} days before {as_of}).", limit,
                       lang).format(file=_name(row.file), what=", ".join(parts), days=limit,
                                    as_of=format_date(as_of, lang))

        found.append(Problem(row.file, "stale", render))
    return found


def _most_common(values: list[Any]) -> Any:
    tally = Counter(values)
    return max(tally, key=lambda v: (tally[v], -values.index(v)))


def _settings_problems(counted: Sequence[TeamRow], as_of: date) -> list[Problem]:
    """Settings that change the figures and differ from most teams': the newcomer reduction
    (where the team has a newcomer), the newcomer period (where it changes who is a newcomer),
    the cost per FTE, the case weighting (issue 27: a weighted team's FTE needed and loads are
    its weighted ones)."""
    from sagstal_desktop.core.formatting import format_dkk, format_percent

    if len(counted) < 2:
        return []
    reduction = _most_common([row.team.settings.newcomer_reduction for row in counted])
    months = _most_common([row.team.settings.newcomer_months for row in counted])
    cost = _most_common([row.team.settings.cost_per_fte for row in counted])
    weighting = _most_common([_weighting_key(row.team.settings.weighting) for row in counted])
    found = []
    for row in counted:
        settings = row.team.settings
        differs: list[Callable[[str], str]] = []
        starts = [p.start_date for p in row.team.staff]
        if settings.newcomer_reduction != reduction and any(
                is_newcomer(s, as_of, settings.newcomer_months) for s in starts):
            differs.append(lambda lang, own=settings.newcomer_reduction: tr(
                N_("newcomer reduction {own} (most teams {other})"), lang).format(
                own=format_percent(own, 0, lang), other=format_percent(reduction, 0, lang)))
        if settings.newcomer_months != months and any(
                is_newcomer(s, as_of, settings.newcomer_months) != is_newcomer(s, as_of, months) for s in starts):
            differs.append(lambda lang, own=settings.newcomer_months: tr(
                N_("newcomer period {own} months (most teams {other})"), lang).format(own=own, other=months))
        if settings.cost_per_fte != cost:
            differs.append(lambda lang, own=settings.cost_per_fte: tr(
                N_("cost per FTE {own} (most teams {other})"), lang).format(
                own=format_dkk(own, lang), other=format_dkk(cost, lang)))
        own_weighting = _weighting_key(settings.weighting)
        if own_weighting != weighting:
            differs.append(lambda lang, own=own_weighting: tr(
                N_("{own} (most teams: {other})"), lang).format(own=_weighting_text(own, lang),
                                                                other=_weighting_text(weighting, lang)))
        if differs:
            found.append(Problem(row.file, "settings", lambda lang, row=row, differs=differs: tr(
                N_("{file}: settings that change the figures differ from most teams': {what}."), lang).format(
                file=_name(row.file), what="; ".join(d(lang) for d in differs))))
    return found


def _weighting_key(weighting) -> tuple:
    """What of a team's case weighting changes its figures: off; the range mode and the level of
    unassessed cases; the points and that level."""
    if not weighting.on:
        return ("off",)
    if weighting.mode == "range":
        return ("range", weighting.default_level)
    return ("points", tuple(weighting.points), weighting.default_level)


def _weighting_text(key: tuple, lang: str) -> str:
    from sagstal_desktop.core.case_weight import Weighting, level_name, points_text

    if key[0] == "off":
        return tr(N_("case weight off"), lang)
    if key[0] == "range":
        text = tr(N_("case weight by the norm set's range"), lang)
    else:
        text = tr(N_("case weight by the team's own points ({points})"), lang).format(
            points=points_text(Weighting("points", key[1], key[2]), lang))
    return tr(N_("{weighting}, cases not assessed as {level}"), lang).format(weighting=text,
                                                                          level=level_name(key[-1], lang))


def _totals(counted: Sequence[TeamRow]) -> Totals:
    import math

    areas: dict[str, int] = {}
    for row in counted:
        for area, n in row.cases_by_area.items():
            areas[area] = areas.get(area, 0) + n
    costed = [row for row in counted if row.summary.cost_per_fte is not None]
    return Totals(
        teams=len(counted),
        staff=sum(row.staff for row in counted),
        cases=sum(row.cases for row in counted),
        cases_by_area=areas,
        fte_needed={lvl: math.fsum(row.fte_needed(lvl) for row in counted) for lvl in LEVELS},
        available_fte=math.fsum(row.available_fte for row in counted),
        shortfall_fte={lvl: math.fsum(row.shortfall(lvl) for row in counted) for lvl in LEVELS},
        yearly_cost={lvl: math.fsum(row.yearly_cost(lvl) or 0.0 for row in costed) for lvl in LEVELS}
        if costed else None,
        yearly_cost_teams=len(costed),
        over_count=sum(row.over_count for row in counted),
        known_status_count=sum(r.summary.below_count + r.summary.within_count + r.summary.over_count
                               for r in counted),
        within_or_below_count=sum(r.summary.below_count + r.summary.within_count for r in counted),
        free_fte=math.fsum(row.free_fte for row in counted),
        free_cases=math.fsum(row.free_cases or 0.0 for row in counted),
        sustained_overload_teams=sum(row.sustained_overload for row in counted),
    )


def _trend(counted: Sequence[TeamRow]) -> tuple[DepartmentMonth, ...]:
    import math

    by_month: dict[date, list[MonthPoint]] = {}
    for row in counted:
        for point in row.months:
            by_month.setdefault(point.month, []).append(point)

    def total(values: list[int | None]) -> int | None:
        return None if any(v is None for v in values) else sum(v for v in values if v is not None)

    return tuple(
        DepartmentMonth(
            month=month, teams=len(points),
            staff=total([p.figures.staff for p in points]), cases=total([p.figures.cases for p in points]),
            available_fte=math.fsum(p.figures.available_fte for p in points),
            fte_needed_max=math.fsum(p.figures.fte_needed_max for p in points),
            fte_needed_min=math.fsum(p.figures.fte_needed_min for p in points),
            over_count=total([p.figures.over_count for p in points]),
            teams_over=sum(p.over for p in points))
        for month, points in sorted(by_month.items()))


# -- the JSON document (``sagstal department --json``; the memo and window use the same figures)


def _pct(fraction: float | None) -> float | None:
    return None if fraction is None else fraction * 100


def team_json(row: TeamRow) -> dict[str, Any]:
    """One ``teams[]`` entry (keys of issue 26 first, then the overview's further figures)."""
    summary = row.summary
    return {
        "file": row.file,
        "team_name": row.team_name,
        "norm_set": row.norm_set.id,
        "staff": row.staff,
        "cases": row.cases,
        "fte_needed": {lvl: row.fte_needed(lvl) for lvl in LEVELS},
        "available_fte": row.available_fte,
        "shortfall_fte": {lvl: row.shortfall(lvl) for lvl in LEVELS},
        "yearly_cost": None if summary.cost_per_fte is None else {lvl: row.yearly_cost(lvl) for lvl in LEVELS},
        "over_count": row.over_count,
        "sustained_overload": row.sustained_overload,
        "last_saved": row.last_saved.isoformat(timespec="seconds") if row.last_saved else None,
        "last_snapshot": row.last_snapshot.isoformat() if row.last_snapshot else None,
        "counted": row.counted,
        "copy_of": row.copy_of,
        "own_norm_set": row.own_norm_set_id,
        "cases_by_area": row.cases_by_area,
        "load_max_pct": _pct(row.load_max),
        "share_within_max_pct": _pct(row.share_within_max),
        "free_fte": row.free_fte,
        "free_cases": row.free_cases,
        "open_for_editing": row.locked_by is not None,
    }


def totals_json(totals: Totals) -> dict[str, Any]:
    """The ``total`` object: the counted teams' figures summed (copies counted once)."""
    return {
        "teams": totals.teams,
        "staff": totals.staff,
        "cases": totals.cases,
        "fte_needed": dict(totals.fte_needed),
        "available_fte": totals.available_fte,
        "shortfall_fte": dict(totals.shortfall_fte),
        "yearly_cost": dict(totals.yearly_cost) if totals.yearly_cost is not None else None,
        "yearly_cost_teams": totals.yearly_cost_teams,
        "over_count": totals.over_count,
        "sustained_overload": totals.sustained_overload_teams,
        "cases_by_area": dict(totals.cases_by_area),
        "load_max_pct": _pct(totals.load_max),
        "share_within_max_pct": _pct(totals.share_within_max),
        "free_fte": totals.free_fte,
        "free_cases": totals.free_cases,
    }


def department_json(department: Department, lang: str = "da") -> dict[str, Any]:
    """The whole document of ``sagstal department --json`` (without ``positions``)."""
    return {
        "as_of": department.as_of.isoformat(),
        "files_read": department.files_read,
        "files_total": department.files_total,
        "norms": department.chosen_norm_set.id if department.chosen_norm_set else None,
        "teams": [team_json(row) for row in department.teams],
        "total": totals_json(department.totals),
        "problems": [{"file": p.file, "kind": p.kind, "message": p.message(lang)} for p in department.problems],
        "norms_changed": [
            {"file": c.file, "team_name": c.team_name, "own_norm_set": c.own_norm_set_id,
             "measured_against": c.measured_against, "load_max_pct_own": _pct(c.load_max_own),
             "load_max_pct_chosen": _pct(c.load_max_chosen)} for c in department.norms_changed],
        "trend": [
            {"month": m.month.isoformat()[:7], "teams": m.teams, "staff": m.staff, "cases": m.cases,
             "available_fte": m.available_fte, "fte_needed_max": m.fte_needed_max,
             "fte_needed_min": m.fte_needed_min, "over_count": m.over_count, "teams_over": m.teams_over}
            for m in department.trend],
    }
