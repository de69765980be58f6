"""An attack on anonymised output (issue 20): a reader who knows the team (who works part-time,
who is new, who is on leave, who specialises) takes the anonymised memo and spreadsheet of
generated teams and tries to single people out.

The reader knows each person's casework capacity (hours, other tasks, newcomer reduction) and
the norm set (it is printed in the memo). From each anonymised row it works out every capacity
the row allows: the row's weighted cases (per-type counts give them exactly; a total of cases
bounds them by the team's maxima; nothing printed bounds nothing) divided by the row's load (an
exact percentage to its printed precision, or a band). A person is singled out when the rows
consistent with their capacity are fewer than all rows with a load. The attack also reads the
scenario section for a label beside an absence or for someone's hours, looks for the only row
holding the specialist's type of cases, and tries to link labels across two outputs made from
the same file (the same label beside the same row). The anonymised comparison workbook must hold no
name (the generated scenario is named after the person on leave) and no row per person. Every
attack must find nothing.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

import pytest
from conftest import pdf_text

from sagstal_desktop.core import scenarios as sc
from sagstal_desktop.core.load import summarize
from sagstal_desktop.core.model import StaffMember, Team, TeamInfo, TeamSettings
from sagstal_desktop.core.norms import case_type_name
from sagstal_desktop.core.scenario_model import Absence
from sagstal_desktop.io.exporter import export_csv, export_xlsx
from sagstal_desktop.report.options import MemoOptions
from sagstal_desktop.report.pdf import write_memo

AS_OF = date(2026, 12, 10)
#: Every type the generated teams hold has the same maximum (50 in ds_2020), so that a total of
#: cases gives the weighted cases exactly: the strongest position for the attacker.
MAIN_TYPES = ("sygedagpenge", "job_udd_u30", "aktivitetsparate_o30")
SPECIALIST_TYPE = "integration"
LABEL = re.compile(r"Medarbejder [A-Z]+")


@dataclass
class Known:
    """What the reader knows of one person."""

    name: str
    capacity: float
    newcomer: bool
    specialist: bool
    absent: bool


def generated_team(seed: int) -> tuple[Team, list[Known]]:
    """Twelve staff: full-timers, part-timers (one of exactly 32,5 hours), one with other tasks,
    one newcomer, one specialist who alone holds integration cases; loads spread over the bands.
    Scenarios: the 32,5-hour person on sick leave over the date, and one with changed hours."""
    rng = random.Random(seed)
    hours = [37.0, 37.0, 37.0, 37.0, 37.0, 37.0, 32.5, 30.0, 25.0, 37.0, 37.0, 29.6]
    other = [0.0] * 12
    other[rng.choice([0, 1, 2])] = 11.5
    newcomer_at = rng.choice([3, 4, 5])
    specialist_at = rng.choice([9, 10])
    targets = [0.6, 0.7, 0.75, 0.85, 0.9, 0.95, 1.05, 1.1, 1.15, 1.25, 1.3, 1.45]
    rng.shuffle(targets)
    staff = []
    for i in range(12):
        start = date(2026, 10, 1) if i == newcomer_at else date(2012 + i, 3, 1)
        capacity = (hours[i] - other[i]) / 37 * (0.75 if i == newcomer_at else 1.0)
        cases = max(1, round(targets[i] * capacity * 50))
        if i == specialist_at:
            counts = {SPECIALIST_TYPE: cases}
        else:
            first = rng.randint(0, cases)
            counts = {MAIN_TYPES[i % 3]: first, MAIN_TYPES[(i + 1) % 3]: cases - first}
        staff.append(StaffMember(f"Person{i:02d} Efternavn", hours[i], other[i], start_date=start, counts=counts))
    team = Team(info=TeamInfo("Eksempel Kommune", "Jobcenter", "Team Angreb", "tr"),
                settings=TeamSettings(norm_set_id="ds_2020"), staff=staff)
    part_timer = staff[6]
    leave = sc.derive(team, f"Sygefravær {part_timer.name}")
    sc.set_absence(leave, Absence(part_timer.id, "sick", date(2026, 12, 6), date(2027, 3, 6)))
    fewer = sc.derive(team, "Nedsat tid")
    sc.set_hours(fewer, team, staff[0].id, weekly_hours=23.5, other_hours=11.5)
    team.scenarios += [leave, fewer]
    summary = summarize(team, AS_OF)
    persons = {p.member_id: p for p in summary.persons}
    known = [Known(m.name, persons[m.id].capacity, persons[m.id].newcomer, i == specialist_at, m is part_timer)
             for i, m in enumerate(staff)]
    assert sum(k.newcomer for k in known) == 1
    return team, known


# -- reading the outputs -----------------------------------------------------------------------

def _number(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def load_interval(text: str) -> tuple[float, float] | None:
    """The loads (fractions) a printed load cell allows: a band, or a percentage to its precision."""
    text = " ".join(str(text).split())
    if m := re.fullmatch(r"(\d+)\s*[–-]\s*(\d+)\s*%", text):
        return int(m.group(1)) / 100, int(m.group(2)) / 100
    if m := re.fullmatch(r"(?:under|below)\s+(\d+)\s*%", text, re.I):
        return 0.0, int(m.group(1)) / 100
    if m := re.fullmatch(r"(?:over|above)\s+(\d+)\s*%", text, re.I):
        return int(m.group(1)) / 100, float("inf")
    if m := re.fullmatch(r"(\d+(?:,\d+)?)\s*%", text):
        value = _number(m.group(1))
        half = 0.5 * 10 ** -len(m.group(1).partition(",")[2])
        return (value - half) / 100, (value + half) / 100
    try:
        value = float(text)  # a fraction as a spreadsheet cell holds it
    except ValueError:
        return None
    return value - 1e-9, value + 1e-9


@dataclass
class Row:
    label: str
    weighted: tuple[float, float]  # Σ n_t / max_t the row allows
    load: tuple[float, float] | None
    specialist_cases: int | None  # the row's cases of the specialist's type, when printed
    cells: tuple[str, ...] = ()  # everything printed beside the label


def capacity_interval(row: Row) -> tuple[float, float]:
    if row.load is None:
        return 0.0, float("inf")
    lo_w, hi_w = row.weighted
    lo_l, hi_l = row.load
    return (lo_w / hi_l if hi_l > 0 else 0.0), (hi_w / lo_l if lo_l > 0 else float("inf"))


def rows_from_table(header: list[str], body: list[list[object]]) -> list[Row]:
    """Rows of a spreadsheet: per-type counts and totals by header, the load column."""
    type_cols = {i: t for i, h in enumerate(header) for t in (*MAIN_TYPES, SPECIALIST_TYPE)
                 if h == case_type_name(t, "da")}
    total_col = next((i for i, h in enumerate(header) if h == "Sager i alt"), None)
    load_col = next((i for i, h in enumerate(header) if "Belastning" in h or "Load" in h), None)
    rows = []
    for cells in body:
        label = str(cells[0])
        if not LABEL.fullmatch(label):
            continue
        counts = {t: int(_number(str(cells[i]))) for i, t in type_cols.items() if cells[i] not in (None, "")}
        weighted = (0.0, float("inf"))
        if type_cols and len(counts) == len(type_cols):
            exact = sum(n / 50 for n in counts.values())
            weighted = (exact, exact)
        elif total_col is not None and cells[total_col] not in (None, ""):
            total = _number(str(cells[total_col]))
            weighted = (total / 50, total / 50)
        load = load_interval(cells[load_col]) if load_col is not None and cells[load_col] not in (None, "") else None
        rows.append(Row(label, weighted, load, counts.get(SPECIALIST_TYPE),
                        tuple(" ".join(str(c).split()) for c in cells[1:])))
    return rows


def rows_from_memo(text: str) -> list[Row]:
    """Rows of the memo's staff table (pdftotext -layout): the label, the integers before the
    load (per-type counts, then the total), the load. The chart's bars print the same loads."""
    rows = []
    for line in text.splitlines():
        m = re.match(r"\s*(Medarbejder [A-Z]+)\s+(.*)$", line)
        if not m:
            continue
        rest = m.group(2)
        band = re.search(r"(?:(?:under|over) \d+ %|\d+–\d+ %)", rest)
        exact = re.search(r"(?<![\d–])(\d+(?:,\d+)?)\s*%", rest)
        cell = band.group(0) if band else exact.group(0) if exact else None
        before = rest[: (band or exact).start()] if cell else rest
        ints = [int(x.replace(".", "")) for x in re.findall(r"(?<![\d,])\d{1,3}(?:\.\d{3})*(?![\d,])", before)]
        weighted = (ints[-1] / 50, ints[-1] / 50) if ints else (0.0, float("inf"))
        rows.append(Row(m.group(1), weighted, load_interval(cell) if cell else None,
                        None if len(ints) < 2 else max(ints[:-1]), (" ".join(rest.split()),)))
    return rows


def staff_table_rows(rows: list[Row]) -> list[Row]:
    """The memo's rows of its staff table (a label may also head a chart bar): the last per label."""
    by_label: dict[str, Row] = {}
    for row in rows:
        by_label[row.label] = row
    return list(by_label.values())


# -- the attacks ---------------------------------------------------------------------------------

def singled_out(rows: list[Row], known: list[Known]) -> list[str]:
    """The people whose capacity only some rows allow (hours, newcomer status or other tasks
    recovered closely enough to tell them from colleagues)."""
    with_load = [r for r in rows if r.load is not None]
    found = []
    for person in known:
        fits = [r for r in with_load if (iv := capacity_interval(r))[0] - 1e-6 <= person.capacity <= iv[1] + 1e-6]
        if with_load and len(fits) < len(with_load):
            found.append(f"{person.name} (capacity {person.capacity:.3f}): {len(fits)} of {len(with_load)} rows fit")
    return found


def specialist_rows(rows: list[Row], known: list[Known], team: Team) -> list[str]:
    specialist = next(k for k in known if k.specialist)
    cases = next(m for m in team.staff if m.name == specialist.name).counts[SPECIALIST_TYPE]
    holding = [r.label for r in rows if r.specialist_cases == cases]
    return [f"{specialist.name} is {holding[0]}"] if len(holding) == 1 else []


def scenario_leaks(text: str, labels: set[str]) -> list[str]:
    start = re.search(r"^\s*Scenarier\s*$", text, re.M)
    section = text[start.start():] if start else ""
    end = re.search(r"^\s*(Landstal fra|Budget|Sagstal i andre projekter|Forudsætninger og metode)", section, re.M)
    section = section[: end.start()] if end else section
    flat = " ".join(section.split())
    leaks = [f"label {label} in the scenarios" for label in labels if label in flat]
    leaks += [f"hours in the scenarios: {m.group(0)}" for m in re.finditer(r"\d+(?:,\d+)? timer", flat)]
    leaks += [f"dated absence: {m.group(0)}" for m in re.finditer(r"fraværende \d", flat)]
    return leaks


def direct_leaks(text: str, team: Team) -> list[str]:
    flat = " ".join(text.split())
    leaks = [f"name {m.name}" for m in team.staff if m.name in flat or m.name.split()[0] in flat]
    if re.search(r"Medarbejder [A-Z]+ \*", flat) or "* Nyansat" in flat:
        leaks.append("newcomer mark")
    return leaks


def linked(first: list[Row], second: list[Row]) -> bool:
    """Two outputs are linked when every label common to both stands beside the same row."""
    a = {r.label: (r.load, r.weighted, r.cells) for r in first}
    b = {r.label: (r.load, r.weighted, r.cells) for r in second}
    common = set(a) & set(b)
    return len(common) >= 5 and all(a[label] == b[label] for label in common)


def outputs(team: Team, tmp_path, tag: str) -> dict[str, list[Row] | str]:
    memo = tmp_path / f"{tag}.pdf"
    write_memo(team, memo, MemoOptions(anonymise=True, as_of=AS_OF, full_list=True))
    text = pdf_text(memo)
    csv_path = tmp_path / f"{tag}.csv"
    export_csv(team, csv_path, "da", AS_OF, anonymise=True)
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh, delimiter=";"))
    import openpyxl

    xlsx_path = tmp_path / f"{tag}.xlsx"
    export_xlsx(team, xlsx_path, "da", AS_OF, anonymise=True)
    book = openpyxl.load_workbook(xlsx_path)
    cells = [[c.value for c in r] for r in book.worksheets[0].iter_rows()]
    xlsx_text = "\n".join(" ".join(str(v) for v in r if v is not None)
                          for ws in book.worksheets for r in ws.iter_rows(values_only=True))
    from sagstal_desktop.core.comparison import compare
    from sagstal_desktop.io.compare_table import export_xlsx as export_comparison

    comparison_path = tmp_path / f"{tag}-sammenligning.xlsx"
    comparison = compare(team, None, AS_OF, "da")
    try:
        export_comparison(comparison, comparison_path, "da", anonymise=True)
    except TypeError:  # before issue 20 the comparison had no anonymised form: the reader gets the only one
        export_comparison(comparison, comparison_path, "da")
    comparison_text = "\n".join(" ".join(str(v) for v in r if v is not None)
                                 for ws in openpyxl.load_workbook(comparison_path).worksheets
                                 for r in ws.iter_rows(values_only=True))
    return {"memo_text": text, "memo": staff_table_rows(rows_from_memo(text)), "comparison_text": comparison_text,
            "csv_text": "\n".join(";".join(r) for r in table), "csv": rows_from_table(table[0], table[1:]),
            "xlsx_text": xlsx_text, "xlsx": rows_from_table([str(h) for h in cells[0]], cells[1:])}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_reader_who_knows_the_team_recovers_nothing(seed, tmp_path):
    team, known = generated_team(seed)
    one = outputs(team, tmp_path, "one")
    two = outputs(team, tmp_path, "two")
    found: list[str] = []
    for kind in ("memo", "csv", "xlsx"):
        rows = one[kind]
        found += [f"{kind}: {x}" for x in singled_out(rows, known)]
        found += [f"{kind}: {x}" for x in specialist_rows(rows, known, team)]
        found += [f"{kind}: {x}" for x in direct_leaks(one[f"{kind}_text"], team)]
    found += [f"comparison: {x}" for x in direct_leaks(one["comparison_text"], team)]
    if LABEL.search(one["comparison_text"]):
        found.append("comparison: a row per person")
    labels = {r.label for r in one["memo"]}
    every_label = labels | {f"Medarbejder {c}" for c in "ABCDEFGHIJKL"}
    found += [f"memo: {x}" for x in scenario_leaks(one["memo_text"], every_label)]
    for a, b in (("memo", "memo"), ("csv", "csv"), ("memo", "csv"), ("xlsx", "csv")):
        if linked(one[a], two[b]):
            found.append(f"labels of {a} and a second {b} stand beside the same rows")
    assert one["memo"] and one["csv"], "the attack read no rows: the outputs' layout changed"
    assert not found, "\n".join(found)


# -- the scenarios' team figures (issue 20, second pass) -----------------------------------------
#
# Everyone knows who is on sick leave. A scenario with one person away gives her casework FTE as
# the difference of the team's available FTE (10,6 → 9,7), and, with her cases left without a
# caseworker, her load band as the change in staff per band. Two scenarios that share persons give
# the difference too: A = {1..6} away and B = {1..5} away is person 6; A = {1..5}, B = {2..9} and
# C = {1, 6..9} differ pairwise by 5 or more, yet A + C − B is twice person 1. The reader knows
# which persons each scenario concerns and reads the columns the outputs show.

AVAILABLE = "Årsværk til sagsbehandling"
OVER = "Medarbejdere over DS' maksimum"
ABSENT = "Fraværende / vakante"


def with_scenarios(seed: int, groups: dict[str, tuple[int, ...]], kept: bool = False) -> tuple[Team, list[Known]]:
    """The generated team with more absence scenarios: ``groups`` (name -> indexes of the staff
    away, cases spread over colleagues; then only these) and, with ``kept``, the 32,5-hour person
    away with her cases left without a caseworker."""
    team, known = generated_team(seed)
    staff = team.staff
    if groups:
        team.scenarios = []
    if kept:
        alone = sc.derive(team, f"Sygefravær uden fordeling {staff[6].name}")
        alone.redistribute = False
        sc.set_absence(alone, Absence(staff[6].id, "sick", date(2026, 12, 6), date(2027, 3, 6)))
        team.scenarios.append(alone)
    for name, indexes in groups.items():
        made = sc.derive(team, name)
        for i in indexes:
            sc.set_absence(made, Absence(staff[i].id, "sick"))
        team.scenarios.append(made)
    return team, known


def absence_sets(team: Team) -> list[frozenset[int] | None]:
    """What the reader knows of each scenario, in the team's order: the indexes of the staff away
    on the date when it only sends people away, else None (another kind of change)."""
    from sagstal_desktop.core.scenarios import materialise

    index = {m.id: i for i, m in enumerate(team.staff)}
    before = {m.id: (m.weekly_hours, m.other_hours) for m in team.staff}
    sets: list[frozenset[int] | None] = []
    for scenario in team.scenarios:
        variant = materialise(scenario, team)
        same = {m.id: (m.weekly_hours, m.other_hours) for m in variant.staff} == before
        sets.append(frozenset(index[a.member_id] for a in scenario.absences if a.active(AS_OF)) if same else None)
    return sets


def match_columns(keys_shown: list[object], keys_all: list[object]) -> list[int]:
    """Each shown column's scenario (index in the team's order): the first one after the previous
    column's with the same key (sentence or count of the absent): the outputs keep the team's order."""
    found, start = [], 0
    for key in keys_shown:
        i = next(j for j in range(start, len(keys_all)) if keys_all[j] == key)
        found.append(i)
        start = i + 1
    return found


@dataclass
class Columns:
    """The team figures of each column an output shows: the current team first."""

    scenario: list[int]  # each scenario column's index in the team's scenarios
    available: list[float]
    tolerance: float  # half a unit of the printed precision, per figure
    over: list[int]
    bands: list[list[int]] | None = None  # staff per band (highest first, then "no load"), per column


def memo_columns(text: str, team: Team) -> Columns:
    from sagstal_desktop.core.scenario_describe import describe

    flat = " ".join(text[text.rfind("Scenarier"):].split())
    sentences = re.findall(r"Scenarie \d+: ([^.]*\.)", flat)
    scenario = match_columns(sentences, [describe(s, team, "da", anonymous=True) for s in team.scenarios])
    available = over = None
    for line in text[text.rfind("Scenarier"):].splitlines():
        if m := re.match(rf"\s*{AVAILABLE}\s+(-?\d+,\d+(?:\s+-?\d+,\d+)*)\s*$", line):
            available = [_number(x) for x in m.group(1).split()]
            places = max(len(x.partition(",")[2]) for x in m.group(1).split())
        if m := re.match(rf"\s*{OVER}\s+(\d+(?:\s+\d+)*)\s*$", line):
            over = [int(x) for x in m.group(1).split()]
    if not sentences:
        return Columns([], [], 0.05, [])
    assert available and over and len(available) == len(over) == len(sentences) + 1, "the memo's layout changed"
    return Columns(scenario, available, 0.5 * 10 ** -places, over)  # half a unit of the printed precision


def workbook_columns(path, team: Team) -> tuple[Columns, str]:
    import openpyxl

    book = openpyxl.load_workbook(path)
    rows = {str(r[0]): list(r[1:]) for r in book.worksheets[0].iter_rows(values_only=True)}
    bands = [list(r[1:]) for r in book.worksheets[1].iter_rows(min_row=2, values_only=True)]
    text = "\n".join(" ".join(str(v) for v in r if v is not None)
                     for ws in book.worksheets for r in ws.iter_rows(values_only=True))
    counts = [len(s) if s is not None else None for s in absence_sets(team)]
    absent = [c for c in rows[ABSENT][1:]]
    scenario = match_columns(absent, [c if c is not None else 0 for c in counts])
    available = [float(v) for v in rows[AVAILABLE]]
    places = max(len(repr(v).partition(".")[2]) for v in available)
    tolerance = 0.5 * 10 ** -places if places < 6 else 1e-9
    ok = all(isinstance(v, int) for r in bands for v in r[:len(available)])
    return Columns(scenario, available, tolerance, [int(v) for v in rows[OVER]],
                   [[int(r[j]) for r in bands] for j in range(len(available))] if ok else None), text


def _rank(matrix: list[list[int]]) -> int:
    from fractions import Fraction

    rows = [[Fraction(x) for x in r] for r in matrix]
    rank, width = 0, len(rows[0]) if rows else 0
    for col in range(width):
        pivot = next((i for i in range(rank, len(rows)) if rows[i][col]), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for i in range(len(rows)):
            if i != rank and rows[i][col]:
                f = rows[i][col] / rows[rank][col]
                rows[i] = [a - f * b for a, b in zip(rows[i], rows[rank], strict=True)]
        rank += 1
    return rank


def _solve(matrix: list[list[int]], target: list[int]) -> list | None:
    """λ with Σ λ_j · matrix[j] = target (rational), or None."""
    from fractions import Fraction

    n = len(matrix)
    aug = [[Fraction(matrix[j][p]) for j in range(n)] + [Fraction(target[p])] for p in range(len(target))]
    where, row = [-1] * n, 0
    for col in range(n):
        pivot = next((i for i in range(row, len(aug)) if aug[i][col]), None)
        if pivot is None:
            continue
        aug[row], aug[pivot] = aug[pivot], aug[row]
        for i in range(len(aug)):
            if i != row and aug[i][col]:
                f = aug[i][col] / aug[row][col]
                aug[i] = [a - f * b for a, b in zip(aug[i], aug[row], strict=True)]
        where[col], row = row, row + 1
    if any(all(x == 0 for x in r[:n]) and r[n] for r in aug):
        return None
    return [aug[where[j]][n] / aug[where[j]][j] if where[j] >= 0 else Fraction(0) for j in range(n)]


def differencing(columns: Columns, team: Team, known: list[Known], k: int = 5) -> list[str]:
    """The attack on the available FTE: each column of an absence-only scenario is the sum of its
    absent persons' casework FTE below the current team's. A person whose FTE some combination of
    columns isolates is recovered; any combination concerning fewer than k persons is a leak."""
    import itertools

    sets = absence_sets(team)
    rows, diffs = [], []
    for j, i in enumerate(columns.scenario, start=1):
        if sets[i] is not None and sets[i]:
            rows.append([int(p in sets[i]) for p in range(len(known))])
            diffs.append(columns.available[0] - columns.available[j])
    found = []
    if not rows:
        return found
    for p, person in enumerate(known):
        if (coef := _solve(rows, [int(q == p) for q in range(len(known))])) is None:
            continue
        estimate = sum(float(c) * d for c, d in zip(coef, diffs, strict=True))
        error = sum(abs(float(c)) for c in coef) * 2 * columns.tolerance
        if abs(estimate - person.capacity) <= error + 1e-6 and error <= 0.15:
            found.append(f"{person.name}'s casework FTE {estimate:.3f} ± {error:.3f} (true {person.capacity:.3f})")
    concerned = sorted({p for r in rows for p, x in enumerate(r) if x})
    full = _rank(rows)
    isolated: list[set[int]] = []
    for size in range(1, k):
        for few in itertools.combinations(concerned, size):
            if any(s <= set(few) for s in isolated):
                continue
            rest = [[x for p, x in enumerate(r) if p not in few] for r in rows]
            if _rank(rest) < full:
                isolated.append(set(few))
                found.append(f"a combination of columns concerns only {[known[p].name for p in few]}")
    return found


def band_attack(columns: Columns, team: Team, known: list[Known]) -> list[str]:
    """A scenario with one (known) person away and her cases left without a caseworker changes
    nobody else's load: the band that loses one is hers, and the staff over the maximum drop by
    one exactly when she is over."""
    from sagstal_desktop.core.anonymise import band_text, band_texts, load_band

    summary = summarize(team, AS_OF)
    loads = {p.member_id: p.load_max for p in summary.persons}
    sets = absence_sets(team)
    found = []
    for j, i in enumerate(columns.scenario, start=1):
        scenario = team.scenarios[i]
        if sets[i] is None or len(sets[i]) != 1 or scenario.redistribute:
            continue
        (p,) = sets[i]
        load = loads[team.staff[p].id]
        over = load is not None and round(load, 9) > 1
        if columns.over[0] - columns.over[j] == (1 if over else 0):
            found.append(f"{known[p].name} is {'over' if over else 'not over'} the maximum")
        if columns.bands is not None:
            change = [b - a for a, b in zip(columns.bands[0], columns.bands[j], strict=True)]
            lost = [b for b, d in enumerate(change[:-1]) if d == -1]
            if change[-1] == 1 and len(lost) == 1 and sum(1 for d in change if d) == 2:
                shown = list(reversed(band_texts("da")))[lost[0]]
                if shown == band_text(load_band(load), "da"):
                    found.append(f"{known[p].name}'s band is {shown}")
    return found


def scenario_outputs(team: Team, tmp_path) -> tuple[str, Columns, Columns, str]:
    """The anonymised memo's scenario section and the anonymised comparison workbook as
    ``sagstal compare FILE -o X.xlsx --anonymise`` writes it."""
    from sagstal_desktop.cli import main
    from sagstal_desktop.io.document import save_team

    memo = tmp_path / "memo.pdf"
    write_memo(team, memo, MemoOptions(anonymise=True, as_of=AS_OF))
    text = pdf_text(memo)
    source, book = tmp_path / "team.sagstal", tmp_path / "sammenligning.xlsx"
    save_team(team, source)
    code = main(["compare", str(source), "-o", str(book), "--anonymise", "--as-of", AS_OF.isoformat()])
    assert code == 0
    columns, book_text = workbook_columns(book, team)
    return text, memo_columns(text, team), columns, book_text


@pytest.mark.parametrize("seed", [1, 2])
def test_a_scenario_of_one_known_absence_gives_nothing_away(seed, tmp_path):
    team, known = with_scenarios(seed, {}, kept=True)
    text, memo, book, book_text = scenario_outputs(team, tmp_path)
    found = [f"memo: {x}" for x in differencing(memo, team, known) + band_attack(memo, team, known)]
    found += [f"comparison: {x}" for x in differencing(book, team, known) + band_attack(book, team, known)]
    assert not found, "\n".join(found)
    # the three scenarios (two with the part-timer away, one with changed hours) are left out, and it says so
    flat = " ".join(text.split())
    assert "3 scenarier er udeladt, fordi deres tal vedrører færre end 5 medarbejdere" in flat
    assert "3 scenarier er udeladt" in " ".join(book_text.split())
    assert memo.scenario == [] and book.scenario == []


@pytest.mark.parametrize(("groups", "shown"), [
    # A = {1..6} away, B = {1..5}: A − B is person 6
    ({"Seks væk": (0, 1, 2, 3, 4, 5), "Fem væk": (0, 1, 2, 3, 4)}, ["Seks væk"]),
    # pairwise differences of 5 or more, yet A + C − B is twice person 1
    ({"A": (0, 1, 2, 3, 4), "B": (1, 2, 3, 4, 5, 7, 8, 9), "C": (0, 5, 7, 8, 9)}, ["A"]),
    # disjoint groups of k and more are shown, and their sums and differences isolate no one
    ({"Fem væk": (0, 1, 2, 3, 4), "Seks andre væk": (5, 7, 8, 9, 10, 11)}, ["Fem væk", "Seks andre væk"]),
], ids=["nested", "triangle", "disjoint"])
def test_differences_between_scenarios_isolate_no_one(groups, shown, tmp_path):
    team, known = with_scenarios(3, groups)
    _, memo, book, _ = scenario_outputs(team, tmp_path)
    found = [f"memo: {x}" for x in differencing(memo, team, known)]
    found += [f"comparison: {x}" for x in differencing(book, team, known)]
    assert not found, "\n".join(found)
    names = [s.name for s in team.scenarios]
    assert [names[i] for i in memo.scenario] == shown == [names[i] for i in book.scenario]


# -- the history's rows (issue 20, second pass) --------------------------------------------------

def history_rows(text: str) -> list[tuple[int, float]]:
    """(staff, casework FTE) of each row of the memo's history table (pdftotext -layout)."""
    section = text[text.rfind("Udvikling"):]
    return [(int(m.group(1)), _number(m.group(3))) for m in re.finditer(
        r"^\s*\d{1,2}\.\d{1,2}\.\d{4}\s+DS 2020\s+(\d+)\s+(\d+)\s+(-?\d+,\d)", section, re.M)]


@pytest.mark.parametrize("seed", [1, 2])
def test_the_history_of_one_leaver_gives_nothing_away(seed, tmp_path):
    """The 32,5-hour person leaves between two snapshots: the history's staff and casework FTE
    differ by her. A second team's snapshots differ by everyone's cases and nobody's hours: its
    history stays."""
    from sagstal_desktop.core.history import take_snapshot

    team, known = generated_team(seed)
    team.scenarios = []
    take_snapshot(team, "oktober", as_of=date(2026, 10, 31))
    leaver = team.staff.pop(6)
    take_snapshot(team, "november", as_of=date(2026, 11, 30))
    team.staff.insert(6, leaver)
    memo = tmp_path / "memo.pdf"
    write_memo(team, memo, MemoOptions(anonymise=True, as_of=AS_OF))
    text = pdf_text(memo)
    rows = history_rows(text)
    found = []
    for (staff_a, fte_a), (staff_b, fte_b) in pairwise(rows):
        if 0 < abs(staff_a - staff_b) < 5:
            found.append(f"{abs(staff_a - staff_b)} person(s) behind a change of {abs(fte_a - fte_b):.1f} FTE")
            if abs(abs(fte_a - fte_b) - known[6].capacity) <= 0.1:
                found.append(f"{known[6].name}'s casework FTE {abs(fte_a - fte_b):.1f} (true {known[6].capacity:.3f})")
    assert not found, "\n".join(found)
    assert "Afsnittet Udvikling er udeladt af dette anonymiserede notat" in " ".join(text.split())

    busy, _ = generated_team(seed)
    busy.scenarios = []
    take_snapshot(busy, "oktober", as_of=date(2026, 10, 31))
    for member in busy.staff:
        member.counts = {t: n + 1 for t, n in member.counts.items()}
    take_snapshot(busy, "november", as_of=date(2026, 11, 30))
    write_memo(busy, memo, MemoOptions(anonymise=True, as_of=AS_OF))
    kept = pdf_text(memo)
    assert len(history_rows(kept)) == 2 and "Afsnittet Udvikling er udeladt" not in " ".join(kept.split())
