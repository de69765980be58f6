"""``sagstal summary FILE``: every person's load and the team summary, as text or JSON."""

from __future__ import annotations

import argparse
from itertools import repeat
from operator import attrgetter, methodcaller
from typing import Any

from sagstal_desktop.cli.common import (
    CliError,
    add_as_of_option,
    add_lang_option,
    add_pretty_option,
    choose_norm_set,
    cli_text,
    open_team,
    print_json,
    say,
)
from sagstal_desktop.i18n import N_, tr


def summary_data(team, summary, norm_set, source_file: str | None = None, result=None) -> dict[str, Any]:
    """The ``summary --json`` document (keys documented in README.md). ``result``: a scenario's
    computation (``core.scenarios.VariantResult``); then ``team`` is its computed team, and the
    document names the scenario, flags each person ``absent`` and counts ``unassigned_cases``."""
    from sagstal_desktop.core.case_weight import counts_by_level
    from sagstal_desktop.core.survey import national_context

    split = _NotAssessed()

    def by_level(staff) -> list[dict[str, dict[str, int]]]:
        """Every person's ``counts_by_level``; for a person with no levels entered (most) every
        count is all "not assessed", one shared dict per count (encoded as it is, never changed),
        made at C speed (no Python call per person) when nobody has levels entered."""
        counts = list(map(attrgetter("counts"), staff))
        if any(map(attrgetter("levels"), staff)):
            return [counts_by_level(c, m.levels) if m.levels else dict(zip(c, map(split.__getitem__, c.values()),
                                                                              strict=True))
                    for c, m in zip(counts, staff, strict=True)]
        not_assessed = map(map, repeat(split.__getitem__), map(methodcaller("values"), counts))
        return list(map(dict, map(zip, counts, not_assessed)))  # a dict's keys and values: as many

    def pct(fraction: float | None) -> float | None:
        return None if fraction is None else fraction * 100

    levels = ("max", "mid", "min")
    effective = summary.effective_range
    absent = result.absent if result is not None else {}
    return {
        "file": source_file,
        "scenario": result.name if result is not None else None,
        # false: the time budget cut the hand-over of absent colleagues' cases short (the best found)
        "redistribution_proven": result.redistribution_proven if result is not None else None,
        "as_of": summary.as_of.isoformat(),
        "team": {
            "municipality": team.info.municipality,
            "department": team.info.department,
            "team_name": team.info.team_name,
            "author_role": team.info.author_role,
        },
        "norm_set": {"id": norm_set.id, "name": norm_set.name("da"), "name_en": norm_set.name("en"),
                     "full_time_hours": norm_set.full_time_hours},
        "settings": {
            "newcomer_reduction": team.settings.newcomer_reduction,
            "newcomer_months": team.settings.newcomer_months,
            "cost_per_fte": team.settings.cost_per_fte,
        },
        "weighting": summary.weighting.to_dict(),
        "staff": _staff_rows(team.staff, summary.persons, by_level, absent),
        "summary": {
            "staff_count": summary.staff_count,
            "total_cases": summary.total_cases,
            "covered_cases": summary.covered_cases,
            "cases_by_type": summary.cases_by_type,
            "uncovered_by_type": summary.uncovered_by_type,
            "uncovered_cases": summary.uncovered_cases,
            "unassigned_cases": result.cases_without_caseworker if result is not None else 0,
            "absent_count": len(absent),
            "available_fte": summary.available_fte,
            "total_capacity_fte": summary.total_capacity_fte,
            "fte_needed": {lvl: summary.fte_needed(lvl) for lvl in levels},
            # true: fte_needed is computed from the case-weighted cases (the weighting is on)
            "fte_needed_from_weighted_cases": summary.weighted,
            "fte_needed_unweighted": {lvl: summary.fte_needed_unweighted(lvl) for lvl in levels},
            "assessed_cases": summary.assessed_cases,
            "over_count_unweighted": summary.over_count_unweighted,
            "shortfall_fte": {lvl: summary.shortfall(lvl) for lvl in levels},
            "cost_per_fte": summary.cost_per_fte,
            "yearly_cost": None if summary.cost_per_fte is None
            else {lvl: summary.yearly_cost(lvl) for lvl in levels},
            "over_count": summary.over_count,
            "within_count": summary.within_count,
            "below_count": summary.below_count,
            "not_computable_count": summary.not_computable_count,
            "partly_unmeasured_count": summary.partly_unmeasured_count,
            "unmeasured_count": summary.unmeasured_count,
            "uneven": summary.uneven,
            "share_within_max_pct": pct(summary.share_within_max),
            "average_fte_caseload": summary.average_fte_caseload,
            "effective_range": list(effective) if effective else None,
            "groups": [
                {"id": g.group_id, "cases": g.cases, "fte_needed": {"max": g.fte_needed_max,
                 "mid": g.fte_needed_mid, "min": g.fte_needed_min}}
                for g in summary.groups
            ],
        },
        "national_2023": [
            {"area": a.id, "name": a.name_da, "answers": a.answers, "average_2023": a.average_2023,
             "average_2019": a.average_2019, "too_high_pct": a.too_high_pct, "assessed": a.assessed,
             "ds_range": [a.ds_min, a.ds_max] if a.ds_max else None, "within_pct": a.within_pct,
             "source": a.source.cite("da")}
            for a in national_context(summary.cases_by_type)
        ],
    }


#: The keys of a person in ``summary --json``, in order (README.md documents them).
_PERSON_KEYS = ("id", "name", "weekly_hours", "other_hours", "casework_hours", "newcomer", "capacity_fte",
                "measured_capacity_fte", "counts", "total_cases", "uncovered_cases", "fte_caseload",
                "load_max_pct", "load_min_pct", "status", "counts_by_level", "load_max_pct_unweighted",
                "status_unweighted", "absent", "absence")


def _staff_rows(staff, persons, by_level, absent: dict) -> list[dict[str, Any]]:
    """Every person of ``summary --json``, made column by column from the computation's columns
    (``core.load.PersonResults.column``; no ``PersonResult`` per person) and zipped into one dict
    per person, which ``json``'s C encoder writes. ``counts`` is the person's own dict (encoded as
    it is, no copy); loads as percentages (the fraction times 100), None where not computable."""
    column = getattr(persons, "column", None)
    if column is None:  # a plain list of PersonResult
        def column(name: str) -> list:
            return [getattr(p, name) for p in persons]

    def pct(name: str) -> list[float | None]:
        return [None if x is None else x * 100 for x in column(name)]

    ids = column("member_id")
    from sagstal_desktop.core.load import Status

    values = {status: status.value for status in Status}.__getitem__  # a dict lookup, not Enum.value's call
    return list(map(dict, map(zip, repeat(_PERSON_KEYS), zip(
        ids, column("name"), column("weekly_hours"), map(attrgetter("other_hours"), staff),
        column("casework_hours"), column("newcomer"), column("capacity"), column("measured_capacity"),
        map(attrgetter("counts"), staff), column("total_cases"), column("uncovered_cases"),
        column("fte_caseload"), pct("load_max"), pct("load_min"), map(values, column("status")),
        by_level(staff), pct("load_max_unweighted"), map(values, column("status_unweighted")),
        [i in absent for i in ids], map(absent.get, ids), strict=True))))


class _NotAssessed(dict):
    """Count -> ``{NOT_ASSESSED: count}`` (``{}`` for 0): ``counts_by_level`` of one type with
    no levels entered, made once per count."""

    def __missing__(self, total: int) -> dict[str, int]:
        from sagstal_desktop.core.case_weight import NOT_ASSESSED

        made = self[total] = {NOT_ASSESSED: total} if total else {}
        return made


#: The summary's labels (English msgids; translated per call with ``--lang``).
_LABELS = {
    "norms": N_("Norm set"), "as_of": N_("As of"), "name": N_("Name"), "hours": N_("Hours"), "fte": N_("FTE"),
    "cases": N_("Cases"), "ftecl": N_("FTE caseload"), "load": N_("Load"), "status": N_("Status"),
    "available": N_("Available casework FTE"), "cost": N_("Yearly cost (at maximum)"),
    "over": N_("Staff over <max>"), "avg": N_("Average FTE caseload"),
    "range": N_("<Range> for the team's cases"), "uncovered": N_("Cases with no norm in the set"),
    "scenario": N_("Scenario"), "unassigned": N_("Cases without a caseworker"), "absent": N_("Absent / vacant"),
}
_NEED = {"max": N_("FTE needed at <max>"), "mid": N_("FTE needed at <mid>"), "min": N_("FTE needed at <min>")}
#: With case weight on: the FTE needed is the weighted cases' (and said so), the unweighted beside it.
_NEED_WEIGHTED = {"max": N_("FTE needed at <max> for the weighted cases"),
                  "mid": N_("FTE needed at <mid> for the weighted cases"),
                  "min": N_("FTE needed at <min> for the weighted cases")}
_NEED_UNWEIGHTED = {"max": N_("FTE needed at <max> without case weight"),
                    "mid": N_("FTE needed at <mid> without case weight"),
                    "min": N_("FTE needed at <min> without case weight")}
_BALANCE = {True: N_("short {fte}"), False: N_("surplus {fte}")}


def cmd_summary(args: argparse.Namespace) -> int:
    from sagstal_desktop.io.gc_pause import paused_gc

    with paused_gc():  # the team is let go before the collector runs again (as ``department``)
        return _summary(args)


def _summary(args: argparse.Namespace) -> int:
    from sagstal_desktop.core.formatting import format_date, format_dkk, format_number, format_range
    from sagstal_desktop.core.load import summarize

    team = open_team(args.file)
    result = None
    if args.scenario is not None:  # the scenario as the window shows it (core.scenarios.evaluate_scenario)
        team, result, norm_set = _scenario(team, args)
        summary = result.summary
    else:
        norm_set = choose_norm_set(team, args.norms)
        summary = summarize(team, args.as_of, norm_set)
    if args.json:
        print_json(summary_data(team, summary, norm_set, args.file, result), pretty=args.pretty or None)
        return 0
    from sagstal_desktop.core.wording import (
        fill,
        format_load,
        status_phrase,
        uneven_summary,
        unmeasured_summary,
    )

    lang = args.lang
    t = {key: fill(tr(message, lang), norm_set, lang) for key, message in _LABELS.items()}
    title = " – ".join(x for x in (team.info.municipality, team.info.department, team.info.team_name) if x)
    say(title)
    if result is not None:
        say(f"{tr(_LABELS['scenario'], lang)}: {result.name}")
    say(f"{t['norms']}: {norm_set.name(lang)}")
    say(f"{t['as_of']}: {format_date(summary.as_of, lang)}")
    if summary.weighted:
        from sagstal_desktop.core.case_weight import weighting_line

        say(weighting_line(summary.weighting, lang))
    say()
    width = max([len(p.name) for p in summary.persons] + [len(t["name"])])
    weighted = summary.weighted
    # with case weight on: "unweighted → weighted" load (the status follows the weighted one)
    loads = [f"{format_load(p.load_max_unweighted, lang, 1)} → {format_load(p.load_max, lang, 1)}" if weighted
             else format_load(p.load_max, lang, 1) for p in summary.persons]
    load_width = max([len(load) for load in loads] + [10])
    # each column as wide as its header in the language ("Årsværk" is 7) or its widest value
    w_hours, w_fte, w_cases, w_ftecl = (max(n, len(t[key])) for key, n in
                                        (("hours", 6), ("fte", 6), ("cases", 5), ("ftecl", 15)))
    say(f"{t['name']:<{width}}  {t['hours']:>{w_hours}}  {t['fte']:>{w_fte}}  {t['cases']:>{w_cases}}  "
          f"{t['ftecl']:>{w_ftecl}}  {t['load']:>{load_width}}  {t['status']}")
    from sagstal_desktop.core.scenario_model import absence_label

    absent = result.absent if result is not None else {}
    for p, load in zip(summary.persons, loads, strict=True):
        status = (absence_label(absent[p.member_id], lang) if p.member_id in absent
                  else status_phrase(p.status, norm_set, lang, p.uncovered_cases, p.total_cases))
        say(f"{p.name:<{width}}  {format_number(p.weekly_hours, 1, lang):>{w_hours}}  "
              f"{format_number(p.capacity, 2, lang):>{w_fte}}  {format_number(p.total_cases, 0, lang):>{w_cases}}  "
              f"{format_number(p.fte_caseload, 1, lang):>{w_ftecl}}  {load:>{load_width}}  "
              f"{status}")
    say()
    say(f"{t['available']}: {format_number(summary.available_fte, 2, lang)}")
    for level in ("max", "mid", "min"):
        balance = tr(_BALANCE[summary.shortfall(level) > 0], lang).format(
            fte=format_number(abs(summary.shortfall(level)), 2, lang))
        need = fill(tr((_NEED_WEIGHTED if weighted else _NEED)[level], lang), norm_set, lang)
        say(f"{need}: {format_number(summary.fte_needed(level), 2, lang)}  ({balance})")
        if weighted:
            plain = fill(tr(_NEED_UNWEIGHTED[level], lang), norm_set, lang)
            say(f"  {plain}: {format_number(summary.fte_needed_unweighted(level), 2, lang)}")
    if summary.cost_per_fte is not None:
        say(f"{t['cost']}: {format_dkk(summary.yearly_cost('max'), lang)}")
    say(f"{t['over']}: {summary.over_count} / {summary.computable_count}")
    say(f"{t['avg']}: {format_number(summary.average_fte_caseload, 1, lang)}")
    if absent:
        say(f"{t['absent']}: {len(absent)}")
    if result is not None and result.cases_without_caseworker:
        say(f"{t['unassigned']}: {result.cases_without_caseworker}")
    if summary.effective_range:
        say(f"{t['range']}: {format_range(*summary.effective_range, lang)}")
    if summary.uncovered_by_type:
        say(f"{t['uncovered']}: {summary.uncovered_by_type}")
        say(unmeasured_summary(summary.uncovered_cases, summary.total_cases, lang))
    if summary.uneven:
        say(uneven_summary(summary, norm_set, lang, pointer=True))
    return 0


def _scenario(team, args: argparse.Namespace):
    """(computed team, ``VariantResult``, norm set) of ``--scenario`` on ``--as-of`` (``--norms``:
    the scenario measured against that set instead of its own)."""
    from datetime import date

    from sagstal_desktop.core import scenarios as sc

    try:
        scenario = sc.find(team, args.scenario)
    except sc.ScenarioError:
        known = ", ".join(s.name for s in team.scenarios) or "none"
        raise CliError(cli_text(N_("summary: no scenario named {name}; known: {known}"), name=repr(args.scenario),
                                known=known)) from None
    variant = sc.materialise(scenario, team)
    norm_set = choose_norm_set(variant, args.norms)
    variant.settings.norm_set_id = norm_set.id
    result = sc.evaluate_variant(variant, scenario, team, args.as_of or date.today())
    return result.team, result, norm_set


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``summary``."""
    p = sub.add_parser("summary", help=N_("loads and team summary for a team file"))
    p.add_argument("file", help=N_("a .sagstal team file"))
    p.add_argument("--norms", help=N_("measure against this norm set instead of the team's choice"))
    add_as_of_option(p)
    p.add_argument("--scenario", metavar="NAME",
                   help=N_("the scenario NAME computed as the window shows it (absences, redistribution, "
                           "added positions)"))
    p.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    add_pretty_option(p)
    add_lang_option(p)
    p.set_defaults(func=cmd_summary)
