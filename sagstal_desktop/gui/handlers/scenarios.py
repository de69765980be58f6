"""What the scenario bar does to the document: open a variant, make, rename, copy and delete
scenarios, change a scenario's absences. Each is one undoable step (``Document.set_variant``)
computed from ``document.file_team()`` (the team with the open scenario folded back in), so the
state before stays untouched for undo; the edit itself is a core operation
(``core/operations.py``: ``add_scenario``, ``rename_scenario``, ``remove_scenario``,
``set_scenario_absences``).
"""

from __future__ import annotations

from sagstal_desktop.core import operations as ops
from sagstal_desktop.core import scenarios as sc
from sagstal_desktop.core.scenario_model import Absence
from sagstal_desktop.gui.team_document import Document
from sagstal_desktop.i18n import _


def scenario_names(document: Document) -> list[str]:
    """The file's scenarios, in order."""
    team = document.base if document.base is not None else document.team
    return [s.name for s in team.scenarios]


def open_variant(document: Document, name: str | None) -> None:
    """Open scenario ``name`` (None: the team itself) for editing in the table."""
    if name == document.scenario_name:
        return
    saved = document.file_team()
    if name is None:
        document.set_variant(saved.copy(), None, None, _("Open the current team"), view_only=True)
        return
    scenario = sc.find(saved, name)
    document.set_variant(sc.materialise(scenario, saved), saved.copy(), name,
                         _("Open scenario “{name}”").format(name=name), view_only=True)


def new_scenario(document: Document, name: str, copy_open: bool = False) -> None:
    """A scenario from the team (or, with ``copy_open``, from the open scenario), then open it.
    Raises ``ScenarioError`` for an empty or taken name."""
    saved = document.file_team().copy()
    base = sc.find(saved, document.scenario_name) if copy_open and document.scenario_name else None
    scenario = sc.derive(saved, name, base)
    ops.add_scenario(saved, scenario)  # the core operation ``sagstal scenario add`` uses
    text = (_("Copy scenario as “{name}”") if base
            else _("New scenario “{name}”"))
    document.set_variant(sc.materialise(scenario, saved), saved, scenario.name, text.format(name=scenario.name))


def rename_open(document: Document, name: str) -> None:
    """Rename the open scenario (``ScenarioError`` for an empty or taken name)."""
    old = document.scenario_name
    name = name.strip()
    if old is None or name == old:
        return
    saved = document.file_team().copy()
    ops.rename_scenario(saved, old, name)
    document.set_variant(document.team, saved, name,
                         _("Rename scenario “{old}” to “{name}”").format(old=old, name=name))


def delete_open(document: Document) -> None:
    """Delete the open scenario and go back to the team."""
    name = document.scenario_name
    if name is None:
        return
    saved = document.file_team().copy()
    ops.remove_scenario(saved, name)
    document.set_variant(saved, None, None, _("Delete scenario “{name}”").format(name=name))


def open_absences(document: Document) -> tuple[list[Absence], bool]:
    """The open scenario's absences and whether its absent colleagues' cases are redistributed."""
    if document.scenario_name is None or document.base is None:
        return [], True
    scenario = sc.find(document.base, document.scenario_name)
    return list(scenario.absences), scenario.redistribute


def open_positions_take_cases(document: Document) -> bool:
    """Whether the open scenario's added positions take cases (the default)."""
    scenario = document.open_scenario()
    return True if scenario is None else scenario.positions_take_cases


def set_absences(document: Document, absences: list[Absence], redistribute: bool,
                 positions_take_cases: bool | None = None) -> None:
    """Replace the open scenario's absences and rules (one undoable step)."""
    if document.scenario_name is None:
        return
    saved = document.file_team().copy()
    ops.set_scenario_absences(saved, document.scenario_name, absences, redistribute, positions_take_cases)
    scenario = sc.find(saved, document.scenario_name)
    document.set_variant(document.team, saved, scenario.name,
                         _("Change absences in “{name}”").format(name=scenario.name))


def set_target(document: Document, target: float | None) -> None:
    """Compare the open scenario with a target caseload (None: none), one undoable step."""
    if document.scenario_name is None:
        return
    saved = document.file_team().copy()
    scenario = sc.find(saved, document.scenario_name)
    sc.set_target_caseload(scenario, target)
    document.set_variant(document.team, saved, scenario.name,
                         _("Target caseload in “{name}”").format(name=scenario.name))


def open_target(document: Document) -> float | None:
    if document.scenario_name is None or document.base is None:
        return None
    return sc.find(document.base, document.scenario_name).target_caseload
