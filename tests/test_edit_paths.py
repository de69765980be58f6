"""The window and ``sagstal`` make every edit through the same core operation
(``core/operations.py``): each writing CLI command and each window edit is watched calling it,
and an import made both ways gives the same team."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import TODAY, run_cli

from sagstal_desktop.core import operations as ops
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.scenario_model import Absence
from sagstal_desktop.core.validation import InputError
from sagstal_desktop.io.document import load_team

CSV = "Navn;Timer;Sygedagpenge;Note\nanne  holm;30;50;\nNy Person;37;12;ny\n"


@pytest.fixture
def calls(monkeypatch):
    """Every call of a core operation, by name (the operation still runs)."""
    seen: list[str] = []
    for name in ("import_rows", "add_snapshots", "add_scenario", "apply_plan", "set_counts", "rename_scenario",
                 "remove_scenario", "set_scenario_absences"):
        real = getattr(ops, name)

        def watch(*args, _real=real, _name=name, **kwargs):
            seen.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(ops, name, watch)
    return seen


def _people(team: Team) -> list[tuple]:
    """The staff as the file holds it, without the ids new people are given at random."""
    return [(m.name, m.weekly_hours, m.other_hours, m.note, m.start_date, dict(m.counts)) for m in team.staff]


@pytest.mark.parametrize("mode", ["merge", "replace_counts", "replace_team"])
def test_import_into_the_window_and_the_cli_give_the_same_team(mode, demo_file, tmp_path, capsys, calls, qapp):
    from sagstal_desktop.gui.team_document import Document
    from sagstal_desktop.io.importer import import_file

    sheet = tmp_path / "hold.csv"
    sheet.write_text(CSV, encoding="utf-8")
    out = tmp_path / "out.sagstal"
    code, _out, err = run_cli(capsys, "import", str(sheet), "--into", str(demo_file), "-o", str(out),
                              "--mode", mode.replace("_", "-"), "--accept-warnings")
    assert code == 0, err
    assert calls == ["import_rows"]
    cli_team = load_team(out)

    before = load_team(demo_file)
    document = Document(load_team(demo_file), None, as_of=TODAY)
    plan = import_file(sheet, document.norm_set())
    document.import_rows(plan.rows, mode, plan.present, plan.norm_set.full_time_hours, "Import")
    assert calls == ["import_rows", "import_rows"]
    assert _people(document.team) == _people(cli_team)
    # matched people keep their id both ways; the team's own name is kept ("anne  holm" matched "Anne Holm")
    anne = next(m for m in before.staff if m.name == "Anne Holm")
    assert [m.id for m in document.team.staff if m.name == "Anne Holm"] == [anne.id]
    assert [m.id for m in cli_team.staff if m.name == "Anne Holm"] == [anne.id]
    assert next(m for m in cli_team.staff if m.name == "Anne Holm").counts["sygedagpenge"] == 50
    assert len(cli_team.staff) == (2 if mode == "replace_team" else len(before.staff) + 1)
    document.undo_stack.undo()
    assert _people(document.team) == _people(before)


def test_import_rows_refuses_bad_rows_and_leaves_the_team(demo):
    before = _people(demo)
    with pytest.raises(ValueError):
        ops.import_rows(demo, [ops.ImportRow(2, "Kim"), ops.ImportRow(3, " kim ")])  # the same name twice
    with pytest.raises(ValueError):
        ops.import_rows(demo, [ops.ImportRow(2, "Kim", counts={"dagpenge": 1.5})])
    with pytest.raises(ValueError):
        ops.import_rows(demo, [ops.ImportRow(2, "Kim", values={"id": "x"})])
    with pytest.raises(ValueError):
        ops.import_rows(demo, [ops.ImportRow(2, "Kim")], "append")
    for bad_count in (-1, True, 100_001):
        with pytest.raises(ValueError):
            ops.import_rows(demo, [ops.ImportRow(2, "Kim", counts={"dagpenge": bad_count})])
    for bad_name in ("  ", "Kim\x1b[2J", "K" * 500):
        with pytest.raises(InputError):
            ops.import_rows(demo, [ops.ImportRow(2, "Bo"), ops.ImportRow(3, bad_name)])
    assert _people(demo) == before


def test_every_writing_cli_command_makes_a_core_operation(demo_file, tmp_path, capsys, calls):
    assert run_cli(capsys, "snapshot", str(demo_file), "--date", "2026-10-01")[0] == 0
    assert calls == ["add_snapshots"]
    assert run_cli(capsys, "scenario", "add", str(demo_file), "--name", "Plus en")[0] == 0
    assert calls[-1] == "add_scenario"
    assert run_cli(capsys, "distribute", str(demo_file), "--add", "sygedagpenge=2", "-o",
                   str(tmp_path / "d.sagstal"))[0] == 0
    assert calls[-2:] == ["apply_plan", "set_counts"]
    assert run_cli(capsys, "rebalance", str(demo_file), "--max-moves", "2", "-o",
                   str(tmp_path / "r.sagstal"))[0] == 0
    assert calls[-2:] == ["apply_plan", "set_counts"]


def test_the_window_scenario_edits_make_core_operations(demo, calls, qapp):
    from sagstal_desktop.gui.handlers import scenarios as handlers
    from sagstal_desktop.gui.team_document import Document

    document = Document(demo, None, as_of=TODAY)
    handlers.new_scenario(document, "Plus en")
    handlers.rename_open(document, "Plus to")
    anne = demo.staff[0].id
    handlers.set_absences(document, [Absence(anne, "vacant")], False)
    assert [a.member_id for a in document.base.scenarios[0].absences] == [anne]
    handlers.delete_open(document)
    assert calls == ["add_scenario", "rename_scenario", "set_scenario_absences", "remove_scenario"]
    assert document.team.scenarios == []
    document.undo_stack.undo()  # the deletion
    assert [s.name for s in document.base.scenarios] == ["Plus to"]


def test_every_undo_command_wraps_a_core_operation():
    """A new edit of the window must not set fields of the team itself: every command either
    calls ``ops.…`` or swaps in a whole state (a variant, or a team already computed)."""
    import sagstal_desktop.gui.commands as commands

    tree = ast.parse(Path(commands.__file__).read_text(encoding="utf-8"))
    whole_state = {"set_variant_state", "set_team_object"}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            used = {n.value.id + "." + n.attr if isinstance(n.value, ast.Name) else n.attr
                    for n in ast.walk(node) if isinstance(n, ast.Attribute)}
            assert any(u.startswith("ops.") for u in used) or used & whole_state, node.name
    assert {"ImportRowsCommand", "SetCountsCommand", "SetMemberFieldCommand"} <= {
        n.name for n in tree.body if isinstance(n, ast.ClassDef)}
