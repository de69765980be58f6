"""Case weight's words shared by the staff table (a count's tooltip) and the split editor
(``gui/dialogs/case_split.py``): a count's split on one line."""

from __future__ import annotations

from sagstal_desktop.core import case_weight as cw


def split_line(total: int, split: dict[str, int], lang: str) -> str:
    """"38 = 30 enkel + 6 kompleks + 2 særligt kompliceret" (the part not assessed named too)."""
    parts = [f"{split[level]} {cw.level_name(level, lang)}" for level in cw.LEVELS if split.get(level)]
    rest = total - sum(split.get(level, 0) for level in cw.LEVELS)
    if rest > 0 or not parts:
        parts.append(f"{rest} {cw.level_name(cw.NOT_ASSESSED, lang)}")
    return f"{total} = " + " + ".join(parts)
