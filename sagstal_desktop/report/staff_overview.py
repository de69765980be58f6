"""The memo's staff overview for a large team, and the appendix that lists everyone.

A reader of a memo on 1,000 staff does not read 46 pages of rows: they need how many are over,
within and under the range, where the cases lie and what staff they call for, and who carries
the most. Above ``memo_full_list_max_staff`` staff (``resources/defaults.json``) the main text
gives that overview instead of the staff table: the staff per status, the cases and FTE needed
per norm area (our calculation, said so), and the most loaded staff, capped and saying so
("de 20 med størst belastning af 1.000"). The full table becomes the optional appendix "Bilag:
alle medarbejdere" (``MemoOptions.full_list``). Every figure names its source; anonymised
memos label staff as everywhere else (``content.staff_rows``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sagstal_desktop.core.load import Status
from sagstal_desktop.core.wording import fill, format_load
from sagstal_desktop.i18n import N_, translator
from sagstal_desktop.report import content
from sagstal_desktop.report.fonts import COND_BOLD
from sagstal_desktop.report.memo_style import FRAME_W, LEVELS, NAVY, STATUS_TEXT, esc, mm
from sagstal_desktop.report.options import top_loads
from sagstal_desktop.report.texts import long_date

if TYPE_CHECKING:
    from sagstal_desktop.report.pdf import MemoBuilder


TEXTS: dict[str, str] = {
    "h_overview": N_("Staff at a glance"),
    "intro": N_("The team has {n} staff. Instead of a row per person, this section sums them up: how many are "
                "over, within and below <range_of>, the cases and the FTE they call for per area, and the staff "
                "with the highest load."),
    "intro_appendix": N_("Every staff member is listed in the appendix \"{appendix}\" at the end of the memo."),
    "intro_no_appendix": N_("The list of every staff member is left out of this memo; it can be added as an "
                            "appendix."),
    "h_status": N_("Staff per status"),
    "col_status": N_("Status"),
    "col_staff": N_("Staff"),
    "col_share": N_("Share of staff"),
    "total": N_("Total"),
    "status_source": N_("Source: the team's own figures (cases and hours per staff member) as of {date}, measured "
                        "against {norm_set} {ref}. The counts and shares are our calculation."),
    "h_areas": N_("Cases and FTE needed per area"),
    "col_area": N_("Area"),
    "col_cases": N_("Cases"),
    "fte_at": N_("FTE at {level}"),
    "no_norm": N_("No norm in the set"),
    "areas_note": N_("FTE needed is our calculation: the area's cases of each type divided by <max> for the type "
                     "(likewise at <mid> and <min>), from the team's own case counts. <Min> is the low end of a "
                     "range, not a staffing demand. Cases with no norm in the set count in the total but call "
                     "for no FTE here."),
    "h_top": N_("The {shown} with the highest load of {total} staff"),
    "h_top_all": N_("All {shown} staff with a load, highest first"),
    "ties": N_("{n} more staff have the same load as the last one listed."),
    "h_appendix": N_("Appendix: all staff"),
    "appendix_intro": N_("Every staff member of the team, {n} in all, in the team's order."),
    "appendix_intro_anonymised": N_("Every staff member of the team, {n} in all, anonymised and sorted by load, "
                                    "highest first."),
}


def overview_texts(lang: str, norm_set) -> dict[str, str]:
    """The section's texts in ``lang``, the measure named by ``norm_set``'s kind."""
    gettext = translator(lang).gettext
    return {key: fill(gettext(text), norm_set, lang) for key, text in TEXTS.items()}


#: The statuses in the order the overview lists them; the first three always, the rest if held.
STATUS_ORDER = (Status.OVER, Status.WITHIN, Status.BELOW, Status.PARTLY_UNMEASURED, Status.UNMEASURED,
                Status.NOT_COMPUTABLE)


def status_counts(rows: list[content.StaffRow]) -> dict[Status, int]:
    """How many staff have each status (every status of ``STATUS_ORDER``, zero included)."""
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for row in rows:
        counts[row.status] += 1
    return counts


def highest_loads(rows: list[content.StaffRow], cap: int) -> list[content.StaffRow]:
    """The ``cap`` staff with the highest load, highest first (staff without a load, or whose
    cases all lack a norm, are not ranked)."""
    ranked = [r for r in rows if r.load_max is not None and r.status is not Status.UNMEASURED]
    ranked.sort(key=lambda r: -r.load_max)
    return ranked[:cap]


def tied_after(rows: list[content.StaffRow], top: list[content.StaffRow], lang: str) -> int:
    """How many staff left out of ``top`` print the same load as its last one (a capped list
    must not suggest that the one listed last is alone in its place)."""
    if not top:
        return 0
    low = top[-1].load_max
    last = format_load(low, lang)
    listed = {id(r) for r in top}
    # loads printed alike differ by less than one percentage point: only those are formatted
    return sum(1 for r in rows if id(r) not in listed and r.load_max is not None and abs(r.load_max - low) < 0.01
               and r.status is not Status.UNMEASURED and format_load(r.load_max, lang) == last)


def overview_section(builder: MemoBuilder, rows: list[content.StaffRow], columns: content.CaseColumns,
                     widths: list[float], appendix: bool) -> list:
    """The overview's flowables (heading, status table, areas table, the most loaded staff)."""
    t = overview_texts(builder.lang, builder.norm_set)
    s, sm = builder.styles, builder.summary
    intro = t["intro"].format(n=builder.num(sm.staff_count, 0)) + " " + (
        t["intro_appendix"].format(appendix=t["h_appendix"]) if appendix else t["intro_no_appendix"])
    out = [builder.para(esc(t["h_overview"]), s.h2), builder.para(esc(intro))]
    out += _status_table(builder, rows, t)
    out += _areas_table(builder, t)
    top = highest_loads(rows, top_loads())
    if top:
        computable = sum(1 for r in rows if r.load_max is not None and r.status is not Status.UNMEASURED)
        heading = (t["h_top_all"].format(shown=builder.num(len(top), 0)) if len(top) == computable
                   else t["h_top"].format(shown=builder.num(len(top), 0), total=builder.num(sm.staff_count, 0)))
        out += [*builder.table_heading(esc(heading), s.h3), builder.staff_table(top, columns, widths, totals=False)]
        ties = tied_after(rows, top, builder.lang)
        if ties:
            out.append(builder.para(esc(t["ties"].format(n=builder.num(ties, 0))), s.small))
        out += builder.staff_notes(top)
    return out


def _status_table(builder: MemoBuilder, rows: list[content.StaffRow], t: dict[str, str]) -> list:
    from reportlab.lib.colors import HexColor

    s, sm, lang = builder.styles, builder.summary, builder.lang
    counts = status_counts(rows)
    total = len(rows)
    data = [[builder.para(esc(t["col_status"]), s.head), builder.para(esc(t["col_staff"]), s.head_r),
             builder.para(esc(t["col_share"]), s.head_r)]]
    cmds = []
    for status in STATUS_ORDER:
        n = counts[status]
        if n == 0 and status not in STATUS_ORDER[:3]:
            continue
        data.append([content.status_text(status, lang, builder.norm_set), builder.num(n, 0),
                     builder.pct(n / total if total else None)])
        if status is not Status.WITHIN:
            cmds.append(("TEXTCOLOR", (0, len(data) - 1), (0, len(data) - 1), HexColor(STATUS_TEXT[status])))
    data.append([t["total"], builder.num(total, 0), builder.pct(1.0 if total else None)])
    cmds = builder.grid_style(len(data)) + cmds + [
        ("FONT", (0, -1), (-1, -1), COND_BOLD, 8.3), ("LINEABOVE", (0, -1), (-1, -1), 0.8, HexColor(NAVY))]
    ref = builder.cite.ref(builder.norm_set.source)
    source = t["status_source"].format(date=long_date(sm.as_of, lang), norm_set=builder.norm_set.name(lang),
                                       ref=ref).replace(" .", ".")
    return [builder.para(esc(t["h_status"]), s.h3), builder.table(data, [mm(60), mm(28), mm(28)], cmds),
            builder.para(esc(source), s.small)]


def _areas_table(builder: MemoBuilder, t: dict[str, str]) -> list:
    from reportlab.lib.colors import HexColor

    s, sm, lang, num = builder.styles, builder.summary, builder.lang, builder.num
    heads = [t["col_area"], t["col_cases"], *(t["fte_at"].format(level=builder.t[f"level_{lv}"]) for lv in LEVELS)]
    data = [[builder.para(esc(h), s.head if i == 0 else s.head_r) for i, h in enumerate(heads)]]
    for group in sm.groups:
        data.append([builder.para(esc(builder.norm_set.group(group.group_id).name(lang)), s.cell),
                     num(group.cases, 0), num(group.fte_needed_max, 2), num(group.fte_needed_mid, 2),
                     num(group.fte_needed_min, 2)])
    if sm.uncovered_cases:
        data.append([builder.para(esc(t["no_norm"]), s.cell), num(sm.uncovered_cases, 0), "–", "–", "–"])
    data.append([t["total"], num(sm.total_cases, 0), *(num(sm.fte_needed(lv), 2) for lv in LEVELS)])
    cmds = [*builder.grid_style(len(data)), ("FONT", (0, -1), (-1, -1), COND_BOLD, 8.3),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, HexColor(NAVY))]
    area_w = mm(62)
    col = (FRAME_W - area_w) / 4
    return [builder.para(esc(t["h_areas"]), s.h3), builder.table(data, [area_w, col, col, col, col], cmds),
            builder.para(esc(t["areas_note"]), s.small),
            *builder.source_line(*{n.source for n in builder.team_norms()})]


def appendix_section(builder: MemoBuilder, rows: list[content.StaffRow], columns: content.CaseColumns,
                     widths: list[float]) -> list:
    """The appendix on a page of its own: every staff member in the staff table."""
    from reportlab.platypus import PageBreak

    t = overview_texts(builder.lang, builder.norm_set)
    s = builder.styles
    key = "appendix_intro_anonymised" if builder.options.anonymise else "appendix_intro"
    intro = t[key].format(n=builder.num(len(rows), 0))
    return [PageBreak(), builder.para(esc(t["h_appendix"]), s.h2), builder.para(esc(intro)),
            builder.staff_table(rows, columns, widths), *builder.staff_notes(rows)]
