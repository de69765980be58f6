"""The memo's section "Scenarier": shown when the team has scenarios and they are chosen, each
scenario described in one sentence, the table's figures equal core.comparison's; left out with
--no-scenarios or without scenarios. The sentences of what differs (core/scenario_describe.py)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from test_history_memo import memo, text_of

from sagstal_desktop import cli
from sagstal_desktop.core import scenarios as sc
from sagstal_desktop.core.comparison import compare
from sagstal_desktop.core.demo import demo_team
from sagstal_desktop.core.scenario_describe import describe
from sagstal_desktop.core.scenario_model import Absence
from sagstal_desktop.io.document import save_team
from sagstal_desktop.report.options import MemoOptions
from sagstal_desktop.report.pdf import write_memo
from sagstal_desktop.report.scenario_section import ROWS, cell_text

AS_OF = date(2027, 2, 15)


def team_with_scenarios():
    team = demo_team(date(2027, 1, 10))
    leave = sc.derive(team, "Fravær 3 mdr.")
    sc.set_absence(leave, Absence(team.staff[0].id, "parental", date(2027, 2, 1), date(2027, 4, 30)))
    more = sc.derive(team, "En stilling mere")
    sc.add_position(more, team, "Ny medarbejder", 37.0)
    ceiling = sc.derive(team, "Loft 40")
    sc.set_own_ceiling(ceiling, team, 40.0, "Kommunalt loft på 40 sager")
    team.scenarios += [leave, more, ceiling]
    return team


def flat(text: str) -> str:
    return " ".join(text.split())


def test_sentences_say_what_differs():
    team = team_with_scenarios()
    name = team.staff[0].name
    leave, more, ceiling = team.scenarios
    assert describe(leave, team) == (f"{name} fraværende 1.2.–30.4.2027, sagerne fordelt på kolleger med kompetence "
                                     "efter fordelingsreglen (den højeste belastning så lav som muligt).")
    assert describe(more, team) == ("1 stilling mere à 37 timer, der overtager sager fra de mest belastede kolleger "
                                    "efter samme regel (én sag ad gangen fra den højeste belastning).")
    more.positions_take_cases = False
    assert describe(more, team) == "1 stilling mere à 37 timer."
    more.positions_take_cases = True
    assert describe(ceiling, team) == "Loft på 40 sager."
    assert describe(ceiling, team, "en") == "A ceiling of 40 cases."
    assert team.staff[2].weekly_hours == 30.0
    kept = sc.derive(team, "Uden")
    kept.redistribute = False
    sc.set_absence(kept, Absence(team.staff[1].id, "vacant"))
    sc.set_hours(kept, team, team.staff[2].id, weekly_hours=25.0)
    sc.remove_position(kept, team, team.staff[3].id)
    assert describe(kept, team) == (f"Stilling vakant ({team.staff[1].name}), sagerne står uden sagsbehandler; "
                                    f"stilling nedlagt ({team.staff[3].name}); "
                                    f"{team.staff[2].name} på 25 timer om ugen i stedet for 30.")
    assert describe(sc.derive(team, "Samme"), team) == "Samme forudsætninger som det nuværende team."
    anonymous = describe(leave, team, name_of=lambda member_id: "Medarbejder X")
    assert anonymous.startswith("Medarbejder X fraværende") and name not in anonymous


def test_section_shows_sentences_and_the_comparisons_figures(tmp_path):
    team = team_with_scenarios()
    text = memo(tmp_path, team, "--as-of", AS_OF.isoformat())
    assert re.search(r"^\s*Scenarier\s*$", text, re.M)
    words = flat(text)
    assert "Det nuværende team sammenlignet med 3 scenarier pr. 15. februar 2027" in words
    assert "Sagstals egen beregning på scenariernes forudsætninger" in words
    for scenario in team.scenarios:
        assert f"{scenario.name}: {describe(scenario, team)}" in words
    result = compare(team, None, AS_OF)
    raw = flat(text_of(tmp_path / "memo.pdf", raw=True))
    # mixed kinds of norm set (DS and an own ceiling): the measure is the norm set's, never DS'
    assert result.labels["fte_needed_max"] == "Årsværk der skal til ved normsættets maksimum"
    section = raw[raw.index("Scenarier"):]
    for key in ROWS[1:]:
        values = " ".join(cell_text(key, f[key], "da") for f in result.figures)
        assert values in section, (key, values)
    assert "DS' maksimum" not in section[:section.index("Kilde:")]


def test_chosen_scenarios_only_and_none(tmp_path):
    team = team_with_scenarios()
    words = flat(memo(tmp_path, team, "--as-of", AS_OF.isoformat(), "--scenario", "Loft 40"))
    assert "sammenlignet med 1 scenarie pr." in words and "Loft 40: Loft på 40 sager." in words
    assert "Fravær 3 mdr.:" not in words
    assert "Scenarier" not in memo(tmp_path, team, "--as-of", AS_OF.isoformat(), "--no-scenarios")
    assert "Scenarier" not in memo(tmp_path, demo_team(date(2027, 1, 10)), "--as-of", AS_OF.isoformat())
    assert "Scenarier" not in flat(text_of(_written(tmp_path, team, MemoOptions(scenarios=(), as_of=AS_OF))))


def test_unknown_scenario_is_an_error(tmp_path, capsys):
    source = save_team(team_with_scenarios(), tmp_path / "team.sagstal")
    assert cli.main(["memo", str(source), "-o", str(tmp_path / "m.pdf"), "--scenario", "Findes ikke"]) != 0
    assert "Findes ikke" in capsys.readouterr().err


def test_anonymised_section_names_nobody(tmp_path):
    team = team_with_scenarios()
    words = flat(text_of(_written(tmp_path, team, MemoOptions(anonymise=True, as_of=AS_OF))))
    assert "Scenarie 1:" in words and "Medarbejder" in words
    assert team.staff[0].name not in words and "Fravær 3 mdr." not in words


@pytest.mark.parametrize("lang", ["en"])
def test_english_section(tmp_path, lang):
    words = flat(text_of(_written(tmp_path, team_with_scenarios(), MemoOptions(lang=lang, as_of=AS_OF))))
    assert "The current team compared with 3 scenarios" in words and "Loft 40: A ceiling of 40 cases." in words
    assert "FTE needed at the norm set's max" in words


def _written(tmp_path, team, options):
    out = tmp_path / "memo_options.pdf"
    write_memo(team, out, options)
    return out


def test_memo_options_dialog_lists_the_scenarios(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from sagstal_desktop.gui.dialogs.memo_options import MemoOptionsDialog

    team = team_with_scenarios()
    dialog = MemoOptionsDialog(team, team.norm_set(), "da", None, "export", today=AS_OF)
    qtbot.addWidget(dialog)
    items = [dialog.scenarios.item(i) for i in range(dialog.scenarios.count())]
    assert [i.text() for i in items] == ["Fravær 3 mdr.", "En stilling mere", "Loft 40"]
    assert dialog.options(AS_OF).scenarios == ("Fravær 3 mdr.", "En stilling mere", "Loft 40")
    items[0].setCheckState(Qt.CheckState.Unchecked)
    chosen = dialog.options(AS_OF)
    assert chosen.scenarios == ("En stilling mere", "Loft 40")
    words = flat(text_of(_written(tmp_path, team, chosen)))
    assert "sammenlignet med 2 scenarier" in words and "Fravær 3 mdr.:" not in words
    for item in items[1:]:
        item.setCheckState(Qt.CheckState.Unchecked)
    assert dialog.options(AS_OF).scenarios == ()
    assert "Scenarier" not in flat(text_of(_written(tmp_path, team, dialog.options(AS_OF))))


def test_ds_only_names_ds_and_memo_norms_measure_the_current_column(tmp_path):
    team = team_with_scenarios()
    words = flat(memo(tmp_path, team, "--as-of", AS_OF.isoformat(), "--scenario", "En stilling mere"))
    section = words[words.index("Scenarier"):words.index("Kilde: Sagstals egen beregning på hver")]
    assert "Årsværk der skal til ved DS' maksimum" in section and "normsættets" not in section
    # the memo measured against the 2015 survey set: the current column is that set's figures
    words = flat(memo(tmp_path, team, "--as-of", AS_OF.isoformat(), "--norms", "ds_2015_types",
                      "--scenario", "En stilling mere"))
    survey = team.copy()
    survey.settings.norm_set_id = "ds_2015_types"
    both = compare(survey, ["En stilling mere"], AS_OF).figures
    current = both[0]
    from sagstal_desktop.core.load import summarize

    alone = summarize(team, AS_OF, survey.norm_set())
    assert current["fte_needed_max"] == alone.fte_needed_max
    section = words[words.index("Scenarier"):]
    assert " ".join(cell_text("fte_needed_max", f["fte_needed_max"], "da") for f in both) in section
    assert current["norm_set"] == "DS-undersøgelse 2015" and "Normsæt DS-undersøgelse 2015 DS 2020" in section
    assert "normsættets maksimum" in section  # a survey set and a DS set: not DS' words


def test_window_memo_with_the_scenarios_checked_in_the_options(make_window, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt

    from sagstal_desktop.gui.dialogs.memo_options import MemoOptionsDialog
    from sagstal_desktop.gui.handlers import memo as memo_actions

    window = make_window(team_with_scenarios())
    target = tmp_path / "notat.pdf"

    def ask(w, purpose):
        dialog = MemoOptionsDialog(w.team(), w.norm_set(), "da", w, purpose)
        dialog.scenarios.item(1).setCheckState(Qt.CheckState.Unchecked)
        return dialog.options(AS_OF)

    monkeypatch.setattr(memo_actions, "ask_options", ask)
    monkeypatch.setattr(memo_actions, "ask_save_path", lambda w, suggested: target)
    memo_actions.export_memo(window)
    words = flat(text_of(target))
    assert "Det nuværende team sammenlignet med 2 scenarier pr. 15. februar 2027" in words
    assert "Loft 40: Loft på 40 sager." in words and "En stilling mere:" not in words
