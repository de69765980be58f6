"""A generator of hostile and unlucky input files (no stored pile of files).

``sagstal_cases()``, ``sheet_cases()`` return ``(name, build)`` pairs; ``build(folder)`` writes
one input into ``folder`` and returns its path (or None where the platform cannot make it, e.g.
a FIFO on Windows). Used by ``tests/test_fuzz_files.py`` (bounded, in CI) and
``bench/fuzz_files.py`` (every case in a subprocess with a time limit, and random mutations).
"""

from __future__ import annotations

import json
import os
import random
import re
import sqlite3
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

Build = Callable[[Path], Path | None]

_STAFF_COLUMNS = "id, position, name, weekly_hours, other_hours, other_tasks, start_date, note"


def base_team(people: int = 6):
    """A small valid team (demo team, with a custom norm set and a snapshot)."""
    from sagstal_desktop.core.demo import demo_team
    from sagstal_desktop.core.history import take_snapshot
    from sagstal_desktop.core.norms import custom_norm_set, default_norm_set

    team = demo_team(date(2026, 11, 22))
    team.staff = team.staff[:people]
    team.custom_norm_sets.append(custom_norm_set("loft", "Loft", default_norm_set(), {}, "note"))
    take_snapshot(team, "start", date(2026, 1, 1))
    return team


def valid_file(folder: Path, name: str = "team.sagstal") -> Path:
    from sagstal_desktop.io.document import save_team

    return save_team(base_team(), folder / name)


def _loosen(db: sqlite3.Connection, table: str) -> None:
    """Rebuild ``table`` without types or constraints, so any value can be put in it."""
    cols = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
    db.executescript(
        f"ALTER TABLE {table} RENAME TO old_{table};"
        f"CREATE TABLE {table} ({', '.join(cols)});"
        f"INSERT INTO {table} SELECT * FROM old_{table};"
        f"DROP TABLE old_{table};"
    )


def _mutated(sql: list[str] | Callable[[sqlite3.Connection], None], loosen: tuple[str, ...] = ()) -> Build:
    def build(folder: Path) -> Path:
        path = valid_file(folder)
        db = sqlite3.connect(path, isolation_level=None)
        try:
            for table in loosen:
                _loosen(db, table)
            if callable(sql):
                sql(db)
            else:
                for statement in sql:
                    db.execute(statement)
        finally:
            db.close()
        return path

    return build


def _set_json(key: str, value: object | str) -> Build:
    text = value if isinstance(value, str) else json.dumps(value)
    return _mutated(lambda db: db.execute("UPDATE team SET value = ? WHERE key = ?", (text, key)))


def _set_setting(field: str, value: object) -> Build:
    def change(db: sqlite3.Connection) -> None:
        (text,) = db.execute("SELECT value FROM team WHERE key = 'settings'").fetchone()
        data = json.loads(text)
        data[field] = value
        db.execute("UPDATE team SET value = ? WHERE key = 'settings'", (json.dumps(data),))

    return _mutated(change)


def _set_staff(field: str, value: object) -> Build:
    return _mutated(lambda db: db.execute(f"UPDATE staff SET {field} = ? WHERE position = 1", (value,)),
                    loosen=("staff",))


def _set_count(value: object) -> Build:
    return _mutated(lambda db: db.execute("UPDATE case_counts SET count = ? WHERE rowid = 1", (value,)),
                    loosen=("case_counts",))


def _norm_set(change: Callable[[dict], None]) -> Build:
    def mutate(db: sqlite3.Connection) -> None:
        (text,) = db.execute("SELECT data FROM norm_sets").fetchone()
        data = json.loads(text)
        change(data)
        db.execute("UPDATE norm_sets SET data = ?", (json.dumps(data),))

    return _mutated(mutate)


def _first_type(data: dict) -> dict:
    return data["groups"][0]["types"][0]


def _non_regular(kind: str) -> Build:
    def build(folder: Path) -> Path | None:
        path = folder / "team.sagstal"
        if kind == "folder":
            path.mkdir()
        elif kind == "fifo":
            if not hasattr(os, "mkfifo"):
                return None
            os.mkfifo(path)
        elif kind == "device":
            if not Path("/dev/zero").exists():
                return None
            path.symlink_to("/dev/zero")
        return path

    return build


def _many_staff(n: int) -> Build:
    def add(db: sqlite3.Connection) -> None:
        db.execute("BEGIN")
        db.executemany(f"INSERT INTO staff ({_STAFF_COLUMNS}) VALUES (?, ?, 'x', 37, 0, '', NULL, '')",
                       ((f"id{i}", 100 + i) for i in range(n)))
        db.execute("COMMIT")

    return _mutated(add)


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


_RECURSIVE = ("WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) "
              "SELECT x, x, x, x, x, x, x, x FROM r")


def sagstal_cases() -> list[tuple[str, Build]]:
    """Every crafted ``.sagstal`` case by name."""
    big = 2**62
    cases: list[tuple[str, Build]] = [
        ("settings_is_list", _set_json("settings", [1, 2])),
        ("settings_is_string", _set_json("settings", "x")),
        ("info_is_list", _set_json("info", ["a"])),
        ("info_is_number", _set_json("info", 5)),
        ("settings_deep_json", _set_json("settings", _deep(100_000))),
        ("info_deep_json", _set_json("info", '{"a":' * 50 + "1" + "}" * 50)),
        ("settings_not_json", _set_json("settings", "{not json")),
        ("settings_nan", _set_json("settings", '{"cost_per_fte": NaN}')),
        ("cost_inf", _set_setting("cost_per_fte", float("inf"))),
        ("cost_1e308", _set_setting("cost_per_fte", 1e308)),
        ("cost_text", _set_setting("cost_per_fte", "mange")),
        ("newcomer_months_huge", _set_setting("newcomer_months", big)),
        ("newcomer_reduction_5", _set_setting("newcomer_reduction", 5)),
        ("budget_years_0", _set_setting("budget_years", 0)),
        ("budget_years_1000", _set_setting("budget_years", 1000)),
        ("budget_years_1e7", _set_setting("budget_years", 10**7)),
        ("budget_first_year_1e7", _set_setting("budget_first_year", 10**7)),
        ("norm_set_id_unknown", _set_setting("norm_set_id", "findes_ikke")),
        ("norm_set_id_number", _set_setting("norm_set_id", 7)),
        ("team_name_huge", _set_json("info", {"team_name": "T" * 131_000})),
        ("team_name_list", _set_json("info", {"team_name": ["a"]})),
        ("hours_inf", _set_staff("weekly_hours", float("inf"))),
        ("hours_nan", _set_staff("weekly_hours", float("nan"))),
        ("hours_1e308", _set_staff("weekly_hours", 1e308)),
        ("hours_negative", _set_staff("weekly_hours", -5.0)),
        ("hours_text", _set_staff("weekly_hours", "37 timer")),
        ("hours_blob", _set_staff("weekly_hours", b"\x00\x01")),
        ("other_hours_null", _set_staff("other_hours", None)),
        ("name_null", _set_staff("name", None)),
        ("name_blob", _set_staff("name", b"\xff\xfe")),
        ("name_integer", _set_staff("name", 12345)),
        ("name_5000", _set_staff("name", "N" * 5000)),
        ("name_131000", _set_staff("name", "N" * 131_000)),
        ("name_ansi", _set_staff("name", "\x1b[31mRød\x1b[0m\x1b]0;titel\x07")),
        ("note_huge", _set_staff("note", "x" * 100_000)),
        ("competences_empty_object", _set_staff("competences", "{}")),  # the empty-JSON fast path keeps the type check
        ("reductions_empty_object", _set_staff("reductions", "{}")),
        ("competences_empty_string", _set_staff("competences", "")),
        ("id_duplicate", _mutated(["UPDATE staff SET id = (SELECT id FROM staff WHERE position = 0)"],
                                  loosen=("staff",))),
        ("date_year_10000", _set_staff("start_date", "10000-01-01")),
        ("date_83335351", _set_staff("start_date", "83335351")),
        ("date_1800", _set_staff("start_date", "1800-01-01")),
        ("date_feb_31", _set_staff("start_date", "2026-02-31")),
        ("date_number", _set_staff("start_date", 20260101)),
        ("count_2_62", _set_count(big)),
        ("count_2_63_minus_1", _set_count(2**63 - 1)),
        ("count_negative", _set_count(-1)),
        ("count_fraction", _set_count(1.5)),
        ("count_text", _set_count("mange")),
        ("case_type_null", _mutated(["UPDATE case_counts SET case_type = NULL WHERE rowid = 1"],
                                    loosen=("case_counts",))),
        ("norm_full_time_0", _norm_set(lambda d: d.update(full_time_hours=0))),
        ("norm_full_time_inf", _norm_set(lambda d: d.update(full_time_hours=1e400))),
        ("norm_max_tiny", _norm_set(lambda d: _first_type(d).update(min=1e-300, max=1e-300))),
        ("norm_min_over_max", _norm_set(lambda d: _first_type(d).update(min=50, max=10))),
        ("norm_range_text", _norm_set(lambda d: _first_type(d).update(min="a", max="b"))),
        ("norm_groups_string", _norm_set(lambda d: d.update(groups="x"))),
        ("norm_source_list", _norm_set(lambda d: d.update(source=[1]))),
        ("norm_name_huge", _norm_set(lambda d: d.update(name_da="L" * 10_000))),
        ("norm_data_list", _mutated(["UPDATE norm_sets SET data = '[1,2]'"])),
        ("snapshot_bad_time", _mutated(["UPDATE snapshots SET taken_at = '99999-01-01'"])),
        ("snapshot_data_string", _mutated(["UPDATE snapshots SET data = '\"x\"'"])),
        ("snapshot_deep", _mutated([f"UPDATE snapshots SET data = '{{\"a\":{_deep(5000)}}}'"])),
        ("staff_view_recursive", _mutated(["DROP TABLE staff", f"CREATE VIEW staff AS {_RECURSIVE}"])),
        ("counts_view_1e9", _mutated([
            "DROP TABLE case_counts",
            "CREATE VIEW case_counts AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r "
            "WHERE x < 1000000000) SELECT 'a', 'b', x, x FROM r"])),
        ("extra_recursive_view", _mutated([f"CREATE VIEW v AS {_RECURSIVE}"])),
        ("trigger", _mutated(["CREATE TRIGGER t AFTER INSERT ON staff BEGIN DELETE FROM staff; END"])),
        ("table_missing", _mutated(["DROP TABLE snapshots"])),
        ("column_missing", _mutated(["ALTER TABLE staff DROP COLUMN note"])),
        ("staff_200001_rows", _many_staff(200_001)),
        ("team_key_duplicate", _mutated(["INSERT INTO team (key, value) VALUES ('info ', '{}')",
                                         "UPDATE team SET key = 'info' WHERE key = 'info '"], loosen=("team",))),
        ("folder", _non_regular("folder")),
        ("fifo", _non_regular("fifo")),
        ("device", _non_regular("device")),
        ("empty_file", lambda folder: _write(folder / "team.sagstal", b"")),
        ("text_file", lambda folder: _write(folder / "team.sagstal", b"navn;timer\nAnne;37\n")),
        ("header_only", lambda folder: _write(folder / "team.sagstal", b"SQLite format 3\x00" + b"\x00" * 84)),
        ("truncated", _truncated),
        # issue 21: the surfaces added since (scenarios, absences, snapshots, the JSON budget)
        ("scenario_target_nan", _scenario_target("nan")),
        ("scenario_target_inf", _scenario_target("inf")),
        ("scenario_target_tiny", _scenario_target(1e-320)),
        ("scenario_target_zero", _scenario_target(0)),
        ("scenario_target_negative", _scenario_target(-5)),
        ("scenarios_101", _many_scenarios(101)),
        ("absences_1001", _many_absences(1001)),
        ("snapshots_1001", _many_snapshots(1001)),
        ("snapshot_label_201", _mutated(["UPDATE snapshots SET label = '" + "L" * 201 + "'"])),
        ("snapshot_fte_2e9", _mutated(["UPDATE snapshots SET data = json_set(data, '$.figures.available_fte', 2e9)"])),
        ("snapshot_json_bomb", json_bomb(5_100_000)),  # just over the budget (10 million values)
        ("scenario_hours_100", _scenario_member_hours(100.0)),
    ]
    return cases


def json_bomb(lists: int) -> Build:
    """One snapshot whose JSON holds ``lists`` empty lists (the issue's: 20 million, 63 MB)."""
    def change(db: sqlite3.Connection) -> None:
        text = '{"inputs": {"x": [' + ",".join(["[]"] * lists) + "]}}"  # built only when the case is
        db.execute("UPDATE snapshots SET data = ? WHERE rowid = (SELECT min(rowid) FROM snapshots)", (text,))
    return _mutated(change)


def _with_scenario(folder: Path, count: int = 1, absences: int = 0) -> Path:
    """A valid file with ``count`` scenarios (the first with ``absences`` absences, written past
    the program's own checks)."""
    from sagstal_desktop.core import scenarios as sc
    from sagstal_desktop.core.scenario_model import Absence
    from sagstal_desktop.io.document import save_team

    team = base_team()
    team.scenarios.append(sc.derive(team, "S0"))
    path = save_team(team, folder / "team.sagstal")
    db = sqlite3.connect(path, isolation_level=None)
    try:
        (data,) = db.execute("SELECT data FROM scenarios").fetchone()
        scenario = json.loads(data)
        first = dict(scenario, absences=[Absence(team.staff[0].id, "vacant").to_dict()] * absences)
        db.execute("UPDATE scenarios SET data = ?", (json.dumps(first),))
        db.execute("BEGIN")
        db.executemany("INSERT INTO scenarios (name, position, data) VALUES (?, ?, ?)",
                       [(f"S{i}", i, json.dumps(dict(scenario, name=f"S{i}"))) for i in range(1, count)])
        db.execute("COMMIT")
    finally:
        db.close()
    return path


def _scenario_target(value: object) -> Build:
    def build(folder: Path) -> Path:
        path = _with_scenario(folder)
        with sqlite3.connect(path) as db:
            db.execute("UPDATE scenarios SET data = json_set(data, '$.target_caseload', ?)", (value,))
        db.close()
        return path
    return build


def _scenario_member_hours(hours: float) -> Build:
    def build(folder: Path) -> Path:
        path = _with_scenario(folder)
        with sqlite3.connect(path) as db:
            db.execute("UPDATE scenarios SET data = json_set(data, '$.inputs.staff[0].weekly_hours', ?)", (hours,))
        db.close()
        return path
    return build


def _many_scenarios(n: int) -> Build:
    return lambda folder: _with_scenario(folder, count=n)


def _many_absences(n: int) -> Build:
    return lambda folder: _with_scenario(folder, absences=n)


def _many_snapshots(n: int) -> Build:
    def add(db: sqlite3.Connection) -> None:
        (taken, label) = db.execute("SELECT taken_at, label FROM snapshots").fetchone()
        db.execute("BEGIN")  # one transaction, not one commit (and sync) per row
        db.executemany("INSERT INTO snapshots (taken_at, label, data) VALUES (?, ?, '{}')",
                       [(taken, label)] * (n - 1))  # the count is refused before any row is read
        db.execute("COMMIT")
    return _mutated(add)


# -- writing commands: every one is followed by "write, then reopen" ---------------------------

#: Names from an old file (the input refuses control characters now) that exports must guard.
HOSTILE_NAMES = ("=HYPERLINK(\"http://x\";\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "a\x1b[31mb\x07")

_HISTORY_HEAD = "Dato;Betegnelse;Årsværk til sagsbehandling;Årsværk ved maksimum;Årsværk ved minimum\n"


def hostile_file(folder: Path, name: str = "team.sagstal") -> Path:
    """A valid team whose staff, scenario, snapshot and norm-set names are formula starts and
    escape sequences."""
    from sagstal_desktop.core import scenarios as sc
    from sagstal_desktop.io.document import save_team

    team = base_team()
    for person, hostile in zip(team.staff, HOSTILE_NAMES, strict=False):
        person.name = hostile
    team.snapshots[0].label = HOSTILE_NAMES[0]
    for hostile in HOSTILE_NAMES[:3]:
        scenario = sc.derive(team, "x")
        scenario.name = hostile  # past the input's check, as an old file would hold it
        team.scenarios.append(scenario)
    return save_team(team, folder / name)


def _history_sheet(*rows: str) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / "historik.csv"
        path.write_text(_HISTORY_HEAD + "".join(r + "\n" for r in rows), encoding="utf-8")
        return path
    return build


def _history_rows(n: int) -> Callable[[Path], Path]:
    from datetime import timedelta

    return _history_sheet(*(f"{(date(2000, 1, 1) + timedelta(days=i)).strftime('%d-%m-%Y')};x;9;9;12"
                            for i in range(n)))


def _year_one_sheet(folder: Path) -> Path:
    from datetime import datetime

    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Dato", "Årsværk til sagsbehandling", "Årsværk ved maksimum", "Årsværk ved minimum"])
    book.active.append([datetime(1, 1, 1), 9, 9, 12])
    book.save(folder / "historik.xlsx")
    return folder / "historik.xlsx"


def _staff_sheet(folder: Path) -> Path:
    path = folder / "hold.csv"
    path.write_text("Navn;Timer;Sygedagpenge\nAnne;37;10\nBo;30;5\n", encoding="utf-8")
    return path


#: (name, the team file's builder, a side input's builder or None, argv(team, side, folder)).
WriteCase = tuple[str, Build, Callable[[Path], Path] | None, Callable[[Path, Path | None, Path], list[str]]]


def write_cases() -> list[WriteCase]:
    """Every writing command with hostile and ordinary arguments. A run that succeeds must leave
    files that open again (``reopen_problems``); a refused run must leave everything as it was."""
    long = "L" * 201
    t = str
    cases: list[WriteCase] = []
    for label in ("Kvartal 3", long, "a\x1b[31mb", "=1+1", ""):
        cases.append((f"snapshot_label_{label[:8]!r}", valid_file, None,
                      lambda p, s, f, label=label: ["snapshot", t(p), "--label", label]))
    for rows_name, side in (
        ("ok", _history_sheet("01-02-2025;ok;9;9;12")),
        ("fte_2e9", _history_sheet("01-02-2025;a;2000000000;9;12")),
        ("fte_400_digits", _history_sheet("01-02-2025;a;" + "9" * 400 + ";9;12")),
        ("label_201", _history_sheet("01-02-2025;" + long + ";9;9;12")),
        ("fte_1e308", _history_sheet("01-02-2025;a;1E+308;9;12")),
        ("arabic_digits", _history_sheet("01-02-2025;a;١٢;9;12")),
        ("label_escape", _history_sheet("01-02-2025;a\x1b[2J;9;9;12")),
        ("rows_10001", _history_rows(10_001)),
        ("xlsx_year_1", _year_one_sheet),
    ):
        cases.append((f"snapshot_from_{rows_name}", valid_file, side,
                      lambda p, s, f: ["snapshot", t(p), "--from", t(s)]))
    scenario_args = {
        "ok": ["--name", "Ny", "--add-position", "37", "--ceiling", "25", "--target", "30"],
        "name_201": ["--name", long], "name_escape": ["--name", "a\x1b]0;x\x07"],
        "hours_48_01": ["--name", "Z", "--add-position", "48,01"],
        "hours_100": ["--name", "Z", "--add-position", "100"],
        "ceiling_0_01": ["--name", "Z", "--ceiling", "0,01"],
        "ceiling_100001": ["--name", "Z", "--ceiling", "100001"],
        "target_0": ["--name", "Z", "--target", "0"], "target_nan": ["--name", "Z", "--target", "nan"],
        "hours_arabic": ["--name", "Z", "--add-position", "٣٧"],
    }
    for name, extra in scenario_args.items():
        cases.append((f"scenario_add_{name}", valid_file, None,
                      lambda p, s, f, extra=extra: ["scenario", "add", t(p), *extra]))
    for name, team_name in (("ok", "Holdet"), ("300", "T" * 300), ("escape", "\x1b[2JHold")):
        cases.append((f"import_into_team_name_{name}", valid_file, _staff_sheet,
                      lambda p, s, f, n=team_name: ["import", t(s), "--into", t(p), "-o", t(p), "--force",
                                                    "--accept-warnings", "--team-name", n]))
    for name, add in (("10", "sygedagpenge=10"), ("3000000", "sygedagpenge=3000000")):
        cases.append((f"distribute_add_{name}", valid_file, None,
                      lambda p, s, f, add=add: ["distribute", t(p), "--add", add, "-o", t(f / "plan.sagstal")]))
    cases.append(("distribute_time_limit_negative", valid_file, None,
                  lambda p, s, f: ["distribute", t(p), "--add", "sygedagpenge=1", "--time-limit", "-1"]))
    cases.append(("rebalance_o", valid_file, None,
                  lambda p, s, f: ["rebalance", t(p), "--max-moves", "3", "-o", t(f / "plan.sagstal")]))
    for output in ("out.xlsx", "out.csv"):
        cases.append((f"export_hostile_{output}", hostile_file, None,
                      lambda p, s, f, o=output: ["export", t(p), "-o", t(f / o)]))
    cases.append(("compare_o_hostile", hostile_file, None, lambda p, s, f: ["compare", t(p), "-o", t(f / "c.xlsx")]))
    cases.append(("compare_json_hostile", hostile_file, None, lambda p, s, f: ["compare", t(p), "--json"]))
    cases.append(("memo_hostile", hostile_file, None, lambda p, s, f: ["memo", t(p), "-o", t(f / "memo.pdf")]))
    cases.append(("template_xlsx", valid_file, None, lambda p, s, f: ["template", "-o", t(f / "skabelon.xlsx")]))
    return cases


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def reopen_problems(folder: Path, before: dict[str, bytes | None]) -> list[str]:
    """The "write, then reopen" oracle after a successful writing command: every file in
    ``folder`` that is new or changed opens again with the program's own reader (a team file),
    openpyxl (a workbook: no formula cell, no control character), the csv module (no cell
    starting a formula, no control character) or is a PDF. Returns what failed."""
    import csv as csv_module

    problems: list[str] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            problems.append(f"temporary file left: {path.name}")
            continue
        if not path.is_file() or before.get(path.name) == path.read_bytes():
            continue
        suffix = path.suffix.lower()
        try:
            if suffix == ".sagstal":
                from sagstal_desktop.io.document import load_team

                load_team(path)
            elif suffix == ".xlsx":
                import openpyxl

                for ws in openpyxl.load_workbook(path).worksheets:
                    for row in ws.iter_rows():
                        for cell in row:
                            if cell.data_type == "f":
                                problems.append(f"{path.name}: formula in {ws.title}!{cell.coordinate}")
                            if isinstance(cell.value, str) and _CONTROL.search(cell.value.replace("\t", "")):
                                problems.append(f"{path.name}: control character in {ws.title}!{cell.coordinate}")
            elif suffix == ".csv" and path.name != "hold.csv" and path.name != "historik.csv":
                with open(path, encoding="utf-8-sig", newline="") as fh:
                    for row in csv_module.reader(fh, delimiter=";"):
                        for cell in row:
                            if cell.startswith(("=", "+", "-", "@", "\t", "\r")) and not re.fullmatch(
                                    r"[+-]?\d+(?:[.,]\d+)?", cell):
                                problems.append(f"{path.name}: formula start {cell[:20]!r}")
                            if _CONTROL.search(cell.replace("\t", "")):
                                problems.append(f"{path.name}: control character {cell[:20]!r}")
            elif suffix == ".pdf" and not path.read_bytes().startswith(b"%PDF-"):
                problems.append(f"{path.name}: not a PDF")
        except Exception as exc:  # the oracle reports any failure to reopen
            problems.append(f"{path.name} does not open: {type(exc).__name__}: {str(exc)[:120]}")
    return problems


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _truncated(folder: Path) -> Path:
    path = valid_file(folder)
    data = path.read_bytes()
    return _write(path, data[: len(data) // 2])


def flip_bytes(folder: Path, seed: int, flips: int = 20) -> Path:
    """A valid file with ``flips`` random bytes changed after the 100-byte header."""
    path = valid_file(folder)
    data = bytearray(path.read_bytes())
    rng = random.Random(seed)
    for _ in range(flips):
        data[rng.randrange(100, len(data))] = rng.randrange(256)
    return _write(path, bytes(data))


# -- spreadsheets ----------------------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
    '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
    'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/>{extra}</Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="Medarbejdere" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>{extra}</Relationships>'
)
_SHEET_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _sheet(body: str, dimension: str = "A1:B2") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_SHEET_NS}><dimension ref="{dimension}"/>'
            f"<sheetData>{body}</sheetData></worksheet>")


_HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>Navn</t></is></c><c r="B1"><v>37</v></c></row>'


def xlsx(path: Path, sheet: str | None, *, extra: dict[str, bytes | str] | None = None,
         content_extra: str = "", rels_extra: str = "") -> Path:
    """A minimal xlsx by hand (``sheet`` None leaves the sheet part out)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES.format(extra=content_extra))
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr("xl/workbook.xml", _WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS.format(extra=rels_extra))
        if sheet is not None:
            zf.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path


def _xlsx_case(sheet: str | None, **kw) -> Build:
    return lambda folder: xlsx(folder / "team.xlsx", sheet, **kw)


_SST_TYPE = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.spreadsheetml.sharedStrings+xml"/>')
_SST_REL = ('<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'sharedStrings" Target="sharedStrings.xml"/>')


def _laughs() -> str:
    ents = ['<!ENTITY a0 "hahahahahahahahahaha">'] + [
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    return (f'<?xml version="1.0"?><!DOCTYPE sst [{"".join(ents)}]><sst {_SHEET_NS} count="1" uniqueCount="1">'
            "<si><t>&a9;</t></si></sst>")


def _zip_bomb(folder: Path) -> Path:
    body = " " * (60 * 2**20)  # 60 MB of spaces pack to about 60 KB
    return xlsx(folder / "team.xlsx", _sheet(_HEADER_ROW), extra={"xl/sharedStrings.xml": body},
                content_extra=_SST_TYPE, rels_extra=_SST_REL)


def _many_members(folder: Path) -> Path:
    return xlsx(folder / "team.xlsx", _sheet(_HEADER_ROW), extra={f"x/{i}.xml": "" for i in range(3000)})


def dimension_bomb(folder: Path) -> Path:
    """The 1.7 KB kind that took 16.6 GB: a sheet declaring all of Excel's rows and columns,
    with a cell in the last one."""
    body = _HEADER_ROW + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return xlsx(folder / "team.xlsx", _sheet(body, "A1:XFD1048576"))


def _wide_row(folder: Path) -> Path:
    cells = "".join(f'<c r="{_col(i)}1"><v>{i}</v></c>' for i in range(1, 16_384, 7))
    return xlsx(folder / "team.xlsx", _sheet(f'<row r="1">{cells}</row>', "A1:XFD1"))


def _col(index: int) -> str:
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_cases() -> list[tuple[str, Build]]:
    """Every crafted spreadsheet case by name."""
    return [
        ("xlsx_dimension_bomb", dimension_bomb),
        ("xlsx_dimension_over_excel", _xlsx_case(_sheet(_HEADER_ROW, "A1:ZZZZ99999999"))),
        ("xlsx_rows_far_apart", _xlsx_case(_sheet(_HEADER_ROW + '<row r="900000"><c r="A900000"><v>1</v></c></row>',
                                                   "A1:A900000"))),
        ("xlsx_wide_row", _wide_row),
        ("xlsx_zip_bomb", _zip_bomb),
        ("xlsx_many_members", _many_members),
        ("xlsx_missing_sheet_part", _xlsx_case(None)),
        ("xlsx_billion_laughs", _xlsx_case(_sheet(_HEADER_ROW), extra={"xl/sharedStrings.xml": _laughs()},
                                           content_extra=_SST_TYPE, rels_extra=_SST_REL)),
        ("xlsx_external_entity", _xlsx_case(
            '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            f'<worksheet {_SHEET_NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c>'
            "</row></sheetData></worksheet>")),
        ("xlsx_broken_xml", _xlsx_case("<worksheet><sheetData><row")),
        ("xlsx_no_workbook", lambda folder: _zip_only(folder / "team.xlsx", {"a.txt": "x"})),
        ("xlsx_garbage_zip", lambda folder: _write(folder / "team.xlsx", b"PK\x03\x04" + os.urandom(2000))),
        ("xlsx_empty", lambda folder: _write(folder / "team.xlsx", b"")),
        ("xlsx_folder", lambda folder: _mkdir(folder / "team.xlsx")),
        ("xlsx_fifo", _fifo_sheet),
        ("csv_binary", lambda folder: _write(folder / "team.csv", bytes(range(256)) * 50)),
        ("csv_nul", lambda folder: _write(folder / "team.csv", b"Navn;Timer\n\x00\x00;37\n")),
        ("csv_unclosed_quote", lambda folder: _write(folder / "team.csv", b'Navn;Timer\n"Anne;37\n' + b"x" * 5000)),
        ("csv_only_header", lambda folder: _write(folder / "team.csv", b"Navn;Timer\n")),
        ("csv_bad_values", lambda folder: _write(
            folder / "team.csv",
            b"Navn;Timer;Sygedagpenge;Startdato\n=1+1;inf;1e400;10000-01-01\n@x;nan;-1;83335351\n")),
        ("csv_name_5000", lambda folder: _write(folder / "team.csv", ("Navn;Timer\n" + "N" * 5000 + ";37\n").encode())),
        ("csv_many_columns", lambda folder: _write(folder / "team.csv", _wide_csv(20_000))),
    ]


def _wide_csv(columns: int) -> bytes:
    return (";".join(["Navn"] + [f"k{i}" for i in range(columns)]) + "\n").encode()


def _zip_only(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def _fifo_sheet(folder: Path) -> Path | None:
    if not hasattr(os, "mkfifo"):
        return None
    path = folder / "team.csv"
    os.mkfifo(path)
    return path


def snapshot_folder(folder: Path) -> dict[str, bytes | None]:
    """Every entry of ``folder`` with its bytes (None for anything not a regular file)."""
    out: dict[str, bytes | None] = {}
    for entry in sorted(folder.iterdir()):
        out[entry.name] = entry.read_bytes() if entry.is_file() and not entry.is_symlink() else None
    return out
