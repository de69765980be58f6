"""What one edit of a document changed, so that views update only that.

A ``Change`` names the staff rows (by member id, or ``ALL``) whose inputs or computed figures
changed, the input columns that were edited, and whether the rows themselves (added, removed,
reordered), the own norm sets or the team settings changed. The document emits one ``Change``
per edit, on redo and on undo alike.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class _All(enum.Enum):
    ALL = "all"


#: Every row (a settings change or a norm-set switch recomputes every person).
ALL = _All.ALL


def count_column(case_type: str) -> str:
    """The column key of a case count: ``"count:<case type id>"``."""
    return f"count:{case_type}"


def case_type_of(column: str) -> str | None:
    """The case type of a count column key, or None for a member field."""
    return column.removeprefix("count:") if column.startswith("count:") else None


@dataclass(frozen=True)
class Change:
    """One edit's effect: rows (member ids or ``ALL``) and input columns (member field names or
    ``count_column(case_type)``) that changed, and which wider things changed."""

    rows: frozenset[str] | _All = ALL
    columns: frozenset[str] = frozenset()
    structure_changed: bool = False
    norm_sets_changed: bool = False
    settings_changed: bool = False
    snapshots_changed: bool = False  # the team's history (no staff row changes)

    @classmethod
    def history(cls) -> Change:
        """Only the team's snapshots: no row, column, norm set or setting."""
        return cls(frozenset(), frozenset(), snapshots_changed=True)

    @property
    def all_rows(self) -> bool:
        return self.rows is ALL

    @classmethod
    def cells(cls, member_id: str, column: str) -> Change:
        """One input cell of one person (and so that person's computed figures)."""
        return cls(frozenset({member_id}), frozenset({column}))

    @classmethod
    def everything(cls) -> Change:
        """A whole new team: rows, norm sets and settings."""
        return cls(ALL, frozenset(), structure_changed=True, norm_sets_changed=True, settings_changed=True,
                   snapshots_changed=True)
