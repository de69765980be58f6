"""Build the PDF staffing memo (A4, reportlab, embedded TrueType fonts).

``write_memo(team, path, options)`` computes the team's figures with the core (or takes a
summary already computed), lays out the sections and writes the file atomically: into a
temporary file beside the target, then moved into place. reportlab is imported here, never at
program start.
"""

from __future__ import annotations

import dataclasses
import io
import os
from datetime import date, datetime
from pathlib import Path

from sagstal_desktop import __version__
from sagstal_desktop.core.anonymise import anonymised_title
from sagstal_desktop.core.formatting import format_timestamp
from sagstal_desktop.core.load import TeamSummary, summarize
from sagstal_desktop.core.model import Team
from sagstal_desktop.core.norms import NormSet
from sagstal_desktop.i18n import tr
from sagstal_desktop.report import content
from sagstal_desktop.report.fonts import REGULAR, register_fonts
from sagstal_desktop.report.memo_base import MemoBase, Progress
from sagstal_desktop.report.memo_style import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
)
from sagstal_desktop.report.method_section import MethodSections
from sagstal_desktop.report.options import MemoOptions, full_list_max_staff
from sagstal_desktop.report.page_layout import canvas_class
from sagstal_desktop.report.reference_sections import ReferenceSections
from sagstal_desktop.report.staff_section import StaffSections
from sagstal_desktop.report.summary_section import SCENARIO_TITLE, SummarySections
from sagstal_desktop.report.texts import texts


class MemoCancelled(Exception):
    """The user cancelled the build (raised from the progress callback)."""


class MemoError(Exception):
    """The memo could not be written (e.g. the folder is not writable); ``message(lang)`` names
    the file and says why in ``lang`` (``io.problems.system_reason``)."""

    def __init__(self, target: Path, failure: BaseException) -> None:
        self.target, self.failure = target, failure
        super().__init__(self.message("en"))

    def message(self, lang: str = "da") -> str:
        from sagstal_desktop.io.problems import system_reason

        return f"{self.target}: {system_reason(self.failure, lang)}"


class MemoBuilder(SummarySections, StaffSections, ReferenceSections, MethodSections, MemoBase):
    """Lays out one memo; each section method returns flowables (one module per group of
    sections; the builder only orders them)."""

    def story(self, progress: Progress | None = None) -> list:
        lang, opts, sm = self.lang, self.options, self.summary
        appendix: list = []
        if opts.anonymise:  # per person only what cannot be traced back (core.anonymise)
            from sagstal_desktop.core.anonymise import fresh_salt
            from sagstal_desktop.report.anonymous_section import band_section, list_sections

            self.anonymous_salt = fresh_salt()  # labels drawn for this memo alone (one set in all its sections)
            anonymous = content.anonymous_rows(sm, lang, self.anonymous_salt)
            story = self.header() + self.summary_section() + band_section(self, anonymous)
            main, appendix = list_sections(self, anonymous)
            story += main
            if progress:
                progress(0.3)
            return self._later_sections(story) + appendix
        columns, widths = self.staff_columns()
        rows = content.staff_rows(self.team, sm, columns, lang)
        if progress:
            progress(0.1)
        story = self.header() + self.summary_section()
        story += self.chart_section(rows)
        if progress:
            progress(0.2)
        everyone = opts.list_everyone(sm.staff_count)
        if everyone and sm.staff_count <= full_list_max_staff():
            story += self.staff_section(rows, columns, widths)
        else:  # a large team (or the list left out): an overview, the full list as the appendix
            from sagstal_desktop.report.staff_overview import appendix_section, overview_section

            story += overview_section(self, rows, columns, widths, appendix=everyone)
            if everyone:
                appendix = appendix_section(self, rows, columns, widths)
        if progress:
            progress(0.3)
        return self._later_sections(story) + appendix

    def _later_sections(self, story: list) -> list:
        """The sections after the staff: case weight (only while the team weights cases),
        history, scenarios, national figures, budget, other projects, method and sources."""
        opts = self.options
        if self.summary.weighted:
            from sagstal_desktop.report.case_weight_section import case_weight_section

            story += case_weight_section(self)
        if opts.include_history:
            from sagstal_desktop.report.history_section import history_section

            story += history_section(self)
        if opts.include_forecast:
            from sagstal_desktop.report.forecast_section import forecast_section

            story += forecast_section(self)
        if opts.scenarios != () and self.team.scenarios:
            from sagstal_desktop.report.scenario_section import scenario_section

            story += scenario_section(self)
        if opts.include_national:
            story += self.national_section()
        if opts.include_budget:
            story += self.budget_section()
        if opts.include_references:
            story += self.references_section()
        story += self.method_section()
        story += self.sources_section()
        return story


def build_pdf(team: Team, target, options: MemoOptions, summary: TeamSummary, norm_set: NormSet,
              progress: Progress | None = None) -> int:
    """Lay out the memo into ``target`` (a path or a binary file object); return the page count.
    ``team`` and ``norm_set`` are already fitted (``content.fit_text``) and ``summary`` is theirs:
    every section reads this one summary."""
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    t = texts(options.lang)
    builder = MemoBuilder(team, summary, norm_set, options)
    story = builder.story(progress)
    generated = options.generated or datetime.now()
    when = format_timestamp(generated, options.lang)
    team_name = " – ".join(x for x in (team.info.municipality, team.info.team_name) if x)
    title = t["title"]
    if options.scenario:
        title = tr(SCENARIO_TITLE, options.lang).format(title=title, name=options.scenario)
    title = f"{title} – {team_name}" if team_name else title
    if options.anonymise:  # the title says what the reader holds (issue 20)
        title = anonymised_title(title, options.lang)
    estimated = 4 + (summary.staff_count / 48 if options.list_everyone(summary.staff_count) else 2)
    pages = [0]

    def on_page(canvas, doc) -> None:
        pages[0] = doc.page
        if progress:
            progress(min(0.35 + 0.6 * doc.page / estimated, 0.95))

    doc = SimpleDocTemplate(
        target, pagesize=(PAGE_W, PAGE_H), leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=title, author=content.role_text(team.info.author_role, options.lang),
        subject=norm_set.name(options.lang), creator=f"Sagstal {__version__}", producer=f"Sagstal {__version__}",
        keywords="", lang="da-DK" if options.lang == "da" else "en-GB", initialFontName=REGULAR, initialFontSize=9,
    )
    canvas_cls = canvas_class(t["footer_generated"].format(when=when, version=__version__), t["page_of"], title)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=canvas_cls)
    if progress:
        progress(1.0)
    return pages[0]


def memo_inputs(team: Team, options: MemoOptions, summary: TeamSummary | None = None,
                norm_set: NormSet | None = None) -> tuple[TeamSummary, NormSet]:
    """The summary and norm set a memo uses: the given ones if they fit ``options``, else computed."""
    norm_set = norm_set or team.norm_set()
    as_of = options.as_of or (summary.as_of if summary is not None else date.today())
    if summary is None or summary.norm_set_id != norm_set.id or summary.as_of != as_of:
        summary = summarize(team, as_of, norm_set)
    return summary, norm_set


def write_memo(team: Team, path: str | os.PathLike, options: MemoOptions | None = None, *,
               summary: TeamSummary | None = None, norm_set: NormSet | None = None,
               progress: Progress | None = None) -> int:
    """Write the memo to ``path`` atomically; return its page count. Raises MemoError (with the
    OS's reason) if the file cannot be written and MemoCancelled if ``progress`` cancels."""
    options = options or MemoOptions()
    norm_set = norm_set or team.norm_set()
    fitted, fitted_set = content.fit_text(team, norm_set)
    if fitted is not team or fitted_set is not norm_set:  # a given summary is of the unfitted team
        as_of = options.as_of or (summary.as_of if summary is not None else None)
        team, norm_set, summary = fitted, fitted_set, None
        options = options if as_of is None else dataclasses.replace(options, as_of=as_of)
    summary, norm_set = memo_inputs(team, options, summary, norm_set)  # the memo's one summary
    target = Path(path)
    # Laid out in memory first: a memo killed while laying out leaves no file at all, and the
    # temporary file below exists only while the finished bytes are written and synced.
    buffer = io.BytesIO()
    pages = build_pdf(team, buffer, options, summary, norm_set, progress)
    from sagstal_desktop.io.atomic_write import WriteFailed, write_bytes

    try:
        write_bytes(target, buffer.getbuffer(), suffix=".part")
    except WriteFailed as exc:
        raise MemoError(target, exc) from exc
    return pages
