"""The anonymised memo's staff sections (issue 20): the staff per load band, and (from k staff
with a load up) a list of labels drawn for this memo with each one's band and status.

What an anonymised memo shows per person, and why, is ``core.anonymise``'s rule: nothing from
which a reader who knows the team can work out hours, a newcomer, an absence or a specialism,
or link a label to a person. Below k staff with a load (``anonymise_min_staff``) it shows the
team's figures only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sagstal_desktop.core.anonymise import band_texts, min_staff, rows_allowed
from sagstal_desktop.core.load import Status
from sagstal_desktop.core.wording import fill
from sagstal_desktop.i18n import N_, translator
from sagstal_desktop.report import content
from sagstal_desktop.report.fonts import COND_BOLD
from sagstal_desktop.report.memo_style import NAVY, STATUS_TEXT, esc, mm
from sagstal_desktop.report.options import full_list_max_staff

if TYPE_CHECKING:
    from sagstal_desktop.report.pdf import MemoBuilder


TEXTS: dict[str, str] = {
    "h_bands": N_("Staff per load band"),
    "bands_intro": N_("Each person's load is their cases as a percentage of <max> for their casework hours "
                      "(Sagstal's calculation on the team's cases and hours). To keep anonymised staff "
                      "unrecognisable, the memo shows it only in bands, and no cases, hours or FTE per person."),
    "col_band": N_("Load"),
    "col_staff": N_("Staff"),
    "col_share": N_("Share of staff"),
    "no_load": N_("No load (no casework hours, or no case with a norm)"),
    "total": N_("Total"),
    "bands_source": N_("Source: Sagstal's calculation on the team's own figures (cases and hours per staff "
                       "member), measured against {norm_set}."),
    "too_few": N_("The team has {n} staff with a load, fewer than {k}. So that no one can be recognised, this "
                  "anonymised memo shows the team's figures only, and no figures per person."),
    "h_list": N_("Staff (anonymised)"),
    "h_appendix": N_("Appendix: all staff (anonymised)"),
    "list_note": N_("The labels are drawn afresh for this memo: they say nothing about who is who, and the same "
                    "letter in another memo or spreadsheet is in general someone else. Rows are sorted by load "
                    "band, then by label."),
    "list_left_out": N_("The list of every staff member (anonymised) is left out of this memo; it can be added "
                        "as an appendix."),
    "col_label": N_("Staff member"),
    "col_status": N_("Status"),
}


def anonymous_texts(lang: str, norm_set) -> dict[str, str]:
    """The section's texts in ``lang``, the measure named by ``norm_set``'s kind."""
    gettext = translator(lang).gettext
    return {key: fill(gettext(text), norm_set, lang) for key, text in TEXTS.items()}


def with_load(rows: list[content.AnonymousRow]) -> int:
    return sum(1 for r in rows if r.band is not None)


def band_section(builder: MemoBuilder, rows: list[content.AnonymousRow]) -> list:
    """The staff per load band (from k staff with a load), else the sentence saying why not."""
    from reportlab.lib.colors import HexColor

    t = anonymous_texts(builder.lang, builder.norm_set)
    s, num = builder.styles, builder.num
    out = [builder.para(esc(t["h_bands"]), s.h2)]
    n = with_load(rows)
    if not rows_allowed(n):
        out.append(builder.para(esc(t["too_few"].format(n=num(n, 0), k=num(min_staff(), 0)))))
        return out
    out.append(builder.para(esc(t["bands_intro"])))
    names = band_texts(builder.lang)
    counts = [sum(1 for r in rows if r.band == i) for i in range(len(names))]
    total = len(rows)
    data = [[builder.para(esc(t["col_band"]), s.head), builder.para(esc(t["col_staff"]), s.head_r),
             builder.para(esc(t["col_share"]), s.head_r)]]
    for name, count in reversed(list(zip(names, counts, strict=True))):
        data.append([name, num(count, 0), builder.pct(count / total)])
    without = total - n
    if without:
        data.append([builder.para(esc(t["no_load"]), s.cell), num(without, 0), builder.pct(without / total)])
    data.append([t["total"], num(total, 0), builder.pct(1.0)])
    cmds = [*builder.grid_style(len(data)), ("FONT", (0, -1), (-1, -1), COND_BOLD, 8.3),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, HexColor(NAVY))]
    source = t["bands_source"].format(norm_set=builder.norm_set.name(builder.lang))
    out += [builder.table(data, [mm(70), mm(28), mm(28)], cmds), builder.para(esc(source), s.small)]
    return out


def list_table(builder: MemoBuilder, rows: list[content.AnonymousRow]):
    """Label, load band and status per person (a ``PagedTable``: linear in the rows)."""
    from reportlab.lib.colors import HexColor

    from sagstal_desktop.report.staff_table import PagedTable

    t = anonymous_texts(builder.lang, builder.norm_set)
    s = builder.styles
    data = [[t["col_label"], t["col_band"], t["col_status"]]]
    cmds = [*builder.grid_style(len(rows) + 1),
            ("FONT", (0, 0), (-1, 0), s.head.fontName, s.head.fontSize, s.head.leading),
            ("TEXTCOLOR", (0, 0), (-1, 0), s.head.textColor), ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ("ALIGN", (2, 0), (2, -1), "LEFT"), ("LEFTPADDING", (2, 0), (2, -1), 12)]
    colours = {status: HexColor(colour) for status, colour in STATUS_TEXT.items()}
    for i, row in enumerate(rows, start=1):
        data.append([row.label, row.band_text, content.status_text(row.status, builder.lang, builder.norm_set)])
        if row.status is not Status.WITHIN:
            cmds.append(("TEXTCOLOR", (2, i), (2, i), colours[row.status]))
        if row.status is Status.OVER:
            cmds.append(("FONT", (1, i), (2, i), COND_BOLD, 8.3))
    return PagedTable(data, [mm(45), mm(30), mm(60)], cmds, repeat_rows=1)


def list_sections(builder: MemoBuilder, rows: list[content.AnonymousRow]) -> tuple[list, list]:
    """(main text, appendix): the anonymised list in the main text for a team up to
    ``memo_full_list_max_staff``, as the appendix above it; nothing below k staff with a load."""
    from reportlab.platypus import PageBreak

    t = anonymous_texts(builder.lang, builder.norm_set)
    s = builder.styles
    if not rows_allowed(with_load(rows)):
        return [], []
    if not builder.options.list_everyone(len(rows)):
        return [builder.para(esc(t["list_left_out"]), s.small)], []
    block = [list_table(builder, rows), builder.para(esc(t["list_note"]), s.small)]
    if len(rows) <= full_list_max_staff():
        return [*builder.table_heading(esc(t["h_list"]), s.h2), *block], []
    return [], [PageBreak(), builder.para(esc(t["h_appendix"]), s.h2), *block]
