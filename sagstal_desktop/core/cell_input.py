"""Reading one typed or pasted staff-table cell: the member field (or case count) it sets and
the value, validated with ``core.validation``'s parsers. Shared by cell editing, paste and fill
down so that every way into the table accepts and refuses the same input; the edit itself is
``core.operations.set_cells`` / ``set_member_field``."""

from __future__ import annotations

from typing import Any

from sagstal_desktop.core.change import count_column
from sagstal_desktop.core.model import StaffMember
from sagstal_desktop.core.validation import (
    InputError,
    check_name,
    parse_count,
    parse_date,
    parse_hours,
    parse_other_hours,
)

#: The member field of each fixed column (name, weekly hours, other hours, start date).
FIELD_OF_COLUMN = ("name", "weekly_hours", "other_hours", "start_date")


def parse_cell(member: StaffMember, column: int, case_type: str | None, value: Any,
               hours_text: str = "") -> tuple[str, Any]:
    """``(key, value)`` for ``value`` typed into ``column`` of ``member``'s row: ``key`` is a
    member field or ``count_column(case_type)``. Raises ``InputError`` when refused.
    ``hours_text`` is the member's other hours as shown, for the "other exceeds weekly" message."""
    if case_type is not None:
        return count_column(case_type), parse_count(value)
    field = FIELD_OF_COLUMN[column]
    if field == "name":
        return field, check_name(value)
    if field == "weekly_hours":
        hours = parse_hours(value)
        if member.other_hours > hours:
            raise InputError("other_exceeds", hours_text or member.other_hours, hours)
        return field, hours
    if field == "other_hours":
        return field, parse_other_hours(value, member.weekly_hours)
    return field, parse_date(value)
