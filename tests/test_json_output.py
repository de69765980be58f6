"""Issue 25: ``--json`` is compact when written to a pipe or a file, indented with ``--pretty``
(or on a terminal); the same document either way, non-finite numbers as null."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace

from conftest import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from sagstal_desktop.cli.common import print_json


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_compact_to_a_file_indented_to_a_terminal_or_on_request():
    doc = {"a": [1, 2.5, float("nan")], "b": {"c": "æ\x85", "d": float("inf")}}
    compact, terminal, pretty = io.StringIO(), _Terminal(), io.StringIO()
    print_json(doc, compact)
    print_json(doc, terminal)
    print_json(doc, pretty, pretty=True)
    assert compact.getvalue() == '{"a":[1,2.5,null],"b":{"c":"æ\\u0085","d":null}}\n'
    assert terminal.getvalue() == pretty.getvalue()
    assert pretty.getvalue().startswith('{\n  "a": [\n    1,')
    assert json.loads(compact.getvalue()) == json.loads(pretty.getvalue()) == {
        "a": [1, 2.5, None], "b": {"c": "æ\x85", "d": None}}
    assert doc["a"][2] != doc["a"][2]  # the document itself is not changed


def test_summary_json_compact_by_default_and_pretty_on_request(capsys, demo_file):
    code, out, _ = run_cli(capsys, "summary", str(demo_file), "--json", "--as-of", "2026-11-22")
    assert code == 0
    assert out == json.dumps(json.loads(out), ensure_ascii=False, separators=(",", ":")) + "\n"
    code, pretty, _ = run_cli(capsys, "summary", str(demo_file), "--json", "--pretty", "--as-of", "2026-11-22")
    assert code == 0 and pretty.count("\n") > 50
    assert json.loads(out) == json.loads(pretty)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x3000), max_size=30))
def test_only_del_and_c1_characters_are_escaped_whatever_the_text(text):
    out = io.StringIO()
    print_json({"name": text, "n": 1.5}, out)
    reference = json.dumps({"name": text, "n": 1.5}, ensure_ascii=False, separators=(",", ":"))
    reference = re.sub(r"[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", reference)
    assert out.getvalue() == reference + "\n"
    assert json.loads(out.getvalue()) == {"name": text, "n": 1.5}


def test_compact_json_goes_to_the_byte_buffer_of_a_utf8_stream_and_survives_what_orjson_refuses():
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8")
    stream.write("first line\n")  # written before, kept before
    print_json({"navn": "Søren\x9b", "n": [1, 2**40]}, stream)
    stream.flush()
    assert raw.getvalue().decode("utf-8") == 'first line\n{"navn":"Søren\\u009b","n":[1,1099511627776]}\n'
    # a lone surrogate and an integer past 64 bits: the json module's escaped form, still valid JSON
    out = io.StringIO()
    print_json({"navn": "a\ud800", "n": 2**70, "x": float("nan")}, out)
    assert json.loads(out.getvalue()) == {"navn": "a\ud800", "n": 2**70, "x": None}
    # a stream in another encoding (a Windows console's cp1252) gets text, as print writes it
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    print_json({"navn": "Søren"}, stream)
    stream.flush()
    assert raw.getvalue().decode("cp1252") == '{"navn":"Søren"}\n'


def _person_the_old_way(m, p, absent):
    """A person of ``summary --json`` as it was made before (one dict per ``PersonResult``)."""
    from sagstal_desktop.core.case_weight import counts_by_level

    def pct(x):
        return None if x is None else x * 100

    return {"id": p.member_id, "name": p.name, "weekly_hours": p.weekly_hours, "other_hours": m.other_hours,
            "casework_hours": p.casework_hours, "newcomer": p.newcomer, "capacity_fte": p.capacity,
            "measured_capacity_fte": p.measured_capacity, "counts": m.counts, "total_cases": p.total_cases,
            "uncovered_cases": p.uncovered_cases, "fte_caseload": p.fte_caseload, "load_max_pct": pct(p.load_max),
            "load_min_pct": pct(p.load_min), "status": p.status.value,
            "counts_by_level": counts_by_level(m.counts, m.levels),
            "load_max_pct_unweighted": pct(p.load_max_unweighted), "status_unweighted": p.status_unweighted.value,
            "absent": p.member_id in absent, "absence": absent.get(p.member_id)}


def test_the_persons_made_by_column_are_the_persons_made_one_by_one(demo):
    from datetime import date

    from sagstal_desktop.cli.summary import summary_data
    from sagstal_desktop.core import scenarios
    from sagstal_desktop.core.load import summarize
    from sagstal_desktop.core.scenario_model import Absence

    demo.staff[0] = replace(demo.staff[0], levels={"sygedagpenge": {"enkel": 2, "kompleks": 1}})
    demo.staff[1] = replace(demo.staff[1], weekly_hours=0.0, other_hours=0.0)  # nothing computable
    day = date(2026, 11, 22)
    summary = summarize(demo, day)
    norm_set = demo.norm_set()
    doc = summary_data(demo, summary, norm_set, "x.sagstal")
    expected = [_person_the_old_way(m, p, {}) for m, p in zip(demo.staff, summary.persons, strict=True)]
    assert json.dumps(doc["staff"]) == json.dumps(expected)  # same keys in the same order, same values
    assert doc["staff"][1]["load_max_pct"] is None and doc["staff"][0]["counts_by_level"]["sygedagpenge"]["enkel"] == 2
    result = scenarios.evaluate(demo, day, [Absence(demo.staff[2].id, "sick")])
    doc = summary_data(result.team, result.summary, norm_set, "x.sagstal", result)
    expected = [_person_the_old_way(m, p, result.absent)
                for m, p in zip(result.team.staff, result.summary.persons, strict=True)]
    assert json.dumps(doc["staff"]) == json.dumps(expected)
    assert [p["absence"] for p in doc["staff"]].count("sick") == 1


def test_summary_json_loads_only_what_it_needs(tmp_path, demo):
    """The whole-process cost of ``summary --json`` (issue 25): no numpy or pandas for a team
    computed once, and none of the modules it does without (importlib.resources finds the
    package's files only in a frozen bundle, logging only when there is a warning, calendar
    not at all)."""
    import subprocess
    import sys

    from sagstal_desktop.io.document import save_team

    path = save_team(demo, tmp_path / "team.sagstal")
    code = ("import sys, io, contextlib; from sagstal_desktop.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            f"    assert main(['summary', {str(path)!r}, '--json', '--lang', 'da']) == 0\n"
            "assert out.getvalue().startswith('{')\n"
            "print(' '.join(sorted(sys.modules)))")
    loaded = set(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                text=True).stdout.split())
    assert "sagstal_desktop.core.survey" in loaded and "sagstal_desktop.io.document" in loaded
    unneeded = {"numpy", "pandas", "importlib.resources", "logging", "calendar", "zipfile", "tempfile"}
    assert loaded & unneeded == set()


def test_a_lazy_pattern_is_the_compiled_pattern_once_used():
    from sagstal_desktop.core.lazy_pattern import LazyPattern

    lazy = LazyPattern(r"^(\d{4})-(\d{1,2})$", re.ASCII)
    assert lazy._compiled is None  # nothing compiled at import
    assert lazy.match("2026-03").groups() == ("2026", "03") and lazy.match("٢٠٢٦-03") is None
    assert lazy.sub("x", "2026-3") == "x" and lazy.pattern == r"^(\d{4})-(\d{1,2})$"
    assert lazy.compiled() is lazy.compiled() is re.compile(r"^(\d{4})-(\d{1,2})$", re.ASCII)
