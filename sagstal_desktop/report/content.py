"""What the memo shows, as plain data taken from the core's results (no reportlab here).

Nothing of the load model is recomputed: loads, FTE and statuses come from
``core.load.summarize``; this module only picks, orders, labels and groups them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sagstal_desktop.core.anonymise import anonymous_labels, anonymous_order, band_text, load_band
from sagstal_desktop.core.load import Status, TeamSummary
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet, case_type_name, catalogue
from sagstal_desktop.core.validation import limits
from sagstal_desktop.core.wording import status_label
from sagstal_desktop.i18n import N_, tr
from sagstal_desktop.report.texts import texts

#: The header of a staff-table column that sums an area's case types.
AREA_TOTAL = N_("{area} total")
#: At most this many per-type (or per-area) case columns fit in the staff table on A4.
MAX_CASE_COLUMNS = 4


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def fit_text(team: Team, norm_set: NormSet) -> tuple[Team, NormSet]:
    """The team and norm set with every text the memo lays out cut to the input limits
    (``max_name_length`` for names, ``max_text_length`` for free text), so that a text that
    slipped past the checks at input wraps in a table cell instead of failing the layout. The
    same objects come back when nothing is too long."""
    name_max, text_max = int(limits()["max_name_length"]), int(limits()["max_text_length"])
    info, settings = team.info, team.settings
    too_long = (
        any(len(m.name) > name_max for m in team.staff)
        or any(len(x) > name_max for x in (info.municipality, info.department, info.team_name))
        or len(settings.cost_source) > text_max
    )
    if too_long:
        team = team.copy()
        for person in team.staff:
            person.name = _fit(person.name, name_max)
        team.info = dataclasses.replace(info, municipality=_fit(info.municipality, name_max),
                                        department=_fit(info.department, name_max),
                                        team_name=_fit(info.team_name, name_max))
        team.settings = dataclasses.replace(settings, cost_source=_fit(settings.cost_source, text_max))
    names = (norm_set.name_da, norm_set.name_en, norm_set.short_da, norm_set.short_en)
    descriptions = (norm_set.description_da, norm_set.description_en)
    if any(len(x) > name_max for x in names) or any(len(x) > text_max for x in descriptions):
        norm_set = dataclasses.replace(
            norm_set, name_da=_fit(norm_set.name_da, name_max), name_en=_fit(norm_set.name_en, name_max),
            short_da=_fit(norm_set.short_da, name_max), short_en=_fit(norm_set.short_en, name_max),
            description_da=_fit(norm_set.description_da, text_max),
            description_en=_fit(norm_set.description_en, text_max), _by_type={},
        )
    return team, norm_set


def role_text(role: str, lang: str) -> str:
    """``Teamleder`` / ``Tillidsrepræsentant (TR)`` for the team's author role."""
    t = texts(lang)
    return t.get(f"role_{role}", t["role_other"])


def status_text(status: Status, lang: str, norm_set: NormSet | str | None = "ds") -> str:
    """The status as worded everywhere (``core.wording.status_label``), named by the set's kind."""
    return status_label(status, lang, norm_set)


@dataclass(frozen=True, slots=True)
class CaseColumns:
    """How the staff table splits cases: per case type, per area, or not at all."""

    kind: str  # "type", "area" or "none"
    keys: tuple[str, ...]
    headers: tuple[str, ...]
    member_of: dict[str, str]  # case type -> column key

    def split(self, counts: dict[str, int]) -> list[int]:
        """A person's (or the team's) counts summed into the columns."""
        out = dict.fromkeys(self.keys, 0)
        for case_type, n in counts.items():
            key = self.member_of.get(case_type)
            if key is not None:
                out[key] += n
        return list(out.values())


UNCOVERED = "__uncovered__"


def team_case_types(summary: TeamSummary) -> list[str]:
    """The case types the team holds cases of, in catalogue order."""
    held = set(summary.cases_by_type) | set(summary.uncovered_by_type)
    order = {t: i for i, t in enumerate(catalogue())}
    return sorted(held, key=lambda t: (order.get(t, len(order)), t))


def case_columns(summary: TeamSummary, norm_set: NormSet, lang: str, kind: str = "type") -> CaseColumns | None:
    """The staff table's case columns split per case type (``kind="type"``), per norm area
    (``"area"``) or not at all (``"none"``); None if there are more than ``MAX_CASE_COLUMNS``."""
    types = team_case_types(summary)
    if kind == "none":
        return CaseColumns("none", (), (), {})
    if kind == "type":
        if len(types) > MAX_CASE_COLUMNS:
            return None
        return CaseColumns("type", tuple(types), tuple(case_type_name(t, lang) for t in types),
                           {t: t for t in types})
    member_of: dict[str, str] = {}
    for case_type in types:
        norm = norm_set.norm_for(case_type)
        member_of[case_type] = norm.group_id if norm is not None else UNCOVERED
    keys = [g.id for g in norm_set.groups if g.id in member_of.values()]
    if UNCOVERED in member_of.values():
        keys.append(UNCOVERED)
    if len(keys) > MAX_CASE_COLUMNS:
        return None
    # an area's column is its total, and says so: "Sygedagpenge i alt" holds sygedagpenge and
    # jobafklaring together, where the window shows a column per case type
    headers = tuple(texts(lang)["col_uncovered"] if k == UNCOVERED
                    else tr(AREA_TOTAL, lang).format(area=norm_set.group(k).name(lang)) for k in keys)
    return CaseColumns("area", tuple(keys), headers, member_of)


@dataclass(frozen=True, slots=True)
class StaffRow:
    """One line of the staff table."""

    label: str
    newcomer: bool
    weekly_hours: float | None  # None in an anonymised table (individual hours left out)
    other_hours: float | None
    capacity: float | None
    split: list[int]
    total_cases: int
    fte_caseload: float | None
    load_max: float | None
    status: Status
    uncovered_cases: int = 0


def staff_hours(team: Team, summary: TeamSummary) -> tuple[float, float]:
    """The staff's weekly hours and hours on other tasks, summed over the summary's persons (the
    staff table's rows, ``staff_rows``): the totals row adds up what the rows show."""
    members = {m.id: m for m in team.staff}
    weekly = float(sum(summary.persons.column("weekly_hours")))
    other = float(sum(members[i].other_hours for i in summary.persons.column("member_id")))
    return weekly, other


def staff_rows(team: Team, summary: TeamSummary, columns: CaseColumns, lang: str) -> list[StaffRow]:
    """The staff table's rows in the team's order (anonymised memos use ``anonymous_rows``)."""
    members = {m.id: m for m in team.staff}
    persons = summary.persons
    names = persons.column("name")
    ids = persons.column("member_id")
    newcomer = persons.column("newcomer")
    weekly = persons.column("weekly_hours")
    capacity = persons.column("capacity")
    totals = persons.column("total_cases")
    ftecl = persons.column("fte_caseload")
    load = persons.column("load_max")
    status = persons.column("status")
    uncovered = persons.column("uncovered_cases")
    rows = []
    for i in range(len(persons)):
        member = members[ids[i]]
        rows.append(StaffRow(
            label=names[i], newcomer=newcomer[i], weekly_hours=weekly[i], other_hours=member.other_hours,
            capacity=capacity[i], split=columns.split(member.counts), total_cases=totals[i],
            fte_caseload=ftecl[i], load_max=load[i], status=status[i], uncovered_cases=uncovered[i],
        ))
    return rows


@dataclass(frozen=True, slots=True)
class AnonymousRow:
    """One line of an anonymised staff list: a label drawn for this output, the load band and
    the status; nothing else of the person (``core.anonymise``)."""

    label: str
    band: int | None  # None: no load (not computable, or no case with a norm)
    band_text: str
    status: Status


def anonymous_rows(summary: TeamSummary, lang: str, salt: str | None = None) -> list[AnonymousRow]:
    """Every person as an anonymised row, labelled afresh (``salt``: default a random one for
    this output), sorted by band, highest first, then by label."""
    persons = summary.persons
    ids = persons.column("member_id")
    labels = anonymous_labels(ids, lang, salt)
    statuses = persons.column("status")
    bands = [None if status is Status.UNMEASURED else load_band(load)
             for load, status in zip(persons.column("load_max"), statuses, strict=True)]
    texts_ = [labels[member_id] for member_id in ids]
    return [AnonymousRow(texts_[i], bands[i], "–" if bands[i] is None else band_text(bands[i], lang), statuses[i])
            for i in anonymous_order(bands, texts_)]


def team_counts(summary: TeamSummary) -> dict[str, int]:
    """The team's cases per case type, covered and uncovered."""
    out = dict(summary.cases_by_type)
    for case_type, n in summary.uncovered_by_type.items():
        out[case_type] = out.get(case_type, 0) + n
    return out
