"""The memo of a large team: an overview instead of a row per person (counts per status and
FTE per area checked by hand on a constructed team), the full list as an optional appendix, no
name in an anonymised PDF in either mode, the CLI flags and the options dialog's checkbox, and
what keeps the command fast (only its own modules imported, the chart without a shape per person)."""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import zlib
from datetime import datetime
from pathlib import Path

import pytest
from conftest import TODAY, pdf_text

from sagstal_desktop import cli
from sagstal_desktop.core.model import StaffMember, Team, TeamSettings
from sagstal_desktop.io.document import save_team
from sagstal_desktop.report.options import MemoOptions, full_list_max_staff, top_loads
from sagstal_desktop.report.pdf import write_memo

GENERATED = datetime(2026, 11, 22, 9, 30)

# ds_2020, sygedagpenge: DS's range 35-50 cases per full-time (37 h) worker.
OVER, WITHIN, BELOW, NOT_COMPUTABLE = 25, 30, 12, 3  # 70 staff, more than the default limit of 60


def constructed_team() -> Team:
    """70 full-time staff without start dates: 25 with 60 cases (120 % of DS max, over), 30 with
    40 (80 %, within), 12 with 20 (below DS min) and 3 with no casework hours (10 cases each)."""
    staff = []
    for i in range(OVER):
        staff.append(StaffMember(name=f"Overmand {i:02d}", weekly_hours=37, counts={"sygedagpenge": 60}))
    for i in range(WITHIN):
        staff.append(StaffMember(name=f"Midtmand {i:02d}", weekly_hours=37, counts={"sygedagpenge": 40}))
    for i in range(BELOW):
        staff.append(StaffMember(name=f"Lavmand {i:02d}", weekly_hours=37, counts={"sygedagpenge": 20}))
    for i in range(NOT_COMPUTABLE):
        staff.append(StaffMember(name=f"Tillidsmand {i:02d}", weekly_hours=37, other_hours=37,
                                 counts={"sygedagpenge": 10}))
    return Team(staff=staff, settings=TeamSettings(norm_set_id="ds_2020"))




def raw_pdf_strings(path: Path) -> bytes:
    """The file's bytes plus every stream inflated, so compression hides nothing."""
    data = path.read_bytes()
    parts = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        with contextlib.suppress(zlib.error):
            parts.append(zlib.decompress(match.group(1)))
    return b"\n".join(parts)


def write(team: Team, tmp_path: Path, name: str = "memo.pdf", **kwargs) -> Path:
    target = tmp_path / name
    write_memo(team, target, MemoOptions(as_of=TODAY, generated=GENERATED, include_national=False,
                                         include_references=False, **kwargs))
    return target


def test_the_limit_and_the_cap_are_data():
    assert full_list_max_staff() == 60 and top_loads() == 20  # resources/defaults.json
    assert not MemoOptions().list_everyone(61) and MemoOptions().list_everyone(60)
    assert MemoOptions(full_list=True).list_everyone(10_000) and not MemoOptions(full_list=False).list_everyone(2)


def test_large_team_overview_counts_per_status_and_area(tmp_path):
    text = pdf_text(write(constructed_team(), tmp_path))
    flat = " ".join(text.split())
    assert "Medarbejderne i overblik" in text and "Teamet har 70 medarbejdere." in flat
    assert "Listen over alle medarbejdere er udeladt i dette notat; den kan tilføjes som bilag." in flat
    # staff per status, shares of all 70 (hand-computed): 25 = 36 %, 30 = 43 %, 12 = 17 %, 3 = 4 %
    assert re.search(r"Over DS' maksimum\s+25\s+36 %", text)
    assert re.search(r"Inden for DS-interval\s+30\s+43 %", text)
    assert re.search(r"Under DS-interval\s+12\s+17 %", text)
    assert re.search(r"Kan ikke beregnes\s+3\s+4\s?%", text)  # pdftotext may drop the narrow space
    assert re.search(r"I alt\s+70\s+100 %", text)
    assert "Antal og andele er vores beregning." in flat
    # cases per area: 25×60 + 30×40 + 12×20 + 3×10 = 2,970; FTE 2,970/50, /42.5, /35
    assert re.search(r"Sygedagpengeområdet\s+2\.970\s+59,40\s+69,88\s+84,86", text)
    assert "Årsværksbehovet er vores beregning" in flat
    # the 20 most loaded of 70, and that five more have the same load (all 25 are at 120 %)
    assert "De 20 med størst belastning af 70 medarbejdere" in flat
    assert "5 medarbejdere mere har samme belastning som den sidste på listen." in flat
    assert len(re.findall(r"Overmand \d\d", text)) == 20
    assert "Midtmand" not in text and "Lavmand" not in text and "Tillidsmand" not in text
    assert "Bilag: alle medarbejdere" not in text


def test_full_list_adds_the_appendix_with_everyone(tmp_path):
    team = constructed_team()
    path = write(team, tmp_path, full_list=True)
    text = pdf_text(path)
    flat = " ".join(text.split())
    assert "Alle medarbejdere står i bilaget »Bilag: alle medarbejdere« sidst i notatet." in flat
    appendix = text[text.index("Bilag: alle medarbejdere\n"):]
    assert "Sammenfatning" in text[:text.index("Bilag: alle medarbejdere\n")]
    assert all(member.name in appendix for member in team.staff)
    assert "Alle teamets medarbejdere, 70 i alt, i teamets rækkefølge." in " ".join(appendix.split())
    assert re.search(r"I alt \(70\s+medarbejdere\)", appendix)


def test_small_team_lists_everyone_unless_told_not_to(demo, tmp_path):
    listed = pdf_text(write(demo, tmp_path, "listed.pdf"))
    assert "Medarbejderne i overblik" not in listed and "Bilag: alle" not in listed
    assert re.search(r"^\s*Medarbejdere\s*$", listed, re.M)
    summed = pdf_text(write(demo, tmp_path, "summed.pdf", full_list=False))
    assert "Medarbejderne i overblik" in summed and "Bilag: alle medarbejdere" not in summed
    computable = sum(1 for m in demo.staff if m.weekly_hours > m.other_hours)
    assert f"Alle {computable} medarbejdere med en belastning, den største først" in " ".join(summed.split())


@pytest.mark.parametrize("full_list", [False, True])
def test_anonymised_large_memo_holds_no_name(tmp_path, full_list):
    team = constructed_team()
    path = write(team, tmp_path, anonymise=True, full_list=full_list)
    raw = raw_pdf_strings(path)
    for word in (b"Overmand", b"Midtmand", b"Lavmand", b"Tillidsmand"):
        assert word not in raw
    text = pdf_text(path)
    # every one of the 70 in the appendix (issue 20: no chart of each person's exact load)
    assert len(re.findall(r"Medarbejder [A-Z]{1,2}\b", text)) >= (0 if not full_list else 70)
    assert "Medarbejdere pr. belastningsinterval" in text
    if full_list:  # issue 20: the anonymised list is an appendix of labels, bands and statuses
        assert "Bilag: alle medarbejdere (anonymiseret)" in " ".join(text.split())


def test_cli_flags_choose_the_list(tmp_path, capsys):
    source = tmp_path / "team.sagstal"
    save_team(constructed_team(), source)
    args = ["memo", str(source), "--as-of", TODAY.isoformat(), "--no-national", "--no-references"]
    default, full, small = tmp_path / "default.pdf", tmp_path / "full.pdf", tmp_path / "small.pdf"
    assert cli.main([*args, "-o", str(default)]) == 0
    assert cli.main([*args, "-o", str(full), "--full-list"]) == 0
    assert "Bilag: alle medarbejdere" not in pdf_text(default)
    assert "Bilag: alle medarbejdere" in pdf_text(full) and "Lavmand 11" in pdf_text(full)
    assert cli.main([*args, "-o", str(small), "--full-list", "--no-full-list", "--lang", "en"]) == 2  # one or the other
    assert "not allowed with argument" in capsys.readouterr().err


def test_cli_no_full_list_sums_up_a_small_team(demo, tmp_path):
    source = tmp_path / "demo.sagstal"
    save_team(demo, source)
    out = tmp_path / "memo.pdf"
    assert cli.main(["memo", str(source), "-o", str(out), "--as-of", TODAY.isoformat(), "--no-full-list"]) == 0
    text = pdf_text(out)
    assert "Medarbejderne i overblik" in text and "Bilag: alle" not in text


def test_options_dialog_checkbox(qtbot, demo):
    from sagstal_desktop.gui.dialogs.memo_options import MemoOptionsDialog

    dialog = MemoOptionsDialog(demo, demo.norm_set(), "da", None, "export", today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.full_list.isChecked()  # 12 staff: listed by default
    assert dialog.options(TODAY).full_list is None  # as by the team's size
    dialog.full_list.setChecked(False)
    assert dialog.options(TODAY).full_list is False
    large = constructed_team()
    big = MemoOptionsDialog(large, large.norm_set(), "da", None, "export", today=TODAY)
    qtbot.addWidget(big)
    assert not big.full_list.isChecked() and big.options(TODAY).full_list is None
    big.full_list.setChecked(True)
    assert big.options(TODAY).full_list is True
    assert "60" in big.full_list.toolTip()


def test_command_modules_are_the_ones_that_register_them():
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) == set(cli.COMMANDS)
    for command, module in cli.COMMANDS.items():
        only = cli.build_parser([command])
        assert command in next(a for a in only._actions if a.dest == "command").choices, module


def test_memo_command_imports_only_what_it_needs(tmp_path):
    """The memo command loads neither the other commands, numpy (for fewer than 50,000 staff),
    nor xml.sax/urllib.request (a slow chain of imports)."""
    source = tmp_path / "team.sagstal"
    save_team(constructed_team(), source)
    code = ("import sys; from sagstal_desktop.cli import main; "
            f"assert main(['memo', {str(source)!r}, '-o', {str(tmp_path / 'm.pdf')!r}]) == 0; "
            "print(' '.join(sorted(sys.modules)))")
    loaded = set(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                text=True).stdout.split())
    assert "sagstal_desktop.report.pdf" in loaded
    for module in ("numpy", "urllib.request", "xml.sax.saxutils", "sagstal_desktop.cli.planning",
                   "sagstal_desktop.cli.spreadsheets", "sagstal_desktop.cli.scenarios", "PySide6"):
        assert module not in loaded


def test_chart_of_many_persons_has_no_shape_per_person():
    from reportlab.graphics.shapes import Polygon, Rect

    from sagstal_desktop.core.load import Status
    from sagstal_desktop.report.chart import load_chart
    from sagstal_desktop.report.fonts import register_fonts

    register_fonts()
    statuses = [Status.OVER] * 400 + [Status.WITHIN] * 400 + [Status.BELOW] * 200
    loads = [1.5 - i / 1000 for i in range(1000)]
    drawing = load_chart([f"P{i}" for i in range(1000)], loads, statuses, 0.7, 480, "da")
    shapes = drawing.contents
    assert sum(isinstance(s, Polygon) for s in shapes) == 3  # one outline per run of a status
    assert sum(isinstance(s, Rect) for s in shapes) == 0
    over = next(s for s in shapes if isinstance(s, Polygon))
    assert len(over.points) == 2 * (2 * 400 + 2)  # a step (two corners) per person and the base


def test_the_bench_team_memo_lists_every_person_once(tmp_path):
    """The appendix of 150 persons split over pages: each person exactly once, the header on
    every page of the appendix."""
    team = Team(staff=[StaffMember(name=f"Person {i:03d}", weekly_hours=37, counts={"sygedagpenge": 30 + i % 30})
                       for i in range(150)], settings=TeamSettings(norm_set_id="ds_2020"))
    path = write(team, tmp_path, full_list=True)
    text = pdf_text(path, raw=True)
    appendix = text[text.rindex("Bilag: alle medarbejdere"):]
    assert all(appendix.count(f"Person {i:03d}") == 1 for i in range(150))
    pages = appendix.split("\f")
    assert all("Navn" in page for page in pages if re.search(r"Person \d{3}", page))


def test_the_most_loaded_staff_start_below_the_overview_not_on_a_new_page(tmp_path):
    """The capped list's heading stays with its first rows, but the list may split: it must not
    jump to the next page and leave the rest of the overview's page empty."""
    team = constructed_team()
    target = tmp_path / "memo.pdf"
    write_memo(team, target, options=MemoOptions(as_of=TODAY, generated=GENERATED, include_history=False))
    pages = pdf_text(target).split("\f")
    overview = next(i for i, page in enumerate(pages) if "Medarbejdere fordelt på status" in page)
    heading = next(i for i, page in enumerate(pages) if "med størst belastning" in page)
    assert heading == overview
    listed = [i for i, page in enumerate(pages) if "Overmand" in page]
    assert listed[0] == overview and len(listed) >= 2  # it goes on over the next page
