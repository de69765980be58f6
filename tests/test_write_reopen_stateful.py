"""A stateful property test (hypothesis ``RuleBasedStateMachine``): whatever sequence of generated
commands runs against a team file, through the core/io API (the input paths: the one parser,
``check_name``/``check_label``, the scenario operations, ``save_team``) and through the CLI's
``main()`` in-process, the team file always opens again, and it holds exactly what the commands
that succeeded put there. A command either succeeds or is refused with one of the program's own
errors (never another exception), and a refused command leaves the file byte for byte as it was.
"""

from __future__ import annotations

import contextlib
import io
import math
import tempfile
from pathlib import Path

from conftest import TODAY
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from sagstal_desktop.core import history
from sagstal_desktop.core import scenarios as sc
from sagstal_desktop.core.model import StaffMember
from sagstal_desktop.core.validation import InputError, check_label, check_name, parse_count, parse_hours
from sagstal_desktop.io.document import DocumentError, load_team, save_team

#: Text as people type or paste it: letters, digits, formula starts, escape sequences, control
#: characters, Arabic-Indic digits, and now and then far too much of it.
_ALPHABET = st.sampled_from([*"aæøå Z09=+-@,.;'\"", "\t", "\n", "\r", "\x00", "\x1b", "\x7f", "\x9b", "١",
                             "\u202e", "😀"])
TEXT = st.one_of(st.text(_ALPHABET, max_size=12), st.integers(195, 260).map(lambda n: "N" * n))
NUMBER_TEXT = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-5, 200_000).map(str),
    st.sampled_from(["48,01", "37,5", "0", "-0", "1E+308", "9" * 400, "١٢", "nan", "", "1.000", "100001"]),
)
REFUSALS = (InputError, sc.ScenarioError, history.SnapshotCapError, DocumentError, KeyError)


class TeamFileMachine(RuleBasedStateMachine):
    """The model: the team as the file should hold it after the last successful command."""

    @initialize()
    def start(self) -> None:
        from sagstal_desktop.core.demo import demo_team

        self.folder = Path(tempfile.mkdtemp(prefix="sagstal-stateful-"))
        self.path = self.folder / "team.sagstal"
        self.team = demo_team(TODAY)
        del self.team.staff[6:]  # small: a save takes milliseconds
        save_team(self.team, self.path)

    def _commit(self, change) -> None:
        """Apply ``change`` to a copy and save it; on a refusal the file must be unchanged."""
        before = self.path.read_bytes()
        candidate = self.team.copy()
        try:
            change(candidate)
            save_team(candidate, self.path)
        except REFUSALS:
            assert self.path.read_bytes() == before
            return
        self.team = candidate

    # -- the core/io input paths ----------------------------------------------------------

    @rule(name=TEXT, hours=NUMBER_TEXT)
    def add_person(self, name: str, hours: str) -> None:
        def change(team) -> None:
            team.staff.append(StaffMember(name=check_name(name), weekly_hours=parse_hours(hours)))
        self._commit(change)

    @rule(who=st.integers(0, 10), count=NUMBER_TEXT)
    def set_count(self, who: int, count: str) -> None:
        def change(team) -> None:
            team.staff[who % len(team.staff)].counts["sygedagpenge"] = parse_count(count)
        self._commit(change)

    @rule(label=TEXT)
    def take_snapshot(self, label: str) -> None:
        def change(team) -> None:
            history.add_snapshot(team, history.make_snapshot(team, check_label(label), as_of=TODAY))
        self._commit(change)

    @rule(name=TEXT, hours=st.floats(allow_nan=True, allow_infinity=True),
          ceiling=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
          goal=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)))
    def add_scenario(self, name: str, hours: float, ceiling: float | None, goal: float | None) -> None:
        def change(team) -> None:
            scenario = sc.derive(team, name)
            sc.add_position(scenario, team, "Ny", hours)
            if ceiling is not None:
                sc.set_own_ceiling(scenario, team, ceiling, "Loft")
            sc.set_target_caseload(scenario, goal)
            team.scenarios.append(scenario)
        self._commit(change)

    @rule(name=TEXT)
    def rename_team(self, name: str) -> None:
        def change(team) -> None:
            team.info.team_name = check_label(name)
        self._commit(change)

    @rule(label=TEXT, hours=st.floats(allow_nan=True, allow_infinity=True), note_length=st.integers(0, 2100))
    def unchecked_edit(self, label: str, hours: float, note_length: int) -> None:
        """Values that skipped every input check: save_team itself must refuse what would not open."""
        def change(team) -> None:
            team.info.department = label
            team.staff[0].weekly_hours = hours
            team.staff[-1].note = "n" * note_length
        self._commit(change)

    # -- the CLI, in-process ----------------------------------------------------------------

    def _cli(self, *args: str) -> int:
        from sagstal_desktop.cli import main

        before = self.path.read_bytes()
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
        assert code in (0, 2), err.getvalue()
        assert "Traceback" not in err.getvalue()
        if code == 2:
            assert self.path.read_bytes() == before
        self.team = load_team(self.path)  # the CLI's result is the new model
        return code

    @rule(label=TEXT)
    def cli_snapshot(self, label: str) -> None:
        self._cli("snapshot", str(self.path), "--label", label, "--date", "2026-11-22")

    @rule(name=TEXT, hours=NUMBER_TEXT)
    def cli_scenario(self, name: str, hours: str) -> None:
        self._cli("scenario", "add", str(self.path), "--name", name, "--add-position", hours)

    # -- the property ---------------------------------------------------------------------

    @invariant()
    def the_file_opens_and_holds_the_model(self) -> None:
        if not hasattr(self, "path"):
            return
        opened = load_team(self.path)
        assert [m.name for m in opened.staff] == [m.name for m in self.team.staff]
        assert [(m.weekly_hours, dict(m.counts), m.note) for m in opened.staff] == \
               [(m.weekly_hours, dict(m.counts), m.note) for m in self.team.staff]
        assert all(math.isfinite(m.weekly_hours) for m in opened.staff)
        assert [s.label for s in opened.snapshots] == [s.label for s in self.team.snapshots]
        assert [s.name for s in opened.scenarios] == [s.name for s in self.team.scenarios]
        assert [s.target_caseload for s in opened.scenarios] == [s.target_caseload for s in self.team.scenarios]
        assert (opened.info.team_name, opened.info.department) == (self.team.info.team_name,
                                                                   self.team.info.department)
        assert not [p for p in self.folder.iterdir() if p.name.startswith(".")]  # no temporary file left

    def teardown(self) -> None:
        if hasattr(self, "folder"):
            for p in self.folder.iterdir():
                p.unlink()
            self.folder.rmdir()


TeamFileMachine.TestCase.settings = settings(max_examples=12, stateful_step_count=8, deadline=None,
                                             suppress_health_check=list(HealthCheck))
test_the_team_file_always_opens_again = TeamFileMachine.TestCase
