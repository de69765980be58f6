"""How a person's competences read in the staff table: a compact cell ("Alle", "Sygedagpenge,
Jobafklaringsforløb", with "⊘" for "tager ikke nye sager") and a tooltip that spells out what the
default covers (``core/competences.py``'s rule: every type of the team's areas)."""

from __future__ import annotations

from sagstal_desktop.core.competences import CompetenceRule, area_of
from sagstal_desktop.core.model import StaffMember, Team
from sagstal_desktop.core.norms import NormSet, case_type_name
from sagstal_desktop.i18n import _

#: The mark for "takes no new cases" in the compact cell.
NO_NEW_MARK = "\u2298"


def entry_name(entry: str, norm_set: NormSet, lang: str) -> str:
    """A competence entry's name: an area's name or a case type's."""
    area = area_of(entry)
    if area is None:
        return case_type_name(entry, lang)
    try:
        return norm_set.group(area).name(lang)
    except KeyError:
        return area


def competence_summary(member: StaffMember, norm_set: NormSet, lang: str) -> str:
    """"Alle", or the names of the entries; "⊘ " in front for "takes no new cases"."""
    names = [entry_name(e, norm_set, lang) for e in member.competences]
    text = ", ".join(names) if names else _("All")
    return f"{NO_NEW_MARK} {text}" if not member.takes_new_cases else text


def competence_tooltip(member: StaffMember, team: Team, norm_set: NormSet, lang: str) -> str:
    """What the person may take, in full, and the "no new cases" mark."""
    if member.competences:
        names = "\n".join("• " + entry_name(e, norm_set, lang) for e in member.competences)
        text = _("May take:\n{names}").format(names=names)
    else:
        areas = CompetenceRule(team, norm_set).default_areas
        names = ", ".join(g.name(lang) for g in norm_set.groups if g.id in areas)
        text = _("May take every case type of the team's areas ({areas}).").format(
            areas=names)
    if not member.takes_new_cases:
        text += "\n" + _("{mark} Takes no new cases (may still hand cases over).").format(
            mark=NO_NEW_MARK)
    return text + "\n" + _("Double-click to change.")
